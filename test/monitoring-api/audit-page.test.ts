/**
 * The programme's audit log pages in SQL: every page at most `limit` entries, oldest first, and walking
 * the `next` cursors yields each of the programme's entries (its own and its reports') exactly once,
 * none of another programme's.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { AuditPage } from "../../src/contract/audit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { monitoringDb, writeAudit } from "../../src/store/audit.js";
import type { Store } from "../../src/store/index.js";
import { fileReport } from "../opendata/support.js";
import { openTestStore } from "../support/db.js";
import { type Client, userClient } from "./support.js";

describe("GET /api/programmes/:id/audit", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client;
  let mine = 0;
  let expected: number[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const programme = demoProgramme();
    mine = (await store.saveImport({ programme, findings: [] }, { name: "a", sha256: "a" })).programmeId;
    const other = demoProgramme();
    other.community = { name: "Інша громада", katottg: "UA99000000000000002" };
    const theirs = (await store.saveImport({ programme: other, findings: [] }, { name: "b", sha256: "b" }))
      .programmeId;
    await fileReport(
      store,
      { community: programme.community, programme },
      {
        leaf: 0,
        unit: "Відділ цифрового розвитку",
        amount: 100_00,
        text: "Звіт",
      },
    );
    await fileReport(
      store,
      { community: other.community, programme: other },
      {
        leaf: 1,
        unit: "ЦНАП",
        amount: 200_00,
        text: "Звіт іншої громади",
      },
    );
    const db = monitoringDb(store);
    for (let index = 0; index < 20; index++) {
      await writeAudit(db, null, { action: "update", entity: "programme", entityId: mine, after: { index } });
      await writeAudit(db, null, {
        action: "update",
        entity: "programme",
        entityId: theirs,
        after: { index },
      });
      await writeAudit(db, null, { action: "login", entity: "user", entityId: index });
    }
    const reports = await db
      .selectFrom("executor_reports")
      .select("id")
      .where("programme_id", "=", mine)
      .execute();
    const rows = await db
      .selectFrom("audit_log")
      .select(["id", "entity", "entity_id"])
      .orderBy("id")
      .execute();
    expected = rows
      .filter(
        (row) =>
          (row.entity === "programme" && row.entity_id === String(mine)) ||
          (row.entity === "executor_report" && reports.some((report) => report.id === row.entity_id)),
      )
      .map((row) => Number(row.id));
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
    admin = await userClient(app, store, "admin", "admin");
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("walks every entry of the programme once, in order, a page of at most `limit` at a time", async () => {
    expect(expected.length).toBeGreaterThan(20);
    const seen: number[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = after === null ? "" : `&after=${after}`;
      const response = await admin.inject(`/api/programmes/${mine}/audit?limit=7${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as AuditPage;
      expect(page.data.length).toBeLessThanOrEqual(7);
      seen.push(...page.data.map((entry) => entry.id));
      after = page.next;
      pages++;
    } while (after !== null && pages < 100);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 7));
  });

  it("gives the first page by default and refuses a cursor that is not one", async () => {
    const first = (await admin.inject(`/api/programmes/${mine}/audit`)).json() as AuditPage;
    expect(first.data.map((entry) => entry.id)).toEqual(expected.slice(0, 100));
    expect((await admin.inject(`/api/programmes/${mine}/audit?after=abc`)).statusCode).toBe(400);
    expect((await admin.inject(`/api/programmes/${mine}/audit?limit=0`)).statusCode).toBe(400);
  });
});
