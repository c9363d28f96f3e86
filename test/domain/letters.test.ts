import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LETTER, LETTER_CHARS, LOWER, LOWER_CHARS, UPPER, UPPER_CHARS } from "../../src/domain/letters.js";

/** The blocks the explicit classes cover, each code point of which must agree with `\p{…}`. */
const BLOCKS: [string, number, number][] = [
  ["Basic Latin", 0x0000, 0x007f],
  ["Latin-1 Supplement", 0x0080, 0x00ff],
  ["Latin Extended-A", 0x0100, 0x017f],
  ["Spacing Modifier Letters", 0x02b0, 0x02ff],
  ["Cyrillic", 0x0400, 0x04ff],
];

const PAIRS: [string, string, string][] = [
  ["LETTER", LETTER, "\\p{L}"],
  ["UPPER", UPPER, "\\p{Lu}"],
  ["LOWER", LOWER, "\\p{Ll}"],
];

describe("explicit letter classes (issue 13: no \\p{…} to compile on the import path)", () => {
  for (const [block, first, last] of BLOCKS) {
    it(`agree with \\p{L}, \\p{Lu} and \\p{Ll} on every code point of ${block}, with and without i`, () => {
      for (const [name, explicit, property] of PAIRS) {
        for (const flags of ["u", "iu"]) {
          const mine = new RegExp(`^${explicit}$`, flags);
          const theirs = new RegExp(`^${property}$`, flags);
          const disagree: string[] = [];
          for (let code = first; code <= last; code++) {
            const char = String.fromCodePoint(code);
            if (mine.test(char) !== theirs.test(char))
              disagree.push(`${name}/${flags} U+${code.toString(16)}`);
          }
          expect(disagree).toEqual([]);
        }
      }
    });
  }

  it("cover the Ukrainian alphabet's letters and apostrophe ʼ, not the other apostrophes, digits or spaces", () => {
    const letter = new RegExp(`^${LETTER}+$`, "u");
    expect(letter.test("АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюяʼ")).toBe(true);
    for (const other of ["'", "’", "-", "0", " ", "\u00a0", "«", "№"]) expect(letter.test(other)).toBe(false);
    expect(new RegExp(`^${UPPER}+$`, "u").test("ҐЄІЇЁЫЭЪ")).toBe(true);
    expect(new RegExp(`^${LOWER}+$`, "u").test("ґєіїёыэъ")).toBe(true);
    expect(new RegExp(`[${UPPER_CHARS}${LOWER_CHARS}]`, "u").test("ʼ")).toBe(false);
    expect(new RegExp(`[^${LETTER_CHARS}]`, "u").test("ї")).toBe(false);
  });

  /** What a programme's text is written in. */
  const realistic = fc
    .array(
      fc.constantFrom(
        ..."абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ",
        ..."ёыэъЁЫЭЪ",
        ..."abcxyzABCXYZéüÉÜßłŁ",
        ..."0123456789",
        ..."'’ʼ`-–—.,;:()«»\"/№%",
        " ",
        "\u00a0",
        "\n",
      ),
      { maxLength: 40 },
    )
    .map((chars) => chars.join(""));

  /** Pattern shapes the importer uses them in, given a letter, a capital and a small letter class. */
  const shapes: [string, (l: string, u: string, s: string, lc: string) => string][] = [
    ["word edges", (l) => `(?<!${l})(?:та|і|рік|р\\.)(?!${l})`],
    ["words", (l) => `${l}+`],
    ["letters with apostrophes", (_l, _u, _s, lc) => `[${lc}'’ʼ-]+(?:ий|ій|а|я)`],
    ["not a letter", (_l, _u, _s, lc) => `(^|[^${lc}])(кп|цнап)([^${lc}]|$)`],
    ["a name", (_l, u, s, lc) => `${u}[${lc}'’ʼ]+(?:-${u}${s}+)?\\s+${u}\\.(?:\\s?${u}\\.?)?`],
    ["starts small", (_l, _u, s) => `^[«"„“(]?${s}`],
    ["capitals", (l, u) => `(?<!${l})${u}${u}+(?!${l})`],
  ];

  for (const [shape, make] of shapes) {
    it(`match the same as \\p{…} in ${shape}, on strings of Ukrainian, Russian and Latin text`, () => {
      const pairs = ["gu", "giu"].map((flags) => [
        new RegExp(make(LETTER, UPPER, LOWER, LETTER_CHARS), flags),
        new RegExp(make("\\p{L}", "\\p{Lu}", "\\p{Ll}", "\\p{L}"), flags),
      ]);
      fc.assert(
        fc.property(realistic, (text) => {
          for (const [mine, theirs] of pairs) {
            expect([...text.matchAll(mine as RegExp)].map((m) => [m.index, ...m])).toEqual(
              [...text.matchAll(theirs as RegExp)].map((m) => [m.index, ...m]),
            );
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
