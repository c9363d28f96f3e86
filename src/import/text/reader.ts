import type { Block, Table } from "../blocks.js";
import { cellText } from "../interpret/text.js";
import { checkDeadline, checkLineCount, checkRow, checkRowWidth, checkText } from "../limits.js";
import { cleanCellText, stripMarkup } from "./clean.js";
import { addTabRow, mergeSplitRows, type RawRow } from "./rows.js";

type LineKind = "blank" | "cell" | "tabs" | "plain";

/** A line holding exactly one tab-indented cell: the one-cell-per-line layout. */
const CELL_LINE = /^ *\t[^\t]*$/;
/** "Додаток 1": an annex heading never continues a cell, even without a blank line before it. */
const ANNEX = /^\s*додаток\s*(?:№\s*)?\d/iu;
/** Page numbers and "Продовження додатка 1" lines that a page break leaves inside a table. */
const PAGE_FURNITURE = /^\s*(?:[-–]?\s*\d{1,3}\s*[-–]?|продовження(?:\s+\S+){0,4})\s*$/i;

/** A Markdown pipe-table row ("| a | b |"), as converters to Markdown write a table. */
const PIPE_ROW = /^\s*\|.*\|\s*$/;
/** The rule under a pipe table's header: "|---|:---:|". */
const PIPE_RULE = /^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/;

/** A pipe-table row as the tab-separated row it stands for; its rule line as null. */
function fromPipeRow(line: string): string | null {
  if (!PIPE_ROW.test(line)) return line;
  if (PIPE_RULE.test(line)) return null;
  return line
    .trim()
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, "|"))
    .join("\t");
}

function lineKind(line: string): LineKind {
  if (line.trim() === "" && !line.includes("\t")) return "blank";
  if (CELL_LINE.test(line)) return "cell";
  return line.includes("\t") ? "tabs" : "plain";
}

/** What `cleanCell` would change: line breaks and odd spaces, runs of spaces, ends, hyphens. */
const NEEDS_CLEANING = /[^\S ]| {2}|^ | $|-/;

export function cleanCell(cell: string): string {
  if (!NEEDS_CLEANING.test(cell)) return cell; // most cells: empty, or plain words and numbers
  const lines = cell.split("\n").map(cellText); // each line's spaces as one (no-break spaces are \s)
  return cleanCellText(lines.filter((part) => part !== "").join("\n"));
}

/** Rebuilds blocks line by line; one instance per call. */
class TextReader {
  readonly blocks: Block[] = [];
  private family: "cell" | "tabs" | null = null;
  private rows: RawRow[] = [];
  private row: RawRow | null = null;
  private lastKind: LineKind = "blank";
  private sawBlank = false;

  read(lines: string[]): Block[] {
    checkLineCount(lines.length);
    lines.forEach((raw, index) => {
      this.take(stripMarkup(raw), index + 1);
    });
    this.endTable();
    return this.blocks;
  }

  private take(text: string, number: number): void {
    checkText(text);
    if (number % 256 === 0) checkDeadline();
    const line = fromPipeRow(text);
    if (line === null) return;
    const kind = lineKind(line);
    if (kind === "blank") this.blank();
    else if (kind === "cell" && this.family !== "tabs") this.cell(line, number);
    else if (kind === "cell" || kind === "tabs") this.tabs(line, number);
    else this.plain(line, number);
    this.lastKind = kind;
  }

  private blank(): void {
    this.endRow();
    this.sawBlank = true;
  }

  private cell(line: string, number: number): void {
    if (this.family !== "cell") this.startTable("cell");
    const text = line.replace(/^ *\t/, "");
    if (this.row) {
      this.row.cells.push(text);
      checkRowWidth(this.row.cells.length);
    } else this.row = { cells: [text], line: number, afterBlank: this.sawBlank };
    this.sawBlank = false;
  }

  private tabs(line: string, number: number): void {
    if (this.family !== "tabs") this.startTable("tabs");
    const cells = line.split("\t");
    checkRowWidth(cells.length);
    addTabRow(this.rows, { cells, line: number, afterBlank: this.sawBlank });
    this.sawBlank = false;
  }

  private plain(line: string, number: number): void {
    const last = this.row?.cells.length ?? 0;
    if (this.row && this.lastKind !== "blank" && last > 0 && !ANNEX.test(line)) {
      this.row.cells[last - 1] = `${this.row.cells[last - 1]}\n${line}`;
      return;
    }
    if (this.family && PAGE_FURNITURE.test(line)) return;
    this.endTable();
    this.blocks.push({ kind: "paragraph", text: cellText(line), line: number });
    this.sawBlank = false;
  }

  private startTable(family: "cell" | "tabs"): void {
    this.endTable();
    this.family = family;
  }

  private endRow(): void {
    if (this.row) this.rows.push(this.row);
    this.row = null;
  }

  private endTable(): void {
    this.endRow();
    const rows = this.family === "cell" ? mergeSplitRows(this.rows) : this.rows;
    if (rows.length > 0) this.blocks.push(toTable(rows));
    this.rows = [];
    this.family = null;
  }
}

function toTable(rows: RawRow[]): Table {
  const clean = rows.map((row) => {
    checkRow(row.cells);
    return { cells: row.cells.map(cleanCell), line: row.line };
  });
  return { kind: "table", rows: clean, line: clean[0]?.line ?? 0 };
}

/**
 * Rebuilds paragraphs and table rows from text extracted from a Word or PDF document. Tables come
 * in two layouts: one tab-indented cell per line with rows separated by blank lines, or one
 * tab-separated row per line whose cells may continue on later lines.
 */
export function readTextBlocks(text: string): Block[] {
  return new TextReader().read(text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/));
}
