import { describe, expect, it } from "vitest";
import { reportingPeriods } from "../../src/domain/monitoring/periods.js";
import { unitStates } from "../../src/domain/monitoring/units.js";
import { report, sampleProgramme } from "./build.js";

const programme = sampleProgramme();
const h1 = reportingPeriods(programme.period, "half-year").find((period) => period.key === "2026-H1");
if (!h1) throw new Error("no 2026-H1");
const units = new Map([
  [1, "Відділ цифрового розвитку"],
  [2, "ЦНАП"],
  [3, "Архівний відділ"],
]);
// d2.1 has projects under it and d2.1.2 runs in 2027 only: neither is due a report for 2026-H1.
const links = [
  { itemId: "d1.1", orgUnitId: 1 },
  { itemId: "d1.2", orgUnitId: 1 },
  { itemId: "d2.1", orgUnitId: 1 },
  { itemId: "d2.1.2", orgUnitId: 1 },
  { itemId: "d1.3", orgUnitId: 2 },
  { itemId: "d2.1.1", orgUnitId: 2 },
];
const reports = [
  report("d1.1", "2026-H1", { submittedAt: "2026-07-01T09:00:00Z" }),
  report("d1.2", "2026-H1", { submittedAt: "2026-07-10T09:00:00Z" }),
  report("d2.1.1", "2026-H1", { submittedAt: "2026-07-05T18:00:00Z" }),
];

describe("unitStates: who has reported for a period", () => {
  it("counts each unit's projects active in the period and names its worst state", () => {
    expect(h1.dueDate).toBe("2026-07-05");
    expect(unitStates(programme, reports, h1, links, units, "2026-07-20")).toEqual([
      {
        orgUnitId: 1,
        unit: "Відділ цифрового розвитку",
        projects: 2,
        submitted: 2,
        overdue: 0,
        state: "late",
      },
      { orgUnitId: 2, unit: "ЦНАП", projects: 2, submitted: 1, overdue: 1, state: "overdue" },
      { orgUnitId: 3, unit: "Архівний відділ", projects: 0, submitted: 0, overdue: 0, state: "none" },
    ]);
  });

  it("does not know a submission dated after today, and nothing is overdue before the due day", () => {
    const [first, second] = unitStates(programme, reports, h1, links, units, "2026-07-03");
    expect(first).toMatchObject({ projects: 2, submitted: 1, overdue: 0, state: "pending" });
    expect(second).toMatchObject({ projects: 2, submitted: 0, overdue: 0, state: "pending" });
  });
});
