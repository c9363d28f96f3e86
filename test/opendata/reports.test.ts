/**
 * The open-data `reports` resource and the public annual reports, on real executor reports written
 * through the monitoring store (drafts, submissions, corrections) on published and unpublished
 * programmes.
 */
import type { FastifyInstance } from "fastify";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { allItems, type Item, type Programme } from "../../src/domain/model.js";
import type { ActualFunding, Attachment } from "../../src/domain/monitoring/reports.js";
import { plannedForYear, sumAmounts } from "../../src/domain/monitoring/rollup.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { openDataDatetime, resourceDef } from "../../src/opendata/fields.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import {
  correctReport,
  createDraft,
  type ReportContent,
  type StoredReport,
  submitReport,
} from "../../src/store/monitoring.js";
import { ensureOrgUnit } from "../../src/store/users.js";
import { userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";
import { temporaryExportsDir } from "./exports-dir.js";
import { type Page, type Row, walkPages } from "./support.js";

// The programmes alone: the reports here are the ones this test files through the monitoring store.
const nation = [...generateNation({ seed: 7, communities: 4 })].map(({ community, programme }) => ({
  community,
  programme,
}));
const PUBLISHED = nation.slice(0, 3);
const DRAFT = nation[3];
const REPORTS_PER_PROGRAMME = 4;
const TENDER = "UA-2026-01-15-000123-a";

interface Filed {
  programmeId: number;
  programme: Programme;
  item: Item;
  report: StoredReport;
}

/** Projects, those with several sources (and so a printed total row) first. */
const leaves = (programme: Programme) => {
  const projects = allItems(programme).filter((item) => item.children.length === 0);
  const hasTotal = (item: Item) => item.funding.some((row) => row.source === "total");
  return [...projects.filter(hasTotal), ...projects.filter((item) => !hasTotal(item))];
};

function content(index: number): ReportContent {
  const actual: ActualFunding[] = [{ source: "local", label: "місцевий бюджет", amount: 1_234_567 + index }];
  if (index % 2 === 1) actual.push({ source: "state", label: "державний бюджет", amount: 50_000_00 });
  const attachments: Attachment[] = index === 0 ? [{ kind: "prozorro", ref: TENDER }] : [];
  return {
    status: index === 0 ? "done" : "in-progress",
    actual,
    progressPercent: index === 0 ? 100 : 33.3,
    text: `Виконано етап ${index + 1}`,
    attachments,
    indicatorActuals: [],
  };
}

/** What the item plans for the year, by source (printed totals left out); null when nothing. */
function planned(item: Item, year: number): Record<string, number> | null {
  const bySource = plannedForYear(item, year);
  return Object.keys(bySource).length === 0 ? null : bySource;
}

describe("open data: executors' reports and annual reports", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const filed: Filed[] = [];
  let draftProgrammeId = 0;
  let clock = Date.parse("2026-07-01T08:00:00Z");
  const tick = () => {
    clock += 60_000;
    return new Date(clock);
  };

  async function programmeId(entry: (typeof nation)[number]): Promise<number> {
    const id = await store.findProgrammeId(entry.community.katottg, entry.programme.period);
    if (id === undefined) throw new Error("programme not loaded");
    return id;
  }

  async function file(entry: (typeof nation)[number], index: number, submit = true): Promise<Filed> {
    const programmeId_ = await programmeId(entry);
    const unit = await ensureOrgUnit(store, entry.community.katottg, "Відділ цифрового розвитку");
    const item = leaves(entry.programme)[index];
    if (!item) throw new Error("no such item");
    const year = entry.programme.period.from + (index % 2);
    const { report } = await createDraft(
      store,
      programmeId_,
      { itemId: item.id, periodKey: `${year}-H1`, orgUnitId: unit.id, ...content(index) },
      null,
    );
    const submitted = submit
      ? (await submitReport(store, programmeId_, report.id, null, tick())).report
      : report;
    return { programmeId: programmeId_, programme: entry.programme, item, report: submitted };
  }

  let restoreExportsDir: () => Promise<void>;

  beforeAll(async () => {
    ({ restore: restoreExportsDir } = await temporaryExportsDir());
    ({ store, dispose } = await openTestStore());
    const db = store.kysely();
    await loadProgrammes(db, PUBLISHED);
    if (!DRAFT) throw new Error("nation");
    await loadProgrammes(db, [DRAFT], { status: "adopted" });
    for (const entry of PUBLISHED) {
      for (let index = 0; index < REPORTS_PER_PROGRAMME; index++) filed.push(await file(entry, index));
      await file(entry, REPORTS_PER_PROGRAMME, false);
    }
    draftProgrammeId = (await file(DRAFT, 0)).programmeId;
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
    await restoreExportsDir();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: "GET", url, headers });

  const walk = (query: string, limit: number) => walkPages(get, "reports", query, limit);

  it("lists every submitted report of published programmes once, drafts and unpublished ones left out", async () => {
    const paged = await walk("", 3);
    expect(paged).toEqual(await walk("", 1000));
    expect(paged.map((row) => row.report_id).sort()).toEqual(filed.map((each) => each.report.id).sort());
    const keys = paged.map((row) => [row.programme_id as number, row.report_id as string] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    expect(keys).toEqual(sorted);
    expect(paged.some((row) => row.programme_id === draftProgrammeId)).toBe(false);
    expect(Object.keys(paged[0] ?? {}).sort()).toEqual(
      resourceDef("reports")
        .fields.map((field) => field.name)
        .sort(),
    );
  });

  it("carries the report, its item and planned against actual money in kopecks", async () => {
    const rows = await walk("", 1000);
    for (const [index, each] of filed.slice(0, REPORTS_PER_PROGRAMME).entries()) {
      const row = rows.find((candidate) => candidate.report_id === each.report.id);
      const year = each.programme.period.from + (index % 2);
      const spent = content(index).actual;
      const total = spent.reduce((sum, entry) => sum + entry.amount, 0);
      const plannedSources = planned(each.item, year);
      expect(row).toMatchObject({
        programme_id: each.programmeId,
        katottg: each.programme.community.katottg,
        community_name: each.programme.community.name,
        item_id: each.item.id,
        item_number: each.item.number,
        item_title: each.item.title,
        unit: "Відділ цифрового розвитку",
        period_key: `${year}-H1`,
        period_year: year,
        status: content(index).status,
        progress_percent: content(index).progressPercent ?? null,
        actual_kopecks: total,
        actual_uah: total / 100,
        planned_kopecks: plannedSources ? sumAmounts(plannedSources) : null,
        text: `Виконано етап ${index + 1}`,
        correction_of: null,
        submitted_at: openDataDatetime(each.report.submittedAt ?? ""),
        prozorro_tender_ids: index === 0 ? TENDER : null,
      });
      const bySource = Object.fromEntries(spent.map((entry) => [entry.source, entry.amount]));
      expect(JSON.parse(row?.actual_by_source_kopecks as string)).toEqual(bySource);
      expect(
        row?.planned_by_source_kopecks === null ? null : JSON.parse(String(row?.planned_by_source_kopecks)),
      ).toEqual(plannedSources);
    }
  });

  it("filters by community, oblast, year, direction, source and category", async () => {
    const all = await walk("", 1000);
    const first = PUBLISHED[0];
    if (!first) throw new Error("nation");
    const byCode = await walk(`&katottg=${first.community.katottg}`, 1000);
    expect(byCode.length).toBe(REPORTS_PER_PROGRAMME);
    expect(byCode).toEqual(all.filter((row) => row.katottg === first.community.katottg));
    const byOblast = await walk(`&oblast=${encodeURIComponent(first.community.oblast)}`, 1000);
    expect(byOblast).toEqual(all.filter((row) => row.oblast === first.community.oblast));

    const year = first.programme.period.from;
    const ofYear = await walk(`&year=${year}`, 1000);
    expect(ofYear.length).toBeGreaterThan(0);
    expect(ofYear).toEqual(all.filter((row) => row.period_year === year));

    const projects = (await get("/api/v1/projects?limit=1000")).json().data as Row[];
    const category = all.find((row) => row.category !== null)?.category as string;
    const categoryOf = (row: Row) =>
      projects.find((each) => each.programme_id === row.programme_id && each.item_id === row.item_id)
        ?.category;
    expect(all.every((row) => row.category === categoryOf(row))).toBe(true);
    expect(await walk(`&category=${category}`, 1000)).toEqual(all.filter((row) => row.category === category));

    const direction = first.programme.directions[0]?.title ?? "";
    const fragment = direction.slice(0, 10).toUpperCase();
    const inDirection = await walk(`&direction=${encodeURIComponent(fragment)}`, 1000);
    const titles = await directionTitles();
    expect(inDirection.length).toBeGreaterThan(0);
    expect(inDirection).toEqual(
      all.filter((row) =>
        titles
          .get(`${row.programme_id}/${row.direction_position}`)
          ?.toLowerCase()
          .includes(fragment.toLowerCase()),
      ),
    );

    const state = await walk("&source=state", 1000);
    const expected = filed.filter((each, index) => {
      const year = each.programme.period.from + ((index % REPORTS_PER_PROGRAMME) % 2);
      const plansState = each.item.funding.some(
        (row) => row.source === "state" && row.byYear[String(year)] !== undefined,
      );
      return plansState || each.report.actual.some((entry) => entry.source === "state");
    });
    expect(state.map((row) => row.report_id).sort()).toEqual(expected.map((each) => each.report.id).sort());
  });

  async function directionTitles(): Promise<Map<string, string>> {
    const rows = (await get("/api/v1/directions?limit=1000")).json().data as Row[];
    return new Map(rows.map((row) => [`${row.programme_id}/${row.position}`, String(row.title)]));
  }

  it("exports the same rows as CSV with the dictionary's header, and in the data package", async () => {
    const rows = await walk("", 1000);
    const response = await get("/api/v1/reports.csv");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    const lines = response.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      resourceDef("reports")
        .fields.map((field) => field.name)
        .join(","),
    );
    const ids = lines.slice(1).map((line) => line.split(",")[0]);
    expect(ids).toEqual(rows.map((row) => row.report_id));
    expect(response.body).toContain(TENDER);

    const zip = await JSZip.loadAsync((await get("/api/v1/datapackage.zip")).rawPayload);
    expect(await zip.file("reports.csv")?.async("string")).toBe(response.body);
    const pkg = JSON.parse((await zip.file("datapackage.json")?.async("string")) ?? "{}");
    expect(pkg.resources.map((each: { name: string }) => each.name)).toContain("reports");
  });

  it("refuses a cursor that is not one of ours", async () => {
    expect((await get("/api/v1/reports?after=garbage")).statusCode).toBe(400);
    const single = Buffer.from(JSON.stringify([1])).toString("base64url");
    expect((await get(`/api/v1/reports?after=${single}`)).statusCode).toBe(400);
  });

  it("moves the ETag on a submission and on a correction, not on a draft; a correction replaces its report", async () => {
    const url = "/api/v1/reports?limit=1000";
    const first = await get(url);
    const etag = first.headers.etag as string;
    expect((await get(url, { "if-none-match": etag })).statusCode).toBe(304);
    expect((await get("/api/v1/reports.csv", { "if-none-match": etag })).statusCode).toBe(200);

    const entry = PUBLISHED[1];
    if (!entry) throw new Error("nation");
    const draft = await file(entry, REPORTS_PER_PROGRAMME + 1, false);
    expect((await get(url, { "if-none-match": etag })).statusCode).toBe(304);

    await submitReport(store, draft.programmeId, draft.report.id, null, tick());
    const submitted = await get(url, { "if-none-match": etag });
    expect(submitted.statusCode).toBe(200);
    const afterSubmission = submitted.headers.etag as string;
    expect(afterSubmission).not.toBe(etag);
    expect((submitted.json() as Page).data.map((row) => row.report_id)).toContain(draft.report.id);

    const original = filed[REPORTS_PER_PROGRAMME];
    if (!original) throw new Error("filed");
    const fixed = { ...content(0), text: "Виправлено: закупівлю завершено", progressPercent: 100 };
    const { report: correction } = await correctReport(
      store,
      original.programmeId,
      original.report.id,
      fixed,
      null,
      tick(),
    );
    const corrected = await get(url, { "if-none-match": afterSubmission });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.headers.etag).not.toBe(afterSubmission);
    const rows = (corrected.json() as Page).data;
    expect(rows.map((row) => row.report_id)).not.toContain(original.report.id);
    expect(rows.find((row) => row.report_id === correction.id)).toMatchObject({
      correction_of: original.report.id,
      text: "Виправлено: закупівлю завершено",
      item_id: original.item.id,
      submitted_at: openDataDatetime(correction.submittedAt ?? ""),
    });

    // A correction of the correction, then another correction of the original: one row per chain, the latest.
    await correctReport(store, original.programmeId, correction.id, fixed, null, tick());
    const { report: latest } = await correctReport(
      store,
      original.programmeId,
      original.report.id,
      { ...fixed, text: "Остаточна редакція" },
      null,
      tick(),
    );
    const chain = (await walk(`&katottg=${original.programme.community.katottg}`, 1000)).filter(
      (row) => row.item_id === original.item.id && row.period_key === original.report.periodKey,
    );
    expect(chain.map((row) => [row.report_id, row.correction_of, row.text])).toEqual([
      [latest.id, original.report.id, "Остаточна редакція"],
    ]);
    expect(rows.length).toBe((first.json() as Page).data.length + 1);
  });

  it("serves the head's annual reports of a published programme, the same as the staff route", async () => {
    const entry = filed[0];
    if (!entry) throw new Error("filed");
    const year = entry.programme.period.from;
    const admin = await userClient(app, store, "b-annual-admin", "admin");
    for (const form of ["progress.json", "results.json"]) {
      const url = `/api/v1/programmes/${entry.programmeId}/annual/${year}/${form}`;
      const response = await get(url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers["content-type"]).toContain("application/json");
      const staff = await admin.inject(`/api/programmes/${entry.programmeId}/reports/annual/${year}/${form}`);
      expect(response.json()).toEqual(staff.json());
    }
    const progress = (await get(`/api/v1/programmes/${entry.programmeId}/annual/${year}/progress.json`)).body;
    expect(progress).toContain(entry.item.title);

    for (const [form, type] of [
      ["progress.docx", "wordprocessingml"],
      ["results.docx", "wordprocessingml"],
      ["progress.xlsx", "spreadsheetml"],
      ["results.xlsx", "spreadsheetml"],
    ] as const) {
      const response = await get(`/api/v1/programmes/${entry.programmeId}/annual/${year}/${form}`);
      expect(response.statusCode, form).toBe(200);
      expect(response.headers["content-type"]).toContain(type);
      expect(response.headers["content-disposition"]).toContain(form.replace(".", `-${year}.`));
      const zip = await JSZip.loadAsync(response.rawPayload);
      expect(Object.keys(zip.files).length, form).toBeGreaterThan(2);
    }
  });

  it("answers 404 for an unpublished or unknown programme, 400 outside the period or for an unknown form", async () => {
    const entry = filed[0];
    if (!entry || !DRAFT) throw new Error("filed");
    const { from, to } = entry.programme.period;
    const base = `/api/v1/programmes/${entry.programmeId}/annual`;
    expect(
      (
        await get(
          `/api/v1/programmes/${draftProgrammeId}/annual/${DRAFT.programme.period.from}/progress.json`,
        )
      ).statusCode,
    ).toBe(404);
    expect((await get(`/api/v1/programmes/999999/annual/${from}/progress.json`)).statusCode).toBe(404);
    expect((await get(`${base}/${from - 1}/progress.json`)).statusCode).toBe(400);
    expect((await get(`${base}/${to + 1}/results.docx`)).statusCode).toBe(400);
    expect((await get(`${base}/${from}/evaluation.docx`)).statusCode).toBe(400);
    expect((await get(`${base}/${from}/progress.pdf`)).statusCode).toBe(400);
  });

  it("links every published programme-year to its annual reports (annual-reports resource)", async () => {
    const rows = (await get("/api/v1/annual-reports?limit=1000")).json().data as Row[];
    const expected = await Promise.all(
      PUBLISHED.flatMap((entry) => {
        const { from, to } = entry.programme.period;
        return Array.from({ length: to - from + 1 }, async (_, offset) => [
          await programmeId(entry),
          from + offset,
        ]);
      }),
    );
    expect(rows.map((row) => [row.programme_id, row.year])).toEqual(
      expected.sort(([a = 0, x = 0], [b = 0, y = 0]) => a - b || x - y),
    );
    expect(rows.some((row) => row.programme_id === draftProgrammeId)).toBe(false);
    const [row] = rows;
    for (const form of [
      "progress.docx",
      "progress.xlsx",
      "progress.json",
      "results.docx",
      "results.xlsx",
      "results.json",
    ]) {
      const path = row?.[form.replace(".", "_")];
      expect(path).toBe(`/api/v1/programmes/${row?.programme_id}/annual/${row?.year}/${form}`);
      expect((await get(String(path))).statusCode, form).toBe(200);
    }
    const year = PUBLISHED[0]?.programme.period.to ?? 0;
    const ofYear = (await get(`/api/v1/annual-reports.csv?year=${year}`)).body.trimEnd().split("\r\n");
    expect(ofYear.length - 1).toBe(rows.filter((each) => each.year === year).length);
  });

  it("caches an annual report until a report of the programme's community is filed", async () => {
    const entry = filed[0];
    const community = PUBLISHED[0];
    if (!entry || !community) throw new Error("filed");
    const url = `/api/v1/programmes/${entry.programmeId}/annual/${entry.programme.period.from}/progress.json`;
    const first = await get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect((await get(url, { "if-none-match": etag })).statusCode).toBe(304);
    await file(community, REPORTS_PER_PROGRAMME + 2);
    const changed = await get(url, { "if-none-match": etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it("documents the routes in OpenAPI under 'open data'", async () => {
    const spec = (await get("/api/docs/json")).json();
    for (const route of [
      "/api/v1/reports",
      "/api/v1/reports.csv",
      "/api/v1/programmes/{id}/annual/{year}/{form}",
    ]) {
      expect(spec.paths[route]?.get?.tags, route).toEqual(["open data"]);
    }
  });
});
