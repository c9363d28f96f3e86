/**
 * GET /api/programmes/:id/reports?periodKey=&orgUnitId=&limit=&after=: the store filters and pages in
 * SQL; walking the `next` cursors yields each report the filter selects exactly once, in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportPage } from "../../src/contract/reports.js";
import { listReports, type ReportFilter } from "../../src/store/monitoring.js";
import type { Client } from "./support.js";
import { CULTURE, DIGITAL, romnyScene, type Scene, unitProjects } from "./year.js";

describe("report list filters and pages", () => {
  let scene: Scene;
  const reports = () => `/api/programmes/${scene.programmeId}/reports`;

  beforeAll(async () => {
    scene = await romnyScene();
    const digital = unitProjects(scene, DIGITAL, CULTURE, 2026).slice(0, 3);
    const culture = unitProjects(scene, CULTURE, DIGITAL, 2026).slice(0, 2);
    if (digital.length < 2 || culture.length < 1) throw new Error("the units lost their projects");
    const draft = (client: Client, itemId: string, periodKey: string) =>
      client.inject({
        method: "POST",
        url: reports(),
        payload: { status: "in-progress", actual: [], itemId, periodKey, text: periodKey },
      });
    const [first, second] = digital;
    await draft(scene.executor1, first?.id ?? "", "2026-H1");
    const submitted = (await draft(scene.executor1, second?.id ?? "", "2026-H2")).json().id;
    await scene.executor1.inject({ method: "POST", url: `${reports()}/${submitted}/submit` });
    for (const periodKey of ["2026-H1", "2026-H2"]) {
      for (const item of digital) await draft(scene.executor1, item.id, periodKey);
      for (const item of culture) await draft(scene.executor2, item.id, periodKey);
    }
  }, 120_000);
  afterAll(() => scene.dispose());

  /** Every page of a query, `limit` at a time; fails on a page longer than the limit. */
  async function walk(client: Client, query: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const cursor: string = after === null ? "" : `&after=${after}`;
      const response = await client.inject(`${reports()}?limit=${limit}${query}${cursor}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json() as ReportPage;
      expect(page.data.length).toBeLessThanOrEqual(limit);
      ids.push(...page.data.map((report) => report.id));
      after = page.next;
      if (after === null) return ids;
    }
    throw new Error("the cursors never ended");
  }

  const stored = async (filter: ReportFilter) =>
    (await listReports(scene.store, scene.programmeId, filter)).map((report) => report.id);

  it("answers only the asked period, or every period when none is asked", async () => {
    const periods = async (query: string) =>
      ((await scene.head.inject(`${reports()}${query}`)).json() as ReportPage).data.map((r) => r.periodKey);
    expect(new Set(await periods(""))).toEqual(new Set(["2026-H1", "2026-H2"]));
    expect(new Set(await periods("?periodKey=2026-H2"))).toEqual(new Set(["2026-H2"]));
    expect(await periods("?periodKey=2027-H1")).toEqual([]);
  });

  it("walks every report of each filter once, in order, at most `limit` a page", async () => {
    const digital = scene.digital.id;
    const all = await stored({});
    expect(all.length).toBeGreaterThan(8);
    expect(await walk(scene.head, "", 3)).toEqual(all);
    expect(await walk(scene.head, "&periodKey=2026-H2", 2)).toEqual(await stored({ periodKey: "2026-H2" }));
    expect(await walk(scene.head, `&orgUnitId=${digital}`, 4)).toEqual(await stored({ orgUnitId: digital }));
    const both = await stored({ orgUnitId: digital, periodKey: "2026-H1" });
    expect(both.length).toBeGreaterThan(1);
    expect(await walk(scene.head, `&orgUnitId=${digital}&periodKey=2026-H1`, 1)).toEqual(both);
    expect(await walk(scene.executor1, `&orgUnitId=${scene.culture.id}`, 2)).toEqual(
      await stored({ orgUnitId: digital }),
    );
  });

  it("refuses a cursor that is not one, or not a report of the programme", async () => {
    expect((await scene.head.inject(`${reports()}?after=abc`)).statusCode).toBe(400);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await scene.head.inject(`${reports()}?after=${unknown}`)).statusCode).toBe(400);
    expect((await scene.head.inject(`${reports()}?limit=0`)).statusCode).toBe(400);
  });

  it("keeps a unit's reports to that unit and the submitted ones to the submitted", async () => {
    const all = await listReports(scene.store, scene.programmeId);
    const unit = scene.digital.id;
    const mine = all.filter((report) => report.orgUnitId === unit);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    expect(await listReports(scene.store, scene.programmeId, { orgUnitId: unit })).toEqual(mine);
    expect(await listReports(scene.store, scene.programmeId, { orgUnitId: -1 })).toEqual([]);
    const submitted = await listReports(scene.store, scene.programmeId, { submittedOnly: true });
    expect(submitted.map((report) => report.periodKey)).toEqual(["2026-H2"]);
  });
});
