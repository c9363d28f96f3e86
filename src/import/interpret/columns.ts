import type { TableRow } from "../blocks.js";

/** A year column header: "2026", "2026 р.", "2026 рік". */
const YEAR_CELL = /^(20\d\d)\s*(?:р\.?|рік|року|роки)?\s*\*?$/i;
const TOTAL_CELL = /^(всього|усього|разом)(?!\p{L})/iu;

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
}

export function yearOf(cell: string): string | null {
  return YEAR_CELL.exec(cell.trim())?.[1] ?? null;
}

/** "1 2 3 … 10": the column-number row repeated under the header and at page tops. */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
  return filled.length >= 3 && filled.every((cell, index) => cell === String(index + 1));
}

/** A header's row of years: two or more years and no other number (a data row may hold 2000 and 2001). */
function isYearRow(cells: string[]): boolean {
  const otherNumbers = cells.some((cell) => /\d/.test(cell) && yearOf(cell) === null);
  return yearCount(cells) >= 2 && !otherNumbers;
}

function yearCount(cells: string[]): number {
  return cells.filter((cell) => yearOf(cell) !== null).length;
}

/** A row naming two or more columns and holding no amounts (amounts make it a data row; years do not). */
export function isNamingRow<Role extends string>(cells: string[], rules: ColumnRule<Role>[]): boolean {
  const amount = (cell: string) => /^[\d\s]+(?:[.,]\d+)?$/.test(cell.trim()) && yearOf(cell) === null;
  if (cells.some(amount)) return false;
  const matches = cells.filter((cell) => rules.some((rule) => rule.pattern.test(cell)));
  return matches.length >= 2;
}

function isHeaderRow<Role extends string>(cells: string[], rules: ColumnRule<Role>[]): boolean {
  return isColumnNumberRow(cells) || isYearRow(cells) || isNamingRow(cells, rules);
}

function roleOf<Role extends string>(cell: string, rules: ColumnRule<Role>[]): Role | null {
  return rules.find((rule) => rule.pattern.test(cell))?.role ?? null;
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
): Columns<Role> | null {
  const start = rows.findIndex((row) => isNamingRow(row.cells, rules));
  if (start < 0) return null;
  let headerRows = start;
  while (headerRows < rows.length && isHeaderRow(rows[headerRows]?.cells ?? [], rules)) headerRows++;
  const header = rows.slice(start, headerRows).map((row) => row.cells);
  // The row naming the columns; a one-row header names them and the years in the same row.
  const main =
    header.find((cells) => !isColumnNumberRow(cells) && yearCount(cells) < 2) ??
    header.find((cells) => isNamingRow(cells, rules));
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
  };
  const yearRow = header.find((cells) => yearCount(cells) >= 2) ?? main;
  yearRow.forEach((cell, index) => {
    const year = yearOf(cell);
    if (year) columns.years.push({ year, index });
    else if (TOTAL_CELL.test(cell.trim())) columns.total = index;
  });
  assignMainRoles(columns, main, rules, spanning);
  return columns;
}

/** The last amount column (total or a year) the year row names, if it names any. */
function lastAmountColumn(columns: Columns<string>): number | null {
  const indexes = [...columns.years.map((year) => year.index), columns.total ?? -1];
  const last = Math.max(...indexes);
  return last >= 0 ? last : null;
}

function assignMainRoles<Role extends string>(
  columns: Columns<Role>,
  main: string[],
  rules: ColumnRule<Role>[],
  spanning: Role,
): void {
  const amountEnd = lastAmountColumn(columns);
  let spanAt: number | null = null;
  main.forEach((cell, index) => {
    const role = roleOf(cell, rules);
    const at = spanAt === null ? index : afterSpan(index, spanAt, amountEnd, columns.width - main.length);
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
