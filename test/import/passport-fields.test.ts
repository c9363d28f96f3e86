import { describe, expect, it } from "vitest";
import { PASSPORT_FIELD_LABELS } from "../../src/domain/synthetic/templates.js";
import { PASSPORT_FIELD_NAMES } from "../../src/import/passport-fields.js";

/**
 * The passport's field names (`src/import/passport-fields.ts`): one entry a field, read by the
 * paragraph and table reader (whole phrase) and by the space-aligned reader (first word).
 */
describe("passport field names", () => {
  it("have one entry for each of the ten fields, in order", () => {
    expect(PASSPORT_FIELD_NAMES.map((field) => field.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("recognise each standard name as its own field by the phrase and by the first word", () => {
    PASSPORT_FIELD_LABELS.forEach((label, index) => {
      const byPhrase = PASSPORT_FIELD_NAMES.filter((field) => field.phrase.test(label));
      const byFirstWord = PASSPORT_FIELD_NAMES.find((field) => field.firstWord.test(label));
      expect(byPhrase.map((field) => field.number)).toEqual([index + 1]);
      expect(byFirstWord?.number).toBe(index + 1);
    });
  });

  it("agree on spelling variants: the first word of what the phrase accepts is the field's", () => {
    const variants: [number, string][] = [
      [9, "Строки виконання Програми"],
      [10, "Джерела і обсяги фінансування"],
      [2, "код за кодифікатором"],
    ];
    for (const [number, text] of variants) {
      const field = PASSPORT_FIELD_NAMES.find((each) => each.number === number);
      expect(field?.phrase.test(text)).toBe(true);
      const capitalised = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
      expect(field?.firstWord.test(capitalised)).toBe(true);
    }
  });
});
