/**
 * A council's own spreadsheet (not infoprog's template) as the blocks every other reader makes, so the
 * same layout rules read it. A sheet is a grid: its titles are rows with one filled cell before the
 * table, the table starts at the first row with two filled cells and runs to the next empty row; a
 * range merged down over several rows keeps its text for the rows it covers (`mergedFromAbove`), as a
 * Word cell merged with vMerge does.
 */
import type { Block, Table, TableRow } from "./blocks.js";
import { checkRowWidth, countCells } from "./limits.js";

/** One worksheet's rows by their number (1-based), each row's cell texts by column (0-based). */
export interface SheetGrid {
  rows: Map<number, string[]>;
  /** Merged ranges as Excel writes them: «A5:A8». */
  merges: string[];
}

interface Range {
  top: number;
  bottom: number;
  left: number;
}

const CELL = /^([A-Z]{1,3})(\d{1,7})$/;

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function rangeOf(reference: string): Range | undefined {
  const [from, to] = reference.split(":");
  const start = CELL.exec(from ?? "");
  const end = CELL.exec(to ?? "");
  if (!start?.[1] || !start[2] || !end?.[2]) return undefined;
  return { top: Number(start[2]), bottom: Number(end[2]), left: columnIndex(start[1]) };
}

/** Row number → column → the text of the merged range covering it from above. */
function mergedTexts(grid: SheetGrid): Map<number, Record<number, string>> {
  const covered = new Map<number, Record<number, string>>();
  const lastRow = Math.max(0, ...grid.rows.keys());
  for (const reference of grid.merges) {
    const range = rangeOf(reference);
    const text = range && grid.rows.get(range.top)?.[range.left];
    if (!range || !text) continue;
    const bottom = Math.min(range.bottom, lastRow);
    countCells(Math.max(0, bottom - range.top));
    for (let row = range.top + 1; row <= bottom; row++) {
      const cells = covered.get(row) ?? {};
      cells[range.left] = text;
      covered.set(row, cells);
    }
  }
  return covered;
}

function filled(cells: readonly string[] | undefined): number {
  return cells ? cells.filter((cell) => cell.trim() !== "").length : 0;
}

/** The blocks of one sheet; `offset` is added to its row numbers so that lines run on across sheets. */
export function sheetBlocks(grid: SheetGrid, offset: number): Block[] {
  const blocks: Block[] = [];
  const merged = mergedTexts(grid);
  let table: Table | undefined;
  const numbers = [...grid.rows.keys()].sort((a, b) => a - b);
  let previous = 0;
  for (const number of numbers) {
    const cells = grid.rows.get(number) ?? [];
    const line = offset + number;
    if (table && number !== previous + 1) table = undefined;
    previous = number;
    if (filled(cells) === 0) {
      table = undefined;
      continue;
    }
    if (!table && filled(cells) === 1) {
      blocks.push({ kind: "paragraph", text: cells.find((cell) => cell.trim() !== "")?.trim() ?? "", line });
      continue;
    }
    if (!table) {
      table = { kind: "table", rows: [], line };
      blocks.push(table);
    }
    table.rows.push(tableRow(cells, line, merged.get(number)));
  }
  for (const block of blocks) if (block.kind === "table") padRows(block.rows);
  return blocks;
}

function tableRow(
  cells: string[],
  line: number,
  mergedFromAbove: Record<number, string> | undefined,
): TableRow {
  return mergedFromAbove ? { cells, line, mergedFromAbove } : { cells, line };
}

/** Every row as wide as the table's widest, as a Word table's grid is. */
function padRows(rows: TableRow[]): void {
  const width = Math.max(...rows.map((row) => row.cells.length));
  checkRowWidth(width);
  countCells(rows.length * width);
  for (const row of rows) while (row.cells.length < width) row.cells.push("");
}
