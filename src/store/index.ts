import { mkdir } from "node:fs/promises";
import { type Dialect, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { config } from "../config.js";
import type { Finding, ImportResult, Programme } from "../domain/model.js";
import type { Actor } from "./audit.js";
import { DataChanges, listenForChanges, WriteCounter } from "./changes.js";
import { lockDataDir } from "./data-dir-lock.js";
import { fillCommunityGeography } from "./geography.js";
import type { IdempotentRequest } from "./idempotency.js";
import { migrateToLatest } from "./migrations/index.js";
import { PGliteDialect } from "./pglite-dialect.js";
import {
  findProgrammeId,
  getProgramme,
  listProgrammes,
  listVersions,
  type ProgrammeFilter,
  type ProgrammeStatus,
  type ProgrammeSummary,
  type SavedVersion,
  type SaveImportOptions,
  type StoredProgramme,
  saveEdit,
  saveImport,
  setStatus,
  type VersionInfo,
} from "./programmes.js";
import { ReadCache } from "./read-cache.js";
import type { Database } from "./schema.js";
import { gatherStatistics } from "./statistics.js";

export { parseJson } from "./convert.js";
export {
  PROGRAMME_STATUSES,
  type ProgrammeFilter,
  type ProgrammeStatus,
  type ProgrammeSummary,
  type SavedVersion,
  type SaveImportOptions,
  type StoredProgramme,
  sha256,
  VersionConflictError,
  type VersionInfo,
  writeEdit,
} from "./programmes.js";

export interface Store {
  /**
   * `actor`: who imports, for the audit log (written in the same transaction); null = the system. A
   * programme identical to the latest version is not stored again (`identicalTo` names that version)
   * unless `options.saveIdentical`.
   */
  saveImport(
    result: ImportResult,
    source: { name: string; sha256: string },
    actor?: Actor,
    idempotency?: IdempotentRequest,
    options?: SaveImportOptions,
  ): Promise<SavedVersion>;
  /**
   * A new version of kind "edit"; undefined when there is no such programme. With `baseVersion`, throws
   * `VersionConflictError` when a newer version was stored since.
   */
  saveEdit(
    programmeId: number,
    programme: Programme,
    findings: Finding[],
    note?: string,
    actor?: Actor,
    baseVersion?: number,
  ): Promise<SavedVersion | undefined>;
  listProgrammes(filter?: ProgrammeFilter): Promise<ProgrammeSummary[]>;
  getProgramme(id: number, version?: number): Promise<StoredProgramme | undefined>;
  /** Id of the programme of a community (KATOTTG or fallback key) for a period. */
  findProgrammeId(katottg: string, period: { from: number; to: number }): Promise<number | undefined>;
  listVersions(id: number): Promise<VersionInfo[]>;
  /** False when there is no such programme. */
  setStatus(id: number, status: ProgrammeStatus, actor?: Actor): Promise<boolean>;
  /** The Kysely instance, for the store modules of monitoring (users, sessions, reports, audit). */
  kysely(): Kysely<Database>;
  /** Moves whenever the data may have changed: for caches of what is derived from it. */
  readonly changes: DataChanges;
  /**
   * `read()`'s answer, kept under `key` until the next write on PGlite (src/store/read-cache.ts); read
   * every time on PostgreSQL. For reads of this store's own tables only, answered as copies.
   */
  keptRead<T>(key: string, read: () => Promise<T>): Promise<T>;
  /** Also hear other processes' writes (PostgreSQL LISTEN); PGlite has no other writers. */
  watchChanges(): void;
  /** Applies pending migrations (openStore already did); returns the names applied now. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PGlite data folder, or ":memory:". Default: INFOPROG_DATA_DIR, else ./data/pglite. */
  dataDir?: string;
  /** PostgreSQL connection string. Default: DATABASE_URL. Takes precedence over dataDir. */
  databaseUrl?: string;
  /**
   * PGlite's planner statistics on opening (it has no autovacuum): "refresh" gathers them for every
   * table (the server, once at its start); "when-missing" (default: the CLI, tests) only for the
   * tables that have none, or were analysed empty and hold rows now — ANALYZE of a large data folder
   * would cost every CLI command seconds.
   */
  planStatistics?: "refresh" | "when-missing";
  /**
   * PGlite only: a dump of a data folder (`PGlite.dumpDataDir`) to start a new or in-memory database
   * from, instead of an empty one (initdb costs seconds): tests start from a migrated copy.
   */
  pgliteDump?: Blob;
}

function databaseUrlOf(options: StoreOptions): string | undefined {
  const explicitDir = options.dataDir !== undefined && options.databaseUrl === undefined;
  return options.databaseUrl ?? (explicitDir ? undefined : config().database.url);
}

/**
 * A pool whose connections may be cut (a server restart, a failover, an administrator): pg emits that
 * as an 'error' event, which would end the process when nobody listens. The pool listens on idle
 * connections only; a connection checked out for a transaction gets its own listener here. Its query
 * in flight fails by itself (the request answers 503, see `isDatabaseUnavailable`), the transaction
 * is rolled back by the server, and the pool drops the broken connection when it is released.
 */
function postgresPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  pool.on("error", (error) => console.error(`PostgreSQL: an idle connection was lost (${error.message})`));
  pool.on("connect", (client) => {
    client.on("error", (error) =>
      console.error(`PostgreSQL: a connection in use was lost (${error.message})`),
    );
  });
  return pool;
}

interface OpenedDialect {
  dialect: Dialect;
  /** Releases what the database held besides its connections (the PGlite folder's lock). */
  release(): Promise<void>;
}

const nothingToRelease = async () => {};

async function createDialect(options: StoreOptions): Promise<OpenedDialect> {
  const databaseUrl = databaseUrlOf(options);
  if (databaseUrl) {
    return { dialect: new PostgresDialect({ pool: postgresPool(databaseUrl) }), release: nothingToRelease };
  }
  // Loaded only here: a server on PostgreSQL should not carry PGlite's tens of megabytes.
  const { PGlite } = await import("@electric-sql/pglite");
  const dataDir = options.dataDir ?? config().database.dataDir;
  const loadDataDir = options.pgliteDump ? { loadDataDir: options.pgliteDump } : {};
  if (dataDir === ":memory:") {
    return { dialect: new PGliteDialect(await PGlite.create(loadDataDir)), release: nothingToRelease };
  }
  await mkdir(dataDir, { recursive: true });
  const release = await lockDataDir(dataDir);
  try {
    return { dialect: new PGliteDialect(await PGlite.create(dataDir, loadDataDir)), release };
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Opens the database (PostgreSQL when a URL is given, else embedded PGlite) and migrates it. PGlite has
 * no autovacuum, so its planner statistics are gathered here (`planStatistics`): without them a paged
 * list sorts the whole range after its cursor instead of reading the index in order. A PGlite
 * folder is this process's until `close()`: while another process holds it, throws
 * `DataDirLockedError`.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const databaseUrl = databaseUrlOf(options);
  const changes = new DataChanges({ hearsOthers: databaseUrl === undefined });
  const { dialect, release } = await createDialect(options);
  const db = new Kysely<Database>({ dialect, plugins: [new WriteCounter(changes)] });
  try {
    await migrateToLatest(db);
    await fillCommunityGeography(db).catch((error: unknown) => {
      // A read-only replica (serve:public) cannot write: the primary fills the rows when it opens.
      if (!/read-only/i.test(String((error as Error)?.message))) throw error;
    });
    if (!databaseUrl) await gatherStatistics(db, options.planStatistics ?? "when-missing");
  } catch (error) {
    await db.destroy();
    await release();
    throw error;
  }
  return new KyselyStore(db, changes, databaseUrl, release);
}

class KyselyStore implements Store {
  private stopListening?: () => Promise<void>;
  /** Lists and details kept per data generation: PGlite only (src/store/read-cache.ts). */
  private readonly reads: ReadCache | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    readonly changes: DataChanges,
    private readonly databaseUrl: string | undefined,
    private readonly release: () => Promise<void>,
  ) {
    this.reads = databaseUrl === undefined ? new ReadCache(changes) : undefined;
  }

  watchChanges(): void {
    if (this.databaseUrl && !this.stopListening) {
      this.stopListening = listenForChanges(this.databaseUrl, this.changes);
    }
  }

  kysely(): Kysely<Database> {
    return this.db;
  }

  saveImport(
    result: ImportResult,
    source: { name: string; sha256: string },
    actor?: Actor,
    idempotency?: IdempotentRequest,
    options?: SaveImportOptions,
  ): Promise<SavedVersion> {
    return saveImport(this.db, result, source, actor, idempotency, options);
  }

  saveEdit(
    programmeId: number,
    programme: Programme,
    findings: Finding[],
    note?: string,
    actor?: Actor,
    baseVersion?: number,
  ) {
    return saveEdit(this.db, programmeId, programme, findings, note, actor, baseVersion);
  }

  keptRead<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.reads ? this.reads.get(key, read) : read();
  }

  listProgrammes(filter?: ProgrammeFilter): Promise<ProgrammeSummary[]> {
    const read = () => listProgrammes(this.db, filter);
    return this.reads ? this.reads.get(`list ${JSON.stringify(filter ?? {})}`, read) : read();
  }

  getProgramme(id: number, version?: number): Promise<StoredProgramme | undefined> {
    const read = () => getProgramme(this.db, id, version);
    return this.reads ? this.reads.get(`programme ${id} ${version ?? "latest"}`, read) : read();
  }

  findProgrammeId(katottg: string, period: { from: number; to: number }): Promise<number | undefined> {
    return findProgrammeId(this.db, katottg, period);
  }

  listVersions(id: number): Promise<VersionInfo[]> {
    return listVersions(this.db, id);
  }

  setStatus(id: number, status: ProgrammeStatus, actor?: Actor): Promise<boolean> {
    return setStatus(this.db, id, status, actor);
  }

  migrate(): Promise<string[]> {
    return migrateToLatest(this.db);
  }

  async close(): Promise<void> {
    await this.stopListening?.();
    try {
      await this.db.destroy();
    } finally {
      await this.release();
    }
  }
}
