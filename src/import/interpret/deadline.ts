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
const Q = String.raw`([IVІ]{1,3}|IV|ІV|[1-4])\s*(?:-?й\s*)?`;
const QUARTER = new RegExp(String.raw`^${Q}квартал\S*\s+(\d{4})${YEAR_WORD}$`, "i");
/** "ІІ квартал 2026 – IV квартал 2027": read as the years it runs over. */
const QUARTER_RANGE = new RegExp(
  String.raw`^${Q}квартал\S*\s+(\d{4})${YEAR_WORD}\s*[-–—]\s*${Q}квартал\S*\s+(\d{4})${YEAR_WORD}$`,
  "i",
);
/** "I–II квартали 2026 року": within one year. */
const QUARTERS_OF_YEAR = new RegExp(String.raw`^${Q}[-–—]\s*${Q}квартал\S*\s+(\d{4})${YEAR_WORD}$`, "i");
const PROGRAMME = /протягом\s+(?:(?:строку|терміну|періоду)\s+)?(?:дії|виконання|реалізації)?\s*програми/i;
/** "І півріччя 2026 року", "2-е півріччя 2027 р.": within one year. */
const HALF_YEAR = new RegExp(
  String.raw`^([IІ]{1,2}|[12])\s*(?:-?е\s*)?півріч\S*\s+(\d{4})${YEAR_WORD}$`,
  "i",
);
/** "2026, І півріччя", "2027 рік, IV квартал": the year printed before its quarter or half. */
const YEAR_FIRST = /^(\d{4})(?:\s*(?:р\.?|рік|року))?\s*[,.]?\s+(\S.*(?:квартал|півріч)\S*)\.?$/i;
/** Every year of the programme: "щороку", "постійно" alone. */
const EVERY_YEAR = /^(?:щороку|щорічно|постійно)\.?$/i;
/** "протягом 2026–2028 рр.", "у 2027 році": the years after the preposition. */
const DURING = /^(?:протягом|упродовж|у|в|на)\s+/i;

function latinRoman(text: string): string {
  return text.replace(/І/g, "I").toLowerCase();
}

/** Reads a deadline as printed; inverted ranges ("2026-2025 роки") are kept for the validator. */
export function parseDeadline(raw: string): Deadline | null {
  const text = cellText(raw);
  if (text === "") return null;
  if (PROGRAMME.test(text) || EVERY_YEAR.test(text)) return { kind: "programme" };
  const yearFirst = YEAR_FIRST.exec(text);
  const ordered = yearFirst ? `${yearFirst[2]} ${yearFirst[1]}` : text;
  return yearsOf(text) ?? yearsOf(text.replace(DURING, "").replace(/році$/i, "рік")) ?? quarterOf(ordered);
}

function yearsOf(text: string): Deadline | null {
  const range = RANGE.exec(text);
  if (range) return { kind: "years", from: Number(range[1]), to: Number(range[2]) };
  const single = SINGLE.exec(text);
  if (single) return { kind: "years", from: Number(single[1]), to: Number(single[1]) };
  return null;
}

const quarterNumber = (roman: string | undefined) => QUARTERS[latinRoman(roman ?? "")];

function quarterOf(text: string): Deadline {
  const quarter = QUARTER.exec(text);
  const number = quarterNumber(quarter?.[1]);
  if (quarter && number) return { kind: "quarter", quarter: number, year: Number(quarter[2]) };
  const range = QUARTER_RANGE.exec(text);
  if (range && quarterNumber(range[1]) && quarterNumber(range[3])) {
    return { kind: "years", from: Number(range[2]), to: Number(range[4]) };
  }
  const within = QUARTERS_OF_YEAR.exec(text);
  if (within && quarterNumber(within[1]) && quarterNumber(within[2])) {
    return { kind: "years", from: Number(within[3]), to: Number(within[3]) };
  }
  const half = HALF_YEAR.exec(text);
  if (half) return { kind: "years", from: Number(half[2]), to: Number(half[2]) };
  return { kind: "text" };
}
