/**
 * The embedded database has no autovacuum: opening a PGlite folder gathers the planner's statistics,
 * so that paged lists read their index in order (see report-list-plan.test.ts) in a real data folder too.
 * The server refreshes them all at its start; another open (the CLI's) only fills in the missing ones,
 * so that a command on a large folder does not pay for ANALYZE of every table.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { openStore, type Store } from "../../src/store/index.js";

const onPglite = !process.env.DATABASE_URL;

it.runIf(onPglite)("a reopened PGlite folder has statistics for its tables", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "infoprog-stats-"));
  try {
    const first = await openStore({ dataDir });
    await first.close();
    const store = await openStore({ dataDir });
    try {
      const { rows } = await sql<{ never: number }>`
        select count(*)::int as never from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.reltuples < 0`.execute(store.kysely());
      expect(rows[0]?.never).toBe(0);
    } finally {
      await store.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

/** What the planner believes the idempotency keys table holds, and whether it is marked as missing. */
async function keysEstimate(store: Store): Promise<number> {
  const { rows } = await sql<{ tuples: number }>`
    select c.reltuples::int as tuples from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relname = 'idempotency_keys'`.execute(store.kysely());
  return rows[0]?.tuples ?? Number.NaN;
}

it.runIf(onPglite)(
  "the CLI's open fills in missing statistics only; the server's start refreshes them",
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "infoprog-stats-"));
    const open = (planStatistics?: "refresh") => openStore({ dataDir, planStatistics });
    try {
      let store = await open();
      // Analysed empty at the first open: 0 rows, not "no statistics".
      expect(await keysEstimate(store)).toBe(0);
      await sql`insert into idempotency_keys (key, request_sha256)
        select 'k' || i, 'x' from generate_series(1, 500) as i`.execute(store.kysely());
      await store.close();

      // Rows in a table analysed empty: its statistics count as missing, and are gathered.
      store = await open();
      expect(await keysEstimate(store)).toBe(500);
      await sql`insert into idempotency_keys (key, request_sha256)
        select 'm' || i, 'x' from generate_series(1, 300) as i`.execute(store.kysely());
      await store.close();

      // Statistics present: the CLI's open leaves them as they are (no ANALYZE) …
      store = await open();
      expect(await keysEstimate(store)).toBe(500);
      await store.close();
      // … and the server's start brings them up to date.
      store = await open("refresh");
      expect(await keysEstimate(store)).toBe(800);
      await store.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  // Four opens of a PGlite folder: tens of seconds on a loaded machine.
  240_000,
);
