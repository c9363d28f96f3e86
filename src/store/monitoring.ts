/**
 * Executor reports in the store: drafts, submission (which locks a report), corrections (a new report
 * that keeps the original), idempotency keys, the programme's reporting cadence and which org unit
 * executes which project. Every change writes the audit log in its own transaction.
 */
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { executorKey, unitOfExecutor } from "../domain/executors.js";
import type { Programme } from "../domain/model.js";
import { type Cadence, type ReportingPeriod, reportingPeriods } from "../domain/monitoring/periods.js";
import type { ExecutorReport } from "../domain/monitoring/reports.js";
import { projectItems } from "../domain/monitoring/rollup.js";
import { executorReportSchema } from "../domain/monitoring/schema.js";
import type { ItemUnit } from "../domain/monitoring/units.js";
import { type Actor, type MonitoringDb, type MonitoringTrx, monitoringDb, writeAudit } from "./audit.js";
import type { Store } from "./index.js";
import { listOrgUnits, normalizeName, type OrgUnit } from "./users.js";

/** The content of a report an executor writes; the rest (id, times, unit) the store sets. */
export type ReportContent = Pick<
  ExecutorReport,
  "status" | "actual" | "progressPercent" | "text" | "attachments" | "indicatorActuals"
>;

export interface NewReport extends ReportContent {
  itemId: string;
  periodKey: string;
  orgUnitId: number;
}

export interface StoredReport extends ExecutorReport {
  programmeId: number;
  orgUnitId: number;
  createdBy: number | null;
  createdAt: string;
  /** Set when the head sent the report back (store/reviews.ts); it is a draft again until resubmitted. */
  returnedAt?: string;
  returnRemark?: string;
}

/** Why a report write was refused; the API maps it to 404 / 409. */
export class ReportConflict extends Error {
  constructor(
    readonly reason: "not-found" | "locked" | "not-locked" | "idempotency",
    message: string,
  ) {
    super(message);
  }
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

/** A programme's reports with their unit's name, filtered; the callers order them. */
function reportsWhere(db: MonitoringDb | MonitoringTrx, programmeId: number, filter: ReportFilter) {
  let query = db
    .selectFrom("executor_reports as r")
    .innerJoin("org_units as u", "u.id", "r.org_unit_id")
    .selectAll("r")
    .select("u.name as unit_name")
    .where("r.programme_id", "=", programmeId);
  if (filter.orgUnitId !== undefined) query = query.where("r.org_unit_id", "=", filter.orgUnitId);
  if (filter.periodKey !== undefined) query = query.where("r.period_key", "=", filter.periodKey);
  if (filter.submittedOnly) query = query.where("r.submitted_at", "is not", null);
  return query;
}

function selectReports(
  db: MonitoringDb | MonitoringTrx,
  programmeId: number,
  id?: string,
  filter: ReportFilter = {},
) {
  let query = reportsWhere(db, programmeId, filter);
  if (id !== undefined) query = query.where("r.id", "=", id);
  return query.orderBy("r.created_at").orderBy("r.id").execute();
}

function toReport(row: ReportRow): StoredReport {
  const report: StoredReport = {
    id: row.id,
    programmeId: row.programme_id,
    itemId: row.item_id,
    periodKey: row.period_key,
    unit: row.unit_name,
    orgUnitId: row.org_unit_id,
    status: row.status as ExecutorReport["status"],
    actual: row.actual as ExecutorReport["actual"],
    text: row.text,
    attachments: row.attachments as ExecutorReport["attachments"],
    indicatorActuals: row.indicator_actuals as ExecutorReport["indicatorActuals"],
    submittedAt: iso(row.submitted_at),
    lockedAt: iso(row.locked_at),
    createdBy: row.created_by,
    createdAt: iso(row.created_at) ?? "",
  };
  if (row.progress_percent !== null) report.progressPercent = row.progress_percent;
  if (row.correction_of !== null) report.correctionOf = row.correction_of;
  if (row.returned_at !== null) {
    report.returnedAt = iso(row.returned_at) ?? undefined;
    report.returnRemark = row.return_remark ?? "";
  }
  return report;
}

export interface ReportFilter {
  orgUnitId?: number;
  periodKey?: string;
  /** Only submitted reports (what the head's figures are made of). */
  submittedOnly?: boolean;
}

export function listReports(
  store: Store,
  programmeId: number,
  filter: ReportFilter = {},
): Promise<StoredReport[]> {
  return readReports(monitoringDb(store), programmeId, filter);
}

/** `listReports` through a given connection: inside a transaction, what that transaction sees. */
export async function readReports(
  db: MonitoringDb | MonitoringTrx,
  programmeId: number,
  filter: ReportFilter = {},
): Promise<StoredReport[]> {
  const rows = await selectReports(db, programmeId, undefined, filter);
  return rows.map(toReport);
}

export interface ReportPage {
  reports: StoredReport[];
  /** More reports follow the last one of this page. */
  more: boolean;
}

/** Where a page starts: after this report. `createdAt` is the column's text, exact to the microsecond. */
export interface ReportCursor {
  id: string;
  createdAt: string;
}

/**
 * One page of a programme's reports, oldest first, after the report `after` (absent: from the start).
 * The page is a range of an index in (created_at, id) order for each filter (migration 0025), so it
 * costs the same however many reports there are. Undefined when `after` is no report of the programme.
 */
export async function pageReports(
  store: Store,
  programmeId: number,
  filter: ReportFilter,
  page: { limit: number; after?: string },
): Promise<ReportPage | undefined> {
  const db = monitoringDb(store);
  const after = page.after === undefined ? undefined : await cursorOf(db, programmeId, page.after);
  if (page.after !== undefined && !after) return undefined;
  const rows = await reportPageQuery(db, programmeId, filter, { limit: page.limit, after }).execute();
  return { reports: rows.slice(0, page.limit).map(toReport), more: rows.length > page.limit };
}

/**
 * The query of one page (a row past the limit tells whether more follow); exported for its plan's test.
 * The cursor is compared as a row of parameters, which the index range takes as its start.
 */
export function reportPageQuery(
  db: MonitoringDb,
  programmeId: number,
  filter: ReportFilter,
  page: { limit: number; after?: ReportCursor },
) {
  let query = reportsWhere(db, programmeId, filter);
  const { after } = page;
  if (after)
    query = query.where(sql<boolean>`(r.created_at, r.id) > (${after.createdAt}::timestamptz, ${after.id})`);
  return query
    .orderBy("r.created_at")
    .orderBy("r.id")
    .limit(page.limit + 1);
}

async function cursorOf(
  db: MonitoringDb,
  programmeId: number,
  id: string,
): Promise<ReportCursor | undefined> {
  const row = await db
    .selectFrom("executor_reports")
    .select(sql<string>`created_at::text`.as("createdAt"))
    .where("id", "=", id)
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  return row && { id, createdAt: row.createdAt };
}

export async function getReport(
  store: Store,
  programmeId: number,
  id: string,
): Promise<StoredReport | undefined> {
  const [row] = await selectReports(monitoringDb(store), programmeId, id);
  return row ? toReport(row) : undefined;
}

async function lockedReport(trx: MonitoringTrx, programmeId: number, id: string): Promise<StoredReport> {
  await trx.selectFrom("executor_reports").select("id").where("id", "=", id).forUpdate().execute();
  const [row] = await selectReports(trx, programmeId, id);
  if (!row) throw new ReportConflict("not-found", "Звіт не знайдено");
  return toReport(row);
}

/** The domain view of a stored report, checked against the executor report schema. */
export function domainReport(report: StoredReport): ExecutorReport {
  const {
    programmeId: _p,
    orgUnitId: _u,
    createdBy: _b,
    createdAt: _c,
    returnedAt: _r,
    returnRemark: _m,
    ...domain
  } = report;
  return executorReportSchema.parse(domain);
}

function contentColumns(content: ReportContent) {
  return {
    status: content.status,
    progress_percent: content.progressPercent ?? null,
    actual: JSON.stringify(content.actual),
    text: content.text,
    attachments: JSON.stringify(content.attachments),
    indicator_actuals: JSON.stringify(content.indicatorActuals),
  };
}

async function byIdempotencyKey(
  trx: MonitoringTrx,
  programmeId: number,
  key: string | undefined,
): Promise<StoredReport | undefined> {
  if (!key) return undefined;
  const row = await trx
    .selectFrom("executor_reports")
    .select("id")
    .where("idempotency_key", "=", key)
    .executeTakeFirst();
  if (!row) return undefined;
  const [report] = await selectReports(trx, programmeId, row.id);
  if (!report)
    throw new ReportConflict("idempotency", "Ключ ідемпотентності вже використано для іншого запиту");
  return toReport(report);
}

/** A retried request is answered with its first result only for the same author. */
function sameAuthor(report: StoredReport, actor: Actor): StoredReport {
  if (report.createdBy !== (actor?.userId ?? null)) {
    throw new ReportConflict("idempotency", "Ключ ідемпотентності вже використано для іншого запиту");
  }
  return report;
}

const ALREADY_SUBMITTED = "Звіт за цей період уже подано: змініть його виправленням";
/** The unique index of migration 0009: one submitted original per project, period and unit. */
const ONE_SUBMITTED_ORIGINAL_INDEX = "executor_reports_one_submitted_original";

/** A project's report for a period, once submitted, changes only through corrections. */
async function refuseSecondSubmission(
  trx: MonitoringTrx,
  programmeId: number,
  input: Pick<NewReport, "itemId" | "periodKey" | "orgUnitId">,
): Promise<void> {
  const submitted = await trx
    .selectFrom("executor_reports")
    .select("id")
    .where("programme_id", "=", programmeId)
    .where("item_id", "=", input.itemId)
    .where("period_key", "=", input.periodKey)
    .where("org_unit_id", "=", input.orgUnitId)
    .where("submitted_at", "is not", null)
    .executeTakeFirst();
  if (submitted) throw new ReportConflict("locked", ALREADY_SUBMITTED);
}

/**
 * A concurrent submission the check above could not see (it committed after this transaction read)
 * is stopped by the unique index; it is the same refusal.
 */
function asSecondSubmission(error: unknown): never {
  const { code, constraint } = (error ?? {}) as { code?: unknown; constraint?: unknown };
  if (code === "23505" && constraint === ONE_SUBMITTED_ORIGINAL_INDEX) {
    throw new ReportConflict("locked", ALREADY_SUBMITTED);
  }
  throw error;
}

/** A new draft; with an idempotency key already used, the report created then is returned. */
export function createDraft(
  store: Store,
  programmeId: number,
  input: NewReport,
  actor: Actor,
  idempotencyKey?: string,
): Promise<{ report: StoredReport; created: boolean }> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const known = await byIdempotencyKey(trx, programmeId, idempotencyKey);
      if (known) return { report: sameAuthor(known, actor), created: false };
      await refuseSecondSubmission(trx, programmeId, input);
      const id = randomUUID();
      await trx
        .insertInto("executor_reports")
        .values({
          id,
          programme_id: programmeId,
          item_id: input.itemId,
          period_key: input.periodKey,
          org_unit_id: input.orgUnitId,
          ...contentColumns(input),
          created_by: actor?.userId ?? null,
          idempotency_key: idempotencyKey ?? null,
        })
        .execute();
      const report = await lockedReport(trx, programmeId, id);
      await writeAudit(trx, actor, {
        action: "create",
        entity: "executor_report",
        entityId: id,
        after: report,
      });
      return { report, created: true };
    });
}

/** A correction keeps the files of the report it corrects (copies: the original stays as it was). */
async function carryAttachments(trx: MonitoringTrx, from: string, to: string): Promise<void> {
  await trx
    .insertInto("report_attachments")
    .columns([
      "id",
      "report_id",
      "name",
      "content_type",
      "size",
      "sha256",
      "body",
      "created_by",
      "created_at",
    ])
    .expression((eb) =>
      eb
        .selectFrom("report_attachments")
        .select([
          sql<string>`gen_random_uuid()::text`.as("id"),
          sql<string>`${to}`.as("report_id"),
          "name",
          "content_type",
          "size",
          "sha256",
          "body",
          "created_by",
          "created_at",
        ])
        .where("report_id", "=", from),
    )
    .execute();
}

/** Replaces the content of a draft; a submitted (locked) report is refused. */
export function updateDraft(
  store: Store,
  programmeId: number,
  id: string,
  content: ReportContent,
  actor: Actor,
): Promise<StoredReport> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await lockedReport(trx, programmeId, id);
      if (before.lockedAt !== null || before.submittedAt !== null) {
        throw new ReportConflict("locked", "Звіт уже подано: змінити його можна лише виправленням");
      }
      await trx.updateTable("executor_reports").set(contentColumns(content)).where("id", "=", id).execute();
      const after = await lockedReport(trx, programmeId, id);
      await writeAudit(trx, actor, {
        action: "update",
        entity: "executor_report",
        entityId: id,
        before,
        after,
      });
      return after;
    });
}

/**
 * Submits and locks a draft at `now`. Submitting again an already submitted report with the same
 * idempotency key (or none) returns it unchanged, so a client may retry. Another draft of the same
 * project, period and unit already submitted: `ReportConflict` "locked" (correct that one instead).
 */
export function submitReport(
  store: Store,
  programmeId: number,
  id: string,
  actor: Actor,
  now: Date = new Date(),
): Promise<{ report: StoredReport; submitted: boolean }> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await lockedReport(trx, programmeId, id);
      if (before.submittedAt !== null) return { report: before, submitted: false };
      await refuseSecondSubmission(trx, programmeId, before);
      const at = now.toISOString();
      await trx
        .updateTable("executor_reports")
        .set({ submitted_at: at, locked_at: at })
        .where("id", "=", id)
        .execute();
      const after = await lockedReport(trx, programmeId, id);
      await writeAudit(trx, actor, {
        action: "submit",
        entity: "executor_report",
        entityId: id,
        before,
        after,
      });
      return { report: after, submitted: true };
    })
    .catch(asSecondSubmission);
}

/** A correction of a submitted report: a new submitted, locked report; the original stays as it was. */
export function correctReport(
  store: Store,
  programmeId: number,
  id: string,
  content: ReportContent,
  actor: Actor,
  now: Date = new Date(),
  idempotencyKey?: string,
): Promise<{ report: StoredReport; created: boolean }> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const known = await byIdempotencyKey(trx, programmeId, idempotencyKey);
      if (known) return { report: sameAuthor(known, actor), created: false };
      const original = await lockedReport(trx, programmeId, id);
      if (original.submittedAt === null) {
        throw new ReportConflict("not-locked", "Чернетку виправляють редагуванням, а не виправленням");
      }
      const correctionId = randomUUID();
      const at = now.toISOString();
      await trx
        .insertInto("executor_reports")
        .values({
          id: correctionId,
          programme_id: programmeId,
          item_id: original.itemId,
          period_key: original.periodKey,
          org_unit_id: original.orgUnitId,
          ...contentColumns(content),
          created_by: actor?.userId ?? null,
          submitted_at: at,
          locked_at: at,
          correction_of: original.id,
          idempotency_key: idempotencyKey ?? null,
        })
        .execute();
      await carryAttachments(trx, original.id, correctionId);
      const report = await lockedReport(trx, programmeId, correctionId);
      await writeAudit(trx, actor, {
        action: "correct",
        entity: "executor_report",
        entityId: correctionId,
        before: original,
        after: report,
      });
      return { report, created: true };
    });
}

export async function getCadence(store: Store, programmeId: number): Promise<Cadence> {
  const row = await monitoringDb(store)
    .selectFrom("reporting_settings")
    .select("cadence")
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  return row?.cadence ?? "half-year";
}

export function setCadence(store: Store, programmeId: number, cadence: Cadence, actor: Actor): Promise<void> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("reporting_settings")
        .select("cadence")
        .where("programme_id", "=", programmeId)
        .executeTakeFirst();
      await trx
        .insertInto("reporting_settings")
        .values({ programme_id: programmeId, cadence })
        .onConflict((conflict) => conflict.column("programme_id").doUpdateSet({ cadence }))
        .execute();
      await writeAudit(trx, actor, {
        action: "settings",
        entity: "programme",
        entityId: programmeId,
        before: before ?? null,
        after: { cadence },
      });
    });
}

export async function programmePeriods(
  store: Store,
  programmeId: number,
  programme: Programme,
): Promise<ReportingPeriod[]> {
  return reportingPeriods(programme.period, await getCadence(store, programmeId));
}

export async function listItemUnits(store: Store, programmeId: number): Promise<ItemUnit[]> {
  const rows = await monitoringDb(store)
    .selectFrom("item_units")
    .select(["item_id", "org_unit_id"])
    .where("programme_id", "=", programmeId)
    .orderBy("item_id")
    .orderBy("org_unit_id")
    .execute();
  return rows.map((row) => ({ itemId: row.item_id, orgUnitId: row.org_unit_id }));
}

/**
 * Which unit executes which project, by the executor names printed in the task table: the name as
 * printed (normalized), else its `executorKey` (the name without its council: «Відділ освіти Роменської
 * міської ради» is the unit «Відділ освіти»). A project with several executors has several units; a
 * person is the unit their post names («начальник відділу освіти Іваненко І.І.»), else none.
 */
export function matchItemUnits(programme: Programme, units: OrgUnit[]): ItemUnit[] {
  const byName = new Map(units.map((unit) => [normalizeName(unit.name), unit.id]));
  const byKey = new Map(units.map((unit) => [executorKey(unit.name), unit.id]));
  const unitOf = (executor: string) => {
    const name = unitOfExecutor(executor);
    return name === null ? [] : (byName.get(normalizeName(name)) ?? byKey.get(executorKey(name)) ?? []);
  };
  return programme.directions.flatMap((direction) =>
    projectItems(direction.items).flatMap((item) => {
      const ids = new Set(item.executors.flatMap(unitOf));
      return [...ids].map((orgUnitId) => ({ itemId: item.id, orgUnitId }));
    }),
  );
}

/** Links items to units; a link already there stays as it is. */
export async function insertItemUnits(
  trx: MonitoringTrx,
  programmeId: number,
  links: ItemUnit[],
): Promise<void> {
  await trx
    .insertInto("item_units")
    .values(
      links.map((link) => ({ programme_id: programmeId, item_id: link.itemId, org_unit_id: link.orgUnitId })),
    )
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}

/** Replaces the programme's item → unit table (head/admin edit, or the derived one). */
export function setItemUnits(
  store: Store,
  programmeId: number,
  links: ItemUnit[],
  actor: Actor,
): Promise<void> {
  return monitoringDb(store)
    .transaction()
    .execute(async (trx) => {
      const before = await trx
        .selectFrom("item_units")
        .select(["item_id", "org_unit_id"])
        .where("programme_id", "=", programmeId)
        .execute();
      await trx.deleteFrom("item_units").where("programme_id", "=", programmeId).execute();
      if (links.length > 0) {
        await insertItemUnits(trx, programmeId, links);
      }
      await writeAudit(trx, actor, {
        action: "item_units",
        entity: "programme",
        entityId: programmeId,
        before,
        after: links,
      });
    });
}

/**
 * The item → unit table; derived from the executor names and the community's units the first time it
 * is asked for (and stored), then only as the head or admin set it.
 */
export async function itemUnitsOf(
  store: Store,
  programmeId: number,
  programme: Programme,
  katottg: string,
): Promise<ItemUnit[]> {
  const stored = await listItemUnits(store, programmeId);
  if (stored.length > 0) return stored;
  const derived = matchItemUnits(programme, await listOrgUnits(store, katottg));
  if (derived.length > 0) await setItemUnits(store, programmeId, derived, null);
  return derived;
}
