import { type Kysely, sql } from "kysely";
import { refreshNationalSums } from "./national.js";
import type { Database } from "./schema.js";

/**
 * Recomputes `programme_summaries` of the given programmes from their item funding rows (printed
 * "total" source rows and the "Всього" rows excluded), by year (null: the rows' totals), source and
 * effective category (a staff override, else the automatic label), and the national sums of those
 * published. Run inside the writing transaction.
 */
export async function refreshSummaries(db: Kysely<Database>, programmeIds: readonly number[]): Promise<void> {
  if (programmeIds.length === 0) return;
  await db.deleteFrom("programme_summaries").where("programme_id", "in", programmeIds).execute();
  await sql`
    insert into programme_summaries (programme_id, year, source, category, amount_kopecks)
    select f.programme_id, f.year, f.source, coalesce(o.category, i.category, 'other'), sum(f.amount_kopecks)
    from funding_rows f
    join items i on i.programme_id = f.programme_id and i.id = f.item_id
    left join category_overrides o on o.programme_id = f.programme_id and o.item_id = f.item_id
    where f.programme_id in (${sql.join(programmeIds)}) and f.source <> 'total'
    group by f.programme_id, f.year, f.source, coalesce(o.category, i.category, 'other')`.execute(db);
  await refreshNationalSums(db, programmeIds);
}
