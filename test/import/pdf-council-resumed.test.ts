import { describe, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import type { WordBlock, WordLook } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";
import { taskTableView } from "./families/view.js";

/**
 * A borderless task table that a page break splits into tables of their own (issues 11, 17), each
 * resumed at the next page's top by its column-number row alone, in small fixed documents printed by
 * LibreOffice, which sizes every such table's columns anew (a table of source rows alone gets narrow
 * empty columns):
 * - columns of mixed alignment (the numbers right-aligned over the deadline, centred over the sources):
 *   a centred source cell wider than its number runs over the midpoint between the numbers, yet is
 *   the sources column's;
 * - a bold, centred column-number row over right-aligned amounts: an amount under a wide column
 *   stands nearer the next number than its own, yet is its column's;
 * - a wide centred cell («В межах бюджетних асигнувань») between narrow right-aligned columns runs over
 *   both midpoints beside its number, yet is no paragraph under the table but its column's text.
 */
const soffice = hasSoffice("test/import/pdf-council-resumed.test.ts");

const NUMBERS = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

const programme: WordBlock[] = [
  { kind: "paragraph", text: "Додаток 1" },
  { kind: "paragraph", text: "Перелік завдань, проєктів, робіт з інформатизації на 2026-2027 роки" },
  {
    kind: "table",
    headerRows: 3,
    rows: [
      [
        "Назва завдання",
        "Назва проєкту, робіт з інформатизації",
        "Виконавці",
        "Термін виконання",
        "Джерела фінансування",
        { text: "Обсяг фінансування (тис. грн)", span: 3 },
        "Очікуваний результат",
      ],
      ["", "", "", "", "", "Усього", "2026 р.", "2027 р.", ""],
      NUMBERS,
      [{ text: "Пріоритетний напрям 1", span: 9 }],
    ],
  },
  { kind: "page-break" },
  {
    kind: "table",
    headerRows: 1,
    rows: [
      NUMBERS,
      [
        "Цифрове врядування",
        "1.1 Модернізація мережі",
        "ЦНАП та громадські організації",
        "2027 рік",
        "Загальний обсяг, у тому числі:",
        "951,506",
        "0,014",
        "951,492",
        "Забезпечено електронного громади освіти мережі",
      ],
      ["", "", "", "", "бюджет громади", "0,019", "-", "0,019", ""],
    ],
  },
  { kind: "page-break" },
  {
    kind: "table",
    headerRows: 1,
    rows: [NUMBERS, ["", "", "", "", "Інші джерела", "951,487", "0,014", "951,473", ""]],
  },
  { kind: "page-break" },
  {
    kind: "table",
    headerRows: 1,
    rows: [
      NUMBERS,
      [
        "",
        "1.2 Супровід техніки освіти",
        "Іваненко І.І.",
        "Протягом дії Програми",
        "Загальний обсяг, у тому числі:",
        "1 637,515",
        "739,208",
        "898,307",
        "Працюють техніки громади",
      ],
    ],
  },
  { kind: "page-break" },
  {
    kind: "table",
    headerRows: 1,
    rows: [
      NUMBERS,
      ["", "", "", "", "бюджет громади", "1 094,919", "196,612", "898,307", ""],
      ["", "", "", "", "Інші джерела", "542,596", "542,596", "0,000", ""],
    ],
  },
];

const look = (over: Partial<WordLook>): WordLook => ({
  font: "Times New Roman",
  size: 11,
  orientation: "portrait",
  borders: "none",
  align: ["left"],
  boldHeader: false,
  pageNumber: "none",
  runningHeader: "",
  ...over,
});

const LOOKS: [string, WordLook][] = [
  [
    "numbers aligned as their columns, right, centred and left",
    look({
      borders: "horizontal",
      align: ["right", "right", "right", "right", "center", "center", "center", "left", "left"],
    }),
  ],
  [
    "bold centred numbers over right-aligned amounts",
    look({
      size: 12,
      align: ["right", "left", "right", "left", "right", "right", "right", "right", "center"],
      boldHeader: true,
    }),
  ],
];

describe("a borderless task table resumed on each page by its column-number row", () => {
  it.skipIf(!soffice).each(LOOKS)(
    "reads each cell in its column: %s",
    async (_, printed) => {
      const result = await importDocument(await wordAs(programme, "pdf", printed), "programme.pdf");
      const [direction] = taskTableView(result.programme);
      expect(
        direction?.projects.map(({ number, deadline, funding }) => ({ number, deadline, funding })),
      ).toEqual([
        {
          number: "1.1",
          deadline: "2027 рік",
          funding: {
            local: { 2027: 1900 },
            other: { 2026: 1400, 2027: 95147300 },
          },
        },
        {
          number: "1.2",
          deadline: "Протягом дії Програми",
          funding: {
            local: { 2026: 19661200, 2027: 89830700 },
            other: { 2026: 54259600 },
          },
        },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});

/** Projects without amounts, their sources' notes centred in a column between right-aligned ones. */
const notes: WordBlock[] = [
  { kind: "paragraph", text: "Перелік завдань, проєктів, робіт з інформатизації на 2026-2027 роки" },
  {
    kind: "table",
    headerRows: 3,
    rows: [
      [
        "Назва завдання",
        "Назва проекту",
        "Виконавці",
        "Термін виконання",
        "Джерела фінансування",
        { text: "Обсяг фінансування (тис. грн)", span: 3 },
        "Очікуваний результат",
      ],
      ["", "", "", "", "", "Всього", "2026", "2027", ""],
      NUMBERS,
      [{ text: "Пріоритетний напрям 1", span: 9 }],
    ],
  },
  { kind: "page-break" },
  {
    kind: "table",
    headerRows: 1,
    rows: [
      NUMBERS,
      [
        "Цифрове врядування",
        "1) Впровадження інформації закладів комп'ютерної мережі",
        "Відділ освіти (Іваненко І.І.), міський ЦНАП",
        "2028 рік",
        "В межах бюджетних асигнувань",
        "",
        "",
        "",
        "Навчено системи реєстрів громади",
      ],
      [
        "",
        "2) Модернізація захисту закладів освіти",
        "КП «Благоустрій та озеленення»",
        "2027 рік",
        "Не потребує фінансування",
        "",
        "",
        "",
        "Оновлено електронного обладнання інформації",
      ],
    ],
  },
];

describe("a borderless task table resumed by its column-number row, a wide note centred among right-aligned cells", () => {
  it.skipIf(!soffice)(
    "reads the note in its column and the rows under it as the table's",
    async () => {
      const printed = look({
        align: ["center", "right", "left", "right", "center", "right", "center", "center"],
      });
      const result = await importDocument(await wordAs(notes, "pdf", printed), "programme.pdf");
      const [direction] = taskTableView(result.programme);
      expect(
        direction?.projects.map(({ number, deadline, fundingNote }) => ({ number, deadline, fundingNote })),
      ).toEqual([
        { number: "1.1", deadline: "2028 рік", fundingNote: "В межах бюджетних асигнувань" },
        { number: "1.2", deadline: "2027 рік", fundingNote: "Не потребує фінансування" },
      ]);
    },
    120_000,
  );
});
