import { describe, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import type { WordBlock, WordCell, WordLook } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";

/**
 * Cells of task tables without vertical borders as councils print them (issues 11, 17), in small fixed
 * documents printed by LibreOffice:
 * - a short direction heading right-aligned or centred in a row of one cell fits inside one column
 *   (the result column, the deadline column), yet names the direction of the rows under it, as its
 *   full-width cell in the Word document does; a longer one runs over column edges like a paragraph
 *   under the table, yet is a row of it; and under the direction's total it is no wrapped line of
 *   the total's label;
 * - a right-aligned column under a right-aligned header: a cell's line is wider than the header, so it
 *   starts left of the midpoint between the header cells, or, in the first column, left of where the
 *   header puts the table's left edge, and is still that column's text.
 */
const soffice = hasSoffice("test/import/pdf-council-cells.test.ts");

const HEADER = [
  "Назва завдання",
  "Назва проекту, робіт з інформатизації",
  "Відповідальні за виконання",
  "Строки виконання",
  "Джерела фінансування",
  "Обсяги фінансування, грн",
  "Очікувані результати (результативні показники)",
];
const WIDTH = 9;

const heading = (text: string): WordCell[] => [{ text, span: WIDTH }];

const project = (number: string, title: string, amount: string): WordCell[] => [
  `${number} ${title}`,
  title,
  "Відділ цифрового розвитку",
  "2026 рік",
  "Місцевий бюджет",
  amount,
  amount,
  "-",
  "Забезпечено роботу системи",
];

const programme: WordBlock[] = [
  { kind: "paragraph", text: "ПЕРЕЛІК" },
  { kind: "paragraph", text: "заходів і завдань Програми інформатизації громади на 2026-2027 роки" },
  {
    kind: "table",
    headerRows: 2,
    rows: [
      [...HEADER.slice(0, 5), { text: HEADER[5] ?? "", span: 3 }, HEADER[6] ?? ""],
      ["", "", "", "", "", "Всього", "2026", "2027", ""],
      heading("1. Дані"),
      project("1.1.", "Публікація наборів даних", "500,00"),
      project("1.2.", "Геопортал громади", "300,50"),
      [{ text: "Всього за напрямом", span: 4 }, "Місцевий бюджет", "800,50", "800,50", "-"],
      heading("2. Цифрові послуги для мешканців"),
      project("2.1.", "Захист серверів", "450,00"),
    ],
  },
];

const look = (over: Partial<WordLook>): WordLook => ({
  font: "Arial",
  size: 12,
  orientation: "portrait",
  borders: "horizontal",
  align: ["left"],
  boldHeader: false,
  pageNumber: "none",
  runningHeader: "",
  ...over,
});

const LOOKS: [string, WordLook][] = [
  ["right-aligned, ruled only horizontally", look({ align: ["right"] })],
  [
    "centred, without borders",
    look({ font: "Times New Roman", orientation: "landscape", borders: "none", align: ["center"] }),
  ],
  ["centred over columns, ruled only horizontally", look({ size: 10, align: ["center"] })],
  // The heading under the direction's total, whose label spans four columns: no line of that label.
  [
    "left-aligned under a total, without borders",
    look({ font: "Times New Roman", borders: "none", align: ["left"] }),
  ],
];

describe("a PDF whose direction headings are short rows of one cell", () => {
  it.skipIf(!soffice).each(LOOKS)(
    "reads each heading as its direction: %s",
    async (_, printed) => {
      const result = await importDocument(await wordAs(programme, "pdf", printed), "programme.pdf");
      const directions = result.programme.directions.map((direction) => ({
        number: direction.number,
        title: direction.title,
        items: direction.items.map((item) => item.number),
      }));
      expect(directions).toEqual([
        { number: "1", title: "Дані", items: ["1.1.", "1.2."] },
        { number: "2", title: "Цифрові послуги для мешканців", items: ["2.1."] },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});

/** Family 1's header (short executors and result headings, the column-number row) and two projects. */
const rightAligned: WordBlock[] = [
  { kind: "paragraph", text: "Перелік завдань, проєктів, робіт з інформатизації на 2027-2028 роки" },
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
        { text: "Обсяги фінансування, тис. грн", span: 3 },
        "Очікуваний результат",
      ],
      ["", "", "", "", "", "Всього", "2027", "2028", ""],
      ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
      [{ text: "Пріоритетний напрям 1", span: WIDTH }],
      [
        "Відкриті дані, ІТ та е-послуги для всіх у громаді",
        "1.1 Супровід закладів",
        "Відділ освіти (Іваненко І.І.) / управління освіти",
        "2027 рік",
        "місцевий бюджет",
        "103,905",
        "103,905",
        "",
        "Забезпечено освіти онлайн-запису",
      ],
      [
        "",
        "1.2 Модернізація захисту",
        "Служба у справах дітей і відділ цифрового розвитку",
        "2028 рік",
        "державний бюджет",
        "817,174",
        "",
        "817,174",
        "Підключено геопорталу",
      ],
      [
        "",
        "1.3 Розвиток документообігу",
        "Центр надання адміністративних послуг",
        "2028 рік",
        "В межах бюджетних асигнувань",
        "",
        "",
        "",
        "Забезпечено освіти онлайн-запису комп'ютерної документообігу",
      ],
    ],
  },
];

const RIGHT_LOOKS: [string, WordLook][] = [
  ["ruled only horizontally", look({ size: 10, orientation: "landscape", align: ["right"] })],
  // The task cells' lines start left of where the header's mirror would put the table's left edge.
  [
    "without borders",
    look({ font: "Times New Roman", size: 10, orientation: "landscape", borders: "none", align: ["right"] }),
  ],
];

describe("a PDF whose columns are right-aligned under right-aligned headers", () => {
  it.skipIf(!soffice).each(RIGHT_LOOKS)(
    "reads each cell in its column: %s",
    async (_, printed) => {
      const result = await importDocument(await wordAs(rightAligned, "pdf", printed), "programme.pdf");
      const items = result.programme.directions.flatMap((direction) =>
        direction.items.map((item) => ({
          title: item.title,
          executors: item.executors,
          result: item.expectedResult,
        })),
      );
      expect(items).toEqual([
        {
          title: "Супровід закладів",
          executors: ["Відділ освіти (Іваненко І.І.)", "управління освіти"],
          result: "Забезпечено освіти онлайн-запису",
        },
        {
          title: "Модернізація захисту",
          executors: ["Служба у справах дітей", "відділ цифрового розвитку"],
          result: "Підключено геопорталу",
        },
        {
          title: "Розвиток документообігу",
          executors: ["Центр надання адміністративних послуг"],
          result: "Забезпечено освіти онлайн-запису комп'ютерної документообігу",
        },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});
