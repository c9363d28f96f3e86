import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { walkItems } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import type { WordBlock, WordCell, WordLook } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";

/**
 * Task tables of council PDFs (issue 11) whose directions are headed by a council's own word («Блок 2.
 * Електронні послуги», «Складова 1», «Стратегічна ціль 3») or by «1. Назва» alone in the name cell
 * after an empty `№` cell, over items numbered 1.1, 1.2 …: printed by LibreOffice in fixed looks.
 */
const soffice = hasSoffice("test/import/pdf-council-sections.test.ts");

const look = (borders: WordLook["borders"], first: "left" | "center"): WordLook => ({
  font: "Times New Roman",
  size: 11,
  orientation: "landscape",
  borders,
  align: [first, "left", "left", "center", "left", "right", "right", "right", "left"],
  boldHeader: true,
  pageNumber: "none",
  runningHeader: "",
});

const WIDTH = 9;
const item = (number: string, title: string, amounts: string[]): WordCell[] => [
  number,
  title,
  "Відділ ІТ",
  "2026-2027",
  "Бюджет громади",
  ...amounts,
  "Результат",
];
const total = (label: string, amounts: string[]): WordCell[] => [{ text: label, span: 5 }, ...amounts, ""];
const TITLES = ["Цифрова інфраструктура", "Електронні послуги"];

/** Two directions of two items each, each headed by `head(N)` and totalled by `totalOf(N)`. */
function taskTable(head: (number: number) => WordCell[], totalOf: (number: number) => string): WordBlock[] {
  return [
    { kind: "paragraph", text: "Додаток 1" },
    { kind: "paragraph", text: "**Завдання і заходи Програми**" },
    {
      kind: "table",
      headerRows: 2,
      rows: [
        [
          "№ з/п",
          "Назва заходу",
          "Виконавці",
          "Термін виконання",
          "Джерела фінансування",
          { text: "Обсяг фінансування, тис. грн", span: 3 },
          "Очікуваний результат",
        ],
        ["", "", "", "", "", "Всього", "2026", "2027", ""],
        head(1),
        item("1.1.", "Модернізація локальної мережі", ["400,0", "400,0", "-"]),
        item("1.2.", "Закупівля комп'ютерної техніки", ["1 000,0", "500,0", "500,0"]),
        total(totalOf(1), ["1 400,0", "900,0", "500,0"]),
        head(2),
        item("2.1.", "Впровадження електронної черги", ["350,0", "-", "350,0"]),
        item("2.2.", "Онлайн-запис до ЦНАП", ["150,0", "150,0", "-"]),
        total(totalOf(2), ["500,0", "150,0", "350,0"]),
        total("Всього за Програмою", ["1 900,0", "1 050,0", "850,0"]),
      ],
    },
  ];
}

async function importAs(format: "pdf" | "odt", blocks: WordBlock[], shape: WordLook): Promise<ImportResult> {
  return importDocument(await wordAs(blocks, format, shape), `programme.${format}`);
}

const directions = (result: ImportResult) =>
  result.programme.directions.map((direction) => [
    direction.number,
    direction.title,
    direction.items.map((each) => each.number),
  ]);
const READ = [
  ["1", TITLES[0], ["1.1.", "1.2."]],
  ["2", TITLES[1], ["2.1.", "2.2."]],
];
const sumFindings = (result: ImportResult) =>
  result.findings.filter((finding) => /total|subtotal|no-direction|orphan/.test(finding.code));

describe("a council's PDF whose task table heads its directions by a word of its own", () => {
  it.skipIf(!soffice).each([
    ["Блок", "Разом за блоком", "left"],
    ["Складова", "Всього за складовою", "left"],
    ["Стратегічна ціль", "Разом за стратегічною ціллю", "center"],
  ] as const)(
    "reads «%s N. Назва» in a borderless table as direction N, apart from the total above it",
    async (word, totalWord, align) => {
      const blocks = taskTable(
        (number) => [{ text: `${word} ${number}. ${TITLES[number - 1]}`, span: WIDTH }],
        (number) => `${totalWord} ${number}`,
      );
      const result = await importAs("pdf", blocks, look("none", align));
      expect(directions(result)).toEqual(READ);
      expect(result.programme.directions.map((each) => each.declaredTotals[0]?.total)).toEqual([
        140_000_000, 50_000_000,
      ]);
      expect(sumFindings(result)).toEqual([]);
    },
    120_000,
  );
});

describe("«1. Назва» alone in the name cell after an empty «№» cell, over items 1.1, 1.2", () => {
  const numbered = (number: number): WordCell[] => [
    "",
    `${number}. ${TITLES[number - 1]}`,
    ...Array.from({ length: WIDTH - 2 }, () => ""),
  ];
  const blocks = taskTable(numbered, (number) => `Разом за напрямом ${number}`);

  it.skipIf(!soffice).each(["pdf", "odt"] as const)(
    "heads direction N in a ruled table (%s)",
    async (format) => {
      const result = await importAs(format, blocks, look("all", "center"));
      expect(directions(result)).toEqual(READ);
      expect(sumFindings(result)).toEqual([]);
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "stays a task when its row prints amounts",
    async () => {
      const withAmounts = taskTable(
        (number) =>
          number === 1
            ? [
                "",
                `1. ${TITLES[0]}`,
                "Відділ ІТ",
                "2026-2027",
                "Бюджет громади",
                "1 400,0",
                "900,0",
                "500,0",
                "",
              ]
            : numbered(number),
        (number) => `Разом за напрямом ${number}`,
      );
      const result = await importAs("pdf", withAmounts, look("all", "center"));
      const titles = result.programme.directions.flatMap((each) =>
        [...walkItems(each.items)].map((i) => i.title),
      );
      expect(titles).toContain(TITLES[0]);
      expect(result.programme.directions.map((each) => each.title)).not.toContain(TITLES[0]);
    },
    120_000,
  );
});
