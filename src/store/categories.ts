import type { Kysely, Transaction } from "kysely";
import { type CategoryId, classifyItem, classifyProgramme } from "../domain/classify/index.js";
import { type Programme, walkItems } from "../domain/model.js";
import type { Database } from "./db-types.js";
import { refreshSummaries } from "./summaries.js";

/**
 * The automatic category of every item, by item id: leaves as `classifyProgramme` labels them, and a
 * task with projects under it by its own title (its own funding rows, if any, need a label too).
 */
export function autoCategories(programme: Programme): Map<string, CategoryId> {
  const out = new Map<string, CategoryId>();
  for (const [id, classification] of classifyProgramme(programme)) out.set(id, classification.category);
  for (const direction of programme.directions) {
    for (const item of walkItems(direction.items)) {
      if (!out.has(item.id)) out.set(item.id, classifyItem(item, direction.title).category);
    }
  }
  return out;
}

export interface CategoryOverrideInput {
  programmeId: number;
  itemId: string;
  category: CategoryId;
  by: string;
}

export type OverrideResult = "saved" | "no-programme" | "no-item";

/**
 * Stores a staff correction of an item's category (replacing an earlier one), refreshes the programme's
 * summaries and touches the programme, so that open-data ETags change — all in one transaction.
 */
export function setCategoryOverride(
  db: Kysely<Database>,
  input: CategoryOverrideInput,
): Promise<OverrideResult> {
  return db.transaction().execute(async (trx): Promise<OverrideResult> => {
    const programme = await trx
      .selectFrom("programmes")
      .select("id")
      .where("id", "=", input.programmeId)
      .forUpdate()
      .executeTakeFirst();
    if (!programme) return "no-programme";
    const item = await trx
      .selectFrom("items")
      .select("id")
      .where("programme_id", "=", input.programmeId)
      .where("id", "=", input.itemId)
      .executeTakeFirst();
    if (!item) return "no-item";
    await upsertOverride(trx, input);
    await refreshSummaries(trx, [input.programmeId]);
    await trx
      .updateTable("programmes")
      .set({ updated_at: new Date().toISOString() })
      .where("id", "=", input.programmeId)
      .execute();
    return "saved";
  });
}

async function upsertOverride(trx: Transaction<Database>, input: CategoryOverrideInput): Promise<void> {
  const row = {
    programme_id: input.programmeId,
    item_id: input.itemId,
    category: input.category,
    set_by: input.by,
    set_at: new Date().toISOString(),
  };
  await trx
    .insertInto("category_overrides")
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(["programme_id", "item_id"]).doUpdateSet({
        category: row.category,
        set_by: row.set_by,
        set_at: row.set_at,
      }),
    )
    .execute();
}
