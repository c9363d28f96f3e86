/**
 * The benchmarks' view of the server's share of a request: the store with the wall time of every
 * statement its Kysely sends, and a `Server-Timing` header on the API's answers (the page reads it
 * from its Resource Timing entry) splitting the request's time on the server into the request's
 * hooks before the handler (session, CSRF, body parsing and its zod check), the SQL statements
 * run meanwhile, and the rest (the handler's own CPU work, the answer's serialisation).
 */
import type { FastifyInstance } from "fastify";
import { type KyselyPlugin, PostgresQueryCompiler } from "kysely";
import type { Store } from "../src/store/index.js";

export interface TimedStore {
  store: Store;
  /** Wall time of each statement, by its first 90 characters. */
  times: Map<string, number[]>;
  /** The sum of every statement's wall time so far. */
  sqlMs: () => number;
}

/**
 * The store with the wall time of every statement its Kysely sends (from compiling to the result),
 * by the statement's first 90 characters.
 */
export function timedStore(store: Store): TimedStore {
  const times = new Map<string, number[]>();
  const compiler = new PostgresQueryCompiler();
  const started = new Map<unknown, { text: string; at: number }>();
  let total = 0;
  const timer: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      const text = compiler.compileQuery(node, queryId).sql.replace(/\s+/g, " ").slice(0, 90);
      started.set(queryId, { text, at: performance.now() });
      return node;
    },
    transformResult: async ({ result, queryId }) => {
      const start = started.get(queryId);
      started.delete(queryId);
      if (start) {
        const ms = performance.now() - start.at;
        total += ms;
        times.set(start.text, [...(times.get(start.text) ?? []), ms]);
      }
      return result;
    },
  };
  const db = store.kysely().withPlugin(timer);
  const timed = new Proxy(store, {
    get: (target, key) => (key === "kysely" ? () => db : Reflect.get(target, key)),
  });
  return { store: timed, times, sqlMs: () => total };
}

interface Marks {
  start: number;
  handler?: number;
  sqlAtStart: number;
  sqlAtHandler?: number;
}

/**
 * Adds `Server-Timing: pre;dur=…, sql;dur=…, app;dur=…, total;dur=…` to every answer of `app`
 * (before it is ready): `pre` from the request's arrival to its handler (hooks, body, validation),
 * `sql` the statements run while the handler ran, `app` the rest of the handler and the serialiser,
 * `total` the whole. Statements of concurrent requests would be counted twice; the benchmarks send one
 * at a time.
 */
export function addServerTiming(app: FastifyInstance, timed: TimedStore): void {
  const marks = new WeakMap<object, Marks>();
  app.addHook("onRequest", async (request) => {
    marks.set(request, { start: performance.now(), sqlAtStart: timed.sqlMs() });
  });
  app.addHook("preHandler", async (request) => {
    const mark = marks.get(request);
    if (mark) Object.assign(mark, { handler: performance.now(), sqlAtHandler: timed.sqlMs() });
  });
  app.addHook("onSend", async (request, reply, payload) => {
    const mark = marks.get(request);
    if (!mark) return payload;
    const now = performance.now();
    const handler = mark.handler ?? now;
    const sqlAtHandler = mark.sqlAtHandler ?? timed.sqlMs();
    const pre = handler - mark.start;
    const sql = timed.sqlMs() - sqlAtHandler;
    const parts = { pre, sql, app: now - handler - sql, total: now - mark.start };
    reply.header(
      "server-timing",
      Object.entries(parts)
        .map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`)
        .join(", "),
    );
    return payload;
  });
}
