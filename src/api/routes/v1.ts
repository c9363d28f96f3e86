import { gzipSync } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import { z } from "zod";
import { CATEGORY_IDS } from "../../domain/classify/index.js";
import { SOURCE_KINDS } from "../../domain/model.js";
import { compareCommunities, nationalView } from "../../export/opendata/aggregates.js";
import { dataPackage, dataPackageZip, toCsv } from "../../export/opendata/datapackage.js";
import { RESOURCES, resourceDef } from "../../export/opendata/fields.js";
import type { Database } from "../../store/db-types.js";
import type { Store } from "../../store/index.js";
import {
  allRows,
  BadCursorError,
  dataState,
  type ListedResource,
  listResource,
  MAX_PAGE,
  type OpenFilter,
  targetedProgrammes,
  weakEtag,
} from "../../store/opendata.js";
import { HttpError } from "../errors.js";
import { errorSchema } from "../schemas.js";
import { v1AnnualRoutes } from "./v1-annual.js";

const TAGS = ["open data"];
/** Lists and aggregates: shared caches may keep them a minute, then revalidate with the ETag. */
const CACHE_LISTS = "public, max-age=60, stale-while-revalidate=60";
/** The Resolution No. 835 record must show an adoption at once: always revalidate (cheap with ETag). */
const CACHE_ALWAYS_REVALIDATE = "public, no-cache";
/** The 835 record and the reports resource change when a report is submitted or corrected, too. */
const WITH_REPORTS = { reports: true };
const LISTED: ListedResource[] = [
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

const year = z.coerce.number().int().min(1000).max(9999);
const codeList = z.string().transform((text) =>
  text
    .split(",")
    .map((code) => code.trim())
    .filter(Boolean),
);

export const filterQuery = z.object({
  katottg: codeList.optional().describe("Коди КАТОТТГ через кому"),
  oblast: z.string().optional().describe("Область, як у полі oblast: «Вінницька область»"),
  year: year
    .optional()
    .describe(
      "Рік: програми, чий строк його охоплює; для funding — рік рядка, для reports — рік звітного періоду",
    ),
  direction: z.string().optional().describe("Частина назви напряму, без урахування регістру"),
  source: z.enum(SOURCE_KINDS).optional(),
  category: z.enum(CATEGORY_IDS).optional(),
});
export const pageQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100),
  after: z.string().optional().describe("Курсор наступної сторінки з поля next"),
});
const cell = z.union([z.string(), z.number(), z.null()]);
const pageSchema = z.object({ data: z.array(z.record(z.string(), cell)), next: z.string().nullable() });
const compareQuery = z.object({ katottg: codeList.pipe(z.array(z.string()).min(2).max(10)) });
const nationalQuery = z.object({
  year,
  oblast: z.string().min(1).optional().describe("Огляд однієї області: «Вінницька область»"),
});

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

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
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
    const { changes } = this.store;
    const known = this.known.get(key);
    if (
      known &&
      known.generation === changes.generation &&
      performance.now() - known.readAt < changes.maxAgeMs
    ) {
      return known.state;
    }
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

  private remember(key: string, state: KnownState): void {
    this.known.delete(key);
    this.known.set(key, state);
    const oldest = this.known.keys().next().value;
    if (this.known.size > STATE_ENTRIES && oldest !== undefined) this.known.delete(oldest);
  }
}

/** Public open-data API v1: only published programmes; ETag, 304 and Cache-Control on every answer. */
export async function v1Routes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const db = options.store.kysely() as Kysely<Database>;
  const bodies = new BodyCache();
  const states = new DataStates(options.store);
  options.store.watchChanges();

  /** The data state of a scope: see `DataStates`. */
  function stateOf(scope: OpenFilter, options: { reports?: boolean }): string | Promise<string> {
    return states.of(JSON.stringify([scope, options]), () => dataState(db, scope, options));
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

  async function answer(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: OpenFilter,
    cacheControl: string,
    compute: () => Promise<Body>,
    options: { reports?: boolean } = {},
  ) {
    const state = stateOf(scope, options);
    const etag = weakEtag(request.url, typeof state === "string" ? state : await state);
    reply.header("etag", etag).header("cache-control", cacheControl).header("vary", "accept-encoding");
    if (etagMatches(request.headers["if-none-match"], etag)) return reply.code(304).send();
    const body = bodies.get(etag) ?? (await computeOnce(etag, compute));
    if (body.gzipped && acceptsGzip(request)) {
      return reply.type(body.type).header("content-encoding", "gzip").send(body.gzipped);
    }
    return reply.type(body.type).send(body.payload);
  }

  for (const resource of LISTED) {
    const def = resourceDef(resource);
    app.get<{ Querystring: z.infer<typeof pageQuery> }>(
      `/api/v1/${resource}`,
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
    app.get<{ Querystring: Filter }>(
      `/api/v1/${resource}.csv`,
      {
        schema: {
          tags: TAGS,
          summary: `${def.title}: CSV усіх рядків за фільтрами`,
          querystring: filterQuery,
        },
      },
      (request, reply) =>
        answer(
          request,
          reply,
          toFilter(request.query),
          CACHE_LISTS,
          async () => csv(toCsv(def, await collect(allRows(db, resource, toFilter(request.query))))),
          resource === "reports" ? WITH_REPORTS : {},
        ),
    );
  }

  await v1AnnualRoutes(app, options);

  const targeted = resourceDef("targeted-programmes");
  app.get(
    "/api/v1/targeted-programmes.json",
    { schema: { tags: TAGS, summary: "Перелік цільових програм (постанова КМУ № 835), JSON" } },
    (request, reply) =>
      answer(
        request,
        reply,
        {},
        CACHE_ALWAYS_REVALIDATE,
        async () => json(await targetedProgrammes(db, baseUrl(request))),
        WITH_REPORTS,
      ),
  );
  app.get(
    "/api/v1/targeted-programmes.csv",
    { schema: { tags: TAGS, summary: "Перелік цільових програм (постанова КМУ № 835), CSV" } },
    (request, reply) =>
      answer(
        request,
        reply,
        {},
        CACHE_ALWAYS_REVALIDATE,
        async () => csv(toCsv(targeted, await targetedProgrammes(db, baseUrl(request)))),
        WITH_REPORTS,
      ),
  );

  app.get(
    "/api/v1/datapackage.json",
    {
      schema: { tags: TAGS, summary: "Опис пакета даних (Frictionless Data Package) для CKAN / data.gov.ua" },
    },
    (request, reply) =>
      answer(request, reply, {}, CACHE_LISTS, async () =>
        json(dataPackage({ baseUrl: baseUrl(request), modified: await lastChange(db) })),
      ),
  );
  app.get(
    "/api/v1/datapackage.zip",
    { schema: { tags: TAGS, summary: "Пакет даних: datapackage.json і CSV усіх наборів" } },
    (request, reply) =>
      answer(
        request,
        reply,
        {},
        CACHE_LISTS,
        async () => {
          const files = new Map<string, string>();
          for (const resource of LISTED) {
            files.set(resource, toCsv(resourceDef(resource), await collect(allRows(db, resource))));
          }
          files.set(targeted.name, toCsv(targeted, await targetedProgrammes(db, baseUrl(request))));
          const payload = await dataPackageZip(files, { modified: await lastChange(db) });
          return { type: "application/zip", payload };
        },
        WITH_REPORTS,
      ),
  );

  app.get<{ Querystring: z.infer<typeof compareQuery> }>(
    "/api/v1/compare",
    {
      schema: {
        tags: TAGS,
        summary: "Порівняння 2–10 громад: кошти програм за категоріями й роками, на одного мешканця",
        querystring: compareQuery,
        response: { 400: errorSchema },
      },
    },
    (request, reply) => {
      const katottg = [...new Set(request.query.katottg)];
      return answer(request, reply, { katottg }, CACHE_LISTS, async () =>
        json({ communities: await compareCommunities(db, katottg) }),
      );
    },
  );
  app.get<{ Querystring: z.infer<typeof nationalQuery> }>(
    "/api/v1/national",
    {
      schema: {
        tags: TAGS,
        summary:
          "Огляд країни (або області) за рік: медіани, квартилі, рейтинг областей, викиди (IQR) на одного мешканця",
        querystring: nationalQuery,
        response: { 400: errorSchema },
      },
    },
    (request, reply) =>
      answer(request, reply, { ...request.query }, CACHE_LISTS, async () =>
        json(await nationalView(db, request.query.year, request.query.oblast)),
      ),
  );
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function lastChange(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom("programmes")
    .select((eb) => eb.fn.max("updated_at").as("changed"))
    .where("status", "=", "published")
    .executeTakeFirst();
  return new Date(row?.changed ?? 0).toISOString();
}

export const OPEN_DATA_RESOURCES = RESOURCES.map((resource) => resource.name);
