import type { Kysely } from "kysely";
import { sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * The open-data `reports` resource: a page is a walk of submitted reports in (programme_id, id) order,
 * and "is there a later report of the same project, period and unit?" (a correction) is a lookup in a
 * small group, so neither scans executor_reports.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("executor_reports_submitted_idx")
    .on("executor_reports")
    .columns(["programme_id", "id"])
    .where(sql.ref("submitted_at"), "is not", null)
    .execute();
  await db.schema
    .createIndex("executor_reports_chain_idx")
    .on("executor_reports")
    .columns(["programme_id", "item_id", "period_key", "org_unit_id", "submitted_at"])
    .where(sql.ref("submitted_at"), "is not", null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("executor_reports_chain_idx").ifExists().execute();
  await db.schema.dropIndex("executor_reports_submitted_idx").ifExists().execute();
}
