import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../../src/domain/model.js";
import { importText } from "../../../src/import/index.js";
import { PROPERTY_RUNS } from "./model.js";
import { RUNS } from "./render.js";
import { spacedDocument } from "./space-aligned.js";
import { type SpacedPassport, spacedPassport } from "./spaced-passport.js";
import { taskTableView } from "./view.js";

function givesPassportBack({ programme }: ImportResult, passport: SpacedPassport, text: string): void {
  const read = programme.passport.fields.map(({ number, label, value }) => ({ number, label, value }));
  const printed = passport.fields.map((field) =>
    field.number === 10 ? { ...field, value: expect.any(String) } : field,
  );
  expect(read, text).toEqual(printed);
  const { line: _line, ...amounts } = programme.passport.funding;
  expect(amounts, text).toEqual(passport.funding);
}

describe("a passport aligned with spaces (pdftotext -layout)", () => {
  it(`import(render(passport)) gives its fields and field 10's amounts back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(spacedPassport, (passport) => {
        const result = importText(passport.text);
        givesPassportBack(result, passport, passport.text);
        // With no task table the programme's unit is the default; field 10 was read in its own.
        const { programme, coverage } = result;
        expect(programme.unit === passport.unit || programme.directions.length === 0).toBe(true);
        expect(coverage?.numbersFlagged ?? 0, passport.text).toBe(0);
      }),
      PROPERTY_RUNS,
    );
  });

  it("before a task table aligned with spaces: both are read", () => {
    fc.assert(
      fc.property(spacedPassport, spacedDocument, (passport, { model, text: table }) => {
        const text = `${passport.text}\n${table}`;
        const result = importText(text);
        givesPassportBack(result, passport, text);
        expect(taskTableView(result.programme), text).toEqual(model.directions);
      }),
      { ...PROPERTY_RUNS, numRuns: Math.ceil(PROPERTY_RUNS.numRuns / 4) },
    );
  }, 120_000);
});
