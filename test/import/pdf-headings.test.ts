import { describe, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import type { WordBlock, WordCell, WordLook } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";

/**
 * Direction headings in a row of one cell, as councils print them (issues 11, 17): a short heading
 * right-aligned or centred in a table without vertical borders fits inside one column (the result
 * column, the deadline column), yet names the direction of the rows under it, as its full-width cell
 * in the Word document does.
 */
const soffice = hasSoffice("test/import/pdf-headings.test.ts");

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
      project("1.1.", "Публікація наборів даних", "120 000,00"),
      project("1.2.", "Геопортал громади", "80 500,00"),
      heading("2. Безпека"),
      project("2.1.", "Захист серверів", "45 000,00"),
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
        { number: "2", title: "Безпека", items: ["2.1."] },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});
