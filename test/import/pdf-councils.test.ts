import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import type { WordBlock, WordLook } from "../support/word-document.js";
import { annexesDocument, givesAnnexesBack } from "./families/indicator-annexes.js";
import { convertAhead, hasSoffice, type LookedWord, wordAs } from "./families/office.js";
import { oneCellDocument } from "./families/one-cell-per-line.js";
import { inSectionWords, pagedDocument } from "./families/paged-model-table.js";
import { taskTableView } from "./families/view.js";
import { LOOK_PROPERTY_RUNS, wordLook } from "./families/word.js";
import { yearRowsDocument, yearRowsModel } from "./families/years-as-rows.js";

/**
 * PDFs as councils publish them (issues 11, 17): generated programmes of families 1, 2 and 4 and the
 * years-as-rows table, printed by LibreOffice in a random look (Times New Roman or Arial at 10–14 pt,
 * landscape or portrait, tables ruled all over, only horizontally or not at all, columns centred or
 * right-aligned, bold headers, page numbers and a running header), import from the PDF to the model
 * their text gives. The conversions are cached (test/support/office-cache.ts).
 */
const soffice = hasSoffice("test/import/pdf-councils.test.ts");

const paged = fc.tuple(pagedDocument, wordLook);
/** Family 1's samples again, their directions headed by a council's own word («Складова 2. Назва»). */
const sections = paged.map(([document, look]) => [inSectionWords(document), look] as const);
const oneCell = fc.tuple(oneCellDocument, wordLook);
const annexes = fc.tuple(
  annexesDocument.map((rendered) => ({ ...rendered, word: passportRuled(rendered.word) })),
  wordLook,
);
const yearRows = fc.tuple(yearRowsDocument, wordLook);

/**
 * The passport of the annexes (a table with no header to find its columns by) is ruled all over, as
 * in pdf-borderless.test.ts (passports without borders: pdf-unframed.test.ts).
 */
const passportRuled = (blocks: WordBlock[]): WordBlock[] =>
  blocks.map((block) =>
    block.kind === "table" && block.headerRows === 0 ? { ...block, borders: true } : block,
  );

const looked = ([{ word }, look]: readonly [{ word: WordBlock[] }, WordLook]): LookedWord => ({
  blocks: word,
  look,
});

beforeAll(async () => {
  const all = [paged, sections, oneCell, annexes, yearRows].map((each) => each.map(looked));
  if (soffice) await convertAhead(all, ["pdf"], LOOK_PROPERTY_RUNS);
}, 900_000);

async function importPdf(word: WordBlock[], look: WordLook): Promise<ImportResult> {
  return importDocument(await wordAs(word, "pdf", look), "programme.pdf");
}

function placesEveryNumber(result: ImportResult): void {
  expect(result.coverage?.numbersFlagged).toBe(0);
}

/**
 * Samples (by their index among the fixed seed's runs) that the PDF reader does not read right yet, per
 * family. They are run and their outcome printed, but not asserted either way: a change to a family's
 * generator draws other samples at the same indices, and this list is then rebuilt from the printed
 * outcomes (every sample not listed must pass).
 */
const PENDING: Record<string, number[]> = {
  paged: [],
  sections: [],
  oneCell: [],
  annexes: [],
  yearRows: [],
};

/**
 * The property over the fixed seed's samples one by one, the pending ones run and reported only; with a
 * random seed (`npm run test:layouts`), over every sample.
 */
async function eachSample<T>(
  family: string,
  arbitrary: fc.Arbitrary<T>,
  check: (value: T) => Promise<void>,
): Promise<void> {
  if (LOOK_PROPERTY_RUNS.seed === undefined) {
    await fc.assert(fc.asyncProperty(arbitrary, check), LOOK_PROPERTY_RUNS);
    return;
  }
  const pending = PENDING[family] ?? [];
  for (const [index, value] of fc.sample(arbitrary, LOOK_PROPERTY_RUNS).entries()) {
    if (!pending.includes(index)) await check(value);
    else await reportPending(`${family} ${index}`, check(value));
  }
}

async function reportPending(sample: string, outcome: Promise<void>): Promise<void> {
  const error = await outcome.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  const verdict = error === undefined ? "now passes: take it off PENDING" : "still fails";
  console.info(`pdf-councils: pending sample ${sample} ${verdict}`);
}

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

async function checkPaged([{ model, text, word }, look]: readonly [
  { model: ValueOf<typeof paged>[0]["model"]; text: string; word: WordBlock[] },
  WordLook,
]): Promise<void> {
  const result = await importPdf(word, look);
  expect(taskTableView(result.programme)).toEqual(model.directions);
  expect(taskTableView(result.programme)).toEqual(taskTableView(importText(text).programme));
  placesEveryNumber(result);
}

async function checkOneCell([{ model, style, text, word }, look]: ValueOf<typeof oneCell>): Promise<void> {
  const result = await importPdf(word, look);
  expect(taskTableView(result.programme)).toEqual(model.directions);
  expect(taskTableView(result.programme)).toEqual(taskTableView(importText(text).programme));
  expect(result.programme.unit).toBe(style.unit);
  placesEveryNumber(result);
}

async function checkAnnexes([rendered, look]: ValueOf<typeof annexes>): Promise<void> {
  givesAnnexesBack(await importPdf(rendered.word, look), rendered);
}

async function checkYearRows([{ model, style, word }, look]: ValueOf<typeof yearRows>): Promise<void> {
  const result = await importPdf(word, look);
  expect(taskTableView(result.programme)).toEqual(yearRowsModel(model, style));
  expect(result.programme.unit).toBe(style.unit);
  placesEveryNumber(result);
}

/** One sample of a family, drawn as `INFOPROG_LAYOUT_SEED=seed` draws it at `index`, and checked. */
function sampleOf<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>) {
  return (seed: number, index: number): Promise<void> => {
    const value = fc.sample(arbitrary, { seed, numRuns: index + 1 })[index];
    if (value === undefined) throw new Error(`no sample ${index} for seed ${seed}`);
    return check(value);
  };
}

const SAMPLE_OF = {
  paged: sampleOf(paged, checkPaged),
  sections: sampleOf(sections, checkPaged),
  oneCell: sampleOf(oneCell, checkOneCell),
  annexes: sampleOf(annexes, checkAnnexes),
  yearRows: sampleOf(yearRows, checkYearRows),
};

/**
 * Samples other seeds drew (`INFOPROG_LAYOUT_SEED`, by their index among that seed's runs) that the
 * PDF reader once misread, read in `npm test` too so that they stay read. A change to a family's
 * generator draws other samples there: then what each one was (its comment) is the case to keep.
 */
const SEEDED: { family: keyof typeof SAMPLE_OF; seed: number; index: number; was: string }[] = [
  {
    family: "sections",
    seed: 5,
    index: 1,
    was: "«Програма N. Назва» centred in a table ruled only horizontally: three directions read as one untitled",
  },
  {
    family: "sections",
    seed: 5,
    index: 8,
    was: "«Компонент N. Назва» right-aligned in a table ruled only horizontally: three directions read as one untitled",
  },
  {
    family: "oneCell",
    seed: 61,
    index: 3,
    was: "the money heading, centred over «Всього | 2026 | 2027» and narrower than them, stood over «2026» alone",
  },
  {
    family: "annexes",
    seed: 61,
    index: 5,
    was: "the page break cut an indicator's row after «2026 р. –», its name going on with «Wi-Fi»",
  },
];

describe("a council's PDF of a generated programme", () => {
  it.skipIf(!soffice)(
    `family 1: ${LOOK_PROPERTY_RUNS.numRuns} programmes import to the model their text gives`,
    async () => {
      await eachSample("paged", paged, checkPaged);
    },
    300_000,
  );

  it.skipIf(!soffice)(
    `family 1 headed by a council's own word: ${LOOK_PROPERTY_RUNS.numRuns} programmes import to the model their text gives`,
    async () => {
      await eachSample("sections", sections, checkPaged);
    },
    300_000,
  );

  it.skipIf(!soffice)(
    `family 2: ${LOOK_PROPERTY_RUNS.numRuns} programmes import to the model their text gives`,
    async () => {
      await eachSample("oneCell", oneCell, checkOneCell);
    },
    300_000,
  );

  it.skipIf(!soffice)(
    `family 4: ${LOOK_PROPERTY_RUNS.numRuns} indicator annexes import to what their text gives`,
    async () => {
      await eachSample("annexes", annexes, checkAnnexes);
    },
    300_000,
  );

  it.skipIf(!soffice)(
    `years as rows: ${LOOK_PROPERTY_RUNS.numRuns} programmes import to the model their text gives`,
    async () => {
      await eachSample("yearRows", yearRows, checkYearRows);
    },
    300_000,
  );

  for (const { family, seed, index, was } of SEEDED)
    it.skipIf(!soffice)(
      `${family} sample ${index} of seed ${seed} (${was}) imports to what its text gives`,
      async () => {
        await SAMPLE_OF[family](seed, index);
      },
      120_000,
    );
});
