/**
 * The anonymous annual report DOCX is compiled once per state of its programme's data (and day), then
 * served from memory with its ETag; a new submitted report compiles it anew. The route is limited per
 * client address. The DOCX writer is wrapped to count its runs.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { configFrom } from "../../src/config.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import type { Store } from "../../src/store/index.js";
import { fileReport } from "../opendata/support.js";
import { openTestStore } from "../support/db.js";

const compiled = vi.hoisted(() => ({ count: 0 }));

vi.mock("../../src/export/reports/docx.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/export/reports/docx.js")>();
  return {
    ...original,
    progressReportDocx: async (...args: Parameters<typeof original.progressReportDocx>) => {
      compiled.count++;
      return original.progressReportDocx(...args);
    },
  };
});

describe("the public annual report DOCX", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const programme = demoProgramme();
  let url = "";

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "d", sha256: "d" });
    await store.setStatus(programmeId, "published");
    url = `/api/v1/programmes/${programmeId}/annual/${programme.period.from}/progress.docx`;
  }, 180_000);
  afterAll(async () => {
    await dispose();
  });

  it("is compiled once per data state and revalidated with its ETag", async () => {
    const app = buildApp({ store, webDist: "/nonexistent", config: configFrom({}) });
    try {
      const first = await app.inject({ url, remoteAddress: "10.2.0.1" });
      expect(first.statusCode).toBe(200);
      expect(first.headers["content-type"]).toMatch(/wordprocessingml/);
      const etag = String(first.headers.etag);
      const together = await Promise.all(
        [2, 3, 4].map((host) => app.inject({ url, remoteAddress: `10.2.0.${host}` })),
      );
      for (const again of together) {
        expect(again.statusCode).toBe(200);
        expect(again.headers.etag).toBe(etag);
        expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
      }
      expect(compiled.count).toBe(1);
      const revalidated = await app.inject({ url, headers: { "if-none-match": etag } });
      expect(revalidated.statusCode).toBe(304);
      expect(compiled.count).toBe(1);

      await fileReport(
        store,
        { community: programme.community, programme },
        { leaf: 0, unit: "Відділ цифрового розвитку", amount: 1234, text: "Виконано" },
      );
      const changed = await app.inject({ url });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(compiled.count).toBe(2);
      expect((await app.inject({ url, headers: { "if-none-match": etag } })).statusCode).toBe(200);
      expect(compiled.count).toBe(2);
    } finally {
      await app.close();
    }
  });

  it("is limited per client address", async () => {
    const app = buildApp({
      store,
      webDist: "/nonexistent",
      config: configFrom({ INFOPROG_ANNUAL_REPORTS_PER_MINUTE: "3" }),
    });
    try {
      const statuses: number[] = [];
      for (let index = 0; index < 4; index++) {
        statuses.push((await app.inject({ url, remoteAddress: "10.3.0.1" })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await app.inject({ url, remoteAddress: "10.3.0.2" })).statusCode).toBe(200);
      // The rest of the open data is not held back for that address.
      expect((await app.inject({ url: "/api/v1/programmes", remoteAddress: "10.3.0.1" })).statusCode).toBe(
        200,
      );
    } finally {
      await app.close();
    }
  });
});
