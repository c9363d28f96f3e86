/**
 * The query-table rows (directions, items, funding rows, indicators) this process wrote for the latest
 * version of a programme, kept in memory by programme. A whole write of the next version (a PUT, a
 * re-import) compares its rows with them before its transaction, and in it rewrites only the tables
 * whose rows changed — when the programme's latest version, read under its row lock, is still the one
 * they were written for. Another process's write, or one this process did not record, makes a newer
 * version: then every table is rewritten as before. Only rows this process wrote are kept (never rows
 * made from a stored document), so rows written by another release's code are never taken as current.
 */
import type { Kysely } from "kysely";
import type { Programme } from "../domain/model.js";
import { type NormalizedRows, normalizeItem } from "./normalize.js";
import type { Database } from "./schema.js";

/** Programmes whose rows are kept per store: those being edited and imported. */
export const KEPT_PROGRAMMES = 48;

export type QueryTable = keyof NormalizedRows;

interface Written {
  /** The community key and period the rows were written for: an import finds its programme by them. */
  identity: string;
  version: number;
  /** Programme id 0 throughout. */
  rows: NormalizedRows;
}

/** What finds a programme before it is locked: its community key and period. */
export function programmeIdentity(katottg: string, period: { from: number; to: number }): string {
  return `${katottg}|${period.from}|${period.to}`;
}

export interface UnchangedTables {
  programmeId: number;
  /** The version the query tables hold the rows of. */
  version: number;
  tables: ReadonlySet<QueryTable>;
}

const stores = new WeakMap<Kysely<Database>, Map<number, Written>>();

function keptOf(db: Kysely<Database>): Map<number, Written> {
  let kept = stores.get(db);
  if (!kept) {
    kept = new Map();
    stores.set(db, kept);
  }
  return kept;
}

/** Rows written by `normalizeProgramme(0, …)` or kept here: programme id 0. */
function canonical(rows: readonly object[]): string[] {
  return rows.map((row) => JSON.stringify(row)).sort();
}

function sameRows(before: readonly object[], after: readonly object[]): boolean {
  if (before.length !== after.length) return false;
  const a = canonical(before);
  const b = canonical(after);
  return a.every((row, index) => row === b[index]);
}

/**
 * The tables a whole write of `rows` need not rewrite, if the programme is still the one named and its
 * latest version still `version` when it writes; undefined when nothing is kept for the programme
 * (given by id, or by `programmeIdentity` for an import). A changed items table rewrites the funding
 * rows too (their foreign key cascades from the items).
 */
export function unchangedTables(
  db: Kysely<Database>,
  programme: number | string,
  rows: NormalizedRows,
): UnchangedTables | undefined {
  const kept = keptOf(db);
  const found =
    typeof programme === "number"
      ? ([programme, kept.get(programme)] as const)
      : [...kept].find(([, written]) => written.identity === programme);
  const [programmeId, written] = found ?? [];
  if (programmeId === undefined || !written) return undefined;
  const tables = new Set<QueryTable>();
  const itemsSame = sameRows(written.rows.items, rows.items);
  if (itemsSame) tables.add("items");
  if (itemsSame && sameRows(written.rows.fundingRows, rows.fundingRows)) tables.add("fundingRows");
  if (sameRows(written.rows.directions, rows.directions)) tables.add("directions");
  if (sameRows(written.rows.indicators, rows.indicators)) tables.add("indicators");
  return { programmeId, version: written.version, tables };
}

function keep(kept: Map<number, Written>, programmeId: number, written: Written): void {
  kept.delete(programmeId);
  kept.set(programmeId, written);
  if (kept.size > KEPT_PROGRAMMES) kept.delete(kept.keys().next().value as number);
}

/**
 * After its transaction committed: the rows a whole write left in the query tables for `version`
 * (programme id 0). A write that finished after a newer one (never on PGlite) changes nothing.
 */
export function rememberRows(
  db: Kysely<Database>,
  programmeId: number,
  identity: string,
  version: number,
  rows: NormalizedRows,
): void {
  const kept = keptOf(db);
  const known = kept.get(programmeId);
  if (known && known.version >= version) {
    if (known.version === version) kept.delete(programmeId);
    return;
  }
  keep(kept, programmeId, { identity, version, rows });
}

/**
 * After a project edit committed as `version`: the kept rows of `version - 1` with that item's rows
 * replaced as the edit replaced them (`replaceItemRows`: its fields, the categories of the items below
 * it, its funding rows). Kept rows of another version are dropped.
 */
export function rememberProjectRows(
  db: Kysely<Database>,
  programmeId: number,
  version: number,
  programme: Programme,
  itemId: string,
): void {
  const kept = keptOf(db);
  const known = kept.get(programmeId);
  const item = known?.version === version - 1 ? normalizeItem(0, programme, itemId) : undefined;
  if (!known || !item) {
    kept.delete(programmeId);
    return;
  }
  const below = new Map(item.below.map(({ id, category }) => [id, category]));
  const items = known.rows.items.map((row) => {
    if (row.id === itemId) return { ...row, ...item.fields };
    return below.has(row.id) ? { ...row, category: below.get(row.id) ?? null } : row;
  });
  const fundingRows = [
    ...known.rows.fundingRows.filter((row) => row.item_id !== itemId),
    ...item.fundingRows,
  ];
  keep(kept, programmeId, { ...known, version, rows: { ...known.rows, items, fundingRows } });
}
