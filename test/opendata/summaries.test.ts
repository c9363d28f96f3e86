import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { autoCategories } from "../../src/domain/classify/index.js";
import { allItems, type Programme } from "../../src/domain/model.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { importDocument } from "../../src/import/index.js";
import { setCategoryOverride } from "../../src/store/categories.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import type { Database } from "../../src/store/schema.js";
import { openTestStore } from "../support/db.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

type Key = string;
const keyOf = (programmeId: number, year: number | null, source: string, category: string): Key =>
  `${programmeId}|${year ?? "all"}|${source}|${category}`;

/** Summaries as stored, amounts as bigint strings (no float on the way). */
async function storedSummaries(db: Kysely<Database>): Promise<Map<Key, string>> {
  const { rows } = await sql<{
    programme_id: number;
    year: number | null;
    source: string;
    category: string;
    amount: string;
  }>`
    select programme_id, year, source, category, amount_kopecks::text as amount from programme_summaries`.execute(
    db,
  );
  return new Map(
    rows.map((row) => [keyOf(row.programme_id, row.year, row.source, row.category), row.amount]),
  );
}

/** The same sums recomputed straight from funding_rows, items and overrides. */
async function recomputed(db: Kysely<Database>): Promise<Map<Key, string>> {
  const { rows } = await sql<{
    programme_id: number;
    year: number | null;
    source: string;
    category: string;
    amount: string;
  }>`
    select f.programme_id, f.year, f.source, coalesce(o.category, i.category) as category,
      sum(f.amount_kopecks)::text as amount
    from funding_rows f join items i on i.programme_id = f.programme_id and i.id = f.item_id
    left join category_overrides o on o.programme_id = f.programme_id and o.item_id = f.item_id
    where f.source <> 'total'
    group by 1, 2, 3, 4`.execute(db);
  return new Map(
    rows.map((row) => [keyOf(row.programme_id, row.year, row.source, row.category), row.amount]),
  );
}

/** Sums from the programme document itself, in JS, exact (BigInt). */
function fromDocument(programmeId: number, programme: Programme, overrides: Map<string, string> = new Map()) {
  const categories = autoCategories(programme);
  const out = new Map<Key, bigint>();
  const add = (key: Key, amount: number) => out.set(key, (out.get(key) ?? 0n) + BigInt(amount));
  for (const item of allItems(programme)) {
    const category = overrides.get(item.id) ?? categories.get(item.id) ?? "other";
    for (const row of item.funding) {
      if (row.source === "total") continue;
      add(keyOf(programmeId, null, row.source, category), row.total);
      for (const [year, amount] of Object.entries(row.byYear))
        add(keyOf(programmeId, Number(year), row.source, category), amount);
    }
  }
  return new Map([...out].map(([key, value]) => [key, value.toString()]));
}

function only(map: Map<Key, string>, programmeId: number): Map<Key, string> {
  return new Map([...map].filter(([key]) => key.startsWith(`${programmeId}|`)));
}

describe("programme summaries are refreshed on every write", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let db: Kysely<Database>;
  const nation = [...generateNation({ seed: 11, communities: 12 })];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    db = store.kysely();
  });
  afterAll(async () => dispose());

  it("after a bulk load, per programme they equal the document's own sums", async () => {
    const result = await loadProgrammes(db, nation.slice(0, 10), { batchSize: 4 });
    expect(result).toEqual({ loaded: 10, skipped: 0 });
    const stored = await storedSummaries(db);
    expect(stored).toEqual(await recomputed(db));
    const ids = await db.selectFrom("programmes").select(["id", "katottg"]).orderBy("id").execute();
    for (const [index, { id, katottg }] of ids.entries()) {
      const synthetic = nation[index];
      expect(katottg).toBe(synthetic?.community.katottg);
      expect(only(stored, id)).toEqual(fromDocument(id, synthetic?.programme as Programme));
    }
    const community = await db
      .selectFrom("communities")
      .selectAll()
      .where("katottg", "=", nation[0]?.community.katottg ?? "")
      .executeTakeFirstOrThrow();
    expect(community.oblast).toBe(nation[0]?.community.oblast);
    expect(community.population).toBe(nation[0]?.community.population);
  });

  it("loading again skips the programmes already stored", async () => {
    expect(await loadProgrammes(db, nation.slice(8, 12), { batchSize: 3 })).toEqual({
      loaded: 2,
      skipped: 2,
    });
  });

  it("after imports of the real fixtures and an edit that moves money", async () => {
    const names = (await readdir(FIXTURES)).filter((name) => name.endsWith(".txt"));
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      const bytes = await readFile(path.join(FIXTURES, name));
      const result = await importDocument(bytes, name);
      const saved = await store.saveImport(result, { name, sha256: name });
      expect(only(await storedSummaries(db), saved.programmeId)).toEqual(
        fromDocument(saved.programmeId, result.programme),
      );
    }
    const [first] = await db.selectFrom("programmes").select("id").orderBy("id", "desc").limit(1).execute();
    const id = first?.id ?? 0;
    const stored = await store.getProgramme(id);
    const programme = structuredClone(stored?.programme as Programme);
    const item = allItems(programme).find((each) =>
      each.funding.some((row) => row.source === "local" && row.total > 0),
    );
    const row = item?.funding.find((each) => each.source === "local");
    if (!row) throw new Error("no local funding row in the programme");
    const year = Object.keys(row.byYear)[0] ?? "";
    row.byYear[year] = (row.byYear[year] ?? 0) + 12_345;
    row.total += 12_345;
    row.source = "state";
    await store.saveEdit(id, programme, []);
    expect(only(await storedSummaries(db), id)).toEqual(fromDocument(id, programme));
    expect(await storedSummaries(db)).toEqual(await recomputed(db));
  });

  it("a category override moves the item's money to the new category, kopeck-exact", async () => {
    const [first] = await db.selectFrom("programmes").select("id").orderBy("id").limit(1).execute();
    const id = first?.id ?? 0;
    const programme = (await store.getProgramme(id))?.programme as Programme;
    const categories = autoCategories(programme);
    const item = allItems(programme).find(
      (each) => each.funding.some((row) => row.total > 0) && categories.get(each.id) !== "gis",
    );
    if (!item) throw new Error("no funded item");
    const before = await storedSummaries(db);
    expect(
      await setCategoryOverride(db, { programmeId: id, itemId: item.id, category: "gis", by: "test" }),
    ).toBe("saved");
    const after = await storedSummaries(db);
    expect(only(after, id)).toEqual(fromDocument(id, programme, new Map([[item.id, "gis"]])));
    expect(only(after, id)).not.toEqual(only(before, id));
    expect(after).toEqual(await recomputed(db));
    expect(
      await setCategoryOverride(db, { programmeId: id, itemId: "d99.1", category: "gis", by: "test" }),
    ).toBe("no-item");
    expect(
      await setCategoryOverride(db, { programmeId: 999_999, itemId: item.id, category: "gis", by: "test" }),
    ).toBe("no-programme");
  });

  it("every item gets an automatic category when written", async () => {
    const missing = await db.selectFrom("items").select("id").where("category", "is", null).execute();
    expect(missing).toEqual([]);
  });
});
