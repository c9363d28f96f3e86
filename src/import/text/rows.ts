import { isUnitName, namesUnit } from "../../domain/executor-split.js";
import { LETTER, LOWER } from "../../domain/letters.js";
import { isSourceLabel } from "../../domain/sources.js";
import type { TableRow } from "../blocks.js";
import {
  headingSource,
  isColumnNumberRow,
  isIncludingRow,
  isNamingRow,
  isYearRow,
} from "../interpret/columns.js";
import { sourcesNamedIn } from "../interpret/funding-prose.js";
import { isDirectionHeading, TASK_COLUMNS } from "../interpret/tasks.js";
import { joinPieces } from "./clean.js";

/** A row being rebuilt, with whether a blank line (a page break, often) came before it. */
export interface RawRow extends TableRow {
  afterBlank: boolean;
}

const ROW_MARKER = /^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]?(?:\s|$)|всього|усього|разом)/i;
const STRICT_ROW_MARKER = /^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)](?:\s|$)|всього|усього|разом)/i;
const SUB_NUMBER = /^\s*\d{1,3}(?:\.\d{1,3})+\.?\s+\S/;
const LOWERCASE_START = new RegExp(String.raw`^[«"„“(]?${LOWER}`, "u");
const AMOUNT_LIKE = /^[\s\d.,‐‑–—−-]*$/;
const LOOKBACK = 8;

/** True when the row opens a new table row on its own: a number, or a total. */
export function startsRow(cells: string[], strict = false): boolean {
  return (strict ? STRICT_ROW_MARKER : ROW_MARKER).test(cells[0] ?? "");
}

function nonEmpty(cells: string[]): number[] {
  const filled: number[] = [];
  cells.forEach((cell, index) => {
    if (cell.trim() !== "") filled.push(index);
  });
  return filled;
}

/** No amounts and fewer filled cells than the row above: wrapped text rather than a row of its own. */
function isSparse(row: RawRow, previous: RawRow): boolean {
  const filled = nonEmpty(row.cells);
  const amounts = filled.some((index) => AMOUNT_LIKE.test(row.cells[index] ?? ""));
  return !amounts && filled.length < nonEmpty(previous.cells).length;
}

/**
 * A line continues the row above when it starts mid-sentence (lowercase) after a page break or
 * as a sparse line, or when it is a lone fragment after a page break that names no source of funding.
 */
function looksLikeContinuation(row: RawRow, previous: RawRow): boolean {
  if (startsRow(row.cells)) return false;
  const filled = nonEmpty(row.cells);
  const first = filled[0];
  if (first === undefined) return false;
  const text = (row.cells[first] ?? "").trim();
  if (isSourceLabel(text) || labelsAmounts(text) || namesSourceColumns(row.cells, filled)) return false;
  if (totalsAmounts(text, row.cells, filled)) return false;
  if (LOWERCASE_START.test(text)) return row.afterBlank || isSparse(row, previous);
  return row.afterBlank && filled.length === 1 && first > 0 && !AMOUNT_LIKE.test(text) && !namesSource(text);
}

/**
 * A sentence that opens by naming where the money comes from («Джерело фінансування – місцевий
 * бюджет», «Фінансування здійснюється за рахунок коштів місцевого бюджету»): a row of its own, not the
 * rest of a cell a page break cut (that reads on mid-sentence, in lowercase).
 */
function namesSource(text: string): boolean {
  return sourcesNamedIn(text).length > 0;
}

/** «всього:» alone in its cell: a total's label. */
const TOTAL_CELL = /^(?:всього|усього|разом)\s*:?$/i;

/** «всього: | 0,1 | 0,1»: a total's label in its own cell, amounts in the cells after it. */
function totalsAmounts(text: string, cells: string[], filled: number[]): boolean {
  return TOTAL_CELL.test(text) && filled.slice(1).some((index) => AMOUNT_LIKE.test(cells[index] ?? ""));
}

const TRAILING_AMOUNTS = /(?:\s+(?:[-‐‑–—−]|\d[\d\s]*(?:[.,]\d+)?))+$/;
const TOTAL_LABEL = /^(?:всього|усього|разом|обсяг|загальн)/i;

/** "Всього, тис. грн 13 232,683 4 068,950", "місцевий бюджет 100 200": a label and its amounts in one cell. */
function labelsAmounts(text: string): boolean {
  const amounts = TRAILING_AMOUNTS.exec(text);
  if (!amounts) return false;
  const label = text.slice(0, amounts.index).replace(/[\s,:;]+$/, "");
  return label !== "" && (TOTAL_LABEL.test(label) || isSourceLabel(label));
}

/** Two or more amount sub-headings ("інші | бюджет громади", "Всього | інші"): a header row of its own. */
function namesSourceColumns(cells: string[], filled: number[]): boolean {
  return filled.length >= 2 && filled.every((index) => headingSource(cells[index] ?? "") !== null);
}

/** A cell where a new row starts inside a continuation line: a source label or an item number. */
function findAnchor(row: RawRow): { index: number; kind: "source" | "number" } | null {
  for (let index = 1; index < row.cells.length; index++) {
    const cell = row.cells[index] ?? "";
    if (isSourceLabel(cell)) return { index, kind: "source" };
    if (SUB_NUMBER.test(cell)) return { index, kind: "number" };
  }
  return null;
}

function nearestFilled(cells: string[], from: number): number {
  const long = (index: number) => (cells[index] ?? "").trim().length > 3;
  for (let index = from; index < cells.length; index++) if (long(index)) return index;
  for (let index = from - 1; index >= 0; index--) if (long(index)) return index;
  return from;
}

/** Stops mid-phrase: a comma or hyphen, a conjunction or preposition, an adjective before its noun. */
const MID_PHRASE_END = new RegExp(
  String.raw`(?:[,‐‑–-]|(?<!${LETTER})(?:та|і|й|в|у|з|із|зі|до|на|для|щодо|по|або|чи|від)|${LETTER}{2,}(?:их|ого|ої|ому|ими))$`,
  "u",
);

function endsMidPhrase(text: string): boolean {
  return MID_PHRASE_END.test(text.trim());
}

/**
 * A lone lower-case fragment below a complete executors cell that names no unit, while the text
 * cell on its left stops mid-phrase: the left cell (a title) wrapped, not the executors.
 */
function wrappedLeftOfExecutors(cells: string[], index: number, text: string): number | null {
  const executors = (cells[index] ?? "").trim();
  if (!isUnitName(executors) || endsMidPhrase(executors) || namesUnit(text)) return null;
  for (let left = index - 1; left >= 0; left--) {
    const cell = cells[left] ?? "";
    if (cell.trim() !== "") return endsMidPhrase(cell) ? left : null;
  }
  return null;
}

/** The cell a lone fragment continues: its own column's, else the nearest text cell. */
function continuedCell(cells: string[], index: number, text: string): number {
  if ((cells[index] ?? "").trim() === "") return nearestFilled(cells, index);
  return wrappedLeftOfExecutors(cells, index, text) ?? index;
}

function appendCell(target: RawRow, index: number, text: string, alone: boolean): void {
  const at = alone ? continuedCell(target.cells, index, text) : index;
  while (target.cells.length <= at) target.cells.push("");
  target.cells[at] = joinPieces(target.cells[at] ?? "", text);
}

function mergeCells(target: RawRow, cells: string[], indexes: number[]): void {
  const alone = indexes.length === 1;
  for (const index of indexes) appendCell(target, index, cells[index] ?? "", alone);
}

function targetForSourceAnchor(rows: RawRow[], anchor: number): RawRow | undefined {
  for (let back = rows.length - 1; back >= Math.max(0, rows.length - LOOKBACK); back--) {
    const row = rows[back];
    if (row && nonEmpty(row.cells.slice(0, anchor)).length > 0) return row;
  }
  return rows[rows.length - 1];
}

function splitAtAnchor(rows: RawRow[], row: RawRow, anchor: { index: number; kind: string }): RawRow {
  const before = nonEmpty(row.cells).filter((index) => index < anchor.index);
  const target = anchor.kind === "source" ? targetForSourceAnchor(rows, anchor.index) : rows[rows.length - 1];
  if (!target) return row;
  mergeCells(target, row.cells, before);
  const cells = row.cells.map((cell, index) => (index < anchor.index ? "" : cell));
  if (anchor.kind === "source") moveTrailingText(target, cells, anchor.index);
  return { ...row, cells };
}

/** Text after the amounts of a split source row is the rest of the item's expected result. */
function moveTrailingText(target: RawRow, cells: string[], anchor: number): void {
  for (let index = anchor + 1; index < cells.length; index++) {
    const text = cells[index] ?? "";
    if (text.trim() === "" || AMOUNT_LIKE.test(text)) continue;
    const last = nonEmpty(target.cells).at(-1) ?? index;
    target.cells[last] = joinPieces(target.cells[last] ?? "", text);
    cells[index] = "";
  }
}

/** The column-number row, or the years row of a header printed again at a page top: never continued. */
function isPageTopRow(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
  return isColumnNumberRow(cells) || (filled.length >= 2 && isYearRow(cells));
}

const filledText = (cells: string[]): string =>
  cells
    .map((cell) => cell.trim())
    .filter((cell) => cell !== "")
    .join("\t");

/** A header printed again at a page top: the same cells as one of the table's first `count` rows. */
function repeatsFirstRows(rows: RawRow[], count: number, row: RawRow): boolean {
  const text = filledText(row.cells);
  return text !== "" && rows.slice(0, count).some((first) => filledText(first.cells) === text);
}

/**
 * Adds a tab-separated row to the table, merging it into the rows above when it only continues
 * their cells (a cell wrapped onto a later line or split by a page break).
 */
export function addTabRow(rows: RawRow[], row: RawRow): void {
  const previous = rows[rows.length - 1];
  // The column-number row or the header again at a page top is never continued: the row after it is
  // the interpreter's to join.
  // Nor is a header row printed again continuation: "2024 р." alone, a one-year table's year row.
  // Most rows are rows of their own: that test, the cheapest to fail, comes first (all are pure).
  if (
    !previous ||
    !looksLikeContinuation(row, previous) ||
    isPageTopRow(previous.cells) ||
    headsAmountsUnder(row, previous) ||
    repeatsFirstRows(rows, Math.min(3, rows.length), row)
  ) {
    rows.push(row);
    return;
  }
  if (repeatsFirstRows(rows, Math.min(3, rows.length - 1), previous)) {
    rows.push(row);
    return;
  }
  const anchor = findAnchor(row);
  const beforeAnchor = anchor ? nonEmpty(row.cells).some((index) => index < anchor.index) : false;
  if (anchor && beforeAnchor) {
    rows.push(splitAtAnchor(rows, row, anchor));
    return;
  }
  mergeCells(previous, row.cells, nonEmpty(row.cells));
}

/** "усього | у тому числі за роками" under the row naming the columns: a header row of its own. */
function headsAmountsUnder(row: RawRow, previous: RawRow): boolean {
  return isIncludingRow(row.cells) && isNamingRow(previous.cells, TASK_COLUMNS);
}

/**
 * "1.1. Назва", "2) Назва" or an empty cell alone: a row's first cell cut from it by a page break,
 * never a direction or a row of its own.
 */
function startsItem(cells: string[]): boolean {
  const [first = ""] = cells;
  return (
    cells.length === 1 &&
    (first.trim() === "" || /^\s*(?:\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}\))\s+\S/.test(first))
  );
}

/**
 * An unnumbered title alone, cut from its row by a page break: the rest of the row goes on with the
 * project cell, which repeats the title or is empty, and the executors. A direction, a total or a
 * source is never cut so.
 */
function startsUnnumberedItem(head: string[], rest: string[]): boolean {
  const [title = ""] = head;
  const [project = "", executors = ""] = rest;
  const text = title.replace(/\s+/g, " ").trim();
  return (
    head.length === 1 &&
    text !== "" &&
    !startsRow(head) &&
    !isDirectionHeading(text) &&
    !isSourceLabel(text) &&
    (project.trim() === "" || project.replace(/\s+/g, " ").trim() === text) &&
    executors.trim() !== ""
  );
}

/**
 * One-cell-per-line tables: a row interrupted by a blank line continues in the next group when
 * together they make exactly one full row and the second part does not start a row of its own. When
 * they make one cell more, the break cut a cell: its two pieces join ("Відділ освіти;" + "молодіжний
 * парламент"), each piece non-empty and neither part a full row.
 */
export function mergeSplitRows(rows: RawRow[]): RawRow[] {
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  const out: RawRow[] = [];
  rows.forEach((row, index) => {
    const last = out[out.length - 1];
    // A row ending with its result, or followed by the lone first cell of the next item, is whole.
    const whole = last && (endsWithResult(last.cells) || startsNext(last, row, rows[index + 1], width));
    const previous = whole ? undefined : last;
    const continues =
      previous !== undefined &&
      (previous.cells.length > 1 || startsItem(previous.cells)) &&
      !isColumnNumberRow(previous.cells) &&
      !startsRow(row.cells, true) &&
      !nextSourceOfTotal(previous.cells, row.cells);
    const length = (previous?.cells.length ?? 0) + row.cells.length;
    const loneTitle =
      previous !== undefined &&
      startsUnnumberedItem(previous.cells, row.cells) &&
      !startsRow(row.cells, true);
    if (previous && (continues || loneTitle) && length === width) previous.cells.push(...row.cells);
    else if (previous && continues && length === width + 1 && cutsCell(previous.cells, row.cells, width))
      joinCutCell(previous.cells, row.cells);
    else out.push(row);
  });
  return out;
}

/**
 * The next source of a stated total (`Всього за Програмою`, `Державний бюджет`, amounts; then ``,
 * `Місцевий бюджет`, amounts): a row of its own, never the rest of the row above, whose amounts are
 * followed by amounts or a result, never by a source.
 */
function nextSourceOfTotal(previous: string[], row: string[]): boolean {
  const opening = previous.find((cell) => cell.trim() !== "") ?? "";
  const totalOrSource = /^\s*(?:всього|усього|разом)/i.test(opening) || isSourceLabel(opening);
  const afterAmount = DASH_OR_NUMBER.test(previous.at(-1) ?? "");
  return totalOrSource && afterAmount && isSourceLabel(row.find((cell) => cell.trim() !== "") ?? "");
}

/**
 * A lone first cell of an item that makes one full row with the part after it, after a row that does
 * not stop at an amount (where only its last cell, the result, could be missing): it starts that item.
 */
function startsNext(previous: RawRow, lone: RawRow, next: RawRow | undefined, width: number): boolean {
  if (!next || lone.cells.length !== 1 || 1 + next.cells.length !== width) return false;
  if (previous.cells.length + 1 !== width || DASH_OR_NUMBER.test(previous.cells.at(-1) ?? "")) return false;
  const numbered = startsItem(lone.cells) && (lone.cells[0] ?? "").trim() !== "";
  return numbered || startsUnnumberedItem(lone.cells, next.cells);
}

const DASH_OR_NUMBER = /^\s*(?:[-‐‑–—−хx]|[\d\s]*\d(?:[.,]\d+)?)\s*$/i;
const NOTE = /в межах|у межах|не потребує/i;

/** Prose after an amount: the result cell, which a row prints last (a cut part never ends so). */
function endsWithResult(cells: string[]): boolean {
  const [before = "", last = ""] = cells.slice(-2);
  const text = last.trim();
  if (cells.length < 2 || text === "" || AMOUNT_LIKE.test(text)) return false;
  return DASH_OR_NUMBER.test(before) && !isSourceLabel(text) && !NOTE.test(text);
}

function cutsCell(head: string[], rest: string[], width: number): boolean {
  const [first = ""] = rest;
  return (
    head.length < width && rest.length < width && (head.at(-1) ?? "").trim() !== "" && first.trim() !== ""
  );
}

function joinCutCell(head: string[], rest: string[]): void {
  const [first = "", ...others] = rest;
  head[head.length - 1] = joinPieces(head.at(-1) ?? "", first);
  head.push(...others);
}
