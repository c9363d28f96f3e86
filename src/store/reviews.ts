/**
 * The head's side of reporting (migration 0013):
 * - returning a submitted executor report with a remark: it becomes a draft again, the remark stays
 *   on it, the executor corrects and resubmits;
 * - submitting the programme's two annual reports for a year: who and when, and the files frozen as
 *   they were at submission (later executor reports do not change a submitted report).
 * Each change checks and writes in one transaction, with its audit entry.
 */
import { type Actor, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { ReportConflict } from "./monitoring.js";

const db = (store: Store) => monitoringDb(store);
const iso = (value: Date | string) => new Date(value).toISOString();

/** Sends a submitted report back to its executor with a remark; it is a draft again. */
export function returnReport(
  store: Store,
  programmeId: number,
  id: string,
  remark: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<void> {
  return db(store)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("executor_reports")
        .select(["submitted_at", "locked_at", "return_remark"])
        .where("id", "=", id)
        .where("programme_id", "=", programmeId)
        .forUpdate()
        .executeTakeFirst();
      if (!before) throw new ReportConflict("not-found", "Звіт не знайдено");
      if (before.submitted_at === null) {
        throw new ReportConflict("not-locked", "Повернути можна лише поданий звіт");
      }
      const at = now.toISOString();
      await trx
        .updateTable("executor_reports")
        .set({
          submitted_at: null,
          locked_at: null,
          returned_at: at,
          returned_by: actor?.userId ?? null,
          return_remark: remark,
        })
        .where("id", "=", id)
        .execute();
      await writeAudit(trx, actor, {
        action: "return",
        entity: "executor_report",
        entityId: id,
        before: { submittedAt: iso(before.submitted_at) },
        after: { returnedAt: at, remark },
      });
    });
}

export interface AnnualSubmission {
  year: number;
  submittedAt: string;
  submittedBy: string | null;
}

export async function annualSubmissions(store: Store, programmeId: number): Promise<AnnualSubmission[]> {
  const rows = await db(store)
    .selectFrom("annual_submissions as s")
    .leftJoin("users as u", "u.id", "s.submitted_by")
    .select(["s.year", "s.submitted_at", "u.display_name"])
    .where("s.programme_id", "=", programmeId)
    .orderBy("s.year")
    .execute();
  return rows.map((row) => ({
    year: row.year,
    submittedAt: iso(row.submitted_at),
    submittedBy: row.display_name,
  }));
}

/** Freezes the year's annual reports with their files; a second submission is refused. */
export function submitAnnual(
  store: Store,
  programmeId: number,
  year: number,
  files: Record<string, Uint8Array>,
  actor: Actor,
  now: Date = new Date(),
): Promise<void> {
  return db(store)
    .transaction()
    .execute(async (trx) => {
      await trx.selectFrom("programmes").select("id").where("id", "=", programmeId).forUpdate().execute();
      const known = await trx
        .selectFrom("annual_submissions")
        .select("year")
        .where("programme_id", "=", programmeId)
        .where("year", "=", year)
        .executeTakeFirst();
      if (known) throw new ReportConflict("locked", `Звіти за ${year} рік уже подано`);
      await trx
        .insertInto("annual_submissions")
        .values({
          programme_id: programmeId,
          year,
          submitted_by: actor?.userId ?? null,
          submitted_at: now.toISOString(),
        })
        .execute();
      const rows = Object.entries(files).map(([form, body]) => ({
        programme_id: programmeId,
        year,
        form,
        body,
      }));
      if (rows.length > 0) await trx.insertInto("annual_submission_files").values(rows).execute();
      await writeAudit(trx, actor, {
        action: "annual_submit",
        entity: "programme",
        entityId: programmeId,
        after: { year, forms: Object.keys(files) },
      });
    });
}

/** A file of submitted annual reports as frozen at submission; undefined when not submitted. */
export async function frozenAnnualFile(
  store: Store,
  programmeId: number,
  year: number,
  form: string,
): Promise<Uint8Array | undefined> {
  const row = await db(store)
    .selectFrom("annual_submission_files")
    .select("body")
    .where("programme_id", "=", programmeId)
    .where("year", "=", year)
    .where("form", "=", form)
    .executeTakeFirst();
  return row ? new Uint8Array(row.body) : undefined;
}
