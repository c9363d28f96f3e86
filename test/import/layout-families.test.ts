import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";
import { RUNS } from "./families/model.js";
import { pagedDocument } from "./families/paged-model-table.js";
import { taskTableView } from "./families/view.js";

/**
 * Generated programmes rendered in each layout family: `import(render(model))` equals `model`, and
 * every number is accounted for. INFOPROG_LAYOUT_RUNS sets the number of programmes per family
 * (200 here; `npm run test:layouts` reads many more).
 */
const PARAMETERS = { numRuns: RUNS };

describe("family 1: the paged model table", () => {
  it(`imports ${RUNS} generated programmes back to their model`, () => {
    fc.assert(
      fc.property(pagedDocument, ({ model, text }) => {
        const result = importText(text);
        expect(taskTableView(result.programme)).toEqual(model.directions);
        const coverage = result.coverage;
        expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
        expect(coverage?.numbersFlagged).toBe(0);
        const sums = result.findings.filter((finding) =>
          /^(amount|direction|programme)\./.test(finding.code),
        );
        expect(sums.map((finding) => finding.message)).toEqual([]);
      }),
      PARAMETERS,
    );
  });
});
