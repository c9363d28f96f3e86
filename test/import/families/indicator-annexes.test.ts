import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { formatIndicatorNumber } from "../../../src/domain/monitoring/indicators.js";
import { computeIndicator } from "../../../src/domain/monitoring/variables.js";
import { unzipSafely } from "../../../src/import/docx.js";
import { interpretBlocks } from "../../../src/import/interpret/index.js";
import { readTextBlocks } from "../../../src/import/text/reader.js";
import { wordDocument } from "../../support/word-document.js";
import { givesAnnexesBack, model, performanceAnnex, render, style } from "./indicator-annexes.js";
import { PROPERTY_RUNS } from "./model.js";
import { convertAhead, hasSoffice, importConverted, importWord, type OfficeFormat } from "./office.js";
import { RUNS } from "./render.js";
import { DOCX_PROPERTY_RUNS, OFFICE_PROPERTY_RUNS } from "./word.js";

const soffice = hasSoffice("test/import/families/indicator-annexes.test.ts");
const OFFICE_FORMATS: OfficeFormat[] = ["odt", "pdf"];

beforeAll(async () => {
  if (soffice)
    await convertAhead([fc.tuple(model, style).map(([m, s]) => render(m, s).word)], OFFICE_FORMATS);
}, 600_000);

describe("family 4: the indicator list and the monitoring-variables annex", () => {
  it(`import(render(annexes)) gives the indicators and variables back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(model, style, (m, s) => {
        const rendered = render(m, s);
        givesAnnexesBack(interpretBlocks(readTextBlocks(rendered.text)), rendered);
      }),
      PROPERTY_RUNS,
    );
  });

  it(`import(render(annexes) as DOCX) gives them back (${DOCX_PROPERTY_RUNS.numRuns} seeds)`, async () => {
    await fc.assert(
      fc.asyncProperty(model, style, async (m, s) => {
        const rendered = render(m, s);
        givesAnnexesBack(await importWord(rendered.word), rendered);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);

  it("reads a direction's № and priority cells merged down over its indicators (vMerge) once", async () => {
    const [[m, s] = []] = fc.sample(
      fc
        .tuple(model, style)
        .filter(([m, s]) => s.mergeDirections && m.directions.some((each) => each.indicators.length >= 2)),
      { numRuns: 1, seed: 17 },
    );
    if (!m || !s) throw new Error("no sample");
    const rendered = render(m, s);
    const xml = unzipSafely(await wordDocument(rendered.word), (name) => name === "word/document.xml")
      .get("word/document.xml")
      ?.toString();
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    givesAnnexesBack(await importWord(rendered.word), rendered);
  });

  it.skipIf(!soffice).each(OFFICE_FORMATS)(
    `import(render(annexes) as DOCX saved as %s) gives them back (${OFFICE_PROPERTY_RUNS.numRuns} seeds)`,
    async (format) => {
      await fc.assert(
        fc.asyncProperty(model, style, async (m, s) => {
          const rendered = render(m, s);
          givesAnnexesBack(await importConverted(rendered.word, format), rendered);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );

  it(`computes each ratio indicator's values from the variables its formula names (${RUNS} seeds)`, () => {
    fc.assert(
      // The performance-indicator annex prints no formulas and no variables to compute its values from.
      fc.property(
        model,
        style.filter((s) => !performanceAnnex(s)),
        (m, s) => {
          const { programme } = interpretBlocks(readTextBlocks(render(m, s).text));
          for (const indicator of programme.indicators.filter((each) => each.unit === "%")) {
            const computed = computeIndicator(indicator, programme.monitoring ?? []);
            expect(computed, indicator.formula).not.toBeNull();
            const shown = (value: number | null | undefined) =>
              value == null ? "" : formatIndicatorNumber(value);
            expect(shown(computed?.baseline)).toBe(indicator.baseline);
            for (const [year, target] of Object.entries(indicator.targets)) {
              expect(shown(computed?.targets[year]), year).toBe(target);
            }
          }
        },
      ),
      PROPERTY_RUNS,
    );
  });
});
