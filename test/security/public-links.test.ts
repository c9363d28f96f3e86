/**
 * Absolute links in the open data come from the configured public address (INFOPROG_PUBLIC_URL), never
 * from the request's Host header: a client forging Host first must not poison what is cached and later
 * served to everybody (the Resolution 835 record, the data package and its zip).
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { buildPublicApp } from "../../src/api/public-app.js";
import { configFrom } from "../../src/config.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import type { Store } from "../../src/store/index.js";
import { temporaryExportsDir } from "../opendata/exports-dir.js";
import { openTestStore } from "../support/db.js";

const PUBLIC_URL = "https://prog.example.gov.ua/infoprog";
const FORGED = { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" };
const LINKED = [
  "/api/v1/targeted-programmes.json",
  "/api/v1/targeted-programmes.csv",
  "/api/v1/datapackage.json",
];

describe("absolute links in the open data", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let restoreExportsDir: () => Promise<void>;

  beforeAll(async () => {
    ({ restore: restoreExportsDir } = await temporaryExportsDir());
    ({ store, dispose } = await openTestStore());
    const { programmeId } = await store.saveImport(
      { programme: demoProgramme(), findings: [] },
      { name: "demo", sha256: "demo" },
    );
    await store.setStatus(programmeId, "published");
  }, 180_000);
  afterAll(async () => {
    await dispose();
    await restoreExportsDir();
  });

  for (const [name, build] of [
    ["the whole application", buildApp],
    ["the open-data process", buildPublicApp],
  ] as const) {
    it(`${name}: built from INFOPROG_PUBLIC_URL, whatever Host the first and later clients send`, async () => {
      const config = configFrom({ INFOPROG_PUBLIC_URL: `${PUBLIC_URL}/`, INFOPROG_TRUST_PROXY: "true" });
      const app = build({ store, config, webDist: "/nonexistent" });
      try {
        for (const url of LINKED) {
          const forged = await app.inject({ url, headers: FORGED });
          const honest = await app.inject({ url, headers: { host: "prog.example.gov.ua" } });
          for (const response of [forged, honest]) {
            expect(response.statusCode, url).toBe(200);
            expect(response.body).not.toContain("evil.example");
            expect(response.body).toContain(`${PUBLIC_URL}/api/`);
          }
        }
        const zip = await JSZip.loadAsync(
          (await app.inject({ url: "/api/v1/datapackage.zip", headers: FORGED })).rawPayload,
        );
        const targeted = (await zip.file("targeted-programmes.csv")?.async("string")) ?? "";
        expect(targeted).toContain(`${PUBLIC_URL}/api/public/programmes/`);
        expect(targeted).not.toContain("evil.example");
      } finally {
        await app.close();
      }
    });
  }
});
