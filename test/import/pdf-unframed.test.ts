import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import { type WordBlock, type WordCell, type WordLook, wordDocument } from "../support/word-document.js";
import { modelDeadlines } from "./families/model.js";
import { convertAhead, hasSoffice, type LookedWord, wordAs } from "./families/office.js";
import { pagedSpelledDocument } from "./families/paged-model-table.js";
import { type SpacedPassport, spacedPassport } from "./families/spaced-passport.js";
import { deadlinesView, taskTableView } from "./families/view.js";

/**
 * Tables printed without borders and without a header the interpreter knows (issues 11, 17): the
 * passport (`№ | name | value`, field 10 as a small table of years or as a sentence), and a task table
 * a page break split whose second part starts with its rows, no header, no column-number row. The PDF
 * reader rebuilds them from the alignment of their lines, so they import as their ruled printing (and
 * their DOCX) do, and nothing is named `import.pdf-unframed-table`. LibreOffice's conversions are
 * cached (test/support/office-cache.ts).
 */
const soffice = hasSoffice("test/import/pdf-unframed.test.ts");

const LOOKS: WordLook[] = [
  {
    font: "Times New Roman",
    size: 12,
    orientation: "landscape",
    borders: "none",
    align: ["left"],
    boldHeader: false,
    pageNumber: "none",
    runningHeader: "",
  },
  {
    font: "Arial",
    size: 11,
    orientation: "portrait",
    borders: "none",
    align: ["left"],
    boldHeader: false,
    pageNumber: "bottom",
    runningHeader: "",
  },
];

const FIELDS: [string, string][] = [
  ["Найменування територіальної громади", "Тестова сільська територіальна громада"],
  ["Код за Кодифікатором адміністративно-територіальних одиниць", "UA01020030040050060"],
  [
    "Заголовок, дата, номер розпорядчого документа про розроблення проєкту Програми",
    "Розпорядження сільського голови від 12.09.2024 № 145-од «Про розроблення Програми»",
  ],
  ["Дата погодження проєкту Програми", "15.12.2024"],
  [
    "Мета Програми",
    "Розвиток цифрових послуг для мешканців громади, електронного документообігу та захисту даних посадових осіб",
  ],
  ["Розробник Програми", "Виконавчий комітет Тестової сільської ради"],
  ["Керівник Програми", "Заступник сільського голови Олена Приклад"],
  ["Відповідальні за виконання заходів Програми", "Відділ цифрового розвитку, ЦНАП, відділ освіти"],
  ["Строк виконання Програми", "2025–2027 роки"],
];

const FIELD_10 = "Джерела та обсяги фінансування, тис. грн";

/** The passport with field 10 as a small table of years (`yearTable`) or as a sentence. */
function passport(yearTable: boolean, borders: boolean): WordBlock[] {
  const span = yearTable ? 5 : 1;
  const rows: WordCell[][] = [
    ...FIELDS.map(([label, value], index): WordCell[] => [`${index + 1}.`, label, { text: value, span }]),
    ...(yearTable
      ? [
          ["10.", FIELD_10, "", "Всього", "2025 рік", "2026 рік", "2027 рік"],
          ["", "", "Загальний обсяг", "1 350,500", "400,000", "450,500", "500,000"],
          ["", "", "у тому числі:", "", "", "", ""],
          ["", "", "місцевий бюджет", "1 050,500", "300,000", "350,500", "400,000"],
          ["", "", "державний бюджет", "300,000", "100,000", "100,000", "100,000"],
        ]
      : [
          [
            "10.",
            FIELD_10,
            {
              text:
                "Загальний обсяг фінансування Програми становить 1 350,500 тис. грн, у тому числі з місцевого " +
                "бюджету – 1 050,500 тис. грн (2025 рік – 300,000 тис. грн, 2026 рік – 350,500 тис. грн, 2027 " +
                "рік – 400,000 тис. грн), з державного бюджету – 300,000 тис. грн (2025 рік – 100,000 тис. " +
                "грн, 2026 рік – 100,000 тис. грн, 2027 рік – 100,000 тис. грн).",
              span,
            },
          ],
        ]),
  ];
  return [
    { kind: "paragraph", text: "ПАСПОРТ" },
    { kind: "paragraph", text: "Програми цифрового розвитку Тестової сільської територіальної громади" },
    { kind: "table", rows, headerRows: 0, borders },
    { kind: "paragraph", text: "Додаток 1" },
  ];
}

/** The passport as read, its lines aside (a PDF numbers its lines otherwise than a DOCX). */
function passportOf({ programme }: ImportResult) {
  const { line: _line, ...funding } = programme.passport.funding;
  return {
    fields: programme.passport.fields.map(({ number, label, value }) => ({ number, label, value })),
    funding,
  };
}

const codes = (result: ImportResult) => result.findings.map((finding) => finding.code);

/** A generated passport's Word table without its borders, in a plain left-aligned look. */
const looked = fc.tuple(spacedPassport, fc.constantFrom(...LOOKS), fc.integer({ min: 10, max: 13 }));
const PROPERTY = { numRuns: 5, seed: 20_261_206, endOnFailure: true };
const borderless = (blocks: WordBlock[]): WordBlock[] =>
  blocks.map((block) => (block.kind === "table" ? { ...block, borders: false } : block));
const lookOf = (look: WordLook, size: number): WordLook => ({ ...look, size });

/** Family 1 with page breaks that split the table, the next part starting with its rows (no header). */
const splitHeadless = pagedSpelledDocument
  .filter(({ word }) => word.some((block) => block.kind === "page-break"))
  .map((rendered) => ({ ...rendered, word: headless(rendered.word) }));
const SPLIT = { numRuns: 2, seed: 7, endOnFailure: true };

/**
 * The parts after a page break without the rows that top them (the column-number row), every part in
 * the columns of the whole table (as one Word table's pages line up) and without borders.
 */
function headless(blocks: WordBlock[]): WordBlock[] {
  const parts = blocks.map((block, index) =>
    block.kind === "table" && blocks[index - 1]?.kind === "page-break"
      ? { ...block, rows: block.rows.slice(block.headerRows), headerRows: 0 }
      : block,
  );
  const widthRows = parts.flatMap((block) => (block.kind === "table" ? block.rows : []));
  return parts.map((block) => (block.kind === "table" ? { ...block, borders: false, widthRows } : block));
}

beforeAll(async () => {
  if (!soffice) return;
  const fixed = [true, false].flatMap((yearTable) =>
    LOOKS.flatMap((look) => [
      fc.constant<LookedWord>({ blocks: passport(yearTable, false), look }),
      fc.constant<LookedWord>({ blocks: passport(yearTable, true), look: { ...look, borders: "all" } }),
    ]),
  );
  await convertAhead(fixed, ["pdf"], { numRuns: 1, seed: 1 });
  await convertAhead(
    [
      looked.map(([generated, look, size]) => ({
        blocks: borderless(generated.word),
        look: lookOf(look, size),
      })),
    ],
    ["pdf"],
    PROPERTY,
  );
  await convertAhead([splitHeadless.map(({ word }) => word)], ["pdf"], SPLIT);
  await convertAhead([fc.constant<LookedWord>({ blocks: SIGNATURES, look: LOOKS[0] as WordLook })], ["pdf"], {
    numRuns: 1,
    seed: 1,
  });
}, 900_000);

describe("a passport printed without borders", () => {
  for (const yearTable of [true, false])
    for (const look of LOOKS)
      it.skipIf(!soffice)(
        `reads as the ruled one: field 10 as ${yearTable ? "a table of years" : "a sentence"}, ${look.font} ${look.orientation}`,
        async () => {
          const plain = await importDocument(await wordAs(passport(yearTable, false), "pdf", look), "p.pdf");
          const ruled = await importDocument(
            await wordAs(passport(yearTable, true), "pdf", { ...look, borders: "all" }),
            "p.pdf",
          );
          const docx = await importDocument(await wordDocument(passport(yearTable, true)), "p.docx");
          expect(passportOf(plain)).toEqual(passportOf(ruled));
          expect(passportOf(plain)).toEqual(passportOf(docx));
          expect(plain.programme.passport.fields).toHaveLength(10);
          expect(plain.programme.passport.funding.bySourceByYear.local).toEqual({
            "2025": 30_000_000,
            "2026": 35_050_000,
            "2027": 40_000_000,
          });
          expect(codes(plain)).not.toContain("import.pdf-unframed-table");
          expect(plain.coverage?.numbersFlagged).toBe(0);
        },
        300_000,
      );

  it.skipIf(!soffice)(
    `gives a generated passport's fields and field 10 back (${PROPERTY.numRuns} samples)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(looked, async ([generated, look, size]) => {
          const pdf = await wordAs(borderless(generated.word), "pdf", lookOf(look, size));
          const result = await importDocument(pdf, "p.pdf");
          givesPassportBack(result, generated);
          expect(codes(result)).not.toContain("import.pdf-unframed-table");
        }),
        PROPERTY,
      );
    },
    600_000,
  );
});

function givesPassportBack(result: ImportResult, generated: SpacedPassport): void {
  const { fields, funding } = passportOf(result);
  const printed = generated.fields.map((field) =>
    field.number === 10 ? { ...field, value: expect.any(String) } : field,
  );
  expect(fields).toEqual(printed);
  expect(funding).toEqual(generated.funding);
  expect(result.coverage?.numbersFlagged ?? 0).toBe(0);
}

/**
 * Issue 17: a value's wrapped line, the widest of the table (it sets the table's right edge), alone on
 * its line at the value column's left edge, is that value's, not a row across the table.
 */
const WRAPPED_WIDEST: [string, string][] = [
  ["Найменування територіальної громади", "Тестова сільська територіальна громада"],
  [
    "Заголовок, дата, номер розпорядчого документа про розроблення проєкту Програми",
    "Даних цифрових електронного електронного даних мешканців",
  ],
  ["Мета Програми", "Закладів осіб відкритих закладів осіб"],
  ["Розробник Програми", "Освіти систем посадових документообігу комп'ютерів комп'ютерів"],
  [
    "Керівник Програми",
    "Заступник сільського голови Закладів доступу осіб наборів наборів Wi-Fi посадових посадових",
  ],
  ["Відповідальні за виконання заходів Програми", "Wi-Fi закладів документообігу комп'ютерів Wi-Fi"],
  ["Строк реалізації Програми", "2025–2025 роки"],
];
const WRAPPED_WIDEST_BLOCKS: WordBlock[] = [
  { kind: "paragraph", text: "ПАСПОРТ" },
  { kind: "paragraph", text: "Програми цифрового розвитку Тестової сільської територіальної громади" },
  {
    kind: "table",
    headerRows: 0,
    borders: false,
    rows: [
      ...WRAPPED_WIDEST.map(([label, value]): WordCell[] => [label, { text: value, span: 2 }]),
      ["Джерела та обсяги фінансування, грн", "", "2025 рік"],
      ["", "Загальний обсяг", "6688204,06"],
      ["", "місцевий бюджет", "6688204,06"],
    ],
  },
  { kind: "paragraph", text: "Додаток 1" },
  { kind: "paragraph", text: "Перелік завдань і проєктів Програми" },
];
const WRAPPED_WIDEST_LOOK: WordLook = { ...(LOOKS[1] as WordLook), size: 13 };

describe("a value's wrapped line that is the table's widest", () => {
  it.skipIf(!soffice)(
    "stays in the value's cell",
    async () => {
      const pdf = await wordAs(WRAPPED_WIDEST_BLOCKS, "pdf", WRAPPED_WIDEST_LOOK);
      const { fields, funding } = passportOf(await importDocument(pdf, "p.pdf"));
      const values = fields.filter((field) => field.number !== 10).map(({ label, value }) => [label, value]);
      expect(values).toEqual(WRAPPED_WIDEST);
      expect(funding.bySourceByYear).toEqual({ local: { "2025": 668_820_406 } });
    },
    300_000,
  );
});

/** The ruled passport and, after it, a table without borders that no rule reads (who signed what). */
const SIGNATURES: WordBlock[] = [
  ...passport(true, true),
  {
    kind: "table",
    headerRows: 0,
    borders: false,
    rows: [
      ["Погоджено", "Начальник відділу цифрового розвитку", "Петро Іваненко"],
      ["Погоджено", "Начальник фінансового відділу", "Марія Коваленко"],
      ["Підготувала", "Спеціаліст відділу цифрового розвитку", "Ольга Шевченко"],
    ],
  },
];

describe("a table without borders that no rule reads", () => {
  it.skipIf(!soffice)("is read from its alignment and still named as unframed, with its lines", async () => {
    const result = await importDocument(await wordAs(SIGNATURES, "pdf", LOOKS[0]), "p.pdf");
    const finding = result.findings.find((each) => each.code === "import.pdf-unframed-table");
    expect(finding?.message).toMatch(/рядки \d+, \d+, \d+\)/);
    expect(result.programme.passport.fields).toHaveLength(10);
  });
});

describe("a task table without borders that a page break split, going on without a header", () => {
  it.skipIf(!soffice)(
    `gives the model back (${SPLIT.numRuns} samples)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(splitHeadless, async ({ model, word }) => {
          const result = await importDocument(await wordAs(word, "pdf"), "p.pdf");
          expect(taskTableView(result.programme)).toEqual(model.directions);
          expect(codes(result)).not.toContain("import.pdf-unframed-table");
          const deadlines = modelDeadlines(model);
          expect(deadlinesView(result.programme, deadlines)).toEqual(deadlines);
          expect(result.coverage?.numbersFlagged).toBe(0);
        }),
        SPLIT,
      );
    },
    600_000,
  );
});
