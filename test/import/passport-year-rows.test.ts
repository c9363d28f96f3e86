import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import { renderAll } from "../formats/render.js";

const T = "\t";
const row = (...cells: string[]) => cells.join(T);

const TITLE = "Програми інформатизації Роменської міської територіальної громади на 2026-2027 роки";

const FIELDS = [
  row("1.", "Найменування територіальної громади", "Роменська міська територіальна громада"),
  row("2.", "Код за Кодифікатором адміністративно-територіальних одиниць", "UA59060110000049734"),
  row("9.", "Строк виконання Програми", "2026-2027 роки"),
];

/** The task table: бюджет громади 400,0 + 450,0, інші джерела 100,0 + 0. */
const ANNEX = [
  "",
  "Додаток 1 до Програми",
  row(
    "№ з/п",
    "Назва напряму діяльності",
    "Перелік заходів Програми",
    "Строк виконання",
    "Виконавці",
    "Джерела фінансування",
    "Орієнтовні обсяги фінансування, тис. грн",
    "",
    "Очікуваний результат",
  ),
  row("", "", "", "", "", "", "2026", "2027", ""),
  row(
    "1.",
    "Інфраструктура",
    "1.1. Закупівля техніки",
    "2026-2027",
    "Відділ",
    "Бюджет громади",
    "400,0",
    "450,0",
    "Оновлено техніку",
  ),
  row("", "", "", "", "", "Інші джерела", "100,0", "0", ""),
];

const document = (field10: string[]) => ["ПАСПОРТ", TITLE, ...FIELDS, ...field10, ...ANNEX].join("\n");

/** Field 10 as a table of years as rows and sources as columns, with its «Усього» row and column. */
const YEAR_ROWS = [
  row("10.", "Обсяги фінансування, тис. грн", "Рік", "Бюджет громади", "Інші джерела", "Усього"),
  row("", "", "2026", "400,0", "100,0", "500,0"),
  row("", "", "2027", "450,0", "0", "450,0"),
  row("", "", "Усього", "850,0", "100,0", "950,0"),
];

const withoutTotalColumn = YEAR_ROWS.map((line) => line.split(T).slice(0, -1).join(T));

const SOURCE_YEARS = {
  local: { 2026: 40_000_000, 2027: 45_000_000 },
  other: { 2026: 10_000_000, 2027: 0 },
};

function expectNoFundingFinding(read: ImportResult): void {
  const codes = read.findings.map((finding) => finding.code);
  expect(codes.filter((code) => /^passport\.funding|unread-number|no-amounts/.test(code))).toEqual([]);
  expect(read.coverage?.numbersSeen).toBe(read.coverage?.numbersPlaced);
}

function expectWholeTable(read: ImportResult): void {
  const { funding } = read.programme.passport;
  expect(funding.total).toBe(95_000_000);
  expect(funding.byYear).toEqual({ 2026: 50_000_000, 2027: 45_000_000 });
  expect(funding.bySource).toEqual({ local: 85_000_000, other: 10_000_000 });
  expect(funding.bySourceByYear).toEqual(SOURCE_YEARS);
  expectNoFundingFinding(read);
}

describe("passport field 10 as a table of years as rows and sources as columns", () => {
  it("reads the total, each year and each source from its «Усього» row and column", () => {
    expectWholeTable(importText(document(YEAR_ROWS)));
  });

  it("reads the header on the row after the field's label", () => {
    const [header = "", ...rows] = YEAR_ROWS;
    const cells = header.split(T).slice(2);
    for (const lead of ["", T]) {
      const below = [row("10.", "Обсяги фінансування, тис. грн"), `${T}${lead}${cells.join(T)}`];
      expectWholeTable(importText(document([...below, ...rows])));
    }
  });

  it("reads each year's total from the «Усього» column when no «Усього» row is printed", () => {
    const read = importText(document(YEAR_ROWS.slice(0, -1)));
    const { funding } = read.programme.passport;
    expect(funding.byYear).toEqual({ 2026: 50_000_000, 2027: 45_000_000 });
    expect(funding.bySourceByYear).toEqual(SOURCE_YEARS);
    expect(funding.bySource).toEqual({});
    expectNoFundingFinding(read);
  });

  it("reads each source's total from the «Усього» row when no «Усього» column is printed", () => {
    const read = importText(document(withoutTotalColumn));
    const { funding } = read.programme.passport;
    expect(funding.bySource).toEqual({ local: 85_000_000, other: 10_000_000 });
    expect(funding.bySourceByYear).toEqual(SOURCE_YEARS);
    expect(funding.total).toBe(95_000_000);
    expectNoFundingFinding(read);
  });

  it("sums the sources into the total and its years when neither «Усього» is printed", () => {
    const read = importText(document(withoutTotalColumn.slice(0, -1)));
    const { funding } = read.programme.passport;
    expect(funding.total).toBe(95_000_000);
    expect(funding.byYear).toEqual({ 2026: 50_000_000, 2027: 45_000_000 });
    expectNoFundingFinding(read);
  });

  it("reads a «всього:» row a page break set apart", () => {
    const rows = YEAR_ROWS.map((line) => line.replace("Усього", "всього:"));
    expectWholeTable(importText(document([...rows.slice(0, -1), "", ...rows.slice(-1)])));
  });

  it("compares what it reads with the task table", () => {
    const read = importText(document(YEAR_ROWS.map((line) => line.replace("450,0", "460,0"))));
    const codes = read.findings.map((finding) => finding.code);
    expect(codes).toContain("passport.funding-source");
  });

  it("as a Word document", async () => {
    const [bytes] = await renderAll([document(YEAR_ROWS)], "docx");
    if (!bytes) throw new Error("no document rendered");
    expectWholeTable(await importDocument(bytes, "programme.docx"));
  });
});

describe("passport field 10 as a row per source and no total", () => {
  const SOURCES = [row("", "бюджет громади", "850,0"), row("", "інші джерела", "100,0")];
  const LABEL = row("10.", "Обсяг фінансування, тис. грн:", "");
  const numbered = SOURCES.map((line, index) => line.replace(/^/, `10.${index + 1}.`));

  it.each([
    ["rows under the field", [LABEL, ...SOURCES]],
    ["rows numbered under the field («10.1.»)", [LABEL, ...numbered]],
  ])("%s: each source is read and the total is their sum", (_name, field10) => {
    const read = importText(document(field10));
    const { funding } = read.programme.passport;
    expect(funding.bySource).toEqual({ local: 85_000_000, other: 10_000_000 });
    expect(funding.total).toBe(95_000_000);
    expectNoFundingFinding(read);
  });

  it("compares the sources with the task table", () => {
    const read = importText(document([LABEL, ...SOURCES.map((line) => line.replace("850,0", "800,0"))]));
    const codes = read.findings.map((finding) => finding.code);
    expect(codes).toContain("passport.funding-source");
    expect(codes).not.toContain("passport.funding-missing");
  });
});
