import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * A version's document is stored without compression (TOAST storage `external`, kept out of line):
 * compressing the 230 KB document of a 300-project programme with pglz (PGlite has no lz4) was more
 * than half of a project save's version insert (docs/speed.md, «Workspace save, the version insert»),
 * and every read of an uncached version decompressed it. The price is disk: that document takes
 * ~260 KB per version instead of ~56 KB. Rows written before keep their compression.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`alter table programme_versions alter column document set storage external`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await sql`alter table programme_versions alter column document set storage extended`.execute(db);
}
