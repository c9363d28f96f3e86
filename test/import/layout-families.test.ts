import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import type { WordBlock } from "../support/word-document.js";
import { type DirectionColumnStyle, directionColumnDocument } from "./families/direction-column.js";
import {
  modelDeadlines,
  modelExecutors,
  PROPERTY_RUNS,
  RUNS,
  type TaskTableModel,
} from "./families/model.js";
import {
  convertAhead,
  hasSoffice,
  importConverted,
  importWord,
  type OfficeFormat,
} from "./families/office.js";
import { oneCellDocument } from "./families/one-cell-per-line.js";
import {
  pagedDocument,
  pagedExecutorGapsDocument,
  pagedOneYearDocument,
  pagedShapedDocument,
  pagedSpelledDocument,
  renderPaged,
} from "./families/paged-model-table.js";
import { spacedDocument } from "./families/space-aligned.js";
import { deadlinesView, executorsView, taskTableView } from "./families/view.js";
import { DOCX_PROPERTY_RUNS, OFFICE_PROPERTY_RUNS } from "./families/word.js";
import { toCsv, yearRowsDocument, yearRowsModel } from "./families/years-as-rows.js";

/**
 * Generated programmes rendered in each layout family: `import(render(model))` equals `model`, and
 * every number is accounted for. INFOPROG_LAYOUT_RUNS sets the number of programmes per family
 * (200 here; `npm run test:layouts` reads many more). The same rows are also rendered as a real Word
 * document (25 programmes per family here), and a few of those as LibreOffice's ODT and PDF.
 */
const PARAMETERS = PROPERTY_RUNS;
const soffice = hasSoffice("test/import/layout-families.test.ts");
const OFFICE_FORMATS: OfficeFormat[] = ["odt", "pdf"];

beforeAll(async () => {
  const words = [
    pagedSpelledDocument.map(({ word }) => word),
    oneCellDocument.map(({ word }) => word),
    directionColumnDocument.map(({ word }) => word),
  ];
  if (soffice) await convertAhead(words, OFFICE_FORMATS);
}, 600_000);

/** The task table as the model states it, and each project's executors split as the model lists them. */
function readsModel(result: ImportResult, model: TaskTableModel): void {
  expect(taskTableView(result.programme)).toEqual(model.directions);
  expect(executorsView(result.programme)).toEqual(modelExecutors(model));
  readsDeadlines(result, model);
}

/** Each deadline the model printed, in whatever spelling, parsed to what it means (not only kept as text). */
function readsDeadlines(result: ImportResult, model: TaskTableModel): void {
  const deadlines = modelDeadlines(model);
  expect(deadlinesView(result.programme, deadlines)).toEqual(deadlines);
}

/** Every number placed, and no sum finding: the generated tables add up. */
function readsCleanly(result: ImportResult): void {
  const coverage = result.coverage;
  expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
  expect(coverage?.numbersFlagged).toBe(0);
  const sums = result.findings.filter((finding) => /^(amount|direction|programme)\./.test(finding.code));
  expect(sums.map((finding) => finding.message)).toEqual([]);
}

/** What a family's test checks of one generated programme read back. */
type Check<Sample> = (result: ImportResult, sample: Sample) => void;
type SampleOf<Documents> = Documents extends fc.Arbitrary<infer Sample> ? Sample : never;

/** The model's task table and executors, every number placed, no sum finding. */
function readsModelCleanly(result: ImportResult, { model }: { model: TaskTableModel }): void {
  readsModel(result, model);
  readsCleanly(result);
}

/** The model's task table (not its executors), every number placed, no sum finding. */
function readsTable(result: ImportResult, { model }: { model: TaskTableModel }): void {
  expect(taskTableView(result.programme)).toEqual(model.directions);
  readsDeadlines(result, model);
  readsCleanly(result);
}

/** Family 2's model, in the unit its style prints. */
function readsOneCell(result: ImportResult, { model, style }: SampleOf<typeof oneCellDocument>): void {
  readsModel(result, model);
  expect(result.programme.unit).toBe(style.unit);
  readsCleanly(result);
}

/** The programme an annex published alone names in its caption («ПЕРЕЛІК заходів і завдань Програми …»). */
const annexTitle = (years: string[]) =>
  `Програма інформатизації Тестової міської територіальної громади на ${years[0]}-${years.at(-1)} роки`;

/** Family 2's model, and the programme and its community named from the annex's caption (text and Word). */
function readsTitledOneCell(result: ImportResult, sample: SampleOf<typeof oneCellDocument>): void {
  readsOneCell(result, sample);
  expect(result.programme.title).toBe(annexTitle(sample.model.years));
  expect(result.programme.community.name).toBe("Тестова міська територіальна громада");
}

/** The years-as-rows model as the other families state it, in the unit its style prints. */
function readsYearRows(result: ImportResult, { model, style }: SampleOf<typeof yearRowsDocument>): void {
  expect(taskTableView(result.programme)).toEqual(yearRowsModel(model, style));
  expect(result.programme.unit).toBe(style.unit);
  readsCleanly(result);
}

/**
 * A typical local programme's passport: its total and each source's from «9. Загальний обсяг фінансових
 * ресурсів» and its «9.N.» rows, one finding naming the form, and no disagreement with the table.
 */
function readsOldPassport(
  result: ImportResult,
  model: TaskTableModel,
  { oldPassport, council }: DirectionColumnStyle,
): void {
  const codes = result.findings.map((finding) => finding.code);
  const printed = oldPassport !== "none";
  expect(codes.filter((code) => code === "import.passport-old-form")).toHaveLength(printed ? 1 : 0);
  if (!printed) return;
  // The old form has no field 1: the council its initiator names names the community.
  expect(result.programme.community.name).toBe(council.community);
  const projects = model.directions.flatMap((direction) => direction.projects);
  const bySource: Record<string, number> = {};
  for (const project of projects)
    for (const [source, years] of Object.entries(project.funding))
      bySource[source] = (bySource[source] ?? 0) + Object.values(years).reduce((sum, each) => sum + each, 0);
  const total = Object.values(bySource).reduce((sum, each) => sum + each, 0);
  const funding = result.programme.passport.funding;
  expect(funding.total ?? 0).toBe(total); // a programme funding nothing prints «-» for its total
  expect(funding.bySource).toEqual(bySource);
  // A programme funding nothing prints «-» for every amount: field 10 then rightly names no sum.
  if (total === 0) return;
  expect(codes.filter((code) => /^passport\.funding|no-amounts/.test(code))).toEqual([]);
}

/** "Завдання N. Назва" over a direction's projects: one task of that number and title, its projects under it. */
function readsTaskHeadings(result: ImportResult, model: TaskTableModel, printed: boolean): void {
  if (!printed) return;
  const tasks = result.programme.directions.map((direction) =>
    direction.items.map((item) => ({
      number: item.number,
      title: item.title,
      projects: item.children.length,
    })),
  );
  const expected = model.directions.map((direction) => [
    {
      number: direction.number,
      title: `Забезпечення роботи напряму «${direction.title}»`,
      projects: direction.projects.length,
    },
  ]);
  expect(tasks).toEqual(expected);
}

/** `RUNS` generated programmes' text, each read back as `check` expects; `named` goes in the test's name. */
function importsText<Sample extends { text: string }>(
  documents: fc.Arbitrary<Sample>,
  check: Check<Sample>,
  named = "",
  timeout?: number,
): void {
  it(
    `imports ${RUNS} generated programmes${named} back to their model`,
    () => {
      fc.assert(
        fc.property(documents, (sample) => check(importText(sample.text), sample)),
        PARAMETERS,
      );
    },
    timeout,
  );
}

/** The same as Word documents (`DOCX_PROPERTY_RUNS` of them). */
function importsWord<Sample extends { word: WordBlock[] }>(
  documents: fc.Arbitrary<Sample>,
  check: Check<Sample>,
  named = "",
): void {
  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX${named} back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (sample) => check(await importWord(sample.word), sample)),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);
}

/** The Word documents as LibreOffice saves them in each of `OFFICE_FORMATS` (converted ahead). */
function importsOffice<Sample extends { word: WordBlock[] }>(
  documents: fc.Arbitrary<Sample>,
  check: Check<Sample>,
): void {
  it.skipIf(!soffice).each(OFFICE_FORMATS)(
    `imports ${OFFICE_PROPERTY_RUNS.numRuns} programmes' DOCX saved as %s by LibreOffice back to their model`,
    async (format) => {
      await fc.assert(
        fc.asyncProperty(documents, async (sample) =>
          check(await importConverted(sample.word, format), sample),
        ),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );
}

describe("family 1: the paged model table", () => {
  importsText(pagedSpelledDocument, readsModelCleanly);
});

describe("family 1 as a Word document", () => {
  importsWord(pagedSpelledDocument, readsModelCleanly);
  importsOffice(pagedSpelledDocument, readsModelCleanly);
});

describe("family 1 with one name column after «№ з/п», «у т.ч. за роками» over the years, the source column after the amounts, or in «млн грн»", () => {
  const readsShaped: Check<SampleOf<typeof pagedShapedDocument>> = (result, { model, style }) => {
    readsModelCleanly(result, { model });
    expect(result.programme.unit).toBe(style.headerShape?.millions ? "million" : "thousand");
    readsTaskHeadings(result, model, style.headerShape?.oneName ? style.headerShape.taskHeadings : false);
  };
  importsText(pagedShapedDocument, readsShaped);
  importsWord(pagedShapedDocument, readsShaped);
});

describe("family 1 with executors outside the vocabulary, and of a one-year programme", () => {
  for (const [name, document] of [
    ["«учнівське самоврядування», «Відділ освіти, ПДР»", pagedExecutorGapsDocument],
    ["a single year column", pagedOneYearDocument],
  ] as const) {
    importsText(document, readsModelCleanly, ` with ${name}`);
    importsWord(document, readsModelCleanly, ` with ${name}`);
  }
});

describe("a column of directions beside the measures («Напрями діяльності та заходи»)", () => {
  const readsWithPassport: Check<SampleOf<typeof directionColumnDocument>> = (result, { model, style }) => {
    readsModelCleanly(result, { model });
    readsOldPassport(result, model, style);
  };
  importsText(directionColumnDocument, readsWithPassport);
  importsWord(directionColumnDocument, readsWithPassport);
  importsOffice(directionColumnDocument, readsWithPassport);
});

describe("columns aligned with spaces (`pdftotext -layout`, text copied from a PDF viewer)", () => {
  importsText(spacedDocument, readsTable, "", Math.max(60_000, RUNS * 100));
});

describe("family 2: one cell per line", () => {
  importsText(oneCellDocument, readsTitledOneCell);
});

describe("family 2 as a Word document", () => {
  importsWord(oneCellDocument, readsTitledOneCell);
  importsOffice(oneCellDocument, readsOneCell);
});

describe("years as rows: a `Рік` column and one row per year and source", () => {
  importsText(yearRowsDocument, readsYearRows);
  importsWord(yearRowsDocument, (result, { model, style }) => {
    expect(taskTableView(result.programme)).toEqual(yearRowsModel(model, style));
    readsCleanly(result);
  });
});

const delimiter = fc.constantFrom<";" | ",">(";", ",");
const csvBytes = (rows: string[][], by: ";" | ",") => new TextEncoder().encode(toCsv(rows, by));

describe("a task table saved as CSV with `;` or `,` (not infoprog's template)", () => {
  it(`imports ${DOCX_PROPERTY_RUNS.numRuns * 2} generated model tables' CSV back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(pagedDocument, delimiter, async ({ model, style }, by) => {
        // A spreadsheet has no page breaks: the rows as the text has them, the column-number rows kept.
        const { text } = renderPaged(model, style);
        const rows = text
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => line.split("\t"));
        readsTable(await importDocument(csvBytes(rows, by), "table.csv"), { model });
      }),
      { ...DOCX_PROPERTY_RUNS, numRuns: DOCX_PROPERTY_RUNS.numRuns * 2 },
    );
  }, 120_000);

  it(`imports ${DOCX_PROPERTY_RUNS.numRuns * 2} generated years-as-rows tables' CSV back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(yearRowsDocument, delimiter, async (sample, by) => {
        readsYearRows(await importDocument(csvBytes(sample.rows, by), "table.csv"), sample);
      }),
      { ...DOCX_PROPERTY_RUNS, numRuns: DOCX_PROPERTY_RUNS.numRuns * 2 },
    );
  }, 120_000);
});

describe("family 5: a document that is a task table only", () => {
  it(`says once that the passport is absent, for ${RUNS} generated task tables of either layout`, () => {
    fc.assert(
      fc.property(fc.oneof(pagedDocument, oneCellDocument), ({ model, text }) => {
        saysPassportAbsentOnce(importText(text), model);
      }),
      PARAMETERS,
    );
  });

  it(`says it as well for ${DOCX_PROPERTY_RUNS.numRuns} of them as Word documents`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(pagedDocument, oneCellDocument), async ({ model, word }) => {
        saysPassportAbsentOnce(await importWord(word), model);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);
});

function saysPassportAbsentOnce(result: ImportResult, model: TaskTableModel): void {
  expect(taskTableView(result.programme)).toEqual(model.directions);
  const about = result.findings.filter(
    (finding) =>
      /^(passport|katottg)\./.test(finding.code) ||
      /^import\.(no-passport|passport-field-missing|no-community|no-katottg|no-period)$/.test(finding.code) ||
      finding.location.ref.startsWith("passport:"),
  );
  expect(about.map((finding) => finding.code)).toEqual(["passport.absent"]);
  expect(result.programme.period.from).toBe(Number(model.years[0]));
}
