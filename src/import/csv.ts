/** Reads infoprog's CSV template (see docs/template.md) back into a programme. */
import type { Finding, ImportResult } from "../domain/model.js";
import { severityOf } from "../domain/rules/table.js";
import { unescapeFormula } from "../template/formulas.js";
import { CSV_SEPARATOR } from "../template/layout.js";
import { type SourceRecord, unflattenProgramme } from "../template/read.js";
import { type CellValue, columnLetter, RECORD_KINDS, type RecordKind } from "../template/records.js";
import { NotAProgrammeError } from "./blocks.js";
import { parseCsvRows } from "./text/csv-rows.js";

/**
 * Splits RFC 4180 text into rows of fields. Quoted fields may hold separators, doubled quotes and
 * line breaks; rows end with CRLF or LF.
 */
export function parseCsv(text: string, separator = CSV_SEPARATOR): string[][] {
  return parseCsvRows(text, separator).map((row) => row.cells);
}

function isRecordKind(text: string): text is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(text);
}

function detectSeparator(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(CSV_SEPARATOR) || !header.includes(",") ? CSV_SEPARATOR : ",";
}

export function readCsvProgramme(text: string): ImportResult {
  const [header, ...rows] = parseCsv(text, detectSeparator(text));
  const columns = (header ?? []).map((name) => name.trim());
  const recordColumn = columns.indexOf("record");
  if (recordColumn < 0) throw new NotAProgrammeError("Це не шаблон infoprog: у CSV немає стовпця «record».");
  const records: SourceRecord[] = [];
  const skipped: Finding[] = [];
  rows.forEach((cells, index) => {
    const kind = (cells[recordColumn] ?? "").trim();
    if (!isRecordKind(kind)) {
      if (kind !== "") skipped.push(unknownRecord(kind, index + 2));
      return;
    }
    const values: Record<string, CellValue> = {};
    columns.forEach((column, position) => {
      values[column] = unescapeFormula(cells[position] ?? "");
    });
    const line = index + 2;
    const address = (key: string): string => `${columnLetter(Math.max(0, columns.indexOf(key)))}${line}`;
    records.push({ record: kind, values, line, address });
  });
  if (!records.some((record) => record.record === "meta")) {
    throw new NotAProgrammeError("Це не шаблон infoprog: у CSV немає записів «meta».");
  }
  const result = unflattenProgramme(records);
  return { programme: result.programme, findings: [...skipped, ...result.findings] };
}

function unknownRecord(kind: string, line: number): Finding {
  const message = `Рядок ${line}: невідомий тип запису «${kind}» — рядок пропущено.`;
  return {
    code: "import.unknown-record",
    severity: severityOf("import.unknown-record"),
    message,
    location: { line, ref: "programme" },
  };
}
