import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS } from "../../src/api/access.js";
import { listAudit, monitoringDb } from "../../src/store/audit.js";
import { CULTURE, DIGITAL, romnyScene, type Scene, unitProjects } from "./year.js";

describe("who may read and write which report", () => {
  let scene: Scene;
  let draftOfDigital: string;
  let submittedOfDigital: string;
  const reports = () => `/api/programmes/${scene.programmeId}/reports`;

  beforeAll(async () => {
    scene = await romnyScene();
    const [first, second] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    if (!first || !second) throw new Error("the digital unit lost its projects");
    const draft = (payload: object) =>
      scene.executor1.inject({
        method: "POST",
        url: reports(),
        payload: { status: "in-progress", actual: [], ...payload },
      });
    draftOfDigital = (await draft({ itemId: first.id, periodKey: "2026-H1", text: "чернетка" })).json().id;
    submittedOfDigital = (await draft({ itemId: second.id, periodKey: "2026-H1", text: "подано" })).json().id;
    await scene.executor1.inject({ method: "POST", url: `${reports()}/${submittedOfDigital}/submit` });
  });
  afterAll(() => scene.dispose());

  it("keeps an executor away from another unit's draft: no read, no write, no submit, not in the list", async () => {
    const other = scene.executor2;
    const url = `${reports()}/${draftOfDigital}`;
    expect((await other.inject(url)).statusCode).toBe(403);
    const put = await other.inject({ method: "PUT", url, payload: { status: "done", actual: [] } });
    expect(put.statusCode).toBe(403);
    expect((await other.inject({ method: "POST", url: `${url}/submit` })).statusCode).toBe(403);
    const correction = await other.inject({
      method: "POST",
      url: `${reports()}/${submittedOfDigital}/corrections`,
      payload: { status: "done", actual: [] },
    });
    expect(correction.statusCode).toBe(403);
    expect((await other.inject(reports())).json()).toEqual({ data: [], next: null });
    const own = (await scene.executor1.inject(url)).json();
    expect(own).toMatchObject({ text: "чернетка", status: "in-progress", submittedAt: null });
  });

  it("lets an executor report only on its unit's projects", async () => {
    const [digitalItem] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    const response = await scene.executor2.inject({
      method: "POST",
      url: reports(),
      payload: { itemId: digitalItem?.id, periodKey: "2026-H1", status: "done", actual: [] },
    });
    expect(response.statusCode).toBe(403);
  });

  it("validates a report body with the executor report schema, in Ukrainian", async () => {
    const [item] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    const bad = await scene.executor1.inject({
      method: "POST",
      url: reports(),
      payload: {
        itemId: item?.id,
        periodKey: "2026-H1",
        status: "done",
        actual: [{ source: "local", label: "x", amount: 10.5 }],
        attachments: [{ kind: "prozorro", ref: "UA-2026-02-30-000001-a" }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain("actual.0.amount");
    expect(bad.json().error).toContain("ProZorro");
    const wrongPeriod = await scene.executor1.inject({
      method: "POST",
      url: reports(),
      payload: { itemId: item?.id, periodKey: "2026-Q1", status: "done", actual: [] },
    });
    expect(wrongPeriod.statusCode).toBe(400);
  });

  it("lets the controller read drafts but change nothing", async () => {
    expect((await scene.controller.inject(`${reports()}/${draftOfDigital}`)).statusCode).toBe(200);
    const put = await scene.controller.inject({
      method: "PUT",
      url: `${reports()}/${draftOfDigital}`,
      payload: { status: "done", actual: [] },
    });
    expect(put.statusCode).toBe(403);
  });

  it("changes a submitted report only by a correction that keeps the original", async () => {
    const url = `${reports()}/${submittedOfDigital}`;
    const before = (await scene.executor1.inject(url)).json();
    const payload = {
      status: "done",
      actual: [{ source: "local", label: "бюджет громади", amount: 123_45 }],
    };
    const headers = { "idempotency-key": "correction-0001" };
    const corrected = await scene.executor1.inject({
      method: "POST",
      url: `${url}/corrections`,
      payload,
      headers,
    });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toMatchObject({ correctionOf: submittedOfDigital, status: "done" });
    expect(corrected.json().lockedAt).not.toBeNull();
    const retried = await scene.executor1.inject({
      method: "POST",
      url: `${url}/corrections`,
      payload,
      headers,
    });
    expect(retried.json().id).toBe(corrected.json().id);
    expect((await scene.executor1.inject(url)).json()).toEqual(before);
    const second = await scene.executor1.inject({
      method: "POST",
      url: reports(),
      payload: { itemId: before.itemId, periodKey: before.periodKey, status: "done", actual: [] },
    });
    expect(second.statusCode).toBe(409);
    const draftCorrection = await scene.executor1.inject({
      method: "POST",
      url: `${reports()}/${draftOfDigital}/corrections`,
      payload,
    });
    expect(draftCorrection.statusCode).toBe(409);
    const audit = await listAudit(monitoringDb(scene.store), { entity: "executor_report" });
    expect(audit.find((entry) => entry.action === "correct")).toMatchObject({
      userId: scene.executor1.user.id,
      entityId: corrected.json().id,
      before: expect.objectContaining({ id: submittedOfDigital }),
    });
  });

  it("lets the head set the cadence and who executes what, with an audit entry; an executor may not", async () => {
    const base = `/api/programmes/${scene.programmeId}`;
    const refused = await scene.executor1.inject({
      method: "PUT",
      url: `${base}/settings`,
      payload: { cadence: "quarter" },
    });
    expect(refused.statusCode).toBe(403);
    const set = await scene.head.inject({
      method: "PUT",
      url: `${base}/settings`,
      payload: { cadence: "quarter" },
    });
    expect(set.statusCode).toBe(200);
    const periods = (await scene.head.inject(`${base}/periods?today=2026-05-01`)).json();
    expect(periods.slice(0, 5).map((period: { key: string }) => period.key)).toEqual([
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2026-Y",
    ]);
    const [item] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    const links = [{ itemId: item?.id ?? "", orgUnitId: scene.culture.id }];
    const put = await scene.head.inject({ method: "PUT", url: `${base}/item-units`, payload: links });
    expect(put.statusCode).toBe(200);
    expect((await scene.head.inject(`${base}/item-units`)).json()).toEqual(links);
    const beyond = [{ itemId: item?.id ?? "", orgUnitId: 3_000_000_000 }];
    const outOfRange = await scene.head.inject({ method: "PUT", url: `${base}/item-units`, payload: beyond });
    expect(outOfRange.statusCode, "an id beyond PostgreSQL's integer is refused before any query").toBe(400);
    const now = await scene.executor2.inject({
      method: "POST",
      url: reports(),
      payload: { itemId: item?.id, periodKey: "2026-Q3", status: "in-progress", actual: [] },
    });
    expect(now.statusCode).toBe(201);
    const audit = await listAudit(monitoringDb(scene.store), {
      entity: "programme",
      entityId: String(scene.programmeId),
    });
    expect(audit.filter((entry) => entry.action === "settings")).toEqual([
      expect.objectContaining({ userId: scene.head.user.id, before: null, after: { cadence: "quarter" } }),
    ]);
    expect(audit.filter((entry) => entry.action === "item_units").at(-1)).toMatchObject({
      userId: scene.head.user.id,
      after: links,
    });
  });

  it("answers 401 to the public on every programme and report route, never with its data", async () => {
    const params: Record<string, string> = {
      id: String(scene.programmeId),
      rid: draftOfDigital,
      year: "2026",
      form: "progress.json",
      format: "json",
    };
    const guarded = Object.entries(ACCESS).filter(([, rule]) => rule !== "public");
    expect(guarded.length).toBeGreaterThan(20);
    for (const [key] of guarded) {
      const [method = "GET", pattern = ""] = key.split(" ");
      const url = pattern.replace(/:([a-z]+)/g, (_, name: string) => params[name] ?? name);
      const response = await scene.app.inject({
        method: method as "GET",
        url,
        ...(method === "GET" ? {} : { payload: {} }),
      });
      expect(response.statusCode, key).toBe(401);
      expect(response.body).not.toContain("Роменськ");
    }
    const published = await scene.app.inject("/api/public/programmes");
    expect(published.json()).toEqual([]);
    const permanent = await scene.app.inject(`/api/public/programmes/${scene.katottg}/2026-2028`);
    expect(permanent.statusCode).toBe(404);
  });
});
