import { createHash } from "node:crypto";
import { type Insertable, type InsertObject, type Kysely, sql, type Transaction } from "kysely";
import { type AgreementState, isEditable, ProgrammeFrozenError } from "../domain/agreement/lifecycle.js";
import { geographyOf } from "../domain/geo/placement.js";
import type { Finding, ImportResult, Programme } from "../domain/model.js";
import type { Kopecks } from "../domain/money.js";
import { type Actor, writeAudit } from "./audit.js";
import { reattachCategoryOverrides } from "./categories.js";
import { communityKey } from "./community-key.js";
import { toIso, toKopecks } from "./convert.js";
import {
  claimIdempotencyKey,
  type IdempotentRequest,
  recordIdempotentResult,
  releaseIdempotencyKey,
} from "./idempotency.js";
import { refreshNationalSums } from "./national.js";
import { type NormalizedRows, normalizeItem, normalizeProgramme } from "./normalize.js";
import type { Database } from "./schema.js";
import { refreshSummaries } from "./summaries.js";
import { effectiveCategory, itemFunding, moveSummaries, storedItemFunding } from "./summary-delta.js";
import { rememberVersion, type VersionKey, versionDocument } from "./version-documents.js";
import {
  programmeIdentity,
  type QueryTable,
  rememberRows,
  type UnchangedTables,
  unchangedTables,
} from "./written-rows.js";

// The programmes aggregate: a programme, its versions and the normalized rows of its latest version.

export { PROGRAMME_STATUSES, type ProgrammeStatus } from "../domain/programme-status.js";

import type { ProgrammeStatus } from "../domain/programme-status.js";

export interface ProgrammeSummary {
  id: number;
  katottg: string;
  communityName: string;
  title: string;
  period: { from: number; to: number };
  status: ProgrammeStatus;
  /** Computed from the task table of the latest version (printed "total" rows excluded). */
  total: Kopecks;
  versionCount: number;
  latestVersion: number;
  errors: number;
  warnings: number;
  createdAt: string;
  updatedAt: string;
}

export interface VersionInfo {
  version: number;
  createdAt: string;
  kind: "import" | "edit";
  sourceName: string;
  sourceSha256: string;
  note: string | null;
  errors: number;
  warnings: number;
  /** The display name of the user who saved it, when known. */
  author: string | null;
}

export interface StoredProgramme {
  summary: ProgrammeSummary;
  /** The programme of the requested version (the latest by default). */
  version: VersionInfo;
  programme: Programme;
  findings: Finding[];
  versions: VersionInfo[];
}

export interface ProgrammeFilter {
  /** Substring of the title, the community name or the KATOTTG code, case-insensitive. */
  q?: string;
  /** Programmes whose period covers the year. */
  year?: number;
  status?: ProgrammeStatus;
  katottg?: string;
}

export interface SavedVersion {
  programmeId: number;
  version: number;
  created: boolean;
  /** True when an idempotency key returned an earlier import's result instead of writing. */
  replayed?: boolean;
  /**
   * The import read the same programme as this (the latest) version: nothing was written, and
   * `version` is that version. Absent when a version was written.
   */
  identicalTo?: number;
}

export interface SaveImportOptions {
  /** Store a new version even when the programme read is identical to the latest version. */
  saveIdentical?: boolean;
}

const INSERT_CHUNK = 500;

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function countFindings(findings: Finding[]): { error_count: number; warning_count: number } {
  const errors = findings.filter((finding) => finding.severity === "error").length;
  return { error_count: errors, warning_count: findings.length - errors };
}

async function insertChunked<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + INSERT_CHUNK) as InsertObject<Database, T>[])
      .execute();
  }
}

/** Deleted in this order; inserted in the reverse (the funding rows' foreign key names their items). */
const QUERY_TABLES = [
  ["fundingRows", "funding_rows"],
  ["items", "items"],
  ["directions", "directions"],
  ["indicators", "indicators"],
] as const;

/** The query tables replaced by `rows`, but for those that hold these rows already (`unchanged`). */
async function replaceNormalized(
  trx: Transaction<Database>,
  programmeId: number,
  rows: NormalizedRows,
  unchanged: ReadonlySet<QueryTable> = new Set(),
) {
  const changed = QUERY_TABLES.filter(([key]) => !unchanged.has(key));
  for (const [, table] of changed) {
    await trx.deleteFrom(table).where("programme_id", "=", programmeId).execute();
  }
  for (const [key, table] of [...changed].reverse()) await insertChunked(trx, table, rows[key]);
}

/**
 * The community row, created with its oblast and population from the codifier (`geographyOf`), which
 * also fill those of an existing row where missing. An existing complete row is not written, so not
 * locked: an import (community, then programme row) and an edit (programme row, then community) of the
 * same community would otherwise each hold the lock the other waits for — PostgreSQL's "deadlock
 * detected" under concurrent writes.
 */
async function ensureCommunity(trx: Transaction<Database>, programme: Programme): Promise<string> {
  const key = communityKey(programme.community);
  const geo = geographyOf(programme.community);
  await trx
    .insertInto("communities")
    .values({
      katottg: key,
      name: programme.community.name.trim() || key,
      oblast: geo?.oblast ?? null,
      population: geo?.population ?? null,
    })
    .onConflict((conflict) => conflict.column("katottg").doNothing())
    .execute();
  if (geo?.oblast) {
    await trx
      .updateTable("communities")
      .set({ oblast: geo.oblast })
      .where("katottg", "=", key)
      .where("oblast", "is", null)
      .execute();
  }
  if (geo?.population) {
    await trx
      .updateTable("communities")
      .set({ population: geo.population })
      .where("katottg", "=", key)
      .where("population", "is", null)
      .execute();
  }
  return key;
}

function selectProgrammeId(db: Kysely<Database>, katottg: string, period: { from: number; to: number }) {
  return db
    .selectFrom("programmes")
    .select("id")
    .where("katottg", "=", katottg)
    .where("period_from", "=", period.from)
    .where("period_to", "=", period.to);
}

/** The programme row for a community and period, locked for this transaction; created if missing. */
async function lockProgramme(
  trx: Transaction<Database>,
  programme: Programme,
): Promise<{ id: number; created: boolean }> {
  const katottg = await ensureCommunity(trx, programme);
  const inserted = await trx
    .insertInto("programmes")
    .values({
      katottg,
      title: programme.title,
      period_from: programme.period.from,
      period_to: programme.period.to,
    })
    .onConflict((conflict) => conflict.columns(["katottg", "period_from", "period_to"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await selectProgrammeId(trx, katottg, programme.period)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

interface VersionWrite {
  programmeId: number;
  programme: Programme;
  findings: Finding[];
  kind: "import" | "edit";
  source: { name: string; sha256: string };
  note: string | null;
  actor: Actor;
  /** Only this item's own fields changed: its rows alone are rewritten in the query tables. */
  changedItem?: string;
  /** `JSON.stringify(programme)`, when made before the transaction. */
  documentJson?: string;
  /** The programme's query-table rows, when made before the transaction (any programme id). */
  rows?: NormalizedRows;
  /** The document is the base version's with one project replaced: made in SQL from the stored one. */
  projectPatch?: ProjectPatch;
  /** `findings` serialised, when the caller has it already. */
  findingsJson?: string;
  /** The version to write, when the caller has read the latest under the programme's lock. */
  version?: number;
  /**
   * The query tables that hold `rows` already, if this is still their programme and its latest
   * version (src/store/written-rows.ts); they are not rewritten then.
   */
  unchanged?: UnchangedTables;
}

/**
 * One project replaced in the base version's stored document: the database copies that document with
 * the project's JSON at `path`, instead of parsing the whole programme's JSON sent to it (165 KB for 300
 * projects). The result is the document `documentJson` describes.
 */
export interface ProjectPatch {
  baseVersion: number;
  path: string[];
  itemJson: string;
}

function patchedDocument(programmeId: number, patch: ProjectPatch) {
  const path = `{${patch.path.join(",")}}`;
  return sql<string>`(select jsonb_set(b.document, cast(${path} as text[]), cast(${patch.itemJson} as jsonb), false)
    from programme_versions b where b.programme_id = ${programmeId} and b.version = ${patch.baseVersion})`;
}

/** What a version write needs that can be made before its transaction: CPU work that need not hold locks. */
export interface PreparedWrite {
  /** Only this item's own fields changed. */
  changedItem?: string;
  documentJson?: string;
  rows?: NormalizedRows;
  projectPatch?: ProjectPatch;
  findingsJson?: string;
  unchanged?: UnchangedTables;
}

/** The serialised document and query-table rows of a programme, made outside any transaction. */
export function prepareWrite(programme: Programme): Required<Pick<PreparedWrite, "documentJson" | "rows">> {
  return { documentJson: JSON.stringify(programme), rows: normalizeProgramme(0, programme) };
}

function ownedBy(rows: NormalizedRows, programmeId: number): NormalizedRows {
  const own = <T extends { programme_id: number }>(list: T[]) =>
    list.map((row) => ({ ...row, programme_id: programmeId }));
  return {
    directions: own(rows.directions),
    items: own(rows.items),
    fundingRows: own(rows.fundingRows),
    indicators: own(rows.indicators),
  };
}

/**
 * The query-table rows of one item whose own fields changed (its id, place and children unchanged).
 * True when it also moved the programme's summaries by the item's funding (its category and the
 * categories of the items below it unchanged: a new title may reclassify those, and then their funding
 * changes category); false when the caller must recompute them.
 */
async function replaceItemRows(
  trx: Transaction<Database>,
  programmeId: number,
  programme: Programme,
  itemId: string,
): Promise<boolean> {
  const rows = normalizeItem(programmeId, programme, itemId);
  if (!rows) throw new Error(`No item ${itemId} in programme ${programmeId}`);
  const belowBefore = await storedCategories(
    trx,
    programmeId,
    rows.below.map(({ id }) => id),
  );
  const categoryBefore = await effectiveCategory(trx, programmeId, itemId);
  const fundingBefore = await storedItemFunding(trx, programmeId, itemId);
  await trx
    .updateTable("items")
    .set(rows.fields)
    .where("programme_id", "=", programmeId)
    .where("id", "=", itemId)
    .execute();
  for (const { id, category } of rows.below) {
    await trx
      .updateTable("items")
      .set({ category })
      .where("programme_id", "=", programmeId)
      .where("id", "=", id)
      .execute();
  }
  await trx
    .deleteFrom("funding_rows")
    .where("programme_id", "=", programmeId)
    .where("item_id", "=", itemId)
    .execute();
  await insertChunked(trx, "funding_rows", rows.fundingRows);
  const category = await effectiveCategory(trx, programmeId, itemId);
  const belowMoved = rows.below.some(({ id, category }) => belowBefore.get(id) !== category);
  if (belowMoved || category !== categoryBefore) return false;
  await moveSummaries(trx, programmeId, category, fundingBefore, itemFunding(rows.fundingRows));
  return true;
}

/** The automatic categories stored for these items of the programme (none asked: no statement). */
async function storedCategories(
  trx: Transaction<Database>,
  programmeId: number,
  itemIds: string[],
): Promise<Map<string, string | null>> {
  if (itemIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom("items")
    .select(["id", "category"])
    .where("programme_id", "=", programmeId)
    .where("id", "in", itemIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row.category]));
}

/** Version row, programme row touch and normalized rows; the caller holds the programme lock. */
async function nextVersion(trx: Transaction<Database>, programmeId: number): Promise<number> {
  const last = await trx
    .selectFrom("programme_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  return (last?.version ?? 0) + 1;
}

async function writeVersion(trx: Transaction<Database>, write: VersionWrite): Promise<VersionKey> {
  const version = write.version ?? (await nextVersion(trx, write.programmeId));
  const inserted = await trx
    .insertInto("programme_versions")
    .values({
      programme_id: write.programmeId,
      version,
      source_name: write.source.name,
      source_sha256: write.source.sha256,
      kind: write.kind,
      note: write.note,
      document: write.projectPatch
        ? patchedDocument(write.programmeId, write.projectPatch)
        : (write.documentJson ?? JSON.stringify(write.programme)),
      findings: write.findingsJson ?? JSON.stringify(write.findings),
      ...countFindings(write.findings),
      created_by: write.actor?.userId ?? null,
    })
    .returning("created_at")
    .executeTakeFirstOrThrow();
  await trx
    .updateTable("programmes")
    .set({ title: write.programme.title, updated_at: new Date().toISOString() })
    .where("id", "=", write.programmeId)
    .execute();
  const overridesMoved = await reattachCategoryOverrides(trx, write.programmeId, write.programme, {
    actor: write.actor,
    version,
  });
  let moved = write.changedItem
    ? await replaceItemRows(trx, write.programmeId, write.programme, write.changedItem)
    : false;
  if (!write.changedItem) {
    const rows = write.rows
      ? ownedBy(write.rows, write.programmeId)
      : normalizeProgramme(write.programmeId, write.programme);
    const known = write.unchanged;
    const unchanged =
      write.rows && known?.programmeId === write.programmeId && known.version === version - 1
        ? known.tables
        : undefined;
    await replaceNormalized(trx, write.programmeId, rows, unchanged);
    // The items, their funding and categories as they were: the summaries stand, only the national
    // sums name the new version.
    moved = !overridesMoved && Boolean(unchanged?.has("items") && unchanged.has("fundingRows"));
  }
  if (moved) await refreshNationalSums(trx, [write.programmeId]);
  else await refreshSummaries(trx, [write.programmeId]);
  const createdAt = toIso(inserted.created_at);
  return { programmeId: write.programmeId, version, sha256: write.source.sha256, createdAt };
}

/**
 * The latest version's number when its document is the programme just read (jsonb equality: the same
 * model, whatever the key order), else undefined. The source's SHA-256 alone does not decide: the same
 * file read with another unit (`--unit uah`) or by a newer importer is a different programme.
 */
async function identicalLatest(
  trx: Transaction<Database>,
  programmeId: number,
  documentJson: string,
): Promise<number | undefined> {
  const latest = await trx
    .selectFrom("programme_versions")
    .select("version")
    .select(sql<boolean>`document = cast(${documentJson} as jsonb)`.as("same"))
    .where("programme_id", "=", programmeId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return latest?.same ? latest.version : undefined;
}

/**
 * Stores an import as the programme's next version, in one transaction: the programme row is locked,
 * a programme under agreement refused as an edit is (`refuseFrozen`), then compared with its latest
 * version. When the programme read is identical to it (and
 * `options.saveIdentical` is not set), nothing is written, not even the idempotency key, and the answer
 * names that version in `identicalTo`.
 */
export async function saveImport(
  db: Kysely<Database>,
  result: ImportResult,
  source: { name: string; sha256: string },
  actor: Actor = null,
  idempotency?: IdempotentRequest,
  options: SaveImportOptions = {},
): Promise<SavedVersion> {
  const { programme } = result;
  const identity = programmeIdentity(communityKey(programme.community), programme.period);
  const prepared = prepareWrite(programme);
  const findingsJson = JSON.stringify(result.findings);
  const unchanged = unchangedTables(db, identity, prepared.rows);
  let written: VersionKey | undefined;
  const saved = await db.transaction().execute(async (trx): Promise<SavedVersion> => {
    const earlier = idempotency ? await claimIdempotencyKey(trx, idempotency) : null;
    if (earlier) return { ...earlier, replayed: true };
    const { id, created } = await lockProgramme(trx, result.programme);
    if (!created) await refuseFrozen(trx, id);
    const identicalTo =
      created || options.saveIdentical ? undefined : await identicalLatest(trx, id, prepared.documentJson);
    if (identicalTo !== undefined) {
      if (idempotency) await releaseIdempotencyKey(trx, idempotency.key);
      return { programmeId: id, version: identicalTo, created: false, identicalTo };
    }
    written = await writeVersion(trx, {
      programmeId: id,
      programme: result.programme,
      findings: result.findings,
      kind: "import",
      source,
      note: null,
      actor,
      ...prepared,
      findingsJson,
      ...(unchanged ? { unchanged } : {}),
    });
    const { version } = written;
    await writeAudit(trx, actor, {
      action: "import",
      entity: "programme",
      entityId: id,
      before: created ? null : { version: version - 1 },
      after: { version, sourceName: source.name, sourceSha256: source.sha256 },
    });
    if (idempotency)
      await recordIdempotentResult(trx, idempotency.key, { programmeId: id, version, created });
    return { programmeId: id, version, created };
  });
  if (written) remember(db, written, identity, prepared, findingsJson);
  return saved;
}

/** What a committed whole write left: its document and findings, and its query-table rows. */
function remember(
  db: Kysely<Database>,
  written: VersionKey,
  identity: string,
  prepared: { documentJson: string; rows: NormalizedRows },
  findingsJson: string,
): void {
  rememberVersion(db, written, { document: prepared.documentJson, findings: findingsJson });
  rememberRows(db, written.programmeId, identity, written.version, prepared.rows);
}

/** The programme has a newer version than the one the edit was made on. */
export class VersionConflictError extends Error {
  constructor(readonly latestVersion: number) {
    super(`Програму тим часом змінено (остання версія ${latestVersion})`);
  }
}

/**
 * Stores an edited programme as its next version. With `baseVersion` (the version the user edited), an
 * edit made on an older version throws `VersionConflictError` instead of overwriting what came since.
 */
export async function saveEdit(
  db: Kysely<Database>,
  programmeId: number,
  programme: Programme,
  findings: Finding[],
  note?: string,
  actor: Actor = null,
  baseVersion?: number,
): Promise<SavedVersion | undefined> {
  const prepared = prepareWrite(programme);
  const findingsJson = JSON.stringify(findings);
  const unchanged = unchangedTables(db, programmeId, prepared.rows);
  const written = await db.transaction().execute(async (trx) => {
    await refuseFrozen(trx, programmeId);
    if (baseVersion !== undefined) await refuseStaleBase(trx, programmeId, baseVersion);
    return writeEditVersion(trx, {
      programmeId,
      programme,
      findings,
      note,
      actor,
      prepared: { ...prepared, findingsJson, ...(unchanged ? { unchanged } : {}) },
    });
  });
  if (!written) return undefined;
  const identity = programmeIdentity(communityKey(programme.community), programme.period);
  remember(db, written, identity, prepared, findingsJson);
  return { programmeId, version: written.version, created: false };
}

async function refuseStaleBase(trx: Transaction<Database>, programmeId: number, baseVersion: number) {
  await trx.selectFrom("programmes").select("id").where("id", "=", programmeId).forUpdate().execute();
  const latest = await trx
    .selectFrom("programme_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("programme_id", "=", programmeId)
    .executeTakeFirst();
  if (latest?.version != null && latest.version !== baseVersion)
    throw new VersionConflictError(latest.version);
}

function summaries(db: Kysely<Database>) {
  return db
    .selectFrom("programmes as p")
    .innerJoin("communities as c", "c.katottg", "p.katottg")
    .innerJoin("programme_versions as v", (join) =>
      join
        .onRef("v.programme_id", "=", "p.id")
        .on(
          sql<boolean>`v.version = (select max(w.version) from programme_versions w where w.programme_id = p.id)`,
        ),
    )
    .select([
      "p.id",
      "p.katottg",
      "c.name as community_name",
      "p.title",
      "p.period_from",
      "p.period_to",
      "p.status",
      "p.created_at",
      "p.updated_at",
      "v.version as latest_version",
      "v.error_count",
      "v.warning_count",
    ])
    .select(
      sql<number>`(select count(*)::int from programme_versions w where w.programme_id = p.id)`.as(
        "version_count",
      ),
    )
    .select(
      sql<string | number | bigint>`(select coalesce(sum(f.amount_kopecks), 0)::bigint from funding_rows f
        where f.programme_id = p.id and f.item_id is not null and f.year is null and f.source <> 'total')`.as(
        "total",
      ),
    );
}

export async function listProgrammes(
  db: Kysely<Database>,
  filter: ProgrammeFilter = {},
): Promise<ProgrammeSummary[]> {
  let query = summaries(db);
  if (filter.q?.trim()) {
    const pattern = `%${filter.q.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb("p.title", "ilike", pattern),
        eb("c.name", "ilike", pattern),
        eb("p.katottg", "ilike", pattern),
      ]),
    );
  }
  if (filter.year !== undefined) {
    query = query.where("p.period_from", "<=", filter.year).where("p.period_to", ">=", filter.year);
  }
  if (filter.status) query = query.where("p.status", "=", filter.status);
  if (filter.katottg) query = query.where("p.katottg", "=", filter.katottg);
  const rows = await query.orderBy("p.period_from", "desc").orderBy("c.name").orderBy("p.id").execute();
  return rows.map(toSummary);
}

export async function getProgramme(
  db: Kysely<Database>,
  id: number,
  version?: number,
): Promise<StoredProgramme | undefined> {
  const summaryRow = await summaries(db).where("p.id", "=", id).executeTakeFirst();
  if (!summaryRow) return undefined;
  const versions = await listVersions(db, id);
  const info = versions.find((each) => each.version === (version ?? summaryRow.latest_version));
  if (!info) return undefined;
  const key = {
    programmeId: id,
    version: info.version,
    sha256: info.sourceSha256,
    createdAt: info.createdAt,
  };
  const stored = await versionDocument(db, key);
  if (!stored) return undefined;
  return {
    summary: toSummary(summaryRow),
    version: info,
    programme: stored.document as Programme,
    findings: stored.findings as Finding[],
    versions,
  };
}

export async function findProgrammeId(
  db: Kysely<Database>,
  katottg: string,
  period: { from: number; to: number },
): Promise<number | undefined> {
  return (await selectProgrammeId(db, katottg, period).executeTakeFirst())?.id;
}

function selectVersions(db: Kysely<Database>, id: number) {
  return db
    .selectFrom("programme_versions as v")
    .leftJoin("users as u", "u.id", "v.created_by")
    .select([
      "v.version",
      "v.created_at",
      "v.kind",
      "v.source_name",
      "v.source_sha256",
      "v.note",
      "v.error_count",
      "v.warning_count",
      "u.display_name as author",
    ])
    .where("v.programme_id", "=", id);
}

export async function listVersions(db: Kysely<Database>, id: number): Promise<VersionInfo[]> {
  const rows = await selectVersions(db, id).orderBy("v.version").execute();
  return rows.map(toVersionInfo);
}

/** One version's information; undefined when the programme has no such version. */
export async function versionInfo(
  db: Kysely<Database>,
  id: number,
  version: number,
): Promise<VersionInfo | undefined> {
  const row = await selectVersions(db, id).where("v.version", "=", version).executeTakeFirst();
  return row && toVersionInfo(row);
}

export function setStatus(
  db: Kysely<Database>,
  id: number,
  status: ProgrammeStatus,
  actor: Actor = null,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("programmes")
      .select("status")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .updateTable("programmes")
      .set({ status, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .execute();
    await refreshNationalSums(trx, [id]);
    await writeAudit(trx, actor, {
      action: "status",
      entity: "programme",
      entityId: id,
      before: { status: row.status },
      after: { status },
    });
    return true;
  });
}

interface SummaryRow {
  id: number;
  katottg: string;
  community_name: string;
  title: string;
  period_from: number;
  period_to: number;
  status: string;
  created_at: Date;
  updated_at: Date;
  latest_version: number;
  error_count: number;
  warning_count: number;
  version_count: number;
  total: string | number | bigint;
}

function toSummary(row: SummaryRow): ProgrammeSummary {
  return {
    id: row.id,
    katottg: row.katottg,
    communityName: row.community_name,
    title: row.title,
    period: { from: row.period_from, to: row.period_to },
    status: row.status as ProgrammeStatus,
    total: toKopecks(row.total),
    versionCount: row.version_count,
    latestVersion: row.latest_version,
    errors: row.error_count,
    warnings: row.warning_count,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toVersionInfo(row: {
  version: number;
  created_at: Date;
  kind: string;
  source_name: string;
  source_sha256: string;
  note: string | null;
  error_count: number;
  warning_count: number;
  author: string | null;
}): VersionInfo {
  return {
    version: row.version,
    createdAt: toIso(row.created_at),
    kind: row.kind as VersionInfo["kind"],
    sourceName: row.source_name,
    sourceSha256: row.source_sha256,
    note: row.note,
    errors: row.error_count,
    warnings: row.warning_count,
    author: row.author,
  };
}

/** An edit to store as a programme's next version: `writeEdit` and `writeProjectVersion` take it. */
export interface EditWrite {
  programmeId: number;
  programme: Programme;
  /** The edited programme's findings. */
  findings: Finding[];
  note?: string | undefined;
  actor: Actor;
  /** What was serialised or worked out outside the transaction. */
  prepared?: PreparedWrite;
}

/**
 * A new version of kind "edit" inside the caller's transaction (the programme row locked first);
 * undefined when there is no such programme. `saveEdit` and the agreement steps that fill the passport
 * write through it.
 */
export async function writeEdit(
  trx: Transaction<Database>,
  edit: EditWrite,
): Promise<SavedVersion | undefined> {
  const written = await writeEditVersion(trx, edit);
  return written && { programmeId: edit.programmeId, version: written.version, created: false };
}

/** `writeEdit`, answering the version written. */
async function writeEditVersion(
  trx: Transaction<Database>,
  edit: EditWrite,
): Promise<VersionKey | undefined> {
  const { programmeId, programme, prepared = {} } = edit;
  const documentJson = prepared.documentJson ?? JSON.stringify(programme);
  const row = await trx
    .selectFrom("programmes")
    .select("id")
    .where("id", "=", programmeId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return undefined;
  const katottg = await ensureCommunity(trx, programme);
  await trx
    .updateTable("programmes")
    .set({ katottg, period_from: programme.period.from, period_to: programme.period.to })
    .where("id", "=", programmeId)
    .execute();
  return writeEditRows(trx, { ...edit, prepared: { ...prepared, documentJson } });
}

/**
 * One project's own fields saved as the version after `version - 1`, inside the caller's transaction:
 * the caller has locked the programme's row and read its latest version. A project's fields change
 * neither the community nor the period, so the programme's row is not rewritten with them.
 */
export function writeProjectVersion(
  trx: Transaction<Database>,
  edit: EditWrite & {
    prepared: PreparedWrite & { changedItem: string; documentJson: string; version: number };
  },
): Promise<VersionKey> {
  return writeEditRows(trx, edit);
}

async function writeEditRows(
  trx: Transaction<Database>,
  edit: EditWrite & { prepared: PreparedWrite & { documentJson: string; version?: number } },
): Promise<VersionKey> {
  const { programmeId, programme, findings, note, actor, prepared } = edit;
  const { changedItem, documentJson } = prepared;
  const source = { name: "редагування", sha256: sha256(documentJson) };
  const written = await writeVersion(trx, {
    programmeId,
    programme,
    findings,
    kind: "edit",
    source,
    note: note ?? null,
    actor,
    changedItem,
    documentJson,
    rows: prepared.rows,
    projectPatch: prepared.projectPatch,
    findingsJson: prepared.findingsJson,
    version: prepared.version,
    ...(prepared.unchanged ? { unchanged: prepared.unchanged } : {}),
  });
  const { version } = written;
  await writeAudit(trx, actor, {
    action: "edit",
    entity: "programme",
    entityId: programmeId,
    before: { version: version - 1 },
    after: changedItem
      ? { version, note: note ?? null, project: changedItem }
      : { version, note: note ?? null },
  });
  return written;
}

/** A programme under review or agreed is not edited (agreement with the Ministry, docs/agreement.md). */
export async function refuseFrozen(trx: Transaction<Database>, programmeId: number): Promise<void> {
  const row = await trx
    .selectFrom("programmes")
    .select("agreement_state")
    .where("id", "=", programmeId)
    .forUpdate()
    .executeTakeFirst();
  const state = row?.agreement_state as AgreementState | undefined;
  if (state && !isEditable(state)) throw new ProgrammeFrozenError(state);
}
