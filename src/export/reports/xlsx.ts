/**
 * The programme head's two annual reports as XLSX: per form, a sheet for people (title block, the
 * form's columns in its order, money cells in the programme's unit computed exactly from kopecks, frozen
 * header, landscape A4 print setup) and one sheet "Дані (коп.)" with every row in raw kopecks.
 */
import ExcelJS from "exceljs";
import type { MoneyUnit } from "../../domain/money.js";
import {
  type FormRow,
  type FormTable,
  progressReport,
  resultsReport,
} from "../../domain/monitoring/forms.js";
import { amountFormat } from "../amounts.js";
import { cellValue, columnHeader, PERCENT_FORMAT, sourceCode } from "./cells.js";
import { programmeHead, type ReportInput, SIGNATURE_HEADING, titleBlock } from "./input.js";

export const RAW_SHEET = "Дані (коп.)";
export const REPORT_SHEETS = {
  progress: "Хід виконання",
  indicators: "Індикатори",
  funding: "Фінансування",
} as const;

/** Column widths in characters, per form column key. */
const WIDTHS: Record<string, number> = {
  number: 7,
  title: 40,
  executor: 26,
  deadline: 12,
  source: 18,
  planned: 14,
  actual: 14,
  state: 13,
  progress: 9,
  results: 36,
  direction: 22,
  name: 44,
  unit: 10,
  baseline: 11,
  target: 11,
  status: 14,
  share: 11,
};
const widthOf = (key: string): number => WIDTHS[key] ?? 14;

/** Points per text line at the default 11 pt font. */
const LINE_HEIGHT = 15;

/** Word wrapping leaves part of each line empty: count on about 90 % of the width. */
const charsPerLine = (width = 14): number => Math.max(1, Math.floor(width * 0.9) - 1);

/**
 * Spreadsheet programs do not grow a row to fit wrapped text written by a library, so the height
 * is estimated: lines of each cell at about one character per unit of column width.
 */
function rowHeight(texts: string[], widths: number[]): number {
  const lines = texts.map((text, index) =>
    text
      .split("\n")
      .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine(widths[index]))), 0),
  );
  return Math.max(1, ...lines) * LINE_HEIGHT;
}

const STRONG_ROWS = new Set<FormRow["kind"]>(["direction", "total"]);

/** Merges a row's columns `from`–`to` into one cell holding `value`, wrapped, the row tall enough for it. */
function mergedText(
  sheet: ExcelJS.Worksheet,
  row: ExcelJS.Row,
  from: number,
  to: number,
  widths: number[],
): void {
  if (to > from) sheet.mergeCells(row.number, from, row.number, to);
  const cell = row.getCell(from);
  cell.alignment = { wrapText: true, vertical: "top", horizontal: cell.alignment?.horizontal };
  const width = widths.slice(from - 1, to).reduce((sum, each) => sum + each, 0);
  row.height = Math.max(row.height ?? LINE_HEIGHT, rowHeight([String(cell.value ?? "")], [width]));
}

/**
 * Title block rows: the report title, then the label (columns A–B merged) and the value (C to the
 * last column merged), so that labels are not cut by the narrow "№" column. Returns the next row.
 */
function addTitleBlock(
  sheet: ExcelJS.Worksheet,
  input: ReportInput,
  title: string,
  widths: number[],
): number {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  const last = Math.max(widths.length, 3);
  for (const line of titleBlock(input)) {
    const row = sheet.addRow([line.label, null, line.value]);
    row.getCell(1).font = { bold: true };
    row.getCell(1).alignment = { vertical: "top" };
    sheet.mergeCells(row.number, 1, row.number, 2);
    mergedText(sheet, row, 3, last, widths);
  }
  sheet.addRow([]);
  return sheet.rowCount + 1;
}

function addHeader(sheet: ExcelJS.Worksheet, table: FormTable, unit: MoneyUnit): void {
  const labels = table.columns.map((column) => columnHeader(column, unit));
  const header = sheet.addRow(labels);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  header.height = rowHeight(
    labels,
    table.columns.map((column) => widthOf(column.key)),
  );
  const numbers = sheet.addRow(table.columns.map((_, index) => index + 1));
  numbers.alignment = { horizontal: "center" };
}

function addFormRows(sheet: ExcelJS.Worksheet, table: FormTable, unit: MoneyUnit): void {
  const widths = table.columns.map((column) => widthOf(column.key));
  for (const formRow of table.rows) {
    const values = table.columns.map((c) => cellValue(c, formRow.cells[c.key] ?? null, unit));
    const row = sheet.addRow(values);
    row.height = rowHeight(
      values.map((value) => (typeof value === "string" ? value : "")),
      widths,
    );
    if (STRONG_ROWS.has(formRow.kind)) row.font = { bold: true };
  }
}

function formatColumns(
  sheet: ExcelJS.Worksheet,
  table: FormTable,
  unit: MoneyUnit,
  firstDataRow: number,
): void {
  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = widthOf(column.key);
    const numFmt =
      column.type === "money" ? amountFormat(unit) : column.type === "percent" ? PERCENT_FORMAT : "";
    sheetColumn.eachCell((cell, rowNumber) => {
      if (rowNumber < firstDataRow) return;
      cell.alignment = { wrapText: true, vertical: "top" };
      if (numFmt) cell.numFmt = numFmt;
    });
  });
}

/**
 * Under the table: "Керівник Програми"; the position across the table's width; then the signature
 * line over the left half and the name, right-aligned, over the right half.
 */
function addSignature(sheet: ExcelJS.Worksheet, input: ReportInput, widths: number[]): void {
  const head = programmeHead(input.programme);
  const last = Math.max(widths.length, 2);
  const half = Math.ceil(last / 2);
  sheet.addRow([]);
  sheet.addRow([SIGNATURE_HEADING]).font = { bold: true };
  mergedText(sheet, sheet.addRow([head.position || "(посада)"]), 1, last, widths);
  const line = sheet.addRow([]);
  line.getCell(1).value = "____________ (підпис)";
  line.getCell(half + 1).value = head.name || "(ім'я та ПРІЗВИЩЕ)";
  line.getCell(half + 1).alignment = { horizontal: "right" };
  mergedText(sheet, line, 1, half, widths);
  mergedText(sheet, line, half + 1, last, widths);
}

/** A form on a sheet of its own, header frozen and repeated on printed pages. */
export function addFormSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  table: FormTable,
  input: ReportInput,
  title: string,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = table.columns.map((column) => widthOf(column.key));
  const headerRow = addTitleBlock(sheet, input, title, widths);
  const { unit } = input.programme;
  addHeader(sheet, table, unit);
  addFormRows(sheet, table, unit);
  formatColumns(sheet, table, unit, headerRow + 2);
  addSignature(sheet, input, widths);
  sheet.views = [{ state: "frozen", ySplit: headerRow + 1 }];
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow + 1}`;
  return sheet;
}

/** Machine columns: the form, the row kind and ref, the source code, then every form column by key. */
function rawColumns(tables: FormTable[]): string[] {
  const keys = new Set<string>();
  for (const table of tables) {
    for (const column of table.columns)
      keys.add(column.type === "money" ? `${column.key}_kopecks` : column.key);
  }
  return ["form", "row_kind", "ref", "source_code", ...keys];
}

function rawRow(table: FormTable, row: FormRow): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {
    form: table.title,
    row_kind: row.kind,
    ref: row.ref,
    source_code: sourceCode(row.cells.source ?? null),
  };
  for (const column of table.columns) {
    const key = column.type === "money" ? `${column.key}_kopecks` : column.key;
    out[key] = row.cells[column.key] ?? null;
  }
  return out;
}

/** Every form row with money as integer kopecks and stable column keys in row 1. */
export function addRawSheet(workbook: ExcelJS.Workbook, tables: FormTable[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(RAW_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = rawColumns(tables).map((key) => ({
    key,
    header: key,
    width: Math.max(12, key.length + 4),
  }));
  sheet.getColumn("form").width = 40;
  sheet.getRow(1).font = { bold: true };
  for (const table of tables) for (const row of table.rows) sheet.addRow(rawRow(table, row));
  for (const column of sheet.columns) {
    if (column.key?.endsWith("_kopecks")) column.numFmt = "0";
  }
  return sheet;
}

async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "infoprog";
  return workbook;
}

export async function progressReportXlsx(input: ReportInput): Promise<Uint8Array> {
  const table = progressReport(input.programme, input.reports, input.year);
  const workbook = newWorkbook();
  addFormSheet(workbook, REPORT_SHEETS.progress, table, input, table.title);
  addRawSheet(workbook, [table]);
  return writeWorkbook(workbook);
}

export async function resultsReportXlsx(input: ReportInput): Promise<Uint8Array> {
  const report = resultsReport(input.programme, input.reports, input.year);
  const workbook = newWorkbook();
  const { indicators, funding } = report;
  addFormSheet(workbook, REPORT_SHEETS.indicators, indicators, input, `${report.title}. ${indicators.title}`);
  addFormSheet(workbook, REPORT_SHEETS.funding, funding, input, `${report.title}. ${funding.title}`);
  addRawSheet(workbook, [indicators, funding]);
  return writeWorkbook(workbook);
}
