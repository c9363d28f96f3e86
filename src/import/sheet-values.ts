/**
 * A spreadsheet cell's text as the sheet shows it, for the layout rules: a number with the decimals
 * its format shows and a decimal comma («1250,0» under «0.0»), a percentage as a percentage, a date as
 * «31.12.2026», a formula as its result.
 */
import type ExcelJS from "exceljs";

const MAX_DECIMALS = 6;

/** Decimals a number format shows: «#,##0.000» → 3; none for «General» or «0». */
function shownDecimals(format: string): number | undefined {
  const section = format.split(";")[0] ?? "";
  if (!/[0#]/.test(section)) return undefined;
  const fraction = /\.([0#]+)/.exec(section.replace(/"[^"]*"/g, ""));
  return fraction?.[1]?.length ?? 0;
}

function decimalComma(value: number, decimals: number | undefined): string {
  const text = decimals === undefined ? String(Number(value.toFixed(MAX_DECIMALS))) : value.toFixed(decimals);
  return text.replace(".", ",");
}

function numberText(value: number, format: string | undefined): string {
  if (format?.includes("%")) return `${decimalComma(value * 100, shownDecimals(format))}%`;
  return decimalComma(value, format ? shownDecimals(format) : undefined);
}

function dateText(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${day}.${month}.${date.getUTCFullYear()}`;
}

function valueText(value: ExcelJS.CellValue, format: string | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value, format);
  if (typeof value === "boolean") return value ? "Так" : "Ні";
  if (value instanceof Date) return dateText(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("result" in value) return valueText((value.result ?? null) as ExcelJS.CellValue, format);
  if ("text" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  return "";
}

export function shownText(cell: ExcelJS.Cell): string {
  return valueText(cell.value, cell.numFmt).replace(/\r\n?/g, "\n").trim();
}
