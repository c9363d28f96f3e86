import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * Agreement with the Ministry: a reviewer role (bound to no community; `review_oblast` null for the
 * Ministry, `UA05` for an oblast administration), the programme's agreement state, every transition
 * with its actor, version and document, and the remarks with the community's answers.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`alter table users drop constraint if exists users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check
    check (role in ('admin', 'head', 'executor', 'controller', 'reviewer'))`.execute(db);
  await db.schema.alterTable("users").addColumn("review_oblast", "text").execute();
  await db.schema
    .alterTable("programmes")
    .addColumn("agreement_state", "text", (col) => col.notNull().defaultTo("draft"))
    .execute();
  await sql`alter table programmes add constraint programmes_agreement_state_check check (agreement_state in
    ('draft', 'submitted', 'remarks', 'resubmitted', 'agreed', 'approved', 'in-force', 'amendment-draft'))`.execute(
    db,
  );
  await db.schema
    .createTable("agreement_events")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("from_state", "text", (col) => col.notNull())
    .addColumn("to_state", "text", (col) => col.notNull())
    .addColumn("user_id", "integer", (col) => col.references("users.id"))
    .addColumn("at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("document", "jsonb")
    .execute();
  await db.schema
    .createIndex("agreement_events_programme_idx")
    .on("agreement_events")
    .columns(["programme_id", "id"])
    .execute();
  await db.schema
    .createTable("agreement_remarks")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("version", "integer", (col) => col.notNull())
    .addColumn("ref", "text", (col) => col.notNull())
    .addColumn("quote", "text")
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("user_id", "integer", (col) => col.references("users.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn("returned_in", "integer", (col) => col.references("agreement_events.id"))
    .addColumn("answer_kind", "text", (col) => col.check(sql`answer_kind in ('changed', 'explained')`))
    .addColumn("answer_text", "text")
    .addColumn("answered_version", "integer")
    .addColumn("answered_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("agreement_remarks_programme_idx")
    .on("agreement_remarks")
    .columns(["programme_id", "id"])
    .execute();
  await db.schema
    .createIndex("programmes_agreement_queue_idx")
    .on("programmes")
    .columns(["agreement_state", "updated_at", "id"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("programmes_agreement_queue_idx").ifExists().execute();
  await db.schema.dropTable("agreement_remarks").ifExists().execute();
  await db.schema.dropTable("agreement_events").ifExists().execute();
  await sql`alter table programmes drop constraint if exists programmes_agreement_state_check`.execute(db);
  await db.schema.alterTable("programmes").dropColumn("agreement_state").execute();
  await db.schema.alterTable("users").dropColumn("review_oblast").execute();
  await sql`alter table users drop constraint if exists users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check
    check (role in ('admin', 'head', 'executor', 'controller'))`.execute(db);
}
