/**
 * CSV export of the whole programme: UTF-8 with BOM, ";"-separated (what Ukrainian Excel expects),
 * RFC 4180 quoting, one header row, a `record` column telling what each row is; text that a spreadsheet
 * would run as a formula escaped (the CSV reader takes the escape off again).
 */
import type { Programme } from "../domain/model.js";
import { CSV_SEPARATOR, csvColumns } from "../template/layout.js";
import { type CellValue, flattenProgramme } from "../template/records.js";
import { csvLines } from "./csv-writer.js";

export function exportCsv(programme: Programme): string {
  const columns = csvColumns(programme);
  const rows: CellValue[][] = [columns];
  for (const { record, values } of flattenProgramme(programme)) {
    const row: Record<string, CellValue> = { ...values, record };
    rows.push(columns.map((column) => row[column] ?? null));
  }
  return csvLines(rows, { delimiter: CSV_SEPARATOR, bom: true });
}
