import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * What a category correction was made on — the item's number and title at the time — so that a new
 * version, whose positional item ids may have shifted, can put it back on the same project. Existing
 * corrections take the identity of the item that has their id now; one whose item is gone stays null.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("category_overrides")
    .addColumn("item_number", "text")
    .addColumn("item_title", "text")
    .execute();
  await sql`
    update category_overrides o set item_number = i.number, item_title = i.title
    from items i where i.programme_id = o.programme_id and i.id = o.item_id`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("category_overrides")
    .dropColumn("item_title")
    .dropColumn("item_number")
    .execute();
}
