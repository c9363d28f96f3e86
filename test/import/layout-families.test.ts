import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import { directionColumnDocument } from "./families/direction-column.js";
import { modelExecutors, PROPERTY_RUNS, RUNS, type TaskTableModel } from "./families/model.js";
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
  renderPaged,
} from "./families/paged-model-table.js";
import { spacedDocument } from "./families/space-aligned.js";
import { executorsView, taskTableView } from "./families/view.js";
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
    pagedDocument.map(({ word }) => word),
    oneCellDocument.map(({ word }) => word),
    directionColumnDocument.map(({ word }) => word),
  ];
  if (soffice) await convertAhead(words, OFFICE_FORMATS);
}, 600_000);

/** The task table as the model states it, and each project's executors split as the model lists them. */
function readsModel(result: ImportResult, model: TaskTableModel): void {
  expect(taskTableView(result.programme)).toEqual(model.directions);
  expect(executorsView(result.programme)).toEqual(modelExecutors(model));
}

/** Every number placed, and no sum finding: the generated tables add up. */
function readsCleanly(result: ImportResult): void {
  const coverage = result.coverage;
  expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
  expect(coverage?.numbersFlagged).toBe(0);
  const sums = result.findings.filter((finding) => /^(amount|direction|programme)\./.test(finding.code));
  expect(sums.map((finding) => finding.message)).toEqual([]);
}

/**
 * A typical local programme's passport: its total and each source's from «9. Загальний обсяг фінансових
 * ресурсів» and its «9.N.» rows, one finding naming the form, and no disagreement with the table.
 */
function readsOldPassport(result: ImportResult, model: TaskTableModel, printed: boolean): void {
  const codes = result.findings.map((finding) => finding.code);
  expect(codes.filter((code) => code === "import.passport-old-form")).toHaveLength(printed ? 1 : 0);
  if (!printed) return;
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

describe("family 1: the paged model table", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(pagedDocument, ({ model, text }) => {
        const result = importText(text);
        readsModel(result, model);
        readsCleanly(result);
      }),
      PARAMETERS,
    );
  });
});

describe("family 1 as a Word document", () => {
  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(pagedDocument, async ({ model, word }) => {
        const result = await importWord(word);
        readsModel(result, model);
        readsCleanly(result);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);

  it.skipIf(!soffice).each(OFFICE_FORMATS)(
    `imports ${OFFICE_PROPERTY_RUNS.numRuns} programmes' DOCX saved as %s by LibreOffice back to their model`,
    async (format) => {
      await fc.assert(
        fc.asyncProperty(pagedDocument, async ({ model, word }) => {
          const result = await importConverted(word, format);
          readsModel(result, model);
          readsCleanly(result);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );
});

describe("family 1 with one name column after «№ з/п», or with «у т.ч. за роками» over the years", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(pagedShapedDocument, ({ model, style, text }) => {
        const result = importText(text);
        readsModel(result, model);
        readsCleanly(result);
        readsTaskHeadings(result, model, style.headerShape?.oneName ? style.headerShape.taskHeadings : false);
      }),
      PARAMETERS,
    );
  });

  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(pagedShapedDocument, async ({ model, style, word }) => {
        const result = await importWord(word);
        readsModel(result, model);
        readsCleanly(result);
        readsTaskHeadings(result, model, style.headerShape?.oneName ? style.headerShape.taskHeadings : false);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);
});

describe("family 1 with executors outside the vocabulary, and of a one-year programme", () => {
  for (const [name, document] of [
    ["«учнівське самоврядування», «Відділ освіти, ПДР»", pagedExecutorGapsDocument],
    ["a single year column", pagedOneYearDocument],
  ] as const) {
    it(`imports ${RUNS} generated programmes with ${name} back to their model`, () => {
      fc.assert(
        fc.property(document, ({ model, text }) => {
          const result = importText(text);
          readsModel(result, model);
          readsCleanly(result);
        }),
        PARAMETERS,
      );
    });

    it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX with ${name} back to their model`, async () => {
      await fc.assert(
        fc.asyncProperty(document, async ({ model, word }) => {
          const result = await importWord(word);
          readsModel(result, model);
          readsCleanly(result);
        }),
        DOCX_PROPERTY_RUNS,
      );
    }, 120_000);
  }
});

describe("a column of directions beside the measures («Напрями діяльності та заходи»)", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(directionColumnDocument, ({ model, style, text }) => {
        const result = importText(text);
        readsModel(result, model);
        readsCleanly(result);
        readsOldPassport(result, model, style.oldPassport !== "none");
      }),
      PARAMETERS,
    );
  });

  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(directionColumnDocument, async ({ model, style, word }) => {
        const result = await importWord(word);
        readsModel(result, model);
        readsCleanly(result);
        readsOldPassport(result, model, style.oldPassport !== "none");
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);

  it.skipIf(!soffice).each(OFFICE_FORMATS)(
    `imports ${OFFICE_PROPERTY_RUNS.numRuns} programmes' DOCX saved as %s by LibreOffice back to their model`,
    async (format) => {
      await fc.assert(
        fc.asyncProperty(directionColumnDocument, async ({ model, style, word }) => {
          const result = await importConverted(word, format);
          readsModel(result, model);
          readsCleanly(result);
          readsOldPassport(result, model, style.oldPassport !== "none");
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );
});

describe("columns aligned with spaces (`pdftotext -layout`, text copied from a PDF viewer)", () => {
  it(
    `imports ${RUNS} generated programmes back to their model`,
    () => {
      fc.assert(
        fc.property(spacedDocument, ({ model, text }) => {
          const result = importText(text);
          expect(taskTableView(result.programme)).toEqual(model.directions);
          readsCleanly(result);
        }),
        PARAMETERS,
      );
    },
    Math.max(60_000, RUNS * 100),
  );
});

/** The programme an annex published alone names in its caption («ПЕРЕЛІК заходів і завдань Програми …»). */
const annexTitle = (years: string[]) =>
  `Програма інформатизації Тестової міської територіальної громади на ${years[0]}-${years.at(-1)} роки`;

describe("family 2: one cell per line", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(oneCellDocument, ({ model, style, text }) => {
        const result = importText(text);
        readsModel(result, model);
        expect(result.programme.unit).toBe(style.unit);
        expect(result.programme.title).toBe(annexTitle(model.years));
        readsCleanly(result);
      }),
      PARAMETERS,
    );
  });
});

describe("family 2 as a Word document", () => {
  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(oneCellDocument, async ({ model, style, word }) => {
        const result = await importWord(word);
        readsModel(result, model);
        expect(result.programme.unit).toBe(style.unit);
        expect(result.programme.title).toBe(annexTitle(model.years));
        readsCleanly(result);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);

  it.skipIf(!soffice).each(OFFICE_FORMATS)(
    `imports ${OFFICE_PROPERTY_RUNS.numRuns} programmes' DOCX saved as %s by LibreOffice back to their model`,
    async (format) => {
      await fc.assert(
        fc.asyncProperty(oneCellDocument, async ({ model, style, word }) => {
          const result = await importConverted(word, format);
          readsModel(result, model);
          expect(result.programme.unit).toBe(style.unit);
          readsCleanly(result);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );
});

describe("years as rows: a `Рік` column and one row per year and source", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(yearRowsDocument, ({ model, style, text }) => {
        const result = importText(text);
        expect(taskTableView(result.programme)).toEqual(yearRowsModel(model, style));
        expect(result.programme.unit).toBe(style.unit);
        readsCleanly(result);
      }),
      PARAMETERS,
    );
  });

  it(`imports ${DOCX_PROPERTY_RUNS.numRuns} generated programmes' DOCX back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(yearRowsDocument, async ({ model, style, word }) => {
        const result = await importWord(word);
        expect(taskTableView(result.programme)).toEqual(yearRowsModel(model, style));
        readsCleanly(result);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);
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
        const result = await importDocument(csvBytes(rows, by), "table.csv");
        expect(taskTableView(result.programme)).toEqual(model.directions);
        readsCleanly(result);
      }),
      { ...DOCX_PROPERTY_RUNS, numRuns: DOCX_PROPERTY_RUNS.numRuns * 2 },
    );
  }, 120_000);

  it(`imports ${DOCX_PROPERTY_RUNS.numRuns * 2} generated years-as-rows tables' CSV back to their model`, async () => {
    await fc.assert(
      fc.asyncProperty(yearRowsDocument, delimiter, async ({ model, style, rows }, by) => {
        const result = await importDocument(csvBytes(rows, by), "table.csv");
        expect(taskTableView(result.programme)).toEqual(yearRowsModel(model, style));
        expect(result.programme.unit).toBe(style.unit);
        readsCleanly(result);
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
