import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * Open data: the automatic category of every item, staff corrections of it, and money summed per
 * programme × year × source × category, refreshed in the same transaction as every write (a table, not a
 * materialized view: REFRESH MATERIALIZED VIEW recomputes the whole country on every write).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("items").addColumn("category", "text").execute();

  await db.schema
    .createTable("category_overrides")
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("item_id", "text", (col) => col.notNull())
    .addColumn("category", "text", (col) => col.notNull())
    .addColumn("set_by", "text", (col) => col.notNull())
    .addColumn("set_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("category_overrides_pk", ["programme_id", "item_id"])
    .execute();

  // year null: the sum of the rows' printed totals (the whole period).
  await db.schema
    .createTable("programme_summaries")
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("year", "integer")
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("category", "text", (col) => col.notNull())
    .addColumn("amount_kopecks", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("programme_summaries_programme_idx")
    .on("programme_summaries")
    .columns(["programme_id", "year"])
    .execute();
  await db.schema
    .createIndex("programme_summaries_year_category_idx")
    .on("programme_summaries")
    .columns(["year", "category", "source"])
    .execute();

  await db.schema.createIndex("communities_oblast_idx").on("communities").column("oblast").execute();
  await db.schema
    .createIndex("programmes_status_id_idx")
    .on("programmes")
    .columns(["status", "id"])
    .execute();
  await db.schema.createIndex("programmes_katottg_idx").on("programmes").column("katottg").execute();
  await db.schema
    .createIndex("items_category_idx")
    .on("items")
    .columns(["category", "programme_id"])
    .execute();
  await db.schema
    .createIndex("funding_rows_source_year_idx")
    .on("funding_rows")
    .columns(["source", "year"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of [
    "funding_rows_source_year_idx",
    "items_category_idx",
    "programmes_katottg_idx",
    "programmes_status_id_idx",
    "communities_oblast_idx",
  ]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  await db.schema.dropTable("programme_summaries").ifExists().execute();
  await db.schema.dropTable("category_overrides").ifExists().execute();
  await db.schema.alterTable("items").dropColumn("category").execute();
}
