import { describe, expect, it } from "vitest";
import { resultsReportDocx } from "../../src/export/reports/docx.js";
import { RAW_SHEET, REPORT_SHEETS, resultsReportXlsx } from "../../src/export/reports/xlsx.js";
import type { Table } from "../../src/import/blocks.js";
import {
  demoInput,
  documentXml,
  docxParagraphs,
  docxTables,
  expectedActual,
  kopecksOfNumber,
  kopecksOfText,
  loadWorkbook,
  sheetRows,
  submissions2026,
  uah,
} from "./build.js";

const INDICATOR_COLUMNS = [
  "№ з/п",
  "Пріоритетний напрям",
  "Найменування індикатора",
  "Одиниця виміру",
  "Базове значення",
  "Цільове значення",
  "Фактичне значення",
  "Стан досягнення",
];
const FUNDING_COLUMNS = [
  "Джерело фінансування",
  "Заплановано, тис. грн",
  "Фактично профінансовано, тис. грн",
  "Виконано, %",
];

const { input, yearActual } = demoInput();
const actualOf = (source: "local" | "other") =>
  Object.values(submissions2026().yearActual).reduce((sum, money) => sum + (money[source] ?? 0), 0);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("results report, DOCX", async () => {
  const bytes = await resultsReportDocx(input);
  const tables = await docxTables(bytes);
  const byHeader = (first: string) => tables.find((table) => table.rows[0]?.cells[0] === first) as Table;
  const indicators = byHeader("№ з/п");
  const funding = byHeader("Джерело фінансування");

  it("has both tables with the form's columns in order", () => {
    expect(indicators.rows[0]?.cells).toEqual(INDICATOR_COLUMNS);
    expect(funding.rows[0]?.cells).toEqual(FUNDING_COLUMNS);
  });

  it("lists each indicator with its target, actual value and whether it was reached", () => {
    const rows = indicators.rows
      .slice(2)
      .map((row) => [row.cells[0], row.cells[5], row.cells[6], row.cells[7]]);
    expect(rows).toEqual([
      ["1", "25", "27,5", "досягнуто"],
      ["2", "60", "55", "не досягнуто"],
    ]);
  });

  it("planned vs actual by source; the total is the sum of the submissions, kopeck-exact", () => {
    const rows = funding.rows.slice(2).map((row) => row.cells);
    expect(rows.map((row) => row[0])).toEqual(["місцевий бюджет", "інші джерела", "Усього"]);
    const [local, other, total] = rows.map((row) => [
      kopecksOfText(row[1] ?? ""),
      kopecksOfText(row[2] ?? ""),
    ]);
    expect(local).toEqual([uah("2318900"), actualOf("local")]);
    expect(other).toEqual([uah("1060000"), uah("689499,95")]);
    expect(total).toEqual([uah("3378900"), expectedActual(yearActual)]);
    expect(plain(rows[1]?.[3] ?? "")).toBe("65,0");
  });

  it("has the title block and landscape pages", async () => {
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs[0]).toBe("Звіт про результати виконання Програми за 2026 рік");
    expect(paragraphs).toContain("Код КАТОТТГ: UA99000000000000001");
    expect(documentXml(bytes)).toContain('w:orient="landscape"');
  });
});

describe("results report, XLSX", async () => {
  const workbook = await loadWorkbook(await resultsReportXlsx(input));

  function form(name: string, first: string) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const rows = sheetRows(sheet);
    const header = rows.findIndex((row) => row[0] === first);
    const end = rows.findIndex((row) => row[0] === "Керівник Програми");
    return { sheet, header: rows[header], body: rows.slice(header + 2, end - 1), headerIndex: header };
  }

  it("indicators sheet: columns, values and frozen header", () => {
    const { sheet, header, body, headerIndex } = form(REPORT_SHEETS.indicators, "№ з/п");
    expect(header).toEqual(INDICATOR_COLUMNS);
    expect(body.map((row) => row[7])).toEqual(["досягнуто", "не досягнуто"]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerIndex + 2 });
  });

  it("funding sheet: numeric thousand-UAH cells that add up to the submissions", () => {
    const { header, body } = form(REPORT_SHEETS.funding, "Джерело фінансування");
    expect(header).toEqual(FUNDING_COLUMNS);
    const total = body.find((row) => row[0] === "Усього") ?? [];
    expect(kopecksOfNumber(total[2] ?? null)).toBe(expectedActual(yearActual));
    const sources = body.filter((row) => row[0] !== "Усього");
    expect(sources.reduce((sum, row) => sum + (kopecksOfNumber(row[2] ?? null) ?? 0), 0)).toBe(
      expectedActual(yearActual),
    );
    expect(total[1]).toBe(3378.9);
  });

  it("raw sheet holds both forms with integer kopecks", () => {
    const raw = workbook.getWorksheet(RAW_SHEET);
    if (!raw) throw new Error("no raw sheet");
    const [header = [], ...data] = sheetRows(raw);
    const at = (key: string) => header.indexOf(key);
    const totals = data.filter((row) => row[at("row_kind")] === "total");
    expect(totals).toHaveLength(1);
    expect(totals[0]?.[at("actual_kopecks")]).toBe(expectedActual(yearActual));
    expect(data.filter((row) => row[at("row_kind")] === "indicator")).toHaveLength(2);
    const other = data.find((row) => row[at("source_code")] === "other");
    expect(other?.[at("actual_kopecks")]).toBe(actualOf("other"));
  });
});
