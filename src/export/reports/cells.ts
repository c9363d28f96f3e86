/**
 * How the cells of the monitoring forms (src/domain/monitoring/forms.ts) are printed: money in the
 * programme's unit from integer kopecks, progress in per cent with one decimal, text as it is.
 */
import { formatPercent } from "../../domain/format.js";
import { SOURCE_LABELS_UK, type SourceKind } from "../../domain/model.js";
import { type MoneyUnit, unitLabel } from "../../domain/money.js";
import type { CellValue, Column } from "../../domain/monitoring/forms.js";
import { amountNumber, amountText } from "../amounts.js";

export const PERCENT_FORMAT = "0.0";

/** A money column's header names the unit: «Заплановано, грн», «…, тис. грн», «…, млн грн». */
export function columnHeader(column: Column, unit: MoneyUnit): string {
  return column.type === "money" ? `${column.label}, ${unitLabel(unit)}` : column.label;
}

export function cellText(column: Column, value: CellValue, unit: MoneyUnit): string {
  if (value === null) return "";
  if (column.type === "money" && typeof value === "number") return amountText(value, unit);
  if (column.type === "percent" && typeof value === "number") return formatPercent(value);
  return String(value);
}

/** The value a spreadsheet cell holds: numbers stay numbers, money in the unit. */
export function cellValue(column: Column, value: CellValue, unit: MoneyUnit): string | number | null {
  if (value === null || value === "") return null;
  if (column.type === "money" && typeof value === "number") return amountNumber(value, unit);
  return value;
}

const SOURCE_BY_LABEL = new Map(
  (Object.entries(SOURCE_LABELS_UK) as [SourceKind, string][]).map(([kind, label]) => [label, kind]),
);

/** The source code of a form row's Ukrainian source label; "" for rows without a source. */
export function sourceCode(label: CellValue): SourceKind | "" {
  return typeof label === "string" ? (SOURCE_BY_LABEL.get(label) ?? "") : "";
}
