import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

/** Text made of the pieces real documents are made of: tabs, numbers, amounts, labels, line breaks. */
const piece = fc.constantFrom(
  "\t",
  "\n",
  "\n\n",
  " ",
  "1.",
  "2)",
  "1.1.",
  "Найменування територіальної громади",
  "UA01020030040050060",
  "Назва завдання",
  "Джерела фінансування",
  "Обсяги фінансування, тис. грн",
  "Всього",
  "2026",
  "2027 р.",
  "Загальний обсяг, у тому числі:",
  "місцевий бюджет",
  "інші джерела",
  "Всього за напрямом",
  "1 774,0",
  "-",
  "в межах фінансування",
  "цифро-візації",
  "<p>",
  "Додаток 1",
  "відділ освіти",
);
const documentText = fc.array(piece, { maxLength: 200 }).map((pieces) => pieces.join(""));

describe("any text", () => {
  it("is read into blocks whose lines point into the text", () => {
    fc.assert(
      fc.property(documentText, (text) => {
        const lines = text.split("\n").length;
        for (const block of readTextBlocks(text)) {
          const rows = block.kind === "table" ? block.rows : [block];
          for (const row of rows) expect(row.line).toBeGreaterThanOrEqual(1);
          for (const row of rows) expect(row.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("imports or is rejected as not a programme, never anything else", () => {
    fc.assert(
      fc.property(documentText, (text) => {
        try {
          const { programme } = interpretBlocks(readTextBlocks(text));
          expect(Array.isArray(programme.directions)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(NotAProgrammeError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
