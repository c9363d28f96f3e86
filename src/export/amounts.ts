/**
 * Amounts in the files people read — the programme's DOCX and XLSX, the annual reports — in the unit
 * the programme's document prints them in («грн», «тис. грн», «млн грн»), exact from integer kopecks.
 */
import type { Programme } from "../domain/model.js";
import {
  formatAmount,
  type Kopecks,
  kopecksToDecimal,
  type MoneyUnit,
  unitNamedIn,
} from "../domain/money.js";

/**
 * Spreadsheet number format per unit: grouped, the fraction digits `formatAmount` shows at least, and
 * optional digits down to the kopeck, so nothing shows rounded. OOXML always writes `,` for the group
 * and `.` for the decimal; Ukrainian Excel shows `1 234,5`.
 */
const NUMBER_FORMATS: Record<MoneyUnit, string> = {
  uah: "#,##0.00",
  thousand: "#,##0.0####",
  million: "#,##0.0#######",
};

export function amountFormat(unit: MoneyUnit): string {
  return NUMBER_FORMATS[unit];
}

/** An amount as a spreadsheet number in the unit, from the exact decimal of its kopecks (no float arithmetic). */
export function amountNumber(kopecks: Kopecks, unit: MoneyUnit): number {
  return Number(kopecksToDecimal(kopecks, unit));
}

/** An amount as text in the unit: "1 774 000,00" (грн), "1 774,0" (тис. грн), "1,774" (млн грн). */
export function amountText(kopecks: Kopecks, unit: MoneyUnit): string {
  return formatAmount(kopecks, unit);
}

/**
 * The unit of passport field 10's amounts: the one its own printed words name («Загальний обсяг …, тис.
 * грн»), as the importer reads them, else the programme's. A passport may state its funding in another
 * unit than the task table; printed in the table's unit beside words naming another, they would read
 * back a thousand times off.
 */
export function passportUnit(programme: Programme, printedWords: string): MoneyUnit {
  return unitNamedIn(printedWords) ?? programme.unit;
}
