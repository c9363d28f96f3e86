import { type Kysely, type Migration, type MigrationProvider, Migrator } from "kysely";
import * as init from "./0001_init.js";
import * as monitoring from "./0002_monitoring.js";
import * as opendata from "./0003_opendata.js";

/** Every migration, in order. A new one is a new file here, never an edit of an applied one. */
const MIGRATIONS: Record<string, Migration> = {
  "0001_init": init,
  "0002_monitoring": monitoring,
  "0003_opendata": opendata,
};

class InCodeProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Applies pending migrations; returns the names applied now (empty when up to date). */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema.
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeProvider() });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? [])
    .filter((result) => result.status === "Success")
    .map((result) => result.migrationName);
}
