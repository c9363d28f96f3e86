import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * `executor_reports.correction_of` references the same table: deleting reports (a programme deleted,
 * a restore replacing data) checks each deleted id against it. Without an index that check reads the
 * whole table once per report — 40 000 reports took 72 s at national scale.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("executor_reports_correction_of_idx")
    .ifNotExists()
    .on("executor_reports")
    .column("correction_of")
    .where(sql.ref("correction_of"), "is not", null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("executor_reports_correction_of_idx").ifExists().execute();
}
