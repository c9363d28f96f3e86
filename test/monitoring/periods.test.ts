import { describe, expect, it } from "vitest";
import {
  comparePeriodKeys,
  headReportDue,
  isOverdue,
  parsePeriodKey,
  reportingPeriods,
  submissionState,
} from "../../src/domain/monitoring/periods.js";

describe("reporting periods", () => {
  it("gives 2026 half-years due on 5 July and 5 January, and the year due on 31 January", () => {
    const periods = reportingPeriods({ from: 2026, to: 2026 }, "half-year");
    expect(periods.map((p) => [p.key, p.start, p.end, p.dueDate])).toEqual([
      ["2026-H1", "2026-01-01", "2026-06-30", "2026-07-05"],
      ["2026-H2", "2026-07-01", "2026-12-31", "2027-01-05"],
      ["2026-Y", "2026-01-01", "2026-12-31", "2027-01-31"],
    ]);
  });

  it("gives quarters due on the 5th of the next month", () => {
    const periods = reportingPeriods({ from: 2026, to: 2026 }, "quarter");
    expect(periods.map((p) => `${p.key} ${p.end} ${p.dueDate}`)).toEqual([
      "2026-Q1 2026-03-31 2026-04-05",
      "2026-Q2 2026-06-30 2026-07-05",
      "2026-Q3 2026-09-30 2026-10-05",
      "2026-Q4 2026-12-31 2027-01-05",
      "2026-Y 2026-12-31 2027-01-31",
    ]);
  });

  it("covers every programme year", () => {
    const periods = reportingPeriods({ from: 2026, to: 2028 }, "half-year");
    expect(periods).toHaveLength(9);
    expect(periods.at(-1)?.dueDate).toBe("2029-01-31");
    expect(new Set(periods.map((p) => p.year))).toEqual(new Set([2026, 2027, 2028]));
  });

  it("puts the head's report for 2026 due on 1 March 2027", () => {
    expect(headReportDue(2026)).toBe("2027-03-01");
  });

  it("parses period keys back and rejects others", () => {
    expect(parsePeriodKey("2026-H2")?.dueDate).toBe("2027-01-05");
    expect(parsePeriodKey("2026-Y")?.dueDate).toBe("2027-01-31");
    expect(parsePeriodKey("2026-H3")).toBeNull();
    expect(parsePeriodKey("2026-Q5")).toBeNull();
    expect(parsePeriodKey("H1-2026")).toBeNull();
  });
});

describe("overdue detection", () => {
  const h1 = parsePeriodKey("2026-H1") ?? { dueDate: "" };

  it("is not overdue on the due day itself, overdue the day after", () => {
    expect(isOverdue(h1, null, "2026-07-04")).toBe(false);
    expect(isOverdue(h1, null, "2026-07-05")).toBe(false);
    expect(isOverdue(h1, null, "2026-07-06")).toBe(true);
  });

  it("is not overdue once submitted, even late, and tells late from on time", () => {
    expect(isOverdue(h1, "2026-07-05T23:59:00Z", "2026-07-10")).toBe(false);
    expect(submissionState(h1, "2026-07-05T23:59:00Z", "2026-07-10")).toBe("on-time");
    expect(submissionState(h1, "2026-07-06T00:01:00Z", "2026-07-10")).toBe("late");
    expect(isOverdue(h1, "2026-07-06", "2026-07-10")).toBe(false);
  });

  it("ignores a submission dated after today", () => {
    expect(submissionState(h1, "2026-07-08", "2026-07-07")).toBe("overdue");
    expect(submissionState(h1, "2026-07-03", "2026-07-02")).toBe("pending");
  });

  it("rolls the year boundary for the second half-year", () => {
    const h2 = parsePeriodKey("2026-H2") ?? { dueDate: "" };
    expect(isOverdue(h2, null, "2026-12-31")).toBe(false);
    expect(isOverdue(h2, null, "2027-01-05")).toBe(false);
    expect(isOverdue(h2, null, "2027-01-06")).toBe(true);
  });
});

describe("period order", () => {
  it("orders by end date with the annual report last", () => {
    const keys = ["2026-Y", "2026-Q3", "2027-H1", "2026-H2", "2026-H1", "2026-Q1"];
    expect([...keys].sort((a, b) => comparePeriodKeys(a, b))).toEqual([
      "2026-Q1",
      "2026-H1",
      "2026-Q3",
      "2026-H2",
      "2026-Y",
      "2027-H1",
    ]);
  });
});
