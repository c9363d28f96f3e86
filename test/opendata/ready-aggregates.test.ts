/**
 * A repeat request for an aggregate (national, compare) while the data state is unchanged is answered
 * from the URL's ready answer: no ETag hashed again. A publish (or unpublish) is still seen by the very
 * next request.
 */
import Fastify, { type FastifyInstance } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { installErrorHandler } from "../../src/api/errors.js";
import { V1_PREFIX, v1Routes } from "../../src/api/routes/v1.js";
import { installZod } from "../../src/api/zod-provider.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { CHANGE_CHANNEL } from "../../src/store/changes.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { changeStatus } from "../../src/store/publication.js";
import { openTestStore } from "../support/db.js";

const hashed = vi.hoisted(() => ({ etags: 0 }));
/** Requests that went on past routing to the query's validation (and the handler). */
let validated = 0;
vi.mock("../../src/store/opendata.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/store/opendata.js")>();
  return {
    ...original,
    weakEtag: (what: string, state: string) => {
      hashed.etags++;
      return original.weakEtag(what, state);
    },
  };
});

const NATIONAL = "/api/v1/national?year=2026";

const pause = () => new Promise((resolve) => setTimeout(resolve, 10));

/**
 * On PostgreSQL the store hears writes through a LISTEN connection that opens on its own time, and the
 * setup's writes are heard when their notifications arrive: both move the data generation. Waits until
 * the store listens and a notification sent now has come back (so every earlier one has), so that the
 * tests start from a generation nothing is still going to move.
 */
async function heardEverything(store: Store): Promise<void> {
  if (!process.env.DATABASE_URL) return; // PGlite: this process's own writes, counted as they return
  for (let waited = 0; store.changes.maxAgeMs !== 60_000 && waited < 1_000; waited++) await pause();
  const before = store.changes.generation;
  await sql.raw(`notify ${CHANGE_CHANNEL}`).execute(store.kysely());
  for (let waited = 0; store.changes.generation === before && waited < 1_000; waited++) await pause();
}

describe("aggregates answered again while the data state is unchanged", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const nation = [...generateNation({ seed: 7, communities: 4 })].map(({ community, programme }) => ({
    community,
    programme,
  }));
  let draftId: number;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    await loadProgrammes(store.kysely(), nation.slice(0, 3));
    await loadProgrammes(store.kysely(), nation.slice(3), { status: "adopted" });
    const draft = await store
      .kysely()
      .selectFrom("programmes")
      .select("id")
      .where("katottg", "=", nation[3]?.community.katottg ?? "")
      .executeTakeFirstOrThrow();
    draftId = draft.id;
    app = Fastify();
    installZod(app);
    installErrorHandler(app);
    app.addHook("preValidation", async () => {
      validated++;
    });
    // Readers wait for the new body after a change (no previous answer meanwhile): what a publish shows.
    app.register(v1Routes, { prefix: V1_PREFIX, store, staleAggregateAfterMs: 3_600_000 });
    await app.ready();
    await heardEverything(store);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("hashes no ETag for a repeat request, and answers the same body and a 304 as before", async () => {
    const first = await app.inject(NATIONAL);
    expect(first.json().communities).toBe(3);
    const etag = String(first.headers.etag);
    const before = hashed.etags;
    for (let repeat = 0; repeat < 5; repeat++) {
      const again = await app.inject(NATIONAL);
      expect([again.statusCode, again.headers.etag, again.body]).toEqual([200, etag, first.body]);
      expect(again.headers["cache-control"]).toBe(first.headers["cache-control"]);
      const revalidated = await app.inject({ url: NATIONAL, headers: { "if-none-match": etag } });
      expect([revalidated.statusCode, revalidated.headers.etag]).toEqual([304, etag]);
    }
    expect(hashed.etags).toBe(before);
  });

  it("a publish is seen by the next request, an unpublish too, then repeats are ready again", async () => {
    const before = await app.inject(NATIONAL);
    expect(before.json().communities).toBe(3);
    const old = String(before.headers.etag);

    expect((await changeStatus(store, draftId, "published", null, "test")).outcome).toBe("changed");
    const published = await app.inject({ url: NATIONAL, headers: { "if-none-match": old } });
    expect(published.statusCode).toBe(200);
    expect(published.headers.etag).not.toBe(old);
    expect(published.json().communities).toBe(4);

    const repeat = await app.inject(NATIONAL);
    expect([repeat.headers.etag, repeat.json().communities]).toEqual([published.headers.etag, 4]);
    // On PostgreSQL the triggers' NOTIFY of this very publish may come after the requests above and
    // count as one more change (one more ETag hashed); once it has come, repeats are ready again.
    await vi.waitFor(
      async () => {
        const hashedThen = hashed.etags;
        const again = await app.inject(NATIONAL);
        expect([again.headers.etag, hashed.etags]).toEqual([published.headers.etag, hashedThen]);
      },
      { timeout: 5_000, interval: 50 },
    );

    expect((await changeStatus(store, draftId, "adopted", null, "test")).outcome).toBe("changed");
    const unpublished = await app.inject(NATIONAL);
    expect(unpublished.headers.etag).not.toBe(published.headers.etag);
    expect(unpublished.json().communities).toBe(3);
  });

  it("a repeat request is answered as soon as it is routed: its query is not validated again", async () => {
    const first = await app.inject(NATIONAL);
    const before = validated;
    for (let repeat = 0; repeat < 3; repeat++) {
      expect((await app.inject(NATIONAL)).body).toBe(first.body);
    }
    expect(validated).toBe(before);
    const invalid = await app.inject("/api/v1/national?year=twenty");
    expect(invalid.statusCode).toBe(400);
    expect(validated).toBe(before + 1);
  });

  it("each URL has its own ready answer: an oblast's view is not the country's", async () => {
    const oblast = nation[0]?.community.oblast ?? "";
    const url = `${NATIONAL}&oblast=${encodeURIComponent(oblast)}`;
    const country = await app.inject(NATIONAL);
    for (let repeat = 0; repeat < 2; repeat++) {
      const view = await app.inject(url);
      expect(view.json().oblast).toBe(oblast);
      expect(view.headers.etag).not.toBe(country.headers.etag);
    }
    expect((await app.inject(NATIONAL)).body).toBe(country.body);
  });
});
