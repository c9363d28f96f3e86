import {
  allItems,
  type ByYear,
  type Direction,
  type FundingRow,
  type Item,
  isSummedSource,
  type Programme,
  type SourceKind,
  walkItems,
} from "./model.js";
import { assertKopecks, type Kopecks } from "./money.js";

/** Sums computed from the task table, never from printed totals. */
export interface Totals {
  total: Kopecks;
  byYear: ByYear;
  bySource: Partial<Record<SourceKind, Kopecks>>;
  bySourceByYear: Partial<Record<SourceKind, ByYear>>;
}

export function emptyTotals(): Totals {
  return { total: 0, byYear: {}, bySource: {}, bySourceByYear: {} };
}

/** Money of summed rows that no single year holds (`unsplitAmount`): their per-year sums are incomplete. */
export interface Unsplit {
  total: Kopecks;
  bySource: Partial<Record<SourceKind, Kopecks>>;
}

export function unsplitOfRows(rows: Iterable<FundingRow>): Unsplit {
  const out: Unsplit = { total: 0, bySource: {} };
  for (const row of rows) {
    const amount = isSummedSource(row.source) ? unsplitAmount(row) : 0;
    if (amount === 0) continue;
    out.total = assertKopecks(out.total + amount);
    out.bySource[row.source] = assertKopecks((out.bySource[row.source] ?? 0) + amount);
  }
  return out;
}

/**
 * The part of a row's money that belongs to no single year: its spans ("2026-2027"), or its whole
 * total when it prints no year at all (a table without year columns).
 */
export function unsplitAmount(row: FundingRow): Kopecks {
  const spans = Object.values(row.spans ?? {});
  if (spans.length > 0) return assertKopecks(spans.reduce((sum, amount) => sum + amount, 0));
  return Object.keys(row.byYear).length === 0 ? row.total : 0;
}

function add(target: ByYear, year: string, amount: Kopecks): void {
  target[year] = assertKopecks((target[year] ?? 0) + amount);
}

export function addRow(totals: Totals, row: FundingRow): void {
  if (!isSummedSource(row.source)) return;
  totals.total = assertKopecks(totals.total + row.total);
  totals.bySource[row.source] = assertKopecks((totals.bySource[row.source] ?? 0) + row.total);
  const sourceYears = totals.bySourceByYear[row.source] ?? {};
  totals.bySourceByYear[row.source] = sourceYears;
  for (const [year, amount] of Object.entries(row.byYear)) {
    add(totals.byYear, year, amount);
    add(sourceYears, year, amount);
  }
}

export function totalsOfRows(rows: Iterable<FundingRow>): Totals {
  const totals = emptyTotals();
  for (const row of rows) addRow(totals, row);
  return totals;
}

/** Own rows of one item, without its children. */
export function itemOwnTotals(item: Item): Totals {
  return totalsOfRows(item.funding);
}

/** An item with everything below it. */
export function itemTotals(item: Item): Totals {
  return totalsOfRows([...walkItems([item])].flatMap((each) => each.funding));
}

export function directionTotals(direction: Direction): Totals {
  return totalsOfRows([...walkItems(direction.items)].flatMap((item) => item.funding));
}

export function programmeTotals(programme: Programme): Totals {
  return totalsOfRows(allItems(programme).flatMap((item) => item.funding));
}

/** Sum of a row's year amounts. */
export function sumOfYears(row: FundingRow): Kopecks {
  return assertKopecks(Object.values(row.byYear).reduce((sum, amount) => sum + amount, 0));
}

/** Sum of a row's year amounts and of its amounts for several years at once. */
export function sumOfYearsAndSpans(row: FundingRow): Kopecks {
  const spans = Object.values(row.spans ?? {}).reduce((sum, amount) => sum + amount, 0);
  return assertKopecks(sumOfYears(row) + spans);
}

/**
 * Totals of the amounts printed for several years at once: `byYear` and `bySourceByYear` are keyed by
 * span ("2026-2027"), `total` and `bySource` are the spans' sums.
 */
export function spanTotalsOfRows(rows: Iterable<FundingRow>): Totals {
  const spansAsYears = [...rows].map((row) => ({ ...row, byYear: row.spans ?? {} }));
  return totalsOfRows(spansAsYears.map((row) => ({ ...row, total: sumOfYears(row) })));
}

export function programmeSpanTotals(programme: Programme): Totals {
  return spanTotalsOfRows(allItems(programme).flatMap((item) => item.funding));
}

/** A table's amount columns: the given years, then every span of years the totals hold. */
export function amountColumns(yearList: string[], spans: Totals): string[] {
  return [...yearList, ...Object.keys(spans.byYear).sort()];
}
