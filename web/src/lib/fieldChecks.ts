/** Checks of single edit fields, shown next to the field. Codes are i18n keys. */
export type FieldError = "field.required" | "field.notYear" | "field.yearOutsidePeriod" | "field.yearOrder";

export function checkRequired(text: string): FieldError | null {
  return text.trim() === "" ? "field.required" : null;
}

export function checkYearInPeriod(raw: string, period: { from: number; to: number }): FieldError | null {
  const text = raw.trim();
  if (!/^\d{4}$/.test(text)) return "field.notYear";
  const year = Number(text);
  return year < period.from || year > period.to ? "field.yearOutsidePeriod" : null;
}

/** A deadline "from–to" pair: each year in the period, and from not after to. */
export function checkYearRange(
  from: string,
  to: string,
  period: { from: number; to: number },
): { from: FieldError | null; to: FieldError | null } {
  const fromError = checkYearInPeriod(from, period);
  const toError = checkYearInPeriod(to, period);
  if (!fromError && !toError && Number(from) > Number(to)) return { from: null, to: "field.yearOrder" };
  return { from: fromError, to: toError };
}

/**
 * Executors as the head types them: one per line or separated by semicolons, and, as the importer reads
 * a task table's cell, commas and conjunctions between units ("Відділ освіти та фінансовий відділ").
 */
export { splitExecutors } from "../../../src/domain/executor-split.js";
