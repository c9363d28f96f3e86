/**
 * The programme head's two annual reports as XLSX: per form, a sheet for people (title block, the
 * form's columns in its order, numeric cells in thousand UAH computed exactly from kopecks, frozen
 * header, landscape A4 print setup) and one sheet "Дані (коп.)" with every row in raw kopecks.
 */
import ExcelJS from "exceljs";
import {
  type FormRow,
  type FormTable,
  progressReport,
  resultsReport,
} from "../../domain/monitoring/forms.js";
import { cellValue, columnHeader, PERCENT_FORMAT, sourceCode, THOUSAND_FORMAT } from "./cells.js";
import { programmeHead, type ReportInput, SIGNATURE_HEADING, titleBlock } from "./input.js";

export const RAW_SHEET = "Дані (коп.)";
export const REPORT_SHEETS = {
  progress: "Хід виконання",
  indicators: "Індикатори",
  funding: "Фінансування",
} as const;

/** Column widths in characters, per form column key. */
const WIDTHS: Record<string, number> = {
  number: 8,
  title: 48,
  executor: 32,
  deadline: 14,
  source: 22,
  planned: 15,
  actual: 15,
  state: 16,
  progress: 11,
  results: 44,
  direction: 24,
  name: 48,
  unit: 12,
  baseline: 12,
  target: 12,
  status: 16,
  share: 11,
};

const STRONG_ROWS = new Set<FormRow["kind"]>(["direction", "total"]);

/** Title block rows: the report title, then "label | value"; returns the next free row number. */
function addTitleBlock(sheet: ExcelJS.Worksheet, input: ReportInput, title: string): number {
  sheet.addRow([title]).font = { bold: true, size: 13 };
  for (const line of titleBlock(input)) {
    const row = sheet.addRow([line.label, line.value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  return sheet.rowCount + 1;
}

function addHeader(sheet: ExcelJS.Worksheet, table: FormTable): void {
  const header = sheet.addRow(table.columns.map(columnHeader));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  const numbers = sheet.addRow(table.columns.map((_, index) => index + 1));
  numbers.alignment = { horizontal: "center" };
}

function addFormRows(sheet: ExcelJS.Worksheet, table: FormTable): void {
  for (const formRow of table.rows) {
    const row = sheet.addRow(table.columns.map((c) => cellValue(c, formRow.cells[c.key] ?? null)));
    if (STRONG_ROWS.has(formRow.kind)) row.font = { bold: true };
  }
}

function formatColumns(sheet: ExcelJS.Worksheet, table: FormTable, firstDataRow: number): void {
  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = WIDTHS[column.key] ?? 14;
    const numFmt =
      column.type === "money" ? THOUSAND_FORMAT : column.type === "percent" ? PERCENT_FORMAT : "";
    sheetColumn.eachCell((cell, rowNumber) => {
      if (rowNumber < firstDataRow) return;
      cell.alignment = { wrapText: true, vertical: "top" };
      if (numFmt) cell.numFmt = numFmt;
    });
  });
}

/** Under the table: "Керівник Програми", then position, signature line and name in one row. */
function addSignature(sheet: ExcelJS.Worksheet, input: ReportInput, width: number): void {
  const head = programmeHead(input.programme);
  sheet.addRow([]);
  sheet.addRow([SIGNATURE_HEADING]).font = { bold: true };
  const cells: (string | null)[] = Array(Math.max(width, 4)).fill(null);
  cells[1] = head.position || "(посада)";
  cells[cells.length - 2] = "____________ (підпис)";
  cells[cells.length - 1] = head.name || "(ім'я та ПРІЗВИЩЕ)";
  sheet.addRow(cells);
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
  const headerRow = addTitleBlock(sheet, input, title);
  addHeader(sheet, table);
  addFormRows(sheet, table);
  formatColumns(sheet, table, headerRow + 2);
  addSignature(sheet, input, table.columns.length);
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
  sheet.columns = rawColumns(tables).map((key) => ({ key, header: key, width: key.length + 6 }));
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
