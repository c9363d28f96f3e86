/**
 * Security headers (helmet) with a Content-Security-Policy that fits the built web app: scripts and
 * styles from our own origin, the inline scripts the build ships allowed by their SHA-256 hash only,
 * inline style attributes (Mantine sets them), images from data: URLs (chart PNG fallbacks).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

const INLINE_SCRIPT = /<script>([\s\S]*?)<\/script>/g;
const PAGES = ["index.html", "public.html"];

/** CSP hash sources of the inline scripts of an HTML page. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    (match) =>
      `'sha256-${createHash("sha256")
        .update(match[1] ?? "")
        .digest("base64")}'`,
  );
}

function webAppScriptHashes(webDist: string): string[] {
  return PAGES.map((page) => path.join(webDist, page))
    .filter((file) => existsSync(file))
    .flatMap((file) => inlineScriptHashes(readFileSync(file, "utf8")));
}

export function contentSecurityPolicy(webDist: string): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...webAppScriptHashes(webDist)],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** "default-src 'self';script-src …": the header value, as helmet would write it. */
export function contentSecurityPolicyHeader(webDist: string): string {
  const dashed = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return Object.entries(contentSecurityPolicy(webDist))
    .map(([name, sources]) => `${dashed(name)} ${sources.join(" ")}`)
    .join(";");
}

/** Helmet's options here: the policy is ours (above), framing denied. */
export const HELMET_OPTIONS: HelmetOptions = { contentSecurityPolicy: false, frameguard: { action: "deny" } };

/**
 * The headers helmet sets with these options, in its order, recorded once from its middleware: they
 * depend on the options only, never on the request (helmet also removes `X-Powered-By`, which neither
 * Node nor Fastify sets).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = String(value);
      return recorder;
    },
    removeHeader() {},
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {});
  return headers;
}

/**
 * Helmet's headers and our Content-Security-Policy on every answer. Both are computed once: the
 * Fastify plugin of helmet built helmet's middleware again on every request (options parsed, a dozen
 * functions made), a tenth of the server's time on a cached open-data answer.
 */
export function registerSecurityHeaders(app: FastifyInstance, webDist: string): void {
  const headers = {
    ...helmetHeaders(HELMET_OPTIONS),
    "content-security-policy": contentSecurityPolicyHeader(webDist),
  };
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
