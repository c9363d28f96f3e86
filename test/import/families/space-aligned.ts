import fc from "fast-check";
import type { WordBlock, WordCell, WordTable } from "../../support/word-document.js";
import { taskTableModel, withSpelledDeadlines } from "./model.js";
import { type HeaderShape, pagedStyle, renderPaged } from "./paged-model-table.js";

/**
 * The model table (family 1's rows) as `pdftotext -layout` writes a PDF of it, or as text copied from a
 * PDF viewer: no tabs, each cell wrapped to its column's width and the columns aligned with runs of
 * spaces (widths and gaps random); a spanning heading over its columns; page breaks between rows or
 * inside a row whose rest starts mid-sentence, each new page repeating the header (with or without
 * the column-number row), with a page number at the foot and a form feed or not. Amounts group their
 * thousands with spaces and take decimal commas (`1 200,500`).
 */
export interface SpacedStyle {
  /** Extra width of each column over its longest word, reused cyclically. */
  extra: number[];
  /** Spaces between columns (two or more), reused cyclically. */
  gaps: number[];
  /** Lines of rows on a page. */
  pageLines: number;
  columnNumbers: boolean;
  formFeed: boolean;
  pageNumbers: boolean;
  /** Whether a page break may cut a row whose rest starts mid-sentence. */
  cutRows: boolean;
  /** Year headings as narrow as their year: «2026 рік» wraps to «2026» over «рік». */
  narrowYears?: boolean;
}

export const spacedStyle: fc.Arbitrary<SpacedStyle> = fc.record({
  extra: fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 12 }),
  gaps: fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 12 }),
  pageLines: fc.integer({ min: 12, max: 60 }),
  columnNumbers: fc.boolean(),
  formFeed: fc.boolean(),
  pageNumbers: fc.boolean(),
  cutRows: fc.boolean(),
});

const AMOUNT = /^[\d ,-]+$/;
/** A year's heading («2026 р.», «2026 рік»). */
const YEAR_HEADING = /^20\d\d\b/;
/** Text columns are at least this wide, so that a header wraps over few lines. */
const MIN_TEXT_WIDTH = 12;

function at<T>(list: T[], index: number): T {
  return list[index % list.length] as T;
}

const textOf = (cell: WordCell): string => (typeof cell === "string" ? cell : cell.text);
const spanOf = (cell: WordCell): number => (typeof cell === "string" ? 1 : (cell.span ?? 1));

/** An amount never wraps; other text at its spaces. */
function words(text: string): string[] {
  if (text === "") return [];
  return AMOUNT.test(text) ? [text] : text.split(" ");
}

/** Greedy wrapping to `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of words(text)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Each row's cells with the grid column they start at. */
function placed(row: WordCell[]): { column: number; span: number; text: string }[] {
  let column = 0;
  return row.map((cell) => {
    const item = { column, span: spanOf(cell), text: textOf(cell) };
    column += item.span;
    return item;
  });
}

class SpacedLayout {
  readonly x: number[] = [];
  readonly widths: number[];
  private readonly narrowYears: boolean;

  constructor(rows: WordCell[][], width: number, style: SpacedStyle) {
    this.narrowYears = style.narrowYears === true;
    const longest = Array.from({ length: width }, () => 1);
    const years = new Set<number>();
    for (const row of rows)
      for (const cell of placed(row)) {
        if (cell.span !== 1) continue;
        const word = Math.max(0, ...words(cell.text).map((each) => each.length));
        const year = style.narrowYears === true && YEAR_HEADING.test(cell.text);
        if (year) years.add(cell.column);
        const floor = AMOUNT.test(cell.text) || year ? 0 : MIN_TEXT_WIDTH;
        longest[cell.column] = Math.max(longest[cell.column] ?? 1, word, floor);
      }
    this.widths = longest.map((each, index) => each + (years.has(index) ? 0 : at(style.extra, index)));
    let x = 0;
    this.widths.forEach((each, index) => {
      this.x.push(x);
      x += each + at(style.gaps, index);
    });
  }

  /** A spanning cell's width: its columns and the gaps between them. */
  private spanWidth(column: number, span: number): number {
    const last = column + span - 1;
    return (this.x[last] ?? 0) + (this.widths[last] ?? 0) - (this.x[column] ?? 0);
  }

  /** A cell's lines; a narrow year heading breaks after its year («2026» over «рік»). */
  private wrapped(text: string, width: number): string[] {
    return this.narrowYears && YEAR_HEADING.test(text) ? words(text) : wrap(text, width);
  }

  /** The lines a row prints, trailing spaces dropped. */
  lines(row: WordCell[]): string[] {
    const cells = placed(row).map((cell) => ({
      x: this.x[cell.column] ?? 0,
      lines: this.wrapped(cell.text, this.spanWidth(cell.column, cell.span)),
    }));
    const height = Math.max(1, ...cells.map((cell) => cell.lines.length));
    return Array.from({ length: height }, (_, index) => {
      let line = "";
      for (const cell of cells) {
        const text = cell.lines[index];
        if (text === undefined) continue;
        line = line.padEnd(cell.x, " ") + text;
      }
      return line;
    });
  }
}

/** Starts mid-sentence: the rest of a row cut by a page break joins the row above. */
const MID_SENTENCE = /^\s*\p{Ll}/u;

class SpacedRenderer {
  private readonly out: string[] = [];
  private page = 1;
  private onPage = 0;

  constructor(
    private readonly layout: SpacedLayout,
    private readonly header: string[],
    private readonly style: SpacedStyle,
  ) {}

  paragraph(text: string): void {
    this.out.push(text);
  }

  startTable(): void {
    this.out.push(...this.header);
  }

  row(row: WordCell[], cutAny = false): void {
    const lines = this.layout.lines(row);
    if (this.onPage > 0 && this.onPage + lines.length > this.style.pageLines) {
      const room = this.style.pageLines - this.onPage;
      const rest = lines.slice(room);
      const cut = cutAny || MID_SENTENCE.test(rest[0] ?? "");
      if (this.style.cutRows && room > 0 && cut) {
        this.lines(lines.slice(0, room));
        this.pageBreak();
        this.lines(rest);
        return;
      }
      this.pageBreak();
    }
    this.lines(lines);
  }

  private lines(lines: string[]): void {
    this.out.push(...lines);
    this.onPage += lines.length;
  }

  private pageBreak(): void {
    if (this.style.pageNumbers) this.out.push("", `${" ".repeat(40)}${this.page}`);
    this.page++;
    const [first = "", ...rest] = this.header;
    this.out.push(`${this.style.formFeed ? "\f" : ""}${first}`, ...rest);
    this.onPage = 0;
  }

  text(): string {
    return `${this.out.join("\n")}\n`;
  }
}

/** The family-1 rows of a document (its Word rendering: a row a page break cuts is whole there). */
function renderRows(word: WordBlock[], style: SpacedStyle): string {
  const table = word.find((block): block is WordTable => block.kind === "table");
  if (!table) throw new Error("no table to render");
  const header = table.rows.slice(0, style.columnNumbers ? table.headerRows : table.headerRows - 1);
  const body = table.rows.slice(table.headerRows);
  const width = Math.max(...table.rows.map((row) => row.reduce((sum, cell) => sum + spanOf(cell), 0)));
  const layout = new SpacedLayout([...header, ...body], width, style);
  const renderer = new SpacedRenderer(
    layout,
    header.flatMap((row) => layout.lines(row)),
    style,
  );
  for (const block of word) {
    if (block.kind === "paragraph") renderer.paragraph(block.text);
    else if (block.kind === "table") {
      renderer.startTable();
      for (const row of body) renderer.row(row);
    }
  }
  return renderer.text();
}

/**
 * The amounts' headings as a PDF wraps them (`HeaderShape`'s `including` and `wideTotal`, the year
 * headings narrow): «у тому числі за роками» beside «Всього» over the years, the total named in the
 * heading over them, «2026» over «рік».
 */
const spacedAmounts = fc.record({
  including: fc.constantFrom(null, "у тому числі за роками", "у т.ч. за роками:"),
  wideTotal: fc.boolean(),
  narrowYears: fc.boolean(),
});

function amountsShape({
  including,
  wideTotal,
}: {
  including: string | null;
  wideTotal: boolean;
}): HeaderShape {
  return {
    oneName: null,
    directionHeading: "named",
    including,
    bareTotals: false,
    taskHeadings: false,
    wordyAmounts: false,
    rowNumbers: false,
    repeatTask: false,
    wideTotal,
    directionWord: "Пріоритетний напрям",
    lowerTotal: false,
    namePrefix: "",
    sourceAfterAmounts: false,
  };
}

export const spacedDocument = fc
  .tuple(taskTableModel.map(withSpelledDeadlines), pagedStyle, spacedStyle, spacedAmounts)
  .map(([model, paged, plain, amounts]) => {
    const style = { ...plain, narrowYears: amounts.narrowYears };
    // A space-aligned page shows cells where they stand: no cells shifted by the text extraction.
    const { word } = renderPaged(model, {
      ...paged,
      shifts: ["none"],
      pageBreaks: "repeat-header",
      headerShape: amountsShape(amounts),
    });
    return { model, style, text: renderRows(word, style) };
  });

/**
 * A document's Word blocks as `pdftotext -layout` writes them: each table laid out on its own columns
 * (random widths and gaps), a blank line around it, its header rows printed again after each page
 * break (a page number or not, a form feed or not); paragraphs as lines. Rows are whole unless
 * `cutRows`: then a page break may cut any row of two or more lines, its rest starting with anything
 * (a digit, a dash, lowercase, a capital: «Wi-Fi цифрових» in the name column).
 */
export function renderSpacedBlocks(word: WordBlock[], style: SpacedStyle, cutRows = false): string {
  const out: string[] = [];
  for (const block of word) {
    if (block.kind === "paragraph") out.push(block.text);
    else if (block.kind === "table") {
      const width = Math.max(...block.rows.map((row) => row.reduce((sum, cell) => sum + spanOf(cell), 0)));
      const layout = new SpacedLayout(block.rows, width, style);
      const header = block.rows.slice(0, block.headerRows).flatMap((row) => layout.lines(row));
      const renderer = new SpacedRenderer(layout, header, { ...style, cutRows });
      renderer.startTable();
      for (const row of block.rows.slice(block.headerRows)) renderer.row(row, true);
      out.push("", ...renderer.text().trimEnd().split("\n"), "");
    }
  }
  return `${out.join("\n")}\n`;
}
