/**
 * A paging cursor is opaque to clients, but anyone can send any text as `after`: whatever it decodes
 * to must answer 400 with an error message on every paged route, never reach SQL as a value of the
 * wrong type (a 500), and a real `next` cursor must still work.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { LISTED } from "../../src/api/routes/v1.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { openTestStore } from "../support/db.js";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** Cursors that decode to something, but not to a key of the resource. */
const MALFORMED: Record<string, string> = {
  "not base64": "!!!",
  "base64 of no JSON": Buffer.from("{{{").toString("base64url"),
  "an object": encode({ id: 1 }),
  "an empty array": encode([]),
  "too many parts": encode([1, 2, 3]),
  "text where a number is": encode(["x"]),
  "two texts": encode(["x", "y"]),
  "a number past int4": encode([2 ** 40]),
  "two numbers past int4": encode([2 ** 40, 2 ** 40]),
  "a negative number and text": encode([-1, "x"]),
  "a NUL character": encode([1, "a\u0000b"]),
  "a float": encode([1.5]),
  "very long": encode(["x".repeat(10_000)]),
};

describe("paging cursors", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const nation = [...generateNation({ seed: 3, communities: 3 })].map(({ community, programme }) => ({
      community,
      programme,
    }));
    await loadProgrammes(store.kysely(), nation, {});
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("answers 400 with an error for every malformed cursor on every paged route", async () => {
    const failures: string[] = [];
    for (const resource of LISTED) {
      for (const [name, cursor] of Object.entries(MALFORMED)) {
        const response = await app.inject(`/api/v1/${resource}?limit=2&after=${encodeURIComponent(cursor)}`);
        const body = response.json() as { error?: unknown };
        if (response.statusCode !== 400 || typeof body.error !== "string") {
          failures.push(`${resource} / ${name}: ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("still follows a real next cursor", async () => {
    for (const resource of ["programmes", "projects", "funding"]) {
      const first = (await app.inject(`/api/v1/${resource}?limit=1`)).json() as { next: string | null };
      expect(first.next, resource).not.toBeNull();
      const second = await app.inject(`/api/v1/${resource}?limit=1&after=${first.next}`);
      expect(second.statusCode, resource).toBe(200);
    }
  });
});
