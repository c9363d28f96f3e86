import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";
import { PROPERTY_RUNS } from "./families/model.js";
import { RUNS } from "./families/render.js";
import { spacedPassport } from "./families/spaced-passport.js";

describe("a passport aligned with spaces (pdftotext -layout)", () => {
  it(`import(render(passport)) gives its fields and field 10's amounts back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(spacedPassport, ({ fields, funding, unit, text }) => {
        const { programme, coverage } = importText(text);
        const read = programme.passport.fields.map(({ number, label, value }) => ({ number, label, value }));
        const printed = fields.map((field) =>
          field.number === 10 ? { ...field, value: expect.any(String) } : field,
        );
        expect(read, text).toEqual(printed);
        const { line: _line, ...amounts } = programme.passport.funding;
        expect(amounts, text).toEqual(funding);
        // With no task table the programme's unit is the default; field 10 was read in its own.
        expect(programme.unit === unit || programme.directions.length === 0, text).toBe(true);
        expect(coverage?.numbersFlagged ?? 0, text).toBe(0);
      }),
      PROPERTY_RUNS,
    );
  });
});
