import { type Kysely, sql, type Transaction } from "kysely";
import type { ExecutorReport } from "../domain/monitoring/reports.js";
import { guessUnitKind, type UnitKind } from "../domain/org-units.js";
import type { SyntheticProgramme } from "../domain/synthetic/index.js";
import { communityKey } from "./community-key.js";
import { matchItemUnits } from "./monitoring.js";
import { type NormalizedRows, normalizeProgramme } from "./normalize.js";
import type { ProgrammeStatus } from "./programmes.js";
import type { Database } from "./schema.js";
import { analyzeSchema } from "./statistics.js";
import { refreshSummaries } from "./summaries.js";
import { normalizeName, type OrgUnit, UNIT_COLUMNS } from "./users.js";

export interface LoadOptions {
  /** Programmes per transaction. Default 100. */
  batchSize?: number;
  /** Default "published": the generated nation is for the public API and its benchmark. */
  status?: ProgrammeStatus;
  /** Source name recorded in each version row. */
  sourceName?: string;
  /** Batches written at once, each in its own transaction (PGlite runs them one after another). Default 2. */
  concurrency?: number;
  /** After each batch: programmes loaded and skipped so far, and the executor reports loaded so far. */
  onBatch?(loaded: number, skipped: number, reports: number): void;
}

export interface LoadResult {
  loaded: number;
  /** Programmes already in the store for that community and period: left as they are, reports too. */
  skipped: number;
}

type Trx = Transaction<Database>;

/**
 * Column → its SQL type. "json": the value is an object, stored as jsonb; "jsonb": the value is JSON
 * text; "text[]": the value is an array of strings.
 */
type Columns = Record<string, string>;

/** An array of strings as a PostgreSQL array literal. */
function textArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

/** One column of the rows as a JSON array, and the SQL that reads its elements back. */
function columnSource(type: string, values: unknown[]) {
  if (type === "json") return sql`jsonb_array_elements(${JSON.stringify(values)}::jsonb)`;
  const plain = type === "text[]" ? values.map((value) => textArray(value as string[])) : values;
  return sql`json_array_elements_text(${JSON.stringify(plain)}::json)`;
}

/**
 * `select … from rows from (…)` over the rows: each column travels as one text parameter holding a
 * JSON array (serialized natively, parsed once by PostgreSQL), and the set-returning functions are
 * zipped by position — no limit on bind parameters, no driver-specific array handling, so PGlite runs
 * it too.
 */
function selectRows(columns: Columns, rows: readonly Record<string, unknown>[]) {
  const names = Object.keys(columns);
  const sources = names.map((name) =>
    columnSource(
      columns[name] ?? "text",
      rows.map((row) => row[name] ?? null),
    ),
  );
  const selected = names.map((name) => {
    const type = columns[name] ?? "text";
    const column = sql`x.${sql.id(name)}`;
    return type === "json" || type === "text" ? column : sql`${column}::${sql.raw(type)}`;
  });
  const aliases = sql.join(names.map((name) => sql.id(name)));
  return sql`select ${sql.join(selected)} from rows from (${sql.join(sources)}) as x(${aliases})`;
}

/** One INSERT per table and batch. */
async function insertRows(
  trx: Trx,
  table: string,
  columns: Columns,
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = sql.join(Object.keys(columns).map((name) => sql.id(name)));
  await sql`insert into ${sql.table(table)} (${names}) ${selectRows(columns, rows)}`.execute(trx);
}

const COLUMNS = {
  programme_versions: {
    programme_id: "int",
    version: "int",
    source_name: "text",
    source_sha256: "text",
    kind: "text",
    document: "json",
    findings: "json",
    error_count: "int",
    warning_count: "int",
  },
  directions: { programme_id: "int", position: "int", number: "text", title: "text" },
  items: {
    programme_id: "int",
    id: "text",
    parent_id: "text",
    direction_position: "int",
    number: "text",
    title: "text",
    executors: "text[]",
    deadline: "jsonb",
    expected_result: "text",
    depth: "int",
    position: "int",
    category: "text",
  },
  funding_rows: {
    programme_id: "int",
    item_id: "text",
    direction: "text",
    source: "text",
    label: "text",
    year: "int",
    amount_kopecks: "bigint",
  },
  indicators: {
    programme_id: "int",
    position: "int",
    number: "text",
    direction: "text",
    name: "text",
    unit: "text",
    baseline: "text",
    targets: "jsonb",
  },
  reporting_settings: { programme_id: "int", cadence: "text" },
  item_units: { programme_id: "int", item_id: "text", org_unit_id: "int" },
  executor_reports: {
    id: "text",
    programme_id: "int",
    item_id: "text",
    period_key: "text",
    org_unit_id: "int",
    status: "text",
    progress_percent: "real",
    actual: "json",
    text: "text",
    attachments: "json",
    indicator_actuals: "json",
    created_at: "timestamptz",
    submitted_at: "timestamptz",
    locked_at: "timestamptz",
    correction_of: "text",
  },
} satisfies Record<string, Columns>;

async function upsertCommunities(trx: Trx, batch: SyntheticProgramme[]): Promise<void> {
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
  const columns = { katottg: "text", name: "text", oblast: "text", population: "int" };
  await sql`
    insert into communities (katottg, name, oblast, population) ${selectRows(columns, [...rows.values()])}
    on conflict (katottg) do update set oblast = excluded.oblast, population = excluded.population`.execute(
    trx,
  );
}

/** Inserts the programme rows; returns the new ids by position in the batch (undefined: already there). */
async function insertProgrammes(
  trx: Trx,
  batch: SyntheticProgramme[],
  status: ProgrammeStatus,
): Promise<(number | undefined)[]> {
  const rows = batch.map(({ programme }) => ({
    katottg: communityKey(programme.community),
    title: programme.title,
    period_from: programme.period.from,
    period_to: programme.period.to,
    status,
  }));
  const columns = { katottg: "text", title: "text", period_from: "int", period_to: "int", status: "text" };
  const inserted = await sql<{ id: number; katottg: string; period_from: number; period_to: number }>`
    insert into programmes (katottg, title, period_from, period_to, status) ${selectRows(columns, rows)}
    on conflict (katottg, period_from, period_to) do nothing
    returning id, katottg, period_from, period_to`.execute(trx);
  const ids = new Map(
    inserted.rows.map((row) => [`${row.katottg}|${row.period_from}|${row.period_to}`, row.id]),
  );
  // A programme listed twice in one batch is loaded once: the second copy counts as already there.
  return rows.map((row) => {
    const key = `${row.katottg}|${row.period_from}|${row.period_to}`;
    const id = ids.get(key);
    ids.delete(key);
    return id;
  });
}

interface Loaded {
  id: number;
  synthetic: SyntheticProgramme;
}

async function insertDocuments(trx: Trx, loaded: Loaded[], sourceName: string): Promise<void> {
  const rows: NormalizedRows = { directions: [], items: [], fundingRows: [], indicators: [] };
  const versions = loaded.map(({ id, synthetic }) => {
    const normalized = normalizeProgramme(id, synthetic.programme);
    rows.directions.push(...normalized.directions);
    rows.items.push(...normalized.items);
    rows.fundingRows.push(...normalized.fundingRows);
    rows.indicators.push(...normalized.indicators);
    return {
      programme_id: id,
      version: 1,
      source_name: sourceName,
      source_sha256: "",
      kind: "import",
      document: synthetic.programme,
      findings: [],
      error_count: 0,
      warning_count: 0,
    };
  });
  await insertRows(trx, "programme_versions", COLUMNS.programme_versions, versions);
  await insertRows(trx, "directions", COLUMNS.directions, rows.directions);
  await insertRows(trx, "items", COLUMNS.items, rows.items);
  await insertRows(trx, "funding_rows", COLUMNS.funding_rows, rows.fundingRows);
  await insertRows(trx, "indicators", COLUMNS.indicators, rows.indicators);
}

/**
 * The org units the batch's programmes name, created where missing (matched by normalized name, like
 * `ensureOrgUnit`), and every unit of the batch's communities.
 */
async function orgUnitsOf(trx: Trx, loaded: Loaded[]): Promise<Map<string, OrgUnit[]>> {
  const katottgs = [...new Set(loaded.map(({ synthetic }) => communityKey(synthetic.programme.community)))];
  const existing = await unitsByCommunity(trx, katottgs);
  const missing = new Map<string, { katottg: string; name: string; kind: UnitKind }>();
  for (const { synthetic } of loaded) {
    const katottg = communityKey(synthetic.programme.community);
    const known = new Set((existing.get(katottg) ?? []).map((unit) => normalizeName(unit.name)));
    for (const name of synthetic.units ?? []) {
      const key = `${katottg}|${normalizeName(name)}`;
      if (!known.has(normalizeName(name)) && !missing.has(key))
        missing.set(key, { katottg, name, kind: guessUnitKind(name) });
    }
  }
  if (missing.size === 0) return existing;
  await sql`
    insert into org_units (katottg, name, kind) ${selectRows({ katottg: "text", name: "text", kind: "text" }, [...missing.values()])}
    on conflict (katottg, name) do nothing`.execute(trx);
  return unitsByCommunity(trx, katottgs);
}

async function unitsByCommunity(trx: Trx, katottgs: string[]): Promise<Map<string, OrgUnit[]>> {
  const units = await trx
    .selectFrom("org_units")
    .select(UNIT_COLUMNS)
    .where("katottg", "in", katottgs)
    .orderBy("id")
    .execute();
  const out = new Map<string, OrgUnit[]>();
  for (const unit of units) out.set(unit.katottg, [...(out.get(unit.katottg) ?? []), unit]);
  return out;
}

function reportRow(programmeId: number, report: ExecutorReport, unitId: number) {
  return {
    id: report.id,
    programme_id: programmeId,
    item_id: report.itemId,
    period_key: report.periodKey,
    org_unit_id: unitId,
    status: report.status,
    progress_percent: report.progressPercent ?? null,
    actual: report.actual,
    text: report.text,
    attachments: report.attachments,
    indicator_actuals: report.indicatorActuals,
    created_at: report.submittedAt,
    submitted_at: report.submittedAt,
    locked_at: report.lockedAt,
    correction_of: report.correctionOf ?? null,
  };
}

/**
 * The monitoring rows of the programmes that come with reports: cadence, which unit executes which
 * project (derived from the executor names as `itemUnitsOf` would), and the reports, as the store
 * writes them (created_at = submitted_at, no author). Returns the number of reports.
 */
async function insertMonitoring(trx: Trx, loaded: Loaded[]): Promise<number> {
  const reporting = loaded.filter(({ synthetic }) => synthetic.reports !== undefined);
  if (reporting.length === 0) return 0;
  const units = await orgUnitsOf(trx, reporting);
  const settings: Record<string, unknown>[] = [];
  const links: Record<string, unknown>[] = [];
  const reports: Record<string, unknown>[] = [];
  for (const { id, synthetic } of reporting) {
    const own = units.get(communityKey(synthetic.programme.community)) ?? [];
    const unitId = new Map(own.map((unit) => [normalizeName(unit.name), unit.id]));
    settings.push({ programme_id: id, cadence: synthetic.cadence ?? "half-year" });
    for (const link of matchItemUnits(synthetic.programme, own)) {
      links.push({ programme_id: id, item_id: link.itemId, org_unit_id: link.orgUnitId });
    }
    for (const report of synthetic.reports ?? []) {
      const unit = unitId.get(normalizeName(report.unit));
      if (unit === undefined) throw new Error(`report ${report.id}: no org unit «${report.unit}»`);
      reports.push(reportRow(id, report, unit));
    }
  }
  await insertRows(trx, "reporting_settings", COLUMNS.reporting_settings, settings);
  await insertRows(trx, "item_units", COLUMNS.item_units, links);
  await insertRows(trx, "executor_reports", COLUMNS.executor_reports, reports);
  return reports.length;
}

type Settings = Required<Pick<LoadOptions, "status" | "sourceName">>;

/**
 * One batch in one transaction. `turn` resolves when the previous batch has inserted its programmes,
 * so that programme ids follow the input order even with batches in flight side by side.
 */
async function loadBatch(
  trx: Trx,
  batch: SyntheticProgramme[],
  settings: Settings,
  turn: { previous: Promise<void>; done(): void },
): Promise<{ loaded: number; reports: number }> {
  let ids: (number | undefined)[];
  try {
    await turn.previous;
    await upsertCommunities(trx, batch);
    ids = await insertProgrammes(trx, batch, settings.status);
  } finally {
    turn.done();
  }
  const loaded = batch.flatMap((synthetic, index) => {
    const id = ids[index];
    return id === undefined ? [] : [{ id, synthetic }];
  });
  if (loaded.length === 0) return { loaded: 0, reports: 0 };
  await preferLz4(trx);
  await insertDocuments(trx, loaded, settings.sourceName);
  await refreshSummaries(
    trx,
    loaded.map(({ id }) => id),
  );
  return { loaded: loaded.length, reports: await insertMonitoring(trx, loaded) };
}

/**
 * For this transaction, compress the version documents with lz4 where the server has it (PGlite has
 * only pglz): about twice as fast and a little smaller; reading is the same either way.
 */
async function preferLz4(trx: Trx): Promise<void> {
  await sql`
    select set_config('default_toast_compression', 'lz4', true) from pg_settings
    where name = 'default_toast_compression' and 'lz4' = any(enumvals)`.execute(trx);
}

/** Lets pending I/O run, so that the batches in flight go on while the next one is being generated. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Batches in flight, each in a transaction of its own; the first failure is kept and rethrown. */
class BatchPipeline {
  readonly result: LoadResult = { loaded: 0, skipped: 0 };
  private reports = 0;
  private readonly inFlight = new Set<Promise<void>>();
  private head: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly settings: Settings,
    private readonly options: LoadOptions,
  ) {}

  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  async add(batch: SyntheticProgramme[]): Promise<void> {
    while (this.inFlight.size >= Math.max(1, this.options.concurrency ?? 2))
      await Promise.race(this.inFlight);
    this.check();
    let done!: () => void;
    const turn = { previous: this.head, done: () => done() };
    this.head = new Promise<void>((resolve) => {
      done = resolve;
    });
    const running = this.db
      .transaction()
      .execute((trx) => loadBatch(trx, batch, this.settings, turn))
      .then((counts) => this.record(batch.length, counts))
      .catch((error: unknown) => {
        this.failure ??= { error };
      })
      .finally(() => {
        done(); // also when the transaction could not even begin, so the next batch does not wait forever
        this.inFlight.delete(running);
      });
    this.inFlight.add(running);
  }

  /** Waits for the batches in flight; never throws. */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight);
  }

  async finish(): Promise<LoadResult> {
    await this.settle();
    this.check();
    return this.result;
  }

  private record(size: number, counts: { loaded: number; reports: number }): void {
    this.result.loaded += counts.loaded;
    this.result.skipped += size - counts.loaded;
    this.reports += counts.reports;
    this.options.onBatch?.(this.result.loaded, this.result.skipped, this.reports);
  }

  private check(): void {
    if (this.failure) throw this.failure.error;
  }
}

/**
 * Loads generated programmes and their executors' reports in batches, one transaction per batch and
 * one INSERT per table in it — far fewer round trips than `saveImport` and the report routes per
 * programme. While batches are written (by default two at once, on their own connections), the next
 * one is generated. The version rows carry no findings (synthetic programmes are generated
 * consistent); no audit rows are written (nobody acted).
 */
export async function loadProgrammes(
  db: Kysely<Database>,
  programmes: Iterable<SyntheticProgramme>,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const batchSize = options.batchSize ?? 100;
  const settings = { status: options.status ?? "published", sourceName: options.sourceName ?? "synthetic" };
  const pipeline = new BatchPipeline(db, settings, options);
  let batch: SyntheticProgramme[] = [];
  try {
    for (const programme of programmes) {
      batch.push(programme);
      if (batch.length >= batchSize) {
        await pipeline.add(batch);
        batch = [];
      } else if (pipeline.busy) await yieldToIo();
    }
    if (batch.length > 0) await pipeline.add(batch);
  } catch (error) {
    await pipeline.settle();
    throw error;
  }
  const result = await pipeline.finish();
  // Fresh statistics, so the planner walks the new rows by index (autovacuum would, later; PGlite never).
  if (result.loaded > 0) await analyzeSchema(db);
  return result;
}
