import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ExecutorReport,
  latestEffective,
  missingReports,
  progressReport,
  reportingPeriods,
  rollupYear,
} from "../../src/domain/monitoring/index.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import {
  domainReport,
  getCadence,
  itemUnitsOf,
  listItemUnits,
  listReports,
  matchItemUnits,
} from "../../src/store/monitoring.js";
import { ensureOrgUnit, listOrgUnits, normalizeName } from "../../src/store/users.js";
import { openTestStore } from "../support/db.js";

const nation = [...generateNation({ seed: 31, communities: 7 })];
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe("loading generated programmes with their executors' reports", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const progress: number[][] = [];
  let ids: number[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    // A unit the community already has, spelled differently: the loader must reuse it.
    const first = nation[0];
    const unit = first?.units[0] ?? "";
    await ensureOrgUnit(store, first?.community.katottg ?? "", `«${unit.toLowerCase()}»`);
    const result = await loadProgrammes(store.kysely(), nation.slice(0, 5), {
      batchSize: 2,
      onBatch: (...counts) => progress.push(counts),
    });
    expect(result).toEqual({ loaded: 5, skipped: 0 });
    const rows = await store.kysely().selectFrom("programmes").select("id").orderBy("id").execute();
    ids = rows.map((row) => row.id);
  }, 120_000);
  afterAll(async () => dispose());

  it("reports progress per batch, reports included", () => {
    const reports = nation.slice(0, 5).map((each) => each.reports.length);
    // Batches run side by side on PostgreSQL, so the last one (of 1) may finish before the second.
    expect(progress).toHaveLength(3);
    const loaded = progress.map(([count]) => count ?? 0);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([5, 0, reports.reduce((a, b) => a + b, 0)]);
  });

  it("stores every report as generated, read back through the store's monitoring functions", async () => {
    for (const [index, id] of ids.entries()) {
      const generated = nation[index]?.reports ?? [];
      const stored = (await listReports(store, id)).map(domainReport);
      expect(comparable(stored)).toEqual(comparable(generated));
      const submitted = await listReports(store, id, { submittedOnly: true });
      expect(submitted).toHaveLength(generated.length);
    }
  });

  it("stores the cadence and the item → unit table the monitoring views derive from the executors", async () => {
    for (const [index, id] of ids.entries()) {
      const synthetic = nation[index];
      if (!synthetic) throw new Error("missing programme");
      expect(await getCadence(store, id)).toBe("half-year");
      const units = await listOrgUnits(store, synthetic.community.katottg);
      expect(units).toHaveLength(synthetic.units.length);
      const stored = await listItemUnits(store, id);
      const derived = matchItemUnits(synthetic.programme, units);
      expect(stored.length).toBeGreaterThan(0);
      expect(stored).toEqual(
        [...derived].sort((a, b) =>
          a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : a.orgUnitId - b.orgUnitId,
        ),
      );
      expect(await itemUnitsOf(store, id, synthetic.programme, synthetic.community.katottg)).toEqual(stored);
    }
  });

  it("reuses a unit the community already had, matched by normalized name", async () => {
    const first = nation[0];
    const units = await listOrgUnits(store, first?.community.katottg);
    const existing = units[0];
    expect(existing?.name).toBe(`«${first?.units[0]?.toLowerCase()}»`);
    const reports = await listReports(store, ids[0] ?? 0);
    const own = reports.filter((report) => report.orgUnitId === existing?.id);
    expect(own.length).toBe(first?.reports.filter((report) => report.unit === first.units[0]).length);
    expect(own.length).toBeGreaterThan(0);
  });

  it("feeds the dashboard figures and the annual report the same as the generated reports do", async () => {
    const synthetic = nation[1];
    const id = ids[1] ?? 0;
    if (!synthetic) throw new Error("missing programme");
    const stored = (await listReports(store, id, { submittedOnly: true })).map(domainReport);
    const year = synthetic.programme.period.from;
    const fromStore = rollupYear(synthetic.programme, stored, year);
    expect(fromStore).toEqual(rollupYear(synthetic.programme, synthetic.reports, year));
    expect(fromStore.programme.statusCounts["no-report"]).toBe(0);
    const afterYear = `${year + 1}-03-01`;
    const periods = reportingPeriods(synthetic.programme.period, "half-year").filter((p) => p.year === year);
    for (const period of periods)
      expect(missingReports(synthetic.programme, stored, period, afterYear)).toEqual([]);
    const form = progressReport(synthetic.programme, stored, year);
    expect(form).toEqual(progressReport(synthetic.programme, synthetic.reports, year));
    expect(latestEffective(stored).length).toBeLessThan(stored.length);
  });

  it("skips programmes already there, with their reports, and loads only the new ones", async () => {
    const before = await countReports(store);
    const counts: number[][] = [];
    const result = await loadProgrammes(store.kysely(), nation, {
      batchSize: 3,
      onBatch: (...c) => counts.push(c),
    });
    expect(result).toEqual({ loaded: 2, skipped: 5 });
    const added = nation.slice(5).reduce((sum, each) => sum + each.reports.length, 0);
    expect(await countReports(store)).toBe(before + added);
    expect(counts.at(-1)).toEqual([2, 5, added]);
    expect(await loadProgrammes(store.kysely(), nation)).toEqual({ loaded: 0, skipped: 7 });
    expect(await countReports(store)).toBe(before + added);
    // The same new programme twice in one batch is loaded once.
    const [twice] = [...generateNation({ seed: 32, communities: 1 })];
    if (!twice) throw new Error("missing programme");
    expect(await loadProgrammes(store.kysely(), [twice, twice])).toEqual({ loaded: 1, skipped: 1 });
    expect(await countReports(store)).toBe(before + added + twice.reports.length);
  });
});

async function countReports(store: Store): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from executor_reports`.execute(
    store.kysely(),
  );
  return result.rows[0]?.n ?? -1;
}

/** Unit names compared as the store matches them (the first community's unit was spelled differently). */
function comparable(reports: ExecutorReport[]): ExecutorReport[] {
  return reports.map((report) => ({ ...report, unit: normalizeName(report.unit) })).sort(byId);
}

describe("a batch that fails", () => {
  it("rolls back its own programmes, lets the others finish and rethrows", async () => {
    const { store, dispose } = await openTestStore();
    try {
      const [good, bad] = nation.slice(0, 2);
      if (!good || !bad) throw new Error("missing programmes");
      const broken = { ...bad, units: [] };
      await expect(
        loadProgrammes(store.kysely(), [good, broken, ...nation.slice(2, 4)], { batchSize: 1 }),
      ).rejects.toThrow(/no org unit/);
      const stored = await store.kysely().selectFrom("programmes").select("katottg").execute();
      const katottgs = stored.map((row) => row.katottg);
      expect(katottgs).toContain(good.community.katottg);
      expect(katottgs).not.toContain(bad.community.katottg);
    } finally {
      await dispose();
    }
  }, 60_000);
});
