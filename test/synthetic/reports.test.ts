import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { allItems, type Item, type Programme } from "../../src/domain/model.js";
import {
  type ExecutorReport,
  executorReportSchema,
  isActiveInYear,
  isProzorroTenderId,
  latestEffective,
  parsePeriodKey,
  plannedForYear,
  reportingPeriods,
  rollupYear,
} from "../../src/domain/monitoring/index.js";
import {
  createRandom,
  type GeneratedProgramme,
  generateCommunity,
  generateNation,
  generateProgramme,
  mixSeed,
  REPORTED_YEARS,
} from "../../src/domain/synthetic/index.js";
import { normalizeName } from "../../src/store/users.js";

const SEED = 20260202;
const COUNT = 40;
const nation = [...generateNation({ seed: SEED, communities: COUNT })];
const reports = nation.flatMap((each) => each.reports);

const digest = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");
const leaves = (programme: Programme) => allItems(programme).filter((item) => item.children.length === 0);
const originals = (list: ExecutorReport[]) => list.filter((report) => report.correctionOf === undefined);

describe("determinism of the reports", () => {
  it("gives the same reports for the same seed, others for another seed", () => {
    const again = [...generateNation({ seed: SEED, communities: COUNT })].map((each) => each.reports);
    expect(digest(again)).toBe(digest(nation.map((each) => each.reports)));
    const other = [...generateNation({ seed: 7, communities: COUNT })].map((each) => each.reports);
    expect(digest(other)).not.toBe(digest(nation.map((each) => each.reports)));
  });

  it("makes community i's reports independent of how many communities are generated", () => {
    const first = [...generateNation({ seed: SEED, communities: 5 })];
    expect(digest(first)).toBe(digest(nation.slice(0, 5)));
  });

  it("draws them from a stream of their own: the programme is what the programme stream alone gives", () => {
    for (const [index, each] of nation.slice(0, 10).entries()) {
      const random = createRandom(mixSeed(SEED, index));
      const community = generateCommunity(random, index);
      expect(generateProgramme(random, community)).toEqual(each.programme);
    }
  });
});

describe("shape of the reports", () => {
  it("passes the executor report schema, submitted and locked at the same moment", () => {
    for (const report of reports) {
      expect(executorReportSchema.safeParse(report).success, report.id).toBe(true);
      expect(report.submittedAt).not.toBeNull();
      expect(report.lockedAt).toBe(report.submittedAt);
    }
    expect(new Set(reports.map((report) => report.id)).size).toBe(reports.length);
  });

  it("identifies reports by UUIDs, as the report routes require, never of the app's random version 4", () => {
    for (const report of reports) {
      expect(z.uuid().safeParse(report.id).success, report.id).toBe(true);
      expect(report.id[14]).not.toBe("4");
    }
  });

  it("gives distinct ids to the reports of every programme a store can hold (one per community and period)", () => {
    const programmes = new Map<string, GeneratedProgramme>();
    for (const seed of [SEED, 7, 8]) {
      for (const each of generateNation({ seed, communities: 12 })) {
        const { katottg } = each.programme.community;
        programmes.set(`${katottg} ${each.programme.period.from}`, each);
      }
    }
    const ids = [...programmes.values()].flatMap((each) => each.reports.map((report) => report.id));
    expect(programmes.size).toBeGreaterThan(12);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("reports on leaf projects only, in the half-years and years of the first two years", () => {
    for (const { programme, reports: own, cadence } of nation) {
      const leafIds = new Set(leaves(programme).map((item) => item.id));
      const firstYears = new Set(Array.from({ length: REPORTED_YEARS }, (_, i) => programme.period.from + i));
      const keys = new Set(
        reportingPeriods(programme.period, cadence)
          .filter((period) => firstYears.has(period.year))
          .map((period) => period.key),
      );
      expect(cadence).toBe("half-year");
      for (const report of own) {
        expect(leafIds.has(report.itemId), report.itemId).toBe(true);
        expect(keys.has(report.periodKey), report.periodKey).toBe(true);
      }
    }
  });

  it("has exactly one original report per active project, unit and period, by one of its executors", () => {
    for (const { programme, reports: own, units } of nation) {
      const expected = leaves(programme).flatMap((item) => expectedKeys(programme, item));
      const got = originals(own).map(
        (report) => `${report.itemId} ${report.periodKey} ${normalizeName(report.unit)}`,
      );
      expect(got.sort()).toEqual(expected.sort());
      for (const report of own) expect(units).toContain(report.unit);
    }
  });

  it("keeps money in non-negative whole kopecks, on the sources planned for the year", () => {
    const items = itemIndex();
    for (const report of reports) {
      const item = items.get(report.id) as Item;
      const year = parsePeriodKey(report.periodKey)?.year ?? 0;
      const planned = plannedForYear(item, year);
      for (const row of report.actual) {
        expect(Number.isSafeInteger(row.amount) && row.amount >= 0, `${report.id}`).toBe(true);
        expect(planned[row.source], `${report.id} ${row.source}`).toBeGreaterThan(0);
      }
    }
  });

  it("makes the progress agree with the status and never go back", () => {
    for (const report of reports) {
      const progress = report.progressPercent ?? -1;
      if (report.status === "done") expect(progress).toBe(100);
      if (report.status === "not-started") expect(progress).toBe(0);
      if (report.status === "in-progress") expect(progress >= 1 && progress <= 99, report.id).toBe(true);
    }
    for (const { reports: own } of nation) {
      for (const series of bySeries(originals(own)).values()) {
        const progress = series.map((report) => report.progressPercent ?? 0);
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
      }
    }
  });

  it("corrects a few reports: each correction follows an earlier report of the same project, unit and period", () => {
    for (const { reports: own } of nation) {
      own.forEach((report, position) => {
        if (!report.correctionOf) return;
        const at = own.findIndex((other) => other.id === report.correctionOf);
        const original = own[at] as ExecutorReport;
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(position);
        expect([original.itemId, original.periodKey, original.unit]).toEqual([
          report.itemId,
          report.periodKey,
          report.unit,
        ]);
        expect((original.submittedAt ?? "") < (report.submittedAt ?? "")).toBe(true);
      });
    }
    const share = reports.filter((report) => report.correctionOf).length / reports.length;
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.05);
  });

  it("dates reports around the due day of their period", () => {
    const day = 86_400_000;
    for (const report of originals(reports)) {
      const due = Date.parse(parsePeriodKey(report.periodKey)?.dueDate ?? "");
      const at = Date.parse(report.submittedAt ?? "");
      expect(at >= due - 21 * day && at <= due + 26 * day, report.id).toBe(true);
    }
  });
});

describe("realism", () => {
  const count = (test: (report: ExecutorReport) => boolean) => reports.filter(test).length;

  it("is mostly in progress or done, with some not started, postponed and cancelled", () => {
    const active = count((report) => report.status === "in-progress" || report.status === "done");
    expect(active / reports.length).toBeGreaterThan(0.75);
    for (const status of ["not-started", "postponed", "cancelled", "done"] as const) {
      expect(
        count((report) => report.status === status),
        status,
      ).toBeGreaterThan(0);
    }
  });

  it("spends close to the year's plan, rarely exactly on it, sometimes nothing or more than planned", () => {
    const ratios = yearRatios();
    const close = ratios.filter((ratio) => ratio >= 0.8 && ratio <= 1.1);
    expect(close.length / ratios.length).toBeGreaterThan(0.8);
    expect(ratios.filter((ratio) => ratio === 1).length / ratios.length).toBeLessThan(0.01);
    expect(ratios.some((ratio) => ratio > 1)).toBe(true);
    expect(count((report) => report.actual.some((row) => row.amount === 0))).toBeGreaterThan(0);
  });

  it("cites valid ProZorro tenders dated within the period, and reports indicator values", () => {
    const tenders = reports.flatMap((report) =>
      report.attachments.map((attachment) => ({ attachment, period: parsePeriodKey(report.periodKey) })),
    );
    expect(tenders.length).toBeGreaterThan(reports.length * 0.02);
    for (const { attachment, period } of tenders) {
      expect(attachment.kind).toBe("prozorro");
      expect(isProzorroTenderId(attachment.ref), attachment.ref).toBe(true);
      const day = attachment.ref.slice(3, 13);
      expect(day >= (period?.start ?? "") && day <= (period?.end ?? "")).toBe(true);
    }
    for (const { programme, reports: own } of nation) {
      const values = own.flatMap((report) => report.indicatorActuals);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        const indicator = programme.indicators[value.indicatorIndex];
        expect(indicator).toBeDefined();
        if (indicator?.unit === "Так/Ні") expect(["Так", "Ні"]).toContain(value.value);
        else expect(value.value).toMatch(/^\d+$/);
      }
    }
  });

  it("rolls up into planned-vs-actual figures and progress for the first year", () => {
    for (const { programme, reports: own } of nation.slice(0, 10)) {
      const rollup = rollupYear(programme, latestEffective(own), programme.period.from);
      expect(rollup.programme.statusCounts["no-report"]).toBe(0);
      expect(rollup.programme.actualTotal).toBeGreaterThan(0);
      expect(rollup.programme.actualTotal).toBeLessThan(rollup.programme.plannedTotal * 1.1);
      expect(rollup.programme.progress).toBeGreaterThan(0);
    }
  });
});

/** "item period unit" of the reports a project owes in the reported years. */
function expectedKeys(programme: Programme, item: Item): string[] {
  const periods = reportingPeriods(programme.period, "half-year").filter(
    (period) => period.year < programme.period.from + REPORTED_YEARS && isActiveInYear(item, period.year),
  );
  const units = [...new Set(item.executors.map(normalizeName))];
  return periods.flatMap((period) => units.map((unit) => `${item.id} ${period.key} ${unit}`));
}

/** Report id → the project it reports on. */
function itemIndex(): Map<string, Item> {
  const out = new Map<string, Item>();
  for (const { programme, reports: own } of nation) {
    const items = new Map(leaves(programme).map((item) => [item.id, item]));
    for (const report of own) out.set(report.id, items.get(report.itemId) as Item);
  }
  return out;
}

/** The reports of each project and unit of one programme, in the order they were filed. */
function bySeries(list: ExecutorReport[]): Map<string, ExecutorReport[]> {
  const out = new Map<string, ExecutorReport[]>();
  for (const report of list) {
    const key = `${report.itemId} ${report.unit}`;
    out.set(key, [...(out.get(key) ?? []), report]);
  }
  return out;
}

/** Actual ÷ planned of every source of every project-year whose annual report says "done". */
function yearRatios(): number[] {
  const items = itemIndex();
  return latestEffective(reports)
    .filter((report) => report.periodKey.endsWith("-Y") && report.status === "done")
    .flatMap((report) => {
      const planned = plannedForYear(
        items.get(report.id) as Item,
        parsePeriodKey(report.periodKey)?.year ?? 0,
      );
      return report.actual.map((row) => row.amount / (planned[row.source] ?? 1));
    });
}
