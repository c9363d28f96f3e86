/**
 * Security headers (helmet) with a Content-Security-Policy that fits the built web app: scripts and
 * styles from our own origin, the inline scripts the build ships allowed by their SHA-256 hash only,
 * inline style attributes (Mantine sets them), images from data: URLs (chart PNG fallbacks).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

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

export function registerSecurityHeaders(app: FastifyInstance, webDist: string): void {
  // Helmet would parse the policy again on every request; it never changes while the process runs.
  const policy = contentSecurityPolicyHeader(webDist);
  app.register(helmet, { contentSecurityPolicy: false, frameguard: { action: "deny" } });
  app.addHook("onRequest", (_request, reply, done) => {
    reply.header("content-security-policy", policy);
    done();
  });
}
