import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { autoCategories } from "../../src/domain/classify/index.js";
import { allItems, assignItemIds, emptyItem, type Item, type Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { listAudit, monitoringDb } from "../../src/store/audit.js";
import { setCategoryOverride } from "../../src/store/categories.js";
import type { Store } from "../../src/store/index.js";
import * as overrideIdentity from "../../src/store/migrations/0006_override_identity.js";
import { listResource } from "../../src/store/opendata.js";
import type { Database } from "../../src/store/schema.js";
import { createUser } from "../../src/store/users.js";
import { openTestStore } from "../support/db.js";

const SOURCE = { name: "demo.txt", sha256: "a".repeat(64) };
const FIBRE = "Побудова оптичної мережі між адміністративними будівлями";

function byTitle(programme: Programme, start: string): Item {
  const found = allItems(programme).find((item) => item.title.startsWith(start));
  if (!found) throw new Error(`no item «${start}»`);
  return found;
}

/** A copy of the programme with a funded project inserted first in direction 1, numbered as the editor does. */
function withInsertedProject(programme: Programme): Programme {
  const copy = structuredClone(programme);
  const inserted = emptyItem("1.1", "Модернізація серверної кімнати");
  inserted.funding = [
    { source: "local", label: "бюджет громади", byYear: { "2026": 5_000_00 }, total: 5_000_00, line: 0 },
  ];
  copy.directions[0]?.items.unshift(inserted);
  assignItemIds(copy);
  return copy;
}

function without(programme: Programme, title: string): Programme {
  const copy = structuredClone(programme);
  for (const direction of copy.directions)
    direction.items = direction.items.filter((item) => !item.title.startsWith(title));
  assignItemIds(copy);
  return copy;
}

interface OverrideRow {
  item_id: string;
  item_number: string | null;
  item_title: string | null;
  category: string;
  set_by: string;
}

async function overrides(db: Kysely<Database>, programmeId: number): Promise<OverrideRow[]> {
  const { rows } = await sql<OverrideRow>`
    select item_id, item_number, item_title, category, set_by from category_overrides
    where programme_id = ${programmeId} order by item_id`.execute(db);
  return rows;
}

/** programme × (year | all) × source × category → kopecks as stored. */
async function storedSummaries(db: Kysely<Database>, programmeId: number): Promise<Map<string, string>> {
  const { rows } = await sql<{ year: number | null; source: string; category: string; amount: string }>`
    select year, source, category, amount_kopecks::text as amount from programme_summaries
    where programme_id = ${programmeId}`.execute(db);
  return new Map(rows.map((row) => [`${row.year ?? "all"}|${row.source}|${row.category}`, row.amount]));
}

/** The same sums from the document, with the given corrections by item id. */
function expectedSummaries(programme: Programme, corrections: Record<string, string>): Map<string, string> {
  const auto = autoCategories(programme);
  const out = new Map<string, bigint>();
  const add = (key: string, amount: number) => out.set(key, (out.get(key) ?? 0n) + BigInt(amount));
  for (const item of allItems(programme)) {
    const category = corrections[item.id] ?? auto.get(item.id) ?? "other";
    for (const row of item.funding) {
      if (row.source === "total") continue;
      add(`all|${row.source}|${category}`, row.total);
      for (const [year, amount] of Object.entries(row.byYear))
        add(`${year}|${row.source}|${category}`, amount);
    }
  }
  return new Map([...out].map(([key, value]) => [key, value.toString()]));
}

async function openProject(db: Kysely<Database>, katottg: string, itemId: string) {
  const page = await listResource(db, "projects", { katottg: [katottg] }, { limit: 1000 });
  return page.data.find((row) => row.item_id === itemId);
}

describe("category corrections follow their project across versions", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let db: Kysely<Database>;
  let programmeId: number;
  let communities = 0;
  let katottg: string;
  /** This test's own programme: the demo one under a community of its own (one store for the file). */
  const original = (): Programme => {
    const programme = demoProgramme();
    programme.community = { name: `Громада ${katottg}`, katottg };
    return programme;
  };
  const audit = async () =>
    (await listAudit(monitoringDb(store), { entity: "programme", entityId: String(programmeId) })).filter(
      (entry) => entry.action === "category_override_dropped",
    );

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    db = store.kysely();
  });
  afterAll(() => dispose());

  beforeEach(async () => {
    katottg = `UA990000000000001${String(++communities).padStart(2, "0")}`;
    ({ programmeId } = await store.saveImport({ programme: original(), findings: [] }, SOURCE));
    await store.setStatus(programmeId, "published");
    const fibre = byTitle(original(), FIBRE);
    expect(autoCategories(original()).get(fibre.id)).not.toBe("gis");
    expect(
      await setCategoryOverride(db, { programmeId, itemId: fibre.id, category: "gis", by: "head" }),
    ).toBe("saved");
  });

  it("records the item's number and title with the correction", async () => {
    const fibre = byTitle(original(), FIBRE);
    expect(await overrides(db, programmeId)).toEqual([
      {
        item_id: fibre.id,
        item_number: fibre.number,
        item_title: fibre.title,
        category: "gis",
        set_by: "head",
      },
    ]);
  });

  it("an edit inserting a project before it moves the correction, summaries and open data with it", async () => {
    const edited = withInsertedProject(original());
    const fibre = byTitle(edited, FIBRE);
    expect(fibre.id).not.toBe(byTitle(original(), FIBRE).id);
    await store.saveEdit(programmeId, edited, []);

    expect(await overrides(db, programmeId)).toEqual([
      {
        item_id: fibre.id,
        item_number: fibre.number,
        item_title: fibre.title,
        category: "gis",
        set_by: "head",
      },
    ]);
    expect(await storedSummaries(db, programmeId)).toEqual(expectedSummaries(edited, { [fibre.id]: "gis" }));
    expect(await openProject(db, katottg, fibre.id)).toMatchObject({
      title: fibre.title,
      category: "gis",
      category_source: "override",
    });
    const shiftedOnto = byTitle(edited, "Модернізація серверної");
    expect(await openProject(db, katottg, shiftedOnto.id)).toMatchObject({ category_source: "auto" });
    expect(await audit()).toEqual([]);
  });

  it("a re-import that reorders the direction keeps the correction on the project", async () => {
    const reordered = original();
    reordered.directions[0]?.items.reverse();
    assignItemIds(reordered);
    const fibre = byTitle(reordered, FIBRE);
    await store.saveImport({ programme: reordered, findings: [] }, { ...SOURCE, sha256: "b".repeat(64) });
    expect((await overrides(db, programmeId)).map((row) => row.item_id)).toEqual([fibre.id]);
    expect(await storedSummaries(db, programmeId)).toEqual(
      expectedSummaries(reordered, { [fibre.id]: "gis" }),
    );
  });

  it("deleting the project drops the correction and says so in the programme's audit log", async () => {
    const user = await createUser(store, {
      login: "editor",
      password: "x",
      displayName: "Редактор",
      role: "head",
    });
    const fibre = byTitle(original(), FIBRE);
    const edited = without(original(), FIBRE);
    const saved = await store.saveEdit(programmeId, edited, [], "видалено захід", { userId: user.id });

    expect(await overrides(db, programmeId)).toEqual([]);
    expect(await storedSummaries(db, programmeId)).toEqual(expectedSummaries(edited, {}));
    expect(await audit()).toEqual([
      expect.objectContaining({
        userId: user.id,
        before: expect.objectContaining({
          itemId: fibre.id,
          number: fibre.number,
          title: fibre.title,
          category: "gis",
        }),
        after: { version: saved?.version, reason: "not-found" },
      }),
    ]);
  });

  it("migration 0006 fills the identity of existing corrections from their items; unknown ones are dropped on save", async () => {
    const fibre = byTitle(original(), FIBRE);
    await overrideIdentity.down(db);
    await sql`insert into category_overrides (programme_id, item_id, category, set_by)
      values (${programmeId}, 'd9.9', 'video', 'head')`.execute(db);
    await overrideIdentity.up(db);
    expect(await overrides(db, programmeId)).toEqual([
      {
        item_id: fibre.id,
        item_number: fibre.number,
        item_title: fibre.title,
        category: "gis",
        set_by: "head",
      },
      { item_id: "d9.9", item_number: null, item_title: null, category: "video", set_by: "head" },
    ]);

    const edited = withInsertedProject(original());
    await store.saveEdit(programmeId, edited, []);
    expect((await overrides(db, programmeId)).map((row) => row.item_id)).toEqual([byTitle(edited, FIBRE).id]);
    const reasons = (await audit()).map((entry) => [
      (entry.before as { itemId: string }).itemId,
      (entry.after as { reason: string }).reason,
    ]);
    expect(reasons).toEqual([["d9.9", "not-found"]]);
  });
});
