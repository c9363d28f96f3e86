import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import { convertAll } from "../support/office-cache.js";
import { type Alignment, type WordBlock, type WordLook, wordDocument } from "../support/word-document.js";
import { convertAhead, hasSoffice, wordAs } from "./families/office.js";
import { spacedPassport } from "./families/spaced-passport.js";

/**
 * Tables without borders and without a header the interpreter knows (issue 17), in the shapes the
 * headerless reader (`src/import/pdf/aligned.ts`) first misread: each read from its PDF as from its DOCX.
 */
const soffice = hasSoffice("test/import/pdf-headerless.test.ts");

const LOOK: WordLook = {
  font: "Times New Roman",
  size: 12,
  orientation: "portrait",
  borders: "none",
  align: ["left"],
  boldHeader: false,
  pageNumber: "none",
  runningHeader: "",
};

const fieldsOf = ({ programme }: ImportResult) =>
  programme.passport.fields.map(({ number, label, value }) => ({ number, label, value }));

/** A passport of two columns, name and value, no field numbers. */
const NUMBERLESS: [string, string][] = [
  ["Найменування територіальної громади", "Тестова сільська територіальна громада"],
  ["Код за Кодифікатором адміністративно-територіальних одиниць", "UA01020030040050060"],
  ["Мета Програми", "Розвиток цифрових послуг для мешканців громади"],
  ["Розробник Програми", "Виконавчий комітет Тестової сільської ради"],
  ["Відповідальні за виконання заходів Програми", "Відділ цифрового розвитку, ЦНАП"],
  ["Строк виконання Програми", "2025–2027 роки"],
  [
    "Джерела та обсяги фінансування, тис. грн",
    "Загальний обсяг фінансування Програми становить 300,000 тис. грн, у тому числі з місцевого бюджету – " +
      "300,000 тис. грн (2025 рік – 100,000 тис. грн, 2026 рік – 100,000 тис. грн, 2027 рік – 100,000 тис. грн).",
  ],
];
const numberless = (borders: boolean): WordBlock[] => [
  { kind: "paragraph", text: "ПАСПОРТ" },
  { kind: "table", rows: NUMBERLESS.map(([label, value]) => [label, value]), headerRows: 0, borders },
  { kind: "paragraph", text: "Додаток 1" },
];

/**
 * A generated passport without field numbers (two columns, field 10 as a sentence) without borders,
 * every cell centred or right-aligned: no two lines start a column at one x. (Numbered, its narrow
 * number column touches a long name on some line: not yet read.)
 */
const aligned = fc.tuple(
  spacedPassport.filter(({ word }) =>
    word.every((block) => block.kind !== "table" || block.rows.every((row) => row.length <= 2)),
  ),
  fc.constantFrom<Alignment>("center", "right"),
  fc.integer({ min: 10, max: 13 }),
);
const ALIGNED = { numRuns: 4, seed: 17, endOnFailure: true };
const alignedWord = ([{ word }, align, size]: [{ word: WordBlock[] }, Alignment, number]) => ({
  blocks: word.map((block) => (block.kind === "table" ? { ...block, borders: false } : block)),
  look: { ...LOOK, size, align: [align] },
});

/** The same passport numbered: three columns, every cell centred. */
const numbered = (borders: boolean): WordBlock[] => [
  { kind: "paragraph", text: "ПАСПОРТ" },
  {
    kind: "table",
    rows: NUMBERLESS.map(([label, value], index) => [`${[1, 2, 5, 6, 8, 9, 10][index]}.`, label, value]),
    headerRows: 0,
    borders,
  },
  { kind: "paragraph", text: "Додаток 1" },
];
const CENTRED: WordLook = { ...LOOK, align: ["center"] };

/** The typical local programme's older passport form, its fields unnumbered. */
const oldForm = (borders: boolean): WordBlock[] => [
  { kind: "paragraph", text: "ПАСПОРТ" },
  {
    kind: "table",
    headerRows: 0,
    borders,
    rows: [
      ["Ініціатор розроблення Програми", "Виконавчий комітет міської ради"],
      ["Розробник Програми", "Відділ інформаційних технологій"],
      ["Учасники Програми", "Структурні підрозділи виконавчого комітету"],
      ["Термін реалізації Програми", "2026-2028 роки"],
      ["Загальний обсяг фінансових ресурсів, необхідних для реалізації Програми, тис. грн", "300,0"],
    ],
  },
  { kind: "paragraph", text: "Додаток 1" },
];

beforeAll(async () => {
  if (!soffice) return;
  await convertAll(
    [
      await wordDocument(numberless(false), LOOK),
      await wordDocument(oldForm(false), LOOK),
      await wordDocument(numbered(false), CENTRED),
    ],
    "docx",
    "pdf",
  );
  await convertAhead([aligned.map(alignedWord)], ["pdf"], ALIGNED);
}, 600_000);

describe("a passport whose cells are centred or right-aligned in every row", () => {
  it.skipIf(!soffice)(
    `is read from the gaps empty on every line (${ALIGNED.numRuns} samples)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(aligned, async (drawn) => {
          const { blocks, look } = alignedWord(drawn);
          const result = await importDocument(await wordAs(blocks, "pdf", look), "p.pdf");
          const printed = drawn[0].fields.map((field) =>
            field.number === 10 ? { ...field, value: expect.any(String) } : field,
          );
          expect(fieldsOf(result)).toEqual(printed);
          const { line: _line, ...funding } = result.programme.passport.funding;
          expect(funding).toEqual(drawn[0].funding);
          expect(result.coverage?.numbersFlagged ?? 0).toBe(0);
          expect(result.findings.map((finding) => finding.code)).not.toContain("import.pdf-unframed-table");
        }),
        ALIGNED,
      );
    },
    600_000,
  );
});

describe("a passport without field numbers, its fields known by their names", () => {
  it.skipIf(!soffice)(
    "reads from its PDF without borders as from its DOCX",
    async () => {
      const pdf = await importDocument(await wordAs(numberless(false), "pdf", LOOK), "p.pdf");
      const docx = await importDocument(await wordDocument(numberless(true)), "p.docx");
      expect(fieldsOf(pdf)).toEqual(fieldsOf(docx));
      expect(fieldsOf(pdf).map((field) => field.number)).toEqual([1, 2, 5, 6, 8, 9, 10]);
      expect(fieldsOf(pdf)[3]).toEqual({
        number: 6,
        label: "Розробник Програми",
        value: "Виконавчий комітет Тестової сільської ради",
      });
      expect(pdf.programme.passport.funding.bySourceByYear.local).toEqual({
        "2025": 10_000_000,
        "2026": 10_000_000,
        "2027": 10_000_000,
      });
      expect(pdf.findings.map((finding) => finding.code)).not.toContain("import.pdf-unframed-table");
    },
    120_000,
  );

  it.skipIf(!soffice)(
    "the older form, numberless too: read by its fields' names (PDF as DOCX)",
    async () => {
      const pdf = await importDocument(await wordAs(oldForm(false), "pdf", LOOK), "p.pdf");
      const docx = await importDocument(await wordDocument(oldForm(true)), "p.docx");
      expect(fieldsOf(pdf)).toEqual(fieldsOf(docx));
      expect(fieldsOf(docx).map(({ number, value }) => [number, value])).toEqual([
        [6, "Відділ інформаційних технологій"],
        [8, "Структурні підрозділи виконавчого комітету"],
        [9, "2026-2028 роки"],
        [10, "300,0"],
      ]);
    },
    120_000,
  );
});

describe("a numbered passport, every cell centred, without borders", () => {
  // Field 10's centred lines are of other widths: the reading sets its lines after the first apart.
  it.skipIf(!soffice)(
    "reads each field's whole value from its PDF as from its DOCX",
    async () => {
      const pdf = await importDocument(await wordAs(numbered(false), "pdf", CENTRED), "p.pdf");
      const docx = await importDocument(await wordDocument(numbered(true)), "p.docx");
      expect(fieldsOf(pdf)).toEqual(fieldsOf(docx));
      expect(fieldsOf(pdf).map((field) => field.value)).toEqual(NUMBERLESS.map(([, value]) => value));
    },
    120_000,
  );
});
