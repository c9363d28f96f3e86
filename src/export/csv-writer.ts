/**
 * The one CSV writer of every CSV export (csv-stringify): RFC 4180 quoting, CRLF line ends, and text
 * cells that a spreadsheet would run as a formula escaped per OWASP (src/template/formulas.ts), quoted.
 */
import { stringify } from "csv-stringify/sync";
import { escapeFormula, needsFormulaEscape } from "../template/formulas.js";

export type CsvCell = string | number | null | undefined;

export interface CsvDialect {
  delimiter: string;
  /** A UTF-8 byte-order mark before the first line (what Excel needs to read UTF-8). */
  bom?: boolean;
  /** Quote a text with a space at its start or end (some readers would trim it). */
  quoteEdgeSpaces?: boolean;
}

function castString(text: string) {
  return needsFormulaEscape(text) ? { value: escapeFormula(text), quoted: true } : text;
}

/** The lines of the rows, each ended with CRLF. */
export function csvLines(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  if (rows.length === 0) return dialect.bom ? "\ufeff" : "";
  return stringify(rows as CsvCell[][], {
    delimiter: dialect.delimiter,
    record_delimiter: "\r\n",
    // A lone LF or CR in a text is quoted too, not only the CRLF that ends a line.
    quote_record_delimiter: true,
    bom: dialect.bom ?? false,
    cast: { string: castString as never },
    ...(dialect.quoteEdgeSpaces ? { quoted_match: /^\s|\s$/ } : {}),
  });
}
