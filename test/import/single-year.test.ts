import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import { importWord } from "./families/office.js";
import { linesToWord } from "./families/word.js";

/**
 * A one-year programme's task table: the amounts heading over one year's column, with the total's
 * column beside it ("Всього | 2024 р.") or alone ("2024 р."). Its amounts land in that year, whether
 * the table comes as text, CSV or DOCX.
 */
const T = "\t";
const PASSPORT = [
  `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
  `2.${T}Код за Кодифікатором${T}UA01020030040050060`,
  `9.${T}Строк виконання Програми${T}2024 рік`,
  "",
  "Додаток 1",
];

function table(withTotal: boolean, pageBreak: boolean): string[] {
  const years = withTotal ? ["Всього", "2024 р."] : ["2024 р."];
  const amounts = (value: string) => (withTotal ? [value, value] : [value]);
  const header = [
    [
      "Назва заходу",
      "Виконавці",
      "Строк",
      "Джерела фінансування",
      "Обсяг, тис. грн",
      ...years.slice(1).map(() => ""),
      "Очікуваний результат",
    ],
    ["", "", "", "", ...years, ""],
  ];
  const row = (cells: string[]) => cells.join(T);
  return [
    ...header.map(row),
    row(["1. Цифрове врядування", "", "", "", ...years.map(() => ""), ""]),
    row(["1.1. Захід", "Відділ освіти", "2024", "місцевий бюджет", ...amounts("3,5"), "Результат"]),
    // A page break repeats the year row alone at the next page's top.
    ...(pageBreak ? ["", row(header[1] ?? [])] : []),
    row(["1.2. Послуга", "ЦНАП", "2024", "державний бюджет", ...amounts("12"), "Послуга"]),
  ];
}

function fundingOf({ programme }: ImportResult) {
  return programme.directions.flatMap((direction) =>
    direction.items.map((item) =>
      item.funding.map((row) => ({ source: row.source, byYear: row.byYear, total: row.total })),
    ),
  );
}

const EXPECTED = [
  [{ source: "local", byYear: { "2024": 350_000 }, total: 350_000 }],
  [{ source: "state", byYear: { "2024": 1_200_000 }, total: 1_200_000 }],
];

describe("a task table with a single year column", () => {
  for (const withTotal of [true, false]) {
    const shape = withTotal ? "«Всього | 2024 р.»" : "«2024 р.» alone";
    it(`as text, under ${shape}, puts the amounts in that year`, () => {
      for (const pageBreak of [false, true]) {
        const read = importText([...PASSPORT, ...table(withTotal, pageBreak)].join("\n"));
        expect(fundingOf(read)).toEqual(EXPECTED);
        expect(read.programme.period).toEqual({ from: 2024, to: 2024 });
        expect(read.findings.map((finding) => finding.code)).not.toContain("import.unread-number");
        expect(read.findings.map((finding) => finding.code)).not.toContain("import.no-period");
      }
    });

    it(`as CSV, under ${shape}, puts the amounts in that year`, async () => {
      const csv = ["Перелік завдань з інформатизації на 2024 рік", ...table(withTotal, false)]
        .map((line) =>
          line
            .split(T)
            .map((cell) => (/[;,"]/.test(cell) ? `"${cell}"` : cell))
            .join(";"),
        )
        .join("\n");
      const read = await importDocument(new TextEncoder().encode(csv), "table.csv");
      expect(fundingOf(read)).toEqual(EXPECTED);
      expect(read.findings.map((finding) => finding.code)).not.toContain("import.unread-number");
    });

    it(`as DOCX, under ${shape}, puts the amounts in that year`, async () => {
      const read = await importWord(linesToWord([...PASSPORT, ...table(withTotal, false)], "repeat-header"));
      expect(fundingOf(read)).toEqual(EXPECTED);
      expect(read.findings.map((finding) => finding.code)).not.toContain("import.unread-number");
    });
  }
});
