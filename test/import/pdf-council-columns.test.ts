import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import type { WordBlock, WordLook } from "../support/word-document.js";
import { hasSoffice, wordAs } from "./families/office.js";

/**
 * Column edges of borderless council tables (issues 11, 17) that other seeds of pdf-councils.test.ts
 * found misplaced, each as a fixed Word document in a fixed look, printed by LibreOffice.
 */
const soffice = hasSoffice("test/import/pdf-council-columns.test.ts");

async function importPdf(word: WordBlock[], look: WordLook): Promise<ImportResult> {
  return importDocument(await wordAs(word, "pdf", look), "programme.pdf");
}

const passport = (period: string): WordBlock[] => [
  { kind: "paragraph", text: "ПАСПОРТ" },
  { kind: "paragraph", text: "Програми цифрового розвитку Тестової сільської територіальної громади" },
  {
    kind: "table",
    rows: [
      ["1.", "Найменування територіальної громади", "Тестова сільська територіальна громада"],
      ["2.", "Код за Кодифікатором адміністративно-територіальних одиниць", "UA01020030040050060"],
      ["7.", "Керівник Програми", "Заступник сільського голови Олена Приклад"],
      ["9.", "Строк виконання Програми", period],
    ],
    headerRows: 0,
    borders: true,
  },
  { kind: "paragraph", text: "Додаток 2" },
  { kind: "paragraph", text: "до Програми цифрового розвитку" },
  { kind: "paragraph", text: "**Перелік індикаторів виконання Програми**" },
];

/**
 * Centred headings but a left-aligned «Найменування індикатора» and «Базове значення»: the edges
 * mirrored about the centred headings chain to the table's right edge, yet the formula column is wider
 * than its mirror, so a wide formula's line ran over two edges and ended the table; the header printed
 * again on the next page (the table split by the break) then gave other edges than the first page's.
 */
const LOOK_CENTRED: WordLook = {
  font: "Arial",
  size: 13,
  orientation: "portrait",
  borders: "none",
  align: ["center", "center", "left"],
  boldHeader: false,
  pageNumber: "none",
  runningHeader: "Програма інформатизації громади",
};
const WORD_CENTRED: WordBlock[] = [
  ...passport("2025–2027 роки"),
  {
    kind: "table",
    rows: [
      [
        "№",
        "Напрям",
        "Найменування індикатора",
        "Од. виміру",
        "Формула розрахунку",
        "Базове значення показника",
        "Цільове значення",
        "Динаміка",
      ],
      [
        "1",
        "Цифрове врядування",
        "Наявність посадових осіб посадових відкритих",
        "Так/Ні",
        "-",
        "Так",
        "2025 – Ні, 2026 – Так, 2027 – Ні",
        "",
      ],
      [
        "",
        "",
        "Наявність посадових освіти мешканців ЦНАП електронного документообігу даних Wi-Fi",
        "Так/Ні",
        "-",
        "Ні",
        "2025 – Ні, 2026 – Ні, 2027 – Ні",
        "",
      ],
      [
        "2",
        "Цифрові послуги для мешканців",
        "Кількість громади документообігу",
        "одиниць",
        "$A$, де А – показник 2.1",
        "79",
        "2025 – 710 246 736, 2026 – 422 075 333, 2027 – 1 143 825 905",
        "",
      ],
      [
        "",
        "",
        "% мешканців осіб мешканців точок освіти даних цифрових",
        "%",
        "$(A/B)*100$, де А – показник 2.2, В – показник 2.3",
        "42,98",
        "2025 – 49,15, 2026 – 34,37, 2027 – 30,89",
        "",
      ],
    ],
    headerRows: 1,
  },
  { kind: "paragraph", text: "*** – дані за попередній рік" },
];

const ROWS_TARGETS: string[][] = [
  [
    "№",
    "Пріоритетний напрям",
    "Назва індикатора",
    "Одиниця виміру",
    "Спосіб розрахунку",
    "Базове значення показника",
    "Цільові значення за роками",
    "Динаміка (+/-, %)",
  ],
  [
    "1.",
    "Цифрове врядування",
    "% доступу відкритих електронного освіти доступу документообігу освіти",
    "%",
    "$(А/В)*100$, де А – показник 1.1, В – показник 1.2",
    "99,8",
    "у 2027 році – 54,17; у 2028 році – 96,94; у 2029 році – 27,27",
    "+12,5",
  ],
  [
    "2.",
    "Цифрові послуги для мешканців",
    "% наборів даних точок цифрових комп'ютерів цифрових наборів електронного доступу Wi-Fi документообігу закладів",
    "%",
    "$(А/В)*100$, де А – показник 2.1, В – показник 2.2",
    "39,44",
    "у 2027 році – 99,9; у 2028 році – 66,67; у 2029 році – 22,22",
    "",
  ],
  [
    "",
    "",
    "% комп'ютерів серверів Wi-Fi послуг осіб",
    "%",
    "$(А/В)*100$, де А – показник 2.3, В – показник 2.4",
    "61,33",
    "у 2027 році – 0,14; у 2028 році – 48,12; у 2029 році – 40,38",
    "",
  ],
  [
    "3.",
    "Кібербезпека та інфраструктура",
    "Кількість серверів посадових цифрових точок",
    "шт.",
    "$А$, де А – показник 3.1",
    "892 690 422",
    "у 2027 році – 1 204 821 253; у 2028 році – 69; у 2029 році – 82",
    "+3",
  ],
];

/**
 * A centred target list wrapped so that the last year's value stands alone under its label
 * («у 2029 році –» over «82»): a number of one or two digits may end a wrapped phrase, but under a
 * year's label it is that year's value, not a row of its own.
 */
const LOOK_TARGETS: WordLook = {
  font: "Arial",
  size: 10,
  orientation: "landscape",
  borders: "none",
  align: ["center", "center", "center", "center"],
  boldHeader: false,
  pageNumber: "bottom",
  runningHeader: "Програма інформатизації громади",
};
const WORD_TARGETS: WordBlock[] = [
  ...passport("2027–2029 роки"),
  { kind: "table", rows: ROWS_TARGETS, headerRows: 1 },
  { kind: "paragraph", text: "*** – дані за попередній рік" },
];

const ROWS_LIST_CUT: WordBlock & { kind: "table" } = {
  kind: "table",
  rows: [
    [
      "№ з/п",
      "Пріоритетний напрям",
      "Найменування індикатора",
      "Од. виміру",
      "Формула розрахунку",
      "Базове значення",
      "Цільове значення",
      "Динаміка",
    ],
    ["1", "2", "3", "4", "5", "6", "7", "8"],
    [
      { text: "1", merge: "start" },
      { text: "Цифрове врядування", merge: "start" },
      "Кількість доступу доступу",
      "осіб",
      "$А$, де А – показник 1.1",
      "87",
      "2026: 424185024; 2027: 45023723; 2028: 847920521; 2029: 54",
      "",
    ],
    [
      { text: "", merge: "continue" },
      { text: "", merge: "continue" },
      "Кількість документообігу освіти наборів наборів",
      "осіб",
      "$А$, де А – показник 1.2",
      "1175135394",
      "2026: 1617951433; 2027: 962487823; 2028: 62; 2029: 79",
      "+3",
    ],
    [
      { text: "", merge: "continue" },
      { text: "", merge: "continue" },
      "Наявність послуг серверів серверів",
      "так/ні",
      "-",
      "Так",
      "2026: Ні; 2027: Так; 2028: Ні; 2029: Так",
      "",
    ],
    [
      "2",
      "Цифрові послуги для мешканців",
      "% серверів громади доступу",
      "%",
      "$(А/В)*100$, де А – показник 2.1, В – показник 2.2",
      "64,97",
      "2026: 42,36; 2027: 81,45; 2028: 76,63; 2029: 39,39",
      "",
    ],
  ],
  headerRows: 2,
};

/**
 * A row the page break cut after a list's separator: «де А – показник 2.1,» over «В – показник 2.2»
 * on the next page starts with a capital, yet goes on with the row above.
 */
const LOOK_LIST_CUT: WordLook = {
  font: "Arial",
  size: 12,
  orientation: "portrait",
  borders: "horizontal",
  align: ["left"],
  boldHeader: false,
  pageNumber: "top",
  runningHeader: "Програма інформатизації громади",
};
const WORD_LIST_CUT: WordBlock[] = [
  ...passport("2026–2029 роки"),
  ROWS_LIST_CUT,
  { kind: "paragraph", text: "*** – дані за попередній рік" },
];

/**
 * A ruled table whose row the page break cut inside a grouped amount: «2027 р. – 540 769» over
 * «697, 2028 р. – 94***» on the next page.
 */
const LOOK_AMOUNT_CUT: WordLook = {
  font: "Times New Roman",
  size: 12,
  orientation: "landscape",
  borders: "all",
  align: ["left", "left", "right", "right", "left", "right", "left", "right", "center", "right"],
  boldHeader: true,
  pageNumber: "bottom",
  runningHeader: "Програма інформатизації громади",
};
const WORD_AMOUNT_CUT: WordBlock[] = [
  ...passport("2025–2028 роки"),
  {
    kind: "table",
    rows: [
      [
        "№ з/п",
        "Пріоритетний напрям",
        "Назва індикатора",
        "Одиниця виміру",
        "Методика розрахунку",
        "Базове значення",
        "Цільові значення за роками",
        "Динаміка",
      ],
      [
        "1.",
        "Цифрове врядування",
        "Наявність громади систем систем громади точок доступу посадових",
        "Так/Ні",
        "-",
        "Так***",
        "2025 р. – Так, 2026 р. – Ні***, 2027 р. – Так, 2028 р. – Так***",
        "",
      ],
      [
        "",
        "",
        "Кількість ЦНАП закладів послуг відкритих послуг освіти послуг Wi-Fi Wi-Fi",
        "осіб",
        "$А$, де А – показник 1.1",
        "81***",
        "2025 р. – 1 006, 2026 р. – 1***, 2027 р. – 1 163 530 259, 2028 р. – 48***",
        "+3",
      ],
      [
        "2.",
        "Цифрові послуги для мешканців",
        "Кількість наборів послуг точок освіти електронного документообігу",
        "одиниць",
        "$А$, де А – показник 2.1",
        "451 107 926***",
        "2025 р. – 1 999 999 970, 2026 р. – 1 023 159 474***, 2027 р. – 540 769 697, 2028 р. – 94***",
        "",
      ],
      [
        "3.",
        "Кібербезпека та інфраструктура",
        "Наявність ЦНАП ЦНАП цифрових",
        "так/ні",
        "-",
        "Ні***",
        "2025 р. – Так, 2026 р. – Так***, 2027 р. – Ні, 2028 р. – Так***",
        "",
      ],
    ],
    headerRows: 1,
  },
  { kind: "paragraph", text: "*** – дані за попередній рік" },
];

/**
 * A years-as-rows task table whose direction total's label the page break cut before its number
 * («Всього за напрямом» over «3», centred, on the next page, under the header printed again).
 */
const LOOK_LABEL_CUT: WordLook = {
  font: "Times New Roman",
  size: 11,
  orientation: "landscape",
  borders: "none",
  align: ["center", "left", "right", "right"],
  boldHeader: true,
  pageNumber: "top",
  runningHeader: "Програма інформатизації громади",
};
const WORD_LABEL_CUT: WordBlock[] = [
  { kind: "paragraph", text: "Додаток 1" },
  { kind: "paragraph", text: "Перелік завдань, проєктів, робіт з інформатизації на 2025-2026 роки" },
  {
    kind: "table",
    rows: [
      [
        "Назва завдання",
        "Назва проєкту",
        "Відповідальні за виконання",
        "Рік",
        "Джерела фінансування",
        "Обсяги фінансування, грн",
        "Очікувані результати",
      ],
      ["1. Відкриті дані", "", "", "", "", "", ""],
      [
        "1.1. Супровід техніки округів онлайн-запису реєстрів",
        "Супровід техніки округів онлайн-запису реєстрів",
        "ЦНАП, управління освіти, ВИКОНАВЧИЙ КОМІТЕТ РОМЕНСЬКОЇ МІСЬКОЇ РАДИ",
        "2025",
        "місцевий бюджет",
        "0,547855 млн",
        "Оновлено техніки округів серверного обладнання онлайн-запису",
      ],
      ["", "", "", "2026", "місцевий бюджет", "0,270177 млн грн", ""],
      ["", "", "", "2026", "інші джерела", "0,325329 млн", ""],
      ["", "", "", "2025", "державний бюджет", "0,548324 млн грн", ""],
      ["", "", "", "2026", "державний бюджет", "0,199804 млн", ""],
      [
        "1.2. Розвиток захисту обладнання техніки",
        "Розвиток захисту обладнання техніки",
        "Міський ЦНАП, Роменська ЖЕК",
        "",
        "Не потребує фінансування",
        "",
        "Оновлено громади округів інформації",
      ],
      [
        "1.3. Створення обладнання геопорталу серверного",
        "Створення обладнання геопорталу серверного",
        "Відділ освіти, молоді та спорту, відділ кадрової роботи",
        "2025",
        "інші джерела",
        "0,383749 млн грн",
        "Підключено закладів онлайн-запису",
      ],
      ["", "", "", "2026", "державний бюджет", "0,936619 млн", ""],
      [
        "1.4. Облаштування округів послуг старостинських округів освіти округів серверного",
        "Облаштування округів послуг старостинських округів освіти округів серверного",
        "Відділ освіти, молоді та спорту, ДРАЦС",
        "2025",
        "місцевий бюджет",
        "0,562076 млн грн",
        "Підключено старостинських системи",
      ],
      ["Всього за напрямом 1", "", "", "2025", "", "2,042004 млн", ""],
      ["", "", "", "2026", "", "1,731929 млн грн", ""],
      ["2. Цифрові послуги для мешканців", "", "", "", "", "", ""],
      [
        "2.1. Оновлення техніки",
        "Оновлення техніки",
        "Управління освіти, управління культури, національностей та релігій",
        "2025",
        "інші джерела",
        "0,64664 млн",
        "Підключено працівників працівників освіти системи захисту інформації",
      ],
      ["", "", "", "2026", "інші джерела", "0,896749 млн грн", ""],
      [
        "2.2. Модернізація електронного геопорталу мережі закладів послуг електронного",
        "Модернізація електронного геопорталу мережі закладів послуг електронного",
        "Відділ кадрової роботи",
        "2025",
        "інші джерела",
        "0,681681 млн",
        "Оновлено реєстрів онлайн-запису послуг мережі техніки",
      ],
      ["Всього за напрямом 2", "", "", "2025", "", "1,328321 млн грн", ""],
      ["", "", "", "2026", "", "0,896749 млн", ""],
      ["3. Цифрове врядування", "", "", "", "", "", ""],
      [
        "3.1. Придбання освіти системи електронного системи обладнання серверного системи",
        "Придбання освіти системи електронного системи обладнання серверного системи",
        "Відділ освіти, молоді та спорту, міський ЦНАП",
        "2026",
        "державний бюджет",
        "0,043469 млн грн",
        "Працюють геопорталу",
      ],
      [
        "3.2. Придбання округів техніки послуг",
        "Придбання округів техніки послуг",
        "Управління культури, національностей та релігій",
        "2026",
        "інші джерела",
        "0,203398 млн",
        "Навчено онлайн-запису округів закладів",
      ],
      [
        "3.3. Побудова електронного закладів геопорталу",
        "Побудова електронного закладів геопорталу",
        "Коваль-Їжак Ю.Ґ.",
        "2025",
        "державний бюджет",
        "0,409095 млн грн",
        "Оновлено комп'ютерної документообігу інформації старостинських документообігу",
      ],
      ["", "", "", "2026", "державний бюджет", "0,018701 млн", ""],
      ["Всього за напрямом 3", "", "", "2025", "", "0,409095 млн грн", ""],
      ["", "", "", "2026", "", "0,265568 млн", ""],
      ["Всього за Програмою", "", "", "2025", "", "3,77942 млн грн", ""],
      ["", "", "", "2026", "", "2,894246 млн", ""],
    ],
    headerRows: 1,
  },
];

/**
 * A right-aligned target list whose dash wrapped after the year's label: «у 2026 році» over
 * «– 154 454».
 */
const LOOK_DASH: WordLook = {
  font: "Arial",
  size: 12,
  orientation: "portrait",
  borders: "none",
  align: ["right", "right"],
  boldHeader: true,
  pageNumber: "bottom",
  runningHeader: "",
};
const WORD_DASH: WordBlock[] = [
  ...passport("2026–2027 роки"),
  {
    kind: "table",
    rows: [
      [
        "№ з/п",
        "Пріоритетний напрям",
        "Найменування індикатора",
        "Од. виміру",
        "Формула розрахунку",
        "Базове значення показника",
        "Цільове значення",
        "Динаміка (+/-, %)",
      ],
      [
        "1.",
        "Цифрове врядування",
        "Кількість електронного цифрових відкритих електронного електронного закладів",
        "одиниць",
        "$А$, де А – показник 1.1",
        "1 825 808 273***",
        "у 2026 році – 154 454 832; у 2027 році – 91***",
        "+3",
      ],
    ],
    headerRows: 1,
  },
  { kind: "paragraph", text: "*** – дані за попередній рік" },
];

/**
 * A ruled table whose row the page break cut in several cells, the formula before its reference:
 * «$А$, де А – показник» over «3.3», «2025 – 1 791» over «839 929; 2026 – …».
 */
const LOOK_REFERENCE: WordLook = {
  font: "Arial",
  size: 10,
  orientation: "portrait",
  borders: "all",
  align: ["right", "right", "right"],
  boldHeader: false,
  pageNumber: "bottom",
  runningHeader: "Програма інформатизації громади",
};
const WORD_REFERENCE: WordBlock[] = [
  ...passport("2025–2028 роки"),
  {
    kind: "table",
    rows: [
      [
        "№ п/п",
        "Назва пріоритету",
        "Найменування індикатора",
        "Од. виміру",
        "Формула розрахунку",
        "Базове значення",
        "Цільове значення",
        "Динаміка (+/-, %)",
      ],
      [
        "1",
        "Цифрове врядування",
        "Наявність систем цифрових систем громади ЦНАП цифрових Wi-Fi",
        "так/ні",
        "-",
        "Так",
        "2025 – Так; 2026 – Так; 2027 – Ні; 2028 – Так",
        "",
      ],
      [
        "",
        "",
        "% осіб документообігу освіти освіти систем ЦНАП електронного доступу",
        "%",
        "$(А/В)*100$, де А – показник 1.1, В – показник 1.2",
        "46,99",
        "2025 – 51,33; 2026 – 83,17; 2027 – 48,74; 2028 – 48,32",
        "",
      ],
      [
        "",
        "",
        "% наборів доступу освіти осіб доступу відкритих осіб",
        "%",
        "$(А/В)*100$, де А – показник 1.3, В – показник 1.4",
        "60,86",
        "2025 – 53,17; 2026 – 34,69; 2027 – 13,65; 2028 – 12,6",
        "+5",
      ],
      [
        "2",
        "Цифрові послуги для мешканців",
        "Кількість документообігу наборів відкритих комп'ютерів даних комп'ютерів Wi-Fi наборів мешканців Wi-Fi",
        "осіб",
        "$А$, де А – показник 2.1",
        "70",
        "2025 – 24; 2026 – 884 414 818; 2027 – 85; 2028 – 46",
        "+3",
      ],
      [
        "",
        "",
        "% цифрових громади документообігу доступу",
        "%",
        "$(А/В)*100$, де А – показник 2.2, В – показник 2.3",
        "60,52",
        "2025 – 3,65; 2026 – 39,94; 2027 – 92,58; 2028 – 32,73",
        "+12,5",
      ],
      [
        "3",
        "Кібербезпека та інфраструктура",
        "% точок відкритих ЦНАП ЦНАП закладів",
        "%",
        "$(А/В)*100$, де А – показник 3.1, В – показник 3.2",
        "99,62",
        "2025 – 47,41; 2026 – 99,74; 2027 – 56,81; 2028 – 99,96",
        "",
      ],
      [
        "",
        "",
        "Кількість електронного серверів Wi-Fi освіти систем освіти",
        "шт.",
        "$А$, де А – показник 3.3",
        "1 407 510 647",
        "2025 – 1 791 839 929; 2026 – 1 005; 2027 – 3; 2028 – 1 028",
        "+3",
      ],
    ],
    headerRows: 1,
  },
  { kind: "paragraph", text: "*** – дані за попередній рік" },
];

describe("column edges of a council's borderless table", () => {
  it.skipIf(!soffice)(
    "a wide centred formula under mirrored edges: the midpoints between the headings, on both pages",
    async () => {
      const result = await importPdf(WORD_CENTRED, LOOK_CENTRED);
      const read = result.programme.indicators.map(({ name, formula, baseline, targets }) => ({
        name,
        formula,
        baseline,
        targets,
      }));
      expect(read.slice(2)).toEqual([
        {
          name: "Кількість громади документообігу",
          formula: "$A$, де А – показник 2.1",
          baseline: "79",
          targets: { "2025": "710 246 736", "2026": "422 075 333", "2027": "1 143 825 905" },
        },
        {
          name: "% мешканців осіб мешканців точок освіти даних цифрових",
          formula: "$(A/B)*100$, де А – показник 2.2, В – показник 2.3",
          baseline: "42,98",
          targets: { "2025": "49,15", "2026": "34,37", "2027": "30,89" },
        },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "a short value alone under its year's label goes on the target list",
    async () => {
      const result = await importPdf(WORD_TARGETS, LOOK_TARGETS);
      expect(result.programme.indicators.map(({ targets }) => targets)).toEqual([
        { "2027": "54,17", "2028": "96,94", "2029": "27,27" },
        { "2027": "99,9", "2028": "66,67", "2029": "22,22" },
        { "2027": "0,14", "2028": "48,12", "2029": "40,38" },
        { "2027": "1 204 821 253", "2028": "69", "2029": "82" },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "a row cut after a list's separator goes on on the next page",
    async () => {
      const result = await importPdf(WORD_LIST_CUT, LOOK_LIST_CUT);
      const last = result.programme.indicators.at(-1);
      expect(last?.formula).toBe("$(А/В)*100$, де А – показник 2.1, В – показник 2.2");
      expect(last?.targets).toEqual({ "2026": "42,36", "2027": "81,45", "2028": "76,63", "2029": "39,39" });
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "a row cut inside a grouped amount goes on on the next page",
    async () => {
      const result = await importPdf(WORD_AMOUNT_CUT, LOOK_AMOUNT_CUT);
      expect(result.programme.indicators.map(({ targets }) => targets["2027"])).toEqual([
        "Так",
        "1 163 530 259",
        "540 769 697",
        "Ні",
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "a total's label cut before its direction's number goes on on the next page",
    async () => {
      const result = await importPdf(WORD_LABEL_CUT, LOOK_LABEL_CUT);
      const third = result.programme.directions[2];
      expect(third?.declaredTotals.map(({ label, byYear }) => ({ label, byYear }))).toEqual([
        { label: "Всього за напрямом 3", byYear: { "2025": 40_909_500, "2026": 26_556_800 } },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "a value whose dash wrapped under its year's label goes on the target list",
    async () => {
      const result = await importPdf(WORD_DASH, LOOK_DASH);
      expect(result.programme.indicators.map(({ targets }) => targets)).toEqual([
        { "2026": "154 454 832", "2027": "91" },
      ]);
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "a row cut before a formula's numbered reference goes on on the next page",
    async () => {
      const result = await importPdf(WORD_REFERENCE, LOOK_REFERENCE);
      const last = result.programme.indicators.at(-1);
      expect(last?.formula).toBe("$А$, де А – показник 3.3");
      expect(last?.targets).toEqual({
        "2025": "1 791 839 929",
        "2026": "1 005",
        "2027": "3",
        "2028": "1 028",
      });
      expect(result.coverage?.numbersFlagged).toBe(0);
    },
    120_000,
  );
});
