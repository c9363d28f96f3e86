import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../../src/domain/model.js";
import { importDocument, importText } from "../../../src/import/index.js";
import { readSpacedPassport } from "../../../src/import/text/spaced-passport.js";
import { wordDocument } from "../../support/word-document.js";
import { PROPERTY_RUNS } from "./model.js";
import { RUNS } from "./render.js";
import { spacedDocument } from "./space-aligned.js";
import { type SpacedPassport, spacedPassport } from "./spaced-passport.js";
import { taskTableView } from "./view.js";

function givesPassportBack({ programme }: ImportResult, passport: SpacedPassport, text: string): void {
  const read = programme.passport.fields.map(({ number, label, value }) => ({ number, label, value }));
  const printed = passport.fields.map((field) =>
    field.number === 10 ? { ...field, value: expect.any(String) } : field,
  );
  expect(read, text).toEqual(printed);
  const { line: _line, ...amounts } = programme.passport.funding;
  expect(amounts, text).toEqual(passport.funding);
}

describe("a passport aligned with spaces (pdftotext -layout)", () => {
  it(`import(render(passport)) gives its fields and field 10's amounts back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(spacedPassport, (passport) => {
        const result = importText(passport.text);
        givesPassportBack(result, passport, passport.text);
        // With no task table the programme's unit is the default; field 10 was read in its own.
        const { programme, coverage } = result;
        expect(programme.unit === passport.unit || programme.directions.length === 0).toBe(true);
        expect(coverage?.numbersFlagged ?? 0, passport.text).toBe(0);
      }),
      PROPERTY_RUNS,
    );
  });

  it("before a task table aligned with spaces: both are read", () => {
    fc.assert(
      fc.property(spacedPassport, spacedDocument, (passport, { model, text: table }) => {
        const text = `${passport.text}\n${table}`;
        const result = importText(text);
        givesPassportBack(result, passport, text);
        expect(taskTableView(result.programme), text).toEqual(model.directions);
      }),
      { ...PROPERTY_RUNS, numRuns: Math.ceil(PROPERTY_RUNS.numRuns / 4) },
    );
  }, 120_000);
});

describe("the same passport as a Word table", () => {
  it("gives its fields and field 10's amounts back, numbered or known by their names alone (DOCX)", async () => {
    await fc.assert(
      fc.asyncProperty(spacedPassport, async (passport) => {
        const result = await importDocument(await wordDocument(passport.word), "p.docx");
        givesPassportBack(result, passport, JSON.stringify(passport.word));
        expect(result.coverage?.numbersFlagged ?? 0).toBe(0);
      }),
      { ...PROPERTY_RUNS, numRuns: Math.ceil(PROPERTY_RUNS.numRuns / 4) },
    );
  }, 120_000);
});

describe("what is no passport aligned with spaces", () => {
  it("a table whose first column is a name, not the community's", () => {
    const text = [
      "Найменування показника    Одиниця виміру    Базове значення    Строк",
      "Строк надання послуги     днів              10                 2026 рік",
      "",
    ].join("\n");
    expect(readSpacedPassport(text)).toBeNull();
  });

  it("…and a passport after such a table is still found", () => {
    const text = [
      "Найменування показника    Одиниця виміру    Базове значення    Строк",
      "Строк надання послуги     днів              10                 2026 рік",
      "",
      "",
      "1.   Найменування                  Демонстраційна сільська",
      "     територіальної громади        територіальна громада",
      "9.   Строк виконання Програми      2026–2028 роки",
    ].join("\n");
    const rows = readSpacedPassport(text)?.table.rows.map((row) =>
      row.cells.map((cell) => cell.replace(/\s+/g, " ")),
    );
    expect(rows).toEqual([
      ["1.", "Найменування територіальної громади", "Демонстраційна сільська територіальна громада"],
      ["9.", "Строк виконання Програми", "2026–2028 роки"],
    ]);
  });

  it("a passport with tabs: the text reader's table", () => {
    const text = [
      "1.\tНайменування територіальної громади\tТестова сільська територіальна громада",
      "9.\tСтрок виконання Програми\t2026–2028 роки",
    ].join("\n");
    expect(readSpacedPassport(text)).toBeNull();
  });
});

describe("the issue's example", () => {
  it("reads the ten fields' names and values wrapped in their columns, and field 10's table", () => {
    const text = [
      "ПАСПОРТ",
      "",
      "1.   Найменування                  Демонстраційна сільська",
      "     територіальної громади        територіальна громада",
      "9.   Строк виконання Програми      2026–2028 роки",
      "10.  Джерела та обсяги             Всього      2026       2027       2028",
      "     фінансування, тис. грн",
      "                                   Загальний   300,000    100,000    100,000    100,000",
      "                                   обсяг",
      "                                   у тому числі:",
      "                                   місцевий    300,000    100,000    100,000    100,000",
      "                                   бюджет",
    ].join("\n");
    const { passport } = importText(text).programme;
    expect(passport.fields.map(({ number, value }) => [number, value])).toEqual([
      [1, "Демонстраційна сільська територіальна громада"],
      [9, "2026–2028 роки"],
      [10, "Всього 2026 2027 2028"],
    ]);
    const years = { "2026": 10_000_000, "2027": 10_000_000, "2028": 10_000_000 };
    expect(passport.funding).toMatchObject({
      total: 30_000_000,
      byYear: years,
      bySource: { local: 30_000_000 },
      bySourceByYear: { local: years },
    });
  });
});
