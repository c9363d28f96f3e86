import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import { type WordBlock, type WordCell, wordDocument } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";
import { allItems } from "./families/view.js";

/**
 * A council's Word table that stacks a measure's sources in its one row: the source cell holds a
 * source per paragraph, each year's cell the amounts in the same order. Each source gets its amounts,
 * in DOCX, in ODT and in the PDF LibreOffice prints (where the cell's lines are the paragraphs).
 */
const soffice = hasSoffice("test/import/stacked-sources.test.ts");

const HEADER: WordCell[][] = [
  [
    "№ з/п",
    "Назва заходу",
    "Виконавці",
    "Строк виконання",
    "Джерела фінансування",
    { text: "Обсяги фінансування, тис. грн", span: 3 },
    "Очікуваний результат",
  ],
  ["", "", "", "", "", "2026", "2027", "2028", ""],
];

const measure = (number: string, name: string, sources: string, years: string[]): WordCell[] => [
  number,
  name,
  "Відділ цифрового розвитку",
  "2026-2028",
  sources,
  ...years,
  "Виконано",
];

function document(rows: WordCell[][]): WordBlock[] {
  return [
    {
      kind: "paragraph",
      text: "Додаток 1 до Програми цифрового розвитку Тестівської селищної територіальної громади на 2026-2028 роки",
    },
    { kind: "table", rows: [...HEADER, ...rows], headerRows: 2 },
  ];
}

const STACKED = document([
  measure("1.", "Оновлення комп'ютерної техніки", "Бюджет громади\nІнші джерела", [
    "100,0\n50,0",
    "120,0\n-",
    "80,0\n20,0",
  ]),
  measure("2.", "Підтримка вебсайту", "Бюджет громади", ["20,0", "20,0", "20,0"]),
  measure("3.", "Кібербезпека", "Державний бюджет\nБюджет громади", ["-\n-", "300,0\n30,0", "-\n-"]),
  ["", "Усього", "", "", "", "170,0", "470,0", "120,0", ""],
]);

/** Each measure's sources: source → year → kopecks (the years with an amount). */
function sources(result: ImportResult) {
  return allItems(result.programme).map((item) =>
    Object.fromEntries(
      item.funding.map((row) => [
        row.source,
        Object.fromEntries(Object.entries(row.byYear).filter(([, amount]) => amount !== 0)),
      ]),
    ),
  );
}

function readsStacked(result: ImportResult): void {
  expect(sources(result)).toEqual([
    {
      local: { 2026: 10_000_000, 2027: 12_000_000, 2028: 8_000_000 },
      other: { 2026: 5_000_000, 2028: 2_000_000 },
    },
    { local: { 2026: 2_000_000, 2027: 2_000_000, 2028: 2_000_000 } },
    { state: { 2027: 30_000_000 }, local: { 2027: 3_000_000 } },
  ]);
  const codes = result.findings.map((finding) => finding.code);
  expect(codes.filter((code) => /amount|unread-number|^programme\./.test(code))).toEqual([]);
  expect(result.coverage?.numbersPlaced).toBe(result.coverage?.numbersSeen);
}

describe("a measure's sources stacked in one row, one per line", () => {
  it("DOCX: each source line takes the amount lines in its place", async () => {
    readsStacked(await importDocument(await wordDocument(STACKED), "programme.docx"));
  });

  it.skipIf(!soffice).each(["odt", "pdf"] as const)(
    "the same saved as %s by LibreOffice",
    async (format) => {
      readsStacked(await importDocument(await wordAs(STACKED, format), `programme.${format}`));
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "a PDF without borders: a title's or executor's wrapped end on the next source's line goes on with it",
    async () => {
      const [, table] = STACKED;
      if (table?.kind !== "table") throw new Error("no table");
      const pdf = await wordAs([STACKED[0] as WordBlock, { ...table, borders: false }], "pdf");
      const result = await importDocument(pdf, "programme.pdf");
      readsStacked(result);
      expect(allItems(result.programme).map((item) => item.title)).toEqual([
        "Оновлення комп'ютерної техніки",
        "Підтримка вебсайту",
        "Кібербезпека",
      ]);
      const executors = allItems(result.programme).map((item) => item.executors);
      expect(executors).toEqual(Array(3).fill(["Відділ цифрового розвитку"]));
    },
    120_000,
  );

  it("a source's name over two lines, or an amount over two, is one source and one amount", async () => {
    const wrapped = document([
      measure("1.", "Оновлення техніки", "Бюджет територіальної\nгромади", ["1 250\n000,0", "-", "-"]),
      ["", "Усього", "", "", "", "1 250 000,0", "-", "-", ""],
    ]);
    const result = await importDocument(await wordDocument(wrapped), "programme.docx");
    expect(sources(result)).toEqual([{ local: { 2026: 125_000_000_000 } }]);
  });

  it("amounts that do not line up with the sources stay unread, and are named", async () => {
    const uneven = document([
      measure("1.", "Оновлення техніки", "Бюджет громади\nІнші джерела", ["100,0\n50,0", "120,0", "-"]),
    ]);
    const result = await importDocument(await wordDocument(uneven), "programme.docx");
    const coverage = result.coverage;
    expect(coverage?.numbersFlagged).toBeGreaterThan(0);
    expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
  });
});
