/**
 * A whole write (a PUT, a re-import) rewrites only the query tables whose rows changed since the rows
 * this store wrote for the latest version (src/store/written-rows.ts); the tables and summaries must
 * end as a whole rewrite leaves them, also after a project edit and after a version this store did not
 * write.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Programme } from "../../src/domain/model.js";
import { projectFields } from "../../src/domain/project-edit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { validateProgramme } from "../../src/domain/validate.js";
import type { Store } from "../../src/store/index.js";
import { saveEdit } from "../../src/store/programmes.js";
import { saveProjectEdit } from "../../src/store/project-edit.js";
import { refreshSummaries } from "../../src/store/summaries.js";
import { expectNormalizedRowsMatch } from "../reliability/consistency.js";
import { openTestStore } from "../support/db.js";

async function fundingRowIds(store: Store, programmeId: number): Promise<number[]> {
  const rows = await store
    .kysely()
    .selectFrom("funding_rows")
    .select("id")
    .where("programme_id", "=", programmeId)
    .orderBy("id")
    .execute();
  return rows.map((row) => row.id);
}

async function summaryRows(store: Store, programmeId: number) {
  const db = store.kysely();
  const summaries = await db
    .selectFrom("programme_summaries")
    .select(["year", "source", "category", "amount_kopecks"])
    .where("programme_id", "=", programmeId)
    .orderBy("year")
    .orderBy("source")
    .orderBy("category")
    .execute();
  const national = await db
    .selectFrom("national_sums")
    .select(["year", "category", "version", "amount_kopecks"])
    .where("programme_id", "=", programmeId)
    .orderBy("year")
    .orderBy("category")
    .execute();
  return { summaries, national };
}

/** The summaries as they are, and as recomputed from the query tables: they must be the same. */
async function expectSummariesCurrent(store: Store, programmeId: number): Promise<void> {
  const stored = await summaryRows(store, programmeId);
  await refreshSummaries(store.kysely(), [programmeId]);
  expect(stored).toEqual(await summaryRows(store, programmeId));
}

/** The programme with its first project's first amount raised. */
function withAmountRaised(programme: Programme, by: number): Programme {
  const changed = structuredClone(programme);
  const row = changed.directions[0]?.items[0]?.funding[0];
  if (!row) throw new Error("no funding row");
  const year = Object.keys(row.byYear)[0] ?? String(changed.period.from);
  row.byYear[year] = (row.byYear[year] ?? 0) + by;
  row.total += by;
  return changed;
}

describe("a whole write of a programme", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let programme: Programme;
  let programmeId: number;
  let version: number;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    programme = demoProgramme();
    ({ programmeId, version } = await store.saveImport(
      { programme, findings: [] },
      { name: "a", sha256: "a" },
    ));
    await store.setStatus(programmeId, "published");
  });
  afterAll(async () => dispose());

  async function put(next: Programme): Promise<void> {
    const saved = await store.saveEdit(programmeId, next, validateProgramme(next), "test", null, version);
    if (!saved) throw new Error("not saved");
    version = saved.version;
    programme = next;
  }

  it("rewrites none of the query tables when their rows did not change", async () => {
    const before = await fundingRowIds(store, programmeId);
    await put({ ...programme, title: `${programme.title} (уточнена)` });
    expect(await fundingRowIds(store, programmeId)).toEqual(before);
    await expectNormalizedRowsMatch(store);
    await expectSummariesCurrent(store, programmeId);
    const { national } = await summaryRows(store, programmeId);
    expect(national.length).toBeGreaterThan(0);
    expect(national.every((row) => row.version === version)).toBe(true);
  });

  it("rewrites the funding rows and the summaries when an amount changed", async () => {
    const before = await fundingRowIds(store, programmeId);
    await put(withAmountRaised(programme, 5_00));
    expect(await fundingRowIds(store, programmeId)).not.toEqual(before);
    await expectNormalizedRowsMatch(store);
    await expectSummariesCurrent(store, programmeId);
  });

  it("after a project edit, a re-import of the version before it undoes what the edit changed", async () => {
    const original = programme;
    const item = original.directions[1]?.items[0];
    if (!item) throw new Error("no project");
    const fields = structuredClone(projectFields(item));
    fields.title = "Придбання серверного обладнання та мережевих комутаторів";
    const row = fields.funding[0];
    if (row) row.total += 9_00;
    const edited = await saveProjectEdit(store, {
      programmeId,
      itemId: item.id,
      fields,
      baseVersion: version,
      validate: validateProgramme,
      actor: null,
    });
    if (edited.outcome !== "saved") throw new Error(edited.outcome);
    await expectNormalizedRowsMatch(store);
    const again = await store.saveImport(
      { programme: original, findings: [] },
      { name: "b", sha256: "b" },
      null,
      undefined,
      { saveIdentical: true },
    );
    expect(again).toMatchObject({ programmeId, version: edited.version + 1 });
    version = again.version;
    await expectNormalizedRowsMatch(store);
    await expectSummariesCurrent(store, programmeId);
  });

  it("rewrites every table after a version this store did not write", async () => {
    const unchanged = programme;
    // Another writer (a second handle on the database: it keeps its own rows) stores changed amounts.
    const elsewhere = store.kysely().withPlugin({
      transformQuery: ({ node }) => node,
      transformResult: async ({ result }) => result,
    });
    const changed = withAmountRaised(unchanged, 3_00);
    const other = await saveEdit(elsewhere, programmeId, changed, [], "elsewhere", null, version);
    if (!other) throw new Error("not saved");
    // This store's rows of the version before are the rows of `unchanged`: they are no longer current.
    version = other.version;
    await put({ ...unchanged, title: `${unchanged.title} (знову)` });
    await expectNormalizedRowsMatch(store);
    await expectSummariesCurrent(store, programmeId);
  });
});
