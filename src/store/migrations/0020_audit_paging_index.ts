import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * The audit route pages a programme's entries by id: with `id` after (entity, entity_id) the index
 * hands them over in order, so a page reads its own rows, not every entry of the programme. It replaces
 * the (entity, entity_id) index, whose every use it serves.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("audit_log_entity_id_order_idx")
    .ifNotExists()
    .on("audit_log")
    .columns(["entity", "entity_id", "id"])
    .execute();
  await db.schema.dropIndex("audit_log_entity_idx").ifExists().execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("audit_log_entity_idx")
    .ifNotExists()
    .on("audit_log")
    .columns(["entity", "entity_id"])
    .execute();
  await db.schema.dropIndex("audit_log_entity_id_order_idx").ifExists().execute();
}
