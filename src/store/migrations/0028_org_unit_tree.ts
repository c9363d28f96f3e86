import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * Organisational units become a tree with a kind: `kind` (executive body, department, enterprise,
 * institution, starosta district, other) and `parent_id` (a unit of the same community; the store
 * checks the community and refuses cycles). Units already stored get a kind from plain name patterns.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable("org_units")
    .addColumn("kind", "text", (col) =>
      col
        .notNull()
        .defaultTo("other")
        .check(sql`kind in ('executive', 'department', 'enterprise', 'institution', 'starosta', 'other')`),
    )
    .execute();
  await db.schema
    .alterTable("org_units")
    .addColumn("parent_id", "integer", (col) => col.references("org_units.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("org_units")
    .addCheckConstraint("org_units_not_own_parent", sql`parent_id is null or parent_id <> id`)
    .execute();
  await db.schema.createIndex("org_units_parent").on("org_units").column("parent_id").execute();
  await sql`
    update org_units set kind = case
      when lower(name) like 'кп %' or lower(name) like 'кнп %' or lower(name) like '%підприємств%'
        then 'enterprise'
      when lower(name) like '%старост%' then 'starosta'
      when lower(name) like '%заклад%' or lower(name) like '%установ%' or lower(name) like '%школ%'
        or lower(name) like '%цнап%' or lower(name) like '%центр%' then 'institution'
      when lower(name) like '%відділ%' or lower(name) like '%управлін%' or lower(name) like '%департамент%'
        then 'department'
      when lower(name) like '%виконавчий комітет%' or lower(name) like '%виконком%' then 'executive'
      else 'other'
    end
  `.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("org_units_parent").ifExists().execute();
  await db.schema.alterTable("org_units").dropConstraint("org_units_not_own_parent").execute();
  await db.schema.alterTable("org_units").dropColumn("parent_id").execute();
  await db.schema.alterTable("org_units").dropColumn("kind").execute();
}
