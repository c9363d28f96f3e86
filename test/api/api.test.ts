import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { ImportDocument } from "../../src/api/routes/import.js";
import type { Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import type { Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

/** What the route handed the importer last: the user's choices (`?unit=`). */
let lastImportOptions: unknown;

/** Stands in for the importer in tests of the HTTP plumbing: the demo programme for "demo.txt". */
const demoImporter: ImportDocument = async (bytes, name, options) => {
  lastImportOptions = options;
  if (name !== "demo.txt" || bytes.includes(0)) throw new NotAProgrammeError("Це не програма інформатизації");
  return { programme: demoProgramme(), findings: [] };
};

describe("HTTP API", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let demoId: number;
  let admin: Client;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    demoId = (
      await store.saveImport({ programme: demoProgramme(), findings: [] }, { name: "d", sha256: "d" })
    ).programmeId;
    app = buildApp({ store, importDocument: demoImporter, webDist: "/nonexistent" });
    await app.ready();
    admin = await userClient(app, store, "admin", "admin");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("answers health and lists programmes with filters", async () => {
    expect((await admin.inject("/api/health")).json()).toEqual({ status: "ok" });
    const list = (await admin.inject("/api/programmes?year=2027")).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: demoId,
      total: programmeTotals(demoProgramme()).total,
      status: "draft",
    });
    expect((await admin.inject("/api/programmes?year=2031")).json()).toEqual([]);
  });

  it("returns a programme with totals and versions, 404 for a missing one, 400 for a bad id", async () => {
    const detail = (await admin.inject(`/api/programmes/${demoId}`)).json();
    expect(detail.programme).toEqual(demoProgramme());
    expect(detail.totals).toEqual(JSON.parse(JSON.stringify(programmeTotals(demoProgramme()))));
    expect(detail.versions).toHaveLength(1);

    const missing = await admin.inject("/api/programmes/987654");
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: "Програму не знайдено" });
    const bad = await admin.inject("/api/programmes/abc");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/^Некоректні дані \(шлях\)/);
    expect(bad.body).not.toContain("at ");
  });

  it("saves a PUT edit as a new version and shows the changed amount in the diff", async () => {
    const edited: Programme = demoProgramme();
    const item = edited.directions[2]?.items[0];
    const row = item?.funding[0];
    if (!item || !row) throw new Error("demo direction 3 lost its first item");
    const before = row.byYear["2028"] ?? 0;
    row.byYear["2028"] = before + 250_000_00;
    row.total += 250_000_00;

    const put = await admin.inject({
      method: "PUT",
      url: `/api/programmes/${demoId}?note=test`,
      payload: edited,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ programmeId: demoId, version: 2, created: false });
    expect(put.json().findings).toEqual(expect.any(Array));

    const diff = (await admin.inject(`/api/programmes/${demoId}/diff?from=1&to=2`)).json();
    expect(diff.itemsAdded).toEqual([]);
    expect(diff.amountsChanged).toContainEqual({
      item: { id: item.id, number: item.number, title: item.title },
      source: row.source,
      label: row.label,
      year: "2028",
      before,
      after: before + 250_000_00,
    });
    expect(diff.total.after - diff.total.before).toBe(250_000_00);
    const versions = (await admin.inject(`/api/programmes/${demoId}/versions`)).json();
    expect(versions.map((version: { kind: string }) => version.kind)).toEqual(["import", "edit"]);
    expect((await admin.inject(`/api/programmes/${demoId}?version=1`)).json().programme).toEqual(
      demoProgramme(),
    );
  });

  it("rejects a programme body with fractional kopecks, in Ukrainian", async () => {
    const broken = demoProgramme() as unknown as { passport: { funding: { total: number } } };
    broken.passport.funding.total = 10.5;
    const response = await admin.inject({ method: "POST", url: "/api/validate", payload: broken });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toContain("passport.funding.total");
    expect(response.json().error).toContain("тіло запиту");
  });

  it("validates a programme without saving", async () => {
    const versionsBefore = (await store.listVersions(demoId)).length;
    const response = await admin.inject({ method: "POST", url: "/api/validate", payload: demoProgramme() });
    expect(response.statusCode).toBe(200);
    expect(response.json().totals.total).toBe(programmeTotals(demoProgramme()).total);
    expect((await store.listVersions(demoId)).length).toBe(versionsBefore);
  });

  it("hides a programme from the public routes until it is published", async () => {
    const url = "/api/public/programmes/UA99000000000000001/2026-2028";
    const hidden = await admin.inject(url);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error).toContain("не оприлюднено");
    expect((await admin.inject("/api/public/programmes")).json()).toEqual([]);

    // The demo programme has error findings: publishing it needs a written reason.
    const refused = await admin.inject({
      method: "POST",
      url: `/api/programmes/${demoId}/status`,
      payload: { status: "published" },
    });
    expect(refused.statusCode).toBe(409);
    expect((await admin.inject(url)).statusCode).toBe(404);
    const status = await admin.inject({
      method: "POST",
      url: `/api/programmes/${demoId}/status`,
      payload: { status: "published", reason: "Демонстраційна програма" },
    });
    expect(status.json()).toMatchObject({ id: demoId, status: "published" });
    expect((await admin.inject(url)).json().summary.id).toBe(demoId);
    expect((await admin.inject("/api/public/programmes")).json()).toHaveLength(1);
    expect((await admin.inject("/api/public/programmes/UA99000000000000001/2025-2027")).statusCode).toBe(404);

    const wrongStatus = await admin.inject({
      method: "POST",
      url: `/api/programmes/${demoId}/status`,
      payload: { status: "archived" },
    });
    expect(wrongStatus.statusCode).toBe(400);
  });

  it("previews an upload with dryRun without saving; a re-import of the same programme is saved only when insisted on", async () => {
    const versionsBefore = (await store.listVersions(demoId)).length;
    const form = new FormData();
    form.append("file", new Blob([Buffer.from("демо")]), "demo.txt");
    const preview = await admin.inject({ method: "POST", url: "/api/import?dryRun=1", payload: form });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().totals.total).toBe(programmeTotals(demoProgramme()).total);
    expect(preview.json().programme).toEqual(demoProgramme());
    expect(await store.listVersions(demoId)).toHaveLength(versionsBefore);

    // An earlier test edited the stored programme, so the demo document differs from its latest
    // version: stored as a new version. The same document once more is identical to that version.
    const raw = await admin.inject({
      method: "POST",
      url: "/api/import?name=demo.txt",
      headers: { "content-type": "text/plain; charset=utf-8" },
      payload: "демо",
    });
    expect(raw.statusCode).toBe(200);
    expect(raw.json()).toEqual({
      programmeId: demoId,
      version: versionsBefore + 1,
      created: false,
      findings: [],
    });
    const again = await admin.inject({
      method: "POST",
      url: "/api/import?name=demo.txt",
      headers: { "content-type": "text/plain; charset=utf-8" },
      payload: "демо",
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({
      programmeId: demoId,
      version: versionsBefore + 1,
      created: false,
      identicalTo: versionsBefore + 1,
      findings: [],
    });
    expect(await store.listVersions(demoId)).toHaveLength(versionsBefore + 1);

    const insisted = await admin.inject({
      method: "POST",
      url: "/api/import?name=demo.txt&saveIdentical=1",
      headers: { "content-type": "text/plain; charset=utf-8" },
      payload: "демо",
    });
    expect(insisted.statusCode).toBe(200);
    expect(insisted.json()).toEqual({
      programmeId: demoId,
      version: versionsBefore + 2,
      created: false,
      findings: [],
    });
    expect(await store.listVersions(demoId)).toHaveLength(versionsBefore + 2);
    const wrongFlag = await admin.inject({
      method: "POST",
      url: "/api/import?name=demo.txt&saveIdentical=yes",
      headers: { "content-type": "text/plain; charset=utf-8" },
      payload: "демо",
    });
    expect(wrongFlag.statusCode).toBe(400);
  });

  it("checks an import's Idempotency-Key by the same rule as a report's: 8–200 visible ASCII", async () => {
    const upload = (key: string) =>
      admin.inject({
        method: "POST",
        url: "/api/import?name=demo.txt",
        headers: { "content-type": "text/plain; charset=utf-8", "idempotency-key": key },
        payload: "демо",
      });
    const versionsBefore = (await store.listVersions(demoId)).length;
    const short = await upload("seven-7");
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toBe("Заголовок Idempotency-Key: 8–200 видимих ASCII-символів");
    expect((await upload("x".repeat(201))).statusCode).toBe(400);
    expect(await store.listVersions(demoId)).toHaveLength(versionsBefore);
    expect((await upload("eight-88")).statusCode).toBe(200);
  });

  it("hands the importer the unit the user accepted (?unit=uah|thousand|million) and refuses any other", async () => {
    const upload = (query: string) =>
      admin.inject({
        method: "POST",
        url: `/api/import?name=demo.txt&dryRun=1${query}`,
        headers: { "content-type": "text/plain; charset=utf-8" },
        payload: "демо",
      });
    expect((await upload("&unit=uah")).statusCode).toBe(200);
    expect(lastImportOptions).toEqual({ unit: "uah" });
    expect((await upload("&unit=million")).statusCode).toBe(200);
    expect(lastImportOptions).toEqual({ unit: "million" });
    expect((await upload("")).statusCode).toBe(200);
    expect(lastImportOptions).toEqual({});
    expect((await upload("&unit=hryvnia")).statusCode).toBe(400);
  });

  it("answers 422 for a binary upload, 400 without a file name, 413 for a too large one", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array([0, 159, 146, 150, 0, 1])]), "image.png");
    const binary = await admin.inject({ method: "POST", url: "/api/import", payload: form });
    expect(binary.statusCode).toBe(422);
    expect(binary.json()).toEqual({ error: "Це не програма інформатизації" });

    const unnamed = await admin.inject({ method: "POST", url: "/api/import", payload: "текст" });
    expect(unnamed.statusCode).toBe(400);

    const huge = await admin.inject({
      method: "POST",
      url: "/api/import?name=big.txt",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.alloc(21 * 1024 * 1024, 65),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toContain("20 МБ");

    const hugeForm = new FormData();
    hugeForm.append("file", new Blob([Buffer.alloc(21 * 1024 * 1024, 65)]), "demo.txt");
    const hugeUpload = await admin.inject({ method: "POST", url: "/api/import", payload: hugeForm });
    expect(hugeUpload.statusCode).toBe(413);
    expect(hugeUpload.json().error).toContain("20 МБ");
  });

  it("publishes an OpenAPI document and the docs UI", async () => {
    const spec = (await admin.inject("/api/docs/json")).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/programmes",
        "/api/programmes/{id}/diff",
        "/api/import",
        "/api/validate",
      ]),
    );
    expect(spec.components.schemas.Item).toBeDefined();
    expect((await admin.inject("/api/docs")).statusCode).toBeLessThan(400);
    const unknown = await admin.inject("/api/nothing-here");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: "Не знайдено" });
  });
});

describe("HTTP API edge cases", () => {
  it("answers 409 when an edit moves a programme onto another one's community and period", async () => {
    const { store, dispose } = await openTestStore();
    const app = buildApp({ store, webDist: "/nonexistent" });
    const admin = await userClient(app, store, "admin", "admin");
    try {
      const first = await store.saveImport(
        { programme: demoProgramme(), findings: [] },
        { name: "a", sha256: "a" },
      );
      const other = demoProgramme();
      other.community = { name: "Інша громада", katottg: "UA99000000000000002" };
      await store.saveImport({ programme: other, findings: [] }, { name: "b", sha256: "b" });

      const clash = await admin.inject({
        method: "PUT",
        url: `/api/programmes/${first.programmeId}`,
        payload: other,
      });
      expect(clash.statusCode).toBe(409);
      expect(clash.json()).toEqual({ error: "Програма цієї громади на цей період уже існує" });
      expect(await store.listVersions(first.programmeId)).toHaveLength(1);
    } finally {
      await app.close();
      await dispose();
    }
  });

  it("serves the built web app with a fallback to index.html, but not for /api paths", async () => {
    const webDist = await mkdtemp(path.join(tmpdir(), "infoprog-web-"));
    await writeFile(path.join(webDist, "index.html"), "<!doctype html><title>infoprog</title>");
    await writeFile(path.join(webDist, "public.html"), "<!doctype html><title>public</title>");
    const { store, dispose } = await openTestStore();
    const app = buildApp({ store, webDist });
    const admin = await userClient(app, store, "admin", "admin");
    try {
      const page = await admin.inject("/programmes/1/edit");
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("<title>infoprog</title>");
      const publicList = await app.inject("/p/");
      expect(publicList.statusCode).toBe(200);
      expect(publicList.body).toContain("<title>public</title>");
      const missing = await app.inject("/p/UA99000000000000001/2026-2028");
      expect(missing.statusCode).toBe(404);
      expect(missing.body).toContain("Програму не знайдено");
      const api = await admin.inject("/api/unknown");
      expect(api.statusCode).toBe(404);
      expect(api.json()).toEqual({ error: "Не знайдено" });
    } finally {
      await app.close();
      await dispose();
      await rm(webDist, { recursive: true, force: true });
    }
  });
});

describe("HTTP API with the real importer", () => {
  it("imports a real programme text, stores its re-import only when insisted on, then refuses a binary file with 422", async () => {
    const { store, dispose } = await openTestStore();
    const app = buildApp({ store, webDist: "/nonexistent" });
    const admin = await userClient(app, store, "admin", "admin");
    try {
      const text = await readFile(path.join(FIXTURES, "romny-2026-2028.txt"));
      const form = new FormData();
      form.append("file", new Blob([text]), "romny-2026-2028.txt");
      const first = await admin.inject({ method: "POST", url: "/api/import", payload: form });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ version: 1, created: true });
      const detail = (await admin.inject(`/api/programmes/${first.json().programmeId}`)).json();
      expect(detail.programme.period).toEqual({ from: 2026, to: 2028 });
      expect(detail.programme.community.name).toMatch(/Роменськ/);

      const again = new FormData();
      again.append("file", new Blob([text]), "romny-2026-2028.txt");
      const second = await admin.inject({ method: "POST", url: "/api/import", payload: again });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({
        programmeId: first.json().programmeId,
        version: 1,
        created: false,
        identicalTo: 1,
      });
      const anyway = new FormData();
      anyway.append("file", new Blob([text]), "romny-2026-2028.txt");
      const third = await admin.inject({
        method: "POST",
        url: "/api/import?saveIdentical=true",
        payload: anyway,
      });
      expect(third.json()).toMatchObject({
        programmeId: first.json().programmeId,
        version: 2,
        created: false,
      });
      expect(third.json().identicalTo).toBeUndefined();

      const binary = new FormData();
      binary.append(
        "file",
        new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 255, 0])]),
        "x.png",
      );
      const refused = await admin.inject({ method: "POST", url: "/api/import", payload: binary });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().error).toEqual(expect.any(String));
    } finally {
      await app.close();
      await dispose();
    }
  });
});
