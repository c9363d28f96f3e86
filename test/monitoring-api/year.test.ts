import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Item } from "../../src/domain/model.js";
import { plannedForYear } from "../../src/domain/monitoring/rollup.js";
import { RAW_SHEET } from "../../src/export/reports/xlsx.js";
import { listAudit, monitoringDb } from "../../src/store/audit.js";
import type { Client } from "./support.js";
import { CULTURE, DIGITAL, hasMoney, romnyScene, type Scene, unitProjects } from "./year.js";

interface Submission {
  itemId: string;
  periodKey: string;
  amount: number;
  reportId: string;
}

describe("a reporting year played through on the Romny programme", () => {
  let scene: Scene;
  let digital: Item[];
  let culture: Item[];
  const submissions: Submission[] = [];

  beforeAll(async () => {
    scene = await romnyScene();
    digital = unitProjects(scene, DIGITAL, CULTURE, 2026);
    culture = unitProjects(scene, CULTURE, DIGITAL, 2026);
  });
  afterAll(() => scene.dispose());

  const reportsUrl = () => `/api/programmes/${scene.programmeId}/reports`;
  const dashboard = (today: string) =>
    scene.head.inject(`/api/programmes/${scene.programmeId}/dashboard?year=2026&today=${today}`);

  /** Per source: half of the year's money in H1 (rounded down), a third of the rest in H2. */
  function actualFor(item: Item, periodKey: string) {
    return Object.entries(plannedForYear(item, 2026))
      .filter(([, planned]) => (planned ?? 0) > 0)
      .map(([source, planned = 0]) => {
        const first = Math.floor(planned / 2);
        const amount = periodKey.endsWith("H1") ? first : Math.floor((planned - first) / 3);
        return { source, label: `джерело ${source}`, amount };
      });
  }

  async function fileReport(client: Client, item: Item, periodKey: string): Promise<Submission> {
    const actual = actualFor(item, periodKey);
    const amount = actual.reduce((sum, row) => sum + row.amount, 0);
    const payload = {
      itemId: item.id,
      periodKey,
      status: "in-progress",
      progressPercent: periodKey.endsWith("H1") ? 40 : 70,
      actual,
      text: `Виконано роботи за ${periodKey}`,
    };
    const key = `create-${item.id}-${periodKey}`;
    const created = await client.inject({
      method: "POST",
      url: reportsUrl(),
      payload,
      headers: { "idempotency-key": key },
    });
    expect(created.statusCode, created.body).toBe(201);
    const retried = await client.inject({
      method: "POST",
      url: reportsUrl(),
      payload,
      headers: { "idempotency-key": key },
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json().id).toBe(created.json().id);
    const submitUrl = `${reportsUrl()}/${created.json().id}/submit`;
    const submitted = await client.inject({
      method: "POST",
      url: submitUrl,
      headers: { "idempotency-key": `s-${key}` },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().lockedAt).toBe(submitted.json().submittedAt);
    const again = await client.inject({
      method: "POST",
      url: submitUrl,
      headers: { "idempotency-key": `s-${key}` },
    });
    expect(again.json().submittedAt).toBe(submitted.json().submittedAt);
    const submission = { itemId: item.id, periodKey, amount, reportId: created.json().id };
    submissions.push(submission);
    return submission;
  }

  it("derives which unit executes which project from the printed executor names", async () => {
    expect(digital.filter((item) => hasMoney(item, 2026)).length).toBeGreaterThan(1);
    expect(culture.filter((item) => hasMoney(item, 2026)).length).toBeGreaterThan(0);
    const links: { itemId: string; orgUnitId: number }[] = (
      await scene.head.inject(`/api/programmes/${scene.programmeId}/item-units`)
    ).json();
    for (const item of digital)
      expect(links).toContainEqual({ itemId: item.id, orgUnitId: scene.digital.id });
    for (const item of culture)
      expect(links).toContainEqual({ itemId: item.id, orgUnitId: scene.culture.id });
    const periods = (
      await scene.head.inject(`/api/programmes/${scene.programmeId}/periods?today=2026-01-10`)
    ).json();
    expect(periods.slice(0, 3).map((p: { key: string; dueDate: string }) => [p.key, p.dueDate])).toEqual([
      ["2026-H1", "2026-07-05"],
      ["2026-H2", "2027-01-05"],
      ["2026-Y", "2027-01-31"],
    ]);
  });

  it("shows the head the unit that has not reported H1 as overdue, until it reports late", async () => {
    scene.setNow("2026-07-03T08:00:00Z");
    for (const item of digital) await fileReport(scene.executor1, item, "2026-H1");

    const before = (await dashboard("2026-07-10")).json();
    const overdue = before.overdue.filter((m: { periodKey: string }) => m.periodKey === "2026-H1");
    const overdueIds = overdue.map((m: { itemId: string }) => m.itemId);
    for (const item of culture) expect(overdueIds).toContain(item.id);
    for (const item of digital) expect(overdueIds).not.toContain(item.id);
    const cultureEntry = overdue.find((m: { itemId: string }) => m.itemId === culture[0]?.id);
    expect(cultureEntry.units).toContain(CULTURE);

    scene.setNow("2026-07-20T08:00:00Z");
    for (const item of culture) await fileReport(scene.executor2, item, "2026-H1");
    const after = (await dashboard("2026-07-21")).json();
    const stillOverdue = after.overdue.map(
      (m: { itemId: string; periodKey: string }) => `${m.itemId} ${m.periodKey}`,
    );
    for (const item of [...culture, ...digital]) expect(stillOverdue).not.toContain(`${item.id} 2026-H1`);

    const periods = (
      await scene.head.inject(`/api/programmes/${scene.programmeId}/periods?today=2026-07-21`)
    ).json();
    const h1 = periods.find((p: { key: string }) => p.key === "2026-H1");
    const stateOf = (id: number) => h1.units.find((u: { orgUnitId: number }) => u.orgUnitId === id);
    expect(stateOf(scene.digital.id)).toMatchObject({ state: "on-time", submitted: digital.length });
    expect(stateOf(scene.culture.id)).toMatchObject({ state: "late", submitted: culture.length });
  });

  it("keeps a submitted report locked: the head cannot change it (409), the original stays", async () => {
    scene.setNow("2027-01-04T08:00:00Z");
    for (const item of digital) await fileReport(scene.executor1, item, "2026-H2");
    for (const item of culture) await fileReport(scene.executor2, item, "2026-H2");

    const locked = submissions[0];
    if (!locked) throw new Error("no submission");
    const url = `${reportsUrl()}/${locked.reportId}`;
    const edit = await scene.head.inject({
      method: "PUT",
      url,
      payload: { status: "done", actual: [{ source: "local", label: "x", amount: 1 }] },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toContain("виправленням");
    const byExecutor = await scene.executor1.inject({
      method: "PUT",
      url,
      payload: { status: "done", actual: [] },
    });
    expect(byExecutor.statusCode).toBe(409);
    const stored = (await scene.head.inject(url)).json();
    expect(stored.actual.reduce((sum: number, row: { amount: number }) => sum + row.amount, 0)).toBe(
      locked.amount,
    );
    expect(stored.status).toBe("in-progress");
  });

  it("generates both annual reports whose totals equal the executors' submissions, kopeck-exact", async () => {
    const expected = submissions.reduce((sum, each) => sum + each.amount, 0);
    expect(submissions).toHaveLength(2 * (digital.length + culture.length));
    expect(expected).toBeGreaterThan(0);
    const annual = (form: string) =>
      scene.head.inject(`/api/programmes/${scene.programmeId}/reports/annual/2026/${form}?today=2027-02-20`);

    const progress = (await annual("progress.json")).json();
    const total = progress.rows.find((row: { kind: string }) => row.kind === "total");
    expect(total.cells.actual).toBe(expected);
    for (const item of [...digital, ...culture]) {
      const own = submissions
        .filter((each) => each.itemId === item.id)
        .reduce((sum, each) => sum + each.amount, 0);
      const rows = progress.rows.filter(
        (row: { kind: string; ref: string }) => row.kind === "project" && row.ref === item.id,
      );
      expect(
        rows.reduce((sum: number, row: { cells: { actual: number } }) => sum + row.cells.actual, 0),
      ).toBe(own);
    }
    const results = (await annual("results.json")).json();
    const fundingTotal = results.funding.rows.find((row: { kind: string }) => row.kind === "total");
    expect(fundingTotal.cells.actual).toBe(expected);
    expect(results.indicators.rows.length).toBeGreaterThan(0);

    const xlsx = await annual("progress.xlsx");
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const raw = workbook.getWorksheet(RAW_SHEET);
    if (!raw) throw new Error("no raw sheet");
    const rows: unknown[][] = [];
    raw.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const [header = [], ...data] = rows;
    const totalRow = data.find((row) => row[header.indexOf("row_kind")] === "total");
    expect(totalRow?.[header.indexOf("actual_kopecks")]).toBe(expected);

    for (const form of ["progress.docx", "results.docx", "results.xlsx", "evaluation.docx"]) {
      const file = await annual(form);
      expect(file.statusCode, form).toBe(200);
      expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
      expect(file.headers["content-disposition"]).toContain("2026");
    }
  });

  it("shows the same planned and actual money on the dashboard and logs every step with its author", async () => {
    const expected = submissions.reduce((sum, each) => sum + each.amount, 0);
    const board = (await dashboard("2027-02-20")).json();
    expect(board.programme.actualTotal).toBe(expected);
    // Its amounts are the programme's kopecks, and it says the unit the programme's document prints.
    const detail = (await scene.head.inject(`/api/programmes/${scene.programmeId}`)).json();
    expect(["uah", "thousand", "million"]).toContain(detail.programme.unit);
    expect(board.moneyUnit).toBe(detail.programme.unit);
    expect(board.years.find((y: { year: number }) => y.year === 2026).actualTotal).toBe(expected);
    expect(board.programme.progress).toBeGreaterThan(0);
    const annualOverdue = board.overdue.filter((m: { periodKey: string }) => m.periodKey === "2026-Y");
    expect(annualOverdue.length).toBeGreaterThan(0);

    const audit = await listAudit(monitoringDb(scene.store), { entity: "executor_report" });
    const first = submissions[0];
    const ofFirst = audit.filter((entry) => entry.entityId === first?.reportId);
    expect(ofFirst.map((entry) => [entry.action, entry.userId])).toEqual([
      ["create", scene.executor1.user.id],
      ["submit", scene.executor1.user.id],
    ]);
    expect(audit.filter((entry) => entry.action === "submit")).toHaveLength(submissions.length);
  });
});
