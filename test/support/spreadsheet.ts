/**
 * Test-time spreadsheets as councils make them, built with exceljs: the reader's blocks (e.g. of a
 * text) as one worksheet, a paragraph as a row with one cell, a table as rows of cells with an empty
 * row before it; amounts as numbers with the decimals they print, when `numbers` is set.
 */
import ExcelJS from "exceljs";
import type { Block } from "../../src/import/blocks.js";
import type { WordBlock, WordCell } from "./word-document.js";

/** A printed amount («1 250,50», «-» aside) as the number Excel stores and the format that shows it. */
export function asNumber(text: string): { value: number; numFmt: string } | undefined {
  const match = /^(-?\d{1,3}(?:[ \u00a0]?\d{3})*|-?\d+)(?:,(\d+))?$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  const decimals = match[2] ?? "";
  const value = Number(`${match[1].replace(/[ \u00a0]/g, "")}.${decimals || "0"}`);
  return { value, numFmt: decimals ? `0.${"0".repeat(decimals.length)}` : "0" };
}

function putCell(cell: ExcelJS.Cell, text: string, numbers: boolean): void {
  const number = numbers ? asNumber(text) : undefined;
  if (number) {
    cell.value = number.value;
    cell.numFmt = number.numFmt;
  } else if (text !== "") cell.value = text;
}

export async function blocksToXlsx(
  blocks: Block[],
  options: { numbers?: boolean } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Програма");
  let row = 0;
  let lastLine = 0;
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      if (block.line > lastLine + 1) row++;
      sheet.getRow(++row).getCell(1).value = block.text;
      lastLine = block.line;
      continue;
    }
    row++;
    for (const tableRow of block.rows) {
      const cells = sheet.getRow(++row);
      tableRow.cells.forEach((text, column) => {
        putCell(cells.getCell(column + 1), text, options.numbers ?? false);
      });
      lastLine = tableRow.line;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * Word-style blocks (test/support/word-document.ts) as one worksheet: a cell spanning columns and a
 * cell merged down (`start` over `continue`) as merged ranges, amounts as numbers.
 */
export async function wordBlocksToXlsx(blocks: WordBlock[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Аркуш1");
  let row = 0;
  for (const block of blocks) {
    if (block.kind === "paragraph") sheet.getRow(++row).getCell(1).value = block.text;
    if (block.kind !== "table") continue;
    row++;
    const openMerges = new Map<number, number>();
    for (const cells of block.rows) {
      row++;
      let column = 1;
      for (const cell of cells) {
        const { text, span, merge } = wordCellParts(cell);
        if (merge !== "continue") {
          for (let covered = column; covered < column + span; covered++) {
            closeMerge(sheet, openMerges, covered, row - 1);
          }
          if (merge === "start") openMerges.set(column, row);
          putCell(sheet.getRow(row).getCell(column), text, true);
        }
        if (span > 1) sheet.mergeCells(row, column, row, column + span - 1);
        column += span;
      }
    }
    for (const column of [...openMerges.keys()]) closeMerge(sheet, openMerges, column, row);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function wordCellParts(cell: WordCell): { text: string; span: number; merge?: "start" | "continue" } {
  if (typeof cell === "string") return { text: cell, span: 1 };
  return { text: cell.text, span: cell.span ?? 1, merge: "merge" in cell ? cell.merge : undefined };
}

/** Ends the merged range open in `column` at `bottom` (when it covers more than its first row). */
function closeMerge(
  sheet: ExcelJS.Worksheet,
  open: Map<number, number>,
  column: number,
  bottom: number,
): void {
  const top = open.get(column);
  if (top === undefined) return;
  open.delete(column);
  if (bottom > top) sheet.mergeCells(top, column, bottom, column);
}
