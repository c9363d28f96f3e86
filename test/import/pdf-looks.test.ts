import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Ruling, TextRun } from "../../src/import/pdf/geometry.js";
import { layoutPages } from "../../src/import/pdf/layout.js";

/**
 * Tables as councils print them (issue 17), built from runs and rulings directly: a header centred in
 * columns of unequal widths, ruled only horizontally (no vertical borders), cells left- and
 * right-aligned. 6 points a character, size 10.
 */
const SIZE = 10;
const run = (text: string, x: number, y: number): TextRun => ({
  text,
  x,
  y,
  width: text.length * 6,
  size: SIZE,
});
const PAD = 5;
const LEFT = 60;

type Align = "left" | "centre" | "right";

/** A cell's text placed in its column [from, to) as aligned. */
function placed(text: string, from: number, to: number, y: number, align: Align): TextRun {
  const width = text.length * 6;
  if (align === "left") return run(text, from + PAD, y);
  if (align === "right") return run(text, to - PAD - width, y);
  return run(text, (from + to - width) / 2, y);
}

const HEADER = ["Назва", "Джерела", "Обсяг", "Строк"];

function table(widths: number[], rows: [string, Align][][]): { runs: TextRun[]; horizontal: Ruling[] } {
  const edges = [LEFT];
  for (const width of widths) edges.push((edges.at(-1) ?? LEFT) + width);
  const right = edges.at(-1) ?? LEFT;
  const lines = [HEADER.map((text): [string, Align] => [text, "centre"]), ...rows];
  const runs = lines.flatMap((cells, row) =>
    cells.flatMap(([text, align], column) =>
      text === "" ? [] : [placed(text, edges[column] ?? 0, edges[column + 1] ?? 0, 700 - row * 20, align)],
    ),
  );
  const horizontal = lines.map((_, row) => ({ at: 714 - row * 20, from: LEFT, to: right }));
  horizontal.push({ at: 714 - lines.length * 20, from: LEFT, to: right });
  return { runs, horizontal };
}

const widths = fc.tuple(
  fc.integer({ min: 120, max: 220 }),
  fc.integer({ min: 110, max: 160 }),
  fc.integer({ min: 55, max: 70 }),
  fc.integer({ min: 180, max: 260 }),
);

describe("a table ruled only horizontally, its header centred in columns of unequal widths", () => {
  it("puts each cell in its column whatever its alignment, and starts a row at each ruling", () => {
    fc.assert(
      fc.property(widths, fc.constantFrom<Align>("left", "centre", "right"), (columnWidths, align) => {
        const { runs, horizontal } = table(columnWidths, [
          [
            ["Проєкт А", align],
            ["бюджет громади", align],
            ["1,500", "right"],
            ["2026 рік", "left"],
          ],
          [
            ["", align],
            ["інші джерела", align],
            ["", "right"],
            ["щороку", "left"],
          ],
        ]);
        const { blocks } = layoutPages([{ runs, horizontal, vertical: [], width: 842, height: 800 }]);
        const found = blocks.find((block) => block.kind === "table");
        expect(found?.kind === "table" ? found.rows.map((row) => row.cells) : []).toEqual([
          HEADER,
          ["Проєкт А", "бюджет громади", "1,500", "2026 рік"],
          ["", "інші джерела", "", "щороку"],
        ]);
      }),
      { numRuns: 100, seed: 17 },
    );
  });
});
