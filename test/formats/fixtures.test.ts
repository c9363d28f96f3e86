/** Every real programme: export to each format and read it back. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import { itemOwnTotals } from "../../src/domain/totals.js";
import { exportCsv } from "../../src/export/csv.js";
import { exportDocx } from "../../src/export/docx.js";
import { exportXlsx } from "../../src/export/xlsx.js";
import { readCsvProgramme } from "../../src/import/csv.js";
import { readDocxBlocks } from "../../src/import/docx.js";
import { importText } from "../../src/import/index.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { readXlsxProgramme } from "../../src/import/xlsx.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const files = readdirSync(FIXTURES).filter((file) => file.endsWith(".txt"));

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const withoutLine = <T extends { line: number }>(value: T) => ({ ...plain(value), line: 0 });

function imported(file: string): Programme {
  return importText(readFileSync(path.join(FIXTURES, file), "utf8")).programme;
}

/** What the official annex carries: each item's number, texts and own amounts. */
function items(programme: Programme) {
  return allItems(programme).map((item) => ({
    number: item.number,
    title: item.title,
    executors: item.executors,
    deadlineText: item.deadlineText,
    expectedResult: item.expectedResult,
    totals: itemOwnTotals(item),
  }));
}

describe.each(files)("%s", (file) => {
  it("survives CSV and XLSX losslessly", async () => {
    const programme = imported(file);
    expect(allItems(programme).length).toBeGreaterThan(10);
    const csv = readCsvProgramme(exportCsv(programme));
    expect(csv.findings).toEqual([]);
    expect(plain(csv.programme)).toEqual(plain(programme));
    const xlsx = await readXlsxProgramme(await exportXlsx(programme));
    expect(xlsx.findings).toEqual([]);
    expect(plain(xlsx.programme)).toEqual(plain(programme));
  }, 30_000);

  it("survives DOCX → blocks → interpreter with the same tasks, amounts, passport and indicators", async () => {
    const programme = imported(file);
    const back = interpretBlocks(await readDocxBlocks(await exportDocx(programme))).programme;
    expect(back.community).toEqual(programme.community);
    expect(back.period).toEqual(programme.period);
    expect(back.directions.map((direction) => [direction.number, direction.title])).toEqual(
      programme.directions.map((direction) => [direction.number, direction.title]),
    );
    expect(items(back)).toEqual(items(programme));
    expect(withoutLine(back.passport.funding)).toEqual(withoutLine(programme.passport.funding));
    expect(back.indicators.map(withoutLine)).toEqual(programme.indicators.map(withoutLine));
    expect(back.sections.map(withoutLine)).toEqual(programme.sections.map(withoutLine));
    // Field 10's own text is rewritten as the "Всього | years" header of its amounts.
    const fields = (each: Programme) =>
      each.passport.fields.map((field) => [
        field.number,
        field.label,
        field.number === 10 ? "" : field.value,
      ]);
    expect(fields(back)).toEqual(fields(programme));
  }, 30_000);
});
