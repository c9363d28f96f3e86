import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * One-time invitations: the head invites a person by e-mail with a role and a unit; the link's token is
 * kept only as its SHA-256, expires, and is spent when the invitee sets a password (`used_at`, `user_id`).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("invitations")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("token_hash", "text", (col) => col.notNull().unique())
    .addColumn("katottg", "text", (col) => col.notNull())
    .addColumn("email", "text", (col) => col.notNull())
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("org_unit_id", "integer", (col) => col.references("org_units.id").onDelete("cascade"))
    .addColumn("created_by", "integer", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("user_id", "integer", (col) => col.references("users.id").onDelete("set null"))
    .addCheckConstraint("invitations_executor_unit", sql`role <> 'executor' or org_unit_id is not null`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("invitations").ifExists().execute();
}
