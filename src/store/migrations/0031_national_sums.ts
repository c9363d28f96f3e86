import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * The national view's money, precomputed: per published programme (as of its latest version), year
 * and category, with the community's code. Refreshed with the programme's summaries and on every status
 * change, so that the national request reads one index range by year instead of aggregating the
 * summaries of every published programme.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("national_sums")
    .ifNotExists()
    .addColumn("year", "integer", (col) => col.notNull())
    .addColumn("katottg", "text", (col) => col.notNull())
    .addColumn("category", "text", (col) => col.notNull())
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("amount_kopecks", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("national_sums_pkey", ["year", "katottg", "category", "programme_id"])
    .execute();
  await db.schema
    .createIndex("national_sums_programme_idx")
    .ifNotExists()
    .on("national_sums")
    .column("programme_id")
    .execute();
  await sql`
    insert into national_sums (year, katottg, category, programme_id, version, amount_kopecks)
    select s.year, p.katottg, s.category, p.id,
      (select max(v.version) from programme_versions v where v.programme_id = p.id), sum(s.amount_kopecks)
    from programme_summaries s join programmes p on p.id = s.programme_id
    where p.status = 'published' and s.year is not null
    group by s.year, p.katottg, s.category, p.id`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("national_sums").ifExists().execute();
}
