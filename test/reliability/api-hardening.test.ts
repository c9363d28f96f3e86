/**
 * API hardening: security headers with a CSP that fits the web app, no stack traces or file paths
 * to clients, rate-limited uploads, a schema on every route that takes input, a declared answer on
 * every route (errors all `{ error }`), and SQL only through
 * Kysely with bound values.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance, RouteOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildApp } from "../../src/api/app.js";
import { UPLOADS_PER_MINUTE } from "../../src/api/routes/import.js";
import { NotAProgrammeError } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const INLINE = 'console.log("inline")';

describe("API hardening", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let webDist: string;
  let app: FastifyInstance;
  let admin: Client;
  const routes: RouteOptions[] = [];
  let importBehaviour: "crash" | "refuse" = "crash";

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    webDist = await mkdtemp(path.join(tmpdir(), "infoprog-web-"));
    await writeFile(path.join(webDist, "index.html"), `<html><script>${INLINE}</script></html>`);
    app = buildApp({
      store,
      webDist,
      importDocument: async () => {
        if (importBehaviour === "refuse") throw new NotAProgrammeError("Не програма");
        throw new Error(`boom in ${path.resolve("src/secret.ts")}:12`);
      },
    });
    app.addHook("onRoute", (route) => {
      routes.push(route);
    });
    await app.ready();
    admin = await userClient(app, store, "hardening-admin", "admin");
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await dispose();
    await rm(webDist, { recursive: true, force: true });
  });

  it("sends security headers; scripts only from our origin or by the hash of the build's inline script", async () => {
    const response = await app.inject({ method: "GET", url: "/api/health" });
    const csp = String(response.headers["content-security-policy"]);
    const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
    expect(scriptSrc).toContain("'self'");
    expect(scriptSrc).toMatch(/'sha256-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["strict-transport-security"]).toBeDefined();
  });

  it("answers a crash inside a route without a stack trace or a file path", async () => {
    importBehaviour = "crash";
    const response = await admin.inject({ method: "POST", url: "/api/import?name=a.txt", payload: "текст" });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: "Внутрішня помилка сервера" });
    expect(response.body).not.toMatch(/boom|secret|\.ts|\bat\s|\/work\/|node_modules/);
  });

  it("limits uploads per client and minute", async () => {
    importBehaviour = "refuse";
    const statuses: number[] = [];
    for (let index = 0; index <= UPLOADS_PER_MINUTE; index++) {
      const response = await admin.inject({ method: "POST", url: "/api/import?name=a.txt", payload: "x" });
      statuses.push(response.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 422).length).toBeGreaterThan(0);
  });

  it("has a schema for the input of every route that takes input", () => {
    /** Routes that take input without a schema, and why. */
    const allowed: Record<string, string> = {
      "POST /api/import": "raw document bytes or multipart; size-capped, checked by the importer",
      "POST /api/auth/logout": "no input",
      "POST /api/programmes/:id/reports/:rid/attachments":
        "one multipart file; size-capped before reading, typed by content (PDF, DOCX, ODT, JPEG, PNG)",
      "POST /api/programmes/:id/reports/:rid/submit": "no body: submits the report already stored",
      "POST /api/programmes/:id/annual-reports/:year/submit":
        "no body: freezes the year's reports as compiled",
    };
    const missing: string[] = [];
    for (const route of routes) {
      const methods = ([] as string[]).concat(route.method);
      for (const method of methods) {
        const name = `${method} ${route.url}`;
        if (allowed[name] || !route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) continue;
        const schema = route.schema ?? {};
        if (route.url.includes(":") && !schema.params) missing.push(`${name}: params`);
        if (["POST", "PUT", "PATCH"].includes(method) && !schema.body) missing.push(`${name}: body`);
      }
    }
    expect(routes.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it("declares a success answer for every route, and every error answer as `{ error }`", () => {
    const missing: string[] = [];
    const notErrorShaped: string[] = [];
    for (const route of apiRoutes(routes)) {
      const responses = (route.schema?.response ?? {}) as Record<string, unknown>;
      const name = `${String(route.method)} ${route.url}`;
      if (!Object.keys(responses).some((code) => code.startsWith("2"))) missing.push(name);
      for (const [code, schema] of Object.entries(responses)) {
        if (Number(code) >= 400 && !hasErrorField(schema)) notErrorShaped.push(`${name}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
    expect(notErrorShaped).toEqual([]);
  });
});

function apiRoutes(routes: RouteOptions[]): RouteOptions[] {
  return routes.filter((route) => route.url.startsWith("/api/") && !route.url.startsWith("/api/docs"));
}

/** A zod object schema with a string `error` (the one error answer or one that extends it), or a union of them. */
function hasErrorField(schema: unknown): boolean {
  if (schema instanceof z.ZodUnion) return schema.options.every(hasErrorField);
  if (!(schema instanceof z.ZodObject)) return false;
  const error = schema.shape.error;
  return error instanceof z.ZodString;
}

/** Escape hatches around Kysely's bound parameters, and the reviewed uses that may stay. */
const RAW_SQL =
  /sql\.raw\(|sql\.lit\(|CompiledQuery\.raw\(|\.unsafe\(|\.query\(\s*`[^`]*\$\{|\.query\([^)]*\+/;
const REVIEWED: Record<string, string> = {
  'src/store/pglite-dialect.ts:CompiledQuery.raw("begin")': "constant transaction control, no input",
  'src/store/pglite-dialect.ts:CompiledQuery.raw("commit")': "constant transaction control, no input",
  'src/store/pglite-dialect.ts:CompiledQuery.raw("rollback")': "constant transaction control, no input",
  "src/store/changes.ts:await next.query(`listen ${CHANGE_CHANNEL}`);": "a constant channel name, no input",
  "src/store/loader.ts:sql.raw(type)": "SQL types from the loader's constant column lists, no input",
  "src/store/migrations/0007_change_notify.ts:sql.raw(`${table}_notify_change`)":
    "trigger names from the migration's constant table list, no input",
};

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe("SQL through the query builder", () => {
  it("src/ has no raw SQL or concatenated query text outside the reviewed list", async () => {
    const unreviewed: string[] = [];
    const seen = new Set<string>();
    for (const file of await sourceFiles("src")) {
      const lines = (await readFile(file, "utf8")).split("\n");
      for (const line of lines) {
        const match = RAW_SQL.exec(line);
        if (!match) continue;
        const call = /(CompiledQuery\.raw|sql\.raw|sql\.lit)\([^)]*\)/.exec(line)?.[0] ?? line.trim();
        if (REVIEWED[`${file}:${call}`]) seen.add(`${file}:${call}`);
        else unreviewed.push(`${file}: ${line.trim()}`);
      }
    }
    expect(unreviewed).toEqual([]);
    // The scan does see the reviewed uses: it is not passing because it reads nothing.
    expect([...seen].sort()).toEqual(Object.keys(REVIEWED).sort());
  });
});
