import type { FundingRow, SourceKind } from "../../domain/model.js";
import { formatAmount, type MoneyUnit, sumKopecks } from "../../domain/money.js";
import type { Columns, KindColumn } from "./columns.js";
import { readCell, type TaskRole } from "./funding.js";

/** A source's amount beside its amounts by expense kind, as one row prints them. */
export interface KindSum {
  source: SourceKind;
  label: string;
  /** The source's amount in the row's source columns (0 when none printed). */
  stated: number;
  /** Each kind's amount with its column. */
  parts: { kind: string; index: number; kopecks: number }[];
}

/**
 * The amounts a row prints by expense kind, grouped by source: each group's sum should be the source's
 * amount, since the kinds break the same money down again.
 */
export function kindSums(
  cells: string[],
  columns: Columns<TaskRole>,
  rows: FundingRow[],
  unit: MoneyUnit,
): KindSum[] {
  const sums = new Map<SourceKind, KindSum>();
  for (const column of columns.kinds) {
    const cell = readCell(cells[column.index] ?? "", unit);
    if (cell.kind !== "amount") continue;
    const sum = sums.get(column.source) ?? newSum(column, rows);
    sum.parts.push({ kind: column.kind, index: column.index, kopecks: cell.kopecks });
    sums.set(column.source, sum);
  }
  return [...sums.values()];
}

function newSum(column: KindColumn, rows: FundingRow[]): KindSum {
  const stated = rows.find((row) => row.source === column.source)?.total ?? 0;
  return { source: column.source, label: column.label, stated, parts: [] };
}

export function addsUp(sum: KindSum): boolean {
  return sumKopecks(sum.parts.map((part) => part.kopecks)) === sum.stated;
}

/** «місцевий бюджет: 1 400,00, а за видами видатків 1 000,00 (капітальні вкладення) + 300,00 (поточні видатки)». */
export function describeKindSum(sum: KindSum, unit: MoneyUnit): string {
  const parts = sum.parts.map((part) => `${formatAmount(part.kopecks, unit)} («${part.kind}»)`).join(" + ");
  return `«${sum.label}» — ${formatAmount(sum.stated, unit)}, а за видами видатків ${parts} = ${formatAmount(sumKopecks(sum.parts.map((part) => part.kopecks)), unit)}`;
}
