/**
 * The database the store and API tests run against: PGlite in memory by default, a real PostgreSQL
 * when DATABASE_URL is set. On PostgreSQL each call gets a fresh schema (through search_path in the
 * connection string), dropped afterwards, so runs are repeatable and test files do not collide.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Store, type StoreOptions } from "../../src/store/index.js";

export interface TestDatabase {
  backend: "pglite" | "postgres";
  options: StoreOptions;
  drop(): Promise<void>;
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

async function postgresDatabase(url: string): Promise<TestDatabase> {
  const schema = `test_${randomUUID().replace(/-/g, "")}`;
  await withClient(url, (client) => client.query(`create schema ${schema}`));
  const withPath = new URL(url);
  withPath.searchParams.set("options", `-c search_path=${schema}`);
  return {
    backend: "postgres",
    options: { databaseUrl: withPath.toString() },
    drop: async () => {
      await withClient(url, (client) => client.query(`drop schema ${schema} cascade`));
    },
  };
}

/** `persistent`: for PGlite, a temporary folder instead of memory, so a test can reopen it. */
export async function testDatabase(persistent = false): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return postgresDatabase(url);
  if (!persistent) return { backend: "pglite", options: { dataDir: ":memory:" }, drop: async () => {} };
  const dataDir = await mkdtemp(path.join(tmpdir(), "infoprog-pglite-"));
  return {
    backend: "pglite",
    options: { dataDir },
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
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
