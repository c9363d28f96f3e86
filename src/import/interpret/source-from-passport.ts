import {
  allItems,
  type FundingRow,
  type Programme,
  ref,
  SOURCE_LABELS_UK,
  type SourceKind,
} from "../../domain/model.js";
import type { FindingLog } from "./findings.js";

/** The sources a table's amounts may be given: budgets and other sources, not a total or a note. */
const SOURCES: SourceKind[] = ["local", "state", "oblast", "district", "other"];

/** The one source passport field 10 names, else null (none, or two and more). */
function passportSoleSource(programme: Programme): SourceKind | null {
  const { bySource, bySourceByYear } = programme.passport.funding;
  const named = new Set([...Object.keys(bySource), ...Object.keys(bySourceByYear)] as SourceKind[]);
  const sources = [...named].filter((source) => SOURCES.includes(source));
  return sources.length === 1 && named.size === 1 ? (sources[0] ?? null) : null;
}

/** A row of amounts that names no source, not even one the importer does not know. */
const namesNoSource = (row: FundingRow) => row.source === "unspecified" && row.label === "";

/**
 * A task table that names no source anywhere (no source column, an amounts heading naming none, no
 * total of a source) beside a passport whose field 10 names one source only: the table's amounts are
 * that source's, and one finding says so.
 */
export function sourceFromPassport(programme: Programme, line: number, log: FindingLog): void {
  const source = passportSoleSource(programme);
  if (source === null) return;
  const rows = allItems(programme).flatMap((item) => item.funding);
  const totals = [
    ...programme.declaredTotals,
    ...programme.directions.flatMap((direction) => direction.declaredTotals),
  ];
  const totalNamesSource = totals.some((row) => row.source !== "total" && !namesNoSource(row));
  if (rows.length === 0 || !rows.every(namesNoSource) || totalNamesSource) return;
  for (const row of rows) row.source = source;
  const message =
    `Таблиця завдань не називає джерела фінансування, а паспорт (поле 10) — лише одне, ` +
    `«${SOURCE_LABELS_UK[source]}»: суми таблиці завдань віднесено до нього`;
  log.warn("source-from-passport", message, line, ref.programme());
}
