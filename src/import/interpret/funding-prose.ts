import { LETTER } from "../../domain/letters.js";
import type { ByYear, DeclaredFunding, SourceKind } from "../../domain/model.js";
import { type MoneyUnit, parseDecimalToKopecks } from "../../domain/money.js";
import type { CellAddress } from "./coverage.js";

/**
 * Passport field 10 written as prose, as many councils print it:
 * «Загальний обсяг фінансування Програми становить 80,0 тис. грн, у тому числі з місцевого бюджету –
 * 80,0 тис. грн (2026 рік – 15,0 тис. грн, 2027 рік – 30,0 тис. грн, 2028 рік – 35,0 тис. грн)».
 *
 * Rules (for the layout, not for a file):
 * - an amount is a number, optionally followed by its unit (`тис. грн`, `грн`, `млн грн`); an amount
 *   printed without a unit is in the last unit printed before it, else in the field's unit;
 * - a year (`2026 рік`, `у 2026 році`, `2026 р.`, `2026:`) before an amount makes it that year's; a
 *   year range (`2026–2028 роки`) and a year that no amount follows are labels, not amounts;
 * - the words before an amount (since the amount before it) name whose it is: a source (`місцевого
 *   бюджету`, `кошти державного бюджету`, `інші джерела`, `бюджету … громади`) or the total
 *   (`загальний обсяг`, `усього`, `разом`, `обсяг`); a year's amount belongs to the source or total
 *   named last (so the years in brackets after a source are that source's);
 * - «загальний обсяг … з місцевого бюджету становить 80,0», in a field that names one source only, is
 *   both the total and that source's, and the years after it are the total's;
 * - one amount after several years (`на 2026, 2027 та 2028 роки`, `на 2026–2028 роки`) is each of
 *   those years' when the text says so (`по 15,0`, `щорічно 15,0`, `15,0 тис. грн щороку`); after
 *   years listed one by one and said neither way, the task table's sums decide (`SharedYearsJudge`:
 *   each year's, or all the years' together) and, when they do not, the amount lands nowhere and both
 *   readings are named; a year range said neither way stays a label;
 * - an amount that names nobody, or restates a slot already filled with another amount, lands
 *   nowhere: the number ledger names it in `import.unread-number`.
 */

/** A cell (or paragraph) of field 10 and where it is, for the number ledger. */
export interface ProseCell {
  text: string;
  at: CellAddress;
}

/** Where the prose reader tells the ledger the numbers of each cell and how many of them landed. */
export interface ProseSink {
  seeNumbers(at: CellAddress, numbers: string[]): void;
  place(at: CellAddress, count?: number): void;
}

export type Owner = "total" | SourceKind;

/**
 * Tells whose one amount after several listed years is, when the text does not say: each year's or all
 * the years' together, by the task table's sums for its owner; and names the amount when nothing does.
 */
export interface SharedYearsJudge {
  decide(owner: Owner, years: string[], kopecks: number): "each" | "together" | null;
  undecided(printed: string, owner: Owner, years: string[], kopecks: number, line: number): void;
}

/** A number: digits grouped by spaces in threes after a head of one to three, or plain; decimals. */
const NUMBER = /(?<![\d.,])(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?![\d])/gu;
/** A unit after an amount: "тис. грн", "тис.грн.", "грн", "гривень", "тисяч гривень", "млн грн". */
const UNIT_AFTER = new RegExp(
  String.raw`^\s*(?:(?<thousand>тис(?:\.|яч[аі]?)?)|(?<million>млн\.?|мільйон${LETTER}*))?\s*(?<uah>грн\.?|гривень|гривні|гривня)?`,
  "iu",
);
const PERCENT_AFTER = /^\s*(?:%|відсот)/iu;
const YEAR = /^(?:19|20)\d\d$/;
const RANGE_AFTER = /^\s*[-‐‑–—−]\s*(?:19|20)\d\d(?![\d.,])/u;
const RANGE_BEFORE = /(?:19|20)\d\d\s*[-‐‑–—−]\s*$/u;
const AFTER_DASH = /[-‐‑–—−:]\s*$/u;
/** «по 15,0», «щорічно 15,0», «щороку – 15,0»: one amount for each of the years before it. */
const EACH_BEFORE = new RegExp(
  String.raw`(?<!${LETTER})(?:по|щороку|щорічно|кожного\s+року|на\s+кожен\s+рік)\s*(?:[-‐‑–—−:]\s*)?(?:по\s*)?$`,
  "iu",
);
/** «15,0 тис. грн щороку»: one amount for each year. */
const EACH_AFTER = new RegExp(
  String.raw`^[\s,]*(?:щороку|щорічно|кожного\s+року|на\s+кожен\s+рік|на\s+рік)(?!${LETTER})`,
  "iu",
);
/** What follows a year that labels an amount or is a year of a list: a year word, a dash, a colon. */
const LABEL_AFTER = new RegExp(
  String.raw`^\s*(?:рік|році|року|роки|роках|років|р\.|р(?!${LETTER})|[-‐‑–—−:])`,
  "iu",
);
/** An owner named after its amount: «80,0 тис. грн – кошти місцевого бюджету, …». */
const CLAUSE_AFTER = /^\s*[-‐‑–—−:]\s*([^,;()]*)/u;
const TOTAL_WORDS = new RegExp(
  String.raw`(?<!${LETTER})(?:загальн${LETTER}*|всього|усього|разом|обсяг${LETTER}*)(?!${LETTER})`,
  "iu",
);
/** Only these make a sentence naming a source also the total («загальний обсяг … з місцевого бюджету»). */
const STRICT_TOTAL_WORDS = new RegExp(
  String.raw`(?<!${LETTER})(?:загальн${LETTER}*|всього|усього|разом)(?!${LETTER})`,
  "iu",
);
const BUDGET = new RegExp(String.raw`(?<!${LETTER})бюджет(?:у|і|ом|ів|и|а)?(?!${LETTER})`, "giu");
const OTHER_SOURCE = new RegExp(
  String.raw`(?<!${LETTER})(?:інш${LETTER}*\s+джерел|не\s+заборонен|позабюджетн)`,
  "iu",
);

/** The sources a phrase names: a budget by the word before it, other sources by their phrases. */
export function sourcesNamedIn(text: string): SourceKind[] {
  const kinds = new Set<SourceKind>();
  for (const match of text.matchAll(BUDGET)) {
    const before = text.slice(0, match.index).trimEnd().split(/\s+/).pop()?.toLowerCase() ?? "";
    if (before.startsWith("державн")) kinds.add("state");
    else if (before.startsWith("обласн")) kinds.add("oblast");
    else if (before.startsWith("районн")) kinds.add("district");
    else kinds.add("local");
  }
  if (OTHER_SOURCE.test(text)) kinds.add("other");
  return [...kinds];
}

interface Mention {
  text: string;
  start: number;
  end: number;
  kind: "year" | "range" | "amount" | "other";
  unit?: MoneyUnit;
}

function unitOf(groups: Record<string, string | undefined> | undefined): MoneyUnit | undefined {
  if (groups?.million) return "million";
  if (groups?.thousand) return "thousand";
  return groups?.uah ? "uah" : undefined;
}

/** Every number of the text, told apart: years, the ends of a year range, amounts, other numbers. */
function mentionsOf(text: string): Mention[] {
  const out: Mention[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    let end = start + match[0].length;
    const after = text.slice(end);
    const unitMatch = UNIT_AFTER.exec(after);
    const unit = unitOf(unitMatch?.groups);
    if (unit && unitMatch) end += unitMatch[0].length;
    const before = text.slice(0, start);
    // «інші джерела – 2027», «2026 рік – 2027»: after a dash or colon and labelling nothing, an amount.
    const amountAfterDash = AFTER_DASH.test(before) && !LABEL_AFTER.test(after);
    const bare = YEAR.test(match[0]) && unit === undefined && !amountAfterDash;
    let kind: Mention["kind"] = "amount";
    if (bare && (RANGE_AFTER.test(after) || RANGE_BEFORE.test(before))) kind = "range";
    else if (bare) kind = "year";
    else if (PERCENT_AFTER.test(after)) kind = "other";
    out.push({ text: match[0], start, end, kind, ...(unit ? { unit } : {}) });
  }
  return out;
}

/** The owner a phrase names: one source, else the total; null when it names neither or several sources. */
function ownerNamedIn(context: string): Owner | null {
  const sources = sourcesNamedIn(context);
  if (sources.length === 1) return sources[0] ?? null;
  return TOTAL_WORDS.test(context) ? "total" : null;
}

/** Puts an amount in its slot; an amount already there must be the same (a restatement). */
function putAmount(funding: DeclaredFunding, owner: Owner, year: string | null, kopecks: number): boolean {
  if (year !== null) {
    let byYear: ByYear;
    if (owner === "total") byYear = funding.byYear;
    else {
      byYear = funding.bySourceByYear[owner] ?? {};
      funding.bySourceByYear[owner] = byYear;
    }
    const known = byYear[year];
    if (known !== undefined && known !== kopecks) return false;
    byYear[year] = kopecks;
    return true;
  }
  if (owner === "total") {
    if (funding.total !== null && funding.total !== kopecks) return false;
    funding.total = kopecks;
    return true;
  }
  const known = funding.bySource[owner];
  if (known !== undefined && known !== kopecks) return false;
  funding.bySource[owner] = kopecks;
  return true;
}

/** The years from one end of a printed range to the other, both ends included. */
function yearsBetween(from: string, to: string): string[] {
  const [first, last] = [Number(from), Number(to)];
  if (!(last > first) || last - first > 10) return [];
  return Array.from({ length: last - first + 1 }, (_, index) => String(first + index));
}

/** The years an amount is printed for, each: those listed (or the range printed) right before it. */
function eachYearOf(
  text: string,
  context: string,
  mention: Mention,
  listed: string[],
  range: string[],
): string[] {
  const each = EACH_BEFORE.test(context) || EACH_AFTER.test(text.slice(mention.end));
  if (!each) return [];
  return listed.length > 1 ? listed : range;
}

/** Drops per-source years that no amount filled (a source whose every year was refused). */
function dropEmpty(funding: DeclaredFunding): void {
  for (const [source, byYear] of Object.entries(funding.bySourceByYear)) {
    if (byYear && Object.keys(byYear).length === 0) delete funding.bySourceByYear[source as SourceKind];
  }
}

/**
 * Reads field 10 written as prose into `funding`. Returns false (and tells the ledger nothing) when the
 * text holds no amount; otherwise every number but the years that label amounts is registered, and
 * those that landed are placed. True when at least one amount landed.
 */
export function readFundingProse(
  cells: ProseCell[],
  unit: MoneyUnit,
  funding: DeclaredFunding,
  sink: ProseSink,
  judge: SharedYearsJudge | null = null,
): boolean {
  // One text of the cells in order, each cell's span kept for the ledger.
  const spans: { from: number; to: number; at: CellAddress }[] = [];
  let text = "";
  for (const cell of cells) {
    const clean = cell.text.replace(/\s+/g, " ").trim();
    if (clean === "") continue;
    if (text !== "") text += " ";
    spans.push({ from: text.length, to: text.length + clean.length, at: cell.at });
    text += clean;
  }
  const mentions = mentionsOf(text);
  const lineAt = (offset: number): number =>
    (spans.find((span) => offset >= span.from && offset < span.to) ?? spans[0])?.at.line ?? 0;
  if (!mentions.some((mention) => mention.kind === "amount")) return false;
  const singleSource = sourcesNamedIn(text).length === 1;
  const landed = new Set<Mention>();
  let owner: Owner | null = null;
  let lastUnit: MoneyUnit = unit;
  let contextFrom = 0;
  let years: string[] = [];
  let range: string[] = [];
  let rangeFrom: string | null = null;
  let anyAmount = false;
  for (const [index, mention] of mentions.entries()) {
    if (mention.kind === "year") {
      years.push(mention.text);
      continue;
    }
    if (mention.kind === "range") {
      years = [];
      range = rangeFrom === null ? [] : yearsBetween(rangeFrom, mention.text);
      rangeFrom = rangeFrom === null ? mention.text : null;
      continue;
    }
    const context = text.slice(contextFrom, mention.start);
    contextFrom = mention.end;
    const yearsHere = years;
    const rangeHere = range;
    years = [];
    range = [];
    rangeFrom = null;
    if (mention.kind !== "amount") continue;
    let eachYear = eachYearOf(text, context, mention, yearsHere, rangeHere);
    let together = false;
    // A year range before one amount not said to be each year's («на 2026–2028 роки 45,0»): the whole
    // of those years' when the words name a total («загальний обсяг», «усього»), else the task table
    // may tell, as for years listed one by one.
    const shared =
      yearsHere.length > 1
        ? yearsHere
        : rangeHere.length > 1 && !STRICT_TOTAL_WORDS.test(context)
          ? rangeHere
          : [];
    if (shared.length > 1 && eachYear.length === 0) {
      // Several years before one amount, not said to be each year's: the task table may tell.
      const sharedOwner = ownerNamedIn(context) ?? owner ?? "total";
      const kopecks = parseDecimalToKopecks(mention.text, mention.unit ?? lastUnit);
      const verdict = kopecks === null ? null : (judge?.decide(sharedOwner, shared, kopecks) ?? null);
      if (verdict === "each") eachYear = shared;
      else if (verdict === "together") together = true;
      else {
        if (kopecks !== null)
          judge?.undecided(mention.text, sharedOwner, shared, kopecks, lineAt(mention.start));
        continue;
      }
    }
    const yearHere = eachYear.length > 0 || together ? null : (yearsHere[0] ?? null);
    let named = ownerNamedIn(context);
    const source = named !== "total" ? named : null;
    if (named === null && yearHere === null) {
      // «80,0 тис. грн – кошти місцевого бюджету»: the owner named after its amount.
      const next = mentions[index + 1]?.start ?? text.length;
      const clause = CLAUSE_AFTER.exec(text.slice(mention.end, next));
      const after = clause ? ownerNamedIn(clause[1] ?? "") : null;
      if (clause && after) {
        named = after;
        contextFrom = mention.end + clause[0].length;
      }
    }
    if (named) owner = named;
    const amountUnit = mention.unit ?? lastUnit;
    if (mention.unit) lastUnit = mention.unit;
    const kopecks = parseDecimalToKopecks(mention.text, amountUnit);
    if (kopecks === null) continue;
    if (eachYear.length > 0) {
      const eachOwner = named ?? owner ?? "total";
      const put = eachYear.map((year) => putAmount(funding, eachOwner, year, kopecks));
      anyAmount = true;
      if (put.every(Boolean)) landed.add(mention);
      continue;
    }
    // The first amount, naming nobody and no year: the field opens with its total.
    const slotOwner =
      named ?? (yearHere !== null || together ? (owner ?? "total") : anyAmount ? null : "total");
    anyAmount = true;
    if (slotOwner === null) continue;
    const put = putAmount(funding, slotOwner, yearHere, kopecks);
    if (put && source && yearHere === null && singleSource && STRICT_TOTAL_WORDS.test(context)) {
      // The total, paid by its one source: the years after it are the total's.
      if (funding.total === null) funding.total = kopecks;
      if (funding.total === kopecks) owner = "total";
    }
    if (put) landed.add(mention);
  }
  dropEmpty(funding);
  // The ledger: each cell's numbers (years that label amounts are labels), those that landed first.
  for (const span of spans) {
    const inCell = mentions.filter(
      (mention) =>
        mention.kind !== "year" &&
        mention.kind !== "range" &&
        mention.start >= span.from &&
        mention.start < span.to,
    );
    if (inCell.length === 0) continue;
    const placed = inCell.filter((mention) => landed.has(mention));
    const unplaced = inCell.filter((mention) => !landed.has(mention));
    sink.seeNumbers(
      span.at,
      [...placed, ...unplaced].map((mention) => mention.text),
    );
    if (placed.length > 0) sink.place(span.at, placed.length);
  }
  return landed.size > 0;
}
