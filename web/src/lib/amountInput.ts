import {
  formatAmount,
  type Kopecks,
  type MoneyUnit,
  parseDecimalToKopecks,
} from "../../../src/domain/money.js";

export type AmountInputError =
  | "amount.empty"
  | "amount.negative"
  | "amount.notNumber"
  | "amount.tooPrecise"
  | "amount.tooLarge";

export type AmountInput = { ok: true; kopecks: Kopecks } | { ok: false; error: AmountInputError };

const MINUS = /^[-‐‑–—−]/;

/**
 * Reads what a person typed into an amount field ("1 774,5", "1774.5", "0"). An empty field is an
 * error here: the caller decides whether a blank means "no amount" before asking.
 */
export function parseAmountInput(raw: string, unit: MoneyUnit): AmountInput {
  const text = raw.trim();
  if (text === "") return { ok: false, error: "amount.empty" };
  if (MINUS.test(text)) {
    const rest = parseDecimalToKopecks(text.replace(MINUS, ""), unit);
    return { ok: false, error: rest === null ? "amount.notNumber" : "amount.negative" };
  }
  const kopecks = parseDecimalToKopecks(text, unit);
  if (kopecks !== null) return { ok: true, kopecks };
  const digitsOnly = text.replace(/[\s\u00a0\u202f]/g, "");
  const number = /^\+?(\d+)(?:[.,]\d+)?$/.exec(digitsOnly);
  if (number) {
    // A number all the same: beyond what kopecks hold exactly (90 трлн грн), or too many decimals.
    const whole = parseDecimalToKopecks(number[1] ?? "", unit);
    return { ok: false, error: whole === null ? "amount.tooLarge" : "amount.tooPrecise" };
  }
  return { ok: false, error: "amount.notNumber" };
}

/** The text an amount field starts with: "1 774,5" (thousand) — round-trips through parseAmountInput. */
export function amountToInput(kopecks: Kopecks, unit: MoneyUnit): string {
  return formatAmount(kopecks, unit).replace(/[\u00a0\u202f]/g, " ");
}
