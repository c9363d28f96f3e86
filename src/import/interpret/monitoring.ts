import { LETTER, LOWER } from "../../domain/letters.js";
import type { MonitoringVariable } from "../../domain/model.js";
import type { Table } from "../blocks.js";
import { type ColumnRule, type Columns, isColumnNumberRow, readColumns } from "./columns.js";
import { CUT_AT_HYPHEN, indicatorValue, joinText } from "./indicators.js";
import { NO_SINK, type NumberSink } from "./passport.js";
import { cellText } from "./text.js";

/** Starts with a small letter, after an optional opening quote or bracket. */
const STARTS_SMALL = new RegExp(String.raw`^[«"„(]?${LOWER}`, "u");

type VariableRole = "values" | "baseline" | "unit" | "source" | "number" | "name";

/** The monitoring-variables annex («Показники моніторингу»): variable, unit, source of data, baseline, per year. */
const VARIABLE_COLUMNS: ColumnRule<VariableRole>[] = [
  { role: "baseline", pattern: /базов/i },
  { role: "source", pattern: new RegExp(String.raw`джерел${LETTER}*(?!\s+фінансув)`, "iu") },
  { role: "unit", pattern: /одиниц/i },
  { role: "values", pattern: /значенн|за роками|прогноз/i },
  { role: "number", pattern: /№|з\/п/i },
  { role: "name", pattern: /найменуванн|назв|показник|змінн/i },
];

/** A table is asked whether it is the monitoring annex by each annex's search, and read once found. */
const columnsCache = new WeakMap<Table, Columns<VariableRole> | null>();

function variableColumns(table: Table): Columns<VariableRole> | null {
  if (!columnsCache.has(table)) columnsCache.set(table, readVariableColumns(table));
  return columnsCache.get(table) ?? null;
}

function readVariableColumns(table: Table): Columns<VariableRole> | null {
  const columns = readColumns(table.rows, VARIABLE_COLUMNS, "values");
  if (!columns) return null;
  const { roles } = columns;
  const fundingTable = /фінансув|виконавц/i.test(columns.headerText);
  const complete =
    roles.name !== undefined &&
    roles.source !== undefined &&
    (roles.baseline !== undefined || columns.years.length > 0);
  return complete && !fundingTable && !/цільов|формул|розрахун/i.test(columns.headerText) ? columns : null;
}

/** A table of monitoring variables: a name and a source of data over values, and no formula or targets. */
export function isMonitoringTable(table: Table): boolean {
  return variableColumns(table) !== null;
}

function isRepeatedHeader(cells: string[], headerCells: string[]): boolean {
  const header = new Set(headerCells.map(cellText).filter((text) => text !== ""));
  const filled = cells.map(cellText).filter((text) => text !== "");
  return filled.length >= 2 && filled.every((text) => header.has(text));
}

/**
 * Reads the monitoring variables. A row with a name only, at a page top, starting mid-sentence or
 * after a name cut at a hyphen, continues the variable above; the column-number row and a repeated header are not data.
 */
export function readMonitoring(table: Table, sink: NumberSink = NO_SINK): MonitoringVariable[] {
  const columns = variableColumns(table);
  if (!columns) return [];
  const { roles } = columns;
  const variables: MonitoringVariable[] = [];
  let pageTop = false;
  for (const row of table.rows.slice(columns.headerRows)) {
    if (isColumnNumberRow(row.cells) || isRepeatedHeader(row.cells, columns.headerCells)) {
      pageTop = true;
      continue;
    }
    const missing = Math.max(0, columns.width - row.cells.length);
    const cells = [...Array(missing).fill(""), ...row.cells];
    const read: number[] = [];
    const take = (index: number | undefined, value: (text: string) => string = cellText): string => {
      const text = index === undefined ? "" : value(cells[index] ?? "");
      if (text !== "" && index !== undefined) read.push(index - missing);
      return text;
    };
    row.cells.forEach((text, cell) => {
      sink.see({ line: row.line, cell }, text);
    });
    const values: Record<string, string> = {};
    for (const { year, index } of columns.years) values[year] = take(index, indicatorValue);
    const variable: MonitoringVariable = {
      number: take(roles.number),
      name: take(roles.name),
      unit: take(roles.unit),
      source: take(roles.source),
      baseline: take(roles.baseline, indicatorValue),
      values,
      line: row.line,
    };
    const wasPageTop = pageTop;
    pageTop = false;
    const last = variables[variables.length - 1];
    const valuesPrinted = [variable.number, variable.unit, variable.baseline, ...Object.values(values)];
    const continues =
      last &&
      variable.name !== "" &&
      valuesPrinted.every((text) => text === "") &&
      (wasPageTop || STARTS_SMALL.test(variable.name) || CUT_AT_HYPHEN.test(last.name));
    if (continues) {
      last.name = joinText(last.name, variable.name);
      if (variable.source) last.source = `${last.source} ${variable.source}`.trim();
    } else if (variable.name === "") continue;
    else variables.push(variable);
    for (const cell of read) sink.place({ line: row.line, cell });
  }
  return variables;
}
