/**
 * Each filter of the report list reads one index range in page order (migration 0025): with scans
 * and sorts priced out, the plan of a page uses the filter's own index and sorts nothing. Without it
 * the planner reads a wider index and filters row by row, which the test refuses.
 */
import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/index.js";
import { type ReportCursor, type ReportFilter, reportPageQuery } from "../../src/store/monitoring.js";
import { openTestStore } from "../support/db.js";

const CURSOR = { id: "00000000-0000-4000-8000-000000000000", createdAt: "2026-06-01 10:00:00.123456+00" };

const CASES: [ReportFilter, string][] = [
  [{}, "executor_reports_list_idx"],
  [{ orgUnitId: 1 }, "executor_reports_list_unit_idx"],
  [{ periodKey: "2026-H1" }, "executor_reports_list_period_idx"],
  [{ orgUnitId: 1, periodKey: "2026-H1" }, "executor_reports_list_unit_period_idx"],
];

describe("report list query plans", () => {
  let store: Store;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterAll(() => dispose());

  async function plan(filter: ReportFilter, after?: ReportCursor): Promise<string> {
    const query = reportPageQuery(store.kysely(), 1, filter, { limit: 50, after }).compile();
    return store
      .kysely()
      .connection()
      .execute(async (db) => {
        for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"]) {
          await sql`select set_config(${setting}, 'off', false)`.execute(db);
        }
        const explained = await db.executeQuery<{ "QUERY PLAN": string }>(
          CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
        );
        await sql`reset all`.execute(db);
        return explained.rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
  }

  it.each(CASES)("pages %o through %s without sorting", async (filter, index) => {
    for (const after of [undefined, CURSOR]) {
      const text = await plan(filter, after);
      expect(text).toContain(index);
      expect(text).not.toMatch(/\bSort\b/);
      // The cursor starts the index range: it is an index condition, not a filter of every row before it.
      if (after) expect(text).toMatch(/Index Cond: .*ROW\(r?\.?created_at, r?\.?id\) >/);
    }
  });
});
