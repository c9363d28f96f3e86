import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import type { WordBlock, WordLook } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";

/**
 * Rows of ruled task tables that a page break cuts, as councils print them (issues 11, 17), in small
 * fixed documents printed by LibreOffice: the number that ends a direction's label («Всього за
 * напрямом» over «2» on the next page, under the header printed again) is the rest of the label, not
 * a number of its own.
 */
const soffice = hasSoffice("test/import/pdf-council-breaks.test.ts");

async function importPdf(word: WordBlock[], look: WordLook): Promise<ImportResult> {
  return importDocument(await wordAs(word, "pdf", look), "programme.pdf");
}

/** Ruled all over, landscape: the page ends after «Всього за напрямом», its «2» goes on the next page. */
const LOOK_CUT_LABEL: WordLook = {
  font: "Times New Roman",
  size: 12,
  orientation: "landscape",
  borders: "all",
  align: ["center", "left", "center", "center"],
  boldHeader: true,
  pageNumber: "top",
  runningHeader: "Програма інформатизації громади",
};

const WORD_CUT_LABEL: WordBlock[] = [
  { kind: "paragraph", text: "Додаток 1" },
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
        { text: "Обсяг фінансування (тис. грн)", span: 3 },
        "Очікувані результати",
      ],
      ["", "", "", "", "", "Всього", "2027", "2028", ""],
      ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
      [{ text: "Пріоритетний напрям 1", span: 9 }],
      [
        "Електронна освіта",
        "1) Оновлення закладів системи освіти документообігу громади серверного документообігу",
        "Відділ освіти (Іваненко І.І.)",
        "2026-2027 роки",
        "Не потребує фінансування",
        "",
        "",
        "",
        "Підключено онлайн-запису захисту",
      ],
      ["Всього за напрямом 1", "", "", "", "Загальний обсяг, у тому числі:", "0,000", "0,000", "0,000", ""],
      [{ text: "Пріоритетний напрям 2", span: 9 }],
      [
        "Кібербезпека та інфраструктура",
        "1) Навчання системи системи мережі інформації електронного закладів мережі",
        "ДРАЦС, ОСББ «Світанок»",
        "2026-2028 роки",
        "Загальний обсяг, у тому числі:",
        "923,031",
        "0,000",
        "923,031",
        "Оновлено реєстрів громади",
      ],
      ["", "", "", "", "інші джерела", "923,031", "0,000", "923,031", ""],
      [
        "",
        "2) Придбання онлайн-запису",
        "Коваль-Їжак Ю.Ґ.; О.В. Мар'яненко",
        "2026-2028 роки",
        "Загальний обсяг, у тому числі:",
        "20,459",
        "0,008",
        "20,451",
        "Оновлено старостинських захисту",
      ],
      ["", "", "", "", "інші джерела", "20,459", "0,008", "20,451", ""],
      [
        "",
        "3) Розвиток інформації закладів інформації",
        "Відділ освіти (Іваненко І.І.)",
        "2026-2028 роки",
        "Не потребує фінансування",
        "",
        "",
        "",
        "Забезпечено округів закладів громади геопорталу комп'ютерної техніки",
      ],
      [
        "",
        "4) Модернізація інформації онлайн-запису",
        "Шевчук Ярослава Іванівна, Коваль-Їжак Ю.Ґ.",
        "2026-2027 роки",
        "Не потребує фінансування",
        "",
        "",
        "",
        "Оновлено системи закладів техніки",
      ],
      [
        "Всього за напрямом 2",
        "",
        "",
        "",
        "Загальний обсяг, у тому числі:",
        "943,490",
        "0,008",
        "943,482",
        "",
      ],
      ["", "", "", "", "інші джерела", "943,490", "0,008", "943,482", ""],
      [
        "Всього за Програмою",
        "",
        "",
        "",
        "Загальний обсяг, у тому числі:",
        "943,490",
        "0,008",
        "943,482",
        "",
      ],
      ["", "", "", "", "інші джерела", "943,490", "0,008", "943,482", ""],
    ],
  },
];

describe("a council's ruled table cut by a page break", () => {
  it.skipIf(!soffice)(
    "joins a direction's total label with its number printed on the next page («Всього за напрямом» + «2»)",
    async () => {
      const result = await importPdf(WORD_CUT_LABEL, LOOK_CUT_LABEL);
      expect(result.findings.filter((finding) => finding.code === "import.unread-number")).toEqual([]);
      expect(result.coverage?.numbersFlagged).toBe(0);
      expect(result.programme.directions.map((direction) => direction.items.length)).toEqual([1, 4]);
    },
    120_000,
  );
});
