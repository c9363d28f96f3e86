import { readFileSync } from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { Finding, Programme } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { withIndicatorTarget, withPassportField, withSectionText } from "../../web/src/lib/programmeEdits.js";
import { FIXTURES } from "../import/support.js";
import { openTestStore } from "../support/db.js";
import { type Client, userClient } from "./support.js";

const ROMNY = "UA59060110000049734";

describe("saving edits of the passport, indicators and texts", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let otherHead: Client;
  let id = 0;
  let original: Programme;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const result = importText(readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8"));
    original = result.programme;
    id = (await store.saveImport(result, { name: "romny.txt", sha256: "r" })).programmeId;
    app = buildApp({ store, webDist: "/nonexistent" });
    head = await userClient(app, store, "romny-head", "head", { katottg: ROMNY });
    otherHead = await userClient(app, store, "other-head", "head", { katottg: "UA68040390000011141" });
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const edited = () =>
    withSectionText(
      withIndicatorTarget(
        withPassportField(original, 4, "лист Мінцифри від 01.12.2025 № 1/1234"),
        0,
        "2027",
        "42,0",
      ),
      "analysis",
      "",
      "Оновлений аналіз.",
    );

  // A programme of another community is invisible to its staff (404, as every route addressed by id).
  it("refuses another community's head (404) and writes nothing", async () => {
    const response = await otherHead.inject({
      method: "PUT",
      url: `/api/programmes/${id}`,
      payload: edited(),
    });
    expect(response.statusCode).toBe(404);
    const versions = (await head.inject(`/api/programmes/${id}/versions`)).json() as unknown[];
    expect(versions).toHaveLength(1);
  });

  it("saves the head's edit as a new version, with the findings of the edited programme", async () => {
    const response = await head.inject({ method: "PUT", url: `/api/programmes/${id}`, payload: edited() });
    expect(response.statusCode, response.body).toBeLessThan(300);
    const detail = (await head.inject(`/api/programmes/${id}`)).json() as {
      programme: Programme;
      findings: Finding[];
    };
    expect(detail.programme.passport.fields.find((field) => field.number === 4)?.value).toBe(
      "лист Мінцифри від 01.12.2025 № 1/1234",
    );
    expect(detail.programme.indicators[0]?.targets["2027"]).toBe("42,0");
    expect(detail.programme.sections.find((section) => section.key === "analysis")?.text).toBe(
      "Оновлений аналіз.",
    );
    expect(detail.findings.map((each) => each.code)).not.toContain("passport.not-agreed");
    const versions = (await head.inject(`/api/programmes/${id}/versions`)).json() as {
      version: number;
      kind: string;
      author: string | null;
    }[];
    // The import was stored by no user (the test's store call); the edit names the head who saved it.
    expect(versions.map((each) => [each.version, each.kind, each.author])).toEqual([
      [1, "import", null],
      [2, "edit", "romny-head"],
    ]);
  });
});
