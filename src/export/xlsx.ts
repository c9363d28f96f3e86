/**
 * XLSX export: infoprog's template (machine-readable sheets with exact kopecks, read back by
 * src/import/xlsx.ts) plus "Додаток 1", the task table laid out like the official annex for people.
 */
import ExcelJS from "exceljs";
import type { Programme } from "../domain/model.js";
import type { MoneyUnit } from "../domain/money.js";
import {
  expandColumns,
  META_DESCRIPTIONS,
  PASSPORT_AMOUNT_IN_UNIT,
  SHEET,
  SHEET_COLUMNS,
  type SheetColumn,
} from "../template/layout.js";
import {
  type CellValue,
  type FlatRecord,
  flattenProgramme,
  type RecordKind,
  YEAR_PREFIX,
} from "../template/records.js";
import { amountFormat, amountNumber, passportUnit } from "./amounts.js";
import { ANNEX_HEADERS, type AnnexLine, amountsHeader, annexRows, annexYears } from "./annex.js";

const KOPECK_KEYS = new Set(["total", "amount"]);

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: SheetColumn[],
  rows: Record<string, CellValue>[],
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    key: column.key,
    header: column.header,
    width: column.width ?? 12,
  }));
  sheet.getRow(1).font = { bold: true };
  for (const values of rows) {
    const cells: Record<string, CellValue> = {};
    for (const [key, value] of Object.entries(values)) cells[key] = value === "" ? null : value;
    sheet.addRow(cells);
  }
  for (const column of columns) {
    const isKopecks = KOPECK_KEYS.has(column.key) || column.key.startsWith(YEAR_PREFIX);
    if (isKopecks) sheet.getColumn(column.key).numFmt = "0";
  }
  return sheet;
}

/** Завдання: one row per funding row, the item's cells repeated; an item without funding keeps one row. */
function itemRows(records: FlatRecord[]): Record<string, CellValue>[] {
  const rows: Record<string, CellValue>[] = [];
  let item: Record<string, CellValue> | null = null;
  let itemHasFunding = false;
  const flush = (): void => {
    if (item && !itemHasFunding) rows.push(item);
  };
  for (const record of records) {
    if (record.record === "item") {
      flush();
      item = record.values;
      itemHasFunding = false;
    } else if (record.record === "funding" && item) {
      rows.push({ ...item, ...record.values });
      itemHasFunding = true;
    }
  }
  flush();
  return rows;
}

function passportRows(records: FlatRecord[], unit: MoneyUnit): Record<string, CellValue>[] {
  return records.flatMap((record) => {
    if (record.record === "passport") return [{ record: "поле", ...record.values }];
    if (record.record !== "passport-funding") return [];
    const amount = record.values.amount;
    const inUnit = typeof amount === "number" ? amountNumber(amount, unit) : null;
    return [{ record: "фінансування", ...record.values, [PASSPORT_AMOUNT_IN_UNIT]: inUnit }];
  });
}

/** The unit passport field 10 states its amounts in: the one its label or text names, else the programme's. */
function passportFundingUnit(programme: Programme): MoneyUnit {
  const field = programme.passport.fields.find((each) => each.number === 10);
  return passportUnit(programme, field ? `${field.label} ${field.value}` : "");
}

function addMachineSheets(workbook: ExcelJS.Workbook, programme: Programme): void {
  const records = flattenProgramme(programme);
  const values = (kind: RecordKind) =>
    records.filter((record) => record.record === kind).map((each) => each.values);
  const passportAmounts = passportFundingUnit(programme);
  const columns = (key: keyof typeof SHEET_COLUMNS) =>
    expandColumns(SHEET_COLUMNS[key], programme, passportAmounts);
  const meta = values("meta").map((row) => ({
    ...row,
    description: META_DESCRIPTIONS[String(row.key)] ?? "",
  }));
  addTable(workbook, SHEET.meta, columns("meta"), meta);
  const passport = addTable(
    workbook,
    SHEET.passport,
    columns("passport"),
    passportRows(records, passportAmounts),
  );
  passport.getColumn(PASSPORT_AMOUNT_IN_UNIT).numFmt = amountFormat(passportAmounts);
  addTable(workbook, SHEET.sections, columns("sections"), values("section"));
  addTable(workbook, SHEET.directions, columns("directions"), values("direction"));
  addTable(workbook, SHEET.items, columns("items"), itemRows(records));
  addTable(workbook, SHEET.totals, columns("totals"), values("declared-total"));
  addTable(workbook, SHEET.indicators, columns("indicators"), values("indicator"));
  if (programme.monitoring) addTable(workbook, SHEET.variables, columns("variables"), values("variable"));
}

function annexLineCells(line: AnnexLine, unit: MoneyUnit): (string | number | null)[] {
  const allEmpty = line.amounts.every((amount) => amount === null);
  const amounts = line.amounts.map((amount): string | number | null =>
    amount === null ? null : amountNumber(amount, unit),
  );
  if (line.note && allEmpty) amounts[0] = line.note;
  const executors = line.executors.join("\n");
  return [line.task, line.project, executors, line.deadline, line.source, ...amounts, line.result];
}

/** The annex for people: two header rows, a column-number row, headings merged across the table. */
function addAnnexSheet(workbook: ExcelJS.Workbook, programme: Programme): void {
  const years = annexYears(programme);
  const sheet = workbook.addWorksheet(SHEET.annex, {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = 7 + years.length;
  const h = ANNEX_HEADERS;
  sheet.addRow([
    h.task,
    h.project,
    h.executors,
    h.deadline,
    h.source,
    amountsHeader(programme.unit),
    ...years.map(() => ""),
    h.result,
  ]);
  sheet.addRow(["", "", "", "", "", h.total, ...years, ""]);
  sheet.addRow(Array.from({ length: width }, (_, index) => index + 1));
  for (const column of [1, 2, 3, 4, 5, width]) sheet.mergeCells(1, column, 2, column);
  sheet.mergeCells(1, 6, 1, 6 + years.length);
  for (const row of annexRows(programme)) {
    if (row.kind === "direction") {
      const added = sheet.addRow([row.text]);
      sheet.mergeCells(added.number, 1, added.number, width);
      added.font = { bold: true };
    } else {
      const added = sheet.addRow(annexLineCells(row, programme.unit));
      if (row.strong) added.font = { bold: true };
    }
  }
  [30, 40, 28, 14, 24, 14, ...years.map(() => 12), 40].forEach((columnWidth, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = columnWidth;
    column.alignment = { wrapText: true, vertical: "top" };
  });
  // Number format codes are locale-neutral: "#,##0.0" shows as "1 234,5" in Ukrainian Excel.
  const format = amountFormat(programme.unit);
  for (let column = 6; column <= 6 + years.length; column++) sheet.getColumn(column).numFmt = format;
  for (const index of [1, 2, 3]) sheet.getRow(index).font = { bold: true };
}

export async function exportXlsx(programme: Programme): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "infoprog";
  addMachineSheets(workbook, programme);
  addAnnexSheet(workbook, programme);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
