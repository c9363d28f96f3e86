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
const YEAR_WORD = String.raw`(?:\s*(?:рр?\.?|роки|року|рік|років|році))?\.?`;
/** «2026–2028 роки», «2026 р. – 2028 р.». */
const RANGE = new RegExp(String.raw`^(\d{4})${YEAR_WORD}\s*[-–—]\s*(\d{4})${YEAR_WORD}$`, "i");
const SINGLE = new RegExp(String.raw`^(\d{4})${YEAR_WORD}$`, "i");
const Q = String.raw`([IVІ]{1,3}|IV|ІV|[1-4])\s*(?:-?й\s*)?`;
const QUARTER = new RegExp(String.raw`^${Q}(?:квартал\S*|кв\.?)\s*(\d{4})${YEAR_WORD}$`, "i");
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
/** «щороку» before or after the years it repeats in: «щорічно протягом 2026–2028 рр.», «2026–2028, щороку». */
const EVERY_YEAR_WORD = /^(?:щороку|щорічно)\s*[,;:]?\s+|\s*[,;]?\s+(?:щороку|щорічно)\.?$/i;
/** «щороку до 1 березня», «щорічно до 15.12»: by a day each year, the year unnamed. */
const EACH_YEAR_BY_DAY = /^(?:до|не\s+пізніше)\s+\d{1,2}(?:\.\d{1,2}|\s+\p{L}+)\.?$/iu;
/** «з 2027 року», «починаючи з 2027 р.»: from that year to the programme's end. */
const FROM_YEAR = new RegExp(String.raw`^(?:починаючи\s+)?з\s+(\d{4})${YEAR_WORD}$`, "i");
/** «до 2027 року»: from the programme's start to that year. */
const TO_YEAR = new RegExp(String.raw`^до\s+(\d{4})${YEAR_WORD}$`, "i");
/** "протягом 2026–2028 рр.", "у 2027 році": the years after the preposition. */
const DURING = /^(?:протягом|упродовж|у|в|на)\s+/i;

/** «31.12.2026», «до 01.09.2027», «до кінця 2027 року»: by a day, read as the quarter it falls in. */
const BY_DATE = /^(?:до\s+|по\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*(?:р\.?|року))?\.?$/i;
const BY_YEAR_END = new RegExp(String.raw`^до\s+кінця\s+(\d{4})${YEAR_WORD}$`, "i");
/** «з 01.01.2026 по 31.12.2028», «01.03.2026 – 30.11.2027»: the years the dates run over. */
const DATE_RANGE =
  /^(?:з\s+)?\d{1,2}\.\d{1,2}\.(\d{4})(?:\s*р\.?)?\s*(?:по|до|[-–—])\s*\d{1,2}\.\d{1,2}\.(\d{4})(?:\s*(?:р\.?|року))?\.?$/i;
const MONTHS = [
  "січ",
  "лют",
  "берез",
  "квіт",
  "трав",
  "черв",
  "лип",
  "серп",
  "верес",
  "жовт",
  "листопад",
  "груд",
];
const MONTH = String.raw`((?:${MONTHS.join("|")})[^\s\-–—]*)`;
/** «грудень 2026 р.»: the quarter of the month; «вересень–грудень 2026»: that year. */
const IN_MONTH = new RegExp(String.raw`^(?:до\s+)?${MONTH}\s+(\d{4})${YEAR_WORD}$`, "i");
const MONTHS_OF_YEAR = new RegExp(String.raw`^${MONTH}\s*[-–—]\s*${MONTH}\s+(\d{4})${YEAR_WORD}$`, "i");
/** «2026, 2027», «2026 р., 2027 р.», «2026/2027»: years one after another. */
const YEAR_LIST = new RegExp(String.raw`^\d{4}${YEAR_WORD}(?:\s*[,/;]\s*\d{4}${YEAR_WORD})+$`, "i");
/** A remark in brackets after the deadline: «2026–2028 роки (щороку)». */
const REMARK = /\s*\([^()]*\)\.?$/;

function latinRoman(text: string): string {
  return text.replace(/І/g, "I").toLowerCase();
}

/** Reads a deadline as printed; inverted ranges ("2026-2025 роки") are kept for the validator. */
export function parseDeadline(raw: string): Deadline | null {
  const text = cellText(raw);
  if (text === "") return null;
  if (PROGRAMME.test(text) || EVERY_YEAR.test(text)) return { kind: "programme" };
  const repeated = text.replace(EVERY_YEAR_WORD, "");
  if (repeated !== text)
    return EACH_YEAR_BY_DAY.test(repeated) ? { kind: "programme" } : parseDeadline(repeated);
  const yearFirst = YEAR_FIRST.exec(text);
  const ordered = yearFirst ? `${yearFirst[2]} ${yearFirst[1]}` : text;
  const plain = text.replace(REMARK, "");
  return (
    yearsOf(plain) ??
    yearsOf(plain.replace(DURING, "")) ??
    datesOf(plain) ??
    quarterOf(yearFirst ? ordered : plain)
  );
}

function quarterOfMonth(month: number, year: number): Deadline | null {
  if (month < 1 || month > 12) return null;
  return { kind: "quarter", quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4, year };
}

function monthNumber(word: string | undefined): number {
  const lower = (word ?? "").toLowerCase();
  return MONTHS.findIndex((stem) => lower.startsWith(stem)) + 1;
}

/** Deadlines printed as days, months or a list of years. */
function datesOf(text: string): Deadline | null {
  const day = BY_DATE.exec(text);
  if (day) return quarterOfMonth(Number(day[2]), Number(day[3]));
  const since = FROM_YEAR.exec(text);
  if (since) return { kind: "programme", from: Number(since[1]) };
  const until = TO_YEAR.exec(text);
  if (until) return { kind: "programme", to: Number(until[1]) };
  const yearEnd = BY_YEAR_END.exec(text);
  if (yearEnd) return { kind: "quarter", quarter: 4, year: Number(yearEnd[1]) };
  const range = DATE_RANGE.exec(text);
  if (range) return { kind: "years", from: Number(range[1]), to: Number(range[2]) };
  const month = IN_MONTH.exec(text);
  if (month) return quarterOfMonth(monthNumber(month[1]), Number(month[2]));
  const months = MONTHS_OF_YEAR.exec(text);
  if (months) return { kind: "years", from: Number(months[3]), to: Number(months[3]) };
  if (YEAR_LIST.test(text)) return listedYears(text.match(/\d{4}/g)?.map(Number) ?? []);
  return null;
}

/** A list of years: a range when they follow one another, else the years themselves («2026, 2028»). */
function listedYears(years: number[]): Deadline | null {
  const [from, to] = [years[0], years.at(-1)];
  if (from === undefined || to === undefined) return null;
  const consecutive = years.every((year, index) => index === 0 || year === (years[index - 1] ?? 0) + 1);
  if (consecutive) return { kind: "years", from, to };
  const ascending = years.every((year, index) => index === 0 || year > (years[index - 1] ?? 0));
  return ascending ? { kind: "years", from, to, years } : null;
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
