import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { shownText } from "../../src/import/sheet-values.js";

function cell(value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const sheet = new ExcelJS.Workbook().addWorksheet("a");
  const target = sheet.getCell("A1");
  target.value = value;
  if (numFmt) target.numFmt = numFmt;
  return target;
}

describe("a spreadsheet cell's text as the sheet shows it", () => {
  it("prints a number with its format's decimals and a decimal comma", () => {
    expect(shownText(cell(1250, "#,##0.0"))).toBe("1250,0");
    expect(shownText(cell(13232.683, "0.000"))).toBe("13232,683");
    expect(shownText(cell(125000, '#,##0.00 "грн"'))).toBe("125000,00");
    expect(shownText(cell(42, "0"))).toBe("42");
  });

  it("prints a number without a format as its shortest decimal, float noise dropped", () => {
    expect(shownText(cell(0.1 + 0.2))).toBe("0,3");
    expect(shownText(cell(1685692235))).toBe("1685692235");
  });

  it("prints a percentage as a percentage", () => {
    expect(shownText(cell(0.355, "0.0%"))).toBe("35,5%");
    expect(shownText(cell(1, "0%"))).toBe("100%");
  });

  it("prints a date, a formula's result, rich text and a boolean", () => {
    expect(shownText(cell(new Date(Date.UTC(2026, 11, 31))))).toBe("31.12.2026");
    expect(shownText(cell({ formula: "SUM(A2:A4)", result: 300 }, "0.0"))).toBe("300,0");
    expect(shownText(cell({ richText: [{ text: "Відділ " }, { text: "ЦНАП" }] }))).toBe("Відділ ЦНАП");
    expect(shownText(cell(true))).toBe("Так");
  });
});
