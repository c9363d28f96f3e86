import { sql } from "kysely";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openTestStore } from "../support/db.js";

describe.runIf(process.env.DATABASE_URL)("the PostgreSQL pool", () => {
  it("outlives an idle connection cut by the server and reconnects on the next query", async () => {
    const { store, dispose } = await openTestStore();
    try {
      const db = store.kysely();
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query("select pg_terminate_backend($1)", [rows[0]?.pid]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows[0]?.one).toBe(1);
    } finally {
      await dispose();
    }
  });
});
