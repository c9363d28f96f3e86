import type { FundingRow, SourceKind } from "../../domain/model.js";
import { type MoneyUnit, sumKopecks } from "../../domain/money.js";
import { classifySource } from "../../domain/sources.js";
import type { Columns, SourceColumn } from "./columns.js";
import { readCell, type ScaledAmount, scaledIn, type TaskRole } from "./funding.js";
import { cellText } from "./text.js";

/** What one row of a table with a column per source holds. */
export interface SourceColumnsRow {
  /** One row per source with money (and "total" for the `Всього` columns), or the note printed instead. */
  rows: FundingRow[];
  result: string;
  /** Indexes of the cells whose amounts landed in the rows. */
  placed: number[];
  scaled: ScaledAmount[];
}

const NOTE_SOURCES = new Set<SourceKind>(["none", "within-budget"]);

/** Whether a table prints a column per source (under the amounts heading or under each year's). */
export function hasSourceColumns(columns: Columns<TaskRole>): boolean {
  return columns.sources.length > 0;
}

/** A source column printing no year: its amounts are the source's whole, not split by year. */
export function printsNoYear(column: SourceColumn): boolean {
  return column.period === null && column.source !== "total";
}

class SourceRows {
  readonly rows: FundingRow[] = [];

  constructor(private readonly line: number) {}

  of(column: SourceColumn): FundingRow {
    const found = this.rows.find((row) => row.source === column.source);
    if (found) return found;
    const row: FundingRow = {
      source: column.source,
      label: column.label,
      byYear: {},
      total: 0,
      line: this.line,
    };
    row.totalPrinted = false;
    this.rows.push(row);
    return row;
  }

  /** An amount in its column's year, span, or (a column printing no year) as the source's total. */
  put(column: SourceColumn, kopecks: number): void {
    const row = this.of(column);
    const period = column.period;
    if (period === null) {
      row.total = kopecks;
      row.totalPrinted = true;
    } else if (period.includes("-")) row.spans = { ...row.spans, [period]: kopecks };
    else row.byYear[period] = kopecks;
  }

  /** Text in an amount column: the note a project prints instead of money, or a note on its source. */
  note(column: SourceColumn, text: string): void {
    const kind = classifySource(text);
    if (NOTE_SOURCES.has(kind)) {
      if (this.rows.some((row) => row.label === text)) return;
      this.rows.push({ source: kind, label: text, byYear: {}, total: 0, line: this.line });
      return;
    }
    const row = this.of(column);
    row.note = row.note ? `${row.note}; ${text}` : text;
  }

  /** Rows whose total no column printed sum their years and spans. */
  finish(): FundingRow[] {
    for (const row of this.rows) {
      if (row.totalPrinted !== false) continue;
      row.total = sumKopecks([...Object.values(row.byYear), ...Object.values(row.spans ?? {})]);
    }
    return this.rows;
  }
}

/** Reads one row of a table with a column per source: a funding row per source with money. */
export function readSourceColumns(
  cells: string[],
  columns: Columns<TaskRole>,
  unit: MoneyUnit,
  line: number,
): SourceColumnsRow {
  const rows = new SourceRows(line);
  const placed: number[] = [];
  const scaled: ScaledAmount[] = [];
  for (const column of columns.sources) {
    const raw = cells[column.index] ?? "";
    const cell = readCell(raw, unit);
    if (cell.kind === "text") rows.note(column, cellText(cell.text));
    if (cell.kind !== "amount") continue;
    rows.put(column, cell.kopecks);
    placed.push(column.index);
    const written = scaledIn(raw, unit);
    if (written) scaled.push(written);
  }
  const result = cellText(cells[columns.roles.result ?? -1]);
  return { rows: rows.finish(), result, placed, scaled };
}
