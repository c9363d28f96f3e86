/**
 * The audit log. Every change writes one row —
 * who, when, what, before and after — through `writeAudit` inside the transaction of the change.
 */
import type { Kysely, Transaction } from "kysely";
import type { AuditLogRow, Database } from "./schema.js";

export type MonitoringDb = Kysely<Database>;
export type MonitoringTrx = Transaction<Database>;

/** The store's database (a Store, without importing it: the store writes the audit log). */
export function monitoringDb(store: { kysely(): MonitoringDb }): MonitoringDb {
  return store.kysely();
}

/** Who made a change; null for the system (demo seeding, scheduled jobs). */
export type Actor = { userId: number } | null;

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

export async function writeAudit(
  trx: MonitoringDb | MonitoringTrx,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await trx
    .insertInto("audit_log")
    .values({
      user_id: actor?.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
    })
    .execute();
}

export interface AuditRecord {
  id: number;
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function listAudit(
  db: MonitoringDb,
  filter: { entity?: string; entityId?: string } = {},
): Promise<AuditRecord[]> {
  let query = db.selectFrom("audit_log").selectAll();
  if (filter.entity) query = query.where("entity", "=", filter.entity);
  if (filter.entityId) query = query.where("entity_id", "=", filter.entityId);
  const rows = await query.orderBy("id").execute();
  return rows.map(toRecord);
}

function toRecord(row: AuditLogRow): AuditRecord {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
  };
}

/**
 * One page of a programme's audit log — its own entries and its executor reports' — oldest first,
 * after the entry `after` (0: from the start). Each kind is read as an ordered, limited index range
 * (migration 0020), so a page costs the same however long the log is.
 */
export async function pageProgrammeAudit(
  db: MonitoringDb,
  programmeId: number,
  page: { limit: number; after: number },
): Promise<{ records: AuditRecord[]; more: boolean }> {
  const take = page.limit + 1;
  const after = String(page.after);
  const own = db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity", "=", "programme")
    .where("entity_id", "=", String(programmeId))
    .where("id", ">", after)
    .orderBy("id")
    .limit(take);
  const reports = db
    .selectFrom("audit_log")
    .selectAll()
    .where("entity", "=", "executor_report")
    .where(
      "entity_id",
      "in",
      db.selectFrom("executor_reports").select("id").where("programme_id", "=", programmeId),
    )
    .where("id", ">", after)
    .orderBy("id")
    .limit(take);
  const [ownRows, reportRows] = await Promise.all([own.execute(), reports.execute()]);
  const merged = [...ownRows, ...reportRows].map(toRecord).sort((a, b) => a.id - b.id);
  return { records: merged.slice(0, page.limit), more: merged.length > page.limit };
}
