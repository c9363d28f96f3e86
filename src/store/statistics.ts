import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

// Planner statistics for this schema's tables only: a bare `analyze` walks every schema of the
// database, and fails when another schema's table is dropped meanwhile (tests on one server do so).

async function schemaTables(db: Kysely<Database>, onlyWithoutStatistics: boolean): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and (not ${onlyWithoutStatistics}
           or c.reltuples < 0 or (c.reltuples = 0 and pg_relation_size(c.oid) > 0))
    order by c.relname`.execute(db);
  return rows.map((row) => row.name);
}

async function analyzeTables(db: Kysely<Database>, tables: string[]): Promise<void> {
  if (tables.length > 0) await sql`analyze ${sql.join(tables.map((table) => sql.id(table)))}`.execute(db);
}

/** Fresh statistics for every table of the current schema. */
export async function analyzeSchema(db: Kysely<Database>): Promise<void> {
  await analyzeTables(db, await schemaTables(db, false));
}

/** `refresh`: every table; `when-missing`: tables never analysed, or analysed empty and with rows since. */
export async function gatherStatistics(
  db: Kysely<Database>,
  mode: "refresh" | "when-missing",
): Promise<void> {
  await analyzeTables(db, await schemaTables(db, mode === "when-missing"));
}
