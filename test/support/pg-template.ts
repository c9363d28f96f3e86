/**
 * Vitest global set-up for runs on PostgreSQL (DATABASE_URL): one migrated template database per run,
 * which every test database copies (CREATE DATABASE … TEMPLATE, see db.ts) instead of migrating
 * itself; dropped at the end with any test database a crashed worker left behind. Without
 * DATABASE_URL it does nothing.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { openStore } from "../../src/store/index.js";

/** The template's name, for the test workers (they inherit the environment). */
export const PG_TEMPLATE_ENV = "INFOPROG_TEST_PG_TEMPLATE";
/** How this run's test databases' names begin, so the teardown can find leftovers. */
export const PG_TEST_PREFIX_ENV = "INFOPROG_TEST_PG_PREFIX";

async function adminQuery(url: string, ...statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const statement of statements) results.push(await client.query(statement));
    return results;
  } finally {
    await client.end();
  }
}

/** The same server and credentials, another database. */
export function urlOfDatabase(url: string, database: string): string {
  const other = new URL(url);
  other.pathname = `/${database}`;
  return other.toString();
}

export async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const base = new URL(url).pathname.slice(1);
  const run = randomUUID().replace(/-/g, "").slice(0, 8);
  const template = `${base}_tpl_${run}`;
  const prefix = `${base}_t${run}_`;
  await adminQuery(url, `create database ${template}`);
  await (await openStore({ databaseUrl: urlOfDatabase(url, template) })).close();
  // Nobody connects to it again (not even autovacuum), so copying it never waits.
  await adminQuery(url, `alter database ${template} allow_connections false`);
  process.env[PG_TEMPLATE_ENV] = template;
  process.env[PG_TEST_PREFIX_ENV] = prefix;
  return async () => {
    const [left] = await adminQuery(
      url,
      `select datname from pg_database where starts_with(datname, '${prefix}') or datname = '${template}'`,
    );
    const names = (left?.rows ?? []).map((row: { datname: string }) => row.datname);
    await adminQuery(url, ...names.map((name) => `drop database if exists ${name} with (force)`));
  };
}
