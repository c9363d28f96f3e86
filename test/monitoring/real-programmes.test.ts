import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { SourceKind } from "../../src/domain/model.js";
import { progressReport } from "../../src/domain/monitoring/forms.js";
import { parsePeriodKey } from "../../src/domain/monitoring/periods.js";
import type { ExecutorReport } from "../../src/domain/monitoring/reports.js";
import {
  missingReports,
  plannedForYear,
  projectItems,
  rollupYear,
} from "../../src/domain/monitoring/rollup.js";
import { executorReportSchema } from "../../src/domain/monitoring/schema.js";
import { importText } from "../../src/import/index.js";

const programmes = path.resolve(process.cwd(), "../shared/fixtures/programs");
const FILES = ["romny-2026-2028.txt", "slobozhanska-2025-2027.txt", "starokostiantyniv-2026-2028.txt"];

describe.each(FILES)("monitoring an imported programme: %s", (file) => {
  const { programme } = importText(readFileSync(path.join(programmes, file), "utf8"));
  const year = programme.period.from;
  const leaves = programme.directions.flatMap((direction) => projectItems(direction.items));

  /** Every project reports for H1 that it spent exactly what was planned for the year, and is done. */
  const reports: ExecutorReport[] = leaves.map((item, index) => ({
    id: `r${index}`,
    itemId: item.id,
    periodKey: `${year}-H1`,
    unit: item.executors[0] ?? "виконавець",
    status: "done",
    actual: Object.entries(plannedForYear(item, year)).map(([source, amount]) => ({
      source: source as SourceKind,
      label: source,
      amount: amount ?? 0,
    })),
    text: "",
    attachments: [],
    indicatorActuals: [],
    submittedAt: `${year}-07-01T08:00:00Z`,
    lockedAt: null,
  }));

  it("builds reports the schema accepts", () => {
    expect(leaves.length).toBeGreaterThan(0);
    for (const report of reports) expect(executorReportSchema.safeParse(report).success).toBe(true);
  });

  it("rolls actual up to planned when every project spent its plan", () => {
    const rollup = rollupYear(programme, reports, year);
    const plannedOfLeaves = leaves
      .flatMap((item) => Object.values(plannedForYear(item, year)))
      .reduce((sum: number, amount) => sum + (amount ?? 0), 0);
    expect(rollup.programme.plannedTotal).toBe(plannedOfLeaves);
    expect(rollup.programme.actual).toEqual(rollup.programme.planned);
    expect(rollup.programme.progress).toBe(100);
    expect(rollup.programme.statusCounts.done).toBe(rollup.projects.length);
  });

  it("prints the progress report's total as the sum of submissions", () => {
    const total = progressReport(programme, reports, year).rows.find((row) => row.kind === "total");
    const submitted = reports.flatMap((report) => report.actual).reduce((sum, row) => sum + row.amount, 0);
    expect(total?.cells.actual).toBe(submitted);
  });

  it("lists every active project as missing for H2 after its due day", () => {
    const h2 = parsePeriodKey(`${year}-H2`);
    if (!h2) throw new Error("period");
    const missing = missingReports(programme, reports, h2, `${year + 1}-01-06`);
    // the projects active in the year: a roll-up without reports holds exactly those
    expect(missing.length).toBe(rollupYear(programme, [], year).projects.length);
    expect(missing.every((entry) => entry.overdue)).toBe(true);
  });
});
