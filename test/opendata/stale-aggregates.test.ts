import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installErrorHandler } from "../../src/api/errors.js";
import { V1_PREFIX, v1Routes } from "../../src/api/routes/v1.js";
import { installZod } from "../../src/api/zod-provider.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { openTestStore } from "../support/db.js";

const NATIONAL = "/api/v1/national?year=2026";

describe("aggregates after a change: the previous answer while the new one is computed", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const nation = [...generateNation({ seed: 5, communities: 4 })];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    await loadProgrammes(store.kysely(), nation.slice(0, 3));
    app = Fastify();
    installZod(app);
    installErrorHandler(app);
    app.register(v1Routes, { prefix: V1_PREFIX, store, staleAggregateAfterMs: 0 });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("answers the previous body with its own ETag, then the new one once computed", async () => {
    const first = await app.inject(NATIONAL);
    expect(first.json().communities).toBe(3);
    const before = String(first.headers.etag);

    await loadProgrammes(store.kysely(), nation.slice(3));
    const meanwhile = await app.inject(NATIONAL);
    expect(meanwhile.statusCode).toBe(200);
    expect(meanwhile.headers.etag).toBe(before);
    expect(meanwhile.json().communities).toBe(3);
    // A client holding the previous body: "still current" while the new one is computed, else the new one.
    const revalidated = await app.inject({ url: NATIONAL, headers: { "if-none-match": before } });
    if (revalidated.statusCode === 304) expect(revalidated.headers.etag).toBe(before);
    else expect([revalidated.headers.etag !== before, revalidated.json().communities]).toEqual([true, 4]);

    let latest = meanwhile;
    for (let tries = 0; latest.headers.etag === before && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      latest = await app.inject(NATIONAL);
    }
    expect(latest.headers.etag).not.toBe(before);
    expect(latest.json().communities).toBe(4);
  });

  it("a URL never answered before waits for its body", async () => {
    const oblast = nation[0]?.community.oblast ?? "";
    const response = await app.inject(`${NATIONAL}&oblast=${encodeURIComponent(oblast)}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ oblast });
  });
});
