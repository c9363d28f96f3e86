import type { Indicator } from "../../domain/model.js";
import type { Table } from "../blocks.js";
import { type ColumnRule, type Columns, isColumnNumberRow, readColumns } from "./columns.js";
import { cellText } from "./text.js";

type IndicatorRole =
  | "targets"
  | "baseline"
  | "dynamics"
  | "unit"
  | "formula"
  | "direction"
  | "number"
  | "name";

const INDICATOR_COLUMNS: ColumnRule<IndicatorRole>[] = [
  { role: "targets", pattern: /цільов/i },
  { role: "baseline", pattern: /базов/i },
  { role: "dynamics", pattern: /динамік/i },
  { role: "unit", pattern: /одиниц/i },
  { role: "formula", pattern: /формул|методик|розрахун/i },
  { role: "direction", pattern: /напрям|пріоритет/i },
  { role: "number", pattern: /№|з\/п/i },
  { role: "name", pattern: /найменування|індикатор/i },
];

function indicatorColumns(table: Table): Columns<IndicatorRole> | null {
  const columns = readColumns(table.rows, INDICATOR_COLUMNS, "targets");
  if (!columns) return null;
  const { roles } = columns;
  return roles.name !== undefined && (roles.baseline !== undefined || roles.targets !== undefined)
    ? columns
    : null;
}

export function isIndicatorTable(table: Table): boolean {
  return indicatorColumns(table) !== null;
}

/** Realigns rows that lost leading cells: short rows align right; a name in the number column shifts. */
function aligned(cells: string[], columns: Columns<IndicatorRole>): string[] {
  const numberColumn = columns.roles.number ?? 0;
  const nameColumn = columns.roles.name ?? 0;
  const first = cellText(cells[numberColumn]);
  const shift = nameColumn - numberColumn;
  if (shift > 0 && first.length > 3 && !/^\d/.test(first)) return [...Array(shift).fill(""), ...cells];
  const missing = columns.width - cells.length;
  return missing > 0 ? [...Array(missing).fill(""), ...cells] : cells;
}

function at(cells: string[], index: number | undefined): string {
  return index === undefined ? "" : cellText(cells[index]);
}

/** Reads the indicator annex (annex 2); the direction printed on a row applies to the rows below it. */
export function readIndicators(table: Table): Indicator[] {
  const columns = indicatorColumns(table);
  if (!columns) return [];
  const { roles } = columns;
  const indicators: Indicator[] = [];
  let direction = "";
  for (const row of table.rows.slice(columns.headerRows)) {
    if (isColumnNumberRow(row.cells)) continue;
    const cells = aligned(row.cells, columns);
    const name = at(cells, roles.name);
    direction = at(cells, roles.direction) || direction;
    if (!name) continue;
    const targets: Record<string, string> = {};
    for (const { year, index } of columns.years) targets[year] = at(cells, index);
    indicators.push({
      number: at(cells, roles.number),
      direction,
      name,
      unit: at(cells, roles.unit),
      formula: at(cells, roles.formula),
      baseline: at(cells, roles.baseline),
      targets,
      dynamics: at(cells, roles.dynamics),
      line: row.line,
    });
  }
  return indicators;
}
