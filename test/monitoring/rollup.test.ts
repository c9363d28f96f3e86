import { describe, expect, it } from "vitest";
import { walkItems } from "../../src/domain/model.js";
import { parsePeriodKey } from "../../src/domain/monitoring/periods.js";
import { applyCorrection, type ExecutorReport } from "../../src/domain/monitoring/reports.js";
import { median, missingReports, overdueReports, rollupYear } from "../../src/domain/monitoring/rollup.js";
import { report, sampleProgramme, uah } from "./build.js";

const local = (amount: number) => ({ source: "local" as const, label: "місцевий бюджет", amount });
const state = (amount: number) => ({ source: "state" as const, label: "державний бюджет", amount });

function sampleReports(): ExecutorReport[] {
  const d12 = report("d1.2", "2026-H1", { progressPercent: 50, actual: [local(uah(40_000))] });
  return [
    report("d1.1", "2026-H1", { progressPercent: 40, actual: [local(uah(100_000))] }),
    report("d1.1", "2026-H2", {
      status: "done",
      submittedAt: "2027-01-04T10:00:00Z",
      actual: [local(uah(150_000)), state(uah(100_000))],
    }),
    d12,
    applyCorrection(d12, {
      id: "d12-fix",
      submittedAt: "2026-07-20T00:00:00Z",
      actual: [local(uah(50_000))],
    }),
    report("d1.3", "2026-H1", { progressPercent: 30 }),
  ];
}

describe("roll-up of 2026", () => {
  const rollup = rollupYear(sampleProgramme(), sampleReports(), 2026);
  const byId = new Map(rollup.projects.map((p) => [p.itemId, p]));

  it("takes the active leaf projects only", () => {
    expect(rollup.projects.map((p) => p.itemId)).toEqual(["d1.1", "d1.2", "d1.3", "d2.1.1"]);
  });

  it("sums actual over the year's periods and uses the latest correction", () => {
    expect(byId.get("d1.1")?.actual).toEqual({ local: uah(250_000), state: uah(100_000) });
    expect(byId.get("d1.2")?.actualTotal).toBe(uah(50_000));
    expect(rollup.programme.actual).toEqual({ local: uah(300_000), state: uah(100_000) });
    expect(rollup.programme.planned).toEqual({ local: uah(600_000), state: uah(100_000) });
  });

  it("gives a project without money the median weight of the projects with money", () => {
    expect(byId.get("d1.3")?.weight).toBe(uah(200_000));
    expect(median([uah(400_000), uah(100_000), uah(200_000)])).toBe(uah(200_000));
  });

  it("weights progress by money: hand-computed", () => {
    // (400·100 + 100·50 + 200·30 + 200·0) / 900 and per direction
    expect(rollup.programme.progress).toBeCloseTo(51_000 / 900, 10);
    expect(rollup.directions[0]?.progress).toBeCloseTo(51_000 / 700, 10);
    expect(rollup.directions[1]?.progress).toBe(0);
  });

  it("counts statuses, with projects that did not report", () => {
    expect(rollup.programme.statusCounts).toMatchObject({ done: 1, "in-progress": 2, "no-report": 1 });
  });

  it("lets the annual report replace the sum of the periods", () => {
    const annual = report("d1.1", "2026-Y", {
      status: "done",
      submittedAt: "2027-01-25T00:00:00Z",
      actual: [local(uah(260_000)), state(uah(100_000))],
    });
    const withAnnual = rollupYear(sampleProgramme(), [...sampleReports(), annual], 2026);
    expect(withAnnual.projects[0]?.actualTotal).toBe(uah(360_000));
  });

  it("leaves cancelled projects out of progress", () => {
    const cancelled = report("d2.1.1", "2026-H1", { status: "cancelled" });
    const result = rollupYear(sampleProgramme(), [...sampleReports(), cancelled], 2026);
    expect(result.directions[1]?.progress).toBeNull();
    // the median of the remaining money weights (400k, 100k) is 250k, the weight of d1.3:
    // (400·100 + 100·50 + 250·30) / 750
    expect(result.projects.find((p) => p.itemId === "d1.3")?.weight).toBe(uah(250_000));
    expect(result.programme.progress).toBeCloseTo(52_500 / 750, 10);
  });

  it("gives every project weight 1 when none has money", () => {
    const programme = sampleProgramme();
    for (const item of programme.directions.flatMap((d) => [...walkItems(d.items)])) item.funding = [];
    const result = rollupYear(programme, sampleReports(), 2026);
    // d2.1.2 stays out: its deadline is 2027
    expect(result.projects.map((p) => [p.itemId, p.weight])).toEqual([
      ["d1.1", 1],
      ["d1.2", 1],
      ["d1.3", 1],
      ["d2.1.1", 1],
    ]);
    expect(result.programme.progress).toBeCloseTo((100 + 50 + 30 + 0) / 4, 10);
  });
});

describe("missing and overdue reports", () => {
  const programme = sampleProgramme();
  const h1 = parsePeriodKey("2026-H1");
  if (!h1) throw new Error("period");

  it("names who has not reported, overdue only after the due day", () => {
    const onDueDay = missingReports(programme, sampleReports(), h1, "2026-07-05");
    expect(onDueDay.map((m) => [m.itemId, m.overdue])).toEqual([["d2.1.1", false]]);
    const dayAfter = missingReports(programme, sampleReports(), h1, "2026-07-06");
    expect(dayAfter.map((m) => [m.itemId, m.overdue])).toEqual([["d2.1.1", true]]);
    expect(dayAfter[0]?.executors).toEqual(["Виконавець: Геопортал"]);
  });

  it("lists overdue reports across periods, excluding projects of other years", () => {
    const periods = ["2026-H1", "2026-H2", "2026-Y"]
      .map((key) => parsePeriodKey(key))
      .filter((p) => p !== null);
    const overdue = overdueReports(programme, sampleReports(), periods, "2027-02-01");
    expect(overdue.map((m) => `${m.itemId} ${m.periodKey}`)).toEqual([
      "d2.1.1 2026-H1",
      "d1.2 2026-H2",
      "d1.3 2026-H2",
      "d2.1.1 2026-H2",
      "d1.1 2026-Y",
      "d1.2 2026-Y",
      "d1.3 2026-Y",
      "d2.1.1 2026-Y",
    ]);
  });
});
