import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

const ONE_SUBMITTED_ORIGINAL_INDEX = "executor_reports_one_submitted_original";

/**
 * At most one submitted original report per project, period and unit; later changes are corrections
 * (`correction_of` set), which the index leaves out. Before it, the "already submitted" check ran only
 * when a draft was created, so two drafts submitted one after the other both landed. Such duplicates
 * in an existing database become corrections of the first submitted one, in submission order, so no
 * report is lost and the newest still counts last.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`
    update executor_reports as later
    set correction_of = first.id
    from (
      select distinct on (programme_id, item_id, period_key, org_unit_id)
        id, programme_id, item_id, period_key, org_unit_id
      from executor_reports
      where submitted_at is not null and correction_of is null
      order by programme_id, item_id, period_key, org_unit_id, submitted_at, id
    ) as first
    where later.submitted_at is not null and later.correction_of is null
      and later.programme_id = first.programme_id and later.item_id = first.item_id
      and later.period_key = first.period_key and later.org_unit_id = first.org_unit_id
      and later.id <> first.id
  `.execute(db);
  await db.schema
    .createIndex(ONE_SUBMITTED_ORIGINAL_INDEX)
    .unique()
    .on("executor_reports")
    .columns(["programme_id", "item_id", "period_key", "org_unit_id"])
    .where(sql<boolean>`submitted_at is not null and correction_of is null`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex(ONE_SUBMITTED_ORIGINAL_INDEX).ifExists().execute();
}
