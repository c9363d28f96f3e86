import { createHash } from "node:crypto";
import { pipeline, Readable } from "node:stream";
import { createGzip, gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from "fastify";
import type { z } from "zod";
import { config } from "../../config.js";
import { errorSchema, notModified } from "../../contract/common.js";
import { nationalView as nationalViewSchema } from "../../contract/national.js";
import {
  CSV_FILE,
  compareAnswer,
  compareQuery,
  dataPackageSchema,
  filterQuery,
  nationalQuery,
  openRowSchema,
  pageQuery,
  pageSchema,
  ZIP_FILE,
} from "../../contract/v1.js";
import { compareCommunities, nationalView } from "../../opendata/aggregates.js";
import { csvChunks, dataPackage, toCsv } from "../../opendata/datapackage.js";
import { type OpenRow, RESOURCES, type ResourceDef, resourceDef } from "../../opendata/fields.js";
import { ExportFiles, exportsDir, writeDataPackageFile } from "../../opendata/files.js";
import type { Store } from "../../store/index.js";
import {
  allRows,
  BadCursorError,
  dataState,
  type ListedResource,
  lastChange,
  listResource,
  type OpenFilter,
  targetedProgrammes,
  weakEtag,
} from "../../store/opendata.js";
import { HttpError } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";
import { v1AnnualRoutes } from "./v1-annual.js";
import { v1CommunityRoutes } from "./v1-communities.js";

const TAGS = ["open data"];
/** Lists and aggregates: shared caches may keep them a minute, then revalidate with the ETag. */
const CACHE_LISTS = "public, max-age=60, stale-while-revalidate=60";
/** The Resolution No. 835 record must show an adoption at once: always revalidate (cheap with ETag). */
const CACHE_ALWAYS_REVALIDATE = "public, no-cache";
/** The 835 record and the reports resource change when a report is submitted or corrected, too. */
const WITH_REPORTS = { reports: true };
/** The resources served as keyset pages and CSV. */
export const LISTED: readonly ListedResource[] = [
  "programmes",
  "directions",
  "projects",
  "funding",
  "indicators",
  "reports",
  "annual-reports",
];
const BODY_CACHE_ENTRIES = 256;
const BODY_CACHE_MAX_BYTES = 2_000_000;
/** A CSV longer than this (in characters) is streamed as it is read, not built and cached whole. */
const STREAM_CSV_FROM_CHARS = 256 * 1024;

export { filterQuery, pageQuery };

/** Where the open-data room is registered: its routes spell only the rest of the path. */
export const V1_PREFIX = "/api/v1";

type Filter = z.infer<typeof filterQuery>;
/** Encoded once: a cached body is sent many times. */
interface Body {
  type: string;
  payload: Uint8Array;
  /** The payload gzipped once, for clients and CDNs that accept it (every browser does). */
  gzipped?: Uint8Array;
}

const GZIP_FROM_BYTES = 1024;

function withGzip(body: Body): Body {
  return body.payload.length < GZIP_FROM_BYTES || body.type === "application/zip"
    ? body
    : { ...body, gzipped: gzipSync(body.payload) };
}

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers["accept-encoding"];
  return typeof header === "string" && /\bgzip\b/.test(header);
}

/** Bodies by ETag: the ETag names the URL and the data state, so an entry is never stale. */
class BodyCache {
  private readonly entries = new Map<string, Body>();

  get(etag: string): Body | undefined {
    const body = this.entries.get(etag);
    if (body) {
      this.entries.delete(etag);
      this.entries.set(etag, body);
    }
    return body;
  }

  set(etag: string, body: Body): void {
    if (body.payload.length > BODY_CACHE_MAX_BYTES) return;
    this.entries.set(etag, body);
    const oldest = this.entries.keys().next().value;
    if (this.entries.size > BODY_CACHE_ENTRIES && oldest !== undefined) this.entries.delete(oldest);
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

const json = (data: unknown): Body => ({
  type: "application/json; charset=utf-8",
  payload: Buffer.from(JSON.stringify(data)),
});
const csv = (text: string): Body => ({ type: "text/csv; charset=utf-8", payload: Buffer.from(text) });

function toFilter(query: Filter): OpenFilter {
  return { ...query };
}

interface KnownState {
  state: string;
  generation: number;
  readAt: number;
}

const STATE_ENTRIES = 1024;

/**
 * The data state of each scope, read once and reused until the store's change counter moves (a write
 * here or, heard through PostgreSQL, in another process) or it grows old; requests arriving while a
 * scope's state is being read share that read.
 */
class DataStates {
  private readonly known = new Map<string, KnownState>();
  private readonly reading = new Map<string, Promise<string>>();

  constructor(private readonly store: Store) {}

  of(key: string, read: () => Promise<string>): string | Promise<string> {
    const known = this.current(key);
    if (known) return known.state;
    const { changes } = this.store;
    // A read that began before the latest change may miss it: share only reads begun since.
    const generation = changes.generation;
    const readKey = `${generation}|${key}`;
    let pending = this.reading.get(readKey);
    if (!pending) {
      const readAt = performance.now();
      pending = read()
        .then((state) => {
          this.remember(key, { state, generation, readAt });
          return state;
        })
        .finally(() => this.reading.delete(readKey));
      this.reading.set(readKey, pending);
    }
    return pending;
  }

  /** The state of a scope as last read, while it may still be trusted (see `isCurrent`). */
  current(key: string): KnownState | undefined {
    const known = this.known.get(key);
    return known && this.isCurrent(known) ? known : undefined;
  }

  /** Read at the current change generation, and not longer ago than the store lets a state be trusted. */
  isCurrent(known: { generation: number; readAt: number }): boolean {
    const { changes } = this.store;
    return known.generation === changes.generation && performance.now() - known.readAt < changes.maxAgeMs;
  }

  private remember(key: string, state: KnownState): void {
    this.known.delete(key);
    this.known.set(key, state);
    const oldest = this.known.keys().next().value;
    if (this.known.size > STATE_ENTRIES && oldest !== undefined) this.known.delete(oldest);
  }
}

const STALE_AGGREGATE_AFTER_MS = 100;
const LATEST_ENTRIES = 256;

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(resolve, ms, undefined));

/** An answer by URL, the most recently set kept (at most LATEST_ENTRIES URLs). */
class ByUrl<T> {
  private readonly entries = new Map<string, T>();

  get(url: string): T | undefined {
    return this.entries.get(url);
  }

  set(url: string, answer: T): void {
    this.entries.delete(url);
    this.entries.set(url, answer);
    const oldest = this.entries.keys().next().value;
    if (this.entries.size > LATEST_ENTRIES && oldest !== undefined) this.entries.delete(oldest);
  }
}

/**
 * An aggregate URL's current answer, with the generation and time of the data state its ETag was made
 * from: while that state may be trusted (`DataStates.isCurrent`), a repeat request is answered from it
 * without deriving the scope's key, hashing the ETag or looking the body up again.
 */
interface ReadyAnswer {
  generation: number;
  readAt: number;
  etag: string;
  body: Body;
}

/** Public open-data API v1: only published programmes; ETag, 304 and Cache-Control on every answer. */
export async function v1Routes(
  app: ZodApp,
  options: {
    store: Store;
    exportsDir?: string;
    /**
     * How long a request for an aggregate waits for its recomputation after the data changed before it
     * gets the previous answer instead (default 100 ms; 0: never waits when there is a previous one).
     */
    staleAggregateAfterMs?: number;
    /** Where the public reaches the server; every absolute link is built from it, never from `Host`. */
    publicUrl?: string;
    /** Requests per client address and minute for the annual report files. */
    annualReportsPerMinute?: number;
  },
): Promise<void> {
  const settings = config();
  const publicUrl = options.publicUrl ?? settings.publicUrl;
  const db = options.store.kysely();
  const bodies = new BodyCache();
  const states = new DataStates(options.store);
  const exportFiles = new ExportFiles(options.exportsDir ?? exportsDir());
  options.store.watchChanges();

  const stateKey = (scope: OpenFilter, options: { reports?: boolean }) => JSON.stringify([scope, options]);

  /** The data state of a scope: see `DataStates`. */
  function stateOf(scope: OpenFilter, options: { reports?: boolean }): string | Promise<string> {
    return states.of(stateKey(scope, options), () => dataState(db, scope, options));
  }

  const computing = new Map<string, Promise<Body>>();

  /** Concurrent requests for the same ETag share one computation. */
  function computeOnce(etag: string, compute: () => Promise<Body>): Promise<Body> {
    let pending = computing.get(etag);
    if (!pending) {
      pending = compute()
        .then(withGzip)
        .then((body) => {
          bodies.set(etag, body);
          return body;
        })
        .finally(() => computing.delete(etag));
      computing.set(etag, pending);
    }
    return pending;
  }

  /**
   * Sets ETag (from the data state of the scope), Cache-Control and Vary. Undefined when the client's copy
   * is current: the caller answers 304.
   */
  async function validate(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: OpenFilter,
    cacheControl: string,
    options: { reports?: boolean },
  ): Promise<{ etag: string; state: string } | undefined> {
    const pending = stateOf(scope, options);
    const state = typeof pending === "string" ? pending : await pending;
    const etag = weakEtag(request.url, state);
    reply.header("etag", etag).header("cache-control", cacheControl).header("vary", "accept-encoding");
    return etagMatches(request.headers["if-none-match"], etag) ? undefined : { etag, state };
  }

  function sendBody(request: FastifyRequest, reply: FastifyReply, body: Body) {
    if (body.gzipped && acceptsGzip(request)) {
      return reply.type(body.type).header("content-encoding", "gzip").send(body.gzipped);
    }
    return reply.type(body.type).send(body.payload);
  }

  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: OpenFilter,
    cacheControl: string,
    compute: () => Promise<Body>,
    options: { reports?: boolean } = {},
  ) {
    const validated = await validate(request, reply, scope, cacheControl, options);
    if (!validated) return reply.code(304).send();
    return sendBody(
      request,
      reply,
      bodies.get(validated.etag) ?? (await computeOnce(validated.etag, compute)),
    );
  }

  const latest = new ByUrl<{ etag: string; body: Body }>();
  const readyAnswers = new ByUrl<ReadyAnswer>();
  const staleAfterMs = options.staleAggregateAfterMs ?? STALE_AGGREGATE_AFTER_MS;

  /**
   * An aggregate over many communities (national, compare): like `answer`, but once the data changed,
   * a request waits at most `staleAfterMs` for the new body — then it gets the previous one, with its
   * own ETag, while the new one is computed once for everybody. On a national database a write
   * somewhere in the country must not hold every reader of the national view for seconds.
   */
  async function answerAggregate(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: OpenFilter,
    compute: () => Promise<Body>,
  ) {
    const ready = readyAnswers.get(request.url);
    const answered = ready && states.isCurrent(ready) ? ready : await answerOfState(request, scope, compute);
    return sendAnswer(request, reply, answered);
  }

  function sendAnswer(request: FastifyRequest, reply: FastifyReply, answered: { etag: string; body?: Body }) {
    reply
      .header("etag", answered.etag)
      .header("cache-control", CACHE_LISTS)
      .header("vary", "accept-encoding");
    if (!answered.body || etagMatches(request.headers["if-none-match"], answered.etag)) {
      return reply.code(304).send();
    }
    return sendBody(request, reply, answered.body);
  }

  /**
   * The route's own onRequest hook (after the app's: the per-address limit, the session): a URL whose
   * ready answer is still current is answered at once, without parsing and validating its query or
   * running its handler. Only a URL answered before has a ready answer, so its query was valid.
   */
  function answerIfReady(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    const ready = readyAnswers.get(request.url);
    if (ready && states.isCurrent(ready)) sendAnswer(request, reply, ready);
    else done();
  }

  /** The answer for the scope's current data state (or the previous body meanwhile, see above). */
  async function answerOfState(
    request: FastifyRequest,
    scope: OpenFilter,
    compute: () => Promise<Body>,
  ): Promise<{ etag: string; body?: Body }> {
    const key = stateKey(scope, {});
    const pending = states.of(key, () => dataState(db, scope, {}));
    const state = typeof pending === "string" ? pending : await pending;
    const current = weakEtag(request.url, state);
    if (etagMatches(request.headers["if-none-match"], current)) return { etag: current };
    const answered = await freshOrPrevious(request.url, current, compute);
    const known = states.current(key);
    if (answered.etag === current && known?.state === state) {
      readyAnswers.set(request.url, { generation: known.generation, readAt: known.readAt, ...answered });
    }
    return answered;
  }

  async function freshOrPrevious(
    url: string,
    etag: string,
    compute: () => Promise<Body>,
  ): Promise<{ etag: string; body: Body }> {
    const cached = bodies.get(etag);
    if (cached) return { etag, body: cached };
    const fresh = computeOnce(etag, compute).then((body) => {
      latest.set(url, { etag, body });
      return { etag, body };
    });
    const previous = latest.get(url);
    if (!previous) return fresh;
    fresh.catch((error: unknown) => app.log.error({ err: error }, "aggregate recomputation failed"));
    const waited = staleAfterMs > 0 ? await Promise.race([fresh, delay(staleAfterMs)]) : undefined;
    return waited ?? previous;
  }

  /**
   * A CSV of every row in scope. A short one is built whole and cached like other bodies; a long one is
   * written to the client (gzipped on the fly when accepted) while its pages are read.
   */
  async function answerCsv(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: OpenFilter,
    def: ResourceDef,
    rows: () => AsyncIterable<OpenRow>,
    options: { reports?: boolean },
  ) {
    const validated = await validate(request, reply, scope, CACHE_LISTS, options);
    if (!validated) return reply.code(304).send();
    const cached = bodies.get(validated.etag);
    if (cached) return sendBody(request, reply, cached);
    const chunks = csvChunks(def, rows());
    const head: string[] = [];
    let length = 0;
    // The first pages are read before the answer starts, so a failing query is still a 500, not a cut body.
    let next = await chunks.next();
    while (!next.done && length < STREAM_CSV_FROM_CHARS) {
      head.push(next.value);
      length += next.value.length;
      next = await chunks.next();
    }
    if (next.done) {
      const body = withGzip(csv(head.join("")));
      bodies.set(validated.etag, body);
      return sendBody(request, reply, body);
    }
    return sendStream(request, reply, "text/csv; charset=utf-8", resumed(head, next.value, chunks));
  }

  function sendStream(
    request: FastifyRequest,
    reply: FastifyReply,
    type: string,
    chunks: AsyncIterable<Buffer>,
  ) {
    const source = Readable.from(chunks, { objectMode: false });
    reply.type(type);
    if (!acceptsGzip(request)) return reply.send(source);
    const gzip = pipeline(source, createGzip(), (error) => {
      if (error) request.log.warn({ err: error }, "CSV stream ended early");
    });
    return reply.header("content-encoding", "gzip").send(gzip);
  }

  for (const resource of LISTED) {
    const def = resourceDef(resource);
    app.get<{ Querystring: z.infer<typeof pageQuery> }>(
      `/${resource}`,
      {
        schema: {
          tags: TAGS,
          summary: `${def.title}: сторінка JSON (курсор next)`,
          querystring: pageQuery,
          response: { 200: pageSchema, 400: errorSchema },
        },
      },
      (request, reply) => {
        const { limit, after, ...filter } = request.query;
        return answer(
          request,
          reply,
          toFilter(filter),
          CACHE_LISTS,
          async () => {
            try {
              return json(await listResource(db, resource, toFilter(filter), { limit, after }));
            } catch (error) {
              if (error instanceof BadCursorError) throw new HttpError(400, "Недійсний курсор after");
              throw error;
            }
          },
          resource === "reports" ? WITH_REPORTS : {},
        );
      },
    );
    app.get(
      `/${resource}.csv`,
      {
        schema: {
          tags: TAGS,
          summary: `${def.title}: CSV усіх рядків за фільтрами`,
          querystring: filterQuery,
          response: { 200: CSV_FILE, 400: errorSchema },
        },
      },
      (request, reply) =>
        answerCsv(
          request,
          reply,
          toFilter(request.query),
          def,
          () => allRows(db, resource, toFilter(request.query)),
          resource === "reports" ? WITH_REPORTS : {},
        ),
    );
  }

  await v1AnnualRoutes(app, {
    store: options.store,
    perMinute: options.annualReportsPerMinute ?? settings.limits.annualReportsPerMinute,
  });
  await v1CommunityRoutes(app, options);

  const targeted = resourceDef("targeted-programmes");
  app.get(
    "/targeted-programmes.json",
    {
      schema: {
        tags: TAGS,
        summary: "Перелік цільових програм (постанова КМУ № 835), JSON",
        response: { 200: openRowSchema.array() },
      },
    },
    (request, reply) =>
      answer(
        request,
        reply,
        {},
        CACHE_ALWAYS_REVALIDATE,
        async () => json(await targetedProgrammes(db, publicUrl)),
        WITH_REPORTS,
      ),
  );
  app.get(
    "/targeted-programmes.csv",
    {
      schema: {
        tags: TAGS,
        summary: "Перелік цільових програм (постанова КМУ № 835), CSV",
        response: { 200: CSV_FILE },
      },
    },
    (request, reply) =>
      answer(
        request,
        reply,
        {},
        CACHE_ALWAYS_REVALIDATE,
        async () => csv(toCsv(targeted, await targetedProgrammes(db, publicUrl))),
        WITH_REPORTS,
      ),
  );

  app.get(
    "/datapackage.json",
    {
      schema: {
        tags: TAGS,
        summary: "Опис пакета даних (Frictionless Data Package) для CKAN / data.gov.ua",
        response: { 200: dataPackageSchema },
      },
    },
    (request, reply) =>
      answer(request, reply, {}, CACHE_LISTS, async () =>
        json(dataPackage({ baseUrl: publicUrl, modified: await lastChange(db) })),
      ),
  );
  app.get(
    "/datapackage.zip",
    {
      schema: {
        tags: TAGS,
        summary: "Пакет даних: datapackage.json і CSV усіх наборів",
        response: { 200: ZIP_FILE, 304: notModified },
      },
    },
    async (request, reply) => {
      const validated = await validate(request, reply, {}, CACHE_LISTS, WITH_REPORTS);
      if (!validated) return reply.code(304).send();
      // One file per data state and public address; the 835 list inside links to the public address.
      const key = createHash("sha256").update(`${publicUrl}\n${validated.state}`).digest("hex").slice(0, 32);
      const linkBase = publicUrl;
      const handle = await exportFiles.open({ family: "datapackage", key, extension: ".zip" }, async (file) =>
        writeDataPackageFile(db, file, { linkBase, modified: await lastChange(db) }),
      );
      try {
        const { size } = await handle.stat();
        return reply.type("application/zip").header("content-length", size).send(handle.createReadStream());
      } catch (error) {
        await handle.close();
        throw error;
      }
    },
  );

  app.get<{ Querystring: z.infer<typeof compareQuery> }>(
    "/compare",
    {
      onRequest: answerIfReady,
      schema: {
        tags: TAGS,
        summary: "Порівняння 2–10 громад: кошти програм за категоріями й роками, на одного мешканця",
        querystring: compareQuery,
        response: { 200: compareAnswer, 400: errorSchema },
      },
    },
    (request, reply) => {
      const katottg = [...new Set(request.query.katottg)];
      return answerAggregate(request, reply, { katottg }, async () =>
        json({ communities: await compareCommunities(db, katottg) }),
      );
    },
  );
  app.get<{ Querystring: z.infer<typeof nationalQuery> }>(
    "/national",
    {
      onRequest: answerIfReady,
      schema: {
        tags: TAGS,
        summary:
          "Огляд країни (або області) за рік: медіани, квартилі, рейтинг областей, викиди (IQR) на одного мешканця",
        querystring: nationalQuery,
        response: { 200: nationalViewSchema, 400: errorSchema },
      },
    },
    (request, reply) =>
      answerAggregate(request, reply, { ...request.query }, async () =>
        json(await nationalView(db, request.query.year, request.query.oblast)),
      ),
  );
}

/** The CSV chunks already read, then the rest as they come; a client gone away stops the reading. */
async function* resumed(head: string[], next: string, rest: AsyncGenerator<string>): AsyncGenerator<Buffer> {
  yield Buffer.from(head.join(""));
  yield Buffer.from(next);
  for await (const chunk of rest) yield Buffer.from(chunk);
}

export const OPEN_DATA_RESOURCES = RESOURCES.map((resource) => resource.name);
