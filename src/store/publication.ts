/**
 * Changing a programme's status, with the rule of publication: a programme whose latest version has
 * error findings is published only with the head's written reason. The check, the status, the note
 * and the audit entry are one transaction.
 */
import type { Finding } from "../domain/model.js";
import { type Actor, type MonitoringDb, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { refreshNationalSums } from "./national.js";
import type { ProgrammeStatus } from "./programmes.js";

const db = (store: Store) => monitoringDb(store);

export type StatusChange =
  | { outcome: "changed" }
  | { outcome: "not-found" }
  /** Publishing with errors and no reason: the errors the head must see first. */
  | { outcome: "needs-reason"; errors: Finding[] };

function parseFindings(value: unknown): Finding[] {
  const list = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(list) ? (list as Finding[]) : [];
}

/** The error findings of the programme's latest version. */
async function latestErrors(trx: MonitoringDb, programmeId: number): Promise<Finding[]> {
  const row = await trx
    .selectFrom("programme_versions")
    .select("findings")
    .where("programme_id", "=", programmeId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return parseFindings(row?.findings).filter((finding) => finding.severity === "error");
}

/**
 * Sets the status. Publishing a programme with error findings needs `reason` (kept in the audit and
 * as the public note); without errors a reason is ignored and any older note is cleared.
 */
export function changeStatus(
  store: Store,
  programmeId: number,
  status: ProgrammeStatus,
  actor: Actor,
  reason?: string,
): Promise<StatusChange> {
  return db(store)
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .selectFrom("programmes")
        .select(["status", "publish_note"])
        .where("id", "=", programmeId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return { outcome: "not-found" } as const;
      const errors = status === "published" ? await latestErrors(trx, programmeId) : [];
      const note = reason?.trim() ?? "";
      if (errors.length > 0 && note === "") return { outcome: "needs-reason", errors } as const;
      const publishNote = errors.length > 0 ? note : null;
      await trx
        .updateTable("programmes")
        .set({ status, publish_note: publishNote, updated_at: new Date().toISOString() })
        .where("id", "=", programmeId)
        .execute();
      await refreshNationalSums(trx, [programmeId]);
      await writeAudit(trx, actor, {
        action: "status",
        entity: "programme",
        entityId: programmeId,
        before: { status: row.status },
        after:
          publishNote === null
            ? { status }
            : { status, reason: publishNote, errors: errors.map((finding) => finding.code) },
      });
      return { outcome: "changed" } as const;
    });
}

/** The public note of a published programme (the reason it was published with errors), or null. */
export async function publishNote(store: Store, programmeId: number): Promise<string | null> {
  const row = await db(store)
    .selectFrom("programmes")
    .select("publish_note")
    .where("id", "=", programmeId)
    .executeTakeFirst();
  return row?.publish_note ?? null;
}
