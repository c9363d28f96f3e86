/**
 * What a store must look like after any failure (a crash, a lost database connection): versions
 * 1..n without gaps, normalized rows equal to what the latest version's document makes, no orphan
 * rows, no idempotency key claimed without its result.
 */
import { expect } from "vitest";
import type { Programme } from "../../src/domain/model.js";
import type { Store } from "../../src/store/index.js";
import { normalizeProgramme } from "../../src/store/normalize.js";

export async function expectVersionsWithoutGaps(store: Store): Promise<void> {
  const rows = await store
    .kysely()
    .selectFrom("programme_versions")
    .select(["programme_id", "version"])
    .orderBy("programme_id")
    .orderBy("version")
    .execute();
  const byProgramme = new Map<number, number[]>();
  for (const row of rows)
    byProgramme.set(row.programme_id, [...(byProgramme.get(row.programme_id) ?? []), row.version]);
  for (const versions of byProgramme.values()) {
    expect(versions).toEqual(versions.map((_, index) => index + 1));
  }
}

export async function expectNormalizedRowsMatch(store: Store): Promise<void> {
  const db = store.kysely();
  for (const summary of await store.listProgrammes()) {
    const stored = await store.getProgramme(summary.id);
    const expected = normalizeProgramme(summary.id, stored?.programme as Programme);
    const items = await db
      .selectFrom("items")
      .select(["id", "parent_id", "number", "title"])
      .where("programme_id", "=", summary.id)
      .orderBy("id")
      .execute();
    const wantedItems = expected.items.map((item) => ({
      id: item.id,
      parent_id: item.parent_id ?? null,
      number: item.number,
      title: item.title,
    }));
    expect(items).toEqual(wantedItems.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    const funding = await db
      .selectFrom("funding_rows")
      .select(["item_id", "source", "year", "amount_kopecks"])
      .where("programme_id", "=", summary.id)
      .execute();
    const key = (row: {
      item_id?: string | null;
      source: string;
      year?: number | null;
      amount_kopecks: unknown;
    }) => `${row.item_id ?? ""}|${row.source}|${row.year ?? ""}|${String(row.amount_kopecks)}`;
    expect(funding.map(key).sort()).toEqual(expected.fundingRows.map(key).sort());
    const directions = await db
      .selectFrom("directions")
      .select(["position", "title"])
      .where("programme_id", "=", summary.id)
      .orderBy("position")
      .execute();
    expect(directions).toEqual(
      expected.directions.map((row) => ({ position: row.position, title: row.title })),
    );
    const indicators = await db
      .selectFrom("indicators")
      .select("name")
      .where("programme_id", "=", summary.id)
      .orderBy("position")
      .execute();
    expect(indicators.map((row) => row.name)).toEqual(expected.indicators.map((row) => row.name));
  }
}

export async function expectNoOrphans(store: Store): Promise<void> {
  const db = store.kysely();
  const orphanItems = await db
    .selectFrom("items as i")
    .leftJoin("items as p", (join) =>
      join.onRef("p.programme_id", "=", "i.programme_id").onRef("p.id", "=", "i.parent_id"),
    )
    .select("i.id")
    .where("i.parent_id", "is not", null)
    .where("p.id", "is", null)
    .execute();
  expect(orphanItems).toEqual([]);
  const withoutVersion = await db
    .selectFrom("programmes as p")
    .leftJoin("programme_versions as v", "v.programme_id", "p.id")
    .select("p.id")
    .where("v.id", "is", null)
    .execute();
  expect(withoutVersion).toEqual([]);
  const unrecordedKeys = await db
    .selectFrom("idempotency_keys")
    .select("key")
    .where("version", "is", null)
    .execute();
  expect(unrecordedKeys).toEqual([]);
}
