import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Programme, SourceKind } from "../../src/domain/model.js";
import { type MoneyUnit, parseDecimalToKopecks } from "../../src/domain/money.js";
import {
  applyCorrection,
  type ExecutorReport,
  type ReportStatus,
} from "../../src/domain/monitoring/reports.js";
import { demoProgrammeIn } from "../../src/domain/synthetic/demo.js";
import type { ReportInput } from "../../src/export/reports/input.js";
import type { Table } from "../../src/import/blocks.js";
import { readDocxBlocks, unzipSafely } from "../../src/import/docx.js";
import { importText } from "../../src/import/index.js";

export const IT = "Відділ цифрового розвитку міської ради";
export const CNAP = "Центр надання адміністративних послуг";
export const HEAD = "Заступник міського голови з питань діяльності виконавчих органів ради Олена ДЕМЕНКО";

/** Kopecks of an amount in UAH written as text, e.g. "400000,17". */
export function uah(text: string): number {
  const kopecks = parseDecimalToKopecks(text, "uah");
  if (kopecks === null) throw new Error(`bad amount ${text}`);
  return kopecks;
}

type Money = Partial<Record<SourceKind, number>>;

let sequence = 0;

function submission(
  itemId: string,
  periodKey: string,
  unit: string,
  money: Money,
  extra: Partial<ExecutorReport> = {},
): ExecutorReport {
  const submittedAt = { H1: "2026-07-03T09:00:00Z", H2: "2027-01-04T09:00:00Z", Y: "2027-01-28T09:00:00Z" }[
    periodKey.slice(5)
  ];
  return {
    id: `s${++sequence}`,
    itemId,
    periodKey,
    unit,
    status: "in-progress" as ReportStatus,
    actual: Object.entries(money).map(([source, amount]) => ({
      source: source as SourceKind,
      label: source,
      amount: amount ?? 0,
    })),
    text: "",
    attachments: [],
    indicatorActuals: [],
    submittedAt: submittedAt ?? null,
    lockedAt: null,
    ...extra,
  };
}

/** The demo programme (in `unit`) with HEAD as the programme head (passport field 7), whatever the demo names. */
export function programme(unit: MoneyUnit = "thousand"): Programme {
  const out = demoProgrammeIn(unit);
  const field = out.passport.fields.find((each) => /керівник/i.test(each.label));
  if (field) field.value = HEAD;
  else out.passport.fields.push({ number: 7, label: "Керівник Програми", value: HEAD, line: 0 });
  return out;
}

/**
 * Two units' submissions for 2026: half-years and annual reports, a correction and a draft.
 * `yearActual` is what each project spent in 2026 by the rule of the monitoring module: the annual
 * report when there is one, otherwise the sum of the half-year reports (a correction replacing the
 * report it corrects, a draft not counting).
 */
export function submissions2026(): { reports: ExecutorReport[]; yearActual: Record<string, Money> } {
  const d12 = { Y: { local: uah("1050000,67"), other: uah("450000") } };
  const d13 = { H1: { local: uah("48000") }, H2: { local: uah("47999,99") } };
  const d211 = { Y: { local: uah("64799,99") } };
  const d212 = { H1: { local: uah("140000"), other: uah("209999,95") } };
  const d22 = {
    H1: { local: uah("100000,01") },
    H1fixed: { local: uah("100000,02") },
    H2: { local: uah("150000") },
  };
  const d33 = { Y: { local: uah("45000"), other: uah("29500") } };
  const d41 = { H2: { local: uah("25000") } };
  const d22h1 = submission("d2.2", "2026-H1", CNAP, d22.H1, { progressPercent: 30 });
  const reports = [
    submission("d1.2", "2026-H1", IT, { local: uah("400000,17"), other: uah("100000") }),
    submission("d1.2", "2026-H2", IT, { local: uah("650000,50"), other: uah("350000") }),
    submission("d1.2", "2026-Y", IT, d12.Y, { progressPercent: 90, text: "Прокладено 11 км оптичної лінії" }),
    submission("d1.3", "2026-H1", IT, d13.H1, { progressPercent: 50 }),
    submission("d1.3", "2026-H2", IT, d13.H2, { status: "done", text: "Шість точок доступу працюють" }),
    submission("d2.1.1", "2026-H1", CNAP, { local: uah("32400") }),
    submission("d2.1.1", "2026-Y", CNAP, d211.Y, {
      status: "done",
      indicatorActuals: [{ indicatorIndex: 0, value: "27,5" }],
    }),
    submission("d2.1.2", "2026-H1", CNAP, d212.H1, { status: "done" }),
    d22h1,
    applyCorrection(d22h1, {
      id: "d22-fix",
      submittedAt: "2026-07-20T10:00:00Z",
      actual: actual(d22.H1fixed),
    }),
    submission("d2.2", "2026-H2", CNAP, d22.H2, { progressPercent: 60, submittedAt: "2027-01-10T09:00:00Z" }),
    submission("d3.3", "2026-Y", IT, d33.Y, { status: "done" }),
    submission("d4.1", "2026-H2", IT, d41.H2, {
      status: "done",
      indicatorActuals: [{ indicatorIndex: 1, value: "55" }],
    }),
    submission("d4.2", "2026-H2", IT, { local: uah("1000") }, { submittedAt: null }),
  ];
  const yearActual: Record<string, Money> = {
    "d1.2": d12.Y,
    "d1.3": add(d13.H1, d13.H2),
    "d2.1.1": d211.Y,
    "d2.1.2": d212.H1,
    "d2.2": add(d22.H1fixed, d22.H2),
    "d3.3": d33.Y,
    "d4.1": d41.H2,
  };
  return { reports, yearActual };
}

function actual(money: Money): ExecutorReport["actual"] {
  return Object.entries(money).map(([source, amount]) => ({
    source: source as SourceKind,
    label: source,
    amount: amount ?? 0,
  }));
}

function add(a: Money, b: Money): Money {
  const out: Money = { ...a };
  for (const [source, amount] of Object.entries(b) as [SourceKind, number][]) {
    out[source] = (out[source] ?? 0) + amount;
  }
  return out;
}

export function sumMoney(money: Money): number {
  return Object.values(money).reduce((sum: number, amount) => sum + (amount ?? 0), 0);
}

/** Sum over the projects whose id starts with `prefix` ("d2." for direction 2, "" for all). */
export function expectedActual(yearActual: Record<string, Money>, prefix = ""): number {
  return Object.entries(yearActual)
    .filter(([itemId]) => itemId.startsWith(prefix))
    .reduce((sum, [, money]) => sum + sumMoney(money), 0);
}

/** The demo's 2026 reports; the programme's document prints its amounts in `unit` (thousand UAH by default). */
export function demoInput(unit: MoneyUnit = "thousand"): {
  input: ReportInput;
  yearActual: Record<string, Money>;
} {
  const { reports, yearActual } = submissions2026();
  return { input: { programme: programme(unit), reports, year: 2026, compiledOn: "2027-02-20" }, yearActual };
}

export function realProgramme(file: string): Programme {
  const dir = path.resolve(process.cwd(), "../shared/fixtures/programs");
  return importText(readFileSync(path.join(dir, file), "utf8")).programme;
}

/** Thousand-UAH text of a DOCX cell ("1 050,00067") back to kopecks; empty cells are null. */
export function kopecksOfText(text: string): number | null {
  return text.trim() === "" ? null : parseDecimalToKopecks(text, "thousand");
}

/** Thousand-UAH number of an XLSX cell back to kopecks, exactly. */
export function kopecksOfNumber(value: ExcelJS.CellValue): number | null {
  return typeof value === "number" ? parseDecimalToKopecks(String(value), "thousand") : null;
}

export async function docxTables(bytes: Uint8Array): Promise<Table[]> {
  return (await readDocxBlocks(bytes)).filter((block): block is Table => block.kind === "table");
}

export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  return (await readDocxBlocks(bytes)).flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
}

export function documentXml(bytes: Uint8Array): string {
  const xml = unzipSafely(bytes, (name) => name === "word/document.xml").get("word/document.xml");
  return xml ? xml.toString("utf8") : "";
}

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet as arrays of cell values, index 0 = column A. */
export function sheetRows(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    rows[number - 1] = Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value);
  });
  return Array.from(rows, (row) => row ?? []);
}
