import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/**
 * Reminders the programme head sends by hand (kind `manual`, with who sent them). The scheduled ones
 * stay once per programme, period, unit, kind, channel and recipient; a head may remind again, so the
 * unique key leaves manual reminders out (the store allows one per unit and period a day).
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`alter table reminders drop constraint reminders_kind_check`.execute(db);
  await sql`alter table reminders add constraint reminders_kind_check
    check (kind in ('before', 'after', 'manual'))`.execute(db);
  await sql`alter table reminders drop constraint reminders_once`.execute(db);
  await sql`create unique index reminders_once on reminders
    (programme_id, period_key, org_unit_id, kind, channel, "to") where kind <> 'manual'`.execute(db);
  await db.schema
    .alterTable("reminders")
    .addColumn("sent_by", "integer", (col) => col.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .createIndex("reminders_unit_period")
    .on("reminders")
    .columns(["programme_id", "period_key", "org_unit_id", "sent_at"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("reminders_unit_period").execute();
  await db.schema.alterTable("reminders").dropColumn("sent_by").execute();
  await sql`delete from reminders where kind = 'manual'`.execute(db);
  await sql`drop index reminders_once`.execute(db);
  await sql`alter table reminders add constraint reminders_once
    unique (programme_id, period_key, org_unit_id, kind, channel, "to")`.execute(db);
  await sql`alter table reminders drop constraint reminders_kind_check`.execute(db);
  await sql`alter table reminders add constraint reminders_kind_check
    check (kind in ('before', 'after'))`.execute(db);
}
