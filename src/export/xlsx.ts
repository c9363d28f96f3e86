/**
 * XLSX export: infoprog's template (machine-readable sheets with exact kopecks, read back by
 * src/import/xlsx.ts) plus "Додаток 1", the task table laid out like the official annex for people.
 */
import ExcelJS from "exceljs";
import type { Programme } from "../domain/model.js";
import { kopecksToDecimal } from "../domain/money.js";
import { ANNEX_HEADERS, type AnnexLine, annexRows, annexYears } from "./annex.js";
import {
  amountYears,
  type CellValue,
  type FlatRecord,
  flattenProgramme,
  type RecordKind,
  TARGET_PREFIX,
  targetYears,
  YEAR_PREFIX,
} from "./template.js";

export interface SheetColumn {
  key: string;
  header: string;
  width?: number;
}

/** Stand-ins in a column list for the per-year columns. */
const YEARS = "*years";
const TARGETS = "*targets";

export const SHEET = {
  meta: "Метадані",
  passport: "Паспорт",
  sections: "Розділи",
  directions: "Напрями",
  items: "Завдання",
  totals: "Підсумки",
  indicators: "Показники",
  annex: "Додаток 1",
} as const;

/** Values of the Паспорт sheet's "Запис" column. */
export const PASSPORT_RECORD: Record<string, RecordKind> = {
  поле: "passport",
  фінансування: "passport-funding",
};

const FUNDING_COLUMNS: SheetColumn[] = [
  { key: "source", header: "Джерело (код)", width: 14 },
  { key: "source_label", header: "Джерело (як у документі)", width: 30 },
  { key: "total", header: "Всього, коп.", width: 16 },
  { key: YEARS, header: "" },
  { key: "total_printed", header: "Всього надруковано", width: 10 },
  { key: "note", header: "Примітка", width: 24 },
];

export const SHEET_COLUMNS: Record<Exclude<keyof typeof SHEET, "annex">, SheetColumn[]> = {
  meta: [
    { key: "key", header: "Ключ", width: 14 },
    { key: "value", header: "Значення", width: 60 },
    { key: "description", header: "Опис", width: 50 },
  ],
  passport: [
    { key: "record", header: "Запис", width: 14 },
    { key: "number", header: "№ поля", width: 8 },
    { key: "label", header: "Поле", width: 40 },
    { key: "value", header: "Значення", width: 60 },
    { key: "source", header: "Джерело (код)", width: 14 },
    { key: "year", header: "Рік", width: 8 },
    { key: "amount", header: "Сума, коп.", width: 16 },
    { key: "thousand", header: "Сума, тис. грн", width: 14 },
    { key: "line", header: "Рядок", width: 8 },
  ],
  sections: [
    { key: "key", header: "Ключ", width: 12 },
    { key: "title", header: "Заголовок", width: 40 },
    { key: "text", header: "Текст", width: 100 },
    { key: "line", header: "Рядок", width: 8 },
  ],
  directions: [
    { key: "direction", header: "№ п/п", width: 8 },
    { key: "number", header: "Номер", width: 8 },
    { key: "title", header: "Назва напряму", width: 60 },
    { key: "line", header: "Рядок", width: 8 },
  ],
  items: [
    { key: "direction", header: "Напрям, № п/п", width: 8 },
    { key: "direction_number", header: "Номер напряму", width: 8 },
    { key: "direction_title", header: "Назва напряму", width: 30 },
    { key: "id", header: "Ід завдання", width: 12 },
    { key: "parent", header: "Ід батьківського", width: 12 },
    { key: "depth", header: "Рівень", width: 7 },
    { key: "number", header: "Номер", width: 8 },
    { key: "title", header: "Назва завдання / проєкту", width: 50 },
    { key: "executors", header: "Виконавці", width: 30 },
    { key: "deadline_text", header: "Строк виконання", width: 16 },
    { key: "deadline", header: "Строк (код)", width: 16 },
    ...FUNDING_COLUMNS.slice(0, 4),
    { key: "total_printed", header: "Всього надруковано", width: 10 },
    { key: "note", header: "Примітка", width: 24 },
    { key: "expected_result", header: "Очікуваний результат", width: 40 },
    { key: "item_line", header: "Рядок завдання", width: 8 },
    { key: "line", header: "Рядок фінансування", width: 8 },
  ],
  totals: [
    { key: "direction", header: "Напрям, № п/п", width: 8 },
    { key: "direction_number", header: "Номер напряму", width: 8 },
    ...FUNDING_COLUMNS,
    { key: "line", header: "Рядок", width: 8 },
  ],
  indicators: [
    { key: "number", header: "Номер", width: 8 },
    { key: "indicator_direction", header: "Напрям", width: 30 },
    { key: "name", header: "Показник", width: 50 },
    { key: "unit", header: "Одиниця виміру", width: 12 },
    { key: "formula", header: "Формула", width: 20 },
    { key: "baseline", header: "Базове значення", width: 12 },
    { key: TARGETS, header: "" },
    { key: "target_years", header: "Роки цілей", width: 16 },
    { key: "dynamics", header: "Динаміка", width: 20 },
    { key: "line", header: "Рядок", width: 8 },
  ],
};

export const yearHeader = (year: string): string => `${year}, коп.`;
export const targetHeader = (year: string): string => `Ціль ${year}`;

/** The sheet's columns with the per-year stand-ins expanded for this programme. */
function expandColumns(columns: SheetColumn[], programme: Programme): SheetColumn[] {
  return columns.flatMap((column) => {
    if (column.key === YEARS) {
      return amountYears(programme).map((year) => ({
        key: `${YEAR_PREFIX}${year}`,
        header: yearHeader(year),
        width: 14,
      }));
    }
    if (column.key === TARGETS) {
      return targetYears(programme).map((year) => ({
        key: `${TARGET_PREFIX}${year}`,
        header: targetHeader(year),
        width: 10,
      }));
    }
    return [column];
  });
}

const META_DESCRIPTIONS: Record<string, string> = {
  template: "версія шаблону infoprog",
  title: "назва програми",
  community: "назва територіальної громади",
  katottg: "код КАТОТТГ громади",
  period_from: "перший рік дії програми",
  period_to: "останній рік дії програми",
  unit: "одиниця сум у документі: thousand (тис. грн) або uah (грн)",
};

const KOPECK_KEYS = new Set(["total", "amount"]);
const THOUSAND_FORMAT = "#,##0.0####";

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

function passportRows(records: FlatRecord[]): Record<string, CellValue>[] {
  return records.flatMap((record) => {
    if (record.record === "passport") return [{ record: "поле", ...record.values }];
    if (record.record !== "passport-funding") return [];
    const amount = record.values.amount;
    const thousand = typeof amount === "number" ? Number(kopecksToDecimal(amount, "thousand")) : null;
    return [{ record: "фінансування", ...record.values, thousand }];
  });
}

function addMachineSheets(workbook: ExcelJS.Workbook, programme: Programme): void {
  const records = flattenProgramme(programme);
  const values = (kind: RecordKind) =>
    records.filter((record) => record.record === kind).map((each) => each.values);
  const columns = (key: keyof typeof SHEET_COLUMNS) => expandColumns(SHEET_COLUMNS[key], programme);
  const meta = values("meta").map((row) => ({
    ...row,
    description: META_DESCRIPTIONS[String(row.key)] ?? "",
  }));
  addTable(workbook, SHEET.meta, columns("meta"), meta);
  const passport = addTable(workbook, SHEET.passport, columns("passport"), passportRows(records));
  passport.getColumn("thousand").numFmt = THOUSAND_FORMAT;
  addTable(workbook, SHEET.sections, columns("sections"), values("section"));
  addTable(workbook, SHEET.directions, columns("directions"), values("direction"));
  addTable(workbook, SHEET.items, columns("items"), itemRows(records));
  addTable(workbook, SHEET.totals, columns("totals"), values("declared-total"));
  addTable(workbook, SHEET.indicators, columns("indicators"), values("indicator"));
}

function annexLineCells(line: AnnexLine): (string | number | null)[] {
  const allEmpty = line.amounts.every((amount) => amount === null);
  const amounts = line.amounts.map((amount): string | number | null =>
    amount === null ? null : Number(kopecksToDecimal(amount, "thousand")),
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
    h.amounts,
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
      const added = sheet.addRow(annexLineCells(row));
      if (row.strong) added.font = { bold: true };
    }
  }
  [30, 40, 28, 14, 24, 14, ...years.map(() => 12), 40].forEach((columnWidth, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = columnWidth;
    column.alignment = { wrapText: true, vertical: "top" };
  });
  // Number format codes are locale-neutral: "#,##0.0" shows as "1 234,5" in Ukrainian Excel.
  for (let column = 6; column <= 6 + years.length; column++) sheet.getColumn(column).numFmt = THOUSAND_FORMAT;
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
