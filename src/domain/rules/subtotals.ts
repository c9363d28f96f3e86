import { type Finding, type FundingRow, type Programme, ref, SOURCE_LABELS_UK, walkItems } from "../model.js";

import { directionTotals, type Totals, type Unsplit, unsplitOfRows } from "../totals.js";
import { compareAmounts, describeMismatches, factsOf, finding, type Mismatch, rowName } from "./common.js";

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
