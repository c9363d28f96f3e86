import { describe, expect, it } from "vitest";
import {
  indicatorActualForYear,
  indicatorStatus,
  isLowerBetter,
  isYesNoIndicator,
  meanYearlyChange,
  parseIndicatorValue,
  yearlyChanges,
} from "../../src/domain/monitoring/indicators.js";
import { indicator, report } from "./build.js";

describe("indicator values", () => {
  it("parses the strings the programmes print", () => {
    expect(parseIndicatorValue(" 37,5")).toEqual({ kind: "number", value: 37.5 });
    expect(parseIndicatorValue("+5,5")).toEqual({ kind: "number", value: 5.5 });
    expect(parseIndicatorValue("−2")).toEqual({ kind: "number", value: -2 });
    expect(parseIndicatorValue("100 %")).toEqual({ kind: "number", value: 100 });
    expect(parseIndicatorValue("Так")).toEqual({ kind: "yes-no", value: true });
    expect(parseIndicatorValue("+")).toEqual({ kind: "yes-no", value: true });
    expect(parseIndicatorValue("ні")).toEqual({ kind: "yes-no", value: false });
    expect(parseIndicatorValue("-")).toEqual({ kind: "empty" });
    expect(parseIndicatorValue("")).toEqual({ kind: "empty" });
    expect(parseIndicatorValue("за потреби")).toEqual({ kind: "text", text: "за потреби" });
  });

  it("recognises yes/no indicators by unit or values", () => {
    expect(isYesNoIndicator(indicator("Створено ситуаційний центр", "", {}, { unit: "Так/Ні" }))).toBe(true);
    expect(isYesNoIndicator(indicator("Геопортал", "Ні", { "2026": "Так" }, { unit: "" }))).toBe(true);
    expect(isYesNoIndicator(indicator("% ПК", "37,5", { "2026": "39,0" }))).toBe(false);
  });
});

describe("indicator status", () => {
  const pcs = indicator("% персональних комп’ютерів віком до 5 років", "37,5", {
    "2026": "39,0",
    "2027": "41,0",
  });

  it("reaches a numeric target at or above it", () => {
    expect(indicatorStatus(pcs, "39,0", 2026)).toBe("reached");
    expect(indicatorStatus(pcs, "40", 2026)).toBe("reached");
    expect(indicatorStatus(pcs, "38,9", 2026)).toBe("not-reached");
    expect(indicatorStatus(pcs, null, 2026)).toBe("no-data");
    expect(indicatorStatus(pcs, "40", 2028)).toBe("no-data");
    expect(indicatorStatus(pcs, "Так", 2026)).toBe("no-data");
  });

  it("reverses the comparison only when the name says lower is better", () => {
    const waiting = indicator("Середній час очікування в черзі ЦНАП", "30", { "2026": "20" }, { unit: "хв" });
    expect(isLowerBetter(waiting)).toBe(true);
    expect(indicatorStatus(waiting, "18", 2026)).toBe("reached");
    expect(indicatorStatus(waiting, "25", 2026)).toBe("not-reached");
    expect(isLowerBetter(indicator("Частка учасників навчання", "", {}))).toBe(false);
    expect(isLowerBetter(indicator("Скорочення паперового документообігу", "", {}))).toBe(true);
  });

  it("compares yes/no indicators", () => {
    const centre = indicator("Створено ситуаційний центр", "Ні", { "2026": "Так" }, { unit: "Так/Ні" });
    expect(indicatorStatus(centre, "Так", 2026)).toBe("reached");
    expect(indicatorStatus(centre, "+", 2026)).toBe("reached");
    expect(indicatorStatus(centre, "Ні", 2026)).toBe("not-reached");
    expect(indicatorStatus(centre, "", 2026)).toBe("no-data");
  });
});

describe("dynamics", () => {
  it("computes yearly changes and their mean (Romny: 37,5 → 39 → 41 → 43)", () => {
    expect(yearlyChanges(37.5, { "2027": 41, "2026": 39, "2028": 43 })).toEqual([1.5, 2, 2]);
    const pcs = indicator("% ПК", " 37,5", { "2026": "39,0", "2027": "41,0 ", "2028": "43,0" });
    expect(meanYearlyChange(pcs)).toBeCloseTo(5.5 / 3, 10);
    expect(meanYearlyChange(indicator("Так/Ні", "Ні", { "2026": "Так" }))).toBeNull();
  });
});

describe("indicator actuals from reports", () => {
  const share = indicator("% закладів з е-журналом", "50", { "2026": "60" }, { formula: "(A/B)*100" });

  it("computes the value from reported variables by the formula", () => {
    const reports = [
      report("d1.1", "2026-H1", { indicatorActuals: [{ indicatorIndex: 0, variables: { A: 13, B: 20 } }] }),
    ];
    expect(indicatorActualForYear(share, 0, reports, 2026)).toBe("65");
    expect(indicatorStatus(share, "65", 2026)).toBe("reached");
  });

  it("prefers the annual report, then the later period", () => {
    const reports = [
      report("d1.1", "2026-Y", {
        submittedAt: "2027-01-20",
        indicatorActuals: [{ indicatorIndex: 0, value: "58" }],
      }),
      report("d1.2", "2026-H2", {
        submittedAt: "2027-01-04",
        indicatorActuals: [{ indicatorIndex: 0, value: "61" }],
      }),
      report("d1.2", "2026-H1", {
        submittedAt: "2026-07-04",
        indicatorActuals: [{ indicatorIndex: 0, value: "55" }],
      }),
    ];
    expect(indicatorActualForYear(share, 0, reports, 2026)).toBe("58");
    expect(indicatorActualForYear(share, 0, reports.slice(1), 2026)).toBe("61");
    expect(indicatorActualForYear(share, 0, reports, 2027)).toBeNull();
    expect(indicatorActualForYear(share, 1, reports, 2026)).toBeNull();
  });
});
