import { allItems, type Programme, type SourceKind, walkItems } from "../../../src/domain/model.js";
import type { Kopecks } from "../../../src/domain/money.js";

/** One funding row of one task, flattened for the funding table. */
export interface FundingTableRow {
  key: string;
  itemId: string;
  number: string;
  title: string;
  direction: string;
  source: SourceKind;
  label: string;
  byYear: Record<string, Kopecks>;
  total: Kopecks;
}

export function fundingTableRows(programme: Programme): FundingTableRow[] {
  return programme.directions.flatMap((direction) =>
    [...walkItems(direction.items)].flatMap((item) =>
      item.funding.map((row, index) => ({
        key: `${item.id}#${index}`,
        itemId: item.id,
        number: item.number,
        title: item.title,
        direction: direction.number,
        source: row.source,
        label: row.label,
        byYear: row.byYear,
        total: row.total,
      })),
    ),
  );
}

export type SortColumn = "number" | "title" | "source" | "total" | `year:${string}`;
export interface SortSpec {
  column: SortColumn;
  direction: "asc" | "desc";
}

const collator = new Intl.Collator("uk", { numeric: true, sensitivity: "base" });

function sortValue(row: FundingTableRow, column: SortColumn): string | number {
  if (column.startsWith("year:")) return row.byYear[column.slice(5)] ?? 0;
  if (column === "total") return row.total;
  if (column === "source") return row.label;
  return row[column as "number" | "title"];
}

export function sortRows(rows: FundingTableRow[], sort: SortSpec | null): FundingTableRow[] {
  if (!sort) return rows;
  const sign = sort.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const left = sortValue(a, sort.column);
    const right = sortValue(b, sort.column);
    const order =
      typeof left === "number" && typeof right === "number"
        ? left - right
        : collator.compare(String(left), String(right));
    return order * sign;
  });
}

export interface RowFilters {
  text: string;
  source: SourceKind | "";
  direction: string;
}

export function filterRows(rows: FundingTableRow[], filters: RowFilters): FundingTableRow[] {
  const needle = filters.text.trim().toLocaleLowerCase("uk");
  return rows.filter(
    (row) =>
      (needle === "" || `${row.number} ${row.title}`.toLocaleLowerCase("uk").includes(needle)) &&
      (filters.source === "" || row.source === filters.source) &&
      (filters.direction === "" || row.direction === filters.direction),
  );
}

/** The number of tasks and projects, for headings. */
export function itemCount(programme: Programme): number {
  return allItems(programme).length;
}
