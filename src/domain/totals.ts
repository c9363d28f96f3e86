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
