/**
 * How the cells of the monitoring forms (src/domain/monitoring/forms.ts) are printed: money in
 * thousand UAH from integer kopecks, progress in per cent with one decimal, text as it is.
 */
import { formatPercent } from "../../domain/format.js";
import { SOURCE_LABELS_UK, type SourceKind } from "../../domain/model.js";
import {
  formatAmount,
  type Kopecks,
  kopecksToDecimal,
  type MoneyUnit,
  unitLabel,
} from "../../domain/money.js";
import type { CellValue, Column } from "../../domain/monitoring/forms.js";

/** The annual reports print every amount in thousand UAH, as the programmes' task tables do. */
export const REPORT_UNIT: MoneyUnit = "thousand";

/** Number format of thousand-UAH cells: grouped, at least one decimal, kopecks shown when present. */
export const THOUSAND_FORMAT = "#,##0.0####";
export const PERCENT_FORMAT = "0.0";

export function columnHeader(column: Column): string {
  return column.type === "money" ? `${column.label}, ${unitLabel(REPORT_UNIT)}` : column.label;
}

export function money(kopecks: Kopecks): string {
  return formatAmount(kopecks, REPORT_UNIT);
}

export function cellText(column: Column, value: CellValue): string {
  if (value === null) return "";
  if (column.type === "money" && typeof value === "number") return money(value);
  if (column.type === "percent" && typeof value === "number") return formatPercent(value);
  return String(value);
}

/** Thousand UAH as an exact decimal number, computed from kopecks. */
export function thousands(kopecks: Kopecks): number {
  return Number(kopecksToDecimal(kopecks, REPORT_UNIT));
}

/** The value a spreadsheet cell holds: numbers stay numbers, money in thousand UAH. */
export function cellValue(column: Column, value: CellValue): string | number | null {
  if (value === null || value === "") return null;
  if (column.type === "money" && typeof value === "number") return thousands(value);
  return value;
}

const SOURCE_BY_LABEL = new Map(
  (Object.entries(SOURCE_LABELS_UK) as [SourceKind, string][]).map(([kind, label]) => [label, kind]),
);

/** The source code of a form row's Ukrainian source label; "" for rows without a source. */
export function sourceCode(label: CellValue): SourceKind | "" {
  return typeof label === "string" ? (SOURCE_BY_LABEL.get(label) ?? "") : "";
}
