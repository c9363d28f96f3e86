import { type Insertable, type InsertObject, type Kysely, sql, type Transaction } from "kysely";
import type { SyntheticProgramme } from "../domain/synthetic/index.js";
import { communityKey } from "./community-key.js";
import type { Database } from "./db-types.js";
import type { ProgrammeStatus } from "./index.js";
import { type NormalizedRows, normalizeProgramme } from "./normalize.js";
import { refreshSummaries } from "./summaries.js";

export interface LoadOptions {
  /** Programmes per transaction. Default 50. */
  batchSize?: number;
  /** Default "published": the generated nation is for the public API and its benchmark. */
  status?: ProgrammeStatus;
  /** Source name recorded in each version row. */
  sourceName?: string;
  onBatch?(loaded: number, skipped: number): void;
}

export interface LoadResult {
  loaded: number;
  /** Programmes already in the store for that community and period: left as they are. */
  skipped: number;
}

/** PostgreSQL accepts at most 65 535 bind parameters per statement. */
const MAX_PARAMETERS = 60_000;

async function insertMany<T extends keyof Database>(
  trx: Transaction<Database>,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  for (let start = 0; start < rows.length; start += chunk) {
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + chunk) as InsertObject<Database, T>[])
      .execute();
  }
}

async function upsertCommunities(trx: Transaction<Database>, batch: SyntheticProgramme[]): Promise<void> {
  const rows = new Map(
    batch.map(({ community, programme }) => [
      communityKey(programme.community),
      {
        katottg: communityKey(programme.community),
        name: community.name,
        oblast: community.oblast,
        population: community.population,
      },
    ]),
  );
  await trx
    .insertInto("communities")
    .values([...rows.values()])
    .onConflict((conflict) =>
      conflict.column("katottg").doUpdateSet((eb) => ({
        oblast: eb.ref("excluded.oblast"),
        population: eb.ref("excluded.population"),
      })),
    )
    .execute();
}

/** Inserts the programme rows; returns the new ids by position in the batch (undefined: already there). */
async function insertProgrammes(
  trx: Transaction<Database>,
  batch: SyntheticProgramme[],
  status: ProgrammeStatus,
): Promise<(number | undefined)[]> {
  const inserted = await trx
    .insertInto("programmes")
    .values(
      batch.map(({ programme }) => ({
        katottg: communityKey(programme.community),
        title: programme.title,
        period_from: programme.period.from,
        period_to: programme.period.to,
        status,
      })),
    )
    .onConflict((conflict) => conflict.columns(["katottg", "period_from", "period_to"]).doNothing())
    .returning(["id", "katottg", "period_from", "period_to"])
    .execute();
  const ids = new Map(inserted.map((row) => [`${row.katottg}|${row.period_from}|${row.period_to}`, row.id]));
  return batch.map(({ programme }) =>
    ids.get(`${communityKey(programme.community)}|${programme.period.from}|${programme.period.to}`),
  );
}

async function loadBatch(
  trx: Transaction<Database>,
  batch: SyntheticProgramme[],
  options: Required<Pick<LoadOptions, "status" | "sourceName">>,
): Promise<number> {
  await upsertCommunities(trx, batch);
  const ids = await insertProgrammes(trx, batch, options.status);
  const rows: NormalizedRows = { directions: [], items: [], fundingRows: [], indicators: [] };
  const versions: Insertable<Database["programme_versions"]>[] = [];
  const loadedIds: number[] = [];
  batch.forEach(({ programme }, index) => {
    const id = ids[index];
    if (id === undefined) return;
    loadedIds.push(id);
    const document = JSON.stringify(programme);
    versions.push({
      programme_id: id,
      version: 1,
      source_name: options.sourceName,
      source_sha256: "",
      kind: "import",
      note: null,
      document,
      findings: "[]",
      error_count: 0,
      warning_count: 0,
    });
    const normalized = normalizeProgramme(id, programme);
    rows.directions.push(...normalized.directions);
    rows.items.push(...normalized.items);
    rows.fundingRows.push(...normalized.fundingRows);
    rows.indicators.push(...normalized.indicators);
  });
  await insertMany(trx, "programme_versions", versions);
  await insertMany(trx, "directions", rows.directions);
  await insertMany(trx, "items", rows.items);
  await insertMany(trx, "funding_rows", rows.fundingRows);
  await insertMany(trx, "indicators", rows.indicators);
  await refreshSummaries(trx, loadedIds);
  return loadedIds.length;
}

/**
 * Loads generated programmes in batches, one transaction per batch, with multi-row inserts — far fewer
 * round trips than `saveImport` per programme. The version rows carry no findings (synthetic programmes
 * are generated consistent).
 */
export async function loadProgrammes(
  db: Kysely<Database>,
  programmes: Iterable<SyntheticProgramme>,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const batchSize = options.batchSize ?? 50;
  const settings = { status: options.status ?? "published", sourceName: options.sourceName ?? "synthetic" };
  const result: LoadResult = { loaded: 0, skipped: 0 };
  let batch: SyntheticProgramme[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    const loaded = await db.transaction().execute((trx) => loadBatch(trx, current, settings));
    result.loaded += loaded;
    result.skipped += current.length - loaded;
    options.onBatch?.(result.loaded, result.skipped);
  };
  for (const programme of programmes) {
    batch.push(programme);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  // Fresh statistics, so the planner walks the new rows by index (autovacuum would, later; PGlite never).
  if (result.loaded > 0) await sql`analyze`.execute(db);
  return result;
}
