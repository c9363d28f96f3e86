/**
 * Test-time Word documents with real tables, built with the `docx` library: one table row per logical
 * row, the header rows marked to repeat on every page (tableHeader), a cell spanning several columns
 * as one cell with gridSpan, a cell merged down over the rows below it with vMerge, and a page break that splits a table as two tables with a page break
 * between them (the second starting with rows of its own, e.g. the column-number row).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { Block, Table as BlockTable } from "../../src/import/blocks.js";

/**
 * A cell's text, or a cell spanning `span` grid columns, or a cell merged vertically (vMerge): `start`
 * opens the merged cell with its text, `continue` is covered by the cell above (its text is empty).
 */
export type WordCell =
  | string
  | { text: string; span: number }
  | { text: string; span?: number; merge: "start" | "continue" }
  | { text: string; span?: number; list: WordList };

/**
 * A cell whose paragraph Word numbers itself (w:numPr): one list per `id`, counting on over every
 * cell of that list in the document, its number printed as `format` says («%1.», «2.%1.», «%1)»).
 */
export interface WordList {
  id: string;
  format: string;
}

export interface WordTable {
  kind: "table";
  rows: WordCell[][];
  /** How many of the first rows repeat at the top of every page. */
  headerRows: number;
  /**
   * False: no borders at all (a Word table with borders set to none); true: every border, whatever the
   * look. Drawn by default, as the look has them.
   */
  borders?: boolean;
  /**
   * The rows whose words set the column widths: every part of one table that page breaks split, so
   * that the parts line up as one table's pages do. Its own rows when not given.
   */
  widthRows?: WordCell[][];
}

export type WordBlock = { kind: "paragraph"; text: string } | WordTable | { kind: "page-break" };

export type Alignment = "left" | "center" | "right";

/**
 * How a council's document looks, the text aside: its font and size, the page, which borders the
 * tables draw (all, none, or the horizontal ones only), each column's alignment, bold centred header
 * rows, a page number and a running header on every page. Without one: Liberation Serif 8 pt,
 * landscape, every border, left-aligned, no page furniture.
 */
export interface WordLook {
  font: string;
  /** Points. */
  size: number;
  orientation: "landscape" | "portrait";
  borders: "all" | "none" | "horizontal";
  /** The body rows' alignment by grid column, reused cyclically. */
  align: Alignment[];
  boldHeader: boolean;
  pageNumber: "top" | "bottom" | "none";
  /** A line at the top of every page ("" for none). */
  runningHeader: string;
}

interface TextLook {
  font: string;
  /** Half-points, as Word counts. */
  size: number;
  bold?: boolean;
  alignment?: Alignment;
}

const PLAIN: TextLook = { font: "Liberation Serif", size: 16 };

const ALIGNMENT = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT };

function paragraphs(text: string, look: TextLook = PLAIN, list?: WordList): Paragraph[] {
  const { alignment, ...run } = look;
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        ...(alignment ? { alignment: ALIGNMENT[alignment] } : {}),
        ...(list ? { numbering: { reference: list.id, level: 0 } } : {}),
        children: [new TextRun({ text: line, ...run })],
      }),
  );
}

const listOf = (cell: WordCell): WordList | undefined =>
  typeof cell !== "string" && "list" in cell ? cell.list : undefined;

/** The numbering definitions of the lists the blocks' cells are numbered by (`WordList`). */
function listNumbering(blocks: WordBlock[]) {
  const lists = new Map<string, WordList>();
  for (const block of blocks)
    if (block.kind === "table")
      for (const row of block.rows)
        for (const cell of row) {
          const list = listOf(cell);
          if (list) lists.set(list.id, list);
        }
  return [...lists.values()].map(({ id, format }) => ({
    reference: id,
    levels: [{ level: 0, format: LevelFormat.DECIMAL, text: format, alignment: AlignmentType.LEFT }],
  }));
}

const textOf = (cell: WordCell): string => (typeof cell === "string" ? cell : cell.text);
const spanOf = (cell: WordCell): number => (typeof cell === "string" ? 1 : (cell.span ?? 1));
const mergeOf = (cell: WordCell) => (typeof cell === "string" || !("merge" in cell) ? undefined : cell.merge);
const gridWidth = (row: WordCell[]): number => row.reduce((sum, cell) => sum + spanOf(cell), 0);

/** Each row's cells by the grid column they start in. */
function placed(row: WordCell[]): { cell: WordCell; column: number }[] {
  let column = 0;
  return row.map((cell) => {
    const at = column;
    column += spanOf(cell);
    return { cell, column: at };
  });
}

const VERTICAL_MERGE = { start: VerticalMergeType.RESTART, continue: VerticalMergeType.CONTINUE };

const PAGE_WIDTH_TWIPS = 15_000;
/** A portrait page's table: the A4 width less margins of 1.27 cm. */
const PORTRAIT_WIDTH_TWIPS = 10_400;
const PORTRAIT_MARGIN_TWIPS = 720;

/** Each column's longest word, in characters (spanning cells aside). */
function longestWords(rows: WordCell[][], width: number): number[] {
  const longest = Array.from({ length: width }, () => 1);
  for (const row of rows) {
    for (const { cell, column } of placed(row)) {
      if (spanOf(cell) !== 1) continue;
      for (const word of textOf(cell).split(/\s+/))
        longest[column] = Math.max(longest[column] ?? 1, word.length);
    }
  }
  return longest;
}

/** Column widths in proportion to each column's longest word (spanning cells aside), so that no word has to be broken. */
function columnWidths(rows: WordCell[][], width: number, tableWidth: number): number[] {
  const longest = longestWords(rows, width).map((each) => Math.max(4, each + 3));
  const total = longest.reduce((sum, each) => sum + each, 0);
  return longest.map((each) => Math.floor((tableWidth * each) / total));
}

const LANDSCAPE_TEXT_TWIPS = 13_900;

/** Twips a word of `length` characters may take at `size` points (bold, wide letters), with the cell's margins. */
const wordTwips = (length: number, size: number) => Math.ceil(length * size * 20 * 0.62) + 240;

/**
 * A look's column widths: each column as wide as its longest word needs at the look's size, the rest
 * of the page shared in proportion to the longest words; null when the words do not fit on the page.
 */
function lookWidths(rows: WordCell[][], width: number, look: WordLook): number[] | null {
  const longest = longestWords(rows, width);
  const needed = longest.map((each) => wordTwips(each, look.size));
  const page = look.orientation === "portrait" ? PORTRAIT_WIDTH_TWIPS : LANDSCAPE_TEXT_TWIPS;
  const spare = page - needed.reduce((sum, each) => sum + each, 0);
  if (spare < 0) return null;
  const total = longest.reduce((sum, each) => sum + each, 0);
  return needed.map((each, column) => each + Math.floor((spare * (longest[column] ?? 0)) / total));
}

/**
 * The look, turned landscape and then a point smaller at a time (down to 8 pt) until every table's
 * words fit its columns: a council's table has no word broken across lines, which no reader could join.
 */
export function fitLook(blocks: WordBlock[], look: WordLook): WordLook {
  const tables = blocks.filter((block): block is WordTable => block.kind === "table");
  const fits = (candidate: WordLook) =>
    tables.every((table) => lookWidths(table.rows, Math.max(...table.rows.map(gridWidth)), candidate));
  if (fits(look)) return look;
  for (let size = look.size; size >= 8; size--) {
    const candidate: WordLook = { ...look, orientation: "landscape", size };
    if (fits(candidate)) return candidate;
  }
  return { ...look, orientation: "landscape", size: 8 };
}

const LINE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const NO_LINE = TableBorders.NONE.top;

function tableBorders(table: WordTable, look: WordLook | undefined) {
  if (table.borders === false || (look?.borders === "none" && table.borders !== true))
    return { borders: TableBorders.NONE };
  if (look?.borders !== "horizontal" || table.borders === true) return {};
  return {
    borders: {
      top: LINE,
      bottom: LINE,
      insideHorizontal: LINE,
      left: NO_LINE,
      right: NO_LINE,
      insideVertical: NO_LINE,
    },
  };
}

/** How a cell's text looks: a header row's bold and centred when the look says so, a body row's aligned by column. */
function cellLook(look: WordLook | undefined, header: boolean, column: number): TextLook {
  if (!look) return PLAIN;
  const text = { font: look.font, size: look.size * 2 };
  if (header && look.boldHeader) return { ...text, bold: true, alignment: "center" };
  return { ...text, alignment: look.align[column % look.align.length] ?? "left" };
}

function wordTable(table: WordTable, look: WordLook | undefined): Table {
  const sizing = table.widthRows ?? table.rows;
  const width = Math.max(...sizing.map(gridWidth));
  const widths = (look && lookWidths(sizing, width, look)) ?? columnWidths(sizing, width, PAGE_WIDTH_TWIPS);
  const cellWidth = (column: number, span: number) =>
    widths.slice(column, column + span).reduce((sum, each) => sum + each, 0);
  return new Table({
    layout: TableLayoutType.FIXED,
    ...tableBorders(table, look),
    width: { size: widths.reduce((sum, each) => sum + each, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: table.rows.map((row, index) => {
      const padding = Array<WordCell>(width - gridWidth(row)).fill("");
      return new TableRow({
        tableHeader: index < table.headerRows,
        cantSplit: false,
        children: placed([...row, ...padding]).map(
          ({ cell, column }) =>
            new TableCell({
              width: { size: cellWidth(column, spanOf(cell)), type: WidthType.DXA },
              ...(spanOf(cell) > 1 ? { columnSpan: spanOf(cell) } : {}),
              ...(mergeOf(cell) ? { verticalMerge: VERTICAL_MERGE[mergeOf(cell) ?? "start"] } : {}),
              children: paragraphs(
                textOf(cell),
                cellLook(look, index < table.headerRows, column),
                listOf(cell),
              ),
            }),
        ),
      });
    }),
  });
}

function wordChildren(block: WordBlock, look: WordLook | undefined): (Paragraph | Table)[] {
  const text = look ? { font: look.font, size: look.size * 2 } : PLAIN;
  if (block.kind === "paragraph") return paragraphs(block.text, text);
  if (block.kind === "page-break") return [new Paragraph({ children: [new PageBreak()] })];
  return [wordTable(block, look), new Paragraph({ children: [] })];
}

/** The page number and the running header of a look, as Word's header and footer. */
function furniture(look: WordLook | undefined) {
  if (!look) return {};
  const run = { font: look.font, size: look.size * 2 };
  const number = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: [PageNumber.CURRENT], ...run })],
  });
  const top = [
    ...(look.runningHeader ? paragraphs(look.runningHeader, { ...run, alignment: "right" }) : []),
    ...(look.pageNumber === "top" ? [number] : []),
  ];
  return {
    ...(top.length > 0 ? { headers: { default: new Header({ children: top }) } } : {}),
    ...(look.pageNumber === "bottom" ? { footers: { default: new Footer({ children: [number] }) } } : {}),
  };
}

function page(look: WordLook | undefined) {
  if (look?.orientation === "portrait")
    return {
      size: { orientation: PageOrientation.PORTRAIT, width: 11_906, height: 16_838 },
      margin: { left: PORTRAIT_MARGIN_TWIPS, right: PORTRAIT_MARGIN_TWIPS },
    };
  return { size: { orientation: PageOrientation.LANDSCAPE, width: 11_906, height: 16_838 } };
}

/** The blocks as a Word document: landscape, plain, unless a look is given. */
export async function wordDocument(blocks: WordBlock[], wanted?: WordLook): Promise<Uint8Array> {
  const look = wanted && fitLook(blocks, wanted);
  const document = new Document({
    numbering: { config: listNumbering(blocks) },
    sections: [
      {
        properties: { page: page(look) },
        ...furniture(look),
        children: blocks.flatMap((block) => wordChildren(block, look)),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const COLUMN_NUMBERS = /^\s*\d{1,2}\s*$/;

/** Rows above the column-number row ("1 2 … N"), with it; else the first row alone. */
function headerRowCount(table: BlockTable): number {
  const numbered = table.rows.findIndex((row) => {
    const filled = row.cells.filter((cell) => cell.trim() !== "");
    return filled.length >= 3 && filled.every((cell) => COLUMN_NUMBERS.test(cell));
  });
  return numbered >= 0 && numbered < 5 ? numbered + 1 : 1;
}

/** The line a block ends on: a paragraph's last line, a table's last row. */
function lastLine(block: Block): number {
  if (block.kind === "paragraph") return block.line + block.text.split("\n").length - 1;
  return block.rows.at(-1)?.line ?? block.line;
}

/**
 * The reader's blocks (e.g. of a text) as a Word document: paragraphs as paragraphs, tables as real
 * tables, and a blank line before a paragraph as an empty paragraph (as Word keeps it).
 */
export function blocksToDocx(blocks: Block[]): Promise<Uint8Array> {
  return wordDocument(
    blocks.flatMap((block, index): WordBlock[] => {
      if (block.kind === "table")
        return [
          { kind: "table", rows: block.rows.map((row) => row.cells), headerRows: headerRowCount(block) },
        ];
      const previous = blocks[index - 1];
      const blank = previous !== undefined && block.line > lastLine(previous) + 1;
      return [
        ...(blank ? [{ kind: "paragraph", text: "" } as const] : []),
        { kind: "paragraph", text: block.text },
      ];
    }),
  );
}
