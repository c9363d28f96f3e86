import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * The notification outbox: one row per recipient and channel, written in the transaction of the event
 * that causes it (an agreement step); e-mail rows are sent later and marked, in-app rows are read.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("notifications")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("channel", "text", (col) => col.notNull().check(sql`channel in ('email', 'app')`))
    .addColumn("to", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull())
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("programme_id", "integer", (col) => col.references("programmes.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("notifications_user_idx")
    .on("notifications")
    .columns(["user_id", "id"])
    .execute();
  await db.schema
    .createIndex("notifications_unsent_idx")
    .on("notifications")
    .column("id")
    .where(sql.ref("sent_at"), "is", null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("notifications").ifExists().execute();
}
