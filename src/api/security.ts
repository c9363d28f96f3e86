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

export function registerSecurityHeaders(app: FastifyInstance, webDist: string): void {
  app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(webDist) },
    frameguard: { action: "deny" },
  });
}
