import { LETTER } from "../../domain/letters.js";
import type { ByYear, DeclaredFunding, PassportField, SourceKind } from "../../domain/model.js";
import { ref, SOURCE_LABELS_UK } from "../../domain/model.js";
import {
  formatAmount,
  type MoneyUnit,
  parseAmountCell,
  parseDecimalToKopecks,
  sumKopecks,
  unitLabel,
  unitNamedIn,
} from "../../domain/money.js";
import { money } from "../../domain/rules/common.js";
import { classifySource, isSourceLabel } from "../../domain/sources.js";
import type { Totals } from "../../domain/totals.js";
import type { Block, Table, TableRow } from "../blocks.js";
import { romanNumber } from "../list-labels.js";
import { fieldNamed, OLD_FORM_FIELDS, PASSPORT_FIELD_NAMES } from "../passport-fields.js";
import { yearOf } from "./columns.js";
import { type CellAddress, numbersIn } from "./coverage.js";
import type { FindingLog } from "./findings.js";
import {
  type Owner,
  type ProseCell,
  type ProseSink,
  readFundingProse,
  type SharedYearsJudge,
  sourcesNamedIn,
} from "./funding-prose.js";
import { isNumberRun, type RunNumber, readNumberRun } from "./number-run.js";
import { cellText } from "./text.js";

/** «(проєкту) програми» at the start. */
const PROGRAMME_WORD = new RegExp(String.raw`^\s*(?:проєкту\s+|проекту\s+)?програми(?!${LETTER})`, "iu");
/** The words for a year. */
const YEAR_WORDS = new RegExp(String.raw`(?<!${LETTER})(?:рік|роки|року|р\.)(?!${LETTER})`, "giu");

/** A field's number as councils print it: «1.», «1)», «1», or Roman «IV.», often typed with the Cyrillic І and Х. */
const FIELD_NUMBER = /^(?:(\d{1,2})|([IVXІХ]{1,4}))[.)]?$/u;
const TOTAL_WORD = /^(всього|усього|разом)$/i;

/** A cell that is a total's label alone: «Усього», «Всього:», «Разом.». */
function isTotalLabel(text: string): boolean {
  return TOTAL_WORD.test(text.replace(/[:.,]/g, "").trim());
}

export interface PassportRead {
  fields: PassportField[];
  funding: DeclaredFunding;
  /** Rows after field 10 in the same table: the funding table of field 10, where printed. */
  fundingRows: TableRow[];
  fundingHeader: string[];
  /** Field 10's value cells (and the rows that go on under it), where it is written as prose. */
  proseCells: ProseCell[];
  /** The one cell every funding row lives in: field 10 printed as a table nested in its value cell. */
  fundingCell?: CellAddress;
  /** Read by name from a typical local programme's passport (`OLD_FORM_FIELDS`). */
  oldForm?: boolean;
  /** Every field of the old form as printed, those the model passport has not too («Ініціатор …»). */
  printed?: { label: string; value: string }[];
}

function fieldNumber(row: TableRow): number | null {
  const match = FIELD_NUMBER.exec(cellText(row.cells[0]));
  const number = match?.[1] ? Number(match[1]) : match?.[2] ? romanNumber(match[2]) : null;
  return number !== null && number >= 1 && number <= 10 && row.cells.length >= 2 ? number : null;
}

/**
 * The numbered passport: its field 1 naming the community, or three fields or more whose labels name
 * the field their number says (field 1 left out, or the table starting on a later field).
 */
function isPassportTable(table: Table): boolean {
  if (table.rows.some((row) => fieldNumber(row) === 1 && /найменування|громад/i.test(row.cells[1] ?? "")))
    return true;
  const named = table.rows.filter((row) => {
    const number = fieldNumber(row);
    return number !== null && fieldNamed(cellText(row.cells[1])) === number;
  });
  return new Set(named.map(fieldNumber)).size >= NAMED_ROWS;
}

function emptyFunding(line: number): DeclaredFunding {
  return { total: null, byYear: {}, bySource: {}, bySourceByYear: {}, line };
}

const widthOf = (table: Table): number => Math.max(...table.rows.map((row) => row.cells.length));

/**
 * The passport table with the tables right after it (no paragraph between) that are no wider and
 * are not an annex's table (`isOtherTable`): the passport split in two at a page break.
 */
function withPageContinuations(
  blocks: Block[],
  table: Table,
  isOtherTable: (block: Table) => boolean,
  as: (table: Table) => Table = (each) => each,
): Table {
  const rows = [...as(table).rows];
  for (const block of blocks.slice(blocks.indexOf(table) + 1)) {
    if (block.kind !== "table" || isOtherTable(block) || widthOf(block) > widthOf(table) + 1) break;
    rows.push(...as(block).rows);
  }
  return { ...table, rows };
}

/** Rows naming fields by their label in the first cell (no field number before it), at least this many. */
const NAMED_ROWS = 3;

/**
 * The column of the fields' labels: the first, or the second when the first is empty in every row (a
 * number column printed without its numbers).
 */
function labelColumn(table: Table): number {
  return table.rows.every((row) => cellText(row.cells[0]) === "") ? 1 : 0;
}

/** The field each row's label names by its name, once each. */
function namedFields(table: Table): (number | null)[] {
  const seen = new Set<number>();
  const column = labelColumn(table);
  return table.rows.map((row) => {
    const number = row.cells.length >= column + 2 ? fieldNamed(cellText(row.cells[column])) : null;
    if (number === null || seen.has(number)) return null;
    seen.add(number);
    return number;
  });
}

/**
 * A passport printed without field numbers (`Розробник Програми | Виконавчий комітет …`): a table with
 * no numbered field 1 whose rows name three or more fields by their labels in the first cell.
 */
function isNumberlessPassport(table: Table): boolean {
  if (table.rows.some((row) => fieldNumber(row) !== null)) return false;
  return new Set(namedFields(table).filter((number) => number !== null)).size >= NAMED_ROWS;
}

/**
 * A numberless passport as the numbered one: each row gets the number of the field its label names
 * (an empty first cell for the rows under a field: its value wrapped, field 10's table), so it is read
 * by the numbered passport's rules.
 */
function numbered(table: Table): Table {
  const numbers = namedFields(table);
  const column = labelColumn(table);
  return {
    ...table,
    rows: table.rows.map((row, index) => {
      const number = numbers[index];
      return { ...row, cells: [number == null ? "" : `${number}.`, ...row.cells.slice(column)] };
    }),
  };
}

/** Finds the passport table (fields 1–10) and reads its fields as printed. */
export function findPassport(blocks: Block[], isOtherTable: (block: Table) => boolean): PassportRead | null {
  const tables = blocks.filter((block): block is Table => block.kind === "table");
  const found = tables.find(isPassportTable) ?? tables.find(isNumberlessPassport);
  if (!found)
    return passportFromParagraphs(blocks) ?? oldFormPassport(blocks.map(oldFormNumbered), isOtherTable);
  const table = withPageContinuations(
    blocks,
    found,
    isOtherTable,
    isPassportTable(found) ? undefined : numbered,
  );
  const fields: PassportField[] = [];
  let fundingRows: TableRow[] = [];
  let fundingHeader: string[] = [];
  let proseCells: ProseCell[] = [];
  table.rows.forEach((row, index) => {
    const number = fieldNumber(row);
    if (number === null || fields.some((field) => field.number === number)) return;
    const cells = valueCells(row);
    const value = [...cells, ...wrappedValue(cells, table.rows.slice(index + 1), number)];
    fields.push({ number, label: cellText(row.cells[1]), value: value.join(" "), line: row.line });
    if (number === 10) {
      fundingHeader = row.cells.slice(2).map(cellText);
      fundingRows = table.rows.slice(index + 1).filter((next) => fieldNumber(next) === null);
      proseCells = proseCellsOf(row, fundingRows);
    }
  });
  const line = fields.find((field) => field.number === 10)?.line ?? table.line;
  const read = { fields, funding: emptyFunding(line), fundingRows, fundingHeader, proseCells };
  const field10 = table.rows.find((row) => fieldNumber(row) === 10);
  const nested = field10 ? nestedFundingTable(field10) : null;
  return nested ? { ...read, ...nested } : read;
}

/**
 * Field 10 as a table inside its value cell (a Word table nested in the cell: its rows as lines, its
 * cells split by tabs): «Джерела | Всього | 2026 | …» over a row per source. Its rows are field 10's
 * funding rows; their numbers all live in that one cell (`fundingCell`).
 */
function nestedFundingTable(row: TableRow): Partial<PassportRead> | null {
  for (const [cell, text] of row.cells.entries()) {
    if (cell < 2 || !text.includes("\t")) continue;
    const rows = text.split("\n").map((line) => line.split("\t").map((part) => part.trim()));
    const header = rows.findIndex((parts) => parts.some((part) => yearOf(part) !== null));
    const heading = rows[header];
    if (!heading) continue;
    return {
      fundingHeader: heading.slice(1),
      fundingRows: rows.slice(header + 1).map((parts) => ({ cells: ["", ...parts], line: row.line })),
      fundingCell: { line: row.line, cell },
    };
  }
  return null;
}

function valueCells(row: TableRow): string[] {
  return row.cells
    .slice(2)
    .map(cellText)
    .filter((text) => text !== "");
}

const SENTENCE_END = /[.!?;:]$/;

/**
 * The lines of a field's value that a reading of a borderless PDF set apart as rows of their own (the
 * cell centred, its lines of other widths): rows under the field with no number and no name, one value
 * cell each, while the value so far ends mid-sentence or is empty. A funding table's rows under field
 * 10 have several cells or a name.
 */
function wrappedValue(value: string[], below: TableRow[], number: number): string[] {
  const lines: string[] = [];
  for (const row of below) {
    const cells = valueCells(row);
    const last = lines.at(-1) ?? value.at(-1) ?? "";
    const named = cellText(row.cells[0]) !== "" || cellText(row.cells[1]) !== "";
    // A field printed over two rows, its value in the second («2. Код … | » over « | | UA…»).
    const onNextRow = lines.length === 0 && value.length === 0 && number !== 10;
    if (named || cells.length !== 1 || (last === "" && !onNextRow) || SENTENCE_END.test(last)) break;
    lines.push(...cells);
  }
  return lines;
}

/**
 * Field 10's value cells, and the cells of the rows under it that go on with it (an empty first cell:
 * the text extraction split the field's cell over lines), each with its address for the number ledger.
 */
function proseCellsOf(row: TableRow, below: TableRow[]): ProseCell[] {
  const cells = (each: TableRow, from: number): ProseCell[] =>
    each.cells.flatMap((text, cell) =>
      cell >= from && cellText(text) !== "" ? [{ text, at: { line: each.line, cell } }] : [],
    );
  const end = below.findIndex((each) => cellText(each.cells[0]) !== "");
  const continuing = end < 0 ? below : below.slice(0, end);
  return [...cells(row, 2), ...continuing.flatMap((each) => cells(each, 1))];
}

/**
 * An old-form passport printed without field numbers (`Ініціатор розроблення програми | Виконавчий
 * комітет …`): a table with no number in any first cell whose first cells name three or more of its
 * fields, numbered in order (each row naming a field gets the next number) so it is read as numbered.
 */
function oldFormNumbered(block: Block): Block {
  if (block.kind !== "table" || block.rows.some((row) => /^\d/.test(cellText(row.cells[0])))) return block;
  const names = (row: TableRow) =>
    row.cells.length >= 2 && OLD_FORM_FIELDS.some((field) => field.phrase.test(cellText(row.cells[0])));
  if (block.rows.filter(names).length < NAMED_ROWS) return block;
  let number = 0;
  return {
    ...block,
    rows: block.rows.map((row) => ({ ...row, cells: [names(row) ? `${++number}.` : "", ...row.cells] })),
  };
}

/** A numbered row of an old-form passport ("9.", "9.1") and the model field its name stands for. */
function oldFormField(row: TableRow): { number: number | null; sub: boolean } | null {
  const printed = /^(\d{1,2})(\.\d{1,2})?\.?$/.exec(cellText(row.cells[0]));
  const label = cellText(row.cells[1]);
  if (!printed || row.cells.length < 2) return null;
  if (printed[2]) return { number: null, sub: true };
  const known = OLD_FORM_FIELDS.find((field) => field.phrase.test(label));
  return known ? { number: known.number, sub: false } : null;
}

/**
 * The passport of a typical local programme: three fields or more named as that form names them. The
 * fields that say what a model field says take its number; the total's sub-rows ("9.1. у тому числі
 * коштів бюджету громади | 2 500,0") are read with it as field 10's prose, label and amount together.
 */
function oldFormPassport(blocks: Block[], isOtherTable: (block: Table) => boolean): PassportRead | null {
  const first = blocks.find((block): block is Table => block.kind === "table" && namesOldForm(block.rows));
  if (first) return readOldForm(withPageContinuations(blocks, first, isOtherTable).rows, first.line);
  const rows = oldFormParagraphRows(blocks);
  return namesOldForm(rows) ? readOldForm(rows, rows[0]?.line ?? 0) : null;
}

/** Three fields or more of the old form, one of them a name the model passport has not. */
function namesOldForm(rows: TableRow[]): boolean {
  const named = rows.filter((row) => oldFormField(row)?.sub === false);
  return named.length >= 3 && named.some((row) => OLD_FORM_ONLY.test(cellText(row.cells[1])));
}

const OLD_FORM_ONLY =
  /^(?:ініціатор|учасник|відповідальний виконавець|термін реалізації|загальний обсяг фінансових ресурсів)/i;

/**
 * The form printed as numbered paragraphs («1. Ініціатор розроблення Програми: виконавчий комітет …»,
 * «6. Загальний обсяг фінансових ресурсів … – 1 500,0 тис. грн, у тому числі …»): each as the form's
 * table row (number, name, value), the name ending at its first dash, else at its colon.
 */
function oldFormParagraphRows(blocks: Block[]): TableRow[] {
  const rows: TableRow[] = [];
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const match = /^(\d{1,2}(?:\.\d{1,2})?\.?)\s+(.+)$/s.exec(block.text.trim());
    const rest = match?.[2] ?? "";
    // A dash before a colon: «9.1. у тому числі: коштів бюджету громади – 500,0» names the source.
    const separator = /\s[–—-]\s/.exec(rest) ?? /:/.exec(rest);
    const name = separator ? rest.slice(0, separator.index) : rest;
    const value = separator ? rest.slice(separator.index + separator[0].length) : "";
    const row = { cells: [match?.[1] ?? "", name.trim(), value.trim()], line: block.line };
    if (match && oldFormField(row)) rows.push(row);
  }
  return rows;
}

/** The fields of the old form's rows; the total's sub-rows ("9.1. …") read with it as field 10's prose. */
function readOldForm(rows: TableRow[], tableLine: number): PassportRead | null {
  const fields: PassportField[] = [];
  const proseCells: ProseCell[] = [];
  const printed: { label: string; value: string }[] = [];
  const fundingRows: TableRow[] = [];
  let fundingHeader: string[] = [];
  let inTotal = false;
  for (const row of rows) {
    const field = oldFormField(row);
    if (field?.sub === false) inTotal = field.number === 10;
    // The total's row heading its years («Всього | 2026 рік | …»): the rows under it are its table's.
    if (inTotal && fundingHeader.length > 0 && field?.sub !== false) fundingRows.push(row);
    if (!field || (field.sub && !inTotal)) continue;
    const label = cellText(row.cells[1]);
    const value = row.cells
      .slice(2)
      .map(cellText)
      .filter((text) => text !== "")
      .join(" ");
    if (field.number === 10 && isFundingHeader(row)) fundingHeader = row.cells.slice(2).map(cellText);
    // A source's row printing a dash for its amount («9.2. коштів державного бюджету | -») names none.
    else if (inTotal && fundingHeader.length === 0 && !(field.sub && /^[-‐‑–—−]*$/.test(value)))
      proseCells.push(
        ...row.cells.flatMap((text, cell) =>
          cell >= 1 && cellText(text) !== "" ? [{ text, at: { line: row.line, cell } }] : [],
        ),
      );
    if (!field.sub) printed.push({ label, value });
    if (field.sub || field.number === null || fields.some((each) => each.number === field.number)) continue;
    fields.push({ number: field.number, label, value, line: row.line });
  }
  if (fields.length === 0) return null;
  const line = fields.find((field) => field.number === 10)?.line ?? tableLine;
  return {
    fields,
    funding: emptyFunding(line),
    fundingRows,
    fundingHeader,
    proseCells,
    oldForm: true,
    printed,
  };
}

/** A row whose value cells head a funding table: a year or «Всього» in them, no amount. */
function isFundingHeader(row: TableRow): boolean {
  const cells = row.cells.slice(2).map(cellText);
  return slotsOf(cells).some(Boolean) && cells.every((text) => yearOf(text) !== null || !/\d/.test(text));
}

const PARAGRAPH_FIELD = /^(\d{1,2})\.?\s+(.+)$/s;

function labelledField(text: string, line: number): PassportField | null {
  const match = PARAGRAPH_FIELD.exec(text);
  const number = Number(match?.[1]);
  const pattern = PASSPORT_FIELD_NAMES.find((field) => field.number === number)?.phrase;
  const rest = match?.[2] ?? "";
  const label = pattern?.exec(rest)?.[0];
  if (!label) return null;
  const after = rest.slice(label.length);
  const separator = /:|\s[–—-]\s/.exec(after);
  const value = separator
    ? after.slice(separator.index + separator[0].length)
    : after.replace(PROGRAMME_WORD, "");
  return { number, label, value: value.trim(), line };
}

/** A line under field 10's label that goes on with its amounts: an amount, a source, «у тому числі». */
function continuesFunding(text: string): boolean {
  return /\d/.test(text) || isSourceLabel(text) || INCLUDING.test(text.trim());
}

/**
 * A passport printed as numbered paragraphs ("1. Найменування територіальної громади: …"); a
 * value on the lines after its label belongs to that field.
 */
function passportFromParagraphs(blocks: Block[]): PassportRead | null {
  const fields: PassportField[] = [];
  let previousLine = 0;
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const field = labelledField(block.text, block.line);
    const last = fields[fields.length - 1];
    if (field && !fields.some((each) => each.number === field.number)) fields.push(field);
    else if (last && last.number < 10 && fields.length < 10 && block.line <= last.line + 3) {
      last.value = `${last.value} ${block.text}`.trim();
    } else if (last?.number === 10 && block.line === previousLine + 1 && continuesFunding(block.text)) {
      last.value = `${last.value}\n${block.text}`.trim();
    } else if (fields.length === 10) break;
    previousLine = block.line;
  }
  if (!fields.some((field) => field.number === 1)) return null;
  const field10 = fields.find((field) => field.number === 10);
  const line = field10?.line ?? fields[0]?.line ?? 0;
  const proseCells = field10 ? [{ text: field10.value, at: { line: field10.line, cell: 0 } }] : [];
  return { fields, funding: emptyFunding(line), fundingRows: [], fundingHeader: [], proseCells };
}

type Slot = { kind: "total" } | { kind: "year"; year: string };

function slotsOf(header: string[]): (Slot | null)[] {
  return header.map((text): Slot | null => {
    const year = yearOf(text);
    if (year) return { kind: "year", year };
    return TOTAL_WORD.test(text.replace(/[:.]/g, "").trim()) ? { kind: "total" } : null;
  });
}

function readAmounts(
  cells: string[],
  slots: (Slot | null)[],
  unit: MoneyUnit,
): { total: number | null; byYear: ByYear } {
  const byYear: ByYear = {};
  let total: number | null = null;
  cells.forEach((raw, index) => {
    const slot = slots[index];
    const cell = parseAmountCell(raw, unit);
    const amount = cell.kind === "amount" ? cell.kopecks : cell.kind === "dash" ? 0 : null;
    if (!slot || amount === null) return;
    if (slot.kind === "total") total = amount;
    else byYear[slot.year] = amount;
  });
  return { total, byYear };
}

function record(funding: DeclaredFunding, source: SourceKind, total: number | null, byYear: ByYear): void {
  if (source === "total") {
    funding.total = total;
    funding.byYear = byYear;
    return;
  }
  if (total !== null) funding.bySource[source] = total;
  if (Object.keys(byYear).length > 0) funding.bySourceByYear[source] = byYear;
}

/** Where the importer tells the number ledger (coverage.ts) which cells it saw and which numbers it placed. */
export interface NumberSink {
  see(at: { line: number; cell: number }, text: string): void;
  /** The numbers a cell of prose holds, as the reader told them from its words. */
  seeNumbers(at: { line: number; cell: number }, numbers: string[]): void;
  place(at: { line: number; cell: number }, count?: number): void;
}

export const NO_SINK: NumberSink = { see: () => {}, seeNumbers: () => {}, place: () => {} };

function seeRow(sink: NumberSink, row: TableRow): void {
  row.cells.forEach((text, cell) => {
    sink.see({ line: row.line, cell }, text);
  });
}

/** Field 10 printed as a small table: "Всього | 2026 р. | …" over one row per source, a number per cell. */
function readFundingTable(read: PassportRead, unit: MoneyUnit, sink: NumberSink): boolean {
  const slots = slotsOf(read.fundingHeader);
  if (!slots.some(Boolean)) return false;
  let found = false;
  for (const row of read.fundingRows) {
    const label = cellText(row.cells[1]);
    const amounts = row.cells.slice(2);
    const { total, byYear } = readAmounts(amounts, slots, unit);
    if (total === null && Object.keys(byYear).length === 0) continue;
    seeRow(sink, row);
    amounts.forEach((raw, index) => {
      if (slots[index] && parseAmountCell(raw, unit).kind === "amount")
        sink.place({ line: row.line, cell: index + 2 });
    });
    record(read.funding, classifySource(label), total, byYear);
    found = true;
  }
  return found;
}

/** «Рік», «Роки»: the header of a column naming each row's year. */
const YEAR_COLUMN = /^(?:рік|роки|рік\s+реалізації|роки\s+реалізації)[:.]?$/iu;

/** What each column of a table of years as rows holds: the row's year, a source's amounts, or the total's. */
type YearRowColumn = { kind: "year" } | { kind: "total" } | { kind: "source"; source: SourceKind } | null;

function yearRowColumns(header: string[]): YearRowColumn[] | null {
  const columns = header.map((text): YearRowColumn => {
    if (YEAR_COLUMN.test(text)) return { kind: "year" };
    if (isTotalLabel(text)) return { kind: "total" };
    return isSourceLabel(text) ? { kind: "source", source: classifySource(text) } : null;
  });
  const years = columns.filter((column) => column?.kind === "year").length;
  return years === 1 && columns.some((column) => column?.kind === "source") ? columns : null;
}

/** A row's year («2026», «2026 рік»), «total» for its total row («Усього»), null for neither. */
function rowYear(text: string): string | null {
  if (isTotalLabel(text)) return "total";
  return yearOf(text);
}

/**
 * Field 10 as a table of years as rows and sources as columns: «Рік | Бюджет громади | Інші джерела |
 * Усього» (in the field's cells, or on the row after it) over a row per year, and maybe an «Усього» row.
 * Each source's years and total, and the total's, where their row and column print them. A row's cells
 * are aligned to the header by its year's cell, its first filled one (rows shifted by a cell or two).
 */
function readYearRowsTable(read: PassportRead, unit: MoneyUnit, sink: NumberSink): boolean {
  let rows = read.fundingRows;
  let columns = yearRowColumns(read.fundingHeader);
  if (!columns && rows[0]) {
    columns = yearRowColumns(rows[0].cells.map(cellText).filter((text) => text !== ""));
    rows = rows.slice(1);
  }
  const at = columns?.findIndex((column) => column?.kind === "year") ?? -1;
  if (!columns || at < 0) return false;
  const funding = emptyFunding(read.funding.line);
  let found = false;
  for (const row of rows) {
    const first = row.cells.findIndex((text) => cellText(text) !== "");
    const year = first < 0 ? null : rowYear(cellText(row.cells[first]));
    if (year === null) continue;
    // The year cell is the row's label, no amount.
    for (const [cell, text] of row.cells.entries())
      if (cell !== first) sink.see({ line: row.line, cell }, text);
    columns.forEach((column, index) => {
      const cell = first + index - at;
      const parsed = parseAmountCell(row.cells[cell] ?? "", unit);
      const amount = parsed.kind === "amount" ? parsed.kopecks : parsed.kind === "dash" ? 0 : null;
      if (amount === null || column === null || column.kind === "year") return;
      if (parsed.kind === "amount") sink.place({ line: row.line, cell });
      recordYear(funding, column.kind === "total" ? "total" : column.source, year, amount);
      found = true;
    });
  }
  if (found) read.funding = funding;
  return found;
}

/** One amount of a source (or the total) in a year, or in the «total» row. */
function recordYear(funding: DeclaredFunding, source: SourceKind, year: string, amount: number): void {
  if (source === "total") {
    if (year === "total") funding.total = amount;
    else funding.byYear[year] = amount;
  } else if (year === "total") funding.bySource[source] = amount;
  else funding.bySourceByYear[source] = { ...funding.bySourceByYear[source], [year]: amount };
}

/** «10.1», «10.2.»: a row of field 10's own, numbered under it. */
const FIELD_10_PART = /^10\.\d{1,2}\.?$/;

/**
 * Field 10's total in its own row, then a numbered row per source under it: one amount each
 * («10.1 | кошти бюджету громади | 1 260,0», «10.2 | кошти державного бюджету | -»), or the source's
 * years (`sourceRowYears`).
 */
function readSourceRows(read: PassportRead, unit: MoneyUnit, sink: NumberSink, log: FindingLog): void {
  const years = periodYears(read.fields);
  const rows: ({ total: number; byYear: ByYear } | null)[] = [];
  for (const row of read.fundingRows) {
    const label = cellText(row.cells[1]);
    if (!FIELD_10_PART.test(cellText(row.cells[0]))) continue;
    const filled = row.cells.flatMap((raw, index) => (index >= 2 && raw.trim() !== "" ? [index] : []));
    // Its numbers are counted however it is read: those it does not place are named as unread.
    const cells = filled.map((index) => seeSourceCell(sink, row, index));
    if (!isSourceLabel(label)) continue;
    const [only, ...others] = cells;
    const alone = only && others.length === 0 && only.year === null;
    const read10 = alone ? oneAmount(only.text, unit) : sourceRowYears(cells, years, unit);
    rows.push(read10);
    if (!read10) continue;
    for (const index of filled) sink.place({ line: row.line, cell: index });
    record(read.funding, classifySource(label), read10.total, read10.byYear);
  }
  yearsOfSourceRows(read, rows, unit, log);
}

/**
 * Field 10's own row printing its total only, over source rows that each give their years (a dash
 * giving none): its years are the sums of theirs, which must make its total.
 */
function yearsOfSourceRows(
  read: PassportRead,
  rows: ({ total: number; byYear: ByYear } | null)[],
  unit: MoneyUnit,
  log: FindingLog,
): void {
  const funding = read.funding;
  if (Object.keys(funding.byYear).length > 0 || rows.length === 0) return;
  const complete = rows.every(
    (row) => row !== null && (row.total === 0 || Object.keys(row.byYear).length > 0),
  );
  if (!complete || !rows.some((row) => Object.keys(row?.byYear ?? {}).length > 0)) return;
  const byYear: ByYear = {};
  for (const row of rows)
    for (const [year, amount] of Object.entries(row?.byYear ?? {}))
      byYear[year] = sumKopecks([byYear[year] ?? 0, amount]);
  funding.byYear = byYear;
  const sum = sumKopecks(Object.values(byYear));
  if (funding.total === null || funding.total === sum) return;
  const line = read.fields.find((each) => each.number === 10)?.line ?? funding.line;
  const message =
    `Поле 10 паспорта: загальний обсяг ${money(funding.total, unit)} не дорівнює сумі джерел за роками ` +
    `${money(sum, unit)}; роки поля 10 прочитано як суми джерел`;
  log.warn("passport-years-sum", message, line, ref.passport(10));
}

/** A cell of a source's row: «2026: 400,0» (a year's amount) or an amount alone. */
interface SourceCell {
  year: string | null;
  text: string;
}

/** «2026: 400,0», «2027 р. – 300,0», «2028 рік - 0»: a year and its amount in one cell. */
const YEAR_AMOUNT = /^((?:19|20)\d\d)\s*(?:р\.|рік|році)?\s*[:–—-]\s*(\S.*)$/u;

/** Sees a cell's numbers in the ledger: a year's amount without its year, which is its label. */
function seeSourceCell(sink: NumberSink, row: TableRow, index: number): SourceCell {
  const raw = row.cells[index] ?? "";
  const labelled = YEAR_AMOUNT.exec(raw.trim());
  const at = { line: row.line, cell: index };
  if (!labelled) {
    sink.see(at, raw);
    return { year: null, text: raw };
  }
  const text = labelled[2] ?? "";
  sink.seeNumbers(at, /\d/.test(text) ? [text.trim()] : []);
  return { year: labelled[1] ?? null, text };
}

/** An amount alone, a dash as none. */
function oneAmount(text: string, unit: MoneyUnit): { total: number; byYear: ByYear } | null {
  const cell = parseAmountCell(text, unit);
  if (cell.kind === "dash") return { total: 0, byYear: {} };
  return cell.kind === "amount" ? { total: cell.kopecks, byYear: {} } : null;
}

/**
 * A source's amounts by year: each cell labelled with its year, or as many amounts as the period
 * (field 9) has years, in order; with one more, the total, first or last, that their sum must make.
 * Null when they do not (their numbers are then named as unread).
 */
function sourceRowYears(
  cells: SourceCell[],
  years: string[],
  unit: MoneyUnit,
): { total: number; byYear: ByYear } | null {
  const amounts = cells.map((cell) => oneAmount(cell.text, unit)?.total ?? null);
  if (amounts.some((amount) => amount === null)) return null;
  const values = amounts as number[];
  const labelled = cells.filter((cell) => cell.year !== null);
  if (labelled.length > 0) return labelledYears(cells, values);
  if (years.length < 2) return null;
  if (values.length === years.length) return byOrder(values, years);
  if (values.length !== years.length + 1) return null;
  // The total first or last: read so only when just one of the two adds up, or both give the same years.
  const readings = [
    { read: byOrder(values.slice(1), years), total: values[0] },
    { read: byOrder(values.slice(0, -1), years), total: values.at(-1) },
  ].filter(({ read, total }) => read.total === total);
  const [one, other] = readings.map(({ read }) => read);
  if (!one || (other && JSON.stringify(other.byYear) !== JSON.stringify(one.byYear))) return null;
  return one;
}

function byOrder(values: number[], years: string[]): { total: number; byYear: ByYear } {
  const byYear: ByYear = Object.fromEntries(years.map((year, index) => [year, values[index] ?? 0]));
  return { total: sumKopecks(values), byYear };
}

/** Every cell a year's but one at most, the total, which must be their sum. */
function labelledYears(cells: SourceCell[], values: number[]): { total: number; byYear: ByYear } | null {
  const byYear: ByYear = {};
  const totals: number[] = [];
  cells.forEach((cell, index) => {
    if (cell.year === null) totals.push(values[index] ?? 0);
    else byYear[cell.year] = values[index] ?? 0;
  });
  const sum = sumKopecks(Object.values(byYear));
  if (totals.length > 1 || Object.keys(byYear).length !== cells.length - totals.length) return null;
  return totals.length === 0 || totals[0] === sum ? { total: sum, byYear } : null;
}

/** A programme's term in words: «2026-2028», «2026 – 2028 роки». */
export const PERIOD = /(20\d\d)\s*[-–—]\s*(20\d\d)/;

/** The years of the programme's term as field 9 states it («2026-2028 роки»). */
function periodYears(fields: PassportField[]): string[] {
  const term = fields.find((field) => field.number === 9)?.value ?? "";
  const match = PERIOD.exec(term);
  const [from, to] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || to < from || to - from > 10) return [];
  return Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
}

const UNIT_WORDS = new RegExp(
  String.raw`(?<!${LETTER})(?:тис\.?|грн\.?|рік|роки|року|років|р\.)(?!${LETTER})`,
  "giu",
);

/** The slots a header names in its text: "Всього 2026 2027 2028", "Усього: 2026 р. 2027 р.", "(тис. грн) 2026 2027". */
function headerSlots(texts: string[]): Slot[] | null {
  const tokens = texts
    .join(" ")
    .replace(UNIT_WORDS, " ")
    .replace(/[():;,]/g, " ")
    .split(/\s+/)
    .filter((token) => token !== "");
  const first = tokens.findIndex((token) => TOTAL_WORD.test(token) || /^20\d\d$/.test(token));
  if (first < 0) return null;
  const slots: Slot[] = [];
  for (const token of tokens.slice(first)) {
    if (TOTAL_WORD.test(token) && !slots.some((slot) => slot.kind === "total")) slots.push({ kind: "total" });
    else if (/^20\d\d$/.test(token) && !slots.some((slot) => slot.kind === "year" && slot.year === token))
      slots.push({ kind: "year", year: token });
    else return null;
  }
  return slots.some((slot) => slot.kind === "year") ? slots : null;
}

const DASH_TOKEN = /^[-‐‑–—−]$/u;
const INCLUDING = /^(?:у|в)\s+тому\s+числі\s*:?$|^з\s+них\s*:?$/iu;

/** A row's label and the numbers printed after it, wherever the cells put them. */
interface InlineRow {
  label: string;
  /** The numbers' text of each cell that holds some. */
  numbers: string[];
  cells: number[];
}

/**
 * Splits "Загальний обсяг, тис. грн, 13232,683 4068,950" into its label and its run of numbers: the
 * last run of number tokens. Text after the run ("у тому числі:" that the extraction joined on) stays
 * with the label.
 */
function splitLabel(text: string): { label: string; numbers: string } {
  const tokens = text.split(/\s+/).filter((token) => token !== "");
  const isNumber = (token: string | undefined) => token !== undefined && isNumberRun(token);
  const dash = (token: string | undefined) => token !== undefined && DASH_TOKEN.test(token);
  let end = tokens.length;
  let start = end;
  for (;;) {
    while (end > 0 && !isNumber(tokens[end - 1])) end--;
    start = end;
    while (start > 0 && isNumber(tokens[start - 1])) start--;
    // «Джерело фінансування – бюджет громади»: dashes alone before words (other than «у тому числі:»
    // the extraction joined on) are the sentence's, no zeros.
    const rest = tokens.slice(end).join(" ");
    if (start === end || rest === "" || INCLUDING.test(rest) || !tokens.slice(start, end).every(dash)) break;
    end = start;
  }
  if (start === end) return { label: text.trim(), numbers: "" };
  const label = [...tokens.slice(0, start), ...tokens.slice(end)].join(" ");
  return { label, numbers: tokens.slice(start, end).join(" ") };
}

/** «9.1.», «10.2»: a row numbered under a field, the number no amount. */
const SUB_FIELD_NUMBER = /^\d{1,2}\.\d{1,2}\.?$/;

function inlineRow(row: TableRow): InlineRow {
  const labels: string[] = [];
  const numbers: string[] = [];
  const cells: number[] = [];
  row.cells.forEach((raw, index) => {
    const text = cellText(raw);
    if (text === "" || (index === 0 && (FIELD_NUMBER.test(text) || SUB_FIELD_NUMBER.test(text)))) return;
    const split = splitLabel(text);
    if (split.label) labels.push(split.label);
    if (split.numbers) {
      numbers.push(split.numbers);
      cells.push(index);
    }
  });
  return { label: labels.join(" ").replace(/[\s,:;]+$/, ""), numbers, cells };
}

function amountOf(number: RunNumber, unit: MoneyUnit): number | null {
  return number.kind === "dash" ? 0 : parseDecimalToKopecks(number.text, unit);
}

/** A number per cell when the cells are as many as the slots; else the cells' text as one run. */
function readingsOf(cells: string[], count: number): RunNumber[][] {
  if (cells.length === count) {
    const single = cells.map((cell) => readNumberRun(cell, 1)[0]?.[0]);
    if (single.every((number) => number !== undefined)) return [single as RunNumber[]];
  }
  return readNumberRun(cells.join(" "), count);
}

/** A run read against the slots; `others`: the years of the other readings its spaces allow, if any. */
interface RunRead {
  total: number | null;
  byYear: ByYear;
  others: ByYear[];
}

/** Reads the numbers against the slots; a dash opening them may be the label's ("обсяг – 100 200"). */
function readRun(numbers: string[], slots: Slot[], unit: MoneyUnit): RunRead | null {
  const read = readRunAsPrinted(numbers, slots, unit);
  const [first = "", ...rest] = numbers;
  const withoutDash = first.replace(/^[-‐‑–—−]\s+(?=\d)/, "");
  if (read || withoutDash === first) return read;
  return readRunAsPrinted([withoutDash, ...rest], slots, unit);
}

/**
 * Reads a run against the slots: the total when the run holds one more number than there are years.
 * Of several readings, those whose years add up to the total; the rest are named in `others`.
 */
function readRunAsPrinted(numbers: string[], slots: Slot[], unit: MoneyUnit): RunRead | null {
  const yearsOnly = slots.filter((slot) => slot.kind === "year");
  for (const layout of [slots, yearsOnly]) {
    const readings = readingsOf(numbers, layout.length)
      .map((reading) => reading.map((number) => amountOf(number, unit)))
      .filter((amounts): amounts is number[] => amounts.every((amount) => amount !== null));
    const read = readings.map((amounts) => {
      const byYear: ByYear = {};
      let total: number | null = null;
      amounts.forEach((amount, index) => {
        const slot = layout[index];
        if (slot?.kind === "total") total = amount;
        else if (slot?.kind === "year") byYear[slot.year] = amount;
      });
      return { total, byYear };
    });
    const adds = read.filter(({ total, byYear }) => total === sumKopecks(Object.values(byYear)));
    const [chosen, ...others] = adds.length > 0 ? adds : read;
    if (chosen) return { ...chosen, others: others.map((other) => other.byYear) };
  }
  return null;
}

/** A total row prints no source: "Загальний обсяг", "Всього, тис. грн", "Обсяг фінансування". */
function sourceOfInline(label: string, funding: DeclaredFunding): SourceKind {
  const source = classifySource(label);
  if (source !== "unspecified" && source !== "mixed") return source;
  const totalLike = /^(?:всього|усього|разом|обсяг|загальн)/i.test(label) || label === "";
  return totalLike && funding.total === null && Object.keys(funding.byYear).length === 0 ? "total" : source;
}

/**
 * Field 10 as an inline table: "Всього 2025 2026 2027" (in the field's cell or on the next row), then
 * "Загальний обсяг, тис. грн, 13232,683 4068,950 …" with the numbers space-separated in one cell (or in
 * cells of their own), then a row per source.
 */
function readInlineTable(read: PassportRead, unit: MoneyUnit, sink: NumberSink, tasks: TaskSums): boolean {
  let rows = read.fundingRows;
  // The header in the field's cells, at the end of its label (a lowercase «всього: 2026 …» the text
  // extraction joined on), or on the row after it.
  const label = read.fields.find((field) => field.number === 10)?.label ?? "";
  let slots = headerSlots(read.fundingHeader) ?? headerSlots([label, ...read.fundingHeader]);
  if (!slots && rows[0]) {
    slots = headerSlots(rows[0].cells.map(cellText));
    rows = rows.slice(1);
  }
  if (!slots) return false;
  const funding = emptyFunding(read.funding.line);
  const placed: { line: number; cell: number }[] = [];
  const seen: TableRow[] = [];
  const ambiguous: (() => void)[] = [];
  for (const row of rows) {
    const inline = inlineRow(row);
    if (inline.numbers.length === 0) continue;
    const amounts = readRun(inline.numbers, slots, unit);
    // A row whose numbers do not fit the header: leave the table to the reader by cell positions.
    if (!amounts) return false;
    seen.push(row);
    for (const cell of inline.cells) placed.push({ line: row.line, cell });
    const source = sourceOfInline(inline.label, funding);
    const readings = [amounts.byYear, ...amounts.others];
    const byYear =
      readings.length > 1 ? (asTasksSum(readings, source, tasks.totals) ?? null) : amounts.byYear;
    if (byYear === null) ambiguous.push(() => tasks.warnAmbiguous(inline, readings, row.line, unit));
    record(funding, source, amounts.total, byYear ?? amounts.byYear);
  }
  if (seen.length === 0) return false;
  for (const warn of ambiguous) warn();
  for (const row of seen) seeRow(sink, row);
  for (const at of placed) sink.place(at);
  read.funding = funding;
  return true;
}

/** The task table's sums, which tell the readings of an ambiguous run apart, and where to say it was not. */
interface TaskSums {
  totals: Totals | null;
  warnAmbiguous(row: InlineRow, readings: ByYear[], line: number, unit: MoneyUnit): void;
}

/** The one reading whose years are the task table's sums for its source (or for all, for the total). */
function asTasksSum(readings: ByYear[], source: SourceKind, totals: Totals | null): ByYear | null {
  if (!totals) return null;
  const sums = source === "total" ? totals.byYear : (totals.bySourceByYear[source] ?? {});
  const matches = readings.filter((byYear) =>
    Object.entries(byYear).every(([year, amount]) => (sums[year] ?? 0) === amount),
  );
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

function readingText(byYear: ByYear, unit: MoneyUnit): string {
  return Object.entries(byYear)
    .map(([year, amount]) => `${year} – ${formatAmount(amount, unit)}`)
    .join(", ");
}

function ambiguityWarner(log: FindingLog, totals: Totals | null): TaskSums {
  return {
    totals,
    warnAmbiguous(row, readings, line, unit) {
      const [first, ...others] = readings.map((byYear) => readingText(byYear, unit));
      const message =
        `Числа «${row.numbers.join(" ")}» поля 10 паспорта (${row.label ? `рядок «${row.label}»` : "рядок без назви"}) ` +
        `можна прочитати по-різному: ${first} або ${others.join(" або ")} ${unitLabel(unit)}; загальний обсяг чи ` +
        "таблиця завдань цього не вирішують, прийнято перше прочитання — перевірте суми за роками";
      log.warn("amounts-ambiguous", message, line, ref.passport(10));
    },
  };
}

/**
 * One amount printed after several years in field 10's prose, judged by the task table's sums for its
 * owner (a source, or all of them for the total): each year's when every year's sum is the amount,
 * all the years' together when their sums add up to it and no other year holds money; otherwise both
 * readings are named in `import.amounts-ambiguous` and the amount stays unread.
 */
function sharedYearsJudge(log: FindingLog, totals: Totals | null, unit: MoneyUnit): SharedYearsJudge {
  const sumsOf = (owner: Owner): ByYear | null =>
    totals === null ? null : owner === "total" ? totals.byYear : (totals.bySourceByYear[owner] ?? {});
  return {
    decide(owner, years, kopecks) {
      const sums = sumsOf(owner);
      if (sums === null) return null;
      if (years.every((year) => (sums[year] ?? 0) === kopecks)) return "each";
      const outside = Object.entries(sums).some(([year, amount]) => !years.includes(year) && amount !== 0);
      return !outside && sumKopecks(years.map((year) => sums[year] ?? 0)) === kopecks ? "together" : null;
    },
    undecided(printed, owner, years, kopecks, line) {
      const amount = money(kopecks, unit);
      const each = years.map((year) => `${year} – ${formatAmount(kopecks, unit)}`).join(", ");
      const whose = owner === "total" ? "" : ` (${SOURCE_LABELS_UK[owner]})`;
      const message =
        `Сума «${printed}» поля 10 паспорта${whose} стоїть після кількох років (${years.join(", ")}) і можна ` +
        `прочитати по-різному: на кожен рік (${each} ${unitLabel(unit)}) або на всі ці роки разом (${amount}); ` +
        `${totals === null ? "таблиці завдань немає" : "таблиця завдань цього не вирішує"}, суму не розміщено — ` +
        "вкажіть «щороку» або «усього» чи перевірте суми за роками";
      log.warn("amounts-ambiguous", message, line, ref.passport(10));
    },
  };
}

/** Field 10 printed on one line: "Всього 2026 рік 2027 рік 2028 рік 27745 10275 8245 9225". */
function readFundingLine(value: string, funding: DeclaredFunding, unit: MoneyUnit): boolean {
  const tokens = value
    .replace(YEAR_WORDS, " ")
    .replace(/(\d)\s(?=\d{3}\b)/g, "$1")
    .split(/\s+/)
    .filter((token) => token !== "");
  const slots: Slot[] = [];
  let index = 0;
  for (; index < tokens.length; index++) {
    const token = tokens[index] ?? "";
    const year = /^20\d\d$/.test(token) && slots.length > 0 ? token : yearOf(token);
    if (TOTAL_WORD.test(token.replace(/[:,]/g, ""))) slots.push({ kind: "total" });
    else if (year && slots.length < 12 && !slots.some((slot) => slot.kind === "year" && slot.year === year)) {
      slots.push({ kind: "year", year });
    } else break;
  }
  const amounts = tokens.slice(index, index + slots.length);
  if (slots.length === 0 || amounts.length !== slots.length) return false;
  // Words after the amounts (sources, years in prose) are prose, read by `readFundingProse`.
  const rest = tokens
    .slice(index + slots.length)
    .join(" ")
    .replace(/тис\.?|млн\.?|грн\.?|[.,;:()]/gi, "");
  if (rest.trim() !== "") return false;
  if (amounts.some((token) => parseDecimalToKopecks(token, unit) === null)) return false;
  const { total, byYear } = readAmounts(amounts, slots, unit);
  record(funding, "total", total, byYear);
  return true;
}

/** Reads passport field 10 (sources and amounts) as printed; warns when it prints no amounts. */
export function readPassportFunding(
  read: PassportRead,
  unit: MoneyUnit,
  log: FindingLog,
  sink: NumberSink = NO_SINK,
  taskTotals: Totals | null = null,
): void {
  const field = read.fields.find((each) => each.number === 10);
  if (!field) return;
  // The numbers of the prose: when none lands, every one of them is named in `import.unread-number`.
  const proseNumbers: string[] = [];
  const prose: ProseSink = {
    seeNumbers: (at, numbers) => {
      proseNumbers.push(...numbers);
      sink.seeNumbers(at, numbers);
    },
    place: (at, count) => sink.place(at, count),
  };
  const rowsSink = oneCellSink(sink, read);
  const table =
    readYearRowsTable(read, unit, rowsSink) ||
    readInlineTable(read, unit, rowsSink, ambiguityWarner(log, taskTotals)) ||
    readFundingTable(read, unit, rowsSink);
  const done =
    table ||
    readFundingLine(field.value, read.funding, unit) ||
    readFundingProse(read.proseCells, unit, read.funding, prose, sharedYearsJudge(log, taskTotals, unit)) ||
    readDashedTotal(read, field.value);
  if (!table) readSourceRows(read, unit, sink, log);
  const sources = Object.keys(read.funding.bySource).length > 0;
  if (!done && !sources) log.warn("no-amounts", noAmountsMessage(proseNumbers), field.line, ref.passport(10));
  else giveToSoleSource(read, field.value);
  totalOfSources(read.funding);
}

/**
 * Field 10 printing its sources' amounts and no total, of all sources or by year (no «Усього» row,
 * column or sentence): the total is their sum, and each year's the sum of the sources' years when every
 * source gives them. Nothing is summed when an amount is printed for no named source.
 */
function totalOfSources(funding: DeclaredFunding): void {
  if (funding.total !== null || Object.keys(funding.byYear).length > 0) return;
  const kinds = [...new Set([...Object.keys(funding.bySource), ...Object.keys(funding.bySourceByYear)])];
  if (kinds.length < 2 || kinds.some((kind) => kind === "unspecified" || kind === "mixed")) return;
  const years = kinds.map((kind) => funding.bySourceByYear[kind as SourceKind] ?? null);
  const totals = kinds.map((kind, index) => {
    const byYear = years[index];
    return funding.bySource[kind as SourceKind] ?? (byYear ? sumKopecks(Object.values(byYear)) : 0);
  });
  funding.total = sumKopecks(totals);
  if (years.some((byYear) => byYear === null)) return;
  for (const byYear of years)
    for (const [year, amount] of Object.entries(byYear ?? {}))
      funding.byYear[year] = sumKopecks([funding.byYear[year] ?? 0, amount]);
}

/** The field ends in a dash printed for its amount («…: -», «- тис. грн»). */
const ENDS_IN_DASH = /(?:^|[\s:])[-‐‑–—−]\s*(?:тис\.?\s*)?(?:грн\.?)?[.;]?$/iu;
const YEAR = /\b20\d\d\b/g;

/**
 * Field 10 whose every amount is a dash («-», «Загальний обсяг фінансування: -», «у т.ч. бюджет
 * громади: -»), no number but the years of its term: no money, stated — a total of zero, and zero for
 * each source it names, which the rules compare with the task table as any total.
 */
function readDashedTotal(read: PassportRead, value: string): boolean {
  const text = [value, ...read.fundingRows.flatMap((row) => row.cells.slice(1).map(cellText))]
    .join(" ")
    .trim();
  // Numbers anywhere in the field (its prose rows too) are amounts no reader placed: no zero total then.
  const everything = [text, ...read.proseCells.map((cell) => cell.text)].join(" ");
  if (!ENDS_IN_DASH.test(text) || /\d/.test(everything.replace(YEAR, ""))) return false;
  read.funding.total = 0;
  for (const source of sourcesNamedIn(text)) read.funding.bySource[source] = 0;
  return true;
}

/**
 * The ledger of a funding table nested in one cell: the cell holds every number of its rows, and each
 * amount read from a row places one of them.
 */
function oneCellSink(sink: NumberSink, read: PassportRead): NumberSink {
  const at = read.fundingCell;
  if (!at) return sink;
  sink.seeNumbers(
    at,
    read.fundingRows.flatMap((row) => row.cells.slice(2).flatMap(numbersIn)),
  );
  return { see: () => {}, seeNumbers: () => {}, place: () => sink.place(at, 1) };
}

/**
 * Field 10 naming one source only, in a sentence or a row label («Джерело фінансування – бюджет
 * громади», «Фінансування здійснюється за рахунок коштів місцевого бюджету»), over amounts printed
 * for no source (a total row, years in prose): they are that source's. The total and the years become
 * the source's where the field printed none for it; nothing is moved when it names two sources or an
 * amount already went to another.
 */
function giveToSoleSource(read: PassportRead, value: string): void {
  const text = [
    value,
    ...read.fundingRows.flatMap((row) => row.cells.map(cellText)),
    ...read.proseCells.map((cell) => cell.text),
  ].join(" ");
  const named = sourcesNamedIn(text);
  const source = named.length === 1 ? named[0] : undefined;
  const funding = read.funding;
  if (source === undefined) return;
  const others = [...Object.keys(funding.bySource), ...Object.keys(funding.bySourceByYear)];
  if (others.some((kind) => kind !== source)) return;
  if (funding.total !== null && funding.bySource[source] === undefined)
    funding.bySource[source] = funding.total;
  if (Object.keys(funding.byYear).length > 0 && funding.bySourceByYear[source] === undefined)
    funding.bySourceByYear[source] = { ...funding.byYear };
  totalOfSoleSource(funding, source);
}

/**
 * Field 10 stating only its one source's amount («кошти бюджету громади – 1 250,0 тис. грн», its years
 * maybe) and no total: that source is the whole, so the total and its years are the source's.
 */
function totalOfSoleSource(funding: DeclaredFunding, source: SourceKind): void {
  if (funding.total !== null || Object.keys(funding.byYear).length > 0) return;
  const years = funding.bySourceByYear[source] ?? {};
  const stated = Object.keys(years).length > 0;
  const total = funding.bySource[source] ?? (stated ? sumKopecks(Object.values(years)) : null);
  if (total === null) return;
  funding.total = total;
  funding.byYear = { ...years };
}

function noAmountsMessage(unread: string[]): string {
  if (unread.length === 0)
    return "Паспорт (поле 10) називає джерела фінансування, але не наводить жодних сум";
  const numbers = unread.map((number) => `«${number}»`).join(", ");
  return (
    `Поле 10 паспорта містить суми (${numbers}), але жодної не прочитано: не визначено, до чого вони ` +
    "належать (загальний обсяг, рік чи джерело); див. знахідки import.unread-number з цими числами"
  );
}

export function passportUnit(read: PassportRead): MoneyUnit | null {
  const field = read.fields.find((each) => each.number === 10);
  const text = [field?.label, field?.value, ...read.fundingRows.flatMap((row) => row.cells)].join(" ");
  return unitNamedIn(text);
}
