import { type Finding, type Indicator, type Programme, ref, years } from "../model.js";
import { normalizeNumberText } from "../money.js";
import { finding, hasValidPeriod } from "./common.js";

const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/**
 * The number an indicator cell holds ("37,5", " 43 %"), or null when the cell is not just a number
 * (text such as "на 2025 рік 37" would otherwise be read as its year).
 */
export function indicatorNumber(text: string): number | null {
  if (PLAIN_NUMBER.test(text)) return Number(text.replace(",", ".")); // most cells: nothing to normalise
  const bare = normalizeNumberText(text.replace(/%/g, ""));
  return PLAIN_NUMBER.test(bare) ? Number(bare.replace(",", ".")) : null;
}

function isPercentage(indicator: Indicator): boolean {
  const name = indicator.name.trim().toLowerCase();
  return (
    indicator.unit.includes("%") ||
    /відсот/i.test(indicator.unit) ||
    name.startsWith("%") ||
    name.startsWith("відсот")
  );
}

function label(indicator: Indicator): string {
  const name = indicator.name.trim();
  const number = indicator.number.trim();
  return `Індикатор ${number === "" ? "" : `${number} `}«${name.length > 80 ? `${name.slice(0, 77)}…` : name}»`;
}

interface Value {
  what: string;
  text: string;
  value: number;
}

function statedValues(indicator: Indicator): Value[] {
  const cells = [
    { what: "базове значення", text: indicator.baseline },
    ...Object.entries(indicator.targets).map(([year, text]) => ({ what: `ціль на ${year} рік`, text })),
  ];
  return cells.flatMap((cell) => {
    const value = indicatorNumber(cell.text);
    return value === null ? [] : [{ ...cell, value }];
  });
}

function shown(values: Value[]): string {
  return values.map((each) => `${each.what} ${each.text.trim()}`).join(", ");
}

/**
 * `indicator.formula-scale`: a percentage whose values are all fractions (0,37 where the formula
 * multiplies by 100), or a share above 100 %.
 */
export function checkIndicatorScale(programme: Programme): Finding[] {
  return programme.indicators.flatMap((indicator, index) => {
    if (!isPercentage(indicator)) return [];
    const values = statedValues(indicator);
    const message = scaleProblem(indicator, values);
    return message ? [finding("indicator.formula-scale", message, indicator.line, ref.indicator(index))] : [];
  });
}

function scaleProblem(indicator: Indicator, values: Value[]): string | null {
  const aboveHundred = values.filter((each) => each.value > 100);
  if (aboveHundred.length > 0) {
    return `${label(indicator)} у відсотках має значення понад 100 % (${shown(aboveHundred)}); частка не може перевищувати 100 %.`;
  }
  const fractions =
    values.length > 0 && values.every((each) => each.value <= 1) && values.some((each) => each.value !== 0);
  if (!fractions) return null;
  return (
    `${label(indicator)} у відсотках має лише значення не більші за 1 (${shown(values)}) — схоже на частки, ` +
    "не помножені на 100; очікувалися відсотки (наприклад, 37 замість 0,37)."
  );
}

/** `indicator.target-missing`: every programme year needs a target. */
export function checkIndicatorTargets(programme: Programme): Finding[] {
  if (!hasValidPeriod(programme)) return [];
  const programmeYears = years(programme.period);
  return programme.indicators.flatMap((indicator, index) => {
    const missing = programmeYears.filter((year) => (indicator.targets[year] ?? "").trim() === "");
    if (missing.length === 0) return [];
    const message =
      `${label(indicator)}: не зазначено цільове значення на ${missing.join(", ")} ` +
      `${missing.length === 1 ? "рік" : "роки"}; очікувалися цілі на кожен рік програми ${programme.period.from}–${programme.period.to}.`;
    return [finding("indicator.target-missing", message, indicator.line, ref.indicator(index))];
  });
}
