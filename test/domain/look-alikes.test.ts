import { describe, expect, it } from "vitest";
import { CYRILLIC_LOOK_ALIKE, LATIN_LOOK_ALIKE } from "../../src/domain/look-alikes.js";
import { canonicalName } from "../../src/domain/monitoring/variables.js";
import { ocrWord } from "../../src/import/pdf/scan.js";

/** One table of Cyrillic/Latin look-alikes (`src/domain/look-alikes.ts`), read in both directions. */
describe("look-alike letters", () => {
  it("are one table: each direction is the other inverted", () => {
    const inverted = Object.fromEntries(Object.entries(LATIN_LOOK_ALIKE).map(([c, l]) => [l, c]));
    expect(inverted).toEqual(CYRILLIC_LOOK_ALIKE);
    expect(Object.keys(LATIN_LOOK_ALIKE)).toHaveLength(19);
    for (const [cyrillic, latin] of Object.entries(LATIN_LOOK_ALIKE)) {
      expect(cyrillic).toMatch(/^\p{Script=Cyrillic}$/u);
      expect(latin).toMatch(/^\p{Script=Latin}$/u);
    }
  });

  it('fold a variable name to Latin but leave «у»; OCR also reads "y" as «у»', () => {
    expect(canonicalName("АВСЕНІКМОРТХасеіорх")).toBe("ABCEHIKMOPTXaceiopx");
    expect(canonicalName("Ку")).toBe("Kу");
    expect(ocrWord("Kpaїнa")).toBe("Країна");
    expect(ocrWord("дy")).toBe("ду");
  });
});
