import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * Files an executor attaches to a report (a contract, an act), kept in the database with the report:
 * removed with it, and, like it, not changed once it is submitted (the store checks that).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("report_attachments")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("report_id", "text", (col) =>
      col.notNull().references("executor_reports.id").onDelete("cascade"),
    )
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("content_type", "text", (col) => col.notNull())
    .addColumn("size", "integer", (col) => col.notNull().check(sql`size >= 0`))
    .addColumn("sha256", "text", (col) => col.notNull())
    .addColumn("body", "bytea", (col) => col.notNull())
    .addColumn("created_by", "integer", (col) => col.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("report_attachments_report_idx")
    .on("report_attachments")
    .column("report_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("report_attachments").ifExists().execute();
}
