import type { Block, TableRow } from "../blocks.js";
import { TASK_COLUMNS } from "../interpret/tasks.js";
import { checkDeadline, checkLineCount } from "../limits.js";
import { parseCsvRows } from "./csv-rows.js";
import { cleanCell } from "./reader.js";

/**
 * A table saved as CSV from a spreadsheet or Word (not infoprog's own template, `src/import/csv.ts`):
 * `Назва завдання;Назва проєкту;…;"Обсяги фінансування, тис. грн";…`, cells quoted where they hold the
 * delimiter, amounts with decimal commas. Its rows become the same rows of cells the text reader makes,
 * so the same layout rules (`src/import/interpret/`) read them.
 */

const DELIMITERS = [";", ","] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The first lines searched for the header; a title and a few lines may stand above it. */
const HEADER_SEARCH = 40;

/** A line's cells split at the delimiter where it stands outside quotes (quotes kept). */
function splitLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    if (char === delimiter && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  return [...cells, cell];
}

/** How many of the task table's columns the cells name, each cell naming one (as the header reader reads it). */
function columnsNamed(cells: string[]): number {
  const roles = cells.flatMap((cell) => {
    const text = cell.replace(/"/g, "").trim();
    const rule = TASK_COLUMNS.find((each) => each.pattern.test(text));
    return rule ? [rule.role] : [];
  });
  return new Set(roles).size;
}

/**
 * The delimiter of a CSV, told by its header line: of the first lines split at `;` or at `,` outside
 * quotes, the one whose cells name the most columns of the task table, three or more (a title's words
 * split at its commas name fewer than the header). Null for text that has no such line, or has tabs
 * (the text reader's tab-separated rows).
 */
export function delimiterOf(text: string): Delimiter | null {
  return headerOf(firstLines(text))?.delimiter ?? null;
}

function firstLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, HEADER_SEARCH);
}

function headerOf(lines: string[]): { delimiter: Delimiter; count: number; width: number } | null {
  if (lines.some((line) => line.includes("\t"))) return null;
  let best: { delimiter: Delimiter; count: number; width: number } | null = null;
  for (const line of lines) {
    for (const delimiter of DELIMITERS) {
      const cells = splitLine(line, delimiter);
      const count = columnsNamed(cells);
      if (count >= 3 && count > (best?.count ?? 0)) best = { delimiter, count, width: cells.length };
    }
  }
  return best;
}

/**
 * The delimiter of text that came without a .csv name, when it is a table as a spreadsheet saves it: a
 * header line (`delimiterOf`) and at least two more lines of exactly its width (a sentence in prose
 * that lists column names between commas is no table).
 */
export function tableDelimiterOf(text: string): Delimiter | null {
  const lines = firstLines(text);
  const header = headerOf(lines);
  if (!header) return null;
  const sameWidth = lines.filter((line) => splitLine(line, header.delimiter).length === header.width);
  return sameWidth.length >= 3 ? header.delimiter : null;
}

const filled = (row: TableRow): number => row.cells.filter((cell) => cell.trim() !== "").length;

/**
 * A delimited table's rows as blocks: an empty row ends a table; a row of one cell outside a table
 * (a title, a heading, a signature after it) is a paragraph; inside a table it is a row (a direction
 * heading); the rows of one cell that end a table are paragraphs after it.
 */
export function readDelimitedBlocks(text: string, delimiter: Delimiter): Block[] {
  const rows = parseCsvRows(text, delimiter).map((row) => ({
    cells: row.cells.map(cleanCell),
    line: row.line,
  }));
  checkLineCount(rows.length);
  const blocks: Block[] = [];
  let table: TableRow[] = [];
  const endTable = (): void => {
    const last = table.findLastIndex((row) => filled(row) >= 2);
    if (last >= 0) blocks.push({ kind: "table", rows: table.slice(0, last + 1), line: table[0]?.line ?? 0 });
    for (const row of table.slice(last + 1)) paragraph(row);
    table = [];
  };
  const paragraph = (row: TableRow): void => {
    const text = row.cells.join(" ").replace(/\s+/g, " ").trim();
    if (text !== "") blocks.push({ kind: "paragraph", text, line: row.line });
  };
  rows.forEach((row, index) => {
    if (index % 256 === 0) checkDeadline();
    const count = filled(row);
    if (count === 0) endTable();
    else if (count >= 2 || table.length > 0) table.push(row);
    else paragraph(row);
  });
  endTable();
  return blocks;
}
