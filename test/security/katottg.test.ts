/**
 * Odd characters in a KATOTTG code: a Cyrillic look-alike letter, a line break, a quote. Every boundary
 * refuses them (400 for a route's parameters and bodies, 422 for a document to import or an edit; the
 * command line with an error), never a 500; and a file name with such a code — a programme stored
 * before codes were checked — is written per RFC 6266/5987, so nothing can be injected into headers.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseContentDisposition } from "content-disposition";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { exportCsv } from "../../src/export/csv.js";
import { openStore, type Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const GOOD = "UA99000000000000001";
const BAD: Record<string, string> = {
  "a Cyrillic А": "UА99000000000000001",
  "CR/LF and a header": "UA99000000000000001\r\nX-Injected: yes",
  "a quote": 'UA990000000000"0001',
  "lower case": "ua99000000000000001",
  "a digit short": "UA9900000000000001",
};

function programmeWith(katottg: string): Programme {
  const programme = demoProgramme();
  programme.community = { ...programme.community, katottg };
  return programme;
}

function refused(response: LightMyRequestResponse, statuses: number[]): string | null {
  const body = response.json() as { error?: unknown };
  return statuses.includes(response.statusCode) && typeof body.error === "string"
    ? null
    : `${response.statusCode} ${response.body.slice(0, 120)}`;
}

describe("KATOTTG codes at every boundary", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client;
  let id = 0;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    id = (
      await store.saveImport({ programme: programmeWith(GOOD), findings: [] }, { name: "a", sha256: "a" })
    ).programmeId;
    await store.setStatus(id, "published");
    app = buildApp({ store, webDist: "/nonexistent" });
    admin = await userClient(app, store, "katottg-admin", "admin");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("refuses a bad code in route parameters, queries and bodies with 400", async () => {
    const failures: string[] = [];
    for (const [name, code] of Object.entries(BAD)) {
      const encoded = encodeURIComponent(code);
      const requests: [string, Promise<LightMyRequestResponse>][] = [
        ["public programme", app.inject(`/api/public/programmes/${encoded}/2026-2028`)],
        ["public export", app.inject(`/api/public/programmes/${encoded}/2026-2028/export.csv`)],
        ["programme list", admin.inject(`/api/programmes?katottg=${encoded}`)],
        ["open data filter", app.inject(`/api/v1/programmes?katottg=${encoded}`)],
        ["open data CSV filter", app.inject(`/api/v1/projects.csv?katottg=${encoded}`)],
        ["comparison", app.inject(`/api/v1/compare?katottg=${GOOD},${encoded}`)],
        ["org units", admin.inject(`/api/org-units?katottg=${encoded}`)],
        [
          "new org unit",
          admin.inject({ method: "POST", url: "/api/org-units", payload: { katottg: code, name: "Відділ" } }),
        ],
        [
          "new user",
          admin.inject({
            method: "POST",
            url: "/api/users",
            payload: {
              login: "x-user",
              password: "password-123",
              displayName: "Х",
              role: "head",
              katottg: code,
            },
          }),
        ],
      ];
      for (const [where, pending] of requests) {
        const problem = refused(await pending, [400]);
        if (problem) failures.push(`${name} in ${where}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses to store a programme with a bad code (import, edit) with 422, and stores nothing", async () => {
    const failures: string[] = [];
    for (const [name, code] of Object.entries(BAD)) {
      const imported = await admin.inject({
        method: "POST",
        url: "/api/import?name=bad.csv",
        payload: exportCsv(programmeWith(code)),
        headers: { "content-type": "text/csv" },
      });
      const edited = await admin.inject({
        method: "PUT",
        url: `/api/programmes/${id}`,
        payload: programmeWith(code),
      });
      for (const [where, response] of [
        ["import", imported],
        ["edit", edited],
      ] as const) {
        const problem = refused(response, [422]);
        if (problem) failures.push(`${name} in ${where}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await store.listProgrammes()).map((summary) => summary.katottg)).toEqual([GOOD]);
    expect(await store.listVersions(id)).toHaveLength(1);
  });

  it("writes the file name of a programme stored with a bad code per RFC 6266, with nothing injected", async () => {
    for (const [name, code] of Object.entries(BAD)) {
      await sql`update programme_versions set document = jsonb_set(document, '{community,katottg}', ${JSON.stringify(code)}::jsonb)
        where programme_id = ${id}`.execute(store.kysely());
      for (const format of ["csv", "json", "docx"]) {
        const response = await admin.inject(`/api/programmes/${id}/export.${format}`);
        expect(response.statusCode, `${name} ${format}`).toBe(200);
        expect(response.headers["x-injected"], name).toBeUndefined();
        const header = String(response.headers["content-disposition"]);
        expect(header).not.toMatch(/[\r\n]/);
        const parsed = parseContentDisposition(header);
        expect(parsed.type).toBe("attachment");
        expect(Object.keys(parsed.parameters).sort(), `${name}: ${header}`).toEqual(
          expect.arrayContaining(["filename"]),
        );
        expect(parsed.parameters.filename, header).toMatch(
          new RegExp(`^programa-[^"\\r\\n]+-2026-2028\\.${format}$`),
        );
      }
    }
  });
});

describe("KATOTTG codes on the command line", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "infoprog-katottg-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses to import a document with a bad code, with a one-line error, and stores nothing", async () => {
    const file = path.join(dir, "bad.csv");
    writeFileSync(file, exportCsv(programmeWith(BAD["a Cyrillic А"] ?? "")));
    const dataDir = path.join(dir, "db");
    const run = spawnSync(process.execPath, [path.resolve("bin/infoprog.js"), "import", file], {
      encoding: "utf8",
      env: { ...process.env, INFOPROG_DATA_DIR: dataDir, DATABASE_URL: "" },
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("КАТОТТГ");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    const store = await openStore({ dataDir });
    try {
      expect(await store.listProgrammes()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
