import { describe, expect, it } from "vitest";
import { progressReport, resultsReport } from "../../src/domain/monitoring/forms.js";
import { applyCorrection, type ExecutorReport } from "../../src/domain/monitoring/reports.js";
import { funding, indicator, programmeOf, project, report, sampleProgramme, uah } from "./build.js";

const money = (amount: number, source: "local" | "state" = "local") => ({ source, label: source, amount });

function submissions(): ExecutorReport[] {
  const h1 = report("d1.2", "2026-H1", { actual: [money(uah(40_000))], text: "Закуплено модуль СЕД" });
  return [
    report("d1.1", "2026-H1", { actual: [money(uah(100_000)), money(uah(20_000), "state")] }),
    report("d1.1", "2026-H2", { status: "done", actual: [money(uah(150_000)), money(uah(80_000), "state")] }),
    h1,
    applyCorrection(h1, { id: "fix", submittedAt: "2026-08-01T00:00:00Z", actual: [money(uah(45_000))] }),
    report("d2.1.1", "2026-H2", { actual: [money(1_234_567)] }),
    report("d2.1.2", "2027-H1", { actual: [money(uah(99_000))] }),
  ];
}

/** What the executors submitted for 2026, counted straight from the submissions (corrections replace). */
function submittedSum2026(): number {
  return [uah(100_000), uah(20_000), uah(150_000), uah(80_000), uah(45_000), 1_234_567].reduce(
    (sum, amount) => sum + amount,
  );
}

describe("progress report", () => {
  const table = progressReport(sampleProgramme(), submissions(), 2026);
  const cell = (row: { cells: Record<string, unknown> }, key: string) => row.cells[key] as number;

  it("has the columns in order", () => {
    expect(table.columns.map((c) => c.key)).toEqual([
      "number",
      "title",
      "executor",
      "deadline",
      "source",
      "planned",
      "actual",
      "state",
      "progress",
      "results",
    ]);
  });

  it("totals equal the sums of the executors' submissions", () => {
    const projectRows = table.rows.filter((row) => row.kind === "project");
    const total = table.rows.find((row) => row.kind === "total");
    const rowSum = projectRows.reduce((sum, row) => sum + cell(row, "actual"), 0);
    expect(rowSum).toBe(submittedSum2026());
    expect(total && cell(total, "actual")).toBe(submittedSum2026());
    expect(total && cell(total, "planned")).toBe(uah(700_000));
  });

  it("direction rows sum their own project rows", () => {
    let pending: number[] = [];
    for (const row of table.rows) {
      if (row.kind === "project") pending.push(cell(row, "actual"));
      if (row.kind === "direction") {
        expect(cell(row, "actual")).toBe(pending.reduce((sum, amount) => sum + amount, 0));
        pending = [];
      }
    }
    expect(table.rows.filter((row) => row.kind === "direction")).toHaveLength(2);
  });

  it("writes one row per source and the state in Ukrainian", () => {
    const d11 = table.rows.filter((row) => row.ref === "d1.1");
    expect(
      d11.map((row) => [row.cells.source, row.cells.planned, row.cells.actual, row.cells.state]),
    ).toEqual([
      ["місцевий бюджет", uah(300_000), uah(250_000), "виконано"],
      ["державний бюджет", uah(100_000), uah(100_000), "виконано"],
    ]);
    const d13 = table.rows.find((row) => row.ref === "d1.3");
    expect(d13?.cells.state).toBe("звіт не подано");
    expect(table.rows.find((row) => row.ref === "d1.2")?.cells.results).toBe("Закуплено модуль СЕД");
  });
});

describe("results report", () => {
  it("shows planned vs actual by source with totals equal to the submissions", () => {
    const { funding: table } = resultsReport(sampleProgramme(), submissions(), 2026);
    const total = table.rows.find((row) => row.kind === "total");
    expect(total?.cells.actual).toBe(submittedSum2026());
    const state = table.rows.find((row) => row.ref === "state");
    expect(state?.cells).toMatchObject({ planned: uah(100_000), actual: uah(100_000), share: 100 });
  });

  it("lists indicators with target, actual and whether reached", () => {
    const programme = programmeOf(
      [[project("СЕД", [funding("local", { "2026": uah(1000) })])]],
      [
        indicator("% посадових осіб, підключених до СЕД", "40", { "2026": "60" }),
        indicator("Інтеграція СЕД із СЕВ ОВВ", "Ні", { "2026": "Так" }, { unit: "Так/Ні" }),
        indicator("Кількість Wi-Fi зон", "0", { "2026": "3" }, { unit: "Одиниць" }),
      ],
    );
    const reports = [
      report("d1.1", "2026-Y", {
        indicatorActuals: [
          { indicatorIndex: 0, value: "55" },
          { indicatorIndex: 1, value: "Так" },
        ],
      }),
    ];
    const { indicators } = resultsReport(programme, reports, 2026);
    expect(indicators.rows.map((row) => [row.cells.target, row.cells.actual, row.cells.status])).toEqual([
      ["60", "55", "не досягнуто"],
      ["Так", "Так", "досягнуто"],
      ["3", null, "немає даних"],
    ]);
  });
});
