/**
 * Building blocks of the report DOCX files: A4 pages, the title block, a form table with its
 * header repeated on every page, and the programme head's signature block.
 */
import {
  AlignmentType,
  Document,
  type ISectionOptions,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { MoneyUnit } from "../../domain/money.js";
import type { FormRow, FormTable } from "../../domain/monitoring/forms.js";
import { cellText, columnHeader } from "./cells.js";
import { programmeHead, type ReportInput, SIGNATURE_HEADING, titleBlock } from "./input.js";

const FONT = "Times New Roman";
const TEXT_SIZE = 24; // half-points: 12 pt
const TABLE_SIZE = 20; // 10 pt
const HEADER_SIZE = 18; // 9 pt: long column titles in narrow columns

/** A4 in twips; `docx` swaps width and height for landscape. Margins 1.5 cm. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 851;
export const LANDSCAPE_WIDTH = A4.height - 2 * MARGIN;
export const PORTRAIT_WIDTH = A4.width - 2 * MARGIN;

export type Orientation = "landscape" | "portrait";
export type Body = (Paragraph | Table)[];

export interface TextStyle {
  bold?: boolean;
  center?: boolean;
  right?: boolean;
  size?: number;
}

function alignment(style: TextStyle) {
  if (style.center) return AlignmentType.CENTER;
  return style.right ? AlignmentType.RIGHT : undefined;
}

/** One paragraph per line, so line breaks in the text survive. */
export function paragraphs(text: string, style: TextStyle = {}): Paragraph[] {
  return text.split("\n").map(
    (line) =>
      new Paragraph({
        alignment: alignment(style),
        children: [new TextRun({ text: line, bold: style.bold, font: FONT, size: style.size ?? TABLE_SIZE })],
      }),
  );
}

export function textCell(text: string, style: TextStyle = {}): TableCell {
  return new TableCell({ children: paragraphs(text, style) });
}

export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, font: FONT, size: TEXT_SIZE })],
  });
}

/** A bold line above a table within a criterion. */
export function subheading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 160, after: 80 },
    children: [new TextRun({ text, bold: true, font: FONT, size: TEXT_SIZE })],
  });
}

export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, font: FONT, size: TEXT_SIZE })] });
}

/** "Програма: …", "Територіальна громада: …" and so on, the label in bold; then an empty line. */
export function titleBlockParagraphs(input: ReportInput): Paragraph[] {
  const lines = titleBlock(input).map(
    (line) =>
      new Paragraph({
        children: [
          new TextRun({ text: `${line.label}: `, bold: true, font: FONT, size: TEXT_SIZE }),
          new TextRun({ text: line.value, font: FONT, size: TEXT_SIZE }),
        ],
      }),
  );
  return [...lines, new Paragraph({ children: [] })];
}

/** Twips per column from relative weights, filling `total`. */
export function columnWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((weight) => Math.floor((weight * total) / sum));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest;
  return widths;
}

export function gridTable(rows: TableRow[], widths: number[]): Table {
  const total = widths.reduce((a, b) => a + b, 0);
  return new Table({ rows, columnWidths: widths, width: { size: total, type: WidthType.DXA } });
}

const STRONG_ROWS = new Set<FormRow["kind"]>(["direction", "total"]);

/** The header row and (for the official forms) the column-number row, repeated at the top of every page. */
function formHeaderRows(table: FormTable, unit: MoneyUnit, numbered: boolean): TableRow[] {
  const bold = { bold: true, center: true, size: HEADER_SIZE };
  const header = new TableRow({
    tableHeader: true,
    children: table.columns.map((c) => textCell(columnHeader(c, unit), bold)),
  });
  if (!numbered) return [header];
  const numbers = new TableRow({
    tableHeader: true,
    children: table.columns.map((_, index) => textCell(String(index + 1), { center: true })),
  });
  return [header, numbers];
}

function formRow(table: FormTable, row: FormRow, unit: MoneyUnit): TableRow {
  const bold = STRONG_ROWS.has(row.kind);
  return new TableRow({
    cantSplit: true,
    children: table.columns.map((column) =>
      textCell(cellText(column, row.cells[column.key] ?? null, unit), {
        bold,
        right: column.type !== "text",
      }),
    ),
  });
}

/**
 * A monitoring form as a DOCX table: the form's columns in its order, one table row per form row,
 * money in `unit` (the programme's) and named in its columns' headers.
 */
export function formTableDocx(
  table: FormTable,
  unit: MoneyUnit,
  weights: number[],
  width: number,
  numbered = true,
): Table {
  const header = formHeaderRows(table, unit, numbered);
  const rows = [...header, ...table.rows.map((row) => formRow(table, row, unit))];
  return gridTable(rows, columnWidths(weights, width));
}

/** Position | signature line | name, without borders, under the heading "Керівник Програми". */
export function signatureBlock(input: ReportInput, width: number): Body {
  const head = programmeHead(input.programme);
  const size = TEXT_SIZE;
  const row = new TableRow({
    children: [
      textCell(head.position || "(посада)", { size }),
      textCell("____________________\n(підпис)", { center: true, size }),
      textCell(head.name || "(ім'я та ПРІЗВИЩЕ)", { right: true, size }),
    ],
  });
  const table = new Table({
    rows: [row],
    borders: TableBorders.NONE,
    columnWidths: columnWidths([5, 3, 3], width),
    width: { size: width, type: WidthType.DXA },
  });
  return [new Paragraph({ spacing: { before: 480 }, children: [] }), bodyParagraph(SIGNATURE_HEADING), table];
}

export function pageWidth(orientation: Orientation): number {
  return orientation === "landscape" ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
}

export function section(orientation: Orientation, children: Body): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          ...A4,
          orientation: orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    children,
  };
}

export async function packDocument(title: string, sections: ISectionOptions[]): Promise<Uint8Array> {
  const document = new Document({
    creator: "infoprog",
    title,
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
