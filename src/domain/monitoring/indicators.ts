import type { Indicator } from "../model.js";
import { tryCompileFormula } from "./formula.js";
import { comparePeriodKeys, parsePeriodKey } from "./periods.js";
import type { ExecutorReport } from "./reports.js";

/** An indicator value as the programme or a report prints it. */
export type IndicatorValue =
  | { kind: "number"; value: number }
  | { kind: "yes-no"; value: boolean }
  | { kind: "empty" }
  | { kind: "text"; text: string };

const YES = new Set(["так", "+", "є", "наявно", "yes", "true"]);
const NO = new Set(["ні", "немає", "відсутнє", "no", "false"]);
const EMPTY = /^[-‐‑–—−]*$/;
const SIGNED_NUMBER = /^[+\-−]?\d+(?:[.,]\d+)?$/;

/** Reads "37,5", "+5,5", "100 %", "Так", "Ні", "+" (yes), "-" or "" (empty). */
export function parseIndicatorValue(raw: string | null | undefined): IndicatorValue {
  const text = (raw ?? "").replace(/\s+/g, " ").trim();
  const bare = text.replace(/\s*%$/, "").replace(/[\s\u00a0]/g, "");
  const lower = text.toLowerCase().replace(/[.!]$/, "");
  if (YES.has(lower)) return { kind: "yes-no", value: true };
  if (NO.has(lower)) return { kind: "yes-no", value: false };
  if (EMPTY.test(bare)) return { kind: "empty" };
  if (SIGNED_NUMBER.test(bare))
    return { kind: "number", value: Number(bare.replace("−", "-").replace(",", ".")) };
  return { kind: "text", text };
}

/** "Так/Ні" indicators: their unit says so, or their baseline/targets are yes/no values. */
export function isYesNoIndicator(indicator: Pick<Indicator, "unit" | "baseline" | "targets">): boolean {
  if (/так\s*\/\s*ні/i.test(indicator.unit)) return true;
  const values = [indicator.baseline, ...Object.values(indicator.targets)].map(parseIndicatorValue);
  return values.some((value) => value.kind === "yes-no") && values.every((v) => v.kind !== "number");
}

const LOWER_IS_BETTER =
  /(^|[^\p{L}])(час|часу|тривалість|тривалості|скорочення|зменшення|зниження)([^\p{L}]|$)/iu;

/**
 * True when the indicator's name says that less is better ("час очікування", "скорочення …",
 * "зменшення …", "тривалість …"). Everything else is "more is better". Kept to the name on purpose:
 * the documents state no direction anywhere else.
 */
export function isLowerBetter(indicator: Pick<Indicator, "name">): boolean {
  return LOWER_IS_BETTER.test(indicator.name);
}

/** Year-to-year changes from the baseline through the given years' values, in year order. */
export function yearlyChanges(baseline: number, valuesByYear: Record<string, number>): number[] {
  const years = Object.keys(valuesByYear).sort();
  let previous = baseline;
  return years.map((year) => {
    const value = valuesByYear[year] ?? previous;
    const change = value - previous;
    previous = value;
    return change;
  });
}

/** The dynamics as the mean of the yearly changes; null without a numeric baseline and targets. */
export function meanYearlyChange(indicator: Pick<Indicator, "baseline" | "targets">): number | null {
  const baseline = parseIndicatorValue(indicator.baseline);
  if (baseline.kind !== "number") return null;
  const targets: Record<string, number> = {};
  for (const [year, text] of Object.entries(indicator.targets)) {
    const value = parseIndicatorValue(text);
    if (value.kind === "number") targets[year] = value.value;
  }
  const changes = yearlyChanges(baseline.value, targets);
  if (changes.length === 0) return null;
  return changes.reduce((sum, change) => sum + change, 0) / changes.length;
}

export type IndicatorStatus = "reached" | "not-reached" | "no-data";

export const INDICATOR_STATUS_LABELS_UK: Record<IndicatorStatus, string> = {
  reached: "досягнуто",
  "not-reached": "не досягнуто",
  "no-data": "немає даних",
};

/**
 * Whether `actual` reaches the indicator's target for `year`. Numbers: actual ≥ target, or ≤ when
 * isLowerBetter. Yes/no: actual equals the target ("Так" needs "Так"). "no-data" when the target or
 * the actual value is missing or not comparable (a number against "Так", free text).
 */
export function indicatorStatus(
  indicator: Pick<Indicator, "name" | "targets">,
  actual: string | null | undefined,
  year: number | string,
): IndicatorStatus {
  const target = parseIndicatorValue(indicator.targets[String(year)]);
  const value = parseIndicatorValue(actual);
  if (target.kind === "yes-no" && value.kind === "yes-no") {
    return target.value === value.value ? "reached" : "not-reached";
  }
  if (target.kind !== "number" || value.kind !== "number") return "no-data";
  const reached = isLowerBetter(indicator) ? value.value <= target.value : value.value >= target.value;
  return reached ? "reached" : "not-reached";
}

/** Formats a computed value the Ukrainian way, at most two fraction digits: 41.25 → "41,25". */
export function formatIndicatorNumber(value: number): string {
  return String(Math.round(value * 100) / 100).replace(".", ",");
}

/**
 * The actual value of indicator `index` for `year` from effective reports: the annual report's value
 * if any reports it, else the latest period's. A value entered as text wins; otherwise the indicator's
 * formula is evaluated over the reported variables. Null when nothing usable was reported.
 */
export function indicatorActualForYear(
  indicator: Pick<Indicator, "formula">,
  index: number,
  effectiveReports: readonly ExecutorReport[],
  year: number,
): string | null {
  const ranked = effectiveReports
    .filter((report) => parsePeriodKey(report.periodKey)?.year === year)
    .sort(
      (a, b) =>
        comparePeriodKeys(a.periodKey, b.periodKey) ||
        (a.submittedAt ?? "").localeCompare(b.submittedAt ?? ""),
    );
  for (const report of ranked.reverse()) {
    for (const entry of report.indicatorActuals.filter((each) => each.indicatorIndex === index)) {
      const value = entry.value?.trim() ? entry.value : valueFromFormula(indicator.formula, entry.variables);
      if (value) return value;
    }
  }
  return null;
}

function valueFromFormula(formula: string, variables: Record<string, number> | undefined): string | null {
  if (!variables) return null;
  const value = tryCompileFormula(formula)?.evaluate(variables) ?? null;
  return value === null ? null : formatIndicatorNumber(value);
}
