import type { TableRow } from "../blocks.js";
import { isColumnNumberRow } from "./columns.js";
import { cellText, leadingNumber } from "./text.js";

/**
 * A heading by its shape, whatever word a council names its sections with: one or two words (the
 * first capitalised), a number, then a title or nothing — «Блок 2. Електронні послуги», «Складова 1.»,
 * «Стратегічна ціль 3 – Назва». The number is no part of a longer one («Завдання 1.1. …»).
 */
const SECTION_HEADING =
  /^(\p{Lu}[\p{L}'’ʼ-]*(?:\s+\p{L}[\p{L}'’ʼ-]*)?)\s*№?\s*(\d{1,2})(?![.,]?\d)(?:\s*[.:–—-]\s*|\s+|$)(.*)$/su;
/** «1. Назва напряму»: a one-level number and a title. */
const NUMBERED_HEADING = /^(\d{1,2})\.\s*([^\d\s].*)$/su;
/** An amount with decimals («1 350,500»): a sentence's wrapped line («Програми становить 1 350,500 …»), no heading. */
const AMOUNT = /\d,\d/;
const TOTAL_WORD = /^(?:всього|усього|разом)$/i;

export interface SectionHeading {
  number: string;
  title: string;
}

/**
 * The task table's rows that head its directions by a word of the council's own («Блок 2», «Ціль 1.»)
 * and how its stated totals name that word: read once from the whole table, before its rows are built.
 */
export interface SectionHeadings {
  rows: Map<TableRow, SectionHeading>;
  /** What a total's label names of the sections: `totalOf`. */
  totalOf: (label: string) => SectionTotal;
}

/**
 * A total's label naming the sections' word and a number («Разом за блоком 2»): that direction's total;
 * the word alone («Всього за програмою»): a total whose sums tell whose it is, as a bare «Разом»'s do.
 */
export type SectionTotal = "direction" | "word" | null;

/** A table whose directions no word of its own heads. */
export const NO_SECTIONS: SectionHeadings = { rows: new Map(), totalOf: () => null };

interface Candidate {
  index: number;
  /** The section word as printed, lowercase: what tells two headings of one kind. */
  word: string;
  heading: SectionHeading;
}

/** The first letters of a word that its other cases keep: «блок» → «бло» («блоком»), «напрямок» → «напрям» («напрямку»). */
function stem(word: string): string {
  return word.slice(0, Math.max(3, word.length - 2));
}

function totalPatterns(word: string): { numbered: RegExp; alone: RegExp } {
  const stems = word.split(/\s+/).map((each) => `${stem(each)}\\p{L}*`);
  const named = String.raw`^(?:всього|усього|разом)\s+(?:за\s+|по\s+)?${stems.join(String.raw`\s+`)}`;
  return {
    numbered: new RegExp(String.raw`${named}\s*№?\s*\d{1,2}(?!\d)`, "iu"),
    alone: new RegExp(String.raw`${named}\s*:?$`, "iu"),
  };
}

/** Where the table names its items: a heading stands at or before `heading`, numbers up to `last`. */
export interface NameColumns {
  heading: number;
  last: number;
}

function onlyCell(row: TableRow, columns: NameColumns): string | null {
  const filled = row.cells.flatMap((text, index) => (text.trim() === "" ? [] : [index]));
  const [at] = filled;
  return filled.length === 1 && at !== undefined && at <= columns.heading ? cellText(row.cells[at]) : null;
}

/**
 * Text shaped as a section heading of a council's own word, «Блок 2. Електронні послуги», «Складова 1»,
 * with no amount in it: what a reader of printed lines may take for a heading row before the table
 * tells whose items it heads.
 */
export function isSectionHeadingText(text: string): boolean {
  const match = SECTION_HEADING.exec(cellText(text));
  if (!match || TOTAL_WORD.test(match[1]?.split(/\s+/)[0] ?? "")) return false;
  return !/^\d/.test(match[3] ?? "") && !AMOUNT.test(text);
}

function candidateOf(row: TableRow, index: number, columns: NameColumns): Candidate | null {
  const text = onlyCell(row, columns);
  const match = text === null ? null : SECTION_HEADING.exec(text);
  const word = match?.[1]?.toLowerCase().replace(/\s+/g, " ") ?? "";
  if (!match || TOTAL_WORD.test(word.split(" ")[0] ?? "")) return null;
  return { index, word, heading: { number: match[2] ?? "", title: cellText(match[3]) } };
}

/** The first item number printed in a row's naming cells: «1.2.» in the `№` cell, «1.2. Назва» in a name cell. */
function itemNumber(row: TableRow, columns: NameColumns): string | null {
  for (const text of row.cells.slice(0, columns.last + 1)) {
    const number = leadingNumber(cellText(text))?.number;
    if (number) return number;
  }
  return null;
}

/**
 * The items under a heading (up to the next heading of its kind or of a known kind) are numbered under
 * its number: N.1, N.2 ….
 */
function numbersItsItems(
  rows: TableRow[],
  candidate: Candidate,
  columns: NameColumns,
  isKnownHeading: (text: string) => boolean,
): boolean {
  for (const row of rows.slice(candidate.index + 1)) {
    if (isColumnNumberRow(row.cells)) continue;
    const text = onlyCell(row, columns);
    if (text !== null && isKnownHeading(text)) return false;
    const next = candidateOf(row, 0, columns);
    if (next?.word === candidate.word) return false;
    if (next) continue;
    const number = itemNumber(row, columns);
    if (number) return number.startsWith(`${candidate.heading.number}.`) && /^\d+\.\d/.test(number);
  }
  return false;
}

/** A row of an item under a heading: two or more cells filled, not a total's, nor the column numbers. */
function isItemRow(row: TableRow): boolean {
  const filled = row.cells.map(cellText).filter((text) => text !== "");
  return filled.length >= 2 && !TOTAL_LABEL.test(filled[0] ?? "") && !isColumnNumberRow(row.cells);
}

const TOTAL_LABEL = /^(?:всього|усього|разом)/iu;

/**
 * The first of a run of headings of one word, «<word> 1», «<word> 2» … in order, each over items of
 * its own numbered «1)», «2)» … or not at all (no «N.1», no «N.»: a word over items numbered so is read
 * by `numbersItsItems`, or is no direction). What keeps a word that a cell's text starts with («Етап 2.
 * Монтаж» under a project) from heading directions: the run starts at 1, before any item of the
 * table, holds every heading of its word, at least two, and no heading of the run stands without
 * items under it.
 */
function headsRun(
  rows: TableRow[],
  candidate: Candidate,
  columns: NameColumns,
  isKnownHeading: (text: string) => boolean,
): boolean {
  const first = Number(candidate.heading.number);
  if (first !== 1) return false;
  let headings = 1;
  let items = 0;
  for (const row of rows.slice(candidate.index + 1)) {
    if (isColumnNumberRow(row.cells)) continue;
    const text = onlyCell(row, columns);
    if (text !== null && isKnownHeading(text)) return false;
    const next = candidateOf(row, 0, columns);
    if (next?.word === candidate.word) {
      if (items === 0 || Number(next.heading.number) !== first + headings) return false;
      headings++;
      items = 0;
    } else if (!next && isItemRow(row)) {
      if (itemNumber(row, columns)?.includes(".")) return false;
      items++;
    }
  }
  return headings >= 2 && items > 0;
}

/**
 * A row alone in its naming cells, «<word> N[.] [Title]» with no amounts, whose items are numbered N.1,
 * N.2 …, heads direction N; so does every row that prints the same word so. So does a run of such rows
 * from «<word> 1» over items numbered «1)» or not at all, before any item (`headsRun`). The word is the
 * table's direction word only when no heading of a known kind (`isKnownHeading`: «Пріоритетний напрям
 * 1», «1. Назва», «ІІ. Назва», a title in capitals) comes before it: under such headings it names a lower
 * level («Завдання 1. Назва» over a direction's projects).
 */
export function readSectionHeadings(
  rows: TableRow[],
  columns: NameColumns,
  isKnownHeading: (text: string) => boolean,
): SectionHeadings {
  const candidates: Candidate[] = [];
  let word: string | null = null;
  let itemsBefore = false;
  for (const [index, row] of rows.entries()) {
    const text = onlyCell(row, columns);
    if (text === null) {
      itemsBefore ||= isItemRow(row);
      continue;
    }
    if (word === null && isKnownHeading(text)) return NO_SECTIONS;
    const candidate = candidateOf(row, index, columns);
    if (!candidate) continue;
    candidates.push(candidate);
    if (
      word === null &&
      (numbersItsItems(rows, candidate, columns, isKnownHeading) ||
        (!itemsBefore && headsRun(rows, candidate, columns, isKnownHeading)))
    )
      word = candidate.word;
  }
  if (word === null) return NO_SECTIONS;
  const heads = candidates.filter((candidate) => candidate.word === word);
  const { numbered, alone } = totalPatterns(word);
  const totalOf = (label: string): SectionTotal => {
    const text = cellText(label);
    return numbered.test(text) ? "direction" : alone.test(text) ? "word" : null;
  };
  return {
    rows: new Map(heads.map((candidate) => [rows[candidate.index] as TableRow, candidate.heading])),
    totalOf,
  };
}

/** «1. Назва» alone in a naming cell after an empty first one (`№`): a candidate with no word. */
function numberedCandidate(row: TableRow, index: number, columns: NameColumns): Candidate | null {
  if (cellText(row.cells[0]) !== "") return null;
  const text = onlyCell(row, columns);
  const match = text === null ? null : NUMBERED_HEADING.exec(text);
  return match ? { index, word: "", heading: { number: match[1] ?? "", title: cellText(match[2]) } } : null;
}

/**
 * The rows «1. Назва» alone in the name cell after an empty `№` cell, with no amounts, whose items are
 * numbered 1.1, 1.2 …: direction N's headings, as a bare number in the first cell is. Read only in a
 * table whose directions no heading in its first cell, of a known kind or a word of its own, heads.
 */
export function readNumberedHeadings(
  rows: TableRow[],
  columns: NameColumns,
  isKnownHeading: (text: string) => boolean,
): Map<TableRow, SectionHeading> {
  const heads = new Map<TableRow, SectionHeading>();
  for (const [index, row] of rows.entries()) {
    const first = cellText(row.cells[0]);
    if (onlyCell(row, columns) === first && (isKnownHeading(first) || candidateOf(row, index, columns)))
      return new Map();
    const candidate = numberedCandidate(row, index, columns);
    if (candidate && numbersItsItems(rows, candidate, columns, isKnownHeading))
      heads.set(row, candidate.heading);
  }
  return heads;
}
