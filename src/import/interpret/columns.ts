import { LETTER, LOWER } from "../../domain/letters.js";
import type { SourceKind } from "../../domain/model.js";
import { classifySource, isSourceLabel } from "../../domain/sources.js";
import type { TableRow } from "../blocks.js";

/** A year column header: "2026", "2026 р.", "2026 рік", with its unit maybe ("2026 рік (тис. грн)", "2026 (млн грн)"). */
const YEAR_CELL =
  /^(20\d\d)\s*(?:р\.?|рік|року|роки)?\s*\*?\s*(?:[,(]?\s*(?:(?:тис|млн)\.?\s*грн\.?|грн\.?|тис(?:\.|яч)\s*гривень|гривень)\s*\)?)?$/i;
/** The total's heading after the amounts' name: "Сума, всього", "Обсяг фінансування (усього)". */
const TOTAL_AFTER = /^[^\d]{0,60}[,(]\s*(?:всього|усього|разом)\s*\)?\s*$/i;
/** One column for several years: "2026-2027", "2026–2027 рр.", "2026-2027 роки". */
const SPAN_CELL = /^(20\d\d)\s*[-–—]\s*(20\d\d)\s*(?:рр?\.?|роки|років)?\s*\*?$/i;
const TOTAL_CELL = new RegExp(String.raw`^(всього|усього|разом)(?!${LETTER})`, "iu");
/** "інші" alone names the other sources only as a heading beside named budgets. */
const OTHER_HEADING = /^інш(?:і|е|их)$/i;
/** A kind of expense splitting the same money again by source: «капітальні вкладення», «поточні видатки». */
const EXPENSE_KIND = /^(?:капітальн\S*\s+вкладен|поточн\S*\s+видатк|науково-дослідн|інш\S*\s+потреб)/i;

export interface ColumnRule<Role extends string> {
  role: Role;
  pattern: RegExp;
}

export interface Columns<Role extends string> {
  roles: Partial<Record<Role, number>>;
  /** Year columns in order, e.g. [{ year: "2026", index: 6 }]. */
  years: { year: string; index: number }[];
  /** The "Всього" column under the amounts header, if printed. */
  total: number | null;
  width: number;
  /** How many rows at the top of the table are header rows. */
  headerRows: number;
  headerText: string;
  headerCells: string[];
  /** Columns printing several years in one ("2026-2027"), when the caller reads them. */
  spans: { span: string; index: number }[];
  /**
   * Amount columns headed by a source ("бюджет громади") or by "Всього", under the amounts heading or
   * under a year's heading, when the caller reads them (a table with a column per source).
   */
  sources: SourceColumn[];
  /**
   * Source columns under an expense kind («капітальні вкладення | поточні видатки», each split by
   * source): the same money as the sources' columns, broken down again, not more of it.
   */
  kinds: KindColumn[];
}

/** A source's column under an expense kind's heading. */
export interface KindColumn extends SourceColumn {
  kind: string;
}

/** An amount column of one source (or of the total, `source` "total") and of a year, a span or none. */
export interface SourceColumn {
  source: SourceKind;
  label: string;
  index: number;
  /** "2026", "2026-2027", or null when the column is not split by year. */
  period: string | null;
}

/** What a table may print beyond year columns; the task table reads both. */
export interface ColumnOptions {
  spans?: boolean;
  sources?: boolean;
  /**
   * In a one-row header, the spanning heading in a column of its own just before the years
   * («Обсяг фінансування, тис. грн | 2026 | 2027 | 2028») heads the total's column.
   */
  headingTotal?: boolean;
}

/** "2026-2027" for a column heading that spans years, else null. */
export function spanOf(cell: string): string | null {
  const match = SPAN_CELL.exec(cell.trim());
  if (!match || Number(match[1]) >= Number(match[2])) return null;
  return `${match[1]}-${match[2]}`;
}

/** The source a sub-heading of the amounts names ("Всього" is the total), or null. */
export function headingSource(cell: string): SourceKind | null {
  const text = cell.trim().replace(/\s+/g, " ");
  if (TOTAL_CELL.test(text)) return "total";
  if (OTHER_HEADING.test(text)) return "other";
  if (!isSourceLabel(text)) return null;
  const source = classifySource(text);
  return source === "mixed" || source === "unspecified" || source === "none" ? null : source;
}

/** Whether a sub-heading of the amounts names a kind of expense («Капітальні вкладення»). */
export function isExpenseKind(cell: string): boolean {
  return EXPENSE_KIND.test(cell.trim().replace(/\s+/g, " "));
}

/**
 * A header row of source sub-headings (one source at least, "Всього" maybe): every filled cell one,
 * or an expense kind's heading over the sources of the row below.
 */
function isSourceRow(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
  const sources = filled.filter((cell) => headingSource(cell) !== null && headingSource(cell) !== "total");
  return sources.length >= 1 && filled.every((cell) => headingSource(cell) !== null || isExpenseKind(cell));
}

export function yearOf(cell: string): string | null {
  return YEAR_CELL.exec(cell.trim())?.[1] ?? null;
}

/** "1 2 3 … 10": the column-number row repeated under the header and at page tops. */
export function isColumnNumberRow(cells: string[]): boolean {
  let filled = 0;
  for (const cell of cells) {
    const text = cell.trim();
    if (text === "") continue;
    filled++;
    if (text !== String(filled)) return false; // asked of every row: most fail at their first cell
  }
  return filled >= 3;
}

/**
 * A header's row of years: two or more years and no other number (a data row may hold 2000 and 2001),
 * or a single year with nothing beside it but the total's heading ("Всього | 2024 р.", "2024 р." alone:
 * a one-year programme's table); with `spans`, a span of years ("2026-2027") counts as a year.
 */
export function isYearRow(cells: string[], spans = false): boolean {
  const yearLike = (cell: string) => yearOf(cell) !== null || (spans && spanOf(cell) !== null);
  const otherNumbers = cells.some((cell) => /\d/.test(cell) && !yearLike(cell));
  if (otherNumbers) return false;
  const count = yearCount(cells, spans);
  if (count >= 2) return true;
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
  return (
    count === 1 && filled.every((cell) => yearLike(cell) || TOTAL_CELL.test(cell) || TOTAL_AFTER.test(cell))
  );
}

function yearCount(cells: string[], spans = false): number {
  return cells.filter((cell) => yearOf(cell) !== null || (spans && spanOf(cell) !== null)).length;
}

/** A row naming two or more columns and holding no amounts (amounts make it a data row; years do not). */
export function isNamingRow<Role extends string>(cells: string[], rules: ColumnRule<Role>[]): boolean {
  const amount = (cell: string) => /^[\d\s]+(?:[.,]\d+)?$/.test(cell.trim()) && yearOf(cell) === null;
  if (cells.some(amount)) return false;
  const matches = cells.filter((cell) => rules.some((rule) => rule.pattern.test(cell)));
  return matches.length >= 2;
}

/** "у т.ч. за роками:", "у тому числі по роках", "з них": the heading over the year columns of the amounts. */
const INCLUDING_CELL = /^(?:у|в)\s*т(?:ому)?\.?\s*ч(?:ислі)?\.?|^з\s+них|^зокрема|^(?:за|по)\s+роках/iu;

/** Whether a header cell is the "у т.ч. за роками" heading over the year columns. */
export function isIncludingHeading(cell: string): boolean {
  return INCLUDING_CELL.test(cell.trim());
}

/**
 * A header row between the naming row and the year row: only "Всього" over the total column and an
 * "у т.ч. за роками" heading over the years, no number.
 */
export function isIncludingRow(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
  return (
    filled.some((cell) => INCLUDING_CELL.test(cell)) &&
    filled.every((cell) => INCLUDING_CELL.test(cell) || TOTAL_CELL.test(cell) || TOTAL_AFTER.test(cell))
  );
}

function isHeaderRow<Role extends string>(
  cells: string[],
  rules: ColumnRule<Role>[],
  options: ColumnOptions,
): boolean {
  if (isColumnNumberRow(cells) || isYearRow(cells, options.spans) || isNamingRow(cells, rules)) return true;
  if (isIncludingRow(cells)) return true;
  return options.sources === true && isSourceRow(cells);
}

/** Starts in lowercase: the rest of a heading wrapped onto the next line («інформатизації», «рік»). */
const LOWER_FIRST = new RegExp(String.raw`^${LOWER}`, "u");

/** A header cell that reads on from the heading above it, not a heading of its own (a source, «у т.ч.»). */
function readsOn(cell: string): boolean {
  const text = cell.trim();
  return LOWER_FIRST.test(text) && !isIncludingHeading(text) && headingSource(text) === null;
}

/**
 * The header rows from the naming row on. A row that holds, beside headings, the rests of headings
 * wrapped from the rows above (a PDF's line «інформатизації | Всього | у т.ч. за роками») is a header
 * row too: each rest goes onto the nearest filled cell above it in its column, and the row keeps its
 * headings. A row of rests alone, each right under a heading, goes on under a row of years («рік» under
 * «2026») or before another header row.
 */
function headerBand<Role extends string>(
  rows: TableRow[],
  start: number,
  rules: ColumnRule<Role>[],
  options: ColumnOptions,
): { band: string[][]; rows: number } {
  const band: string[][] = [];
  const header = (cells: string[]) => isHeaderRow(cells, rules, options);
  for (const [index, row] of rows.slice(start).entries()) {
    if (header(row.cells)) {
      band.push([...row.cells]);
      continue;
    }
    const kept = row.cells.map((cell) => (readsOn(cell) ? "" : cell));
    const restsOnly = kept.every((cell) => cell.trim() === "");
    const above = band.at(-1) ?? [];
    const next = rows[start + index + 1]?.cells ?? [];
    const goesOn = restsOnly
      ? underHeadings(row.cells, above) && (isYearRow(above, options.spans) || header(next))
      : header(kept);
    if (!goesOn || !foldRests(band, row.cells)) return { band, rows: index };
    if (!restsOnly) band.push(kept);
  }
  return { band, rows: rows.length - start };
}

/** Whether each filled cell stands under a filled cell of the row above (no column-number row). */
function underHeadings(cells: string[], above: string[]): boolean {
  if (isColumnNumberRow(above)) return false;
  return cells.every((cell, index) => cell.trim() === "" || (above[index] ?? "").trim() !== "");
}

/** Puts each rest onto the nearest filled header cell above it; false when one has none (no column-number row). */
function foldRests(band: string[][], cells: string[]): boolean {
  const targets = cells.map((cell, index) => {
    if (!readsOn(cell)) return null;
    return band.findLast((above) => (above[index] ?? "").trim() !== "" && !isColumnNumberRow(above)) ?? null;
  });
  if (targets.some((target, index) => target === null && readsOn(cells[index] ?? ""))) return false;
  targets.forEach((target, index) => {
    if (target) target[index] = `${(target[index] ?? "").trim()} ${(cells[index] ?? "").trim()}`;
  });
  return true;
}

/**
 * The first rule naming the cell whose role no column has yet: "Строк виконання заходу" after
 * "Перелік заходів" is the deadline's, "Відповідальні виконавці заходу" the executors'.
 */
function roleOf<Role extends string>(
  cell: string,
  rules: ColumnRule<Role>[],
  taken: Partial<Record<Role, number>>,
): Role | null {
  return rules.find((rule) => rule.pattern.test(cell) && taken[rule.role] === undefined)?.role ?? null;
}

/**
 * Finds which column holds what from the header rows, e.g. "Назва завдання | … | Обсяги
 * фінансування | Очікувані результати" over "Всього | 2026 р. | 2027 р. | 2028 р.". A merged
 * header cell spanning the amount columns shifts the cells after it: they are aligned from the right.
 */
export function readColumns<Role extends string>(
  rows: TableRow[],
  rules: ColumnRule<Role>[],
  spanning: Role,
  options: ColumnOptions = {},
): Columns<Role> | null {
  const start = rows.findIndex((row) => isNamingRow(row.cells, rules));
  if (start < 0) return null;
  const { band: header, rows: bandRows } = headerBand(rows, start, rules, options);
  const headerRows = start + bandRows;
  const sourceRows = options.sources ? header.filter(isSourceRow) : [];
  // The row naming the columns; a one-row header names them and the years in the same row.
  // A row of two or more years, or a year alone under the naming row (with the total's heading maybe).
  const yearRows = header.filter(
    (cells) =>
      yearCount(cells, options.spans) >= 2 || (isYearRow(cells, options.spans) && !isNamingRow(cells, rules)),
  );
  const main =
    header.find(
      (cells) =>
        !isColumnNumberRow(cells) &&
        !yearRows.includes(cells) &&
        !sourceRows.includes(cells) &&
        !isIncludingRow(cells),
    ) ?? header.find((cells) => isNamingRow(cells, rules));
  if (!main) return null;
  const width = Math.max(...header.map((cells) => cells.length));
  const columns: Columns<Role> = {
    roles: {},
    years: [],
    total: null,
    width,
    headerRows,
    headerText: header.flat().join(" "),
    headerCells: header.flat(),
    spans: [],
    sources: [],
    kinds: [],
  };
  const yearRow = yearRows[0] ?? main;
  // "Всього" may stand in the row above the years, beside their "у т.ч. за роками" heading.
  const including = header.find(isIncludingRow);
  yearRow.forEach((cell, index) => {
    const year = yearOf(cell);
    const span = options.spans ? spanOf(cell) : null;
    const total = cell.trim() === "" ? (including?.[index] ?? "") : cell;
    if (year) columns.years.push({ year, index });
    else if (span) columns.spans.push({ span, index });
    else if (TOTAL_CELL.test(total.trim()) || TOTAL_AFTER.test(total.trim())) columns.total = index;
  });
  if (options.headingTotal && yearRow === main && columns.total === null) {
    columns.total = headingBeforeYears(main, columns.years, rules, spanning);
  }
  if (sourceRows.length > 0) {
    const headings = { rows: sourceRows, including, yearRow: yearRow === main ? null : yearRow };
    readSourceColumns(columns, headings);
  }
  assignMainRoles(columns, main, rules, spanning, numberedWidth(header));
  return columns;
}

/** The column just before the first year, when the spanning heading (and nothing else) heads it. */
function headingBeforeYears<Role extends string>(
  main: string[],
  years: Columns<Role>["years"],
  rules: ColumnRule<Role>[],
  spanning: Role,
): number | null {
  const first = Math.min(...years.map(({ index }) => index));
  const cell = main[first - 1]?.trim() ?? "";
  const rule = rules.find((candidate) => candidate.pattern.test(cell));
  return Number.isFinite(first) && rule?.role === spanning ? first - 1 : null;
}

/** The header rows of source sub-headings, with the rows above them that the reading needs. */
interface SourceHeadings {
  rows: string[][];
  /** The «Всього | у т.ч.» row: its «Всього» heads the total's column when no year row does. */
  including: string[] | undefined;
  yearRow: string[] | null;
}

/**
 * The source sub-headings' columns. Under a row of years, a sub-heading belongs to the year (or span)
 * heading at or before it, whose merged cell spans it; a column of its own in the year row ("Всього"
 * over both rows) is not a source's. The year columns then are these, not the year headings. Sources
 * under an expense kind's heading are the kinds' columns; without kinds, the first source row is read.
 */
function readSourceColumns(columns: Columns<string>, { rows, including, yearRow }: SourceHeadings): void {
  const read = rows.some((cells) => cells.some(isExpenseKind)) ? rows : rows.slice(0, 1);
  read.forEach((sourceRow, row) => {
    let period: string | null = null;
    sourceRow.forEach((cell, index) => {
      const above = yearRow?.[index]?.trim() ?? "";
      if (above !== "") period = yearOf(above) ?? spanOf(above);
      const source = headingSource(cell);
      if (!source) return;
      const column = { source, label: cell.trim(), index, period };
      const kind = kindOver(read.slice(0, row), index);
      if (kind) columns.kinds.push({ ...column, kind });
      else columns.sources.push(column);
    });
  });
  if (columns.sources.length === 0) return;
  const total = columns.total ?? totalUnder(including, columns.sources);
  if (total !== null && !columns.sources.some(({ index }) => index === total)) {
    const label = yearRow?.[total]?.trim() ?? (including?.[total]?.trim() || "Всього");
    columns.sources.push({ source: "total", label, index: total, period: null });
    columns.sources.sort((a, b) => a.index - b.index);
  }
  columns.total = null;
  columns.years = [];
  columns.spans = [];
}

/** The expense kind whose heading in a row above spans the column: the nearest filled cell at or before it. */
function kindOver(above: string[][], index: number): string | null {
  for (const cells of above) {
    const at = cells.slice(0, index + 1).findLastIndex((cell) => cell.trim() !== "");
    const heading = cells[at]?.trim() ?? "";
    if (isExpenseKind(heading)) return heading;
  }
  return null;
}

/** The «Всього» of the «Всього | у т.ч.» row, when it heads no source's column. */
function totalUnder(including: string[] | undefined, sources: SourceColumn[]): number | null {
  const index = including?.findIndex((cell) => TOTAL_CELL.test(cell.trim())) ?? -1;
  return index >= 0 && !sources.some((column) => column.index === index) ? index : null;
}

/** The last amount column (total, a year, a span or a source) the header names, if it names any. */
function lastAmountColumn(columns: Columns<string>): number | null {
  const indexes = [
    ...columns.years.map((year) => year.index),
    ...columns.spans.map((span) => span.index),
    ...columns.sources.map((source) => source.index),
    ...columns.kinds.map((kind) => kind.index),
    columns.total ?? -1,
  ];
  const last = Math.max(...indexes);
  return last >= 0 ? last : null;
}

/** How many columns the column-number row («1 | 2 | … | 10») numbers, or null without one. */
function numberedWidth(header: string[][]): number | null {
  const numbers = header.find(isColumnNumberRow);
  return numbers ? numbers.filter((cell) => cell.trim() !== "").length : null;
}

function assignMainRoles<Role extends string>(
  columns: Columns<Role>,
  main: string[],
  rules: ColumnRule<Role>[],
  spanning: Role,
  numbered: number | null,
): void {
  const amountEnd = lastAmountColumn(columns);
  let spanAt: number | null = null;
  main.forEach((cell, index) => {
    const role = roleOf(cell, rules, columns.roles);
    const after = spanAt === null ? index : afterSpan(index, spanAt, amountEnd, columns.width - main.length);
    // Past the numbered columns: the spanning heading's row was padded with more cells than it spans.
    const at = numbered !== null && after >= numbered ? numbered - (main.length - index) : after;
    if (role && columns.roles[role] === undefined) columns.roles[role] = at;
    if (role === spanning && spanAt === null) spanAt = index;
  });
}

/**
 * Where a heading after the spanning amount heading sits. A heading that would fall among the amount
 * columns the year row names moves past them (its row lost the span's cells, or was padded with empty
 * cells at its end); without a year row, a short heading row aligns from the right.
 */
function afterSpan(index: number, spanAt: number, amountEnd: number | null, missing: number): number {
  if (amountEnd === null) return index + Math.max(0, missing);
  return index <= amountEnd ? index + (amountEnd - spanAt) : index;
}
