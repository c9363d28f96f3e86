import type { Deadline } from "../../domain/model.js";
import { cellText } from "./text.js";

const QUARTERS: Record<string, 1 | 2 | 3 | 4> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
};
const YEAR_WORD = String.raw`(?:\s*(?:рр?\.?|роки|року|рік))?\.?`;
const RANGE = new RegExp(String.raw`^(\d{4})\s*[-–—]\s*(\d{4})${YEAR_WORD}$`, "i");
const SINGLE = new RegExp(String.raw`^(\d{4})${YEAR_WORD}$`, "i");
const QUARTER = /^([IVІ]{1,3}|IV|ІV|[1-4])\s*(?:-?й\s*)?квартал\w*\s+(\d{4})/i;
const PROGRAMME = /протягом\s+(?:(?:строку|терміну|періоду)\s+)?(?:дії|виконання|реалізації)?\s*програми/i;

function latinRoman(text: string): string {
  return text.replace(/І/g, "I").toLowerCase();
}

/** Reads a deadline as printed; inverted ranges ("2026-2025 роки") are kept for the validator. */
export function parseDeadline(raw: string): Deadline | null {
  const text = cellText(raw);
  if (text === "") return null;
  if (PROGRAMME.test(text)) return { kind: "programme" };
  const range = RANGE.exec(text);
  if (range) return { kind: "years", from: Number(range[1]), to: Number(range[2]) };
  const single = SINGLE.exec(text);
  if (single) return { kind: "years", from: Number(single[1]), to: Number(single[1]) };
  const quarter = QUARTER.exec(text);
  const number = quarter ? QUARTERS[latinRoman(quarter[1] ?? "")] : undefined;
  if (quarter && number) return { kind: "quarter", quarter: number, year: Number(quarter[2]) };
  return { kind: "text" };
}
