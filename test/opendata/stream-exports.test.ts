/**
 * The whole-dataset exports streamed rather than built in memory: the CSV routes write pages as they
 * are read, datapackage.zip is written once per data state to a file and served from it. What they
 * send must be what the in-memory versions built (reproduced here as they were).
 */

import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { strFromU8, unzipSync } from "fflate";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublicApp } from "../../src/api/public-app.js";
import { LISTED } from "../../src/api/routes/v1.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { dataPackage } from "../../src/opendata/datapackage.js";
import { type OpenRow, RESOURCES, type ResourceDef, resourceDef } from "../../src/opendata/fields.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { allRows, type ListedResource, MAX_PAGE } from "../../src/store/opendata.js";
import { openTestStore } from "../support/db.js";
import { temporaryExportsDir } from "./exports-dir.js";
import { fileReport } from "./support.js";

const nation = [...generateNation({ seed: 11, communities: 16 })].map(({ community, programme }) => ({
  community,
  programme,
}));
const PUBLISHED = nation.slice(0, 14);
const DRAFTS = nation.slice(10);

/** toCsv as it was before the CSVs were streamed: the reference the streamed text must equal. */
function referenceCsv(resource: ResourceDef, rows: Iterable<OpenRow>): string {
  const cell = (value: OpenRow[string] | undefined) => {
    if (value === null || value === undefined) return "";
    const text = String(value);
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const names = resource.fields.map((field) => field.name);
  const lines = [names.join(",")];
  for (const row of rows) lines.push(names.map((name) => cell(row[name])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

describe("streamed open-data exports", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let dir: string;
  let restoreExportsDir: () => Promise<void>;
  let reportIndex = 0;

  /** One submitted report on the next leaf project of a published programme: moves the reports state. */
  const fileNextReport = (entry: (typeof PUBLISHED)[number] | undefined) =>
    fileReport(store, entry, {
      leaf: reportIndex++,
      unit: "Відділ цифрового розвитку",
      amount: 12_345_67,
      text: 'Закуплено обладнання, "серверна" шафа',
      attachments: [{ kind: "prozorro", ref: "UA-2026-01-15-000123-a" }],
    });

  beforeAll(async () => {
    ({ dir, restore: restoreExportsDir } = await temporaryExportsDir());
    ({ store, dispose } = await openTestStore());
    await loadProgrammes(store.kysely(), PUBLISHED, { batchSize: 5 });
    await loadProgrammes(store.kysely(), DRAFTS, { status: "adopted" });
    for (const entry of PUBLISHED.slice(0, 3)) await fileNextReport(entry);
    app = buildPublicApp({ store });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
    await restoreExportsDir?.();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers });

  async function expectedCsv(resource: ListedResource, filter = {}): Promise<string> {
    return referenceCsv(resourceDef(resource), await collect(allRows(store.kysely(), resource, filter)));
  }

  it("every resource's CSV is the text the in-memory export built, the long ones streamed", async () => {
    for (const resource of LISTED) {
      const response = await get(`/api/v1/${resource}.csv`);
      expect(response.statusCode, resource).toBe(200);
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(response.body, resource).toBe(await expectedCsv(resource));
    }
    const funding = await get("/api/v1/funding.csv");
    const lines = funding.body.trimEnd().split("\r\n");
    // Past the size under which a CSV is built whole and cached.
    expect(lines.length - 1).toBeGreaterThan(2 * MAX_PAGE);
    expect(funding.headers["content-length"]).toBeUndefined();
    const reports = await get("/api/v1/reports.csv");
    expect(reports.body.trimEnd().split("\r\n")).toHaveLength(4);
    expect(reports.headers["content-length"]).toBe(String(Buffer.byteLength(reports.body)));
  });

  it("reading a whole resource in small pages gives every row once, in the order of one big read", async () => {
    const db = store.kysely();
    for (const resource of LISTED) {
      const whole = await collect(allRows(db, resource, {}, 1_000_000));
      expect(whole.length, resource).toBeGreaterThan(2);
      expect(await collect(allRows(db, resource, {}, 7)), resource).toEqual(whole);
      expect(await collect(allRows(db, resource)), resource).toEqual(whole);
    }
    const oneYear = { year: 2027, source: "local" };
    expect(await collect(allRows(db, "funding", oneYear, 13))).toEqual(
      await collect(allRows(db, "funding", oneYear, 1_000_000)),
    );
  });

  it("filtered CSVs are the in-memory text too", async () => {
    const first = PUBLISHED[0]?.community.katottg ?? "";
    const cases: [ListedResource, string, object][] = [
      ["funding", `katottg=${first}`, { katottg: [first] }],
      ["funding", "year=2027&source=local", { year: 2027, source: "local" }],
      ["projects", "category=cybersecurity", { category: "cybersecurity" }],
    ];
    for (const [resource, query, filter] of cases) {
      const response = await get(`/api/v1/${resource}.csv?${query}`);
      expect(response.body, query).toBe(await expectedCsv(resource, filter));
    }
  });

  it("a streamed CSV is gzipped on the fly for clients that accept it, with the same ETag", async () => {
    const plain = await get("/api/v1/funding.csv");
    const zipped = await get("/api/v1/funding.csv", { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("accept-encoding");
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(gunzipSync(zipped.rawPayload).toString("utf8")).toBe(plain.body);
    expect(plain.headers["content-encoding"]).toBeUndefined();
  });

  it("answers 304 to a current ETag and sends Cache-Control as before, for streamed CSV and the zip", async () => {
    for (const url of ["/api/v1/funding.csv", "/api/v1/funding.csv?year=2027", "/api/v1/datapackage.zip"]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers.etag, url).toMatch(/^W\/"/);
      expect(first.headers["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=60");
      const again = await get(url, { "if-none-match": String(first.headers.etag) });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect((await get(url, { "if-none-match": 'W/"other"' })).statusCode).toBe(200);
    }
  });

  it("datapackage.zip holds what the in-memory zip held, readable by JSZip and fflate alike", async () => {
    const response = await get("/api/v1/datapackage.zip");
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-length"]).toBe(String(response.rawPayload.length));
    const byFflate = unzipSync(new Uint8Array(response.rawPayload));
    const byJszip = await JSZip.loadAsync(response.rawPayload);
    const names = ["datapackage.json", ...RESOURCES.map((resource) => `${resource.name}.csv`)];
    expect(Object.keys(byFflate)).toEqual(names);
    expect(Object.keys(byJszip.files)).toEqual(names);
    const expected = new Map<string, string>();
    for (const resource of LISTED) expected.set(`${resource}.csv`, await expectedCsv(resource));
    expected.set("targeted-programmes.csv", (await get("/api/v1/targeted-programmes.csv")).body);
    const modified = JSON.parse(strFromU8(byFflate["datapackage.json"] ?? new Uint8Array())).created;
    expect(modified).toBe(await lastPublishedChange());
    expected.set("datapackage.json", `${JSON.stringify(dataPackage({ modified }), null, 2)}\n`);
    for (const name of names) {
      expect(strFromU8(byFflate[name] ?? new Uint8Array()), name).toBe(expected.get(name));
      expect(await byJszip.file(name)?.async("string"), name).toBe(expected.get(name));
    }
    expect(expected.get("funding.csv")?.length).toBeGreaterThan(100_000);
  });

  it("concurrent zip requests share one file; a new data state replaces it; the same state, the same bytes", async () => {
    await fileNextReport(PUBLISHED[4]);
    const [a, b] = await Promise.all([get("/api/v1/datapackage.zip"), get("/api/v1/datapackage.zip")]);
    expect(a.statusCode).toBe(200);
    expect(a.headers.etag).toBe(b.headers.etag);
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^datapackage-[\w-]+\.zip$/);
    expect(Buffer.compare(await readFile(path.join(dir, files[0] ?? "")), a.rawPayload)).toBe(0);
    const reports = await JSZip.loadAsync(a.rawPayload);
    expect((await reports.file("reports.csv")?.async("string"))?.trimEnd().split("\r\n")).toHaveLength(5);

    await rm(path.join(dir, files[0] ?? ""));
    const again = await get("/api/v1/datapackage.zip");
    expect(Buffer.compare(again.rawPayload, a.rawPayload)).toBe(0);

    await fileNextReport(PUBLISHED[5]);
    const changed = await get("/api/v1/datapackage.zip");
    expect(changed.headers.etag).not.toBe(a.headers.etag);
    const after = await readdir(dir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(files[0]);
  });

  async function lastPublishedChange(): Promise<string> {
    const row = await store
      .kysely()
      .selectFrom("programmes")
      .select((eb) => eb.fn.max("updated_at").as("changed"))
      .where("status", "=", "published")
      .executeTakeFirst();
    return new Date(row?.changed ?? 0).toISOString();
  }
});
