/**
 * The neutral form every reader produces before interpretation: the document as a sequence of
 * paragraphs and tables. The text reader rebuilds tables from extracted text; the DOCX reader reads
 * the real tables. One interpreter turns blocks into the programme model, so layout rules live once.
 */
export interface Paragraph {
  kind: "paragraph";
  text: string;
  line: number;
}

export interface TableRow {
  cells: string[];
  /** Line of the row's first cell in the source document. */
  line: number;
  /**
   * The cells this row's empty cells continue: a cell merged down over several rows (DOCX `vMerge`, an
   * ODT covered cell, a PDF cell without a border above it) is read once, in its first row; here each
   * row below it keeps that text by column index.
   */
  mergedFromAbove?: Record<number, string>;
}

export interface Table {
  kind: "table";
  rows: TableRow[];
  line: number;
  /**
   * Read from a PDF page that draws no borders between its rows: a cell merged down over several rows
   * prints its text once, at its top, and cannot be told from a filled cell over empty ones.
   */
  unruled?: boolean;
}

export type Block = Paragraph | Table;

/** A document that is not a programme, or cannot be read at all. The CLI prints the message. */
export class NotAProgrammeError extends Error {
  override name = "NotAProgrammeError";
}
