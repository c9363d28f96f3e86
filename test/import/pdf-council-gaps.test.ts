import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import type { WordBlock, WordCell, WordLook } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";
import { passportHead, WORDS } from "./families/render.js";
import { allItems } from "./families/view.js";
import { linesToWord } from "./families/word.js";

/**
 * Words a council's narrow column broke mid-word, printed by LibreOffice (issue 17): a word wider than
 * its cell is broken where the line runs out, with no hyphen («ВИКОНАВЧИ» over «Й КОМІТЕТ»,
 * «відповідаль» over «ний»), and the reader joins it back without a space, by glyph positions (the
 * line above is that word alone and full) and the end's shape (a few letters of the same case, no
 * small word of their own). A whole word as wide as the column, over the next word, keeps its space
 * («РОМЕНСЬКОЇ» over «МІСЬКОЇ»).
 *
 * And an indicator's name that LibreOffice's page break cut between lines, its rest alone at the next
 * page's top under the header printed again, joins its indicator whatever its first letter (the text
 * reader joins a lone fragment after a page break so).
 */
const soffice = hasSoffice("test/import/pdf-council-gaps.test.ts");

async function importPdf(word: WordBlock[], look: WordLook): Promise<ImportResult> {
  return importDocument(await wordAs(word, "pdf", look), "programme.pdf");
}

const HEADER: WordCell[][] = [
  [
    "Назва завдання",
    "Назва проекту",
    "Виконавці",
    "Строки виконання",
    "Джерела фінансування",
    { text: "Обсяги фінансування, тис. грн", span: 4 },
    "Очікувані результати",
  ],
  ["", "", "", "", "", "Усього", "2025 р.", "2026 р.", "2027 р.", ""],
  ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
];

/** Family 1's sample 2 of seed 31 (pdf-councils.test.ts), its first direction. */
const CAPITALS_LOOK: WordLook = {
  font: "Times New Roman",
  size: 11,
  orientation: "landscape",
  borders: "none",
  align: ["left", "left", "center", "right", "right", "left", "center", "right", "right", "right"],
  boldHeader: true,
  pageNumber: "top",
  runningHeader: "",
};

function programme(executors: string, widthRows?: WordCell[][]): WordBlock[] {
  const rows: WordCell[][] = [
    ...HEADER,
    [{ text: "Пріоритетний напрям 1", span: 10 }],
    [
      "Цифрове врядування",
      "Впровадження електронного працівників обладнання онлайн-запису геопорталу громади громади",
      executors,
      "2026-2028 роки",
      "Загальний обсяг, у тому числі:",
      "3258,623",
      "948,991",
      "1630,721",
      "678,911",
      "Працюють мережі техніки",
    ],
    ["", "", "", "", "Місцевий бюджет", "750,545", "0,000", "750,545", "0,000", ""],
    ["інші джерела", "", "", "", "2508,078", "948,991", "880,176", "678,911", "", ""],
    [
      "Всього за напрямом 1",
      "",
      "",
      "",
      "Загальний обсяг, у тому числі:",
      "3258,623",
      "948,991",
      "1630,721",
      "678,911",
      "",
    ],
    ["", "", "", "", "Місцевий бюджет", "750,545", "0,000", "750,545", "0,000", ""],
    ["", "", "", "", "інші джерела", "2508,078", "948,991", "880,176", "678,911", ""],
  ];
  return [
    { kind: "paragraph", text: "Додаток 1" },
    { kind: "paragraph", text: "Перелік завдань, проєктів, робіт з інформатизації на 2025-2027 роки" },
    { kind: "table", headerRows: 3, rows, ...(widthRows ? { widthRows } : {}) },
  ];
}

describe("a word a council's narrow column broke mid-word", () => {
  it.skipIf(!soffice)(
    "joins an executor in capitals broken without a hyphen («ВИКОНАВЧИ» + «Й КОМІТЕТ»), not the whole words under it",
    async () => {
      const result = await importPdf(programme("ВИКОНАВЧИЙ КОМІТЕТ РОМЕНСЬКОЇ МІСЬКОЇ РАДИ"), CAPITALS_LOOK);
      expect(result.programme.directions[0]?.items[0]?.executors).toEqual([
        "ВИКОНАВЧИЙ КОМІТЕТ РОМЕНСЬКОЇ МІСЬКОЇ РАДИ",
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});

const RULED_LOOK: WordLook = {
  font: "Times New Roman",
  size: 12,
  orientation: "portrait",
  borders: "all",
  align: ["left"],
  boldHeader: false,
  pageNumber: "none",
  runningHeader: "",
};

/** Indicators' names long enough to wrap over many lines, each word capitalised: a page break between any two of its lines leaves a rest starting with a capital. */
const NAMES = Array.from({ length: 14 }, (_, index) =>
  ["Частка", ...Array.from({ length: 14 }, (_, word) => WORDS[(index * 5 + word * 3) % WORDS.length] ?? "")]
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join(" "),
);

function annex(): WordBlock[] {
  const rows: WordCell[][] = [
    [
      "№ з/п",
      "Назва пріоритету",
      "Найменування індикатора",
      "Одиниця виміру",
      "Спосіб розрахунку",
      "Базове значення",
      { text: "Цільове значення", span: 2 },
      "Динаміка",
    ],
    ["", "", "", "", "", "", "2026", "2027", ""],
    ...NAMES.map((name, index) => [
      index === 0 ? "1." : "",
      index === 0 ? "Цифрова освіта" : "",
      name,
      "%",
      "Підрахунок",
      String(10 + index),
      String(20 + index),
      String(30 + index),
      "+10",
    ]),
  ];
  return [
    ...linesToWord(passportHead(2026, 2027), "repeat-header").map((block) =>
      block.kind === "table" ? { ...block, borders: true } : block,
    ),
    { kind: "paragraph", text: "Додаток 2" },
    { kind: "paragraph", text: "Перелік індикаторів виконання Програми" },
    { kind: "table", headerRows: 2, rows },
  ];
}

describe("an indicator's name a council's PDF cut at a page break", () => {
  it.skipIf(!soffice)(
    "joins the rest starting with a capital, alone at the next page's top, to its indicator",
    async () => {
      const result = await importPdf(annex(), RULED_LOOK);
      expect(result.programme.indicators.map((indicator) => indicator.name)).toEqual(NAMES);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});

const PLAIN_LOOK: WordLook = { ...CAPITALS_LOOK, size: 10, align: ["left"] };

/** A measure whose executors' column is narrower than «територіальної»: its rows for the widths have shorter words. */
function narrowExecutors(executors: string[]): WordBlock[] {
  const row = (executor: string, index: number): WordCell[] => [
    `1.${index + 1}. Захід ${index + 1}`,
    "Закупівля техніки",
    executor,
    "2026-2027 роки",
    "Бюджет громади",
    "100,0",
    "50,0",
    "50,0",
    "0,0",
    "Оновлено ПК",
  ];
  const rows: WordCell[][] = [...HEADER, ...executors.map(row)];
  // The other columns take the page's spare width: long words in their rows for the widths.
  const wide = (text: string) => text.replaceAll(" ", "").repeat(2);
  const widthRows = executors.map((_, index) =>
    row("Відділ освіти громади", index).map((cell, column) =>
      column === 2 || typeof cell !== "string" ? cell : wide(cell),
    ),
  );
  return [
    {
      kind: "paragraph",
      text: "Програма інформатизації Тестівської територіальної громади на 2025-2027 роки",
    },
    { kind: "paragraph", text: "Перелік завдань, проєктів, робіт з інформатизації" },
    { kind: "table", headerRows: 3, rows, widthRows: [...HEADER, ...widthRows] },
  ];
}

describe("a lowercase word a narrow cell broke, printed whole elsewhere in the document", () => {
  it.skipIf(!soffice)(
    "is joined back («територі» + «альної»); whole words that join into no word of the document keep their space",
    async () => {
      const executors = ["Відділ освіти територіальної громади", "Відділ освіти громади"];
      const result = await importPdf(narrowExecutors(executors), PLAIN_LOOK);
      const measures = allItems(result.programme).filter((item) => item.children.length === 0);
      expect(measures.map((item) => item.executors.join(", "))).toEqual(executors);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});
