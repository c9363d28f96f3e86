import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * A version's document is no longer compressed with pglz: compressing the 230 KB document of a
 * 300-project programme was more than half of a project save's version insert (docs/speed.md,
 * «Workspace save, the version's compression»). Where the server has lz4 (PostgreSQL built with it),
 * the document is compressed with lz4: as fast as storing it plain, and smaller than pglz (17 KB
 * against 56 KB). PGlite has no lz4: there pglz stays, since storing the document plain would save a few
 * milliseconds a save for 4–5 times the disk per version (~260 KB) on the small machines PGlite serves.
 * Rows written before keep their compression.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(await hasLz4(db))) return;
  await sql`alter table programme_versions alter column document set compression lz4`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`alter table programme_versions alter column document set compression default`.execute(db);
}

/** Whether the server can compress values with lz4. */
export async function hasLz4(db: AnyDb): Promise<boolean> {
  const result = await sql<{ lz4: boolean }>`select coalesce(bool_or('lz4' = any(enumvals)), false) as lz4
    from pg_settings where name = 'default_toast_compression'`.execute(db);
  return result.rows[0]?.lz4 === true;
}
