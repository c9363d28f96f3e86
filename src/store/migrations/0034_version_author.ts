import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * Who saved each version (issue 15: versions show their author and time). Versions stored before have
 * none; the audit log keeps who did what, but not per version.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("programme_versions")
    .addColumn("created_by", "integer", (col) => col.references("users.id").onDelete("set null"))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("programme_versions").dropColumn("created_by").execute();
}
