import { describe, expect, it } from "vitest";
import { progressReportDocx } from "../../src/export/reports/docx.js";
import { progressReportXlsx, RAW_SHEET, REPORT_SHEETS } from "../../src/export/reports/xlsx.js";
import type { Table } from "../../src/import/blocks.js";
import {
  CNAP,
  demoInput,
  documentXml,
  docxParagraphs,
  docxTables,
  expectedActual,
  HEAD,
  kopecksOfNumber,
  kopecksOfText,
  loadWorkbook,
  sheetRows,
  uah,
} from "./build.js";

const COLUMNS = [
  "№ з/п",
  "Найменування завдання, проєкту, роботи з інформатизації",
  "Виконавець",
  "Строк виконання",
  "Джерело фінансування",
  "Заплановано, тис. грн",
  "Фактично профінансовано, тис. грн",
  "Стан виконання",
  "Виконано, %",
  "Результати виконання",
];
const [PLANNED, ACTUAL] = [5, 6];
const DIRECTION = /^Усього за напрямом (\d+)/;
const TOTAL = "Усього за Програмою";

const { input, yearActual } = demoInput();

/** Checks every direction row against the project rows above it and returns the sums. */
function checkSubtotals(rows: string[][], amount: (row: string[], column: number) => number) {
  const directionActual = new Map<string, number>();
  let pending = { planned: 0, actual: 0 };
  for (const row of rows) {
    const title = row[1] ?? "";
    const direction = DIRECTION.exec(title)?.[1];
    if (direction) {
      expect(amount(row, PLANNED), title).toBe(pending.planned);
      expect(amount(row, ACTUAL), title).toBe(pending.actual);
      directionActual.set(direction, pending.actual);
      pending = { planned: 0, actual: 0 };
    } else if (title !== TOTAL) {
      pending.planned += amount(row, PLANNED);
      pending.actual += amount(row, ACTUAL);
    }
  }
  return directionActual;
}

describe("progress report, DOCX", async () => {
  const bytes = await progressReportDocx(input);
  const tables = await docxTables(bytes);
  const form = tables.find((table) => table.rows[0]?.cells[0] === "№ з/п") as Table;
  // formatAmount groups digits with a no-break space; compare with plain spaces.
  const body = form.rows.slice(2).map((row) => row.cells.map((cell) => cell.replace(/[\u00a0\u202f]/g, " ")));
  const money = (row: string[], column: number) => kopecksOfText(row[column] ?? "") ?? 0;

  it("has the form's columns in order and a column-number row", () => {
    expect(form.rows[0]?.cells).toEqual(COLUMNS);
    expect(form.rows[1]?.cells).toEqual(COLUMNS.map((_, index) => String(index + 1)));
  });

  it("prints the title block", async () => {
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs).toContain("Звіт про хід виконання Програми за 2026 рік");
    expect(paragraphs).toContain(`Програма: ${input.programme.title}`);
    expect(paragraphs).toContain("Територіальна громада: Демонстраційна міська територіальна громада");
    expect(paragraphs).toContain("Код КАТОТТГ: UA99000000000000001");
    expect(paragraphs).toContain("Звітний рік: 2026");
    expect(paragraphs).toContain("Дата складання: 20.02.2027");
  });

  it("the programme total equals the sum of the executors' submissions, kopeck-exact", () => {
    const total = body.find((row) => row[1] === TOTAL) ?? [];
    expect(money(total, ACTUAL)).toBe(expectedActual(yearActual));
    expect(total[ACTUAL]).toBe("2 360,30062");
    const projectRows = body.filter((row) => row[0] !== "");
    expect(projectRows.reduce((sum, row) => sum + money(row, ACTUAL), 0)).toBe(expectedActual(yearActual));
    expect(money(total, PLANNED)).toBe(uah("3378900"));
  });

  it("each direction subtotal sums its project rows", () => {
    const byDirection = checkSubtotals(body, money);
    expect([...byDirection.keys()]).toEqual(["1", "2", "3", "4"]);
    for (const direction of ["1", "2", "3", "4"]) {
      expect(byDirection.get(direction)).toBe(expectedActual(yearActual, `d${direction}.`));
    }
  });

  it("writes one row per project and source", () => {
    const rows = body.filter((row) => row[0] === "1.2");
    expect(rows.map((row) => [row[4], row[PLANNED], row[ACTUAL], row[7], row[8]])).toEqual([
      ["місцевий бюджет", "1 200,0", "1 050,00067", "виконується", "90,0"],
      ["інші джерела", "500,0", "450,0", "виконується", "90,0"],
    ]);
    expect(rows[0]?.[9]).toBe("Прокладено 11 км оптичної лінії");
    const unfunded = body.filter((row) => row[0] === "1.4");
    expect(unfunded.map((row) => [row[4], row[PLANNED], row[7]])).toEqual([["", "0,0", "звіт не подано"]]);
    expect(body.find((row) => row[0] === "2.2")?.[2]).toContain(CNAP);
  });

  it("signs with the programme head's position and name", () => {
    const signature = tables.at(-1)?.rows[0]?.cells ?? [];
    expect(signature[0]).toBe("Заступник міського голови з питань діяльності виконавчих органів ради");
    expect(signature[2]).toBe("Олена ДЕМЕНКО");
    expect(HEAD).toContain(signature[2]);
  });

  it("is A4 landscape with the header rows repeated on every page", () => {
    const xml = documentXml(bytes);
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(2);
  });
});

describe("progress report, XLSX", async () => {
  const workbook = await loadWorkbook(await progressReportXlsx(input));
  const sheet = workbook.getWorksheet(REPORT_SHEETS.progress);
  if (!sheet) throw new Error("no progress sheet");
  const rows = sheetRows(sheet);
  const headerIndex = rows.findIndex((row) => row[0] === "№ з/п");
  const signatureIndex = rows.findIndex((row) => row[0] === "Керівник Програми");
  const body = rows.slice(headerIndex + 2, signatureIndex - 1);
  const money = (row: unknown[], column: number) => kopecksOfNumber(row[column] as number) ?? 0;
  const asText = body.map((row) => row.map((cell) => (typeof cell === "number" ? cell : String(cell ?? ""))));

  it("has the title block, the columns in order, a frozen header and landscape A4", () => {
    expect(rows.slice(1, 6).map((row) => [row[0], row[2]])).toEqual([
      ["Програма", input.programme.title],
      ["Територіальна громада", "Демонстраційна міська територіальна громада"],
      ["Код КАТОТТГ", "UA99000000000000001"],
      ["Звітний рік", "2026"],
      ["Дата складання", "20.02.2027"],
    ]);
    expect(rows[headerIndex]).toEqual(COLUMNS);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerIndex + 2 });
    expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
  });

  it("money cells are numbers in thousand UAH, exact to the kopeck", () => {
    const total = body.find((row) => row[1] === TOTAL) ?? [];
    expect(total[ACTUAL]).toBe(2360.30062);
    expect(money(total, ACTUAL)).toBe(expectedActual(yearActual));
    const cell = sheet.getCell(headerIndex + 3, ACTUAL + 1);
    expect(typeof cell.value).toBe("number");
    expect(cell.numFmt).toBe("#,##0.0####");
  });

  it("direction subtotals and the programme total add up", () => {
    const byDirection = checkSubtotals(asText as string[][], (row, column) => money(row, column));
    expect(byDirection.get("2")).toBe(expectedActual(yearActual, "d2."));
    const projects = body.filter((row) => row[0] !== null && row[0] !== "");
    expect(projects.reduce((sum, row) => sum + money(row, ACTUAL), 0)).toBe(expectedActual(yearActual));
  });

  it("ends with the signature block: position, then the signature line and the name", () => {
    const [position, line] = [rows[signatureIndex + 1] ?? [], rows[signatureIndex + 2] ?? []];
    expect(position[0]).toBe("Заступник міського голови з питань діяльності виконавчих органів ради");
    expect(line[0]).toBe("____________ (підпис)");
    expect(line.at(-1)).toBe("Олена ДЕМЕНКО");
  });

  it("has a raw sheet with integer kopecks and source codes", () => {
    const raw = workbook.getWorksheet(RAW_SHEET);
    if (!raw) throw new Error("no raw sheet");
    const [header = [], ...data] = sheetRows(raw);
    const column = (key: string) => header.indexOf(key);
    expect(header.slice(0, 4)).toEqual(["form", "row_kind", "ref", "source_code"]);
    const projects = data.filter((row) => row[column("row_kind")] === "project");
    const sum = projects.reduce((total, row) => total + (row[column("actual_kopecks")] as number), 0);
    expect(sum).toBe(expectedActual(yearActual));
    const d12 = projects.filter((row) => row[column("ref")] === "d1.2");
    expect(d12.map((row) => [row[column("source_code")], row[column("actual_kopecks")]])).toEqual([
      ["local", uah("1050000,67")],
      ["other", uah("450000")],
    ]);
    expect(projects.every((row) => Number.isSafeInteger(row[column("planned_kopecks")]))).toBe(true);
  });
});
