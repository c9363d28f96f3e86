import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import { RUNS } from "./families/model.js";
import { oneCellDocument } from "./families/one-cell-per-line.js";
import { pagedDocument } from "./families/paged-model-table.js";
import { taskTableView } from "./families/view.js";

/**
 * Generated programmes rendered in each layout family: `import(render(model))` equals `model`, and
 * every number is accounted for. INFOPROG_LAYOUT_RUNS sets the number of programmes per family
 * (200 here; `npm run test:layouts` reads many more).
 */
const PARAMETERS = { numRuns: RUNS };

/** Every number placed, and no sum finding: the generated tables add up. */
function readsCleanly(result: ImportResult): void {
  const coverage = result.coverage;
  expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
  expect(coverage?.numbersFlagged).toBe(0);
  const sums = result.findings.filter((finding) => /^(amount|direction|programme)\./.test(finding.code));
  expect(sums.map((finding) => finding.message)).toEqual([]);
}

describe("family 1: the paged model table", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(pagedDocument, ({ model, text }) => {
        const result = importText(text);
        expect(taskTableView(result.programme)).toEqual(model.directions);
        readsCleanly(result);
      }),
      PARAMETERS,
    );
  });
});

describe("family 2: one cell per line", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(oneCellDocument, ({ model, style, text }) => {
        const result = importText(text);
        expect(taskTableView(result.programme)).toEqual(model.directions);
        expect(result.programme.unit).toBe(style.unit);
        readsCleanly(result);
      }),
      PARAMETERS,
    );
  });
});

describe("family 5: a document that is a task table only", () => {
  it(`says once that the passport is absent, for ${RUNS} generated task tables of either layout`, () => {
    fc.assert(
      fc.property(fc.oneof(pagedDocument, oneCellDocument), ({ model, text }) => {
        const result = importText(text);
        expect(taskTableView(result.programme)).toEqual(model.directions);
        const about = result.findings.filter(
          (finding) =>
            /^(passport|katottg)\./.test(finding.code) ||
            /^import\.(no-passport|passport-field-missing|no-community|no-katottg|no-period)$/.test(
              finding.code,
            ) ||
            finding.location.ref.startsWith("passport:"),
        );
        expect(about.map((finding) => finding.code)).toEqual(["passport.absent"]);
        expect(result.programme.period.from).toBe(Number(model.years[0]));
      }),
      PARAMETERS,
    );
  });
});
