/**
 * Rebuilds the neutral blocks from PDF pages:
 * - a table is a grid of ruling lines (its borders): columns from the vertical rulings, rows from the
 *   horizontal ones; a run of text lands in the grid cell under it, and a cell with no border on its
 *   left (a horizontal span) or above (a vertical merge) hands its text to the cell it is merged with,
 *   so spans read as DOCX's do: the text once, in the first cell, the rest empty;
 * - the lines of text in one cell are joined (a word hyphenated at the line end is rejoined);
 * - a table that goes on over the next page is one table: its repeated header rows are dropped and a
 *   row split by the page break is joined back (by the text layout's continuation rule);
 * - a table drawn without borders is rebuilt from the alignment of its text under its header
 *   (`aligned.ts`) into the same rows;
 * - text outside tables is grouped into lines by baseline and the lines into paragraphs;
 * - running headers and footers (the same line near the top or bottom of several pages) and page
 *   numbers are dropped.
 */
import { LETTER, LETTER_CHARS, LOWER, UPPER } from "../../domain/letters.js";
import { isSourceLabel } from "../../domain/sources.js";
import type { Block, Paragraph, Table, TableRow } from "../blocks.js";
import { isYearRow } from "../interpret/columns.js";
import { INDICATOR_COLUMNS } from "../interpret/indicators.js";
import { isSectionHeadingText } from "../interpret/section-headings.js";
import { isDirectionHeading, TASK_COLUMNS } from "../interpret/tasks.js";
import { checkRow, checkText } from "../limits.js";
import { joinPieces } from "../text/clean.js";
import {
  AMOUNT_LIKE,
  alignedTables,
  awaitsValue,
  dashesValue,
  givesAwaitedValue,
  nextInList,
  wrapsAmount,
  wrapsDeadline,
} from "./aligned.js";
import { cluster, covers, mergeRulings, type PageContent, type Ruling, type TextRun } from "./geometry.js";
import { fitGlyphWidths, type GlyphWidths } from "./glyphs.js";

/** Ends with a letter. */
const ENDS_WITH_LETTER = new RegExp(String.raw`${LETTER}$`, "u");
/** Ends with a capitalised word. */
const ENDS_WITH_SURNAME = new RegExp(String.raw`(?:^|[\s,])${UPPER}${LOWER}+$`, "u");
/** Starts with two initials. */
const INITIALS_FIRST = new RegExp(String.raw`^${UPPER}\.\s?${UPPER}\.`, "u");

const EDGE = 2;

interface Grid {
  columns: number[];
  /** Top first (PDF y grows upwards). */
  rows: number[];
  horizontal: Ruling[];
  vertical: Ruling[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function crosses(h: Ruling, v: Ruling): boolean {
  return v.at >= h.from - EDGE && v.at <= h.to + EDGE && h.at >= v.from - EDGE && h.at <= v.to + EDGE;
}

/** Groups of rulings that touch each other; each group with at least a 1×1 grid is a table. */
function findGrids(horizontal: Ruling[], vertical: Ruling[]): Grid[] {
  const parent = [...horizontal, ...vertical].map((_, index) => index);
  const root = (index: number): number => {
    let at = index;
    while (parent[at] !== at) at = parent[at] ?? at;
    return at;
  };
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (crosses(h, v)) parent[root(i)] = root(horizontal.length + j);
    });
  });
  const groups = new Map<number, { horizontal: Ruling[]; vertical: Ruling[] }>();
  const group = (index: number) => {
    const key = root(index);
    const found = groups.get(key) ?? { horizontal: [], vertical: [] };
    groups.set(key, found);
    return found;
  };
  horizontal.forEach((h, i) => {
    group(i).horizontal.push(h);
  });
  vertical.forEach((v, j) => {
    group(horizontal.length + j).vertical.push(v);
  });
  const grids: Grid[] = [];
  for (const { horizontal: hs, vertical: vs } of groups.values()) {
    const columns = cluster(
      vs.map((v) => v.at),
      EDGE,
    );
    const rows = cluster(
      hs.map((h) => h.at),
      EDGE,
    ).reverse();
    if (columns.length < 2 || rows.length < 2) continue;
    grids.push({
      columns,
      rows,
      horizontal: hs,
      vertical: vs,
      top: rows[0] ?? 0,
      bottom: rows.at(-1) ?? 0,
      left: columns[0] ?? 0,
      right: columns.at(-1) ?? 0,
    });
  }
  return grids;
}

function inside(grid: Grid, run: TextRun): boolean {
  const middle = run.y + run.size * 0.3;
  return run.x >= grid.left - EDGE && run.x <= grid.right && middle <= grid.top && middle >= grid.bottom;
}

/** Runs on one baseline, left to right, joined with a space where there is a gap. */
export function lineText(runs: TextRun[]): string {
  const [only] = runs;
  if (runs.length === 1 && only) return only.text.replace(/\s+/g, " ").trim();
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let text = "";
  let end = Number.NEGATIVE_INFINITY;
  for (const run of sorted) {
    const gap = run.x - end > run.size * 0.15;
    text +=
      text !== "" && gap && !text.endsWith(" ") && !run.text.startsWith(" ") ? ` ${run.text}` : run.text;
    end = run.x + run.width;
  }
  return text.replace(/\s+/g, " ").trim();
}

/** Runs grouped by baseline, top line first. */
export function groupLines(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const run of sorted) {
    const line = lines.at(-1);
    const first = line?.[0];
    if (line && first && Math.abs(first.y - run.y) <= Math.max(first.size, run.size) * 0.4) line.push(run);
    else lines.push([run]);
  }
  return lines;
}

function slot(edges: number[], value: number, descending: boolean): number {
  for (let index = 0; index < edges.length - 1; index++) {
    const a = edges[index] ?? 0;
    const b = edges[index + 1] ?? 0;
    if (descending ? value <= a + EDGE && value > b : value >= a - EDGE && value < b) return index;
  }
  return descending ? edges.length - 2 : edges.length - 2;
}

/** The grid cell a merged cell's text belongs to: left across missing borders, then up. */
function owner(grid: Grid, row: number, column: number): [number, number] {
  let [r, c] = [row, column];
  const middleY = () => ((grid.rows[r] ?? 0) + (grid.rows[r + 1] ?? 0)) / 2;
  while (c > 0 && !covers(grid.vertical, grid.columns[c] ?? 0, middleY(), EDGE)) c--;
  const middleX = ((grid.columns[c] ?? 0) + (grid.columns[c + 1] ?? 0)) / 2;
  while (r > 0 && !covers(grid.horizontal, grid.rows[r] ?? 0, middleX, EDGE)) r--;
  return [r, c];
}

/** A line that ends in a dash right after a word or number ("2022–") goes on without a space. */
const OPEN_DASH = new RegExp(String.raw`[${LETTER_CHARS}\d][–—]$`, "u");

/** Wrapped lines of one cell or paragraph as one text. */
export function joinLines(text: string, line: string): string {
  return OPEN_DASH.test(text) ? `${text}${line.trim()}` : joinPieces(text, line);
}

/** One word of letters (an apostrophe inside it too), nothing else. */
const ONE_WORD = new RegExp(String.raw`^${LETTER}(?:[${LETTER_CHARS}'’ʼ]*${LETTER})?$`, "u");
/** The first word of a line: its letters up to a space or a stop. */
const FIRST_WORD = new RegExp(String.raw`^${LETTER}[${LETTER_CHARS}'’ʼ]*(?=[\s,.;:)»"]|$)`, "u");
/** The last word of a line, ending it: its letters after a space or an opening mark. */
const LAST_WORD = new RegExp(String.raw`(?:^|[\s«"„“(])(${LETTER}[${LETTER_CHARS}'’ʼ]*)$`, "u");
/** Every word of a text, an apostrophe inside it too. */
const WORDS = new RegExp(String.raw`${LETTER}(?:[${LETTER_CHARS}'’ʼ]*${LETTER})?`, "gu");
/**
 * A number too long for its cell: digits only («2025» as «202» over «5»), or an amount cut in its
 * decimal part («1 500,» over «0»).
 */
const CUT_NUMBER = /^(?:\d+|\d{1,3}(?:[\s\u00a0]\d{3})*,\d*)$/;
const DIGIT_START = /^\d/;
/** Starts with what no word starts with: a soft sign or an apostrophe. */
const NO_WORD_START = /^[ьЬ'’ʼ]/u;

/** What tells a word its cell broke mid-word: the document's glyph widths and the words it prints whole. */
interface WordBreaks {
  glyphs: GlyphWidths;
  /** Every word the document prints, in lowercase. */
  words: () => ReadonlySet<string>;
}

/** `make()`'s value, made on the first call only: most documents never ask it. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/** The document's glyph widths and words, fitted and gathered the first time a line could break a word. */
function wordBreaks(pages: PageContent[]): WordBreaks {
  const fitted = once(() => fitGlyphWidths(pages.flatMap((page) => page.runs)));
  return { glyphs: (text) => fitted()(text), words: once(() => documentWords(pages)) };
}

/** The words of every line of the pages, in lowercase. */
function documentWords(pages: PageContent[]): Set<string> {
  const words = new Set<string>();
  for (const page of pages)
    for (const line of groupLines(page.runs))
      for (const word of lineText(line).match(WORDS) ?? []) words.add(word.toLowerCase());
  return words;
}

/**
 * The line above is full: the next line's first glyph, by the document's glyph widths, would have run
 * past the widest line of the column.
 */
function isFull(
  above: TextRun[],
  below: TextRun[],
  belowText: string,
  widest: number,
  glyphs: GlyphWidths,
): boolean {
  const first = belowText[0] ?? "";
  if (first === "") return false;
  const start = below.reduce((a, b) => (b.x < a.x ? b : a));
  const leftmost = above.reduce((a, b) => (b.x < a.x ? b : a));
  const rightmost = above.reduce((a, b) => (b.x + b.width > a.x + a.width ? b : a));
  const width = rightmost.x + rightmost.width - leftmost.x;
  const glyph = start.width * (glyphs(first) / Math.max(glyphs(start.text.trimStart()), 1e-6));
  return width + glyph > widest + 0.1;
}

/**
 * A word too long for its cell, broken where the line ran out (no hyphen: «ВИКОНАВЧИ» over «Й
 * КОМІТЕТ», «відповідаль» over «ний»): the line above is that one word and is full (`isFull`), and
 * the next line starts with the word's end: a soft sign or an apostrophe, which start no word, or, in
 * capitals, one capital letter alone. A word that fitted its line over a short word wider than the rest
 * of the line cannot be told from it by position alone («Протягом» over «дії Програми»): a lowercase
 * end is joined only when the document prints the joined word whole elsewhere (`knownWordPieces`).
 */
function breaksWord(
  lines: TextRun[][],
  texts: string[],
  index: number,
  widest: number,
  glyphs: GlyphWidths,
): boolean {
  const above = lines[index - 1] ?? [];
  const below = lines[index] ?? [];
  const top = texts[index - 1] ?? "";
  const next = texts[index] ?? "";
  const first = next[0] ?? "";
  const digits = CUT_NUMBER.test(top) && DIGIT_START.test(first);
  if ((!ONE_WORD.test(top) && !digits) || !isFull(above, below, next, widest, glyphs)) return false;
  if (digits || NO_WORD_START.test(first)) return true;
  const end = FIRST_WORD.exec(next)?.[0] ?? "";
  const last = top.at(-1) ?? "";
  const capitals = UPPER_LETTER.test(last);
  // Only a capital letter alone after a word in capitals is taken for a word's end by its shape.
  return capitals && end.length === 1 && UPPER_LETTER.test(first) && UPPER_LETTER.test(top.at(-2) ?? "");
}

/** Lines a word may be broken over in a narrow cell. */
const MOST_PIECES = 4;
/** Letters the first piece of a word broken in a narrow cell has at least. */
const SHORTEST_PIECE = 3;

/**
 * How many lines after `start` go on with the word that ends it, joined without a space: the word
 * the pieces make is one the document prints whole elsewhere («бюджет територіальн» over «ої громади»,
 * «гро» over «мад» over «и»), each line before the last is full (`isFull`), the lines between are
 * that word's pieces alone, and each piece goes on in the case the word started in. Two words the
 * cell wrapped apart do not make a word the document prints; 0 when no such word.
 */
function knownWordPieces(
  lines: TextRun[][],
  lineTexts: string[],
  start: number,
  widest: number,
  breaks: WordBreaks,
): number {
  const texts = lineTexts.slice(start, start + MOST_PIECES);
  let word = LAST_WORD.exec(texts[0] ?? "")?.[1] ?? "";
  // A word of one or two letters wraps whole before a word it may make another with («не» over «має»).
  if ([...word].length < SHORTEST_PIECE) return 0;
  const capitals = word !== "" && word === word.toUpperCase();
  // The longest such word: a piece the cell broke off elsewhere («громад» over «и») is printed too.
  let known = 0;
  for (let count = 1; word !== "" && count < texts.length; count++) {
    const above = lines[start + count - 1] ?? [];
    const below = lines[start + count] ?? [];
    const next = texts[count] ?? "";
    const piece = FIRST_WORD.exec(next)?.[0] ?? "";
    const pieceCase = capitals ? piece === piece.toUpperCase() : LOWER_LETTER.test(piece[0] ?? "");
    if (piece === "" || !pieceCase || !isFull(above, below, next, widest, breaks.glyphs)) break;
    word += piece;
    if (isKnownWord(word, breaks)) known = count;
    if (piece !== next) break;
  }
  return known;
}

/**
 * The words of the labels the interpreter reads a table by, known whatever else the document prints:
 * a narrow cell may break every one of its prints («Зага» over «льн» over «ий обсяг»).
 */
const LABEL_WORDS = new Set(
  [
    "загальний обсяг обсяги фінансування джерела джерело всього усього разом у тому числі",
    "бюджет бюджету громади територіальної місцевий місцевого державний державного обласний",
    "обласного інші кошти коштів позабюджетні",
    "виконавці виконавець відповідальні строк виконання заходи заходу назва найменування результат",
  ]
    .join(" ")
    .split(" "),
);

function isKnownWord(word: string, breaks: WordBreaks): boolean {
  const lower = word.toLowerCase();
  return LABEL_WORDS.has(lower) || breaks.words().has(lower);
}

const UPPER_LETTER = new RegExp(UPPER, "u");
const LOWER_LETTER = new RegExp(LOWER, "u");

/**
 * A cell's lines as one text. With the widest line of its column and what tells a broken word, a
 * word the cell broke mid-word is joined back without a space (`breaksWord`, `knownWordPieces`).
 */
function cellText(runs: TextRun[], widest?: number, breaks?: WordBreaks): string {
  return joinCellLines(groupLines(runs), widest, breaks);
}

/** The lines that go on with the word the line above them ends, by index. */
function brokenWordLines(
  lines: TextRun[][],
  texts: string[],
  widest: number,
  breaks: WordBreaks,
): Set<number> {
  const joined = new Set<number>();
  for (let index = 1; index < lines.length; index++) {
    if (joined.has(index) || breaksWord(lines, texts, index, widest, breaks.glyphs)) {
      joined.add(index);
      continue;
    }
    const pieces = knownWordPieces(lines, texts, index - 1, widest, breaks);
    for (let piece = 0; piece < pieces; piece++) joined.add(index + piece);
  }
  return joined;
}

/** `cellText` of a cell's lines already grouped by baseline. */
function joinCellLines(lines: TextRun[][], widest?: number, breaks?: WordBreaks): string {
  const texts = lines.map(lineText);
  const joined =
    widest !== undefined && breaks && lines.length > 1
      ? brokenWordLines(lines, texts, widest, breaks)
      : undefined;
  return texts.reduce((text, current, index) => {
    if (joined?.has(index) && text !== "") return `${text}${current}`;
    return joinLines(text, current);
  }, "");
}

/** An amount alone on its line, or a dash for none: «100,0», «1 250,5», «-». */
const AMOUNT_LINE = /^(?:[-–—]|\d{1,3}(?:[\s\u00a0]\d{3})*(?:,\d+)?)$/;

/**
 * A row that stacks its sources, one per line of a cell («Бюджет громади» over «Інші джерела»), and
 * as many lines of amounts (or dashes) in other cells: those cells keep their lines apart, as a Word
 * cell's paragraphs do, so that the task table gives each source its amounts. Elsewhere a cell's
 * lines are one text (a number wrapped over two lines is one number).
 */
function stackedCells(row: TextRun[][][], texts: string[]): string[] {
  const lines = row.map((cell) => cell.map(lineText));
  const sources = lines.find((each) => each.length >= 2 && each.every((line) => isSourceLabel(line)));
  if (!sources) return texts;
  const stacks = (each: string[]) =>
    each === sources || (each.length === sources.length && each.every((line) => AMOUNT_LINE.test(line)));
  return texts.map((text, column) => {
    const own = lines[column] ?? [];
    return stacks(own) ? own.join("\n") : text;
  });
}

/** The width of the widest line of each column of a grid's cells (each cell's lines by baseline). */
function widestLines(grouped: TextRun[][][][], width: number): number[] {
  const widest = Array.from({ length: width }, () => 0);
  for (const row of grouped)
    row.forEach((lines, column) => {
      for (const line of lines) {
        let left = Number.POSITIVE_INFINITY;
        let right = Number.NEGATIVE_INFINITY;
        for (const run of line) {
          left = Math.min(left, run.x);
          right = Math.max(right, run.x + run.width);
        }
        widest[column] = Math.max(widest[column] ?? 0, right - left);
      }
    });
  return widest;
}

interface PageTable {
  kind: "table";
  top: number;
  grid: Grid;
  cells: string[][];
  /** Each row's cells merged down from the rows above (a ruled table), by column. */
  merged?: (Record<number, string> | undefined)[];
  /** Each row's first baseline, where known (a borderless table). */
  rowTops?: number[];
  /** Read from the alignment of its lines alone: no borders, no header the interpreter knows. */
  headerless?: boolean;
  /** No rulings between its rows (`Table.unruled`). */
  unruled?: boolean;
}

function readGrid(grid: Grid, runs: TextRun[], breaks?: WordBreaks): PageTable {
  const width = grid.columns.length - 1;
  const height = grid.rows.length - 1;
  const buckets = Array.from({ length: height }, () => Array.from({ length: width }, () => [] as TextRun[]));
  for (const run of runs) {
    const row = slot(grid.rows, run.y + run.size * 0.3, true);
    const column = slot(grid.columns, run.x + 1, false);
    const [r, c] = owner(grid, row, column);
    buckets[r]?.[c]?.push(run);
  }
  // Each cell's lines grouped once: for the columns' widths, the cell's text and a stacked row.
  const grouped = buckets.map((row) => row.map(groupLines));
  const widest = widestLines(grouped, width);
  const cells = grouped.map((row) =>
    stackedCells(
      row,
      row.map((lines, column) => joinCellLines(lines, widest[column], breaks)),
    ),
  );
  return { kind: "table", top: grid.top, grid, cells, merged: mergedFromAbove(grid, cells) };
}

/** For each row, the text of the cells above that its cells continue (no border between them). */
function mergedFromAbove(grid: Grid, cells: string[][]): (Record<number, string> | undefined)[] {
  return cells.map((row, r) => {
    let merged: Record<number, string> | undefined;
    row.forEach((text, c) => {
      if (r === 0 || text !== "") return;
      const [top, column] = owner(grid, r, c);
      const above = cells[top]?.[c] ?? "";
      if (top < r && column === c && above !== "") {
        merged ??= {};
        merged[c] = above;
      }
    });
    return merged;
  });
}

interface PageLine {
  kind: "line";
  top: number;
  text: string;
  left: number;
  right: number;
  size: number;
  /** A row of a table without borders whose header was not recognised (`aligned.ts`). */
  unframed?: boolean;
}

type PageItem = PageTable | PageLine;

const PAGE_NUMBER = /^[-–—]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-–—]?$/i;
/** Share of the page height at its top and bottom where running headers and footers live. */
const MARGIN = 0.1;

function inMargin(page: PageContent, line: PageLine): boolean {
  return line.top > page.height * (1 - MARGIN) || line.top < page.height * MARGIN;
}

function toLine(runs: TextRun[]): PageLine {
  const first = runs[0];
  const last = runs.reduce((a, b) => (a.x + a.width > b.x + b.width ? a : b));
  return {
    kind: "line",
    top: first?.y ?? 0,
    text: lineText(runs),
    left: Math.min(...runs.map((run) => run.x)),
    right: last.x + last.width,
    size: Math.max(...runs.map((run) => run.size)),
  };
}

/**
 * A page's tables and lines. `carried` holds the columns of the last table without borders read so
 * far, which a table split by the page break goes on with; it is updated with this page's.
 */
function pageItems(
  page: PageContent,
  carried: { columns?: number[]; numbers?: number[]; header?: string[] },
  { headerless, marksUnruled }: { headerless: boolean; marksUnruled: boolean },
  breaks?: WordBreaks,
): PageItem[] {
  const horizontal = mergeRulings(page.horizontal, 1);
  const grids = findGrids(horizontal, mergeRulings(page.vertical, 1));
  const tables: PageTable[] = [];
  let rest = page.runs;
  for (const grid of grids) {
    const mine = rest.filter((run) => inside(grid, run));
    rest = rest.filter((run) => !inside(grid, run));
    tables.push(readGrid(grid, mine, breaks));
  }
  const aligned = alignedTables(
    groupLines(rest),
    lineText,
    (runs, widest) => cellText(runs, widest, breaks),
    { horizontal, ...carried, headerless, ...(page.headedTop ? { headedTop: true } : {}) },
  );
  const last = aligned.tables.at(-1);
  if (last) {
    carried.columns = last.columns;
    carried.numbers = last.numbers;
    carried.header = last.header;
  }
  for (const table of aligned.tables) {
    const left = table.columns[0] ?? 0;
    const right = table.columns.at(-1) ?? 0;
    const grid: Grid = {
      columns: table.columns,
      rows: [],
      horizontal: [],
      vertical: [],
      top: table.top,
      bottom: table.bottom,
      left,
      right,
    };
    tables.push({
      kind: "table",
      top: table.top,
      grid,
      cells: table.cells,
      rowTops: table.rowTops,
      ...(table.headerless ? { headerless: true } : {}),
      ...(table.rowsRuled || !marksUnruled ? {} : { unruled: true }),
    });
  }
  const lines = aligned.rest.map((runs) =>
    aligned.unframed.has(runs) ? { ...toLine(runs), unframed: true } : toLine(runs),
  );
  return [...tables, ...lines].sort((a, b) => b.top - a.top);
}

/** A line's text with its digits masked: "Сторінка 3 з 12" repeats as "Сторінка # з #". */
function furnitureKey(text: string): string {
  return text.replace(/\d+/g, "#");
}

/** Lines near the top or bottom that repeat on several pages, and lone page numbers there. */
function dropFurniture(pages: PageContent[], items: PageItem[][]): PageItem[][] {
  const seen = new Map<string, number>();
  items.forEach((page, index) => {
    const keys = new Set<string>();
    for (const item of page) {
      const pageContent = pages[index];
      if (item.kind === "line" && pageContent && inMargin(pageContent, item))
        keys.add(furnitureKey(item.text));
    }
    for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  });
  const repeats = Math.max(2, Math.ceil(pages.length / 2));
  return items.map((page, index) => {
    const pageContent = pages[index];
    const kept = page.filter((item) => {
      if (item.kind !== "line" || !pageContent || !inMargin(pageContent, item)) return true;
      if (PAGE_NUMBER.test(item.text)) return false;
      return (seen.get(furnitureKey(item.text)) ?? 0) < repeats || pages.length < 2;
    });
    return pageContent ? withoutEdgeNumbers(pageContent, kept) : kept;
  });
}

/**
 * A lone page number printed below a running header (or above a footer) stands just outside the
 * margins: the first or last item of its page, in the page's outer fifth, is still a page number.
 */
function withoutEdgeNumbers(page: PageContent, items: PageItem[]): PageItem[] {
  const edge = (item: PageItem | undefined) =>
    item?.kind === "line" &&
    PAGE_NUMBER.test(item.text) &&
    (item.top > page.height * (1 - 2 * MARGIN) || item.top < page.height * 2 * MARGIN);
  return items.filter((item, index) => !(edge(item) && (index === 0 || index === items.length - 1)));
}

function sameColumns(a: Grid, b: Grid): boolean {
  return (
    a.columns.length === b.columns.length &&
    a.columns.every((x, index) => Math.abs(x - (b.columns[index] ?? 0)) <= EDGE * 2)
  );
}

const CONTINUING = new RegExp(String.raw`^[«"„“(,;:.]?${LOWER}`, "u");

function filled(cells: string[]): number[] {
  return cells.flatMap((cell, index) => (cell.trim() === "" ? [] : [index]));
}

/**
 * Text added to a started cell: not an amount (but the rest of a grouped amount the cell wrapped:
 * "707" over "755,00", a short number ending a phrase, or a value with its dash under the year's label
 * the break cut before it: «у 2028 році» over «– 0», a deadline's rest: «вересень–грудень» over «2027»)
 * and, when it is the row's only text, not a source
 * of its own under a source.
 */
function continuesCell(above: string, text: string, alone: boolean): boolean {
  if (above.trim() === "") return false;
  if (AMOUNT_LIKE.test(text))
    return (
      wrapsAmount(above, text) ||
      awaitsValue(above) ||
      dashesValue(above, text) ||
      nextInList(above, text) ||
      endsPhrase(above, text) ||
      wrapsDeadline(above, text)
    );
  return !(alone && isSourceLabel(above) && isSourceLabel(text));
}

/**
 * A number of one or two digits, or a numbered reference, ending a phrase the break cut («Всього за
 * напрямом» over «3», «де А – показник» over «3.3»).
 */
function endsPhrase(above: string, text: string): boolean {
  return ENDS_WITH_LETTER.test(above.trim()) && /^\d{1,2}(?:\.\d{1,2})*$/.test(text.trim());
}

/**
 * The first row on a new page continues the row the page break split when it only adds text to
 * cells that row already started (a source label under a source label is a row of its own), carries
 * no amounts but the rests of grouped ones the break cut ("1 201" over "054,00"), and starts
 * mid-sentence (or where the break cut a list or an amount: see `startsCut`), holds nothing but
 * such rests, or gives a cell of that row the value its last year's label awaits («2026 р. –» over
 * «22,31; 2027 р. – …»: the break cut the row there, whatever its first cell starts with).
 */
function continuesSplitRow(previous: string[], row: string[]): boolean {
  const mine = filled(row);
  const firstIndex = mine[0] ?? 0;
  const first = row[firstIndex] ?? "";
  const restsOnly = mine.every((index) => AMOUNT_LIKE.test(row[index] ?? ""));
  const goesOn = (index: number) =>
    completesOrdinal(previous[index] ?? "", row[index] ?? "") ||
    continuesCell(previous[index] ?? "", row[index] ?? "", mine.length === 1);
  return (
    (mine.length > 0 &&
      mine.every(goesOn) &&
      (CONTINUING.test(first.trim()) ||
        restsOnly ||
        mine.some((index) => givesAwaitedValue(previous[index] ?? "", row[index] ?? "")) ||
        completesOrdinal(previous[firstIndex] ?? "", first) ||
        startsCut(previous[firstIndex] ?? "", first))) ||
    loneRest(previous, row)
  );
}

/** What opens a row of its own: an item's number, a total, a direction's heading. */
const OPENS_ROW = /^(?:\d{1,3}(?:\.\d{1,3})*[.)]?(?:\s|$)|всього|усього|разом)/iu;

/**
 * The rest of a cell the break cut at any word, alone at the page top and whatever its first letter
 * (an indicator's name: «Частка закладів, підключених до» over «Інтернету»), as the text reader joins a
 * lone fragment after a page break: one cell, not the first column's, under a cell the row above
 * started, no amount, source, total, number or direction heading.
 */
function loneRest(previous: string[], row: string[]): boolean {
  const mine = filled(row);
  const [index] = mine;
  if (mine.length !== 1 || index === undefined || index === 0) return false;
  const text = (row[index] ?? "").trim();
  return (
    !AMOUNT_LIKE.test(text) &&
    !isSourceLabel(text) &&
    !OPENS_ROW.test(text) &&
    !isDirectionHeading(text) &&
    !isSectionHeadingText(text) &&
    continuesCell(previous[index] ?? "", text, true)
  );
}

/** The header's columns that name a row: its number, direction, task, project or indicator's name. */
const LEADING = [
  ...TASK_COLUMNS.filter((rule) => ["number", "task", "project"].includes(rule.role)),
  ...INDICATOR_COLUMNS.filter((rule) => ["number", "direction", "name"].includes(rule.role)),
].map((rule) => rule.pattern);

function leadingColumns(header: string[][]): Set<number> {
  const leading = new Set<number>();
  for (const row of header)
    row.forEach((cell, index) => {
      if (cell.trim() !== "" && LEADING.some((pattern) => pattern.test(cell))) leading.add(index);
    });
  return leading;
}

/**
 * The rest of a row the page break cut, whatever its first word: it names no row (nothing in a column
 * of numbers, titles or names), and only adds text to cells that row already started, no amounts but
 * the rests of the ones the break cut («де А – показник» over «2.2, В – показник 2.3», «Фінансовий
 * відділ;» over «Відділ освіти»). A new row at a page top always names itself.
 */
function restOfCutRow(previous: string[], row: string[], leading: Set<number>): boolean {
  const mine = filled(row);
  return (
    leading.size > 0 &&
    mine.length > 0 &&
    // A header's row of years printed again at the page top («Усього | 2025 р. | 2026 р.») is no rest.
    !isYearRow(row) &&
    mine.every(
      (index) =>
        !leading.has(index) &&
        (completesOrdinal(previous[index] ?? "", row[index] ?? "") ||
          continuesCell(previous[index] ?? "", row[index] ?? "", mine.length === 1)),
    )
  );
}

/** A heading over an annex's baselines («Базове значення»): the table is an indicator or monitoring annex. */
const BASELINE_HEADING = /базов/iu;

/**
 * The rest of an annex's row the break cut, whatever its first word («Кількість цифрових» over «Wi-Fi
 * цифрових | … | відомість» under the header printed again): in a table with a baseline column, a row
 * that names no row (no number, total or heading), only adds text to cells the row above started, and
 * leaves empty at least half the cells that row filled besides its names: a unit, a baseline, the
 * values, printed on a row's first line, so a new row (numbered or not) prints them.
 */
function restOfAnnexRow(
  previous: string[],
  row: string[],
  header: string[][],
  leading: Set<number>,
): boolean {
  const mine = filled(row);
  const [first] = mine;
  if (first === undefined || !header.some((cells) => cells.some((cell) => BASELINE_HEADING.test(cell))))
    return false;
  const text = (row[first] ?? "").trim();
  if (OPENS_ROW.test(text) || isDirectionHeading(text) || isSectionHeadingText(text) || isYearRow(row))
    return false;
  const values = filled(previous).filter((index) => !leading.has(index));
  const empty = values.filter((index) => (row[index] ?? "").trim() === "");
  return (
    empty.length > 0 &&
    empty.length * 2 >= values.length &&
    mine.every((index) => continuesCell(previous[index] ?? "", row[index] ?? "", mine.length === 1))
  );
}

/** A label that names its section's number last: «Всього за напрямом», «Пріоритетний напрям», «Розділ». */
const AWAITS_ORDINAL = new RegExp(
  String.raw`(?:^|\s)(?:напрям${LETTER}*|розділ${LETTER}*|пункт${LETTER}*|№)$`,
  "iu",
);

/** «Всього за напрямом» over «2»: the page break cut the label from its number. */
function completesOrdinal(above: string, text: string): boolean {
  return AWAITS_ORDINAL.test(above.trim()) && /^\d{1,2}\.?$/.test(text.trim());
}

/**
 * Whether a split row's first text goes on with the cell above it though it starts with a capital or a
 * digit: the break cut a list after its separator («де А – показник 2.1,» over «В – показник 2.2») or
 * a grouped amount («2027 р. – 540 769» over «697, 2028 р. – 94»), a name before its initials, or
 * a phrase after a preposition or a conjunction, which never ends a cell («Всього за» over «Програмою»),
 * or a deadline (`wrapsDeadline`: «з 01.03.2026 по» over «30.11.2027»).
 */
function startsCut(above: string, first: string): boolean {
  return (
    CUT_AFTER_SEPARATOR.test(above) ||
    CUT_AFTER_PREPOSITION.test(above.trim()) ||
    wrapsDeadline(above, first) ||
    wrapsAmount(above, first) ||
    initialsAfterSurname(above, first)
  );
}

/** A cell ending in a preposition or a conjunction: the break cut the phrase after it. */
const CUT_AFTER_PREPOSITION = /(?:^|\s)(?:за|у|в|з|із|зі|на|до|по|від|для|щодо|та|і|й)$/iu;

/** A person's name the break cut before the initials: «…, Бондар» over «О.О., начальник …». */
function initialsAfterSurname(above: string, first: string): boolean {
  return ENDS_WITH_SURNAME.test(above.trim()) && INITIALS_FIRST.test(first.trim());
}

/** A cell the break cut after a list's separator («де А – показник 2.1,» over «В – показник 2.2»). */
const CUT_AFTER_SEPARATOR = /[,;]\s*$/;

interface RawRow extends TableRow {
  afterBlank: boolean;
}

interface Builder {
  blocks: Block[];
  line: number;
  /** The source line at a baseline of the page being laid out, when the pages came from text. */
  lineAt?: ((y: number) => number | undefined) | undefined;
  table: { block: Table; grid: Grid; header: string[][]; rows: RawRow[] } | null;
  paragraph: { block: Paragraph; last: PageLine } | null;
  /** Lines (as numbered in the blocks) holding rows of unframed tables read as text. */
  unframed: number[];
  /**
   * The lines of the rows of each table read from its alignment alone (no header it knows), with the
   * rows of such tables that go on with it on the next pages.
   */
  headerless: Map<Table, number[]>;
}

function sameRow(a: string[] | undefined, b: string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((cell, i) => cell === b[i]);
}

/**
 * A table at a page top that prints the open table's header again goes on with it, though its column
 * edges may differ (set from other body lines: a wide cell moved them off a centred header's mirror).
 */
function repeatsHeader(header: string[][], table: PageTable): boolean {
  const [first] = table.cells;
  return sameRow(first, header[0]) && (first?.some((cell) => cell.trim() !== "") ?? false);
}

/** The next block's or row's line: its source line where known, else the next in order. */
function nextLine(builder: Builder, y: number | undefined): number {
  builder.line++;
  const source = y === undefined ? undefined : builder.lineAt?.(y);
  return source ?? builder.line;
}

/**
 * The first rows of a table kept to drop its header printed again on the next pages: the naming row,
 * «Всього | у т.ч. за роками», the years, a row of sources under them, the column numbers.
 */
const HEADER_ROWS = 6;

function addTable(builder: Builder, table: PageTable, pageStart: boolean): void {
  builder.paragraph = null;
  const open = builder.table;
  if (open && pageStart && (sameColumns(open.grid, table.grid) || repeatsHeader(open.header, table))) {
    let skip = 0;
    while (skip < table.cells.length && sameRow(table.cells[skip], open.header[skip])) skip++;
    const added: number[] = [];
    const leading = leadingColumns(open.header);
    table.cells.slice(skip).forEach((cells, index) => {
      checkRow(cells);
      const last = open.rows.at(-1);
      const cut =
        last !== undefined &&
        (continuesSplitRow(last.cells, cells) ||
          restOfCutRow(last.cells, cells, leading) ||
          restOfAnnexRow(last.cells, cells, open.header, leading));
      if (index === 0 && last && cut) {
        last.cells = last.cells.map((cell, column) => joinLines(cell, cells[column] ?? ""));
      } else {
        const line = nextLine(builder, table.rowTops?.[skip + index]);
        const merged = table.merged?.[skip + index];
        open.rows.push({
          cells,
          line,
          afterBlank: index === 0,
          ...(merged ? { mergedFromAbove: merged } : {}),
        });
        added.push(line);
      }
    });
    if (table.headerless) builder.headerless.get(open.block)?.push(...added);
    open.grid = table.grid;
    return;
  }
  const rows: RawRow[] = table.cells.map((cells, index) => {
    checkRow(cells);
    const row: RawRow = { cells, line: nextLine(builder, table.rowTops?.[index]), afterBlank: false };
    const merged = table.merged?.[index];
    return merged ? { ...row, mergedFromAbove: merged } : row;
  });
  const block: Table = {
    kind: "table",
    rows,
    line: rows[0]?.line ?? builder.line,
    ...(table.unruled ? { unruled: true } : {}),
  };
  builder.blocks.push(block);
  if (table.headerless)
    builder.headerless.set(
      block,
      rows.map((row) => row.line),
    );
  builder.table = { block, grid: table.grid, header: table.cells.slice(0, HEADER_ROWS), rows };
}

/** A sentence, a clause or a list's lead-in ends here. */
const ENDS_CLAUSE = /[.;:!?]$/;
/** A heading's or a list item's mark: «IV.», «2.», «3)», «–», «•». */
const OPENS_ITEM = /^(?:[IVXLCІХ]{1,6}\.\s|\d{1,2}[.)]\s|[-–—•]\s)/;

/**
 * A line continues the paragraph above when it follows closely and the one above ran to the margin,
 * unless the one above ended a clause and this one opens a heading or a list item («IV. Мета …»).
 */
function continues(last: PageLine, line: PageLine, rightMargin: number): boolean {
  const gap = last.top - line.top;
  if (ENDS_CLAUSE.test(last.text.trim()) && OPENS_ITEM.test(line.text.trim())) return false;
  return gap > 0 && gap <= last.size * 1.6 && last.right >= rightMargin - last.size * 4;
}

function addLine(builder: Builder, line: PageLine, rightMargin: number): void {
  builder.table = null;
  const open = builder.paragraph;
  if (open && continues(open.last, line, rightMargin)) {
    open.block.text = joinLines(open.block.text, line.text);
    checkText(open.block.text);
    open.last = line;
    if (line.unframed) builder.unframed.push(open.block.line);
    return;
  }
  const block: Paragraph = { kind: "paragraph", text: line.text, line: nextLine(builder, line.top) };
  builder.blocks.push(block);
  if (line.unframed) builder.unframed.push(block.line);
  builder.paragraph = { block, last: line };
}

function withoutMarks(rows: TableRow[]): TableRow[] {
  return rows.map(({ cells, line, mergedFromAbove }) =>
    mergedFromAbove ? { cells, line, mergedFromAbove } : { cells, line },
  );
}

/**
 * The pages' content as blocks in reading order, the lines that hold rows of tables without borders
 * that were read as text (no header recognised, and no columns found in their alignment), and the lines
 * of the rows of each table read from its alignment alone (the import names those it read nothing from).
 * `lineAt` gives the source line at a baseline of a page, for pages made from text; blocks and rows are
 * numbered in order otherwise. `headerless`: tables without borders and without a header the
 * interpreter knows are read from their alignment alone (`aligned.ts`), as the PDF reader does.
 * `marksUnruled`: a table without rulings between its rows is marked `unruled` (a PDF's; text laid
 * out in columns never shows borders, so its tables are not).
 */
export function layoutPages(
  pages: PageContent[],
  lineAt?: (page: number, y: number) => number | undefined,
  { headerless = true, marksUnruled = true }: { headerless?: boolean; marksUnruled?: boolean } = {},
): { blocks: Block[]; unframed: number[]; headerless: number[][] } {
  const carried = {};
  const breaks = wordBreaks(pages);
  const items = dropFurniture(
    pages,
    pages.map((page) => pageItems(page, carried, { headerless, marksUnruled }, breaks)),
  );
  const builder: Builder = {
    blocks: [],
    line: 0,
    table: null,
    paragraph: null,
    unframed: [],
    headerless: new Map(),
  };
  items.forEach((page, index) => {
    const lines = page.filter((item): item is PageLine => item.kind === "line");
    const rightMargin = Math.max(0, ...lines.map((line) => line.right));
    builder.paragraph = null;
    builder.lineAt = lineAt && ((y: number) => lineAt(index, y));
    page.forEach((item, position) => {
      if (item.kind === "table") addTable(builder, item, position === 0 && index > 0);
      else addLine(builder, item, rightMargin);
    });
  });
  const blocks = builder.blocks.map((block) =>
    block.kind === "table" ? { ...block, rows: withoutMarks(block.rows) } : block,
  );
  return { blocks, unframed: [...new Set(builder.unframed)], headerless: [...builder.headerless.values()] };
}
