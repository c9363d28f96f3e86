import {
  type Finding,
  type FundingRow,
  type Item,
  type Programme,
  ref,
  SOURCE_LABELS_UK,
  walkItems,
} from "../model.js";
import type { Kopecks } from "../money.js";

import { directionTotals, type Totals, totalsOfRows, type Unsplit, unsplitOfRows } from "../totals.js";
import {
  compareAmounts,
  describeMismatches,
  factsOf,
  finding,
  type Mismatch,
  money,
  rowName,
} from "./common.js";

/** `direction.subtotal`: "Всього за напрямом" rows against the sum of the direction's items. */
export function checkDirectionSubtotals(programme: Programme): Finding[] {
  return programme.directions.flatMap((direction) => {
    if (direction.declaredTotals.length === 0) return [];
    const computed = directionTotals(direction);
    const unsplit = unsplitOfRows([...walkItems(direction.items)].flatMap((item) => item.funding));
    return direction.declaredTotals.flatMap((row) => {
      const mismatches = compareDeclaredRow(row, direction.declaredTotals, computed, unsplit);
      if (mismatches.length === 0) return [];
      const message =
        `Підсумок напряму ${direction.number}, рядок ${rowName(row)} (${scopeOf(row, direction.declaredTotals)}) ` +
        `не дорівнює сумі заходів напряму: ${describeMismatches(mismatches, programme.unit, "сума заходів")}.`;
      return [finding("direction.subtotal", message, row.line, ref.direction(direction.number))];
    });
  });
}

/** `programme.total`: "Всього за програмою" rows against the sum of all items. */
export function checkProgrammeTotal(programme: Programme, facts = factsOf(programme)): Finding[] {
  const computed = facts.totals();
  return programme.declaredTotals.flatMap((row) => {
    const mismatches = compareDeclaredRow(row, programme.declaredTotals, computed, facts.unsplit());
    if (mismatches.length === 0) return [];
    const message =
      `Підсумок програми, рядок ${rowName(row)} (${scopeOf(row, programme.declaredTotals)}) не дорівнює сумі ` +
      `усіх заходів: ${describeMismatches(mismatches, programme.unit, "сума заходів")}.`;
    return [finding("programme.total", message, row.line, ref.programme())];
  });
}

/**
 * A declared row is an overall total when its source is "total", or when it is the only declared row
 * and names no source (a bare "Всього" line); otherwise it is checked against its own source's sums.
 */
function isOverallRow(row: FundingRow, rows: FundingRow[]): boolean {
  return row.source === "total" || (row.source === "unspecified" && rows.length === 1);
}

function compareDeclaredRow(
  row: FundingRow,
  rows: FundingRow[],
  computed: Totals,
  unsplit: Unsplit,
): Mismatch[] {
  if (isOverallRow(row, rows)) return compareAmounts(row, { ...computed, unsplit: unsplit.total });
  return compareAmounts(row, {
    total: computed.bySource[row.source] ?? 0,
    byYear: computed.bySourceByYear[row.source] ?? {},
    unsplit: unsplit.bySource[row.source] ?? 0,
  });
}

function scopeOf(row: FundingRow, rows: FundingRow[]): string {
  return isOverallRow(row, rows) ? "загальний обсяг" : `джерело: ${SOURCE_LABELS_UK[row.source]}`;
}

/**
 * `amount.total-as-item`: a measure with no executor and no deadline whose amount is the sum of every
 * other measure of its direction or of the programme (two at least) is a total row whose label was not
 * recognised (misspelt, or misread by OCR: «Bcsoro 3а Програмою»), its money counted twice.
 */
export function checkTotalAsItem(programme: Programme): Finding[] {
  const leaves = programme.directions.map((direction) => [...walkItems(direction.items)].filter(isLeaf));
  const all = leaves.flat();
  const own = new Map(all.map((item) => [item, totalsOfRows(item.funding).total]));
  const ownTotal = (item: Item): Kopecks => own.get(item) ?? 0;
  const sumOf = (items: Item[]) => {
    const carrying = items.filter((item) => ownTotal(item) > 0);
    return { count: carrying.length, sum: carrying.reduce((total, item) => total + ownTotal(item), 0) };
  };
  const sums = [...leaves.map(sumOf), sumOf(all)];
  return all.flatMap((item) => {
    const total = ownTotal(item);
    if (item.executors.length > 0 || item.deadline !== null || total === 0) return [];
    const scopes = [sums[leaves.findIndex((items) => items.includes(item))], sums[leaves.length]];
    // The others: the scope without this item, two of them at least.
    if (!scopes.some((scope) => scope && scope.count - 1 >= 2 && scope.sum - total === total)) return [];
    const message =
      `Захід ${item.number} «${item.title}» без виконавця й строку коштує ${money(total, programme.unit)} — ` +
      "стільки ж, скільки всі інші заходи разом: схоже, це підсумковий рядок з нерозпізнаною назвою, і його суми пораховано двічі.";
    return [finding("amount.total-as-item", message, item.line, ref.item(item))];
  });
}

function isLeaf(item: Item): boolean {
  return item.children.length === 0;
}
