/**
 * A passport whose columns are aligned with spaces, as `pdftotext -layout` writes a PDF's passport
 * table or as Word saves it as text: an optional field number, the field's name and its value, each
 * wrapped over lines in its own column; field 10's amounts printed as a small table in the value column
 * (a header of years, then a row per total or source) or as prose. It is rebuilt as the passport table
 * the other readers give (`№ | name | value`, field 10's table as rows under it), so the passport
 * reader reads it by the same rules. A field is recognised by its name's first word, never by its line.
 */
import { LETTER } from "../../domain/letters.js";
import type { Block, Table, TableRow } from "../blocks.js";
import { checkDeadline } from "../limits.js";
import { PASSPORT_FIELD_NAMES } from "../passport-fields.js";
import { cleanCell } from "./reader.js";

interface Run {
  text: string;
  x: number;
}

/** A line of the text with a non-space in it; its runs are found when a reader first asks for them. */
class Line {
  private found: Run[] | null = null;

  constructor(
    readonly raw: string,
    readonly number: number,
    readonly blanksBefore: number,
  ) {}

  /** The line without form feeds and BOMs, its no-break spaces plain spaces. */
  get clean(): string {
    return /[\f\uFEFF\u00a0]/.test(this.raw)
      ? this.raw.replace(/[\f\uFEFF]/g, "").replace(/\u00a0/g, " ")
      : this.raw;
  }

  get runs(): Run[] {
    this.found ??= [...this.clean.matchAll(RUN)].map((match) => ({ text: match[0], x: match.index ?? 0 }));
    return this.found;
  }
}

const FIELD_NUMBER = /^(\d{1,2})\.?$/;
const ANNEX = new RegExp(String.raw`^додаток(?!${LETTER})`, "iu");
const RUN = /\S+(?: \S+)*/g;
/** Lines tried as field 1's, at most. */
const CANDIDATES = 20;
/** Field 1's first word anywhere in a line: a line without it has no run that starts with it. */
const FIELD_ONE_WORD = unanchored(PASSPORT_FIELD_NAMES[0]?.firstWord);

function unanchored(pattern: RegExp | undefined): RegExp {
  return pattern ? new RegExp(pattern.source.replace(/^\^/, ""), pattern.flags) : /(?!)/;
}

/** A line has runs when it has a non-space (form feeds, BOMs and no-break spaces are spaces to `\S`). */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let blanks = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (!/\S/.test(raw)) blanks++;
    else {
      lines.push(new Line(raw, index + 1, blanks));
      blanks = 0;
    }
  });
  return lines;
}

/** The passport's columns: where the names start and where the values start. */
interface Columns {
  label: number;
  value: number;
}

/** Lines that may be field 1's (`[1.]  Найменування …  value`), each with the columns it sets. */
function fieldOneLines(lines: Line[]): { index: number; columns: Columns }[] {
  return lines.flatMap((line, index) => {
    if (!FIELD_ONE_WORD.test(line.clean)) return [];
    const at = line.runs.findIndex((run) => PASSPORT_FIELD_NAMES[0]?.firstWord.test(run.text));
    const numbered = at === 1 && FIELD_NUMBER.exec(line.runs[0]?.text ?? "")?.[1] === "1";
    const [label, value] = [line.runs[at], line.runs[at + 1]];
    return (at === 0 || numbered) && label && value
      ? [{ index, columns: { label: label.x, value: value.x } }]
      : [];
  });
}

/** The line's runs in the number, name and value columns, or null when a run crosses a column edge. */
function split(line: Line, columns: Columns): { number: string; label: string; value: Run[] } | null {
  const number: string[] = [];
  const label: string[] = [];
  const value: Run[] = [];
  for (const run of line.runs) {
    if (run.x >= columns.value) value.push(run);
    else if (run.x + run.text.length > columns.value) return null;
    else if (run.x >= columns.label) label.push(run.text);
    else if (FIELD_NUMBER.test(run.text)) number.push(run.text);
    else return null;
  }
  if (number.length > 1) return null;
  return { number: number[0] ?? "", label: label.join(" "), value };
}

/** The field whose name the text starts, after the last one read and agreeing with a printed number. */
function fieldStarted(number: string, label: string, after: number): number | null {
  const found = PASSPORT_FIELD_NAMES.find((field) => field.firstWord.test(label))?.number;
  if (found === undefined || found <= after) return null;
  const printed = FIELD_NUMBER.exec(number)?.[1];
  return printed === undefined || Number(printed) === found ? found : null;
}

/** A header of years in field 10 (`Всього  2026 рік  2027 рік`): years and no other number. */
function isYearHeader(runs: Run[]): boolean {
  const text = runs.map((run) => run.text).join(" ");
  return /(?<!\d)20\d\d(?!\d)/.test(text) && !/\d/.test(text.replace(/(?<!\d)20\d\d(?!\d)/g, ""));
}

const texts = (runs: Run[]): string[] => runs.map((run) => run.text);

/** One field being read: its name and value as the lines add them. */
interface Field {
  number: number;
  line: number;
  label: string[];
  value: string[];
  /** Field 10's table (rows under the field's row), when its value column prints a header of years. */
  rows: TableRow[] | null;
  header: string[];
}

/** Adds a line's value runs to field 10's table: a row of its own, or a wrapped label of the row above. */
function addFundingLine(field: Field, value: Run[], line: number): void {
  const rows = field.rows ?? [];
  const last = rows.at(-1);
  const hasDigits = value.some((run) => /\d/.test(run.text));
  if (last && !hasDigits && last.cells.slice(2).some((cell) => /\d/.test(cell)))
    last.cells[1] = `${last.cells[1]}\n${texts(value).join(" ")}`;
  else rows.push({ cells: ["", ...texts(value)], line });
  field.rows = rows;
}

function addLine(field: Field, label: string, value: Run[], line: number): void {
  if (label !== "") field.label.push(label);
  if (value.length === 0) return;
  if (field.number === 10 && field.rows === null && field.value.length === 0 && isYearHeader(value)) {
    field.header = texts(value);
    field.rows = [];
  } else if (field.rows !== null) addFundingLine(field, value, line);
  else field.value.push(texts(value).join(" "));
}

/** The passport table's rows, each cell's wrapped lines joined as the text reader joins a cell's. */
function rowsOf(fields: Field[]): TableRow[] {
  const rows = fields.flatMap((field) => {
    const value = field.rows === null ? [field.value.join("\n")] : field.header;
    const row = { cells: [`${field.number}.`, field.label.join("\n"), ...value], line: field.line };
    return [row, ...(field.rows ?? [])];
  });
  return rows.map((row) => ({ ...row, cells: row.cells.map(cleanCell) }));
}

/** A page's number alone on its line, right of the number column: the blanks around it break nothing. */
function isPageNumber(line: Line, columns: Columns): boolean {
  const [run, ...rest] = line.runs;
  return (
    rest.length === 0 &&
    run !== undefined &&
    run.x >= columns.label &&
    /^[-–]?\s*\d{1,3}\s*[-–]?$/.test(run.text)
  );
}

/** The passport's fields read from the lines after field 1's, up to a line outside its columns. */
function readFields(lines: Line[], start: number, columns: Columns): { fields: Field[]; end: number } {
  const fields: Field[] = [];
  let end = start;
  let pageBreak = false;
  for (const line of lines.slice(start)) {
    checkDeadline();
    if (isPageNumber(line, columns)) {
      pageBreak = true;
      continue;
    }
    const parts = split(line, columns);
    const blanks = pageBreak || fields.length === 0 ? 0 : line.blanksBefore;
    pageBreak = false;
    if (!parts || ANNEX.test(parts.label) || blanks >= 2) break;
    const current = fields.at(-1);
    const number = fieldStarted(parts.number, parts.label, current?.number ?? 0);
    if (number !== null)
      fields.push({ number, line: line.number, label: [], value: [], rows: null, header: [] });
    // After a blank line only a new field or a row of field 10's table (nothing in the name column) goes on.
    else if (!current || parts.number !== "" || (blanks > 0 && (current.rows === null || parts.label !== "")))
      break;
    const field = fields.at(-1);
    if (field) addLine(field, parts.label, parts.value, line.number);
    end = line.number;
  }
  return { fields, end };
}

/** A space-aligned passport as the passport table it prints, and the text with its lines left blank. */
export interface SpacedPassport {
  table: Table;
  rest: string;
}

/**
 * The passport aligned with spaces in the text, or null when there is none or a line of it holds a tab
 * (the text reader's tables read it). Its lines are blanked in `rest`, keeping every line's number, so
 * that no table reader takes field 10's table of years for one of its own.
 */
export function readSpacedPassport(text: string): SpacedPassport | null {
  const lines = linesOf(text);
  for (const { index, columns } of fieldOneLines(lines).slice(0, CANDIDATES)) {
    const { fields, end } = readFields(lines, index, columns);
    const start = fields[0]?.line ?? 0;
    // Field 1 names the community; a table whose first column is a name («Найменування показника») does not.
    const community = /громад/iu.test(fields[0]?.label.join(" ") ?? "");
    if (!community || fields.length < 2) continue;
    const raw = text.split(/\r\n|\r|\n/);
    if (raw.slice(start - 1, end).some((line) => line.includes("\t"))) return null;
    const rest = raw.map((line, at) => (at + 1 >= start && at + 1 <= end ? "" : line)).join("\n");
    return { table: { kind: "table", rows: rowsOf(fields), line: start }, rest };
  }
  return null;
}

/** The blocks read from the rest of the text with the passport table in its place. */
export function withPassportTable(blocks: Block[], table: Table): Block[] {
  const at = blocks.findIndex((block) => block.line > table.line);
  return at < 0 ? [...blocks, table] : [...blocks.slice(0, at), table, ...blocks.slice(at)];
}
