import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import pg from "pg";

/** The channel the triggers of migration 0007 notify on every write to the published data. */
export const CHANGE_CHANNEL = "infoprog_change";
/** How long a derived value may be trusted when other processes' writes cannot be heard. */
const UNHEARD_MAX_AGE_MS = 1_000;
/** Even when every write is heard, derived values are re-checked this often. */
const HEARD_MAX_AGE_MS = 60_000;
const RECONNECT_MS = 1_000;

/**
 * Counts the changes of the data this process has seen: its own writes (counted by `WriteCounter`
 * when a writing statement returns) and, on PostgreSQL, other processes' writes (NOTIFY from the
 * triggers of migration 0007). A reader caches what it derived together with the generation it read
 * at; a different generation means "read again".
 */
export class DataChanges {
  #generation = 0;
  #hearsOthers: boolean;

  /** `hearsOthers`: no other process can write unheard (PGlite: this process owns the database). */
  constructor(options: { hearsOthers: boolean }) {
    this.#hearsOthers = options.hearsOthers;
  }

  get generation(): number {
    return this.#generation;
  }

  /** How long a value read at the current generation stays trustworthy. */
  get maxAgeMs(): number {
    return this.#hearsOthers ? HEARD_MAX_AGE_MS : UNHEARD_MAX_AGE_MS;
  }

  bump(): void {
    this.#generation++;
  }

  setHearsOthers(hears: boolean): void {
    this.#hearsOthers = hears;
    this.bump();
  }
}

const WRITING_SQL = /^\s*(insert|update|delete|merge|truncate|copy|with|alter|drop|create|refresh)\b/i;

function isWrite(node: RootOperationNode): boolean {
  switch (node.kind) {
    case "InsertQueryNode":
    case "UpdateQueryNode":
    case "DeleteQueryNode":
    case "MergeQueryNode":
      return true;
    case "RawNode":
      return WRITING_SQL.test(node.sqlFragments[0] ?? "");
    default:
      return false;
  }
}

/** A Kysely plugin that bumps `DataChanges` when a writing statement of this process returns. */
export class WriteCounter implements KyselyPlugin {
  readonly #writes = new WeakSet<object>();

  constructor(private readonly changes: DataChanges) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (isWrite(args.node)) this.#writes.add(args.queryId);
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.#writes.has(args.queryId)) this.changes.bump();
    return args.result;
  }
}

/**
 * Hears other processes' writes on PostgreSQL: a connection that LISTENs on `CHANGE_CHANNEL` and
 * reconnects when lost (a notification missed meanwhile is covered by the short unheard max age).
 * Returns the function that stops listening.
 */
export function listenForChanges(connectionString: string, changes: DataChanges): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const lost = () => {
    changes.setHearsOthers(false);
    client = undefined;
    if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
  };
  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on("notification", () => changes.bump());
    next.on("error", () => next.end().catch(() => {}));
    next.on("end", () => client === next && lost());
    try {
      await next.connect();
      await next.query(`listen ${CHANGE_CHANNEL}`);
      if (stopped) return void (await next.end());
      client = next;
      changes.setHearsOthers(true);
    } catch {
      await next.end().catch(() => {});
      lost();
    }
  };
  void connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const current = client;
    client = undefined;
    await current?.end().catch(() => {});
  };
}
