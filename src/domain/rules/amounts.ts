import { type Finding, type Item, isSummedSource, type Programme, ref, walkItems } from "../model.js";
import { itemTotals, sumOfYears, sumOfYearsAndSpans, unsplitOfRows } from "../totals.js";
import {
  capitalize,
  compareAmounts,
  describeMismatches,
  factsOf,
  finding,
  itemName,
  type LocatedRow,
  money,
  rowHasAmounts,
  rowName,
} from "./common.js";

/** `amount.year-sum`: a printed row total that is not the sum of the row's years. */
export function checkYearSums(programme: Programme, facts = factsOf(programme)): Finding[] {
  return facts.allRows().flatMap((located) => {
    const { row } = located;
    if (row.totalPrinted !== true || Object.keys(row.byYear).length === 0) return [];
    const years = sumOfYearsAndSpans(row);
    if (years === row.total) return [];
    const message =
      `${capitalize(located.where)}, рядок ${rowName(row)}: у графі «Всього» ${money(row.total, programme.unit)}, ` +
      `а сума за роками — ${money(years, programme.unit)}; очікувалося, що «Всього» дорівнює сумі за роками.`;
    return [finding("amount.year-sum", message, row.line, located.ref)];
  });
}

/**
 * `amount.source-sum`: an item's "Загальний обсяг" row against the sum of its source rows (its own and
 * its sub-items'), per year and overall.
 */
export function checkSourceSums(programme: Programme, facts = factsOf(programme)): Finding[] {
  return facts.items().flatMap((item) => item.funding.flatMap((row) => checkTotalRow(programme, item, row)));
}

function checkTotalRow(programme: Programme, item: Item, row: Item["funding"][number]): Finding[] {
  if (row.source !== "total" || !hasSummedRows(item)) return [];
  const rows = [...walkItems([item])].flatMap((each) => each.funding);
  const mismatches = compareAmounts(row, { ...itemTotals(item), unsplit: unsplitOfRows(rows).total });
  if (mismatches.length === 0) return [];
  const message =
    `${capitalize(itemName(item))}: рядок ${rowName(row)} не збігається з сумою рядків джерел фінансування ` +
    `(два рядки одного проєкту розходяться) — ${describeMismatches(mismatches, programme.unit, "сума джерел")}.`;
  return [finding("amount.source-sum", message, row.line, ref.item(item))];
}

function hasSummedRows(item: Item): boolean {
  return item.funding.some((row) => isSummedSource(row.source)) || item.children.some(hasSummedRows);
}

/** `funding.none-with-amounts`: "не потребує фінансування" with money in it. */
export function checkNoneWithAmounts(programme: Programme, facts = factsOf(programme)): Finding[] {
  return facts
    .allRows()
    .filter((located) => located.row.source === "none" && rowHasAmounts(located.row))
    .map((located: LocatedRow) => {
      const amount = located.row.total !== 0 ? located.row.total : sumOfYears(located.row);
      const message =
        `${capitalize(located.where)}: рядок ${rowName(located.row)} позначено як такий, що не потребує ` +
        `фінансування, але в ньому зазначено ${money(amount, programme.unit)}; очікувалося 0 або інше джерело.`;
      return finding("funding.none-with-amounts", message, located.row.line, located.ref);
    });
}
