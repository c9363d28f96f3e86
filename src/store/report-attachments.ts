/**
 * Files attached to executor reports (migration 0026): kept in the database with their report, added
 * and removed only while the report is a draft (as the report itself), read by whoever may read the
 * report. Each write locks the report row first, so a submission and an upload do not cross.
 */
import { randomUUID } from "node:crypto";
import { type Actor, type MonitoringTrx, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { sha256 } from "./index.js";
import { ReportConflict } from "./monitoring.js";

export interface AttachmentInfo {
  id: string;
  reportId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface AttachmentFile extends AttachmentInfo {
  body: Uint8Array;
}

export interface NewAttachment {
  name: string;
  contentType: string;
  body: Uint8Array;
}

/** Files on one report at most: a report is a few documents, not an archive. */
export const MAX_ATTACHMENTS_PER_REPORT = 20;

const INFO_COLUMNS = ["id", "report_id", "name", "content_type", "size", "sha256", "created_at"] as const;

type InfoRow = {
  id: string;
  report_id: string;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: Date | string;
};

function toInfo(row: InfoRow): AttachmentInfo {
  return {
    id: row.id,
    reportId: row.report_id,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The report, locked; refused when it is not this programme's or no longer a draft. */
async function lockDraft(trx: MonitoringTrx, programmeId: number, reportId: string): Promise<void> {
  const report = await trx
    .selectFrom("executor_reports")
    .select(["submitted_at"])
    .where("id", "=", reportId)
    .where("programme_id", "=", programmeId)
    .forUpdate()
    .executeTakeFirst();
  if (!report) throw new ReportConflict("not-found", "Звіт не знайдено");
  if (report.submitted_at !== null) {
    throw new ReportConflict("locked", "Звіт подано: файли поданого звіту не змінюються");
  }
}

export function addAttachment(
  store: Store,
  programmeId: number,
  reportId: string,
  file: NewAttachment,
  actor: Actor,
): Promise<AttachmentInfo> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      await lockDraft(trx, programmeId, reportId);
      const count = await trx
        .selectFrom("report_attachments")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("report_id", "=", reportId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_ATTACHMENTS_PER_REPORT) {
        throw new ReportConflict(
          "locked",
          `До звіту можна додати не більше ${MAX_ATTACHMENTS_PER_REPORT} файлів`,
        );
      }
      const row = await trx
        .insertInto("report_attachments")
        .values({
          id: randomUUID(),
          report_id: reportId,
          name: file.name,
          content_type: file.contentType,
          size: file.body.byteLength,
          sha256: sha256(file.body),
          body: file.body,
          created_by: actor?.userId ?? null,
        })
        .returning(INFO_COLUMNS)
        .executeTakeFirstOrThrow();
      const info = toInfo(row);
      await writeAudit(trx, actor, {
        action: "attach",
        entity: "executor_report",
        entityId: reportId,
        after: info,
      });
      return info;
    });
}

export async function listAttachments(store: Store, reportId: string): Promise<AttachmentInfo[]> {
  const rows = await monitoringDb(store)
    .selectFrom("report_attachments")
    .select(INFO_COLUMNS)
    .where("report_id", "=", reportId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toInfo);
}

export async function readAttachment(
  store: Store,
  reportId: string,
  id: string,
): Promise<AttachmentFile | undefined> {
  const row = await monitoringDb(store)
    .selectFrom("report_attachments")
    .select([...INFO_COLUMNS, "body"])
    .where("report_id", "=", reportId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { ...toInfo(row), body: row.body } : undefined;
}

export function removeAttachment(
  store: Store,
  programmeId: number,
  reportId: string,
  id: string,
  actor: Actor,
): Promise<void> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      await lockDraft(trx, programmeId, reportId);
      const removed = await trx
        .deleteFrom("report_attachments")
        .where("report_id", "=", reportId)
        .where("id", "=", id)
        .returning(INFO_COLUMNS)
        .executeTakeFirst();
      if (!removed) throw new ReportConflict("not-found", "Файл не знайдено");
      await writeAudit(trx, actor, {
        action: "detach",
        entity: "executor_report",
        entityId: reportId,
        before: toInfo(removed),
      });
    });
}
