import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit, monitoringDb } from "../../src/store/audit.js";
import { type Client, userClient } from "./support.js";
import { CULTURE, DIGITAL, romnyScene, type Scene, unitProjects } from "./year.js";

describe("the head's side of reporting: return with a remark, annual reports, publishing with errors", () => {
  let scene: Scene;
  let otherHead: Client;
  let otherExecutor: Client;
  const reports = () => `/api/programmes/${scene.programmeId}/reports`;
  /** The progress report of 2026 as the head submitted it. */
  let submittedProgress: unknown;

  beforeAll(async () => {
    scene = await romnyScene();
    otherHead = await userClient(scene.app, scene.store, "head-other", "head", {
      katottg: "UA99000000000000002",
    });
    otherExecutor = await userClient(scene.app, scene.store, "executor-other", "executor", {
      katottg: scene.katottg,
      orgUnitId: scene.culture.id,
    });
  });
  afterAll(() => scene.dispose());

  async function submittedReport(text: string): Promise<string> {
    const [item] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    const created = await scene.executor1.inject({
      method: "POST",
      url: reports(),
      payload: {
        itemId: item?.id,
        periodKey: "2026-H1",
        status: "in-progress",
        actual: [{ source: "local", label: "Місцевий бюджет", amount: 12_345_00 }],
        text,
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const submitted = await scene.executor1.inject({ method: "POST", url: `${reports()}/${id}/submit` });
    expect(submitted.statusCode).toBe(200);
    return id;
  }

  it("returns a submitted report with a remark; the executor edits and resubmits it", async () => {
    const id = await submittedReport("перший варіант");
    const url = `${reports()}/${id}`;
    const remark = { remark: "Додайте номер договору" };

    expect(
      (await scene.executor1.inject({ method: "POST", url: `${url}/return`, payload: remark })).statusCode,
    ).toBe(403);
    expect(
      (await otherHead.inject({ method: "POST", url: `${url}/return`, payload: remark })).statusCode,
    ).toBe(404);
    const empty = await scene.head.inject({ method: "POST", url: `${url}/return`, payload: { remark: " " } });
    expect(empty.statusCode).toBe(400);

    const returned = await scene.head.inject({ method: "POST", url: `${url}/return`, payload: remark });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({
      submittedAt: null,
      lockedAt: null,
      returnRemark: "Додайте номер договору",
    });
    const again = await scene.head.inject({ method: "POST", url: `${url}/return`, payload: remark });
    expect(again.statusCode).toBe(409);

    const seen = (await scene.executor1.inject(url)).json();
    expect(seen.returnRemark).toBe("Додайте номер договору");
    expect((await otherExecutor.inject(url)).statusCode).toBe(403);
    const edit = await scene.executor1.inject({
      method: "PUT",
      url,
      payload: { status: "done", actual: seen.actual, text: "договір № 15" },
    });
    expect(edit.statusCode).toBe(200);
    const resubmitted = await scene.executor1.inject({ method: "POST", url: `${url}/submit` });
    expect(resubmitted.json()).toMatchObject({ status: "done", text: "договір № 15" });
    expect(resubmitted.json().submittedAt).not.toBeNull();

    const audit = await listAudit(monitoringDb(scene.store), { entity: "executor_report", entityId: id });
    expect(audit.map((entry) => entry.action)).toEqual(["create", "submit", "return", "update", "submit"]);
  });

  it("lists the annual reports with their 1 March deadline and freezes them at submission", async () => {
    const url = `/api/programmes/${scene.programmeId}/annual-reports`;
    expect((await scene.executor1.inject(url)).statusCode).toBe(403);
    expect((await otherHead.inject(url)).statusCode).toBe(404);
    const years = (await scene.head.inject(`${url}?today=2027-03-02`)).json();
    expect(years[0]).toEqual({ year: 2026, dueDate: "2027-03-01", overdue: true, submission: null });
    expect(years.map((entry: { year: number }) => entry.year)).toEqual([2026, 2027, 2028]);

    expect((await otherHead.inject({ method: "POST", url: `${url}/2026/submit` })).statusCode).toBe(404);
    expect((await scene.executor1.inject({ method: "POST", url: `${url}/2026/submit` })).statusCode).toBe(
      403,
    );
    const progressUrl = `/api/programmes/${scene.programmeId}/reports/annual/2026/progress.json`;
    const before = (await scene.head.inject(progressUrl)).body;
    scene.setNow("2027-02-20T10:00:00Z");
    const submitted = await scene.head.inject({ method: "POST", url: `${url}/2026/submit` });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toEqual({
      year: 2026,
      submittedAt: "2027-02-20T10:00:00.000Z",
      submittedBy: "head",
    });
    expect((await scene.head.inject({ method: "POST", url: `${url}/2026/submit` })).statusCode).toBe(409);
    expect((await scene.head.inject({ method: "POST", url: `${url}/2031/submit` })).statusCode).toBe(400);

    // A report filed after submission does not change the submitted (frozen) report.
    const [, second] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    const late = await scene.executor1.inject({
      method: "POST",
      url: reports(),
      payload: {
        itemId: second?.id,
        periodKey: "2026-Y",
        status: "done",
        actual: [{ source: "local", label: "Місцевий бюджет", amount: 99_000_00 }],
      },
    });
    await scene.executor1.inject({ method: "POST", url: `${reports()}/${late.json().id}/submit` });
    const frozen = await scene.head.inject(progressUrl);
    expect(frozen.statusCode).toBe(200);
    expect(JSON.parse(frozen.body)).toEqual(JSON.parse(before));
    submittedProgress = JSON.parse(frozen.body);
    const docx = await scene.head.inject(
      `/api/programmes/${scene.programmeId}/reports/annual/2026/progress.docx`,
    );
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const listed = (await scene.head.inject(url)).json();
    expect(listed[0].submission).toMatchObject({ submittedBy: "head" });
  });

  it("refuses to publish a programme with errors without a reason, then keeps the reason publicly", async () => {
    const statusUrl = `/api/programmes/${scene.programmeId}/status`;
    const detail = (await scene.head.inject(`/api/programmes/${scene.programmeId}`)).json();
    const errors = detail.findings.filter((finding: { severity: string }) => finding.severity === "error");
    expect(errors.length).toBeGreaterThan(0);

    const refused = await scene.head.inject({
      method: "POST",
      url: statusUrl,
      payload: { status: "published" },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().findings.map((finding: { code: string }) => finding.code)).toEqual(
      errors.map((finding: { code: string }) => finding.code),
    );
    const blank = await scene.head.inject({
      method: "POST",
      url: statusUrl,
      payload: { status: "published", reason: "   " },
    });
    expect(blank.statusCode).toBe(409);
    expect(
      (
        await otherHead.inject({
          method: "POST",
          url: statusUrl,
          payload: { status: "published", reason: "x" },
        })
      ).statusCode,
    ).toBe(404);
    const notePath = `/api/public/notes/${detail.summary.katottg}/${detail.summary.period.from}-${detail.summary.period.to}`;
    expect((await scene.app.inject(notePath)).statusCode).toBe(404);

    const reason = "Рішення сесії ухвалено; помилки виправимо в наступній версії";
    const published = await scene.head.inject({
      method: "POST",
      url: statusUrl,
      payload: { status: "published", reason },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe("published");
    const audit = await listAudit(monitoringDb(scene.store), {
      entity: "programme",
      entityId: String(scene.programmeId),
    });
    expect(audit.at(-1)).toMatchObject({ action: "status", after: { status: "published", reason } });
    expect((await scene.app.inject(notePath)).json()).toEqual({ note: reason });
    const open = await scene.app.inject(`/api/v1/programmes/${scene.programmeId}/annual/2026/progress.json`);
    expect(open.statusCode).toBe(200);
    expect(JSON.parse(open.body)).toEqual(submittedProgress);

    const draft = await scene.head.inject({ method: "POST", url: statusUrl, payload: { status: "draft" } });
    expect(draft.statusCode).toBe(200);
    expect((await scene.app.inject(notePath)).statusCode).toBe(404);
  });
});
