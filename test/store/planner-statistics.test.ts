/**
 * The embedded database has no autovacuum: opening a PGlite folder gathers the planner's statistics,
 * so that paged lists read their index in order (see report-list-plan.test.ts) in a real data folder too.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";

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
