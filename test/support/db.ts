/**
 * The database the store and API tests run against: PGlite by default, a real PostgreSQL when
 * DATABASE_URL is set. Each call gets a database of its own, dropped afterwards, so runs are repeatable
 * and test files running side by side never see each other's catalogs (a schema dropped by one file
 * broke another's migrator introspection). A database is a copy of a migrated one (PGlite: a cached
 * dump; PostgreSQL: the run's template database, see pg-template.ts) unless the test asks for an empty
 * one.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { openStore, type Store, type StoreOptions } from "../../src/store/index.js";
import { PG_TEMPLATE_ENV, PG_TEST_PREFIX_ENV, urlOfDatabase } from "./pg-template.js";
import { copyMigratedPglite, migratedPgliteDump } from "./pglite-template.js";

export interface TestDatabase {
  backend: "pglite" | "postgres";
  options: StoreOptions;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** For PGlite, a temporary folder instead of memory, so a test (or a child process) can reopen it. */
  persistent?: boolean;
  /** Nothing in it, not even the migrations: for tests of migrating. */
  empty?: boolean;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const SOURCE_IN_USE = "55006";

/**
 * CREATE DATABASE copies its template only while nobody is connected to it; autovacuum may be, for a
 * moment. PostgreSQL waits five seconds for it before failing; this tries a few more times.
 */
async function createDatabase(client: pg.Client, name: string, template: string | undefined) {
  const from = template ? ` template ${template}` : "";
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`create database ${name}${from}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== SOURCE_IN_USE || attempt === 5) throw error;
    }
  }
}

async function postgresDatabase(url: string, empty: boolean): Promise<TestDatabase> {
  const base = new URL(url).pathname.slice(1);
  const prefix = process.env[PG_TEST_PREFIX_ENV] ?? `${base}_t`;
  const name = `${prefix}${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const template = empty ? undefined : process.env[PG_TEMPLATE_ENV];
  await withClient(url, (client) => createDatabase(client, name, template));
  return {
    backend: "postgres",
    options: { databaseUrl: urlOfDatabase(url, name) },
    drop: async () => {
      await withClient(url, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function pgliteDatabase({ persistent, empty }: TestDatabaseOptions): Promise<TestDatabase> {
  if (!persistent) {
    const options: StoreOptions = { dataDir: ":memory:" };
    if (!empty) options.pgliteDump = await migratedPgliteDump();
    return { backend: "pglite", options, drop: async () => {} };
  }
  const folder = await mkdtemp(path.join(tmpdir(), "infoprog-pglite-"));
  const dataDir = path.join(folder, "pglite");
  if (!empty) await copyMigratedPglite(dataDir);
  return {
    backend: "pglite",
    options: { dataDir },
    drop: () => rm(folder, { recursive: true, force: true }),
  };
}

export async function testDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return postgresDatabase(url, options.empty ?? false);
  return pgliteDatabase(options);
}

/** A migrated, empty store and the way to dispose of it. */
export async function openTestStore(): Promise<{ store: Store; dispose(): Promise<void> }> {
  const database = await testDatabase();
  const store = await openStore(database.options);
  return {
    store,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** A migrated store holding the demo programme (imported as version 1), and the way to dispose of it. */
export async function openDemoStore(): Promise<{
  store: Store;
  programmeId: number;
  dispose(): Promise<void>;
}> {
  const { store, dispose } = await openTestStore();
  const source = { name: "a", sha256: "a" };
  const { programmeId } = await store.saveImport({ programme: demoProgramme(), findings: [] }, source);
  return { store, programmeId, dispose };
}
