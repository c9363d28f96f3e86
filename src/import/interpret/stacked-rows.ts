import { isSourceLabel } from "../../domain/sources.js";
import type { Columns } from "./columns.js";

/** A total's label among stacked sources: «Всього», «Загальний обсяг, у тому числі:». */
const TOTAL_LINE = /^(?:всього|усього|разом|загальний обсяг)/i;

const linesOf = (cell: string | undefined): string[] =>
  (cell ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/**
 * A row that stacks several sources in one row of a Word table: the source cell holds one source per
 * line («Бюджет громади / Інші джерела») and each amount cell as many lines, one per source («100,0 /
 * 50,0»). It reads as one row per source, the first keeping the row's other cells, as if each source
 * had its own row. Any other row, or one whose amounts do not line up with its sources, stays as it is.
 */
export function unstackSources<Role extends string>(
  cells: string[],
  columns: Columns<Role | "source">,
): string[][] {
  const source = columns.roles.source;
  const labels = linesOf(cells[source ?? -1]);
  if (source === undefined || labels.length < 2) return [cells];
  if (!labels.every((label) => isSourceLabel(label) || TOTAL_LINE.test(label))) return [cells];
  const amounts = [
    columns.total,
    ...columns.years.map((year) => year.index),
    ...columns.spans.map((span) => span.index),
  ].filter((index): index is number => index !== null && index !== undefined);
  const stacks = amounts.map((index) => linesOf(cells[index]));
  if (!stacks.some((lines) => lines.length > 0)) return [cells];
  if (!stacks.every((lines) => lines.length === 0 || lines.length === labels.length)) return [cells];
  return labels.map((label, line) => {
    const row = line === 0 ? [...cells] : cells.map(() => "");
    row[source] = label;
    amounts.forEach((index, at) => {
      row[index] = stacks[at]?.[line] ?? "";
    });
    return row;
  });
}
