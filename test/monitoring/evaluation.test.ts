import { describe, expect, it } from "vitest";
import { evaluateYear } from "../../src/domain/monitoring/evaluation.js";
import { funding, indicator, programmeOf, project, report, uah } from "./build.js";

const local = (amount: number) => ({ source: "local" as const, label: "місцевий бюджет", amount });

describe("evaluation of a year by the four criteria", () => {
  const programme = programmeOf(
    [
      [
        project("Сервери", [funding("local", { "2026": uah(300_000) })], {
          kind: "years",
          from: 2026,
          to: 2026,
        }),
        project("Сайт", [funding("local", { "2026": uah(100_000) })], {
          kind: "years",
          from: 2026,
          to: 2026,
        }),
        project("СЕД", [funding("local", { "2026": uah(100_000), "2027": uah(50_000) })]),
      ],
    ],
    [
      indicator("% ПК до 5 років", "37,5", { "2026": "39" }),
      indicator("Геопортал", "Ні", { "2026": "Так" }, { unit: "Так/Ні" }),
      indicator("Кількість датчиків", "0", { "2026": "5" }),
    ],
  );
  const reports = [
    report("d1.1", "2026-H1", { submittedAt: "2026-07-03", actual: [local(uah(100_000))] }),
    report("d1.1", "2026-H2", {
      submittedAt: "2027-01-05",
      status: "done",
      actual: [local(uah(180_000))],
      indicatorActuals: [{ indicatorIndex: 0, value: "40" }],
    }),
    report("d1.2", "2026-H1", { submittedAt: "2026-07-09", progressPercent: 20 }),
    report("d1.3", "2026-H2", {
      submittedAt: "2027-01-02",
      status: "done",
      actual: [local(uah(90_000))],
      indicatorActuals: [{ indicatorIndex: 1, value: "Ні" }],
    }),
  ];
  const result = evaluateYear(programme, reports, 2026, { cadence: "half-year", today: "2027-02-15" });

  it("implementation: done, on time and behind schedule", () => {
    expect(result.implementation).toMatchObject({ projects: 3, done: 2, doneOnTime: 2, behindSchedule: 1 });
    expect(result.implementation.shareDone).toBeCloseTo(2 / 3, 10);
  });

  it("implementation: executor reports on time among those due by today", () => {
    // 3 projects × (H1, H2, Y) due by 15 Feb 2027 = 9; on time: d1.1 H1, d1.1 H2, d1.3 H2
    expect(result.implementation.reportsDue).toBe(9);
    expect(result.implementation.reportsOnTime).toBe(3);
  });

  it("funding: planned vs actual in total and by source", () => {
    expect(result.funding.planned).toBe(uah(500_000));
    expect(result.funding.actual).toBe(uah(370_000));
    expect(result.funding.share).toBeCloseTo(0.74, 10);
    expect(result.funding.bySource).toEqual([
      { source: "local", planned: uah(500_000), actual: uah(370_000), share: expect.closeTo(0.74, 10) },
    ]);
  });

  it("effectiveness: money-weighted progress", () => {
    // (300·100 + 100·20 + 100·100) / 500
    expect(result.effectiveness.progress).toBeCloseTo(42_000 / 500, 10);
  });

  it("indicators: reached share counts only indicators with data", () => {
    expect(result.indicators).toMatchObject({ total: 3, reached: 1, notReached: 1, noData: 1 });
    expect(result.indicators.shareReached).toBe(0.5);
  });
});
