import type { ByYear, FundingRow } from "../../domain/model.js";
import { type MoneyUnit, sumKopecks, unitNamedIn } from "../../domain/money.js";
import { classifySource, isSourceLabel } from "../../domain/sources.js";
import type { Table, TableRow } from "../blocks.js";
import { isYearRow, yearOf } from "./columns.js";
import type { NumberLedger } from "./coverage.js";
import { readCell, unitOfCell } from "./funding.js";
import { cellText } from "./text.js";

/** An amount, with its unit or not («900,0», «900,0 тис. грн»), a dash for none. */
const isAmountLike = (cell: string): boolean => /^[\s\d.,‐‑–—−-]+$/.test(cell) || unitOfCell(cell) !== null;
const TOTAL_LABEL = /^(?:всього|усього|разом)/i;
/** How far down the headings' years may stand: a heading wrapped over two or three lines. */
const HEADER_ROWS = 3;

/** «Бюджет громади | 900,0 | 500,0 …», «Усього, тис. грн | …»: a source's or the total's amounts. */
function labelsAmounts(row: TableRow): boolean {
  const label = cellText(row.cells[0]);
  const amounts = row.cells.slice(1).filter((cell) => cell.trim() !== "");
  return (
    (isSourceLabel(label) || TOTAL_LABEL.test(label)) && amounts.length > 0 && amounts.every(isAmountLike)
  );
}

/**
 * A table of funding by source and year, apart from the task table («Ресурсне забезпечення Програми»:
 * «Обсяг коштів | 2026 | 2027 | 2028 | Усього» over a row per source and a total row): the rows under
 * its years, when every one of them is a source's or the total's amounts; null for any other table.
 */
export function fundingSummaryRows(table: Table): TableRow[] | null {
  const years = table.rows.slice(0, HEADER_ROWS).findIndex((row) => isYearRow(row.cells));
  if (years < 0) return null;
  const rows = table.rows.slice(years + 1).filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  return rows.length > 0 && rows.every(labelsAmounts) ? rows : null;
}

/** A header cell over the column of each row's total («Усього витрат на виконання Програми»). */
const TOTAL_HEADING = /^(?:всього|усього|разом)/i;

/** The column of each year and of the rows' totals, from the header rows down to the row of years. */
function summaryColumns(header: TableRow[]): { years: Map<number, string>; total: number | null } {
  const years = new Map<number, string>();
  let total: number | null = null;
  for (const row of header) {
    row.cells.forEach((text, index) => {
      if (index === 0) return; // the labels' column
      const year = yearOf(text);
      if (year) years.set(index, year);
      else if (total === null && TOTAL_HEADING.test(cellText(text))) total = index;
    });
  }
  return { years, total };
}

/** One row of the table: its amounts by year and the total it prints (a dash is zero). */
function summaryRow(row: TableRow, columns: ReturnType<typeof summaryColumns>, unit: MoneyUnit): FundingRow {
  const label = cellText(row.cells[0]);
  const amountAt = (index: number): number | null => {
    const cell = readCell(row.cells[index] ?? "", unit);
    return cell.kind === "amount" ? cell.kopecks : cell.kind === "dash" ? 0 : null;
  };
  const byYear: ByYear = {};
  for (const [index, year] of columns.years) {
    const amount = amountAt(index);
    if (amount !== null) byYear[year] = amount;
  }
  const printed = columns.total === null ? null : amountAt(columns.total);
  return {
    source: TOTAL_LABEL.test(label) ? "total" : classifySource(label),
    label,
    byYear,
    total: printed ?? sumKopecks(Object.values(byYear)),
    totalPrinted: printed !== null,
    line: row.line,
  };
}

/**
 * A resources table («Ресурсне забезпечення Програми») read as the programme's funding by source and
 * year, as it states it (`Programme.resources`, compared with field 10 and the task table by the rule
 * `resources.mismatch`); null for any other table. Its amounts are in the unit its cells or labels name
 * («Бюджет громади, тис. грн»), else in `unit`.
 */
export function readFundingSummary(table: Table, ledger: NumberLedger, unit: MoneyUnit): FundingRow[] | null {
  const rows = fundingSummaryRows(table);
  if (!rows) return null;
  const header = table.rows.slice(0, table.rows.indexOf(rows[0] as TableRow));
  const columns = summaryColumns(header);
  const named = unitNamedIn(table.rows.flatMap((row) => row.cells).join(" ")) ?? unit;
  const read = rows.map((row) => summaryRow(row, columns, named));
  for (const row of rows) {
    ledger.seeRow(row.line, row.cells);
    for (const index of [...columns.years.keys(), columns.total ?? -1])
      if (readCell(row.cells[index] ?? "", named).kind === "amount")
        ledger.place({ line: row.line, cell: index });
  }
  return read;
}

/**
 * A second resources table (the model holds one): its numbers are counted and, landing nowhere, named in
 * `import.unread-number` findings.
 */
export function seeFundingSummary(table: Table, ledger: NumberLedger): void {
  for (const row of fundingSummaryRows(table) ?? []) ledger.seeRow(row.line, row.cells);
}
