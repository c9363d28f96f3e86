/**
 * Imports are parsed on worker threads (src/import/pool.ts): while a large document is read, the
 * server answers other requests, and an import through the pool gives the same result and the same
 * refusals (message, status) as one parsed on the event loop.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { ImportDocument } from "../../src/api/routes/import.js";
import { configFrom } from "../../src/config.js";
import { importDocument } from "../../src/import/index.js";
import { LIMIT_MESSAGES, WORKER_MESSAGES } from "../../src/import/limits.js";
import { createImportPool, type ImportPool } from "../../src/import/pool.js";
import type { Store } from "../../src/store/index.js";
import { hangingSoffice } from "../formats/fake-soffice.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const FIXTURE = path.resolve("../shared/fixtures/programs/romny-2026-2028.txt");
const text = readFileSync(FIXTURE, "utf8");
/** The programme's text many times over: a few MB that take the importer a second or more. */
const large = Buffer.from(Array.from({ length: 60 }, () => text).join("\n"), "utf8");

/** `inner`, and a promise that resolves when the route has handed it a document. */
function watched(inner: ImportDocument): { importer: ImportDocument; called: Promise<void> } {
  let called!: () => void;
  const promise = new Promise<void>((resolve) => {
    called = resolve;
  });
  return {
    importer: (...args) => {
      called();
      return inner(...args);
    },
    called: promise,
  };
}

describe("imports on worker threads", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let pool: ImportPool;
  let watchedApp: FastifyInstance;
  let called: Promise<void>;
  let defaultApp: FastifyInstance;
  let watchedAdmin: Client;
  let admin: Client;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    pool = createImportPool(1);
    const watch = watched(pool.importDocument);
    called = watch.called;
    watchedApp = buildApp({ store, importDocument: watch.importer, webDist: "/nonexistent" });
    watchedAdmin = await userClient(watchedApp, store, "worker-admin", "admin");
    // The app's own pool, as the server runs it (one thread).
    const config = configFrom({ INFOPROG_IMPORT_WORKERS: "1" });
    defaultApp = buildApp({ store, config, webDist: "/nonexistent" });
    // The same session (it lives in the store), without a second slow sign-in.
    admin = {
      ...watchedAdmin,
      inject: (options) => {
        const base = typeof options === "string" ? { url: options } : options;
        return defaultApp.inject({ ...base, headers: { ...watchedAdmin.headers, ...(base.headers ?? {}) } });
      },
    };
  });
  afterAll(async () => {
    await watchedApp?.close();
    await defaultApp?.close();
    await pool?.close();
    await dispose?.();
  });

  it("answers a health check while a large import is being parsed", async () => {
    const finished: string[] = [];
    const importing = watchedAdmin
      .inject({
        method: "POST",
        url: "/api/import?name=large.txt&dryRun=1",
        headers: { "content-type": "text/plain" },
        payload: large,
      })
      .then((response) => {
        finished.push("import");
        return response;
      });
    // The route has the document: it is being parsed now.
    await called;
    const health = await watchedApp.inject("/api/health");
    finished.push("health");
    expect(health.json()).toEqual({ status: "ok" });
    const imported = await importing;
    expect(imported.statusCode).toBe(200);
    expect(imported.json().programme.title).toMatch(/ПРОГРАМА/);
    expect(finished).toEqual(["health", "import"]);
  });

  it("gives the same preview as the importer on the event loop", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/import?name=romny.txt&dryRun=1",
      headers: { "content-type": "text/plain" },
      payload: text,
    });
    expect(response.statusCode).toBe(200);
    const inProcess = await importDocument(Buffer.from(text, "utf8"), "romny.txt");
    const body = response.json();
    expect(typeof body.totals).toBe("object");
    expect(body.programme.title).toBe(inProcess.programme.title);
    expect(body.findings).toEqual(JSON.parse(JSON.stringify(inProcess.findings)));
    expect(body.programme).toEqual(JSON.parse(JSON.stringify(inProcess.programme)));
  });

  it("returns the whole result as the importer on the event loop does: programme, findings, coverage", async () => {
    const bytes = Buffer.from(text, "utf8");
    const inProcess = await importDocument(bytes, "romny.txt");
    const threaded = await pool.importDocument(bytes, "romny.txt");
    expect(inProcess.coverage?.numbersSeen).toBeGreaterThan(0);
    expect(threaded).toEqual(inProcess);
    // The caller's bytes are its own still (the version's checksum is taken from them).
    expect(bytes.toString("utf8")).toBe(text);
  });

  it("refuses what is not a programme with the same message and 422", async () => {
    const response = await admin.inject({
      method: "POST",
      url: "/api/import?name=note.txt&dryRun=1",
      headers: { "content-type": "text/plain" },
      payload: "Список покупок: хліб, молоко.",
    });
    const refused = await importDocument(
      Buffer.from("Список покупок: хліб, молоко.", "utf8"),
      "note.txt",
    ).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(refused).not.toBe("");
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ error: refused });
  });

  it("refuses an oversized document before any thread reads it", async () => {
    const tooBig = new Uint8Array(21 * 1024 * 1024);
    await expect(pool.importDocument(tooBig, "big.txt")).rejects.toThrow(LIMIT_MESSAGES.upload);
  });
});

describe("an import past the worker's limits, through the API", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client;
  const scratch = mkdtempSync(path.join(tmpdir(), "infoprog-worker-limits-"));
  const saved = process.env.INFOPROG_SOFFICE;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const config = configFrom({ INFOPROG_IMPORT_WORKERS: "1", INFOPROG_IMPORT_TIMEOUT_SECONDS: "2" });
    app = buildApp({ store, config, webDist: "/nonexistent" });
    admin = await userClient(app, store, "worker-limits-admin", "admin");
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.INFOPROG_SOFFICE;
    else process.env.INFOPROG_SOFFICE = saved;
    await app?.close();
    await dispose?.();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("answers 422 with the time limit in Ukrainian, stores nothing, and imports the next document", async () => {
    // LibreOffice that never finishes (its own timeout is 120 s): the thread's clock ends it first.
    process.env.INFOPROG_SOFFICE = hangingSoffice(scratch).program;
    const refused = await admin.inject({
      method: "POST",
      url: "/api/import?name=programa.rtf",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.from("{\\rtf1\\ansi\\deff0 \\pard Programa\\par}"),
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({ error: WORKER_MESSAGES.time(2) });
    expect(await store.listProgrammes()).toEqual([]);
    const next = await admin.inject({
      method: "POST",
      url: "/api/import?name=romny.txt",
      headers: { "content-type": "text/plain" },
      payload: text,
    });
    expect(next.statusCode).toBe(201);
  }, 120_000);
});
