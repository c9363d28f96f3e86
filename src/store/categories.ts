import type { Kysely, Transaction } from "kysely";
import {
  type CategoryId,
  type ItemIdentity,
  type Reattachment,
  reattachOverrides,
} from "../domain/classify/index.js";
import { allItems, type Programme } from "../domain/model.js";
import { type Actor, writeAudit } from "./audit.js";
import type { Database } from "./schema.js";
import { refreshSummaries } from "./summaries.js";

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
      .select(["id", "number", "title"])
      .where("programme_id", "=", input.programmeId)
      .where("id", "=", input.itemId)
      .executeTakeFirst();
    if (!item) return "no-item";
    await upsertOverride(trx, input, item);
    await refreshSummaries(trx, [input.programmeId]);
    await trx
      .updateTable("programmes")
      .set({ updated_at: new Date().toISOString() })
      .where("id", "=", input.programmeId)
      .execute();
    return "saved";
  });
}

async function upsertOverride(
  trx: Transaction<Database>,
  input: CategoryOverrideInput,
  item: ItemIdentity,
): Promise<void> {
  const row = {
    programme_id: input.programmeId,
    item_id: input.itemId,
    category: input.category,
    set_by: input.by,
    set_at: new Date().toISOString(),
    item_number: item.number,
    item_title: item.title,
  };
  await trx
    .insertInto("category_overrides")
    .values(row)
    .onConflict((conflict) =>
      conflict.columns(["programme_id", "item_id"]).doUpdateSet({
        category: row.category,
        set_by: row.set_by,
        set_at: row.set_at,
        item_number: row.item_number,
        item_title: row.item_title,
      }),
    )
    .execute();
}

interface StoredOverride {
  itemId: string;
  itemNumber: string | null;
  itemTitle: string | null;
  category: string;
  setBy: string;
  setAt: Date;
}

/**
 * Puts the programme's category corrections on the items of the version being written (see
 * `reattachOverrides`): call in the writing transaction before the normalized rows are replaced, since the
 * old items are read from them. A dropped correction is deleted and written to the audit log. True when
 * a correction moved or was dropped.
 */
export async function reattachCategoryOverrides(
  trx: Transaction<Database>,
  programmeId: number,
  programme: Programme,
  context: { actor: Actor; version: number },
): Promise<boolean> {
  const overrides = await storedOverrides(trx, programmeId);
  if (overrides.length === 0) return false;
  const oldItems = await trx
    .selectFrom("items")
    .select(["id", "number", "title"])
    .where("programme_id", "=", programmeId)
    .execute();
  const decisions = reattachOverrides(oldItems, allItems(programme), overrides);
  if (decisions.every(unchanged)) return false;
  await trx.deleteFrom("category_overrides").where("programme_id", "=", programmeId).execute();
  for (const decision of decisions) {
    if (decision.outcome === "dropped") await auditDropped(trx, programmeId, decision, context);
    else await insertMoved(trx, programmeId, decision.override, decision.item);
  }
  return true;
}

function storedOverrides(trx: Transaction<Database>, programmeId: number): Promise<StoredOverride[]> {
  return trx
    .selectFrom("category_overrides")
    .select([
      "item_id as itemId",
      "item_number as itemNumber",
      "item_title as itemTitle",
      "category",
      "set_by as setBy",
      "set_at as setAt",
    ])
    .where("programme_id", "=", programmeId)
    .orderBy("item_id")
    .execute();
}

function unchanged(decision: Reattachment<StoredOverride>): boolean {
  const { override } = decision;
  return (
    decision.outcome === "kept" &&
    override.itemNumber === decision.item.number &&
    override.itemTitle === decision.item.title
  );
}

/** The correction on its item of the new version, with that item's number and title as its identity. */
async function insertMoved(
  trx: Transaction<Database>,
  programmeId: number,
  override: StoredOverride,
  item: ItemIdentity,
): Promise<void> {
  await trx
    .insertInto("category_overrides")
    .values({
      programme_id: programmeId,
      item_id: item.id,
      category: override.category,
      set_by: override.setBy,
      set_at: new Date(override.setAt).toISOString(),
      item_number: item.number,
      item_title: item.title,
    })
    .execute();
}

async function auditDropped(
  trx: Transaction<Database>,
  programmeId: number,
  decision: Reattachment<StoredOverride> & { outcome: "dropped" },
  context: { actor: Actor; version: number },
): Promise<void> {
  const { override, anchor } = decision;
  await writeAudit(trx, context.actor, {
    action: "category_override_dropped",
    entity: "programme",
    entityId: programmeId,
    before: {
      itemId: override.itemId,
      number: anchor?.number ?? null,
      title: anchor?.title ?? null,
      category: override.category,
      setBy: override.setBy,
      setAt: new Date(override.setAt).toISOString(),
    },
    after: { version: context.version, reason: decision.reason },
  });
}
