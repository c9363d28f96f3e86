import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../../src/domain/model.js";
import { importDocument, importText } from "../../../src/import/index.js";
import { PROPERTY_RUNS, RUNS } from "./model.js";
import { importWord } from "./office.js";
import {
  deadlineYear,
  expectedView,
  importedView,
  periodsOf,
  type SourceColumnsDocument,
  type SourceColumnsLayout,
  sourceColumnsDocument,
} from "./source-columns.js";
import { taskTableView } from "./view.js";
import { DOCX_PROPERTY_RUNS } from "./word.js";
import { toCsv } from "./years-as-rows.js";

/**
 * Task tables whose amounts are not one column per year (issue #11), generated in three layouts
 * (`families/source-columns.ts`): every amount lands per source in its year, its span of years or
 * unsplit, every number is placed, no sum or per-year finding is raised, and what is not split by
 * year is said in `import.years-not-split`.
 */
const PER_YEAR = /^(amount|direction|programme|passport\.funding)/;

function readsBack(result: ImportResult, document: SourceColumnsDocument): void {
  const expected = expectedView(document);
  expect(importedView(result.programme, taskTableView(result.programme))).toEqual(expected);
  const coverage = result.coverage;
  expect(coverage?.numbersFlagged).toBe(0);
  expect(coverage?.numbersSeen).toBe(coverage?.numbersPlaced);
  const sums = result.findings.filter((finding) => PER_YEAR.test(finding.code));
  expect(sums.map((finding) => finding.message)).toEqual([]);
  expect(result.findings.filter((finding) => finding.code === "import.years-not-split")).toHaveLength(
    notSplitCount(document),
  );
}

/**
 * One finding for a table printing no year, unless every project with money is due within one year of
 * the programme; one per source row with money in a merged column.
 */
function notSplitCount({ model, style }: SourceColumnsDocument): number {
  const projects = model.directions.flatMap((direction) => direction.projects);
  if (style.layout === "sources") {
    const funded = projects.filter((project) => Object.keys(project.funding).length > 0);
    return funded.some((project) => deadlineYear(project, model.years) === null) ? 1 : 0;
  }
  const merged = periodsOf(model.years, style).filter((period) => period.length > 1);
  return projects.reduce(
    (count, project) =>
      count +
      Object.values(project.funding).filter((years) =>
        merged.some((period) => period.some((year) => (years[year] ?? 0) !== 0)),
      ).length,
    0,
  );
}

const csvBytes = (rows: string[][], by: ";" | ",") => new TextEncoder().encode(toCsv(rows, by));
const delimiter = fc.constantFrom<";" | ",">(";", ",");

const LAYOUTS: [SourceColumnsLayout, string][] = [
  ["sources", "a column per source and no year columns"],
  ["year-groups", "a column per source under each year's heading"],
  ["merged-rows", "rows per source with one column for two years"],
];

describe.each(LAYOUTS)("amounts not split by year: %s (%s)", (layout) => {
  const documents = sourceColumnsDocument(layout);

  it(`imports ${RUNS} generated programmes' text back to their model`, () => {
    fc.assert(
      fc.property(documents, (document) => {
        const result = importText(document.text);
        readsBack(result, document);
        expect(result.programme.unit).toBe(document.style.unit);
      }),
      PROPERTY_RUNS,
    );
  });

  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(documents, async (document) => {
        readsBack(await importWord(document.word), document);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);

  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated tables' CSV back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(documents, delimiter, async (document, by) => {
        readsBack(await importDocument(csvBytes(document.rows, by), "table.csv"), document);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);
});
