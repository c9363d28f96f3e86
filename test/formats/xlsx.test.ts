import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allItems, emptyProgramme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { exportXlsx } from "../../src/export/xlsx.js";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { readXlsxProgramme } from "../../src/import/xlsx.js";
import { SHEET } from "../../src/template/layout.js";
import { programme } from "./arbitrary.js";
import { makeZip } from "./zip.js";

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Column number of a header text in row 1. */
function column(worksheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  worksheet.getRow(1).eachCell((cell, index) => {
    if (cell.value === header) found = index;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

describe("XLSX export", () => {
  it("writes the template sheets and the human annex", async () => {
    const workbook = await workbookOf(await exportXlsx(demoProgramme()));
    expect(workbook.worksheets.map((each) => each.name)).toEqual([
      "Метадані",
      "Паспорт",
      "Розділи",
      "Напрями",
      "Завдання",
      "Підсумки",
      "Показники",
      "Додаток 1",
    ]);
  });

  it("keeps exact kopecks in Завдання and one row per funding row", async () => {
    const demo = demoProgramme();
    const workbook = await workbookOf(await exportXlsx(demo));
    const tasks = sheet(workbook, SHEET.items);
    const totalColumn = column(tasks, "Всього, коп.");
    const rowsPerItem = allItems(demo).map((item) => Math.max(1, item.funding.length));
    expect(tasks.rowCount - 1).toBe(rowsPerItem.reduce((sum, count) => sum + count, 0));
    const first = demo.directions[0]?.items[0]?.funding[0];
    expect(tasks.getRow(2).getCell(totalColumn).value).toBe(first?.total);
    expect(tasks.getRow(2).getCell(column(tasks, "2026, коп.")).value).toBe(first?.byYear["2026"]);
  });

  it("lays Додаток 1 out in thousand UAH with a frozen three-row header", async () => {
    const demo = demoProgramme();
    const workbook = await workbookOf(await exportXlsx(demo));
    const annex = sheet(workbook, SHEET.annex);
    expect(annex.getRow(1).getCell(1).value).toBe("Назва завдання");
    expect(annex.getRow(2).getCell(6).value).toBe("Всього");
    expect(annex.getRow(3).getCell(10).value).toBe(10);
    expect(annex.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(annex.getColumn(6).numFmt).toBe("#,##0.0####");
    const first = demo.directions[0]?.items[0]?.funding[0];
    expect(annex.getRow(5).getCell(6).value).toBe((first?.total ?? 0) / 100_000);
    const lastRow = annex.getRow(annex.rowCount);
    const grandTotalRow = [...Array(annex.rowCount).keys()]
      .map((index) => annex.getRow(index + 1))
      .find((row) => row.getCell(1).value === "Всього за програмою");
    expect(grandTotalRow).toBeDefined();
    expect(lastRow.number).toBeGreaterThanOrEqual(grandTotalRow?.number ?? 0);
  });
});

describe("XLSX round trip", () => {
  it("gives back an empty programme", async () => {
    const empty = emptyProgramme();
    const result = await readXlsxProgramme(await exportXlsx(empty));
    expect(result.findings).toEqual([]);
    expect(plain(result.programme)).toEqual(plain(empty));
  });

  it("gives back the demo programme exactly", async () => {
    const demo = demoProgramme();
    const result = await readXlsxProgramme(await exportXlsx(demo));
    expect(result.findings).toEqual([]);
    expect(plain(result.programme)).toEqual(plain(demo));
  });

  it("is lossless for random programmes (Cyrillic, quotes, ';', line breaks, amounts > 2^31 kopecks)", async () => {
    await fc.assert(
      fc.asyncProperty(programme, async (original) => {
        const result = await readXlsxProgramme(await exportXlsx(original));
        expect(result.findings).toEqual([]);
        expect(plain(result.programme)).toEqual(plain(original));
      }),
      { numRuns: 25 },
    );
  }, 120_000);
  it("keeps every Cyrillic letter of a sheet longer than the streaming reader's chunks", async () => {
    const demo = demoProgramme();
    const items = allItems(demo);
    for (const [index, item] of items.entries()) item.title = `${"ґїєщ".repeat(4000 + index)} ${index}`;
    const read = await readXlsxProgramme(await exportXlsx(demo));
    expect(allItems(read.programme).map((item) => item.title)).toEqual(items.map((item) => item.title));
  });
});

describe("XLSX reader", () => {
  it("reports a non-numeric amount at its Sheet!A1 address and keeps reading", async () => {
    const workbook = await workbookOf(await exportXlsx(demoProgramme()));
    const tasks = sheet(workbook, SHEET.items);
    const yearColumn = column(tasks, "2027, коп.");
    tasks.getRow(4).getCell(yearColumn).value = "сто тисяч";
    const { programme: read, findings } = await readXlsxProgramme(await bytesOf(workbook));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "import.bad-number",
      severity: "error",
      location: { line: 4 },
    });
    const letter = tasks.getRow(1).getCell(yearColumn).address.replace(/\d+$/, "");
    expect(findings[0]?.message).toContain(`Завдання!${letter}4`);
    expect(read.directions).toHaveLength(demoProgramme().directions.length);
  });

  it("warns about a year column outside the programme period", async () => {
    const workbook = await workbookOf(await exportXlsx(demoProgramme()));
    const tasks = sheet(workbook, SHEET.items);
    const free = tasks.columnCount + 1;
    tasks.getRow(1).getCell(free).value = "2030, коп.";
    tasks.getRow(3).getCell(free).value = 5_000_000;
    const { programme: read, findings } = await readXlsxProgramme(await bytesOf(workbook));
    expect(findings.map((finding) => finding.code)).toEqual(["import.year-outside-period"]);
    expect(findings[0]?.location.line).toBe(3);
    const amounts = allItems(read).flatMap((item) => item.funding);
    expect(amounts.some((row) => row.byYear["2030"] === 5_000_000)).toBe(true);
  });

  it("names the missing sheet or column of a spreadsheet that is not the template", async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet("Аркуш1").addRow(["a", "b"]);
    await expect(readXlsxProgramme(await bytesOf(other))).rejects.toThrow(/Метадані/);
    const workbook = await workbookOf(await exportXlsx(demoProgramme()));
    sheet(workbook, SHEET.items).getRow(1).getCell(8).value = "Щось інше";
    await expect(readXlsxProgramme(await bytesOf(workbook))).rejects.toThrow(/Назва завдання \/ проєкту/);
  });

  it("reads a template filled by hand: no ids, Ukrainian source names, a second source on the next row", async () => {
    const workbook = new ExcelJS.Workbook();
    const meta = workbook.addWorksheet("Метадані");
    meta.addRows([
      ["Ключ", "Значення"],
      ["title", "Програма інформатизації громади"],
      ["period_from", 2026],
      ["period_to", 2027],
    ]);
    const tasks = workbook.addWorksheet("Завдання");
    tasks.addRows([
      [
        "Номер напряму",
        "Назва напряму",
        "Номер",
        "Назва завдання / проєкту",
        "Виконавці",
        "Джерело (код)",
        "2026, коп.",
        "2027, коп.",
      ],
      [
        "1",
        "Інфраструктура",
        "1.1",
        "Сервери",
        "відділ ІТ; КП «Сервіс»",
        "місцевий бюджет",
        100_000_00,
        50_000_00,
      ],
      [null, null, null, null, null, "other", 7_000_00, null],
      ["1", "Інфраструктура", "1.2", "Мережа", null, null, null, null],
      [
        "2",
        "Послуги",
        "2.1",
        "ЦНАП",
        "ЦНАП",
        "бюджет Роменської міської територіальної громади",
        "12 500",
        0,
      ],
    ]);
    const { programme: read, findings } = await readXlsxProgramme(await bytesOf(workbook));
    expect(findings).toEqual([]);
    expect(read.title).toBe("Програма інформатизації громади");
    expect(read.period).toEqual({ from: 2026, to: 2027 });
    expect(read.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", "Інфраструктура"],
      ["2", "Послуги"],
    ]);
    const [servers, network] = read.directions[0]?.items ?? [];
    expect(servers?.id).toBe("d1.1");
    expect(servers?.executors).toEqual(["відділ ІТ", "КП «Сервіс»"]);
    expect(servers?.funding.map((row) => [row.source, row.total, row.byYear, row.totalPrinted])).toEqual([
      ["local", 150_000_00, { "2026": 100_000_00, "2027": 50_000_00 }, false],
      ["other", 7_000_00, { "2026": 7_000_00 }, false],
    ]);
    expect(network?.funding).toEqual([]);
    const services = read.directions[1]?.items[0]?.funding[0];
    expect([services?.source, services?.byYear]).toEqual(["local", { "2026": 12_500, "2027": 0 }]);
  });

  it("rejects bytes that are not a spreadsheet, and a zip bomb before exceljs inflates it", async () => {
    await expect(readXlsxProgramme(new TextEncoder().encode("not a zip at all"))).rejects.toThrow(
      NotAProgrammeError,
    );
    const bomb = makeZip([
      { name: "xl/workbook.xml", data: new Uint8Array(64 * 1024 * 1024), declaredSize: 10 },
    ]);
    await expect(readXlsxProgramme(bomb)).rejects.toThrow(/zip-бомба/);
  });
});
