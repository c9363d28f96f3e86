import type { Kysely } from "kysely";
import { sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * The open-data `reports` resource: a page is a walk of submitted reports in (programme_id, id) order,
 * and "is this report corrected?" is a lookup by correction_of, so neither scans executor_reports.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("executor_reports_submitted_idx")
    .on("executor_reports")
    .columns(["programme_id", "id"])
    .where(sql.ref("submitted_at"), "is not", null)
    .execute();
  await db.schema
    .createIndex("executor_reports_correction_of_idx")
    .on("executor_reports")
    .column("correction_of")
    .where(sql.ref("correction_of"), "is not", null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("executor_reports_correction_of_idx").ifExists().execute();
  await db.schema.dropIndex("executor_reports_submitted_idx").ifExists().execute();
}
