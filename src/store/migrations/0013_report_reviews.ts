import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * - An executor report the head sent back: when, by whom, with which remark (the report is a draft
 *   again until the executor resubmits it).
 * - The head's annual reports once submitted: who and when, and the files frozen as they were then.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("executor_reports")
    .addColumn("returned_at", "timestamptz")
    .addColumn("returned_by", "integer", (col) => col.references("users.id"))
    .addColumn("return_remark", "text")
    .execute();
  await db.schema
    .createTable("annual_submissions")
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("year", "integer", (col) => col.notNull())
    .addColumn("submitted_by", "integer", (col) => col.references("users.id"))
    .addColumn("submitted_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("annual_submissions_pk", ["programme_id", "year"])
    .execute();
  await db.schema
    .createTable("annual_submission_files")
    .addColumn("programme_id", "integer", (col) => col.notNull())
    .addColumn("year", "integer", (col) => col.notNull())
    .addColumn("form", "text", (col) => col.notNull())
    .addColumn("body", "bytea", (col) => col.notNull())
    .addPrimaryKeyConstraint("annual_submission_files_pk", ["programme_id", "year", "form"])
    .addForeignKeyConstraint(
      "annual_submission_files_submission",
      ["programme_id", "year"],
      "annual_submissions",
      ["programme_id", "year"],
      (constraint) => constraint.onDelete("cascade"),
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("annual_submission_files").ifExists().execute();
  await db.schema.dropTable("annual_submissions").ifExists().execute();
  await db.schema
    .alterTable("executor_reports")
    .dropColumn("returned_at")
    .dropColumn("returned_by")
    .dropColumn("return_remark")
    .execute();
}
