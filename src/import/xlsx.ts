/**
 * Reads infoprog's XLSX template (see docs/template.md) back into a programme, losslessly.
 *
 * The sheets are streamed (exceljs's WorkbookReader) row by row, counting rows and cells against the
 * import limits, and never built into a workbook: a workbook of a million small rows took gigabytes
 * before any limit could be checked. The archive is first inflated under the zip caps, then laid out
 * again, uncompressed, in the order the streaming reader needs (relationships, workbook, shared
 * strings and styles before the sheets); in Excel's own order it would spool every sheet to a
 * temporary file first.
 */
import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { zipSync } from "fflate";
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
import { type Block, NotAProgrammeError } from "./blocks.js";
import { checkRow, checkRowWidth, checkSheetRows } from "./limits.js";
import { type SheetGrid, sheetBlocks } from "./sheet-blocks.js";
import { shownText } from "./sheet-values.js";
import { unzipSafely } from "./zip.js";

const NOT_XLSX = "Файл не є таблицею XLSX (пошкоджений або іншого формату).";

type MachineSheet = keyof typeof SHEET_COLUMNS;

const SHEET_RECORD: Record<Exclude<MachineSheet, "passport">, RecordKind> = {
  meta: "meta",
  sections: "section",
  directions: "direction",
  items: "item",
  totals: "declared-total",
  indicators: "indicator",
  variables: "variable",
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
  const year = /^(\d{4}(?:-\d{4})?)(?:,\s*коп\.?)?$/.exec(header);
  if (year && sheet !== "indicators" && sheet !== "variables") return `${YEAR_PREFIX}${year[1]}`;
  const target = /^(?:Ціль\s*)?(\d{4})$/.exec(header);
  if (target && (sheet === "indicators" || sheet === "variables")) return `${TARGET_PREFIX}${target[1]}`;
  return /^[yt]\d{4}$/.test(header) || /^y\d{4}-\d{4}$/.test(header) ? header : null;
}

function headerKeys(sheet: MachineSheet, name: string, header: ExcelJS.Row | undefined): Map<number, string> {
  const keys = new Map<number, string>();
  header?.eachCell((cell, column) => {
    const key = columnKey(sheet, String(plainValue(cell.value) ?? "").trim());
    if (key) keys.set(column, key);
  });
  const present = new Set(keys.values());
  for (const key of REQUIRED[sheet] ?? []) {
    if (!present.has(key)) {
      const label = SHEET_COLUMNS[sheet].find((column) => column.key === key)?.header ?? key;
      throw new NotAProgrammeError(`Це не шаблон infoprog: на аркуші «${name}» немає стовпця «${label}».`);
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

/** The records of one machine sheet, built row by row as the rows stream past. */
class SheetRecords {
  readonly records: SourceRecord[] = [];
  private keys?: Map<number, string>;
  private letters = new Map<string, string>();

  constructor(
    private readonly sheet: MachineSheet,
    private readonly name: string,
  ) {}

  add(row: ExcelJS.Row): void {
    if (!this.keys) {
      this.keys = headerKeys(this.sheet, this.name, row.number === 1 ? row : undefined);
      this.letters = new Map([...this.keys].map(([column, key]) => [key, columnLetter(column - 1)]));
      if (row.number === 1) return;
    }
    const values: Record<string, CellValue> = {};
    for (const [column, key] of this.keys) values[key] = plainValue(row.getCell(column).value);
    const record = recordKind(this.sheet, values);
    if (!record || Object.values(values).every((value) => value === null || value === "")) return;
    const address = (key: string): string => `${this.name}!${this.letters.get(key) ?? "?"}${row.number}`;
    this.records.push({ record, values, line: row.number, address });
  }

  /** A sheet without rows still needs its header columns. */
  finish(): SourceRecord[] {
    if (!this.keys) headerKeys(this.sheet, this.name, undefined);
    return this.records;
  }
}

/** The parts the streaming reader must meet before the sheets, in this order; the rest after. */
const READ_FIRST = [
  "[Content_Types].xml",
  "_rels/.rels",
  "xl/_rels/workbook.xml.rels",
  "xl/workbook.xml",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
];

/** The archive's parts, inflated under the zip caps: exceljs itself would inflate a zip bomb without limit. */
function inflatedParts(bytes: Uint8Array): Map<string, Uint8Array> {
  return unzipSafely(bytes, (name) => !name.endsWith("/"));
}

/** The parts stored again, uncompressed, in streaming order. */
function streamingArchive(entries: Map<string, Uint8Array>): Uint8Array {
  const rank = (name: string) => {
    const index = READ_FIRST.indexOf(name);
    return index < 0 ? READ_FIRST.length : index;
  };
  const ordered = [...entries]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, data]): [string, Uint8Array] => [name, /\.(xml|rels)$/.test(name) ? asciiXml(data) : data]);
  return zipSync(Object.fromEntries(ordered), { level: 0 });
}

/**
 * The XML part with every non-ASCII character written as a character reference. exceljs's
 * streaming parser decodes each chunk of an entry on its own, so a letter whose UTF-8 bytes fall
 * across two chunks came out as two U+FFFD; ASCII has no such boundary.
 */
function asciiXml(data: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(data);
  if (!/[^\p{ASCII}]/u.test(text)) return data;
  return new TextEncoder().encode(text.replace(/[^\p{ASCII}]/gu, (char) => `&#${char.codePointAt(0)};`));
}

const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3}\d{1,7}:[A-Z]{1,3}\d{1,7})"/g;

/** The sheet's merged ranges: exceljs's streaming reader skips them. */
function mergedRanges(sheetXml: Uint8Array | undefined): string[] {
  if (!sheetXml) return [];
  const buffer = Buffer.from(sheetXml.buffer, sheetXml.byteOffset, sheetXml.byteLength);
  const start = buffer.indexOf("mergeCells");
  if (start < 0) return [];
  const text = buffer.subarray(start).toString("utf8");
  return [...text.matchAll(MERGE_CELL)].map((match) => match[1] ?? "");
}

/** In pieces, so the zip reader pulls no more than the sheet parser has taken. */
function* chunks(bytes: Uint8Array, size = 64 * 1024): Generator<Buffer> {
  for (let start = 0; start < bytes.byteLength; start += size) {
    yield Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(size, bytes.byteLength - start));
  }
}

/** The texts of a row's cells, for the row and cell limits. */
function cellTexts(row: ExcelJS.Row): string[] {
  const texts: string[] = [];
  row.eachCell((cell) => {
    texts.push(String(plainValue(cell.value) ?? ""));
  });
  return texts;
}

export interface SheetVisitor {
  /** A worksheet begins (its name from the workbook), with its merged ranges («A5:A8»). */
  sheet(name: string, merges: string[]): void;
  row(name: string, row: ExcelJS.Row): void;
}

/**
 * Streams every row of every worksheet to `visit`, refusing the workbook as soon as it passes the
 * row, cell or time limits (`NotAProgrammeError`); rows after that are never read.
 */
export async function streamXlsxRows(bytes: Uint8Array, visit: SheetVisitor): Promise<void> {
  // exceljs takes ~0.3 s to load: only a spreadsheet import pays for it (the CLI's start-up, issue 13).
  const { default: excel } = await import("exceljs");
  const parts = inflatedParts(bytes);
  const input = Readable.from(chunks(streamingArchive(parts)));
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  let rows = 0;
  try {
    for await (const worksheet of reader) {
      const { name = "", id } = worksheet as unknown as { name?: string; id?: string };
      visit.sheet(name, mergedRanges(parts.get(`xl/worksheets/sheet${id}.xml`)));
      for await (const row of worksheet) {
        checkSheetRows(++rows);
        checkRow(cellTexts(row));
        visit.row(name, row);
      }
    }
  } catch (error) {
    if (error instanceof NotAProgrammeError) throw error;
    throw new NotAProgrammeError(NOT_XLSX);
  } finally {
    input.destroy();
  }
}

const SHEET_BY_NAME = new Map(
  (Object.keys(SHEET_COLUMNS) as MachineSheet[]).map((sheet) => [SHEET[sheet] as string, sheet]),
);

/** A workbook read: infoprog's template as its programme, or a council's own sheets as blocks. */
export type WorkbookRead = { kind: "template"; result: ImportResult } | { kind: "sheets"; blocks: Block[] };

/**
 * Reads a workbook. One with the template's sheets is read as the template, losslessly; any other as
 * its sheets' rows and cells, for the layout rules that read every other format.
 */
export async function readXlsx(bytes: Uint8Array): Promise<WorkbookRead> {
  const sheets = new Map<MachineSheet, SheetRecords>();
  const grids: SheetGrid[] = [];
  await streamXlsxRows(bytes, {
    sheet: (name, merges) => {
      grids.push({ rows: new Map(), merges });
      const sheet = SHEET_BY_NAME.get(name);
      if (sheet && !sheets.has(sheet)) sheets.set(sheet, new SheetRecords(sheet, name));
    },
    row: (name, row) => {
      const sheet = SHEET_BY_NAME.get(name);
      if (sheet) sheets.get(sheet)?.add(row);
      else grids.at(-1)?.rows.set(row.number, rowTexts(row));
    },
  });
  if (!sheets.has("meta") && !sheets.has("items")) return { kind: "sheets", blocks: workbookBlocks(grids) };
  return { kind: "template", result: templateProgramme(sheets) };
}

/** Reads infoprog's template; any other workbook is refused with the sheet it lacks. */
export async function readXlsxProgramme(bytes: Uint8Array): Promise<ImportResult> {
  const read = await readXlsx(bytes);
  if (read.kind === "template") return read.result;
  throw new NotAProgrammeError(`Це не шаблон infoprog: немає аркуша «${SHEET.meta}».`);
}

function templateProgramme(sheets: Map<MachineSheet, SheetRecords>): ImportResult {
  const records: SourceRecord[] = [];
  for (const sheet of Object.keys(SHEET_COLUMNS) as MachineSheet[]) {
    const read = sheets.get(sheet);
    if (read) records.push(...read.finish());
    else if (sheet === "meta" || sheet === "items") {
      throw new NotAProgrammeError(`Це не шаблон infoprog: немає аркуша «${SHEET[sheet]}».`);
    }
  }
  return unflattenProgramme(records);
}

/** Every sheet's blocks in turn, the lines running on from one sheet to the next. */
function workbookBlocks(grids: SheetGrid[]): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  for (const grid of grids) {
    blocks.push(...sheetBlocks(grid, offset));
    offset += Math.max(0, ...grid.rows.keys());
  }
  if (!blocks.some((block) => block.kind === "table")) {
    throw new NotAProgrammeError("У таблиці XLSX немає ні шаблону infoprog, ні таблиць програми.");
  }
  return blocks;
}

/** A row's cell texts by column, as the sheet shows them. */
function rowTexts(row: ExcelJS.Row): string[] {
  const texts: string[] = [];
  checkRowWidth(row.cellCount);
  row.eachCell((cell, column) => {
    texts[column - 1] = shownText(cell);
  });
  return Array.from(texts, (text) => text ?? "");
}
