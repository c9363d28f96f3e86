/**
 * A council's own spreadsheet (not infoprog's template) is read by the same layout rules as every
 * other format: each fixture and layout file built as a workbook from the rows the text reader finds
 * imports to exactly the model, findings and coverage of its text — its cells as text, and its
 * amounts as numbers with the decimals they print.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import { readTextBlocks } from "../../src/import/text/reader.js";
import { blocksToXlsx } from "../support/spreadsheet.js";

const FOLDERS = ["programs", "layouts"].map((folder) =>
  path.resolve(process.cwd(), "../shared/fixtures", folder),
);
const files = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => path.join(folder, file)),
);

function withoutLines(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, inner) => (key === "line" ? 0 : inner));
}

function comparable(result: ImportResult) {
  return {
    programme: withoutLines(result.programme),
    findings: result.findings.map((finding) => `${finding.code} ${finding.location.ref}`).sort(),
    coverage: result.coverage,
  };
}

describe("a council's own spreadsheet", () => {
  it.each(files.map((file) => ({ file: path.basename(file), full: file })))(
    "$file as a workbook imports to the model of its text",
    async ({ full }) => {
      const text = readFileSync(full, "utf8");
      const expected = comparable(importText(text));
      for (const numbers of [false, true]) {
        const bytes = await blocksToXlsx(readTextBlocks(text), { numbers });
        expect(comparable(await importDocument(bytes, "programme.xlsx"))).toEqual(expected);
      }
    },
  );
});

describe("a workbook that holds no programme", () => {
  it("is refused with a message in Ukrainian, not read as an empty programme", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Аркуш1").addRow(["Список телефонів"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(importDocument(bytes, "phones.xlsx")).rejects.toThrow(
      /ні шаблону infoprog, ні таблиць програми/,
    );
  });
});

describe("a council workbook's limits", () => {
  it("counts the cells a wide table would be padded to before padding them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Аркуш1");
    for (let row = 1; row <= 1000; row++) sheet.getRow(row).values = ["Захід", "10,0"];
    sheet.getCell(1, 900).value = "x";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(importDocument(bytes, "wide.xlsx")).rejects.toThrow(/клітинок/);
  });

  it("reads a range merged down past the sheet's last row only as far as its rows go", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Аркуш1");
    sheet.getRow(1).values = ["Виконавець", "Захід"];
    sheet.getRow(2).values = ["Відділ", "Перший"];
    sheet.getRow(3).values = [null, "Другий"];
    sheet.mergeCells("A2:A3");
    const written = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const part = "xl/worksheets/sheet1.xml";
    const xml = strFromU8(written[part] ?? new Uint8Array()).replace('ref="A2:A3"', 'ref="A2:A1048576"');
    const bytes = zipSync({ ...written, [part]: strToU8(xml) });
    const { readXlsx } = await import("../../src/import/xlsx.js");
    const read = await readXlsx(bytes);
    const table = read.kind === "sheets" ? read.blocks.find((block) => block.kind === "table") : undefined;
    expect(table?.kind === "table" ? table.rows.map((row) => row.mergedFromAbove ?? {}) : []).toEqual([
      {},
      {},
      { 0: "Відділ" },
    ]);
  });
});
