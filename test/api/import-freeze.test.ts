/**
 * POST /api/import obeys the agreement freeze as PUT does: a programme under agreement with the
 * Ministry answers 409 with the freeze's Ukrainian message, and no version is stored.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { importDocument } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { FIXTURES } from "../import/support.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const TEXT = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8");
const CHANGED = TEXT.replace("ПРОГРАМА", "ПРОГРАМА (ЗМІНИ)");

describe("an import over a programme under agreement", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client;
  let programmeId = 0;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    // Parsed on the event loop: this test is about the store's rule, not the worker threads.
    app = buildApp({ store, importDocument, webDist: "/nonexistent" });
    await app.ready();
    admin = await userClient(app, store, "freeze-admin", "admin");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const upload = (text: string, query = "") =>
    admin.inject({
      method: "POST",
      url: `/api/import?name=romny.txt${query}`,
      headers: { "content-type": "text/plain" },
      payload: text,
    });

  it("is refused with 409 once the programme is submitted, and stores nothing", async () => {
    const created = await upload(TEXT);
    expect(created.statusCode).toBe(201);
    programmeId = created.json().programmeId;
    const submitted = await admin.inject({
      method: "POST",
      url: `/api/agreement/${programmeId}/steps`,
      payload: { action: "submit" },
    });
    expect(submitted.json()).toMatchObject({ state: "submitted" });

    for (const attempt of [await upload(CHANGED), await upload(TEXT, "&saveIdentical=1")]) {
      expect(attempt.statusCode).toBe(409);
      expect(attempt.json()).toEqual({
        error: "Програму у стані «Подано на погодження» не редагують: дочекайтеся рішення рецензента.",
      });
    }
    const versions = (await admin.inject(`/api/programmes/${programmeId}`)).json().versions;
    expect(versions).toHaveLength(1);
  });
});
