import { gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { LISTED } from "../../src/api/routes/v1.js";
import { allItems, type Programme } from "../../src/domain/model.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { openDataDatetime, RESOURCES, resourceDef } from "../../src/opendata/fields.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import type { Database } from "../../src/store/schema.js";
import { userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";
import { temporaryExportsDir } from "./exports-dir.js";
import { fileReport, type Page, type Row, walkPages } from "./support.js";

// The programmes alone: the executor reports here are the ones the tests file themselves.
const nation = [...generateNation({ seed: 5, communities: 14 })].map(({ community, programme }) => ({
  community,
  programme,
}));
const PUBLISHED = nation.slice(0, 10);
const DRAFTS = nation.slice(10, 14);

describe("open data API v1", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let db: Kysely<Database>;
  let app: FastifyInstance;
  const draftCodes = new Set(DRAFTS.map((each) => each.community.katottg));

  let restoreExportsDir: () => Promise<void>;

  beforeAll(async () => {
    ({ restore: restoreExportsDir } = await temporaryExportsDir());
    ({ store, dispose } = await openTestStore());
    db = store.kysely();
    await loadProgrammes(db, PUBLISHED, { batchSize: 4 });
    await loadProgrammes(db, DRAFTS, { status: "adopted" });
    // One submitted report, so that every resource of the data package has a row.
    await fileReport(store, PUBLISHED[0], {
      leaf: 0,
      unit: "Відділ відкритих даних",
      amount: 10_000_00,
      text: "Закуплено обладнання",
    });
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
    await restoreExportsDir();
  });

  async function get(url: string, headers: Record<string, string> = {}) {
    return app.inject({ method: "GET", url, headers });
  }

  const walk = (resource: string, query: string, limit: number) => walkPages(get, resource, query, limit);

  it("keyset pagination walks every funding row exactly once, in id order", async () => {
    const rows = await walk("funding", "", 97);
    const ids = rows.map((row) => row.funding_id as number);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    const expected = PUBLISHED.reduce(
      (sum, { programme }) =>
        sum +
        allItems(programme).reduce(
          (n, item) => n + item.funding.reduce((m, row) => m + 1 + Object.keys(row.byYear).length, 0),
          0,
        ),
      0,
    );
    expect(ids.length).toBe(expected);
  });

  it("keyset pagination over a composite key (projects) matches a single big page", async () => {
    const paged = await walk("projects", "", 33);
    const whole = await walk("projects", "", 1000);
    expect(paged).toEqual(whole);
    const expected = PUBLISHED.reduce((sum, { programme }) => sum + allItems(programme).length, 0);
    expect(paged.length).toBe(expected);
  });

  it("never returns unpublished programmes, in any resource, export or aggregate", async () => {
    const programmes = await walk("programmes", "", 3);
    expect(programmes.map((row) => row.katottg)).toEqual(PUBLISHED.map((each) => each.community.katottg));
    const publishedIds = new Set(programmes.map((row) => row.programme_id));
    for (const resource of ["directions", "projects", "funding", "indicators"]) {
      const rows = await walk(resource, "", 1000);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row) => publishedIds.has(row.programme_id))).toBe(true);
    }
    const draft = [...draftCodes][0] ?? "";
    expect((await get(`/api/v1/programmes?katottg=${draft}`)).json().data).toEqual([]);
    const targeted = (await get("/api/v1/targeted-programmes.json")).json() as Row[];
    expect(targeted.some((row) => draftCodes.has(row.katottg as string))).toBe(false);
    const compare = (await get(`/api/v1/compare?katottg=${draft},${[...draftCodes][1]}`)).json();
    expect(compare.communities).toEqual([]);
    const zip = await JSZip.loadAsync((await get("/api/v1/datapackage.zip")).rawPayload);
    const csv = (await zip.file("programmes.csv")?.async("string")) ?? "";
    for (const code of draftCodes) expect(csv).not.toContain(code);
  });

  it("filters by community, oblast, year, direction, source and category", async () => {
    const first = PUBLISHED[0];
    const second = PUBLISHED[1];
    if (!first || !second) throw new Error("nation");
    const two = await walk(
      "programmes",
      `&katottg=${first.community.katottg},${second.community.katottg}`,
      10,
    );
    expect(two.map((row) => row.katottg)).toEqual([first.community.katottg, second.community.katottg]);

    const oblast = await walk("programmes", `&oblast=${encodeURIComponent(first.community.oblast)}`, 10);
    const inOblast = PUBLISHED.filter((each) => each.community.oblast === first.community.oblast);
    expect(oblast.map((row) => row.katottg)).toEqual(inOblast.map((each) => each.community.katottg));

    const year = 2024;
    const covering = PUBLISHED.filter(
      ({ programme }) => programme.period.from <= year && programme.period.to >= year,
    );
    expect((await walk("programmes", `&year=${year}`, 10)).map((row) => row.katottg)).toEqual(
      covering.map((each) => each.community.katottg),
    );
    const fundingOfYear = await walk("funding", `&year=2026&source=state`, 1000);
    expect(fundingOfYear.length).toBeGreaterThan(0);
    expect(fundingOfYear.every((row) => row.year === 2026 && row.source === "state")).toBe(true);

    const gis = await walk("projects", "&category=gis", 1000);
    expect(gis.length).toBeGreaterThan(0);
    expect(gis.every((row) => row.category === "gis")).toBe(true);

    const title = first.programme.directions[0]?.title ?? "";
    const directions = await walk("directions", `&direction=${encodeURIComponent(title.slice(0, 12))}`, 1000);
    expect(directions.length).toBeGreaterThan(0);
    expect(
      directions.every((row) =>
        (row.title as string).toLowerCase().includes(title.slice(0, 12).toLowerCase()),
      ),
    ).toBe(true);

    expect((await get("/api/v1/projects?category=nonsense")).statusCode).toBe(400);
    expect((await get("/api/v1/projects?after=garbage")).statusCode).toBe(400);
  });

  it("answers 304 to a matching If-None-Match and changes the ETag when the data changes", async () => {
    const url = "/api/v1/programmes?limit=5";
    const first = await get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers["cache-control"]).toContain("max-age=");
    const again = await get(url, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const [programme] = await db
      .selectFrom("programmes")
      .select("id")
      .where("status", "=", "published")
      .orderBy("id")
      .limit(1)
      .execute();
    await store.setStatus(programme?.id ?? 0, "draft");
    const changed = await get(url, { "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((changed.json() as Page).data.map((row) => row.programme_id)).not.toContain(programme?.id);
    await store.setStatus(programme?.id ?? 0, "published");
  });

  it("the Resolution 835 record follows adoption, amendment and the ETag at once", async () => {
    const draftId =
      (await store.findProgrammeId(
        [...draftCodes][0] ?? "",
        DRAFTS[0]?.programme.period ?? { from: 0, to: 0 },
      )) ?? 0;
    const before = await get("/api/v1/targeted-programmes.json");
    expect(before.headers["cache-control"]).toContain("no-cache");
    const ids = (before.json() as Row[]).map((row) => row.programme_id);
    expect(ids).not.toContain(draftId);

    await store.setStatus(draftId, "published");
    const adopted = await get("/api/v1/targeted-programmes.json", {
      "if-none-match": before.headers.etag as string,
    });
    expect(adopted.statusCode).toBe(200);
    const record = (adopted.json() as Row[]).find((row) => row.programme_id === draftId);
    expect(record?.name).toBe(DRAFTS[0]?.programme.title);
    expect(record?.adoption_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(record?.link).toContain(`/api/public/programmes/${DRAFTS[0]?.community.katottg}/`);

    const edited = structuredClone((await store.getProgramme(draftId))?.programme as Programme);
    edited.title = `${edited.title} (зі змінами)`;
    await store.saveEdit(draftId, edited, []);
    const amended = await get("/api/v1/targeted-programmes.csv", {
      "if-none-match": adopted.headers.etag as string,
    });
    expect(amended.statusCode).toBe(200);
    expect(amended.headers["content-type"]).toContain("text/csv");
    expect(amended.body).toContain("(зі змінами)");

    const unit = await db
      .insertInto("org_units" as never)
      .values({ katottg: DRAFTS[0]?.community.katottg, name: "Відділ цифрового розвитку" } as never)
      .returning("id" as never)
      .executeTakeFirstOrThrow();
    const beforeReport = await get("/api/v1/targeted-programmes.json");
    expect(
      (
        await get("/api/v1/targeted-programmes.json", {
          "if-none-match": beforeReport.headers.etag as string,
        })
      ).statusCode,
    ).toBe(304);
    const submittedAt = new Date(Date.now() + 60_000).toISOString();
    await sql`insert into executor_reports (id, programme_id, item_id, period_key, org_unit_id, status, actual,
      text, attachments, indicator_actuals, submitted_at)
      values ('h11-report', ${draftId}, 'd1.1', '2026-Q1', ${(unit as { id: number }).id}, 'submitted', '{}', 'Звіт',
        '[]', '[]', ${submittedAt})`.execute(db);
    const reported = await get("/api/v1/targeted-programmes.json", {
      "if-none-match": beforeReport.headers.etag as string,
    });
    expect(reported.statusCode).toBe(200);
    const withReport = (reported.json() as Row[]).find((row) => row.programme_id === draftId);
    expect(withReport?.last_report_at).toBe(openDataDatetime(submittedAt));
    expect(withReport?.amended_at).toBe(openDataDatetime(submittedAt));
    await store.setStatus(draftId, "adopted");
  });

  it("datapackage.json declares a Table Schema that every CSV header and value follow", async () => {
    const pkg = (await get("/api/v1/datapackage.json")).json();
    expect(pkg.profile).toBe("tabular-data-package");
    expect(pkg.resources.map((resource: { name: string }) => resource.name)).toEqual(
      RESOURCES.map((resource) => resource.name),
    );
    const zip = await JSZip.loadAsync((await get("/api/v1/datapackage.zip")).rawPayload);
    const inner = JSON.parse((await zip.file("datapackage.json")?.async("string")) ?? "{}");
    for (const resource of inner.resources as { name: string; path: string; schema: TableSchema }[]) {
      const csv = (await zip.file(resource.path)?.async("string")) ?? "";
      checkCsvAgainstSchema(csv, resource.schema, resource.name);
      for (const key of resource.schema.foreignKeys ?? []) {
        expect(inner.resources.map((each: { name: string }) => each.name)).toContain(key.reference.resource);
      }
    }
  });

  it("the JSON pages carry exactly the dictionary's columns", async () => {
    for (const name of LISTED) {
      const [row] = (await get(`/api/v1/${name}?limit=1`)).json().data as Row[];
      expect(Object.keys(row ?? {}).sort()).toEqual(
        resourceDef(name)
          .fields.map((field) => field.name)
          .sort(),
      );
    }
    const [record] = (await get("/api/v1/targeted-programmes.json")).json() as Row[];
    expect(Object.keys(record ?? {}).sort()).toEqual(
      resourceDef("targeted-programmes")
        .fields.map((field) => field.name)
        .sort(),
    );
  });

  it("sends cached bodies gzipped to clients that accept it", async () => {
    const plain = await get("/api/v1/projects?limit=200");
    const zipped = await get("/api/v1/projects?limit=200", { "accept-encoding": "gzip, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("accept-encoding");
    expect(zipped.headers.etag).toBe(plain.headers.etag);
    expect(gunzipSync(zipped.rawPayload).toString("utf8")).toBe(plain.body);
  });

  it("documents the open-data routes in OpenAPI under the tag 'open data'", async () => {
    const spec = (await get("/api/docs/json")).json();
    for (const route of [
      "/api/v1/programmes",
      "/api/v1/funding",
      "/api/v1/national",
      "/api/v1/compare",
      "/api/v1/datapackage.zip",
    ]) {
      expect(spec.paths[route]?.get?.tags, route).toEqual(["open data"]);
    }
    const parameters = spec.paths["/api/v1/funding"].get.parameters.map(
      (each: { name: string }) => each.name,
    );
    expect(parameters).toEqual(
      expect.arrayContaining([
        "katottg",
        "oblast",
        "year",
        "direction",
        "source",
        "category",
        "limit",
        "after",
      ]),
    );
  });

  it("PUT category needs a staff session and stores an override the projects resource shows", async () => {
    const [item] = (await get("/api/v1/projects?limit=1&category=equipment")).json().data as Row[];
    const url = `/api/programmes/${item?.programme_id}/items/${item?.item_id}/category`;
    const payload = { category: "cybersecurity" };
    expect((await app.inject({ method: "PUT", url, payload })).statusCode).toBe(401);
    const admin = await userClient(app, store, "h11-admin", "admin");
    expect((await admin.inject({ method: "PUT", url, payload })).statusCode).toBe(200);
    const rows = await walk(
      "projects",
      `&katottg=${PUBLISHED.map((each) => each.community.katottg).join(",")}`,
      1000,
    );
    const after = rows.find(
      (row) => row.programme_id === item?.programme_id && row.item_id === item?.item_id,
    );
    expect(after).toMatchObject({ category: "cybersecurity", category_source: "override" });
    const missing = `/api/programmes/${item?.programme_id}/items/d99.99/category`;
    expect((await admin.inject({ method: "PUT", url: missing, payload })).statusCode).toBe(404);
  });
});

interface TableSchema {
  fields: { name: string; type: string; constraints?: { required?: boolean; enum?: string[] } }[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += char;
  }
  return rows;
}

const TYPE_PATTERNS: Record<string, RegExp> = {
  integer: /^-?\d+$/,
  number: /^-?\d+(\.\d+)?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/,
  string: /^[\s\S]*$/,
};

function checkCsvAgainstSchema(csv: string, schema: TableSchema, name: string): void {
  const [header, ...rows] = parseCsv(csv);
  expect(header, name).toEqual(schema.fields.map((field) => field.name));
  expect(rows.length, name).toBeGreaterThan(0);
  const keys = new Set<string>();
  for (const row of rows) {
    expect(row.length, name).toBe(schema.fields.length);
    schema.fields.forEach((field, index) => {
      const value = row[index] ?? "";
      if (value === "") {
        expect(field.constraints?.required, `${name}.${field.name} is required`).not.toBe(true);
        return;
      }
      expect(value, `${name}.${field.name}`).toMatch(TYPE_PATTERNS[field.type] ?? /^$/);
      if (field.constraints?.enum) expect(field.constraints.enum, `${name}.${field.name}`).toContain(value);
    });
    const key = schema.primaryKey
      .map((field) => row[schema.fields.findIndex((each) => each.name === field)])
      .join("|");
    expect(keys.has(key), `${name} primary key ${key} repeats`).toBe(false);
    keys.add(key);
  }
}
