/**
 * CSV export of the whole programme: UTF-8 with BOM, ";"-separated (what Ukrainian Excel expects),
 * RFC 4180 quoting, one header row, a `record` column telling what each row is.
 */
import type { Programme } from "../domain/model.js";
import {
  amountYears,
  type CellValue,
  flattenProgramme,
  ITEM_KEYS,
  TARGET_PREFIX,
  targetYears,
  YEAR_PREFIX,
} from "./template.js";

export const CSV_SEPARATOR = ";";
const BOM = "\ufeff";

/** The CSV's columns for a programme, in order. */
export function csvColumns(programme: Programme): string[] {
  return [
    "record",
    "key",
    "value",
    "number",
    "label",
    "year",
    "amount",
    ...ITEM_KEYS.filter((key) => key !== "number"),
    "text",
    "source",
    "source_label",
    "total",
    ...amountYears(programme).map((year) => `${YEAR_PREFIX}${year}`),
    "total_printed",
    "note",
    "indicator_direction",
    "name",
    "unit",
    "formula",
    "baseline",
    ...targetYears(programme).map((year) => `${TARGET_PREFIX}${year}`),
    "target_years",
    "dynamics",
    "line",
  ];
}

/** RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled. */
export function csvField(value: CellValue | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function exportCsv(programme: Programme): string {
  const columns = csvColumns(programme);
  const lines = [columns.map(csvField).join(CSV_SEPARATOR)];
  for (const { record, values } of flattenProgramme(programme)) {
    const row: Record<string, CellValue> = { ...values, record };
    lines.push(columns.map((column) => csvField(row[column])).join(CSV_SEPARATOR));
  }
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
