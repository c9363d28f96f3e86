import { type Kysely, sql } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving Database type.
type AnyDb = Kysely<any>;

/** The tables whose writes change what the public API answers (src/store/changes.ts listens). */
const WATCHED = [
  "programmes",
  "communities",
  "programme_summaries",
  "category_overrides",
  "executor_reports",
];

/**
 * A NOTIFY on every statement that writes published data, so that every server process drops what it
 * derived from the data at once, however many processes share the database. PostgreSQL sends it at
 * commit and folds repeats within a transaction into one.
 */
export async function up(db: AnyDb): Promise<void> {
  await sql`create or replace function infoprog_notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('infoprog_change', '');
      return null;
    end $$`.execute(db);
  for (const table of WATCHED) {
    await sql`create trigger ${sql.raw(`${table}_notify_change`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function infoprog_notify_change()`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of WATCHED) {
    await sql`drop trigger if exists ${sql.raw(`${table}_notify_change`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists infoprog_notify_change()`.execute(db);
}
