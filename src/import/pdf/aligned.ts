/**
 * Tables drawn without borders (a Word table with its borders set to none): where no ruling lines
 * frame the text, the columns are rebuilt from its alignment.
 * - a header is a band of lines (a wrapped header over 2–3 lines, a year row, the column-number row)
 *   whose cells name two or more columns the interpreter knows (the same header recognition the text
 *   layout rules use), or a lone column-number row "1 2 3 … N" (a table split by a page break);
 * - its cells are the text pieces that overlap each other from line to line; a piece that overlaps
 *   two or more pieces of another line is a spanning heading ("Обсяги фінансування" over the years)
 *   and makes no column of its own; a column's edge is the midpoint of the gap between neighbouring
 *   header cells;
 * - every following piece of text goes to the column its x-centre falls in (a piece that runs over a
 *   column edge, a spanning cell, to the column it starts in); lines go into rows by baseline;
 * - a line starts a new row unless each of its pieces goes on a cell of the row above it: that cell
 *   had text on the line just above (not a whole source label when the piece starts with a capital),
 *   the piece is no amount (but the rest of one grouped by spaces: "1 032" over "053,00", or "1032"
 *   over "053,00" as OCR reads it, or a
 *   numbered reference ending a phrase: "показник" over "2.6"), nor what only starts a row (an item
 *   number before its title, `Пріоритетний напрям N`, `Всього за …`), nor a whole deadline under a
 *   whole deadline (each of two stacked rows prints its own: "2026-2028 р." over "2027 рік"), and its
 *   first word could not have fitted
 *   on that line (the cell's text wrapped: the line above plus that word runs past the farthest any
 *   line of the column reaches); a piece in a column the row has not used yet starts a row too
 *   (cells are top-aligned), and so do a column-number row (under a header whose cells are wider than
 *   any under them, «Назва пріоритету» over «2» would fit as a heading's wrapped rest) and the line
 *   under it;
 * - the table ends where the alignment breaks: a line running across two column edges (a full-width
 *   paragraph), a line left of the table (but the wrapped line of a right-aligned cell), a gap of an empty line, or a footnote («*** – дані …»).
 *
 * With `headerless` (the PDF reader), lines under no header that line up in columns are a table of
 * their own, read from their alignment alone (`headerlessTable`): a passport, an annex's rows after a
 * page break without the header, field 10's table of years.
 *
 * Lines left over that still look like a table (two or more lines in a row, each of two or more pieces
 * far apart, starting at the same places as the line above: too few to tell the columns of a table
 * whose header is not one the interpreter knows, or that has none) are named as unframed, so that
 * the import says their cells were read as text rather than leaving the loss silent.
 */
import { LETTER, LOWER, UPPER, UPPER_CHARS } from "../../domain/letters.js";
import { isSourceLabel } from "../../domain/sources.js";
import { isColumnNumberRow, isIncludingHeading, isNamingRow, yearOf } from "../interpret/columns.js";
import { parseDeadline } from "../interpret/deadline.js";
import { INDICATOR_COLUMNS } from "../interpret/indicators.js";
import { isSectionHeadingText } from "../interpret/section-headings.js";
import { isDirectionHeading, TASK_COLUMNS } from "../interpret/tasks.js";
import { checkDeadline } from "../limits.js";
import { PASSPORT_FIELD_NAMES } from "../passport-fields.js";
import { cluster, type Ruling, type TextRun } from "./geometry.js";

/** Starts with a capital letter or a digit. */
const CAPITAL_OR_DIGIT_FIRST = new RegExp(String.raw`^[${UPPER_CHARS}\d]`, "u");
/** A capital letter. */
const CAPITAL = new RegExp(String.raw`${UPPER}`, "u");
/** Ends with a letter. */
const ENDS_WITH_LETTER = new RegExp(String.raw`${LETTER}$`, "u");
/** Starts with a capital letter. */
const CAPITAL_FIRST = new RegExp(String.raw`^${UPPER}`, "u");
/** Starts with a small letter or a dash and a space. */
const CONTINUES = new RegExp(String.raw`^(?:${LOWER}|[–—]\s)`, "u");
/** Starts with two initials. */
const INITIALS_FIRST = new RegExp(String.raw`^${UPPER}\.\s?${UPPER}\.`, "u");

export interface AlignedTable {
  /** Column edges, left to right: the table's left, the edges between columns, its right. */
  columns: number[];
  top: number;
  bottom: number;
  cells: string[][];
  /** Each row's first baseline. */
  rowTops: number[];
  /** The x-centres of its column-number row, if it prints one. */
  numbers?: number[];
  /** Read from the alignment of its lines alone: it has no header (`headerlessTable`). */
  headerless?: boolean;
  /** Its header band's lines, each as its pieces' texts. */
  header?: string[];
  /** Horizontal rulings drawn between its rows set them apart (a table ruled only horizontally). */
  rowsRuled?: boolean;
}

interface Piece {
  x: number;
  right: number;
  runs: TextRun[];
  text: string;
  size: number;
}

/** Gap between runs (in font sizes) above which they are pieces of different cells. */
const CELL_GAP = 0.7;
const HEADER_LINES = 8;
/** Text that is an amount or a dash for none, and nothing else (digits, separators, dashes, `х`). */
export const AMOUNT_LIKE = /^[\s\d.,‐‑–—−xх-]*$/i;
/** What only starts a row: an item's number before its title, a direction heading, a total. */
const ROW_START = new RegExp(
  String.raw`^(?:\d{1,3}(?:\.\d{1,3})+\.?\s+${UPPER}|\d{1,3}\)\s+${UPPER}|Пріоритетний\s+напрям|Напрям(?:ок)?\s+№?\s*\d|(?:Всього|Усього|Разом)\s+за(?:\s|$))`,
  "u",
);

/** A footnote under a table («*** – дані за попередній рік»): the table ends above it. */
const FOOTNOTE = new RegExp(String.raw`^\*+\s*(?:[–—-]\s*)?${LETTER}`, "u");

function pieces(line: TextRun[], join: (runs: TextRun[]) => string): Piece[] {
  const sorted = [...line].sort((a, b) => a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    if (group && last && run.x - (last.x + last.width) < CELL_GAP * Math.max(run.size, last.size))
      group.push(run);
    else groups.push([run]);
  }
  return groups
    .map((runs) => ({
      x: Math.min(...runs.map((run) => run.x)),
      right: Math.max(...runs.map((run) => run.x + run.width)),
      runs,
      text: join(runs),
      size: Math.max(...runs.map((run) => run.size)),
    }))
    .filter((piece) => piece.text !== "");
}

const overlaps = (a: Piece, b: Piece): boolean => a.x < b.right && b.x < a.right;

interface HeaderCells {
  /** Non-spanning header cells as x-extents, left to right. */
  extents: { x: number; right: number }[];
  texts: string[];
}

/** The header cells of a band of lines (top first). */
function headerCells(band: Piece[][]): HeaderCells {
  const spans = new Set<Piece>();
  for (const line of band)
    for (const piece of line)
      if (
        band.some((other) => other !== line && other.filter((o) => overlaps(piece, o)).length >= 2) ||
        spansYears(band, line, piece)
      )
        spans.add(piece);
  const cells: { x: number; right: number; texts: string[] }[] = [];
  for (const piece of band.flat().filter((p) => !spans.has(p))) {
    const touching = cells.filter((cell) => piece.x < cell.right && cell.x < piece.right);
    const merged = {
      x: Math.min(piece.x, ...touching.map((cell) => cell.x)),
      right: Math.max(piece.right, ...touching.map((cell) => cell.right)),
      texts: [...touching.flatMap((cell) => cell.texts), piece.text],
    };
    for (const cell of touching) cells.splice(cells.indexOf(cell), 1);
    cells.push(merged);
  }
  cells.sort((a, b) => a.x - b.x);
  return {
    extents: cells.map(({ x, right }) => ({ x, right })),
    texts: [...cells.map((cell) => cell.texts.join(" ")), ...[...spans].map((piece) => piece.text)],
  };
}

/**
 * Whether a heading over a row of years spans that row's cells though it overlaps only one of them: a
 * spanning heading («Обсяги фінансування, грн») centred over «Всього | 2026 | 2027», narrower than its
 * span, stands over the middle cell alone. It does when a cell beside that one in the row of years has
 * nothing above it on the band's earlier lines (a cell under a span, or one whose heading cell is
 * empty), the heading is centred on that one, and it is wider than the distance from that one's centre
 * to the nearest such cell's: wider than the cell's column, the columns under a span being alike (a
 * heading alone in its column, «Значення за роками» over «2025» beside «2026 | 2027», stays in it).
 */
function spansYears(band: Piece[][], line: Piece[], piece: Piece): boolean {
  const at = band.indexOf(line);
  return band.some((years, index) => {
    if (index <= at || !isYearRow(years)) return false;
    const under = years.filter((other) => overlaps(piece, other));
    const [only] = under;
    if (under.length !== 1 || !only || Math.abs(centreOf(piece) - centreOf(only)) > 1) return false;
    const position = years.indexOf(only);
    const above = band.slice(0, index).flat();
    const spanned = [years[position - 1], years[position + 1]].filter(
      (beside): beside is Piece => beside !== undefined && !above.some((other) => overlaps(beside, other)),
    );
    const nearest = Math.min(...spanned.map((beside) => Math.abs(centreOf(beside) - centreOf(only))));
    return spanned.length > 0 && piece.right - piece.x > nearest + 1;
  });
}

const baselineGap = (above: TextRun[], below: TextRun[]): number => (above[0]?.y ?? 0) - (below[0]?.y ?? 0);
const sizeOf = (line: TextRun[]): number => Math.max(...line.map((run) => run.size));

/** A line that may go on a header band: a year row, a column-number row, or a wrapped heading's rest. */
function continuesHeader(line: Piece[]): boolean {
  const texts = line.map((piece) => piece.text);
  if (isColumnNumberRow(texts)) return true;
  return texts.every(
    (text) => yearOf(text) !== null || TOTAL_WORD.test(text) || !CAPITAL_OR_DIGIT_FIRST.test(text),
  );
}

const TOTAL_WORD = /^(всього|усього|разом)/iu;

/**
 * Whether a line of words goes under a header cell whose text ended on an earlier line (none on the
 * line just above): that is the rest of a data row cut under the header at a page top, not a heading.
 */
function resumesEndedCell(band: Piece[][], line: Piece[]): boolean {
  const last = band.at(-1) ?? [];
  if (isColumnNumberRow(line.map((piece) => piece.text))) return false;
  return line.some(
    (piece) =>
      yearOf(piece.text) === null &&
      !TOTAL_WORD.test(piece.text) &&
      !isIncludingHeading(piece.text) &&
      band.slice(0, -1).some((earlier) => earlier.some((other) => overlaps(piece, other))) &&
      !last.some((other) => overlaps(piece, other)),
  );
}

/** The header's row of years (with its total): only the column-number row may follow it. */
function isYearRow(line: Piece[]): boolean {
  const texts = line.map((piece) => piece.text);
  return (
    texts.some((text) => yearOf(text) !== null) &&
    texts.every((text) => yearOf(text) !== null || TOTAL_WORD.test(text))
  );
}

/**
 * A band of headings over years that names no known table's columns: a funding summary's
 * («Обсяг коштів | 2026 | 2027 | 2028 | Усього»). Two or more years as headings of their own beside a
 * heading in words, no amount, and no row's number first.
 */
function headsYears(band: Piece[][]): boolean {
  const texts = band.flat().map((piece) => piece.text);
  const years = texts.filter((text) => yearOf(text) !== null).length;
  const words = texts.filter((text) => yearOf(text) === null && CAPITAL_FIRST.test(text));
  const first = band[0]?.[0]?.text ?? "";
  return (
    years >= 2 &&
    words.length > 0 &&
    !texts.some((text) => AMOUNT_ONLY.test(text) && yearOf(text) === null) &&
    !/^\d/.test(first)
  );
}

const AMOUNT_ONLY = /^\d[\d\s]*(?:[.,]\d+)?$/;

/** A line of the year headings' wrapped rests: each piece reads on («рік», «(тис. грн)») under a year. */
function restsOfYears(years: Piece[], line: Piece[]): boolean {
  if (!isYearRow(years)) return false;
  return line.every(
    (piece) =>
      !CAPITAL_OR_DIGIT_FIRST.test(piece.text) &&
      years.some((year) => yearOf(year.text) !== null && overlaps(piece, year)),
  );
}

interface Header {
  /** Lines of the band. */
  lines: number;
  /** The band printed the previous table's header again whole: the line under it is a row's. */
  repeated?: boolean;
  columns: number[];
  /** The x-centres of its column-number row, if it prints one. */
  numbers?: number[];
  /** The header cells the columns were set from, one per column (none when inherited). */
  cells?: { x: number; right: number }[];
  /** The columns at the midpoints between header cells, when `columns` mirrors a centred header. */
  midpoints?: number[];
}

/**
 * What the page around the tables tells: the horizontal rulings drawn on it (a table ruled only
 * horizontally, or framed above and below), and the columns of the table read last, on this page or
 * the one before (a table that a page break split goes on with the same columns).
 */
export interface AlignedContext {
  horizontal?: readonly Ruling[];
  columns?: number[];
  /** The x-centres of that table's column-number row, if it printed one. */
  numbers?: number[];
  /**
   * Whether lines that line up in columns under no header it knows are read as a table of their own
   * (`headerlessTable`): a PDF's passport or an annex without a header row.
   */
  headerless?: boolean;
  /** That table's header band's lines, each as its pieces' texts. */
  header?: string[];
  /** The first line heads a table: headings over years (`headsYears`) make a header there too. */
  headedTop?: boolean;
}

const bandText = (line: Piece[]): string => line.map((piece) => piece.text).join(" ");

/** The band repeats the previous table's header whole: the header printed again at a page top ends there. */
function repeatsHeader(band: Piece[][], header: string[] | undefined): boolean {
  return (
    header !== undefined &&
    band.length === header.length &&
    band.every((line, index) => bandText(line) === header[index])
  );
}

const centreOf = (piece: Piece): number => (piece.x + piece.right) / 2;

/** Whether each number stands where the previous table's column-number row printed it. */
function standsAsBefore(numbers: Piece[], before: number[]): boolean {
  return numbers.every((piece, index) => Math.abs(centreOf(piece) - (before[index] ?? 0)) < piece.size);
}

/**
 * The previous table's columns, when a lone column-number row puts one number in each of them, at its
 * left, its middle or its right (a table split in two may be drawn with other column widths).
 */
function inheritedColumns(numbers: Piece[], { columns, numbers: before }: AlignedContext): number[] | null {
  if (!columns || numbers.length !== columns.length - 1) return null;
  if (before?.length === numbers.length) return standsAsBefore(numbers, before) ? columns : null;
  const fits = numbers.every((piece, index) => {
    const left = columns[index] ?? 0;
    const right = columns[index + 1] ?? 0;
    const near = 1.5 * piece.size;
    const centre = (piece.x + piece.right) / 2;
    const placed =
      Math.abs(piece.x - left) < near ||
      Math.abs(right - piece.right) < near ||
      Math.abs(centre - (left + right) / 2) < piece.size;
    return centre > left && centre < right && placed;
  });
  return fits ? columns : null;
}

/**
 * The table's outer edges: a horizontal ruling drawn along the header (above or below its first line)
 * spans the table; without one, the first and last header cells' far sides mirrored about their
 * centres (a centred header stands in the middle of its column, a left-aligned one at its left).
 */
function outerEdges(
  extents: { x: number; right: number }[],
  edges: number[],
  top: number,
  horizontal: readonly Ruling[] | undefined,
): [number, number] {
  const first = extents[0] ?? { x: 0, right: 0 };
  const last = extents.at(-1) ?? first;
  const right = Math.max(...extents.map((cell) => cell.right));
  const ruled = (horizontal ?? []).filter(
    (ruling) => Math.abs(ruling.at - top) < 40 && ruling.from <= first.x + 1 && ruling.to >= right - 1,
  );
  if (ruled.length > 0)
    return [Math.min(...ruled.map((each) => each.from)), Math.max(...ruled.map((each) => each.to))];
  const firstEdge = edges[0] ?? first.right;
  const lastEdge = edges.at(-1) ?? last.x;
  return [
    Math.min(first.x - 1, first.x + first.right - firstEdge),
    Math.max(right + 1, last.x + last.right - lastEdge),
  ];
}

/**
 * The inner column edges of a header whose every cell is centred in its column, from the table's outer
 * edges: each edge is the one before mirrored about the header cell between them. Null unless the last
 * mirror lands on the table's right edge and every edge falls between its two header cells (the header
 * is centred), where the midpoints between the header cells would misplace the edges of columns of
 * different widths. `slack` is how far from the right edge the last mirror may land: by default a
 * fraction of the table's width; more for outer edges carried from the table before, which are only
 * as good as that table's guess from its own header (a lone column-number row: within a character).
 */
function centredEdges(
  extents: { x: number; right: number }[],
  left: number,
  right: number,
  slack = Math.max(4, (right - left) / 200),
): number[] | null {
  const edges: number[] = [];
  let edge = left;
  for (const [index, cell] of extents.entries()) {
    edge = cell.x + cell.right - edge;
    const next = extents[index + 1];
    if (next && (edge < cell.right || edge > next.x)) return null;
    if (next) edges.push(edge);
  }
  return Math.abs(edge - right) <= slack ? edges : null;
}

/** The outer edges of the table read last: a table split by a page break keeps its width. */
function carriedEdges({ columns }: AlignedContext): [number, number] | null {
  const [left, right] = [columns?.[0], columns?.at(-1)];
  return left === undefined || right === undefined ? null : [left, right];
}

function findHeader(lines: Piece[][], raw: TextRun[][], at: number, context: AlignedContext): Header | null {
  const first = lines[at] ?? [];
  const lone = isColumnNumberRow(first.map((piece) => piece.text));
  const band = [first];
  let repeated = false;
  if (!lone) {
    for (let next = at + 1; next < lines.length && band.length < HEADER_LINES; next++) {
      // The rest of a row cut by the page break may stand under the header printed again.
      repeated = repeatsHeader(band, context.header);
      if (repeated) break;
      const line = lines[next] ?? [];
      const gap = baselineGap(raw[next - 1] ?? [], raw[next] ?? []);
      if (gap > 2 * sizeOf(raw[next] ?? []) || !continuesHeader(line) || resumesEndedCell(band, line)) break;
      // A wrapped row's rest under a header printed again at a page top is no part of the header.
      const afterYears = band.some(isYearRow);
      const numbers = isColumnNumberRow(line.map((piece) => piece.text));
      if (afterYears && !numbers && !restsOfYears(band.at(-1) ?? [], line)) break;
      band.push(line);
      if (isColumnNumberRow(line.map((piece) => piece.text))) break;
    }
    // A band as long as a header may be ends the loop before it is compared.
    repeated ||= repeatsHeader(band, context.header);
  }
  const rules = [TASK_COLUMNS, INDICATOR_COLUMNS] as const;
  // The naming lines' pieces, without the column-number row (its numbers are no amounts).
  const naming = band.filter((line) => !isColumnNumberRow(line.map((piece) => piece.text))).flat();
  const texts = naming.map((piece) => piece.text);
  const overYears = at === 0 && context.headedTop === true && headsYears(band);
  if (!lone && !rules.some((list) => isNamingRow(texts, [...list])) && !overYears) return null;
  // Asked of every line: the band's cells are put together only once it names a header's columns.
  const cells = headerCells(band);
  if (cells.extents.length < 3) return null;
  const numberRow = band.find((line) => isColumnNumberRow(line.map((piece) => piece.text)));
  const numbers = numberRow?.map(centreOf);
  const inherited = lone ? inheritedColumns(first, context) : null;
  if (inherited) return { lines: band.length, columns: inherited, ...(numbers ? { numbers } : {}) };
  const edges = cells.extents.slice(1).map((cell, index) => {
    const left = cells.extents[index];
    return ((left?.right ?? cell.x) + cell.x) / 2;
  });
  const top = raw[at]?.[0]?.y ?? 0;
  const carried = lone ? carriedEdges(context) : null;
  const [left, right] = carried ?? outerEdges(cells.extents, edges, top, context.horizontal);
  const centred = carried
    ? centredEdges(cells.extents, left, right, Math.max(4, sizeOf(raw[at] ?? [])))
    : centredEdges(cells.extents, left, right);
  return {
    lines: band.length,
    ...(repeated ? { repeated } : {}),
    columns: [left, ...(centred ?? edges), right],
    ...(numbers ? { numbers } : {}),
    cells: cells.extents,
    ...(centred ? { midpoints: [left, ...edges, right] } : {}),
  };
}

/**
 * The column a piece goes to: the one its centre is in, or, for a piece running over a column edge (a
 * spanning cell), the one it starts in; a line's only piece centred on the table or ending at its right
 * edge, running over a column edge, spans the whole table ("Пріоритетний напрям 1" centred or
 * right-aligned in a row of one cell), from column 1 — unless it starts at one of `starts`, where
 * other lines start a column's cells (a wrapped value, the table's widest line, ending at its right).
 */
function columnOf(columns: number[], piece: Piece, alone = false, starts: number[] = []): number {
  const inner = columns.slice(1, -1);
  const size = piece.size;
  const crosses = inner.some((edge) => piece.x < edge - size && piece.right > edge + size);
  const [tableLeft, tableRight] = [columns[0] ?? 0, columns.at(-1) ?? 0];
  const centred = Math.abs((piece.x + piece.right) / 2 - (tableLeft + tableRight) / 2) < size;
  const rightAligned = Math.abs(piece.right - tableRight) < 2 * size;
  const startsColumn = starts.some((x) => Math.abs(x - piece.x) <= 1);
  if (crosses && alone && (centred || rightAligned) && !startsColumn) return 0;
  const at = crosses ? piece.x + 1 : (piece.x + piece.right) / 2;
  const index = inner.findIndex((edge) => at < edge);
  return index < 0 ? inner.length : index;
}

/**
 * Where two or more lines of two or more pieces start a piece in a column right of the first: the
 * left edges of those columns' cells, as the table's lines agree on them.
 */
function cellStarts(region: Piece[][], columns: number[]): number[] {
  const starts = region
    .filter((line) => line.length >= 2)
    .map((line) => line.filter((piece) => columnOf(columns, piece) > 0).map((piece) => piece.x));
  const agreed = (x: number) =>
    starts.filter((line) => line.some((other) => Math.abs(other - x) <= 1)).length >= 2;
  return starts.flat().filter(agreed);
}

/** A region's pieces in their columns (`columnOf`, a line's only piece as such). */
function placeLines(region: Piece[][], columns: number[]): Placed[][] {
  const starts = cellStarts(region, columns);
  return region.map((line) =>
    line.map((piece) => ({ column: columnOf(columns, piece, line.length === 1, starts), piece })),
  );
}

/**
 * The column edges moved left of cells aligned like the header cell right of them: a piece that runs
 * over one edge from the gap between two header cells and stands as the right one does (its right, or
 * its centre, within a point of the header cell's) is the right column's text, aligned like its
 * header, so the edge lies between the left header cell and it, not at the midpoint of the header
 * cells' gap (a right-aligned header leaves most of its column left of the midpoint, and a centred one
 * beside a right-aligned one, as a column-number row of mixed alignment prints them, half of it). A
 * direction heading alone on its line (a right-aligned full-width row) tells nothing of the columns.
 */
function alignedEdges(columns: number[], cells: { x: number; right: number }[], body: Piece[][]): number[] {
  const moved = [...columns];
  for (const line of body)
    for (const piece of line) {
      if (edgesCrossed(columns, piece) !== 1 || isHeadingLine(line)) continue;
      const edge = columns.findIndex(
        (at, index) => index > 0 && piece.x < at - piece.size && piece.right > at + piece.size,
      );
      const [left, right] = [cells[edge - 1], cells[edge]];
      if (!left || !right || piece.x <= left.right) continue;
      const rightAligned = Math.abs(piece.right - right.right) <= 1;
      const centred = Math.abs(centreOf(piece) - (right.x + right.right) / 2) <= 1;
      if (rightAligned || centred) moved[edge] = Math.min(moved[edge] ?? 0, (left.right + piece.x) / 2);
    }
  return moved;
}

/**
 * The column edges moved apart around a piece centred under a number of a lone column-number row (its
 * centre within a point of the number's) and lying between the numbers either side: the column's own
 * text, centred like its number, however many edges at the midpoints between the numbers it runs over
 * (a wide centred cell beside narrow right-aligned ones), so those edges move out of it.
 */
function centredUnderNumbers(
  columns: number[],
  cells: { x: number; right: number }[],
  line: Piece[],
): number[] {
  if (isHeadingLine(line)) return columns;
  const moved = [...columns];
  for (const piece of line) {
    if (edgesCrossed(columns, piece) === 0) continue;
    const column = cells.findIndex((cell) => Math.abs(centreOf(piece) - (cell.x + cell.right) / 2) <= 1);
    const [before, own, after] = [cells[column - 1], cells[column], cells[column + 1]];
    if (!own || (before && piece.x <= before.right) || (after && piece.right >= after.x)) continue;
    if (before) moved[column] = Math.min(moved[column] ?? 0, (before.right + piece.x) / 2);
    if (after) moved[column + 1] = Math.max(moved[column + 1] ?? 0, (piece.right + after.x) / 2);
  }
  return moved;
}

/**
 * The column edges moved left of left-aligned cells under a centred header: pieces of different widths
 * that start at one x (so left-aligned: right-aligned or centred ones of one x are one width) in the
 * gap between two header cells, left of the edge between them, start the right column's lines (its
 * header centred, narrower than the column), so the edge lies just left of them, not at the midpoint
 * of the header cells' gap (a wide column's lines would run over two edges).
 */
function leftAlignedEdges(
  columns: number[],
  cells: { x: number; right: number }[],
  body: Piece[][],
): number[] {
  const pieces = body.filter((line) => !isHeadingLine(line)).flat();
  return columns.map((at, edge) => {
    const [left, right] = [cells[edge - 1], cells[edge]];
    if (!left || !right || edge >= columns.length - 1) return at;
    const inGap = pieces.filter((piece) => piece.x > left.right && piece.x < right.x && piece.x < at);
    const starts = inGap
      .filter((piece) =>
        inGap.some((other) => Math.abs(other.x - piece.x) <= 0.5 && Math.abs(other.right - piece.right) > 1),
      )
      .map((piece) => piece.x);
    return starts.length > 0 ? Math.min(at, Math.min(...starts) - 1) : at;
  });
}

/** How many column edges a piece runs across. */
function edgesCrossed(columns: number[], piece: Piece): number {
  return columns.slice(1, -1).filter((edge) => piece.x < edge - piece.size && piece.right > edge + piece.size)
    .length;
}

interface Placed {
  column: number;
  piece: Piece;
}

/**
 * How wide a character prints, relative to a lowercase letter or a digit: spaces, stops, commas and
 * brackets are about half as wide, capitals a third wider (in Times New Roman and Arial alike).
 */
function glyphWeight(character: string): number {
  if (/[\s.,:;!'’*()/]/u.test(character)) return 0.5;
  return CAPITAL.test(character) ? 1.3 : 1;
}

const weightOf = (text: string): number =>
  [...text].reduce((sum, character) => sum + glyphWeight(character), 0);

/**
 * The width of a piece's first word, in proportion to its characters' weights; in monospace text (aligned
 * with spaces) to its characters.
 */
function firstWordWidth(piece: Piece): number {
  const word = piece.text.split(/\s+/)[0] ?? "";
  const weigh = piece.runs.every((run) => run.monospace) ? (text: string) => text.length : weightOf;
  return ((piece.right - piece.x) * weigh(word)) / Math.max(1, weigh(piece.text));
}

/**
 * The horizontal rulings drawn between a table's lines (a table ruled only horizontally), or null when
 * none is: then the rows come from the alignment of the text alone.
 */
function rowRules(
  horizontal: readonly Ruling[] | undefined,
  lines: TextRun[][],
  columns: number[],
): Ruling[] | null {
  const top = lines[0]?.[0]?.y ?? 0;
  const bottom = lines.at(-1)?.[0]?.y ?? 0;
  const left = columns[0] ?? 0;
  const right = columns.at(-1) ?? 0;
  const inside = (horizontal ?? []).filter(
    (ruling) => ruling.at < top && ruling.at > bottom && ruling.from < right && ruling.to > left,
  );
  return inside.length > 0 ? inside : null;
}

/** Whether a ruling runs between two baselines over a piece of the lower line: a new row starts there. */
function ruledAbove(rules: Ruling[], aboveY: number, line: Placed[]): boolean {
  return line.some(({ piece }) => {
    const y = piece.runs[0]?.y ?? 0;
    return rules.some(
      (ruling) => ruling.at > y && ruling.at < aboveY && ruling.from < piece.right && ruling.to > piece.x,
    );
  });
}

/** How far each column's text reaches left and right, spanning cells (running past its edges) aside. */
function reaches(placedLines: Placed[][], columns: number[]): { left: number[]; right: number[] } {
  const width = columns.length - 1;
  const left = Array.from({ length: width }, () => Number.POSITIVE_INFINITY);
  const right = Array.from({ length: width }, () => Number.NEGATIVE_INFINITY);
  for (const line of placedLines)
    for (const { column, piece } of line) {
      if (piece.right <= (columns[column + 1] ?? Number.POSITIVE_INFINITY))
        right[column] = Math.max(right[column] ?? 0, piece.right);
      if (piece.x >= (columns[column] ?? Number.NEGATIVE_INFINITY))
        left[column] = Math.min(left[column] ?? 0, piece.x);
    }
  return { left, right };
}

interface Above {
  /** The line above's pieces by column. */
  previous: Map<number, Piece>;
  /** Columns the row above has text in. */
  used: Set<number>;
  /** The row's text so far in each column it has used. */
  cells: Map<number, string>;
}

/**
 * Whether a piece goes on the cell above it: see the module's comment. Whatever the column's alignment,
 * the piece's first word could not have fitted on the line above: that line and the word are wider
 * than the widest line of the column.
 */
function goesOnCell(
  column: number,
  piece: Piece,
  { previous, used, cells }: Above,
  reach: ReturnType<typeof reaches>,
  leads = false,
): boolean {
  const above = previous.get(column);
  // An amount starts a row; a lone number of one or two digits may end a wrapped phrase ("напрямом 1").
  if (!above || !used.has(column)) return false;
  // The cell so far: a year's label may have wrapped before its dash («у 2025 році» over «–»).
  const cell = cells.get(column) ?? above.text;
  // An amount grouped by spaces wraps at a space in a narrow column ("1 032" over "053,00").
  const wrappedAmount = wrapsAmount(above.text, piece.text);
  // A numbered reference ends a phrase cut before it ("де А – показник" over "2.6").
  const reference = ENDS_WITH_LETTER.test(above.text) && /^\d{1,2}(?:\.\d{1,2})+\.?$/.test(piece.text.trim());
  const amount = AMOUNT_LIKE.test(piece.text) && !/^\d{1,2}$/.test(piece.text.trim()) && !reference;
  if (wrapsDeadline(cell, piece.text)) return true;
  if (
    amount &&
    !wrappedAmount &&
    !awaitsValue(cell) &&
    !nextInList(above.text, piece.text) &&
    !dashesValue(cell, piece.text) &&
    !listValueAfterDash(cell, piece.text)
  )
    return false;
  if (listValueAfterDash(cell, piece.text)) return true;
  // The value of a year's label the cell was cut after («2029 році –» over «82», «1 000;»), however
  // short, and the dash alone after its label («у 2026 році» over «–»).
  if ((AMOUNT_LIKE.test(piece.text) || /^\d/.test(piece.text)) && awaitsValue(cell)) return true;
  if (/^[–—-]$/.test(piece.text.trim()) && dashesValue(cell, piece.text)) return true;
  // A list of years' values goes on with its next year («2026 – 1 000;» over «2027 – 0; 2028»).
  if (nextInList(above.text, piece.text)) return true;
  if (ROW_START.test(piece.text)) return false;
  // In a table whose rows are led by their first column (a passport's field numbers), a line with that
  // column empty goes on with the row, the text reading on (but a source's label under a source's).
  if (leads) return !(isSourceLabel(above.text) && isSourceLabel(piece.text));
  // A whole source label ("державний бюджет") is no phrase to go on with a capital.
  if (isSourceLabel(above.text) && CAPITAL_FIRST.test(piece.text)) return false;
  // Two whole deadlines one under the other ("2026-2028 р." over "2027 рік"): each row's own.
  if (isWholeDeadline(above.text) && isWholeDeadline(piece.text)) return false;
  const space = piece.size * 0.25;
  // The word widths are estimated from the characters: a lowercase or dash start (mid-sentence) is
  // given the benefit of the doubt, a capital or a digit has to be clearly too long for the line above.
  const slack = CONTINUES.test(piece.text) ? -2 * piece.size : 0.5;
  const widest = (reach.right[column] ?? 0) - Math.min(reach.left[column] ?? 0, above.x);
  return above.right - above.x + space + firstWordWidth(piece) > widest + slack;
}

const YEAR_LABEL = String.raw`(?:19|20)\d{2}(?:\s*(?:р\.|рік|році))?`;
/** «2025:», «у 2026 році –» ending a cell. */
const OPEN_YEAR_LABEL = new RegExp(String.raw`(?:^|\s)${YEAR_LABEL}\s*[:–—-]$`, "u");
/** «…, 2026 р.» ending a cell after the value before it. */
const NEXT_YEAR_LABEL = new RegExp(String.raw`[,;]\s*${YEAR_LABEL}$`, "u");

/** «2025 р. – 51,» over «2026 р. – 1 999»: a list of years' values goes on with its next year. */
const YEAR_ITEM = new RegExp(String.raw`^(?:у\s+)?${YEAR_LABEL}\s*[:–—-]`, "u");

/** Whether a cell that ends in a list separator goes on with a year's value («…, » over «2026 – 422»). */
export function nextInList(above: string, text: string): boolean {
  return /[,;]$/.test(above.trim()) && YEAR_ITEM.test(text.trim());
}

/**
 * A deadline wrapped in its narrow column: the cell and the line read as one whole deadline, and either
 * the cell was no whole deadline yet («IV квартал» over «2027», «з 01.03.2026» over «по 30.11.2027»,
 * «протягом» over «2026-2028») or the line is none alone («2028» over «рік», «2026–2028 рр.» over
 * «(щороку)»), or the line is a deadline's last words alone (`endsDeadline`). A year under a whole
 * deadline that it does not complete («2026-2028 р.» over «2027 рік») is left to the other rules, and a
 * new row still starts at its other cells (a name, a number, amounts).
 */
export function wrapsDeadline(cell: string, text: string): boolean {
  if (isWholeDeadline(text))
    return !isWholeDeadline(cell) && isWholeDeadline(`${cell.trim()} ${text.trim()}`);
  return isWholeDeadline(`${cell.trim()} ${text.trim()}`) || endsDeadline(text);
}

/**
 * A deadline's last words, no deadline alone and no number: a year's word or a remark («рік», «рр.»,
 * «(щороку)», or a remark's first line, «(за» over «потреби)»), which go on with the cell above whatever
 * it holds (a page break may have cut the deadline before them).
 */
function endsDeadline(text: string): boolean {
  const words = text.trim();
  const closed = /\([^)]*$/.test(words) ? `${words})` : words;
  return !/\d/.test(words) && isWholeDeadline(`2026 ${closed}`);
}

/** A deadline complete in itself ("2026-2028 роки", "2027 р.", "IV квартал 2026"), not a list's part. */
function isWholeDeadline(text: string): boolean {
  const kind = parseDeadline(text)?.kind;
  return kind !== undefined && kind !== "text" && !/[,;:‐‑–—−-]\s*$/u.test(text);
}

/**
 * A cell cut after a year's label, before its value: «2025:» over «1648718915», «…, 2026 р.» over
 * «– 1 453 836».
 */
export function awaitsValue(above: string): boolean {
  const text = above.trim();
  return OPEN_YEAR_LABEL.test(text) || NEXT_YEAR_LABEL.test(text);
}

/**
 * A cell's value after the year's label it was cut after («2026 р. –» over «22,31; 2027 р. – 46,64»,
 * or over «Ні; …»): anything but the next year's item.
 */
export function givesAwaitedValue(above: string, text: string): boolean {
  return awaitsValue(above) && text.trim() !== "" && !YEAR_ITEM.test(text.trim());
}

/** A year's label alone or after a list's separator, its dash wrapped: «у 2026 році». */
const BARE_YEAR_LABEL = new RegExp(String.raw`(?:^|[,;])\s*(?:у\s+)?${YEAR_LABEL}$`, "u");

/**
 * A value whose dash wrapped under its year's label: «у 2026 році» (or «…; у 2027 році») over
 * «– 154 454», or over the dash alone (its value wraps once more).
 */
export function dashesValue(above: string, text: string): boolean {
  return BARE_YEAR_LABEL.test(above.trim()) && /^[–—-](?:\s*\d|$)/u.test(text.trim());
}

/**
 * A value of a list of years' values under its dash alone, its year's label left on the page before
 * a page break («у 2026 році» | «–» over «1000000000, у 2027 році…»): a list's item, not a row's amount.
 */
function listValueAfterDash(cell: string, text: string): boolean {
  return /^[–—-]$/u.test(cell.trim()) && /^\d[\d ]*(?:,\d+)?[,;]$/u.test(text.trim());
}

/**
 * An amount grouped by spaces that a narrow cell wrapped at a space: "1 032" over "053,00", also
 * after its year's label ("2028: 738 827" over "254"). OCR may
 * read the group's space away ("1032" over "053,00"): then the rest must carry the fraction.
 */
export function wrapsAmount(above: string, text: string): boolean {
  const [top, rest] = [above.trim(), text.trim()];
  return (
    (/(?:^|[:–—-]\s*)\d{1,3}(?: \d{3})*$/u.test(top) && /^\d{3}(?:[ ,.]|$)/.test(rest)) ||
    (/^\d{4,6}$/.test(top) && /^\d{3}[,.]\d/.test(rest))
  );
}

/**
 * The first line under a header band starts the first row when it holds a number or an amount (an
 * item's number under «№», a value, a footnote's mark after it: «1000***»): a heading never wraps
 * onto a number, and a header cell, the widest text of its column when the header is one line, would
 * otherwise take in a short data row's cells. Under the previous table's header printed again whole
 * it always does (the rest of a row cut by the page break, in lowercase under the headings).
 */
function startsBody(line: Placed[], index: number, header: { lines: number; repeated?: boolean }): boolean {
  if (index !== header.lines) return false;
  return (
    header.repeated === true || line.some(({ piece }) => AMOUNT_LIKE.test(piece.text.replace(/\*+$/, "")))
  );
}

/**
 * In a table led by its first column, a piece there that starts with a capital still goes on with the
 * first cell when that cell was written on the line just above (a name wrapped before «Програми») and
 * the line stands in that row's place: its other columns empty (cells are top-aligned, so a row's
 * first line prints its other cells too), or each reading on mid-sentence with its own cell (the
 * value's wrapped «наборів» beside it). Never a number or what only starts a row (a field's, an item's
 * number), nor a passport field's name (a field printed with its value left empty).
 */
function wrapsLead(
  first: Piece,
  byColumn: Map<number, Piece>,
  above: Above,
  reach: ReturnType<typeof reaches>,
): boolean {
  if (!above.previous.has(0) || /^\d/.test(first.text) || ROW_START.test(first.text)) return false;
  if (PASSPORT_FIELD_NAMES.some((field) => field.firstWord.test(first.text))) return false;
  return [...byColumn].every(
    ([column, piece]) =>
      column === 0 || (CONTINUES.test(piece.text) && goesOnCell(column, piece, above, reach)),
  );
}

function buildRows(
  placedLines: Placed[][],
  columns: number[],
  join: (runs: TextRun[], widest?: number) => string,
  rules: Ruling[] | null = null,
  {
    led = false,
    header = { lines: 0 },
  }: { led?: boolean; header?: { lines: number; repeated?: boolean } } = {},
): { cells: string[][]; tops: number[] } {
  const width = columns.length - 1;
  const reach = reaches(placedLines, columns);
  const rows: TextRun[][][] = [];
  const tops: number[] = [];
  let above: Above = { previous: new Map(), used: new Set(), cells: new Map() };
  let aboveY = Number.POSITIVE_INFINITY;
  for (const [index, line] of placedLines.entries()) {
    const byColumn = new Map<number, Piece>();
    for (const { column, piece } of line) {
      const there = byColumn.get(column);
      byColumn.set(
        column,
        there ? { ...there, right: piece.right, text: `${there.text} ${piece.text}` } : piece,
      );
    }
    const leads = led && above.used.has(0) && !byColumn.has(0);
    // In a table led by its first column, text there starts a row unless it reads on: in lowercase, or
    // as the wrapped line of a first cell still being written on the line above (`wrapsLead`).
    const first = byColumn.get(0);
    const newLead =
      led &&
      first !== undefined &&
      !/^[\p{Ll}(«"„,;:–—-]/u.test(first.text) &&
      !wrapsLead(first, byColumn, above, reach);
    const goesOn =
      rows.length > 0 &&
      !newLead &&
      (rules
        ? !ruledAbove(rules, aboveY, line)
        : !isColumnNumberRow([...above.previous.values()].map((piece) => piece.text)) &&
          !isColumnNumberRow(line.map(({ piece }) => piece.text)) &&
          !startsBody(line, index, header) &&
          !isHeadingLine(line.map(({ piece }) => piece)) &&
          [...byColumn].every(([column, piece]) => goesOnCell(column, piece, above, reach, leads)));
    if (!goesOn) {
      rows.push(Array.from({ length: width }, () => []));
      tops.push(line[0]?.piece.runs[0]?.y ?? 0);
      above = { ...above, used: new Set(), cells: new Map() };
    }
    const row = rows.at(-1);
    for (const { column, piece } of line) row?.[column]?.push(...piece.runs);
    for (const [column, piece] of byColumn) {
      above.used.add(column);
      const text = above.cells.get(column);
      above.cells.set(column, text === undefined ? piece.text : `${text} ${piece.text}`);
    }
    above = { ...above, previous: byColumn };
    aboveY = line[0]?.piece.runs[0]?.y ?? aboveY;
  }
  const widths = reach.right.map((right, column) => right - (reach.left[column] ?? right));
  const widest = (column: number) => {
    const width = widths[column] ?? Number.NaN;
    return Number.isFinite(width) ? width : undefined;
  };
  return {
    cells: rows
      .map((row) => row.map((runs, column) => join(runs, widest(column))))
      .map(headingFromFirstColumn),
    tops,
  };
}

/**
 * A header line's pieces that stand under a piece of the header line above running over a column edge
 * (a spanning heading's wrapped line: «Обсяги фінансування, тис.» over «грн», centred) are that
 * piece's column's when it is the only piece under it: a header cell is a strip, so text right under
 * its line is its own. A year row or the column-number row under a spanning heading is its columns'.
 * (In the body a total's label spans the first columns, and the next row's cells stand under it.)
 */
function underSpanning(above: Placed[], line: Placed[], columns: number[]): Placed[] {
  const pieces = line.map(({ piece }) => piece);
  if (isYearRow(pieces) || isColumnNumberRow(pieces.map((piece) => piece.text))) return line;
  const under = (span: Piece, piece: Piece) => span.x <= piece.x + 1 && piece.right <= span.right + 1;
  return line.map(({ column, piece }) => {
    const over = above.find(
      (each) =>
        edgesCrossed(columns, each.piece) > 0 &&
        under(each.piece, piece) &&
        pieces.filter((other) => under(each.piece, other)).length === 1,
    );
    return over && edgesCrossed(columns, piece) === 0 ? { column: over.column, piece } : { column, piece };
  });
}

/**
 * A row whose only text is a direction heading by its content ("1. Назва", "Пріоритетний напрям 2")
 * is a full-width row, whatever column its glyphs fall in: a short heading centred or right-aligned in
 * a row of one cell fits inside one column.
 */
/** A line whose only text is a direction heading by its content: a full-width row of the table. */
function isHeadingLine(line: Piece[]): boolean {
  const [only] = line;
  return line.length === 1 && only !== undefined && isHeading(only.text);
}

/** A direction heading, not a person's initials ("І.І.) та ДРАЦС" reads like the Roman "І. …"). */
const isHeading = (text: string): boolean =>
  CAPITAL_OR_DIGIT_FIRST.test(text) &&
  !INITIALS_FIRST.test(text) &&
  (isDirectionHeading(text) || isSectionHeadingText(text));

function headingFromFirstColumn(cells: string[]): string[] {
  const filled = cells.flatMap((text, index) => (text.trim() === "" ? [] : [index]));
  const [only] = filled;
  const text = cells[only ?? 0] ?? "";
  if (filled.length !== 1 || only === 0 || !isHeading(text)) return cells;
  return cells.map((_, index) => (index === 0 ? text : ""));
}

/**
 * Where the table under a header ends (the line after its last), and its columns with the left edge
 * moved to the left of its first column's lines that end where the first header cell ends (a
 * right-aligned first column whose lines are wider than its heading): a line running across two
 * column edges, any other line starting left of the table, or a gap of an empty line ends it.
 */
function tableBody(
  split: Piece[][],
  lines: TextRun[][],
  start: number,
  header: Header,
): { end: number; columns: number[] } {
  let columns = header.columns;
  const first = header.cells?.[0];
  const underFirst = (piece: Piece) => first !== undefined && Math.abs(piece.right - first.right) <= 1;
  let end = start;
  for (; end < lines.length; end++) {
    const line = split[end] ?? [];
    if (header.cells) columns = leftAlignedEdges(columns, header.cells, split.slice(start, end + 1));
    if (header.cells && header.lines === 1 && header.numbers)
      columns = centredUnderNumbers(columns, header.cells, line);
    const gap = baselineGap(lines[end - 1] ?? [], lines[end] ?? []);
    const size = sizeOf(lines[end] ?? []);
    const left = columns[0] ?? 0;
    const outside = line.filter((piece) => piece.x < left - size);
    const above = split[end - 1] ?? [];
    const broken =
      gap > 2.2 * size ||
      (line.some((piece) => edgesCrossed(columns, piece) >= 2) && !isHeadingLine(line)) ||
      !outside.every((piece) => underFirst(piece) || endsUnder(piece, above)) ||
      FOOTNOTE.test(line[0]?.text ?? "");
    if (broken) break;
    const widening = outside.filter(underFirst);
    if (widening.length > 0)
      columns = [Math.min(left, ...widening.map((piece) => piece.x - 1)), ...columns.slice(1)];
  }
  return { end, columns };
}

/**
 * The body under a header. Edges mirrored about centred header cells are a guess from the header alone
 * (a left-aligned heading among centred ones can chain into a plausible mirror), so the body decides:
 * the midpoints between the header cells are the columns when the body under them runs further (a
 * line of a wide cell crossed two mirrored edges, ending the table early) or, as far, with fewer of
 * its pieces running over an edge.
 */
function headerBody(
  split: Piece[][],
  lines: TextRun[][],
  start: number,
  header: Header,
): { end: number; columns: number[] } {
  const mirrored = tableBody(split, lines, start, header);
  if (!header.midpoints) return mirrored;
  const midpoints = tableBody(split, lines, start, { ...header, columns: header.midpoints });
  const crossings = ({ end, columns }: { end: number; columns: number[] }) =>
    split
      .slice(start, end)
      .flat()
      .filter((piece) => edgesCrossed(columns, piece) > 0).length;
  if (midpoints.end !== mirrored.end) return midpoints.end > mirrored.end ? midpoints : mirrored;
  return crossings(midpoints) < crossings(mirrored) ? midpoints : mirrored;
}

/**
 * The borderless tables among a page's lines (runs grouped by baseline, top first) and the lines
 * left over. `lineJoin` joins the runs of one piece; `cellJoin` the runs of a cell, line by line.
 */
export function alignedTables(
  lines: TextRun[][],
  lineJoin: (runs: TextRun[]) => string,
  cellJoin: (runs: TextRun[], widest?: number) => string,
  context: AlignedContext = {},
): { tables: AlignedTable[]; rest: TextRun[][]; unframed: Set<TextRun[]> } {
  let carried: AlignedContext = {
    columns: context.columns,
    numbers: context.numbers,
    header: context.header,
  };
  const split = lines.map((line) => pieces(line, lineJoin));
  const tables: AlignedTable[] = [];
  const rest: TextRun[][] = [];
  const unframed = new Set<TextRun[]>();
  let band: number[] = [];
  const closeBand = () => {
    if (band.length >= 2) for (const index of band) unframed.add(lines[index] ?? []);
    band = [];
  };
  let at = 0;
  while (at < lines.length) {
    if (at % 64 === 0) checkDeadline();
    const header = findHeader(split, lines, at, { ...context, ...carried });
    const unheaded =
      header || !context.headerless ? null : headerlessTable(split, lines, at, context, carried);
    if (unheaded) {
      closeBand();
      const placed = placeLines(split.slice(at, unheaded.end), unheaded.columns);
      const rules = rowRules(context.horizontal, lines.slice(at, unheaded.end), unheaded.columns);
      const rows = buildRows(placed, unheaded.columns, cellJoin, rules, { led: unheaded.led });
      tables.push({
        columns: unheaded.columns,
        top: lines[at]?.[0]?.y ?? 0,
        bottom: lines[unheaded.end - 1]?.[0]?.y ?? 0,
        cells: rows.cells,
        rowTops: rows.tops,
        headerless: true,
        ...(rules ? { rowsRuled: true } : {}),
      });
      at = unheaded.end;
      continue;
    }
    if (!header) {
      const line = lines[at] ?? [];
      rest.push(line);
      const above = band.at(-1);
      if (above === undefined || !alignedRow(split[above] ?? [], split[at] ?? [])) closeBand();
      if ((split[at] ?? []).length >= 2) band.push(at);
      at++;
      continue;
    }
    closeBand();
    const body = headerBody(split, lines, at + header.lines, header);
    let { columns } = body;
    const { end } = body;
    if (header.cells) columns = alignedEdges(columns, header.cells, split.slice(at + header.lines, end));
    const placed = placeLines(split.slice(at, end), columns);
    for (let index = 1; index < header.lines; index++)
      placed[index] = underSpanning(placed[index - 1] ?? [], placed[index] ?? [], columns);
    const rules = rowRules(context.horizontal, lines.slice(at, end), columns);
    const rows = buildRows(placed, columns, cellJoin, rules, { header });
    const headerBand = split.slice(at, at + header.lines).map(bandText);
    carried = { columns, numbers: header.numbers, header: headerBand };
    tables.push({
      columns,
      ...(header.numbers ? { numbers: header.numbers } : {}),
      header: headerBand,
      top: lines[at]?.[0]?.y ?? 0,
      bottom: lines[end - 1]?.[0]?.y ?? 0,
      cells: rows.cells,
      rowTops: rows.tops,
      ...(rules ? { rowsRuled: true } : {}),
    });
    at = end;
  }
  closeBand();
  return { tables, rest, unframed };
}

/**
 * Whether a piece ends where a piece of the line above ends: the wrapped line of a right-aligned cell,
 * which may reach left of the table's edge as its header gives it.
 */
function endsUnder(piece: Piece, above: Piece[]): boolean {
  return above.some((other) => Math.abs(other.right - piece.right) < piece.size / 2);
}

/** Whether a line of two or more pieces starts two of them where pieces of the line above start. */
function alignedRow(above: Piece[], line: Piece[]): boolean {
  if (line.length < 2) return false;
  const starts = line.filter((piece) => above.some((other) => Math.abs(other.x - piece.x) < piece.size));
  return starts.length >= 2;
}

/**
 * A table without a header it knows (a passport: «1. | Найменування … | Тестова громада»; an annex
 * without a header row; field 10's table of years): lines whose pieces start where pieces of the lines
 * above start, from a line of two or more pieces on.
 * - a line goes on with the region when its first piece starts where a piece above started (a cell's
 *   wrapped line, or a row whose first columns are empty) and, alone on its line, it runs over no two
 *   of those starts (a paragraph across the table), nor under a gap of an empty line, nor where a header
 *   the interpreter knows starts; a line of two or more pieces may start new columns right of its first
 *   (field 10's years in the passport's value column);
 * - the region is a table when three or more of its lines put two or more pieces at column starts,
 *   a column start being where pieces of two or more lines start;
 * - its columns start at those starts (each piece goes to the column its centre falls in, a piece running
 *   over a column's start, a spanning cell, to the one it starts in); the table read last (on this
 *   page or the one before) lends its columns when the region's pieces all fall within its width and
 *   stand in two or more of its columns: a table a page break split, going on without its header;
 * - rows from the lines as under a header (`buildRows`): a line starts a row unless each of its pieces
 *   goes on the cell above it; in its own columns the first column leads the rows (a passport's field
 *   numbers): text there starts a row unless it reads on in lowercase, and a line with it empty goes on
 *   with a row that has it (the text reading on), but for amounts and what only starts a row. In lent
 *   columns the rows are read as under the header they continue.
 */
function headerlessTable(
  split: Piece[][],
  lines: TextRun[][],
  at: number,
  context: AlignedContext,
  carried: AlignedContext,
): { end: number; columns: number[]; led: boolean } | null {
  const first = split[at] ?? [];
  if (first.length < 2) return null;
  const near = (size: number) => Math.max(1.5, 0.3 * size);
  const starts = first.map((piece) => piece.x);
  const known = (piece: Piece) => starts.some((x) => Math.abs(x - piece.x) <= near(piece.size));
  const crossed = (piece: Piece) =>
    starts.filter((x) => piece.x < x - piece.size && piece.right > x + piece.size);
  let end = at + 1;
  for (; end < lines.length; end++) {
    const line = split[end] ?? [];
    const [head] = line;
    const gap = baselineGap(lines[end - 1] ?? [], lines[end] ?? []);
    if (!head || gap > 2.2 * sizeOf(lines[end] ?? []) || FOOTNOTE.test(head.text) || !known(head)) break;
    if (line.length === 1 && crossed(head).length >= 2 && !isHeadingLine(line)) break;
    // A header the interpreter knows ends the region, unless its pieces stand in the region's columns
    // (field 10's row: «10. | Джерела та обсяги фінансування | Загальний обсяг …»).
    if (!line.every(known) && findHeader(split, lines, end, { ...context, ...carried })) break;
    if (line.length >= 2) starts.push(...line.filter((piece) => !known(piece)).map((piece) => piece.x));
  }
  const region = split.slice(at, end);
  const lent = carriedColumns(region, carried);
  if (lent) return { end, columns: lent, led: false };
  const columns = ownColumns(region);
  return columns ? { end, columns, led: true } : gapTable(split, lines, at, context, carried);
}

/**
 * How many of a region's lines stand as its cells do: each column whose pieces on the lines of two or
 * more pieces share one anchor (their left, centre or right within half a font size: a column aligned
 * one way in every row) takes on a later line only a piece at that anchor, so a paragraph under the
 * table («Додаток 1») that fits between its gaps is no cell of it.
 */
function alignedLines(region: Piece[][], edges: number[]): number {
  const columnAt = (piece: Piece) => {
    const index = edges.findIndex((edge) => (piece.x + piece.right) / 2 < edge);
    return index < 0 ? edges.length : index;
  };
  const anchors = [
    (piece: Piece) => piece.x,
    (piece: Piece) => (piece.x + piece.right) / 2,
    (piece: Piece) => piece.right,
  ];
  const rows = region.filter((line) => line.length >= 2).flat();
  const anchorOf = new Map<number, (piece: Piece) => number>();
  for (let column = 0; column <= edges.length; column++) {
    const cells = rows.filter((piece) => columnAt(piece) === column);
    const [one] = cells;
    const anchor = anchors.find(
      (each) =>
        one &&
        cells.length >= 2 &&
        cells.every((piece) => Math.abs(each(piece) - each(one)) < piece.size / 2),
    );
    if (anchor && one) anchorOf.set(column, (piece) => Math.abs(anchor(piece) - anchor(one)));
  }
  const stray = region.findIndex((line) =>
    line.some((piece) => (anchorOf.get(columnAt(piece))?.(piece) ?? 0) >= piece.size / 2),
  );
  return stray < 0 ? region.length : stray;
}

/** A stretch of x that no piece covers. */
interface Gap {
  from: number;
  to: number;
}

/** The gaps left of those given once a line's pieces cover theirs (a gap shrinks to its free part). */
function gapsLeft(gaps: Gap[], line: Piece[]): Gap[] {
  return gaps.flatMap((gap) => {
    let free: Gap[] = [gap];
    for (const piece of line)
      free = free.flatMap((each) =>
        piece.right <= each.from || piece.x >= each.to
          ? [each]
          : [
              ...(piece.x > each.from ? [{ from: each.from, to: piece.x }] : []),
              ...(piece.right < each.to ? [{ from: piece.right, to: each.to }] : []),
            ],
      );
    return free;
  });
}

/**
 * A table whose cells are centred or right-aligned in every row, so that no two lines start a column at
 * one x (`ownColumns` finds none): its columns lie between the gaps that stay empty on every line, from
 * a line of two or more pieces on. A line goes on with the region while one such gap, as wide as the
 * space between two cells, stays empty under it (a paragraph across the table ends it), but not under
 * a gap of an empty line, at a footnote or where a header the interpreter knows starts. A table when
 * three or more of its lines put pieces in two or more of the columns.
 */
function gapTable(
  split: Piece[][],
  lines: TextRun[][],
  at: number,
  context: AlignedContext,
  carried: AlignedContext,
): { end: number; columns: number[]; led: boolean } | null {
  const first = split[at] ?? [];
  const size = Math.max(...first.map((piece) => piece.size));
  const wide = (gap: Gap) => gap.to - gap.from >= CELL_GAP * size;
  let gaps = gapsLeft(
    first.slice(1).map((piece, index) => ({ from: first[index]?.right ?? piece.x, to: piece.x })),
    [],
  ).filter(wide);
  if (gaps.length === 0) return null;
  let end = at + 1;
  for (; end < lines.length; end++) {
    const line = split[end] ?? [];
    const [head] = line;
    const gap = baselineGap(lines[end - 1] ?? [], lines[end] ?? []);
    if (!head || gap > 2.2 * sizeOf(lines[end] ?? []) || FOOTNOTE.test(head.text)) break;
    const left = gapsLeft(gaps, line).filter(wide);
    if (left.length === 0 || findHeader(split, lines, end, { ...context, ...carried })) break;
    gaps = left;
  }
  const edges = gaps.map((gap) => (gap.from + gap.to) / 2);
  end = at + alignedLines(split.slice(at, end), edges);
  const region = split.slice(at, end);
  const pieces = region.flat();
  const columns = [
    Math.min(...pieces.map((piece) => piece.x)) - 1,
    ...edges,
    Math.max(...pieces.map((piece) => piece.right)) + 1,
  ];
  const spread = region.filter((line) => new Set(line.map((piece) => columnOf(columns, piece))).size >= 2);
  return spread.length >= 3 ? { end, columns, led: true } : null;
}

/** Column starts: where pieces of two or more lines start; null unless three lines put two pieces at them. */
function ownColumns(region: Piece[][]): number[] | null {
  const size = Math.max(...region.flat().map((piece) => piece.size));
  const near = Math.max(1.5, 0.3 * size);
  const starts = cluster(
    region.flat().map((piece) => piece.x),
    near,
  ).filter((x) => region.filter((line) => line.some((piece) => Math.abs(piece.x - x) <= near)).length >= 2);
  const aligned = region.filter(
    (line) => line.filter((piece) => starts.some((x) => Math.abs(piece.x - x) <= near)).length >= 2,
  );
  if (starts.length < 2 || aligned.length < 3) return null;
  const left = Math.min(...region.flat().map((piece) => piece.x)) - 1;
  const right = Math.max(...region.flat().map((piece) => piece.right)) + 1;
  return [left, ...starts.slice(1).map((x) => x - 1), right];
}

/**
 * The columns of the table read last, when the region's pieces all stand within it, in two or more of
 * them over two or more lines, or in three or more.
 */
function carriedColumns(region: Piece[][], { columns }: AlignedContext): number[] | null {
  const [left, right] = [columns?.[0], columns?.at(-1)];
  if (!columns || left === undefined || right === undefined) return null;
  const pieces = region.flat();
  if (!pieces.every((piece) => piece.x >= left - piece.size && piece.right <= right + piece.size))
    return null;
  const used = new Set(pieces.map((piece) => columnOf(columns, piece)));
  const rows = region.filter((line) => line.length >= 2).length;
  // A lone row (a source's amounts at a page top) when it fills three of the columns.
  return (used.size >= 2 && rows >= 2) || used.size >= 3 ? columns : null;
}
