import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { etagMatches, IMMUTABLE } from "../../src/api/http-cache.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import type { Store } from "../../src/store/index.js";
import { openTestStore } from "../support/db.js";

const SCRIPT = `console.log(${JSON.stringify("програма ".repeat(400))});`;

/** A built web app in miniature: two pages and one hashed asset. */
async function fakeWebDist(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "infoprog-web-"));
  await mkdir(path.join(dir, "assets"));
  const page = `<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/app-abc123.js"></script></body></html>`;
  await writeFile(path.join(dir, "index.html"), page);
  await writeFile(path.join(dir, "public.html"), page);
  await writeFile(path.join(dir, "assets/app-abc123.js"), SCRIPT);
  return dir;
}

describe("compression and HTTP caching", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let webDist: string;
  let publicUrl: string;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const programme = demoProgramme();
    const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "d", sha256: "d" });
    await store.setStatus(programmeId, "published");
    const { katottg } = programme.community;
    publicUrl = `/api/public/programmes/${katottg}/${programme.period.from}-${programme.period.to}`;
    webDist = await fakeWebDist();
    app = buildApp({ store, webDist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
    await rm(webDist, { recursive: true, force: true });
  });

  it("compresses an API answer over 1 KB with brotli, else gzip, to the same bytes", async () => {
    const plain = await app.inject({ url: publicUrl, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);

    const brotli = await app.inject({ url: publicUrl, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers.vary).toMatch(/accept-encoding/i);
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);

    const gzip = await app.inject({ url: publicUrl, headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
  });

  it("sends an answer under 1 KB as it is", async () => {
    const health = await app.inject({ url: "/api/health", headers: { "accept-encoding": "br, gzip" } });
    expect(health.headers["content-encoding"]).toBeUndefined();
    expect(health.json()).toEqual({ status: "ok" });
  });

  it("answers an API read with an ETag, and 304 with no body when the client has it", async () => {
    const first = await app.inject({ url: publicUrl });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");

    const again = await app.inject({ url: publicUrl, headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    const compressedAgain = await app.inject({
      url: publicUrl,
      headers: { "if-none-match": etag, "accept-encoding": "br" },
    });
    expect(compressedAgain.statusCode).toBe(304);

    const other = await app.inject({ url: publicUrl, headers: { "if-none-match": 'W/"something-else"' } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(first.body);
  });

  it("gives a changed answer a new ETag", async () => {
    const before = await app.inject({ url: "/api/public/programmes" });
    const changed = demoProgramme();
    changed.community = { ...changed.community, katottg: "UA05020010000000001", name: "Інша громада" };
    const { programmeId } = await store.saveImport(
      { programme: changed, findings: [] },
      { name: "e", sha256: "e" },
    );
    await store.setStatus(programmeId, "published");
    const after = await app.inject({
      url: "/api/public/programmes",
      headers: { "if-none-match": before.headers.etag as string },
    });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(after.json()).toHaveLength(before.json().length + 1);
  });

  it("keeps hashed assets a year and makes the pages revalidate", async () => {
    const asset = await app.inject({ url: "/assets/app-abc123.js", headers: { "accept-encoding": "br" } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe(IMMUTABLE);
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(asset.rawPayload).toString()).toBe(SCRIPT);

    for (const url of ["/", "/programmes/1", "/p/UA05020010000000001/2026-2028"]) {
      const page = await app.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("compares ETags weakly, in lists and with *", () => {
    expect(etagMatches('"a", W/"b"', 'W/"b"')).toBe(true);
    expect(etagMatches('W/"a"', '"a"')).toBe(true);
    expect(etagMatches("*", 'W/"x"')).toBe(true);
    expect(etagMatches('"a"', 'W/"b"')).toBe(false);
    expect(etagMatches(undefined, 'W/"b"')).toBe(false);
  });
});
