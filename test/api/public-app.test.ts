import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublicApp } from "../../src/api/public-app.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { openTestStore } from "../support/db.js";

describe("the open-data-only process", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: ReturnType<typeof buildPublicApp>;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    await loadProgrammes(store.kysely(), generateNation({ seed: 5, communities: 3 }));
    app = buildPublicApp({ store });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("serves the public API and a health check", async () => {
    expect((await app.inject("/api/health")).json()).toEqual({ status: "ok" });
    const page = await app.inject("/api/v1/programmes");
    expect(page.statusCode).toBe(200);
    expect(page.json().data).toHaveLength(3);
    expect(page.headers.etag).toMatch(/^W\//);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("has no staff or workspace routes, so nothing there can write", async () => {
    const [programme] = (await app.inject("/api/v1/programmes")).json().data;
    const correction = await app.inject({
      method: "PUT",
      url: `/api/programmes/${programme.programme_id}/items/d1.1/category`,
      payload: { category: "gis" },
    });
    expect(correction.statusCode).toBe(404);
    expect((await app.inject("/api/programmes")).statusCode).toBe(404);
    expect((await app.inject({ method: "POST", url: "/api/import" })).statusCode).toBe(404);
  });
});
