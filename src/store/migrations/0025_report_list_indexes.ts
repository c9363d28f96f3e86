import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * The report list route pages a programme's reports in (created_at, id) order, filtered by unit, by
 * period, by both or by neither (an executor sees its unit only). One index per filter hands a page
 * over in that order, so a page reads its own rows and sorts nothing. The period index replaces the
 * (programme_id, period_key) index, whose every use it serves.
 */
const INDEXES: Record<string, string[]> = {
  executor_reports_list_idx: ["programme_id", "created_at", "id"],
  executor_reports_list_unit_idx: ["programme_id", "org_unit_id", "created_at", "id"],
  executor_reports_list_period_idx: ["programme_id", "period_key", "created_at", "id"],
  executor_reports_list_unit_period_idx: ["programme_id", "org_unit_id", "period_key", "created_at", "id"],
};

export async function up(db: AnyDb): Promise<void> {
  for (const [name, columns] of Object.entries(INDEXES)) {
    await db.schema.createIndex(name).ifNotExists().on("executor_reports").columns(columns).execute();
  }
  await db.schema.dropIndex("executor_reports_programme_idx").ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("executor_reports_programme_idx")
    .ifNotExists()
    .on("executor_reports")
    .columns(["programme_id", "period_key"])
    .execute();
  for (const name of Object.keys(INDEXES)) await db.schema.dropIndex(name).ifExists().execute();
}
