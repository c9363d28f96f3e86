/**
 * One submitted original report per project, period and unit: the check runs in the submit
 * transaction, and the unique partial index of migration 0009 stops two concurrent submissions the
 * check cannot see. Runs on PGlite, and on PostgreSQL (real concurrency) with DATABASE_URL.
 */
import { sql } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { monitoringDb } from "../../src/store/audit.js";
import type { Store } from "../../src/store/index.js";
import {
  correctReport,
  createDraft,
  type NewReport,
  ReportConflict,
  submitReport,
} from "../../src/store/monitoring.js";
import { ensureOrgUnit } from "../../src/store/users.js";
import { openTestStore } from "../support/db.js";

let store: Store;
let dispose: () => Promise<void>;
let programmeId: number;
let report: NewReport;

beforeEach(async () => {
  ({ store, dispose } = await openTestStore());
  const programme = demoProgramme();
  ({ programmeId } = await store.saveImport({ programme, findings: [] }, { name: "demo", sha256: "" }));
  const leaf = allItems(programme).find((item) => item.children.length === 0);
  const unit = await ensureOrgUnit(store, programme.community.katottg ?? "", "Відділ цифрового розвитку");
  report = {
    itemId: leaf?.id ?? "",
    periodKey: `${programme.period.from}-H1`,
    orgUnitId: unit.id,
    status: "in-progress",
    actual: [],
    text: "Виконано частково",
    attachments: [],
    indicatorActuals: [],
  };
});

afterEach(() => dispose());

async function draft(text: string): Promise<string> {
  return (await createDraft(store, programmeId, { ...report, text }, null)).report.id;
}

function submittedOriginals() {
  return monitoringDb(store)
    .selectFrom("executor_reports")
    .select("id")
    .where("submitted_at", "is not", null)
    .where("correction_of", "is", null)
    .execute();
}

describe("submitting an executor report", () => {
  it("lets only one of two drafts for the same project, period and unit be submitted, even at once", async () => {
    const first = await draft("перша чернетка");
    const second = await draft("друга чернетка");
    const results = await Promise.allSettled([
      submitReport(store, programmeId, first, null),
      submitReport(store, programmeId, second, null),
    ]);
    const landed = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ReportConflict);
    expect(refused[0]).toMatchObject({ reason: "locked", message: expect.stringMatching(/уже подано/) });
    expect(await submittedOriginals()).toHaveLength(1);
  });

  it("refuses a second draft submitted after the first, and still takes corrections", async () => {
    const first = await draft("перша чернетка");
    const second = await draft("друга чернетка");
    await submitReport(store, programmeId, first, null);
    await expect(submitReport(store, programmeId, second, null)).rejects.toMatchObject({ reason: "locked" });
    const { created } = await correctReport(
      store,
      programmeId,
      first,
      { ...report, text: "виправлено" },
      null,
    );
    expect(created).toBe(true);
    expect(await submittedOriginals()).toHaveLength(1);
  });

  it("the database itself refuses a second submitted original that bypasses the check", async () => {
    const first = await draft("перша чернетка");
    const second = await draft("друга чернетка");
    await submitReport(store, programmeId, first, null);
    const db = monitoringDb(store);
    const bypass = db
      .updateTable("executor_reports")
      .set({ submitted_at: new Date().toISOString(), locked_at: new Date().toISOString() })
      .where("id", "=", second)
      .execute();
    await expect(bypass).rejects.toMatchObject({ code: "23505" });
  });

  it("migration 0009 turns duplicates already stored into corrections of the first, losing none", async () => {
    const db = monitoringDb(store);
    await sql`drop index executor_reports_one_submitted_original`.execute(db);
    await db
      .deleteFrom("kysely_migration" as never)
      .where("name" as never, "=", "0009_one_submitted_original" as never)
      .execute();
    const ids = [await draft("перша"), await draft("друга"), await draft("третя")];
    for (const [index, id] of ids.entries()) {
      const at = new Date(Date.UTC(2026, 6, 1 + index)).toISOString();
      await db
        .updateTable("executor_reports")
        .set({ submitted_at: at, locked_at: at })
        .where("id", "=", id)
        .execute();
    }
    expect(await store.migrate()).toEqual(["0009_one_submitted_original"]);
    const rows = await db
      .selectFrom("executor_reports")
      .select(["id", "correction_of"])
      .orderBy("submitted_at")
      .execute();
    expect(rows).toEqual([
      { id: ids[0], correction_of: null },
      { id: ids[1], correction_of: ids[0] },
      { id: ids[2], correction_of: ids[0] },
    ]);
  });
});
