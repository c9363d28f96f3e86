import type { Kysely } from "kysely";
import { sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/** Idempotency keys of POST /api/import: a retried upload returns the first result, no new version. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("request_sha256", "text", (col) => col.notNull())
    .addColumn("programme_id", "integer", (col) => col.references("programmes.id").onDelete("cascade"))
    .addColumn("version", "integer")
    .addColumn("created", "boolean")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("idempotency_keys").ifExists().execute();
}
