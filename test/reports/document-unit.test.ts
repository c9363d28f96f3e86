/**
 * The annual reports of a programme whose document prints «грн» or «млн грн»: every amount, header
 * and chart in that unit (not thousands), exact to the kopeck.
 */
import { describe, expect, it } from "vitest";
import { type MoneyUnit, parseDecimalToKopecks } from "../../src/domain/money.js";
import { evaluationCharts } from "../../src/export/reports/charts.js";
import { progressReportDocx, resultsReportDocx } from "../../src/export/reports/docx.js";
import { evaluationSummaryDocx } from "../../src/export/reports/evaluation-docx.js";
import { progressReportXlsx, REPORT_SHEETS, resultsReportXlsx } from "../../src/export/reports/xlsx.js";
import type { Table } from "../../src/import/blocks.js";
import { demoInput, docxTables, expectedActual, loadWorkbook, sheetRows, uah } from "./build.js";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const TOTAL = "Усього за Програмою";

interface Case {
  unit: MoneyUnit;
  label: string;
  /** The programme's planned and actual totals of 2026 as the DOCX prints them. */
  planned: string;
  actual: string;
  /** The same as XLSX numbers, and the cells' number format. */
  plannedNumber: number;
  actualNumber: number;
  numFmt: string;
}

const CASES: Case[] = [
  {
    unit: "uah",
    label: "грн",
    planned: "3 378 900,00",
    actual: "2 360 300,62",
    plannedNumber: 3378900,
    actualNumber: 2360300.62,
    numFmt: "#,##0.00",
  },
  {
    unit: "million",
    label: "млн грн",
    planned: "3,3789",
    actual: "2,36030062",
    plannedNumber: 3.3789,
    actualNumber: 2.36030062,
    numFmt: "#,##0.0#######",
  },
];

const byHeader = (tables: Table[], first: string) =>
  tables.find((table) => table.rows[0]?.cells[0] === first) as Table;
const rowOf = (table: Table, first: string, column = 0) =>
  (table.rows.find((row) => row.cells[column] === first)?.cells ?? []).map(plain);

describe.each(CASES.map((c) => [c.label, c] as const))(
  "the annual reports of a programme in «%s»",
  (_, c) => {
    const { input, yearActual } = demoInput(c.unit);
    const kopecks = (text: string | undefined) => parseDecimalToKopecks(text ?? "", c.unit);

    it("progress DOCX: money columns named in the unit, amounts in it, exact", async () => {
      const form = byHeader(await docxTables(await progressReportDocx(input)), "№ з/п");
      expect(form.rows[0]?.cells.slice(5, 7)).toEqual([
        `Заплановано, ${c.label}`,
        `Фактично профінансовано, ${c.label}`,
      ]);
      const total = rowOf(form, TOTAL, 1);
      expect(total.slice(5, 7)).toEqual([c.planned, c.actual]);
      expect(kopecks(total[6])).toBe(expectedActual(yearActual));
      expect(kopecks(total[5])).toBe(uah("3378900"));
    });

    it("progress XLSX: money cells are numbers in the unit with its format, headers name it", async () => {
      const workbook = await loadWorkbook(await progressReportXlsx(input));
      const sheet = workbook.getWorksheet(REPORT_SHEETS.progress);
      if (!sheet) throw new Error("no progress sheet");
      const rows = sheetRows(sheet);
      const headerIndex = rows.findIndex((row) => row[0] === "№ з/п");
      expect(rows[headerIndex]?.slice(5, 7)).toEqual([
        `Заплановано, ${c.label}`,
        `Фактично профінансовано, ${c.label}`,
      ]);
      const totalIndex = rows.findIndex((row) => row[1] === TOTAL);
      expect(rows[totalIndex]?.slice(5, 7)).toEqual([c.plannedNumber, c.actualNumber]);
      expect(kopecks(String(rows[totalIndex]?.[6]))).toBe(expectedActual(yearActual));
      expect(sheet.getCell(totalIndex + 1, 7).numFmt).toBe(c.numFmt);
    });

    it("results DOCX and XLSX: the funding table in the unit", async () => {
      const funding = byHeader(await docxTables(await resultsReportDocx(input)), "Джерело фінансування");
      expect(funding.rows[0]?.cells.slice(1, 3)).toEqual([
        `Заплановано, ${c.label}`,
        `Фактично профінансовано, ${c.label}`,
      ]);
      expect(rowOf(funding, "Усього").slice(1, 3)).toEqual([c.planned, c.actual]);
      const workbook = await loadWorkbook(await resultsReportXlsx(input));
      const sheet = workbook.getWorksheet(REPORT_SHEETS.funding);
      if (!sheet) throw new Error("no funding sheet");
      const rows = sheetRows(sheet);
      expect(rows.find((row) => row[0] === "Джерело фінансування")?.slice(1, 3)).toEqual([
        `Заплановано, ${c.label}`,
        `Фактично профінансовано, ${c.label}`,
      ]);
      expect(rows.find((row) => row[0] === "Усього")?.slice(1, 3)).toEqual([c.plannedNumber, c.actualNumber]);
    });

    it("evaluation summary: the funding and direction tables and the funding chart in the unit", async () => {
      const tables = await docxTables(await evaluationSummaryDocx(input));
      const directions = byHeader(tables, "Пріоритетний напрям");
      expect(directions.rows[0]?.cells.slice(1, 3)).toEqual([
        `Заплановано, ${c.label}`,
        `Фактично профінансовано, ${c.label}`,
      ]);
      expect(rowOf(directions, TOTAL).slice(1, 3)).toEqual([c.planned, c.actual]);
      expect(rowOf(byHeader(tables, "Джерело фінансування"), "Усього").slice(1, 3)).toEqual([
        c.planned,
        c.actual,
      ]);
      const chart = evaluationCharts(input).find((each) => each.name === "funding-by-source")?.svg ?? "";
      expect(chart).toContain(`Фінансування за джерелами: план і факт, ${c.label}`);
      expect(chart).not.toContain("тис. грн");
    });
  },
);
