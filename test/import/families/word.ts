import fc from "fast-check";
import type { Alignment, WordBlock, WordCell, WordLook, WordTable } from "../../support/word-document.js";
import { PROPERTY_RUNS } from "./model.js";

/**
 * The family generators' DOCX rendering: the same logical rows as their text, as real Word tables
 * (`test/support/word-document.ts`). A page break in a table is either invisible in the DOCX (one
 * table whose header rows Word repeats on the next page) or splits the table in two, the second
 * starting with the rows that top the next page (the column-number row or the header again), as
 * documents pasted together from pages have it.
 */
export type PageBreakMode = "repeat-header" | "split-table";

export const pageBreakMode: fc.Arbitrary<PageBreakMode> = fc.constantFrom("repeat-header", "split-table");

export class WordSketch {
  readonly blocks: WordBlock[] = [];
  private table: WordTable | null = null;

  paragraph(text: string): void {
    this.table = null;
    this.blocks.push({ kind: "paragraph", text });
  }

  /** A new table whose first rows (`header`) repeat on every page. */
  startTable(header: WordCell[][]): void {
    this.table = { kind: "table", rows: header.map((row) => [...row]), headerRows: header.length };
    this.blocks.push(this.table);
  }

  row(cells: WordCell[]): void {
    if (!this.table) this.startTable([]);
    this.table?.rows.push(cells);
  }

  /** A page break before the next row; `top` is what the text shows at the top of the next page. */
  pageBreak(mode: PageBreakMode, top: WordCell[][]): void {
    if (mode === "repeat-header" || !this.table) return;
    this.blocks.push({ kind: "page-break" });
    this.startTable(top);
  }
}

/**
 * Lines of a family's text as a Word document: a line of tab-separated cells is a table row, a blank
 * line between rows a page break, any other line a paragraph.
 */
export function linesToWord(lines: string[], mode: PageBreakMode): WordBlock[] {
  const word = new WordSketch();
  let broken = false;
  let inTable = false;
  for (const line of lines) {
    if (line === "") {
      broken = inTable;
      continue;
    }
    if (line.includes("\t")) {
      if (broken) word.pageBreak(mode, []);
      word.row(line.split("\t"));
    } else word.paragraph(line);
    broken = false;
    inTable = line.includes("\t");
  }
  return word.blocks;
}

const layoutRuns = process.env.INFOPROG_LAYOUT_RUNS;

/** DOCX runs per family: 25 in `npm test` (building and reading a DOCX is slower than a text), more in `npm run test:layouts`. */
export const DOCX_PROPERTY_RUNS = {
  ...PROPERTY_RUNS,
  numRuns: layoutRuns ? Math.max(25, Math.floor(Number(layoutRuns) / 20)) : 25,
};

/**
 * Programmes per family also converted by LibreOffice to ODT and PDF: 3 in `npm test`, more in `npm
 * run test:layouts`. A conversion takes seconds, so a failure is reported as generated, not shrunk
 * (replay its seed and path with INFOPROG_LAYOUT_SEED to shrink it).
 */
export const OFFICE_PROPERTY_RUNS = {
  ...PROPERTY_RUNS,
  numRuns: layoutRuns ? Math.max(3, Math.floor(Number(layoutRuns) / 500)) : 3,
  endOnFailure: true,
};

const alignment = fc.constantFrom<Alignment>("left", "center", "right");

/**
 * How councils' documents look (issue 17): Times New Roman or Arial at 10–14 pt, landscape or portrait,
 * tables ruled all over, not at all or only horizontally, each column left-aligned, centred or
 * right-aligned, bold centred header rows or plain ones, a page number at the top or bottom, a running
 * header.
 */
export const wordLook: fc.Arbitrary<WordLook> = fc.record({
  font: fc.constantFrom("Times New Roman", "Arial"),
  size: fc.integer({ min: 10, max: 14 }),
  orientation: fc.constantFrom("landscape", "portrait"),
  borders: fc.constantFrom("all", "none", "horizontal"),
  align: fc.array(alignment, { minLength: 1, maxLength: 12 }),
  boldHeader: fc.boolean(),
  pageNumber: fc.constantFrom("top", "bottom", "none"),
  runningHeader: fc.constantFrom("", "Програма інформатизації громади"),
});

/** Programmes per family printed in a council's look and imported from LibreOffice's PDF. */
export const LOOK_PROPERTY_RUNS = {
  ...OFFICE_PROPERTY_RUNS,
  numRuns: layoutRuns ? OFFICE_PROPERTY_RUNS.numRuns : 10,
};
