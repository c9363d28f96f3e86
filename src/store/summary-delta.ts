/**
 * The summaries of a programme moved by one item's funding rows, for an edit of that item's amounts
 * (its category unchanged): the groups it touches are adjusted by the difference instead of the whole
 * programme's summaries being recomputed from every funding row. The result equals a recomputation
 * (`test/store/project-edit.test.ts` compares them).
 */
import { type Insertable, sql, type Transaction } from "kysely";
import type { Database, FundingRowsTable } from "./schema.js";

type Trx = Transaction<Database>;

interface Group {
  year: number | null;
  source: string;
  amount: number;
}

const keyOf = (year: number | null | undefined, source: string) => `${year ?? "total"}|${source}`;

/** The item's own summed funding (printed "total" source rows left out) by year and source. */
export async function storedItemFunding(
  trx: Trx,
  programmeId: number,
  itemId: string,
): Promise<Map<string, Group>> {
  const rows = await trx
    .selectFrom("funding_rows")
    .select(["year", "source", (eb) => eb.fn.sum<string | number>("amount_kopecks").as("amount")])
    .where("programme_id", "=", programmeId)
    .where("item_id", "=", itemId)
    .where("source", "<>", "total")
    .groupBy(["year", "source"])
    .execute();
  return new Map(rows.map((row) => [keyOf(row.year, row.source), { ...row, amount: Number(row.amount) }]));
}

export function itemFunding(rows: readonly Insertable<FundingRowsTable>[]): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const row of rows) {
    if (row.source === "total") continue;
    const key = keyOf(row.year, row.source);
    const group = out.get(key) ?? { year: row.year ?? null, source: row.source, amount: 0 };
    group.amount += Number(row.amount_kopecks);
    out.set(key, group);
  }
  return out;
}

/** The item's effective category (a staff override, else the automatic label), as the summaries group it. */
export async function effectiveCategory(trx: Trx, programmeId: number, itemId: string): Promise<string> {
  const { rows } = await sql<{ category: string }>`
    select coalesce(o.category, i.category, 'other') as category from items i
    left join category_overrides o on o.programme_id = i.programme_id and o.item_id = i.id
    where i.programme_id = ${programmeId} and i.id = ${itemId}`.execute(trx);
  return rows[0]?.category ?? "other";
}

function groupWhere(programmeId: number, category: string, group: Group) {
  return sql`programme_id = ${programmeId} and year is not distinct from ${group.year}
    and source = ${group.source} and category = ${category}`;
}

/** Whether any funding row of the programme (the item's already rewritten) still falls in the group. */
async function groupHasRows(trx: Trx, programmeId: number, category: string, group: Group): Promise<boolean> {
  const { rows } = await sql`
    select 1 from funding_rows f join items i on i.programme_id = f.programme_id and i.id = f.item_id
    left join category_overrides o on o.programme_id = f.programme_id and o.item_id = f.item_id
    where f.programme_id = ${programmeId} and f.year is not distinct from ${group.year}
      and f.source = ${group.source} and coalesce(o.category, i.category, 'other') = ${category}
    limit 1`.execute(trx);
  return rows.length > 0;
}

/** Moves the programme's summaries in `category` from the item's funding `before` to `after`. */
export async function moveSummaries(
  trx: Trx,
  programmeId: number,
  category: string,
  before: Map<string, Group>,
  after: Map<string, Group>,
): Promise<void> {
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const next = after.get(key);
    const group = (next ?? old) as Group;
    const delta = (next?.amount ?? 0) - (old?.amount ?? 0);
    if (!next && !(await groupHasRows(trx, programmeId, category, group))) {
      await sql`delete from programme_summaries where ${groupWhere(programmeId, category, group)}`.execute(
        trx,
      );
      continue;
    }
    if (delta === 0 && old) continue;
    const updated = await sql`update programme_summaries set amount_kopecks = amount_kopecks + ${delta}
      where ${groupWhere(programmeId, category, group)}`.execute(trx);
    if (Number(updated.numAffectedRows ?? 0) === 0) {
      await trx
        .insertInto("programme_summaries")
        .values({
          programme_id: programmeId,
          year: group.year,
          source: group.source,
          category,
          amount_kopecks: delta,
        })
        .execute();
    }
  }
}
