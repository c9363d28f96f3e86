import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { UPLOADS_PER_MINUTE } from "../../src/api/routes/import.js";
import { fetchDocument, URL_MESSAGES } from "../../src/import/fetch-url.js";
import { importDocument } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { ensureOrgUnit } from "../../src/store/users.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";
import { allowTestLoopback, startUrlServer, type UrlServer } from "../support/url-server.js";

const FIXTURE = path.resolve("../shared/fixtures/programs/romny-2026-2028.txt");
const programme = readFileSync(FIXTURE);

describe("POST /api/import/url", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let production: FastifyInstance;
  let server: UrlServer;
  let head: Client;
  let otherHead: Client;
  let executor: Client;
  let productionHead: Client;

  beforeAll(async () => {
    server = await startUrlServer({
      "/romny.txt": (_request, response) => response.writeHead(200).end(programme),
      "/to-private": (_request, response) =>
        response.writeHead(302, { location: "http://192.168.0.10/romny.txt" }).end(),
    });
    ({ store, dispose } = await openTestStore());
    const fetchForTests = (url: string) => fetchDocument(url, { allowAddress: allowTestLoopback });
    app = buildApp({ store, webDist: "/nonexistent", fetchDocument: fetchForTests });
    production = buildApp({ store, webDist: "/nonexistent" });
    await Promise.all([app.ready(), production.ready()]);
    const { katottg } = (await importDocument(programme, "romny.txt")).programme.community;
    head = await userClient(app, store, "url-head", "head", { katottg });
    otherHead = await userClient(app, store, "url-other-head", "head", { katottg: "UA99000000000000002" });
    const unit = await ensureOrgUnit(store, katottg, "Відділ цифрового розвитку");
    executor = await userClient(app, store, "url-executor", "executor", { katottg, orgUnitId: unit.id });
    productionHead = await userClient(production, store, "url-production-head", "head", { katottg });
  });
  afterAll(async () => {
    await Promise.all([app.close(), production.close(), server.close()]);
    await dispose();
  });

  const post = (client: Client, payload: unknown) =>
    client.inject({ method: "POST", url: "/api/import/url", payload: payload as Record<string, unknown> });
  const stored = async () => (await store.listProgrammes()).length;

  it("previews, then saves, the document at the address; the version's source is the address", async () => {
    const url = server.url("/romny.txt");
    const preview = await post(head, { url, dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().programme.community.name).toMatch(/Роменськ/);
    expect(preview.json().source).toEqual({ url, name: "romny.txt" });
    expect(await stored()).toBe(0);

    const saved = await post(head, { url });
    expect(saved.statusCode).toBe(201);
    const { programmeId } = saved.json();
    const detail = (await head.inject(`/api/programmes/${programmeId}`)).json();
    expect(detail.version.sourceName).toBe(url);
    expect(detail.programme).toEqual((await importDocument(programme, "romny.txt")).programme);
  });

  it("answers an identical re-import from the address with identicalTo, and stores it when insisted on", async () => {
    const url = server.url("/romny.txt");
    const [summary] = await store.listProgrammes();
    if (!summary) throw new Error("the previous test stored no programme");
    const again = await post(head, { url });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      programmeId: summary.id,
      version: summary.latestVersion,
      created: false,
      identicalTo: summary.latestVersion,
      source: { url, name: "romny.txt" },
    });
    expect(await store.listVersions(summary.id)).toHaveLength(summary.versionCount);
    const anyway = await post(head, { url, saveIdentical: true });
    expect(anyway.statusCode).toBe(200);
    expect(anyway.json()).toMatchObject({ version: summary.latestVersion + 1, created: false });
    expect(anyway.json().identicalTo).toBeUndefined();
    expect(await store.listVersions(summary.id)).toHaveLength(summary.versionCount + 1);
  });

  it("refuses a head of another community and an executor, storing nothing", async () => {
    const before = await stored();
    expect((await post(otherHead, { url: server.url("/romny.txt") })).statusCode).toBe(403);
    expect((await post(executor, { url: server.url("/romny.txt") })).statusCode).toBe(403);
    expect(await stored()).toBe(before);
  });

  it.each([
    ["a redirect to a private address", "/to-private", URL_MESSAGES.privateAddress("192.168.0.10")],
    ["a non-http address", "ftp://rada.example/romny.txt", URL_MESSAGES.scheme("ftp")],
  ])("refuses %s in Ukrainian, storing nothing", async (_what, target, message) => {
    const before = await stored();
    const url = target.startsWith("/") ? server.url(target) : target;
    const refused = await post(head, { url });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({ error: message });
    expect(await stored()).toBe(before);
  });

  it("refuses the loopback server with the production fetcher, without connecting", async () => {
    const before = server.hits.length;
    const refused = await post(productionHead, { url: server.url("/romny.txt") });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toBe(URL_MESSAGES.privateAddress("127.0.0.1"));
    expect(server.hits.length).toBe(before);
  });

  it("asks for an address", async () => {
    const missing = await post(head, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatch(/^Некоректні дані/);
  });

  it("limits URL imports per client and minute, like uploads", async () => {
    const statuses: number[] = [];
    for (let index = 0; index <= UPLOADS_PER_MINUTE; index++) {
      statuses.push((await post(head, { url: "ftp://rada.example/p.pdf" })).statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses).toContain(422);
  });
});
