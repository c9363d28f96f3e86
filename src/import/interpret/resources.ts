import { isSourceLabel } from "../../domain/sources.js";
import type { Table, TableRow } from "../blocks.js";
import { isYearRow } from "./columns.js";
import type { NumberLedger } from "./coverage.js";
import { cellText } from "./text.js";

/** An amount, a dash for none. */
const isAmountLike = (cell: string): boolean => /^[\s\d.,‐‑–—−-]+$/.test(cell);
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

/**
 * The model holds no funding summary besides passport field 10: such a table's numbers are counted and,
 * landing nowhere, named in `import.unread-number` findings.
 */
export function seeFundingSummary(table: Table, ledger: NumberLedger): void {
  for (const row of fundingSummaryRows(table) ?? []) ledger.seeRow(row.line, row.cells);
}
