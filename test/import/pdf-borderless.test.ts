import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { importDocument, importText } from "../../src/import/index.js";
import type { WordBlock } from "../support/word-document.js";
import { annexesDocument, givesAnnexesBack } from "./families/indicator-annexes.js";
import { modelDeadlines } from "./families/model.js";
import { convertAhead, hasSoffice, wordAs } from "./families/office.js";
import { oneCellDocument } from "./families/one-cell-per-line.js";
import { pagedSpelledDocument } from "./families/paged-model-table.js";
import { deadlinesView, taskTableView } from "./families/view.js";
import { OFFICE_PROPERTY_RUNS } from "./families/word.js";

/**
 * A task table printed without borders (a Word table with its borders set to none, as many councils'
 * PDFs have it): LibreOffice's PDF of it has no ruling lines, so its columns come from the alignment
 * of the text under the header. Generated family-1 programmes (wrapped cells, a spanning money
 * heading, rows cut by page breaks, split tables) and family-2 ones (amounts in UAH that wrap in their
 * narrow columns) import from that PDF to the same model as from their text, and so do family-4
 * indicator annexes (the indicator list and the monitoring variables, names split by page breaks; the
 * passport, a table with no header, keeps its borders here: passports without them are read from
 * their alignment in pdf-unframed.test.ts).
 */
const soffice = hasSoffice("test/import/pdf-borderless.test.ts");

const borderless = (blocks: WordBlock[]): WordBlock[] =>
  blocks.map((block) => (block.kind === "table" ? { ...block, borders: false } : block));

/** The annexes' tables without borders; the passport (no header to rebuild its columns from) keeps them. */
const annexesBorderless = (blocks: WordBlock[]): WordBlock[] =>
  blocks.map((block) =>
    block.kind === "table" && block.headerRows > 0 ? { ...block, borders: false } : block,
  );

beforeAll(async () => {
  const words = [
    ...[pagedSpelledDocument, oneCellDocument].map((family) => family.map(({ word }) => borderless(word))),
    annexesDocument.map(({ word }) => annexesBorderless(word)),
  ];
  if (soffice) await convertAhead(words, ["pdf"]);
}, 600_000);

describe("a PDF of a task table without borders", () => {
  it.skipIf(!soffice)(
    `imports ${OFFICE_PROPERTY_RUNS.numRuns} generated family-1 programmes to the model their text gives`,
    async () => {
      await fc.assert(
        fc.asyncProperty(pagedSpelledDocument, async ({ model, text, word }) => {
          const pdf = await wordAs(borderless(word), "pdf");
          const result = await importDocument(pdf, "programme.pdf");
          const fromText = importText(text);
          expect(taskTableView(result.programme)).toEqual(model.directions);
          expect(taskTableView(result.programme)).toEqual(taskTableView(fromText.programme));
          const deadlines = modelDeadlines(model);
          expect(deadlinesView(result.programme, deadlines)).toEqual(deadlines);
          expect(result.coverage?.numbersFlagged).toBe(0);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );

  it.skipIf(!soffice)(
    `imports ${OFFICE_PROPERTY_RUNS.numRuns} generated family-2 programmes to the model their text gives`,
    async () => {
      await fc.assert(
        fc.asyncProperty(oneCellDocument, async ({ model, style, text, word }) => {
          const pdf = await wordAs(borderless(word), "pdf");
          const result = await importDocument(pdf, "programme.pdf");
          expect(taskTableView(result.programme)).toEqual(model.directions);
          expect(taskTableView(result.programme)).toEqual(taskTableView(importText(text).programme));
          expect(result.programme.unit).toBe(style.unit);
          expect(result.coverage?.numbersFlagged).toBe(0);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );

  it.skipIf(!soffice)(
    `imports ${OFFICE_PROPERTY_RUNS.numRuns} generated family-4 indicator annexes to the model their text gives`,
    async () => {
      await fc.assert(
        fc.asyncProperty(annexesDocument, async (rendered) => {
          const pdf = await wordAs(annexesBorderless(rendered.word), "pdf");
          givesAnnexesBack(await importDocument(pdf, "programme.pdf"), rendered);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );
});
