/**
 * CSV export of the whole programme: UTF-8 with BOM, ";"-separated (what Ukrainian Excel expects),
 * RFC 4180 quoting, one header row, a `record` column telling what each row is.
 */
import type { Programme } from "../domain/model.js";
import { CSV_SEPARATOR, csvColumns } from "../template/layout.js";
import { type CellValue, flattenProgramme } from "../template/records.js";

const BOM = "\ufeff";

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
