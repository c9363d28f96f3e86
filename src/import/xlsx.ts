/** Reads infoprog's XLSX template (see docs/template.md) back into a programme, losslessly. */
import ExcelJS from "exceljs";
import type { ImportResult } from "../domain/model.js";
import { PASSPORT_RECORD, SHEET, SHEET_COLUMNS } from "../template/layout.js";
import { type SourceRecord, unflattenProgramme } from "../template/read.js";
import {
  type CellValue,
  columnLetter,
  type RecordKind,
  TARGET_PREFIX,
  YEAR_PREFIX,
} from "../template/records.js";
import { NotAProgrammeError } from "./blocks.js";
import { unzipSafely } from "./docx.js";
import { checkDeadline } from "./limits.js";

const NOT_XLSX = "Файл не є таблицею XLSX (пошкоджений або іншого формату).";

type MachineSheet = keyof typeof SHEET_COLUMNS;

const SHEET_RECORD: Record<Exclude<MachineSheet, "passport">, RecordKind> = {
  meta: "meta",
  sections: "section",
  directions: "direction",
  items: "item",
  totals: "declared-total",
  indicators: "indicator",
};

/** Columns a sheet cannot do without. */
const REQUIRED: Partial<Record<MachineSheet, string[]>> = {
  meta: ["key", "value"],
  passport: ["record"],
  items: ["direction_number", "title"],
  indicators: ["name"],
};

/** Plain value of a cell, whatever Excel stored: rich text, formula results and links read as text. */
function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "так" : "ні";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("result" in value) return plainValue((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return null;
}

/** Header text → column key: our Ukrainian headers, year columns, or the machine keys themselves. */
function columnKey(sheet: MachineSheet, header: string): string | null {
  const known = SHEET_COLUMNS[sheet].find((column) => column.header === header || column.key === header);
  if (known) return known.key;
  const year = /^(\d{4})(?:,\s*коп\.?)?$/.exec(header);
  if (year && sheet !== "indicators") return `${YEAR_PREFIX}${year[1]}`;
  const target = /^(?:Ціль\s*)?(\d{4})$/.exec(header);
  if (target && sheet === "indicators") return `${TARGET_PREFIX}${target[1]}`;
  return /^[yt]\d{4}$/.test(header) ? header : null;
}

function headerKeys(sheet: MachineSheet, worksheet: ExcelJS.Worksheet): Map<number, string> {
  const keys = new Map<number, string>();
  worksheet.getRow(1).eachCell((cell, column) => {
    const key = columnKey(sheet, String(plainValue(cell.value) ?? "").trim());
    if (key) keys.set(column, key);
  });
  const present = new Set(keys.values());
  for (const key of REQUIRED[sheet] ?? []) {
    if (!present.has(key)) {
      const header = SHEET_COLUMNS[sheet].find((column) => column.key === key)?.header ?? key;
      throw new NotAProgrammeError(
        `Це не шаблон infoprog: на аркуші «${worksheet.name}» немає стовпця «${header}».`,
      );
    }
  }
  return keys;
}

function recordKind(sheet: MachineSheet, values: Record<string, CellValue>): RecordKind | null {
  if (sheet !== "passport") return SHEET_RECORD[sheet];
  return (
    PASSPORT_RECORD[
      String(values.record ?? "")
        .trim()
        .toLowerCase()
    ] ?? null
  );
}

function sheetRecords(sheet: MachineSheet, worksheet: ExcelJS.Worksheet): SourceRecord[] {
  const keys = headerKeys(sheet, worksheet);
  const letters = new Map([...keys].map(([column, key]) => [key, columnLetter(column - 1)]));
  const records: SourceRecord[] = [];
  worksheet.eachRow((row, line) => {
    if (line === 1) return;
    checkDeadline();
    const values: Record<string, CellValue> = {};
    for (const [column, key] of keys) values[key] = plainValue(row.getCell(column).value);
    const record = recordKind(sheet, values);
    if (!record || Object.values(values).every((value) => value === null || value === "")) return;
    const address = (key: string): string => `${worksheet.name}!${letters.get(key) ?? "?"}${line}`;
    records.push({ record, values, line, address });
  });
  return records;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  // Inflate once under our caps first: exceljs itself would inflate a zip bomb without limit.
  unzipSafely(bytes, () => true);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new NotAProgrammeError(NOT_XLSX);
  }
  return workbook;
}

export async function readXlsxProgramme(bytes: Uint8Array): Promise<ImportResult> {
  const workbook = await loadWorkbook(bytes);
  const records: SourceRecord[] = [];
  for (const sheet of Object.keys(SHEET_COLUMNS) as MachineSheet[]) {
    const worksheet = workbook.getWorksheet(SHEET[sheet]);
    if (worksheet) records.push(...sheetRecords(sheet, worksheet));
    else if (sheet === "meta" || sheet === "items") {
      throw new NotAProgrammeError(`Це не шаблон infoprog: немає аркуша «${SHEET[sheet]}».`);
    }
  }
  return unflattenProgramme(records);
}
