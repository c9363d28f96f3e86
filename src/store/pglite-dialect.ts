/**
 * A minimal Kysely dialect over PGlite. The maintained packages did not fit: kysely-pglite-dialect
 * declares peer support only up to PGlite 0.4 (the project uses 0.5), and kysely-pglite pulls in a
 * code-generation CLI (oclif, kysely-codegen, chokidar) the store does not need. PGlite is a single
 * connection, so the driver hands it out to one Kysely connection at a time: a transaction cannot
 * interleave with other queries.
 */
import type { PGlite } from "@electric-sql/pglite";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from "kysely";

/** One turn of the connection: how long a request waited for it, held it, and what it did meanwhile. */
export interface ConnectionTurn {
  /** From asking for the connection to getting it (the queue). */
  waitedMs: number;
  /** From getting the connection to giving it back (a transaction: begin → commit; else one statement). */
  heldMs: number;
  /** Of `heldMs`, the time inside PGlite's statements (the rest: JavaScript between them, any request's). */
  inStatementsMs: number;
  /** The process's CPU time while it was held (every request's: the event loop runs on meanwhile). */
  cpuMs: number;
  statements: number;
}

let observer: ((turn: ConnectionTurn) => void) | undefined;

/**
 * Measures every turn of PGlite's one connection from now on (undefined: stop). For the soak's
 * `SOAK_CONNECTION_TIMING` (bench/connection-timing.ts); nothing is measured without an observer.
 */
export function observeConnectionTurns(next: ((turn: ConnectionTurn) => void) | undefined): void {
  observer = next;
}

interface Turn {
  askedAt: number;
  gotAt: number;
  cpu: NodeJS.CpuUsage;
  inStatementsMs: number;
  statements: number;
}

class PGliteConnection implements DatabaseConnection {
  /** The turn being measured, when an observer is set. */
  turn: Turn | undefined;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const turn = this.turn;
    const started = turn ? performance.now() : 0;
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters]);
    if (turn) {
      turn.inStatementsMs += performance.now() - started;
      turn.statements++;
    }
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && result.fields.length === 0 ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors the store needs; Kysely requires the method.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported by the PGlite driver");
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  /** Resolves when the connection is free; each acquire chains onto it. */
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(private readonly pglite: PGlite) {
    this.connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const askedAt = observer ? performance.now() : 0;
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.release = release;
    if (observer) {
      const gotAt = performance.now();
      this.connection.turn = { askedAt, gotAt, cpu: process.cpuUsage(), inStatementsMs: 0, statements: 0 };
    }
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async releaseConnection(): Promise<void> {
    const turn = this.connection.turn;
    this.connection.turn = undefined;
    if (turn && observer) {
      const cpu = process.cpuUsage(turn.cpu);
      observer({
        waitedMs: turn.gotAt - turn.askedAt,
        heldMs: performance.now() - turn.gotAt,
        inStatementsMs: turn.inStatementsMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        statements: turn.statements,
      });
    }
    const release = this.release;
    this.release = undefined;
    release?.();
  }

  async destroy(): Promise<void> {
    await this.pglite.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface takes Kysely<any>.
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
