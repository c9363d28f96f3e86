/**
 * Exact money. Amounts are integer kopecks held in JS numbers and checked to be safe integers
 * (up to about 90 trillion UAH); the database stores them as bigint.
 */
export type Kopecks = number;

/** The unit a document prints its amounts in. */
export type MoneyUnit = "million" | "thousand" | "uah";

const KOPECKS_PER_UNIT: Record<MoneyUnit, number> = { million: 100_000_000, thousand: 100_000, uah: 100 };
const FRACTION_DIGITS: Record<MoneyUnit, number> = { million: 8, thousand: 5, uah: 2 };

export type AmountCell =
  | { kind: "amount"; kopecks: Kopecks }
  | { kind: "empty" }
  | { kind: "dash" }
  | { kind: "text"; text: string };

const MARKUP = /<\/?[a-z][^>]*>|\*\*|\$/gi;
const GROUP_SPACES = /[\s\u00a0\u202f\u2009']/g;
/** A dash, or «х» («не застосовується»): no amount in the cell. */
const DASHES = /^(?:[-‐‑–—−]+|[хХxX×])$/;
const NUMBER = /^[+]?\d+(?:[.,]\d+)?$/;
const DIGIT = /\d/;

export function assertKopecks(value: number): Kopecks {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an exact kopeck amount: ${value}`);
  return value;
}

/** Removes markup and thousands separators, leaving the bare number text. */
export function normalizeNumberText(raw: string): string {
  let text = raw.replace(MARKUP, "").trim();
  text = text.replace(/\s*(тис\.?\s*)?грн\.?$/i, "").trim();
  const compact = text.replace(GROUP_SPACES, "");
  const lastComma = compact.lastIndexOf(",");
  const lastDot = compact.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? "," : ".";
    const group = decimal === "," ? "." : ",";
    return compact.split(group).join("");
  }
  return compact;
}

/**
 * Parses a decimal in the given unit to kopecks, exactly. Returns null when the text is not a plain
 * number or has more fraction digits than a kopeck can hold.
 */
export function parseDecimalToKopecks(raw: string, unit: MoneyUnit): Kopecks | null {
  const text = normalizeNumberText(raw);
  if (!NUMBER.test(text)) return null;
  const [whole = "0", fraction = ""] = text.replace(/^\+/, "").split(/[.,]/);
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > FRACTION_DIGITS[unit]) return null;
  const scale = KOPECKS_PER_UNIT[unit];
  const fractionKopecks = trimmed === "" ? 0 : Number(trimmed.padEnd(FRACTION_DIGITS[unit], "0"));
  const value = Number(whole) * scale + fractionKopecks;
  return Number.isSafeInteger(value) ? value : null;
}

/** Reads one table cell that should hold an amount. */
/** A footnote's mark after an amount or a dash: «250,0*», «-**», «100,0¹». */
const FOOTNOTE_MARK = /(?<=[\d‐‑–—−-])\s*(?:\*{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$/;

/** An amount's text without the footnote mark printed after it («250,0*» → «250,0»). */
export function withoutFootnoteMark(text: string): string {
  return text.replace(FOOTNOTE_MARK, "");
}

export function parseAmountCell(raw: string, unit: MoneyUnit): AmountCell {
  const text = withoutFootnoteMark(raw.replace(MARKUP, "").trim());
  if (text === "") return { kind: "empty" };
  if (DASHES.test(text)) return { kind: "dash" };
  // Reading a number only ever deletes characters, so text without a digit is never one (most prose).
  if (!DIGIT.test(text)) return { kind: "text", text };
  const kopecks = parseDecimalToKopecks(text, unit);
  return kopecks === null ? { kind: "text", text } : { kind: "amount", kopecks };
}

/** The unit words an amount may be written with, and the fraction digits of a kopeck in each. */
export type ScaleWord = "uah" | "thousand" | "million" | "billion";
const SCALE_WORDS: { word: ScaleWord; pattern: RegExp; digits: number }[] = [
  { word: "thousand", pattern: /^тис/i, digits: 5 },
  { word: "million", pattern: /^млн/i, digits: 8 },
  { word: "billion", pattern: /^млрд/i, digits: 11 },
  { word: "uah", pattern: /^грн/i, digits: 2 },
];
/**
 * "0,3 млн", "0,3 млн грн", "1,2 млн. грн", "2 млрд грн", "300 тис. грн": a number and a scale word;
 * "1 200,00 грн": a number in UAH.
 */
const SCALED = /^([+]?\d[\d\s\u00a0]*(?:[.,]\d+)?)\s*(?:(тис|млн|млрд)\.?\s*(?:грн\.?)?|(грн)\.?)$/i;

/**
 * An amount written with a scale word ("0,3 млн грн" = 30 000 000 kopecks), exactly, whatever the
 * table's unit; null for any other text, or one with more fraction digits than a kopeck can hold.
 */
export function parseScaledAmount(raw: string): { kopecks: Kopecks; word: ScaleWord } | null {
  if (!DIGIT.test(raw)) return null; // the pattern needs a digit, and removing markup adds none
  const match = SCALED.exec(raw.replace(MARKUP, "").trim());
  if (!match) return null;
  const word = match[2] ?? match[3] ?? "";
  const scale = SCALE_WORDS.find(({ pattern }) => pattern.test(word));
  if (!scale) return null;
  const number = (match[1] ?? "").replace(GROUP_SPACES, "").replace(/^\+/, "");
  const [whole = "0", fraction = ""] = number.split(/[.,]/);
  const trimmed = fraction.replace(/0+$/, "");
  if (trimmed.length > scale.digits) return null;
  const exact = BigInt(whole) * 10n ** BigInt(scale.digits) + BigInt(trimmed.padEnd(scale.digits, "0"));
  const kopecks = Number(exact);
  return Number.isSafeInteger(kopecks) && BigInt(kopecks) === exact ? { kopecks, word: scale.word } : null;
}

export function sumKopecks(values: Iterable<Kopecks>): Kopecks {
  let total = 0;
  for (const value of values) total += value;
  return assertKopecks(total);
}

/** Exact decimal text of an amount in a unit, with a dot, e.g. 3611250000 kopecks → "36112.5" thousand. */
export function kopecksToDecimal(kopecks: Kopecks, unit: MoneyUnit): string {
  const scale = BigInt(KOPECKS_PER_UNIT[unit]);
  const value = BigInt(kopecks);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  const whole = abs / scale;
  const fraction = (abs % scale).toString().padStart(FRACTION_DIGITS[unit], "0").replace(/0+$/, "");
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

const formatters = new Map<string, Intl.NumberFormat>();
const UK_LOCALE = "uk-UA";
const MIN_FRACTION_DIGITS: Record<MoneyUnit, number> = { million: 1, thousand: 1, uah: 2 };

/**
 * What `Intl.NumberFormat("uk-UA")` writes for an exact decimal — groups of three split by a no-break
 * space, a decimal comma, a hyphen-minus — written by hand: the first Intl formatter of a process loads
 * ICU's locale data, which costs a command-line run tens of milliseconds (issue 13). A test checks it
 * against Intl over many amounts.
 */
function formatUkrainian(decimal: string, minimumFractionDigits: number): string {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, "\u00a0");
  return `${negative ? "-" : ""}${grouped},${fraction.padEnd(minimumFractionDigits, "0")}`;
}

/** Formats an amount the Ukrainian way: "3,45" (million UAH), "36 112,5" (thousand UAH) or "1 774 000,00" (UAH). */
export function formatAmount(kopecks: Kopecks, unit: MoneyUnit, locale = UK_LOCALE): string {
  const minimumFractionDigits = MIN_FRACTION_DIGITS[unit];
  if (locale === UK_LOCALE) return formatUkrainian(kopecksToDecimal(kopecks, unit), minimumFractionDigits);
  const key = `${locale}:${unit}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      minimumFractionDigits,
      maximumFractionDigits: FRACTION_DIGITS[unit],
    });
    formatters.set(key, formatter);
  }
  return formatter.format(kopecksToDecimal(kopecks, unit) as unknown as number);
}

/** «млн грн», «млн. грн», «мільйонів гривень»: a heading naming million UAH. */
const MILLIONS = /млн\.?\s*(?:грн|гривень)|мільйон\S*\s+гривень/i;

/** «грн», «гривень», «гривні», «у гривнях»: a heading naming UAH. */
const HRYVNIAS = /грн|гривн|гривен/i;

/** The unit a heading names: «тис. грн» (checked first, as before), «млн грн», «грн» / «гривень»; null for none. */
export function unitNamedIn(text: string): MoneyUnit | null {
  if (/тис/i.test(text)) return "thousand";
  if (MILLIONS.test(text)) return "million";
  return HRYVNIAS.test(text) ? "uah" : null;
}

const SMALLER: Record<MoneyUnit, MoneyUnit | null> = { million: "thousand", thousand: "uah", uah: null };

/** The unit a thousand times smaller: the other reading of a table whose amounts slipped a unit; null for UAH. */
export function smallerUnit(unit: MoneyUnit): MoneyUnit | null {
  return SMALLER[unit];
}

const UNIT_LABELS: Record<MoneyUnit, string> = { million: "млн грн", thousand: "тис. грн", uah: "грн" };

export function unitLabel(unit: MoneyUnit): string {
  return UNIT_LABELS[unit];
}
