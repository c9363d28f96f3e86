/**
 * A project edit rewrites only that item's rows of the query tables; they must end as a whole
 * rewrite of the new version would leave them (category from the new title included).
 */
import { type KyselyPlugin, PostgresQueryCompiler, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectFields } from "../../src/domain/project-edit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { validateProgramme } from "../../src/domain/validate.js";
import type { Store } from "../../src/store/index.js";
import { hasLz4 } from "../../src/store/migrations/0033_version_document_storage.js";
import { normalizeProgramme } from "../../src/store/normalize.js";
import { saveProjectEdit } from "../../src/store/project-edit.js";
import { openTestStore } from "../support/db.js";

async function queryRows(store: Store, programmeId: number) {
  const db = store.kysely();
  const items = await db
    .selectFrom("items")
    .select(["id", "number", "title", "executors", "expected_result", "category", "depth", "position"])
    .where("programme_id", "=", programmeId)
    .orderBy("id")
    .execute();
  const funding = await db
    .selectFrom("funding_rows")
    .select(["item_id", "direction", "source", "label", "year", "amount_kopecks"])
    .where("programme_id", "=", programmeId)
    .orderBy("item_id")
    .orderBy("direction")
    .orderBy("source")
    .orderBy("label")
    .orderBy("year")
    .orderBy("amount_kopecks")
    .execute();
  const summaries = await db
    .selectFrom("programme_summaries")
    .select(["year", "source", "category", "amount_kopecks"])
    .where("programme_id", "=", programmeId)
    .orderBy("year")
    .orderBy("source")
    .orderBy("category")
    .execute();
  return {
    items,
    funding: funding.map((row) => ({ ...row, amount_kopecks: Number(row.amount_kopecks) })),
    summaries,
  };
}

/** The store with every statement its Kysely sends (compiled as for PostgreSQL) recorded in `statements`. */
function recordingStore(store: Store): { store: Store; statements: string[] } {
  const statements: string[] = [];
  const compiler = new PostgresQueryCompiler();
  const recorder: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      statements.push(compiler.compileQuery(node, queryId).sql);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  const db = store.kysely().withPlugin(recorder);
  const recording = new Proxy(store, {
    get: (target, key) => (key === "kysely" ? () => db : Reflect.get(target, key)),
  });
  return { store: recording, statements };
}

describe("a project edit in the query tables", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(async () => dispose());

  it("leaves the items, funding rows and summaries as a whole rewrite would", async () => {
    const programme = demoProgramme();
    const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "a", sha256: "a" });
    const item = programme.directions[1]?.items[0];
    if (!item) throw new Error("no project");
    const fields = structuredClone(projectFields(item));
    fields.title = "Придбання серверного обладнання та мережевих комутаторів";
    const row = fields.funding[0];
    if (row) {
      const year = Object.keys(row.byYear)[0] ?? String(programme.period.from);
      row.byYear[year] = (row.byYear[year] ?? 0) + 7_00;
      row.total += 7_00;
    }
    const saved = await saveProjectEdit(store, {
      programmeId,
      itemId: item.id,
      fields,
      baseVersion: 1,
      validate: validateProgramme,
      actor: null,
    });
    if (saved.outcome !== "saved") throw new Error(saved.outcome);
    const narrow = await queryRows(store, programmeId);

    const reference = normalizeProgramme(programmeId, saved.programme);
    expect(narrow.items.find((each) => each.id === item.id)?.category).toBe(
      reference.items.find((each) => each.id === item.id)?.category,
    );
    // The same programme imported again (insisting on a new version, as it is identical) is written
    // whole: a new version of the same programme row.
    const again = await store.saveImport(
      { programme: saved.programme, findings: [] },
      { name: "b", sha256: "b" },
      null,
      undefined,
      { saveIdentical: true },
    );
    expect(again).toMatchObject({ programmeId, version: 3 });
    expect(narrow).toEqual(await queryRows(store, programmeId));
  });

  it("moves the summaries by the project's rows when only its amounts and sources change", async () => {
    const programme = demoProgramme();
    programme.period = { from: 2031, to: 2033 };
    for (const item of programme.directions.flatMap((d) => d.items)) {
      for (const row of item.funding) {
        const entries = Object.values(row.byYear);
        row.byYear = Object.fromEntries(entries.map((amount, i) => [String(2031 + i), amount]));
      }
    }
    const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "c", sha256: "c" });
    const item = programme.directions
      .flatMap((d) => d.items)
      .find((each) => each.children.length === 0 && each.funding.length > 1);
    if (!item) throw new Error("no funded project");
    const fields = structuredClone(projectFields(item));
    const [first, second] = fields.funding;
    if (!first || !second) throw new Error("the project needs two funding rows");
    // One amount up (its groups move), the other row to another source (its old groups may empty,
    // new ones appear), and a new zero row in a third source.
    const year = Object.keys(first.byYear)[0] ?? "2031";
    first.byYear[year] = (first.byYear[year] ?? 0) + 3_00;
    first.total += 3_00;
    second.source = second.source === "state" ? "oblast" : "state";
    fields.funding.push({ source: "district", label: "районний", byYear: { "2033": 0 }, total: 0, line: 0 });
    const saved = await saveProjectEdit(store, {
      programmeId,
      itemId: item.id,
      fields,
      baseVersion: 1,
      validate: validateProgramme,
      actor: null,
    });
    if (saved.outcome !== "saved") throw new Error(saved.outcome);
    const narrow = await queryRows(store, programmeId);
    await store.saveImport({ programme: saved.programme, findings: [] }, { name: "d", sha256: "d" });
    expect(narrow).toEqual(await queryRows(store, programmeId));
  });

  it("moves the summaries on a new title that reclassifies nothing; recomputes them when it does", async () => {
    const programme = demoProgramme();
    const options = { saveIdentical: true };
    const imported = await store.saveImport(
      { programme, findings: [] },
      { name: "t", sha256: "t" },
      null,
      undefined,
      options,
    );
    const { programmeId } = imported;
    const categories = async () =>
      new Map((await queryRows(store, programmeId)).items.map((row) => [row.id, row.category] as const));
    const recomputes = (statements: string[]) =>
      statements.filter((each) => /insert into programme_summaries .*select/s.test(each)).length;
    const editTitle = async (itemId: string, title: string, baseVersion: number, current = programme) => {
      const item = current.directions.flatMap((d) => d.items).find((each) => each.id === itemId);
      if (!item) throw new Error("no project");
      const recording = recordingStore(store);
      const fields = { ...structuredClone(projectFields(item)), title };
      const saved = await saveProjectEdit(recording.store, {
        programmeId,
        itemId,
        fields,
        baseVersion,
        validate: validateProgramme,
        actor: null,
      });
      if (saved.outcome !== "saved") throw new Error(saved.outcome);
      return { saved, statements: recording.statements };
    };
    const wholeRewrite = async (saved: { programme: typeof programme }) => {
      const narrow = await queryRows(store, programmeId);
      await store.saveImport(
        { programme: saved.programme, findings: [] },
        { name: "w", sha256: "w" },
        null,
        undefined,
        options,
      );
      expect(narrow).toEqual(await queryRows(store, programmeId));
    };

    // A funded project with nothing below it, renamed without leaving its category.
    const leaf = programme.directions
      .flatMap((d) => d.items)
      .find((each) => each.children.length === 0 && each.funding.length > 0);
    if (!leaf) throw new Error("no funded project");
    const before = await categories();
    const renamed = await editTitle(leaf.id, `${leaf.title} (уточнено)`, imported.version);
    expect((await categories()).get(leaf.id)).toBe(before.get(leaf.id));
    expect(recomputes(renamed.statements)).toBe(0);
    await wholeRewrite(renamed.saved);

    // A task whose new title reclassifies the projects below it: their funding changes category.
    const task = programme.directions[1]?.items[0];
    if (!task?.children.length) throw new Error("no task with projects");
    const latest = (await store.getProgramme(programmeId))?.version.version ?? 0;
    const belowBefore = await categories();
    const reclassified = await editTitle(
      task.id,
      "Придбання серверного обладнання та мережевих комутаторів",
      latest,
    );
    const belowAfter = await categories();
    expect(task.children.some((child) => belowAfter.get(child.id) !== belowBefore.get(child.id))).toBe(true);
    expect(recomputes(reclassified.statements)).toBe(1);
    await wholeRewrite(reclassified.saved);
  });

  it("locks the programme and reads its latest version once, and leaves its community and period alone", async () => {
    const programme = demoProgramme();
    const imported = { programme, findings: [] };
    const { programmeId, version } = await store.saveImport(
      imported,
      { name: "e", sha256: "e" },
      null,
      undefined,
      {
        saveIdentical: true,
      },
    );
    const item = programme.directions[0]?.items.find((each) => each.funding.length > 0);
    if (!item) throw new Error("no funded project");
    const fields = structuredClone(projectFields(item));
    fields.expectedResult = `${fields.expectedResult} (уточнено)`;
    const recording = recordingStore(store);
    const edit = { programmeId, itemId: item.id, fields, validate: validateProgramme, actor: null };
    const saved = await saveProjectEdit(recording.store, { ...edit, baseVersion: version });
    expect(saved).toMatchObject({ outcome: "saved", version: version + 1 });
    const count = (pattern: RegExp) => recording.statements.filter((each) => pattern.test(each)).length;
    expect(count(/^select .* from "programmes" .*for update$/s)).toBe(1);
    expect(count(/max\("version"\)/)).toBe(1);
    expect(count(/"communities"|"period_from"/)).toBe(0);
    // The next edit still sees the version it made, and a stale one is refused.
    const next = { ...edit, baseVersion: version + 1 };
    expect(await saveProjectEdit(store, next)).toMatchObject({ version: version + 2 });
    expect(await saveProjectEdit(store, next)).toMatchObject({
      outcome: "conflict",
      latestVersion: version + 2,
    });
    const stored = await store.getProgramme(programmeId);
    expect(stored?.programme.community).toEqual(programme.community);
    expect(stored?.programme.period).toEqual(programme.period);
  });

  it("stores a version's document compressed with lz4 where the server has it, else with pglz", async () => {
    const programme = demoProgramme();
    const imported = { programme, findings: [] };
    const options = { saveIdentical: true };
    const { programmeId, version } = await store.saveImport(
      imported,
      { name: "c", sha256: "c" },
      null,
      undefined,
      options,
    );
    const item = programme.directions[0]?.items[0];
    if (!item) throw new Error("no project");
    const fields = { ...structuredClone(projectFields(item)), title: `${item.title} (уточнено)` };
    const edit = { programmeId, itemId: item.id, fields, validate: validateProgramme, actor: null };
    const saved = await saveProjectEdit(store, { ...edit, baseVersion: version });
    expect(saved).toMatchObject({ version: version + 1 });
    const stored = await sql<{ version: number; compression: string | null; bytes: number }>`
      select version, pg_column_compression(document) as compression, octet_length(document::text) as bytes
      from programme_versions where programme_id = ${programmeId} and version >= ${version} order by version`.execute(
      store.kysely(),
    );
    expect(stored.rows.map((row) => row.version)).toEqual([version, version + 1]);
    const expected = (await hasLz4(store.kysely())) ? "lz4" : "pglz";
    for (const row of stored.rows) {
      expect(row.bytes).toBeGreaterThan(8_000); // large enough that PostgreSQL compresses it by default
      expect(row.compression).toBe(expected);
    }
  });
});
