/**
 * The audit log and the table types of the monitoring migration (0002). Every change writes one row —
 * who, when, what, before and after — through `writeAudit` inside the transaction of the change.
 */
import type { ColumnType, Generated, Kysely, Selectable, Transaction } from "kysely";
import type { Role } from "../domain/roles.js";
import type { Store } from "./index.js";
import type { Database } from "./schema.js";

type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
type Timestamp = ColumnType<Date, string | undefined, string>;
type NullableTimestamp = ColumnType<Date | null, string | null | undefined, string | null>;

export interface OrgUnitsTable {
  id: Generated<number>;
  katottg: string;
  name: string;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  password_hash: string;
  display_name: string;
  email: string | null;
  role: Role;
  org_unit_id: number | null;
  katottg: string | null;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: ColumnType<Date, string, string>;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before: NullableJson<unknown>;
  after: NullableJson<unknown>;
}

export interface ReportingSettingsTable {
  programme_id: number;
  cadence: "half-year" | "quarter";
}

export interface ItemUnitsTable {
  programme_id: number;
  item_id: string;
  org_unit_id: number;
}

export interface ExecutorReportsTable {
  id: string;
  programme_id: number;
  item_id: string;
  period_key: string;
  org_unit_id: number;
  status: string;
  progress_percent: number | null;
  actual: Json<unknown>;
  text: string;
  attachments: Json<unknown>;
  indicator_actuals: Json<unknown>;
  created_by: number | null;
  created_at: Timestamp;
  submitted_at: NullableTimestamp;
  locked_at: NullableTimestamp;
  correction_of: string | null;
  idempotency_key: string | null;
}

export interface RemindersTable {
  id: Generated<number>;
  programme_id: number;
  period_key: string;
  org_unit_id: number;
  kind: "before" | "after";
  channel: "email" | "app";
  to: string;
  user_id: number | null;
  sent_at: Timestamp;
}

export interface MonitoringDatabase extends Database {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  reporting_settings: ReportingSettingsTable;
  item_units: ItemUnitsTable;
  executor_reports: ExecutorReportsTable;
  reminders: RemindersTable;
}

export type MonitoringDb = Kysely<MonitoringDatabase>;
export type MonitoringTrx = Transaction<MonitoringDatabase>;

/** The store's database with the monitoring tables (the store has applied migration 0002). */
export function monitoringDb(store: Store): MonitoringDb {
  return store.kysely() as unknown as MonitoringDb;
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
  trx: Kysely<MonitoringDatabase> | Transaction<Database>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  await (trx as MonitoringDb)
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

function toRecord(row: Selectable<AuditLogTable>): AuditRecord {
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
