/**
 * What makes answers cheap to send again: compression of every response over 1 KB (brotli, then gzip),
 * ETags and 304s on API reads, and Cache-Control on the built web app (hashed assets kept a year, the
 * HTML pages always revalidated).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { constants } from "node:zlib";
import compress from "@fastify/compress";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Responses smaller than this go as they are: compressing them saves less than it costs. */
export const COMPRESS_FROM_BYTES = 1024;
/** Vite names every file under assets/ by its content hash, so a URL there never changes meaning. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** HTML pages name the current assets: caches must ask every time (cheap with the ETag). */
export const REVALIDATE = "no-cache";
/** API answers depend on who asks: only the browser may keep them, and it revalidates each time. */
const API_CACHE_CONTROL = "private, no-cache";

/**
 * Brotli's default quality (11) takes tens of milliseconds on a 200 KB answer; 5 compresses within a few
 * per cent of it at a fraction of the time, which is the usual choice for answers made on request.
 * Static assets are compressed once at build time at the highest quality (web/vite.config.ts).
 */
export const BROTLI_ON_REQUEST = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };

export function registerCompression(app: FastifyInstance): void {
  app.register(compress, {
    encodings: ["br", "gzip"],
    threshold: COMPRESS_FROM_BYTES,
    brotliOptions: BROTLI_ON_REQUEST,
  });
}

/** A weak validator from the bytes of an answer. */
export function contentEtag(payload: string | Uint8Array): string {
  return `W/"${createHash("sha1").update(payload).digest("base64url")}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return [header]
    .flat()
    .flatMap((value) => value.split(","))
    .some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

function isApiRead(request: FastifyRequest, reply: FastifyReply): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    request.url.startsWith("/api/") &&
    reply.statusCode === 200 &&
    !reply.hasHeader("etag")
  );
}

/**
 * ETag and 304 on every API read answered with a body in memory (JSON, CSV): the client that has the
 * answer gets an empty 304 instead. Routes that name their answers themselves (open data: by data state)
 * set their own ETag first and are left alone; streamed answers (exports) too.
 * Must be added before compression, so the ETag names the uncompressed bytes.
 */
export function registerApiEtags(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!isApiRead(request, reply)) return payload;
    if (typeof payload !== "string" && !(payload instanceof Uint8Array)) return payload;
    const etag = contentEtag(payload);
    reply.header("etag", etag);
    if (!reply.hasHeader("cache-control")) reply.header("cache-control", API_CACHE_CONTROL);
    if (!etagMatches(request.headers["if-none-match"], etag)) return payload;
    reply.code(304);
    reply.removeHeader("content-length");
    reply.removeHeader("content-type");
    return "";
  });
}

/** Cache-Control of a file of the built web app (`webDist`): hashed assets for a year, the rest revalidated. */
export function staticCacheControl(webDist: string, filePath: string): string {
  const [first] = path.relative(webDist, filePath).split(path.sep);
  return first === "assets" ? IMMUTABLE : REVALIDATE;
}

/** Compression and HTTP caching for an application (API plus, when built, the web app). */
export function registerHttpCache(app: FastifyInstance): void {
  registerApiEtags(app);
  registerCompression(app);
}
