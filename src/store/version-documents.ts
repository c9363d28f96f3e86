/**
 * The stored documents of programme versions, kept in memory by version. A version never changes once
 * written, so a read of a programme fetches its 160 KB jsonb from the database once per version instead
 * of on every request (on PGlite the one connection is busy for the whole transfer). The key carries the
 * row's hash and time as well as (programme, version), so a restored or recreated database cannot be
 * answered from an older one's entry. Each read gets its own copy: callers may change what they get.
 */
import type { Kysely } from "kysely";
import type { Database } from "./schema.js";

/** Versions kept per store: recent versions of the programmes being read and edited. */
export const CACHED_VERSIONS = 48;

export interface VersionKey {
  programmeId: number;
  version: number;
  sha256: string;
  createdAt: string;
}

interface RawDocument {
  document: unknown;
  findings: unknown;
}

const caches = new WeakMap<Kysely<Database>, Map<string, RawDocument>>();

function cacheOf(db: Kysely<Database>): Map<string, RawDocument> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

function keyText(key: VersionKey): string {
  return `${key.programmeId}:${key.version}:${key.sha256}:${key.createdAt}`;
}

/** A fresh value from a cached jsonb value: PGlite hands over text, pg an object already parsed. */
function copyOf(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : structuredClone(value);
}

async function fetchDocument(db: Kysely<Database>, key: VersionKey): Promise<RawDocument | undefined> {
  return db
    .selectFrom("programme_versions")
    .select(["document", "findings"])
    .where("programme_id", "=", key.programmeId)
    .where("version", "=", key.version)
    .executeTakeFirst();
}

function keep(cache: Map<string, RawDocument>, text: string, raw: RawDocument): void {
  cache.set(text, raw);
  if (cache.size > CACHED_VERSIONS) cache.delete(cache.keys().next().value as string);
}

/**
 * Keeps a version just written (committed) from the JSON it was written as, so the next read of it —
 * the next project edit builds on it — does not fetch its document back from the database.
 */
export function rememberVersion(
  db: Kysely<Database>,
  key: VersionKey,
  json: { document: string; findings: string },
): void {
  const cache = cacheOf(db);
  const text = keyText(key);
  cache.delete(text);
  keep(cache, text, json);
}

/** The version's document and findings, parsed; from memory when this version was read before. */
export async function versionDocument(
  db: Kysely<Database>,
  key: VersionKey,
): Promise<{ document: unknown; findings: unknown } | undefined> {
  const cache = cacheOf(db);
  const text = keyText(key);
  let raw = cache.get(text);
  if (raw) cache.delete(text);
  else raw = await fetchDocument(db, key);
  if (!raw) return undefined;
  keep(cache, text, raw);
  return { document: copyOf(raw.document), findings: copyOf(raw.findings) };
}

/** How many versions this store keeps in memory (for tests). */
export function cachedVersionCount(db: Kysely<Database>): number {
  return cacheOf(db).size;
}
