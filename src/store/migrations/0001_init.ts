import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("communities")
    .addColumn("katottg", "text", (col) => col.primaryKey())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("oblast", "text")
    .addColumn("population", "integer")
    .execute();

  await db.schema
    .createTable("programmes")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("katottg", "text", (col) => col.notNull().references("communities.katottg"))
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("period_from", "integer", (col) => col.notNull())
    .addColumn("period_to", "integer", (col) => col.notNull())
    .addColumn("status", "text", (col) =>
      col.notNull().defaultTo("draft").check(sql`status in ('draft', 'agreed', 'adopted', 'published')`),
    )
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("programmes_community_period_unique", ["katottg", "period_from", "period_to"])
    .execute();
  await db.schema.createIndex("programmes_status_idx").on("programmes").column("status").execute();
  await db.schema
    .createIndex("programmes_period_idx")
    .on("programmes")
    .columns(["period_from", "period_to"])
    .execute();

  await db.schema
    .createTable("programme_versions")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("source_name", "text", (col) => col.notNull())
    .addColumn("source_sha256", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull().check(sql`kind in ('import', 'edit')`))
    .addColumn("note", "text")
    .addColumn("document", "jsonb", (col) => col.notNull())
    .addColumn("findings", "jsonb", (col) => col.notNull())
    .addColumn("error_count", "integer", (col) => col.notNull())
    .addColumn("warning_count", "integer", (col) => col.notNull())
    .addUniqueConstraint("programme_versions_unique", ["programme_id", "version"])
    .execute();

  await db.schema
    .createTable("directions")
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("number", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addPrimaryKeyConstraint("directions_pk", ["programme_id", "position"])
    .execute();

  await db.schema
    .createTable("items")
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("id", "text", (col) => col.notNull())
    .addColumn("parent_id", "text")
    .addColumn("direction_position", "integer", (col) => col.notNull())
    .addColumn("number", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("executors", sql`text[]`, (col) => col.notNull())
    .addColumn("deadline", "jsonb")
    .addColumn("expected_result", "text", (col) => col.notNull())
    .addColumn("depth", "integer", (col) => col.notNull())
    .addColumn("position", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("items_pk", ["programme_id", "id"])
    .execute();

  await db.schema
    .createTable("funding_rows")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("item_id", "text")
    .addColumn("direction", "text")
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("label", "text", (col) => col.notNull())
    .addColumn("year", "integer")
    .addColumn("amount_kopecks", "bigint", (col) => col.notNull())
    .addForeignKeyConstraint(
      "funding_rows_item_fk",
      ["programme_id", "item_id"],
      "items",
      ["programme_id", "id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();
  await db.schema
    .createIndex("funding_rows_programme_idx")
    .on("funding_rows")
    .columns(["programme_id", "year"])
    .execute();

  await db.schema
    .createTable("indicators")
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("position", "integer", (col) => col.notNull())
    .addColumn("number", "text", (col) => col.notNull())
    .addColumn("direction", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("unit", "text", (col) => col.notNull())
    .addColumn("baseline", "text", (col) => col.notNull())
    .addColumn("targets", "jsonb", (col) => col.notNull())
    .addPrimaryKeyConstraint("indicators_pk", ["programme_id", "position"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "indicators",
    "funding_rows",
    "items",
    "directions",
    "programme_versions",
    "programmes",
    "communities",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
