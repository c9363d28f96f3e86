import { type Finding, type FundingRow, isSummedSource, type Programme } from "../model.js";
import { type Kopecks, type MoneyUnit, smallerUnit, unitLabel } from "../money.js";
import { itemTotals, sumOfYears } from "../totals.js";
import {
  capitalize,
  type Facts,
  factsOf,
  finding,
  itemName,
  type LocatedRow,
  money,
  rowName,
} from "./common.js";

/**
 * `amount.unit-suspect`: amounts typed in UAH under a "тис. грн" header (or in thousands under a
 * "млн грн" one) are 1000 times too big. Only for tables in thousand or million UAH. A row is suspect
 * when either
 * 1. a ×1/1000 reading reconciles it: its printed total is not the sum of its years, but dividing the
 *    total, or one year's amount, by 1000 makes it so (1 774 000,0 against 444,0 + 630,0 + 700,0) — or,
 *    for a project's "Загальний обсяг" row that disagrees with its source rows, dividing that row or one
 *    source row by 1000 makes them agree; or
 * 2. it holds an outlier: an amount of at least 100 000,0 thousand UAH (100 million UAH, beyond any
 *    community informatization project) that is also at least 1000 times the median of the programme's
 *    other non-zero amounts. Both conditions are needed: a large but real item (28 000,0 thousand for a
 *    Diia Centre among amounts of 100–2 000) is far below the floor and well under 1000× the median,
 *    while a thousandfold slip of an ordinary amount (1 774 000,0 among 444,0 and 630,0) clears both.
 */
export function checkUnitSuspect(programme: Programme, facts = factsOf(programme)): Finding[] {
  if (smallerUnit(programme.unit) === null) return [];
  const rows = facts.itemRows();
  const summed = rows.filter((located) => isSummedSource(located.row.source));
  const pool = summed.flatMap((located) => poolAmounts(located)).sort((a, b) => a - b);
  const bySources = sourceReconcileMessages(programme, facts);
  return rows.flatMap((located) => {
    const message =
      reconcileMessage(programme, located) ??
      bySources.get(located.row) ??
      (isSummedSource(located.row.source) ? outlierMessage(programme, located, pool) : null);
    return message ? [finding("amount.unit-suspect", message, located.row.line, located.ref)] : [];
  });
}

const THOUSANDFOLD = 1000;

/** «в гривнях, а не в тис. грн», «в тис. грн, а не в млн грн»: the slip a thousandfold amount suggests. */
function slipped(unit: MoneyUnit): string {
  const smaller = smallerUnit(unit);
  const named = smaller === "uah" ? "гривнях" : unitLabel(smaller ?? unit);
  return `в ${named}, а не в ${unitLabel(unit)}`;
}
/** The outlier floor as the message prints it in the table's unit. */
const FLOOR_TEXT: Record<MoneyUnit, string> = {
  million: "100,0 млн грн",
  thousand: "100 000,0 тис. грн",
  uah: "100 000 000,00 грн",
};
/** 100 000,0 thousand UAH in kopecks. */
const OUTLIER_FLOOR: Kopecks = 100_000 * 100_000;
const MIN_OTHER_AMOUNTS = 3;

/** The amounts a row contributes to the median: its years, or its total when it has no years. */
function poolAmounts(located: LocatedRow): Kopecks[] {
  const years = Object.values(located.row.byYear).filter((amount) => amount !== 0);
  if (years.length > 0) return years;
  return located.row.total !== 0 ? [located.row.total] : [];
}

function divided(amount: Kopecks): Kopecks | null {
  return amount !== 0 && amount % THOUSANDFOLD === 0 ? amount / THOUSANDFOLD : null;
}

function reconcileMessage(programme: Programme, located: LocatedRow): string | null {
  const { row } = located;
  if (row.totalPrinted !== true) return null;
  const years = sumOfYears(row);
  if (years === row.total) return null;
  const head = `${capitalize(located.where)}, рядок ${rowName(row)}`;
  const unit = programme.unit;
  if (divided(row.total) === years) {
    return (
      `${head}: у графі «Всього» ${money(row.total, unit)} — у 1000 разів більше за суму за роками ` +
      `${money(years, unit)}; схоже, суму вказано ${slipped(unit)} (очікувалося ${money(years, unit)}).`
    );
  }
  for (const [year, amount] of Object.entries(row.byYear)) {
    const smaller = divided(amount);
    if (smaller === null || years - amount + smaller !== row.total) continue;
    return (
      `${head}: сума за ${year} рік ${money(amount, unit)} у 1000 разів завелика — якщо поділити її на 1000 ` +
      `(${money(smaller, unit)}), сума за роками збігається з графою «Всього» ${money(row.total, unit)}; ` +
      `схоже, її вказано ${slipped(unit)}.`
    );
  }
  return null;
}

/** Rows of projects whose total row and source rows disagree until one of them is divided by 1000. */
function sourceReconcileMessages(programme: Programme, facts: Facts): Map<FundingRow, string> {
  const out = new Map<FundingRow, string>();
  for (const item of facts.items()) {
    const totalRow = item.funding.find((row) => row.source === "total");
    if (!totalRow) continue;
    const sources = itemTotals(item).total;
    if (sources === totalRow.total) continue;
    const head = `${capitalize(itemName(item))}, рядок`;
    const unit = programme.unit;
    if (divided(totalRow.total) === sources) {
      out.set(
        totalRow,
        `${head} ${rowName(totalRow)}: ${money(totalRow.total, unit)} — у 1000 разів більше за суму джерел ` +
          `${money(sources, unit)}; схоже, суму вказано ${slipped(unit)}.`,
      );
      continue;
    }
    const culprit = item.funding.find((row) => {
      const smaller = isSummedSource(row.source) ? divided(row.total) : null;
      return smaller !== null && sources - row.total + smaller === totalRow.total;
    });
    if (!culprit) continue;
    out.set(
      culprit,
      `${head} ${rowName(culprit)}: ${money(culprit.total, unit)} у 1000 разів завелика — якщо поділити на 1000 ` +
        `(${money(culprit.total / THOUSANDFOLD, unit)}), сума джерел збігається з рядком ${rowName(totalRow)} ` +
        `${money(totalRow.total, unit)}; схоже, суму вказано ${slipped(unit)}.`,
    );
  }
  return out;
}

function outlierMessage(programme: Programme, located: LocatedRow, pool: Kopecks[]): string | null {
  const suspect = largestAtFloor(Object.values(located.row.byYear)) ?? largestAtFloor([located.row.total]);
  if (suspect === undefined) return null;
  const median = medianWithout(pool, suspect);
  if (median === null || suspect < THOUSANDFOLD * median) return null;
  const unit = programme.unit;
  return (
    `${capitalize(located.where)}, рядок ${rowName(located.row)}: сума ${money(suspect, unit)} перевищує ` +
    `${FLOOR_TEXT[unit]} і щонайменше в 1000 разів більша за медіану інших сум програми ${money(median, unit)}; ` +
    `схоже, її вказано ${slipped(unit)} (тоді це ${money(Math.round(suspect / THOUSANDFOLD), unit)}).`
  );
}

/** The largest amount at or above the outlier floor; a year amount is the cell to blame before a total. */
function largestAtFloor(amounts: Kopecks[]): Kopecks | undefined {
  return amounts.filter((amount) => amount >= OUTLIER_FLOOR).sort((a, b) => b - a)[0];
}

/** Median of a sorted list after removing one occurrence of `value` (if present); null when too few remain. */
function medianWithout(sorted: Kopecks[], value: Kopecks): Kopecks | null {
  const index = sorted.indexOf(value);
  const others = index < 0 ? sorted : [...sorted.slice(0, index), ...sorted.slice(index + 1)];
  if (others.length < MIN_OTHER_AMOUNTS) return null;
  const middle = Math.floor(others.length / 2);
  const upper = others[middle] ?? 0;
  return others.length % 2 === 1 ? upper : Math.round(((others[middle - 1] ?? 0) + upper) / 2);
}
