import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

const now = sql`now()`;

async function createPeople(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("org_units")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("katottg", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addUniqueConstraint("org_units_unique", ["katottg", "name"])
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("login", "text", (col) => col.notNull().unique())
    .addColumn("password_hash", "text", (col) => col.notNull())
    .addColumn("display_name", "text", (col) => col.notNull())
    .addColumn("email", "text")
    .addColumn("role", "text", (col) =>
      col.notNull().check(sql`role in ('admin', 'head', 'executor', 'controller')`),
    )
    .addColumn("org_unit_id", "integer", (col) => col.references("org_units.id"))
    .addColumn("katottg", "text")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("users_executor_unit", sql`role <> 'executor' or org_unit_id is not null`)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("user_id", "integer", (col) => col.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (col) => col.primaryKey())
    .addColumn("at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("user_id", "integer", (col) => col.references("users.id"))
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("entity", "text", (col) => col.notNull())
    .addColumn("entity_id", "text", (col) => col.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .execute();
  await db.schema
    .createIndex("audit_log_entity_idx")
    .on("audit_log")
    .columns(["entity", "entity_id"])
    .execute();
}

async function createReporting(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("reporting_settings")
    .addColumn("programme_id", "integer", (col) =>
      col.primaryKey().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("cadence", "text", (col) => col.notNull().check(sql`cadence in ('half-year', 'quarter')`))
    .execute();

  await db.schema
    .createTable("item_units")
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("item_id", "text", (col) => col.notNull())
    .addColumn("org_unit_id", "integer", (col) => col.notNull().references("org_units.id"))
    .addPrimaryKeyConstraint("item_units_pk", ["programme_id", "item_id", "org_unit_id"])
    .execute();

  await db.schema
    .createTable("executor_reports")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("item_id", "text", (col) => col.notNull())
    .addColumn("period_key", "text", (col) => col.notNull())
    .addColumn("org_unit_id", "integer", (col) => col.notNull().references("org_units.id"))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("progress_percent", "real")
    .addColumn("actual", "jsonb", (col) => col.notNull())
    .addColumn("text", "text", (col) => col.notNull())
    .addColumn("attachments", "jsonb", (col) => col.notNull())
    .addColumn("indicator_actuals", "jsonb", (col) => col.notNull())
    .addColumn("created_by", "integer", (col) => col.references("users.id"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("locked_at", "timestamptz")
    .addColumn("correction_of", "text", (col) => col.references("executor_reports.id"))
    .addColumn("idempotency_key", "text", (col) => col.unique())
    .execute();
  await db.schema
    .createIndex("executor_reports_programme_idx")
    .on("executor_reports")
    .columns(["programme_id", "period_key"])
    .execute();

  await db.schema
    .createTable("reminders")
    .addColumn("id", "serial", (col) => col.primaryKey())
    .addColumn("programme_id", "integer", (col) =>
      col.notNull().references("programmes.id").onDelete("cascade"),
    )
    .addColumn("period_key", "text", (col) => col.notNull())
    .addColumn("org_unit_id", "integer", (col) => col.notNull().references("org_units.id"))
    .addColumn("kind", "text", (col) => col.notNull().check(sql`kind in ('before', 'after')`))
    .addColumn("channel", "text", (col) => col.notNull().check(sql`channel in ('email', 'app')`))
    .addColumn("to", "text", (col) => col.notNull())
    .addColumn("user_id", "integer", (col) => col.references("users.id").onDelete("cascade"))
    .addColumn("sent_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint("reminders_once", [
      "programme_id",
      "period_key",
      "org_unit_id",
      "kind",
      "channel",
      "to",
    ])
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await createPeople(db);
  await createReporting(db);
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "reminders",
    "executor_reports",
    "item_units",
    "reporting_settings",
    "audit_log",
    "sessions",
    "users",
    "org_units",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
