import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { importDocument } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

describe("export routes", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let id: number;
  let admin: Client;
  const demo = demoProgramme();

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    id = (await store.saveImport({ programme: demo, findings: [] }, { name: "demo", sha256: "x" }))
      .programmeId;
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
    admin = await userClient(app, store, "admin", "admin");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it.each(["xlsx", "csv"])("%s comes back through the importer unchanged", async (format) => {
    const response = await admin.inject(`/api/programmes/${id}/export.${format}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain(
      `programa-UA99000000000000001-2026-2028.${format}`,
    );
    const back = await importDocument(response.rawPayload, `back.${format}`);
    expect(back.programme).toEqual(demo);
  });

  it("docx is laid out so that the importer reads the same tasks and money back", async () => {
    const response = await admin.inject(`/api/programmes/${id}/export.docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("wordprocessingml");
    const back = (await importDocument(response.rawPayload, "back.docx")).programme;
    expect(programmeTotals(back)).toEqual(programmeTotals(demo));
    expect(back.community).toEqual(demo.community);
    const titles = (p: typeof demo) => p.directions.flatMap((d) => d.items.map((item) => item.title));
    expect(titles(back)).toEqual(titles(demo));
  });

  it("json is the programme with its findings", async () => {
    const json = (await admin.inject(`/api/programmes/${id}/export.json`)).json();
    expect(json.programme).toEqual(demo);
  });

  it("the public download exists only once the programme is published", async () => {
    const url = "/api/public/programmes/UA99000000000000001/2026-2028/export.csv";
    expect((await app.inject(url)).statusCode).toBe(404);
    await store.setStatus(id, "published");
    const published = await app.inject(url);
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain("Демонстраційна міська територіальна громада");
  });

  it("rejects an unknown format", async () => {
    expect((await admin.inject(`/api/programmes/${id}/export.pdf`)).statusCode).toBe(400);
  });
});
