/** GET /api/programmes/:id/reports?periodKey=&orgUnitId=: the store filters in SQL, the answer is the same. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listReports } from "../../src/store/monitoring.js";
import { CULTURE, DIGITAL, romnyScene, type Scene, unitProjects } from "./year.js";

describe("report list filters", () => {
  let scene: Scene;
  const reports = () => `/api/programmes/${scene.programmeId}/reports`;

  beforeAll(async () => {
    scene = await romnyScene();
    const [first, second] = unitProjects(scene, DIGITAL, CULTURE, 2026);
    if (!first || !second) throw new Error("the digital unit lost its projects");
    const draft = (itemId: string, periodKey: string) =>
      scene.executor1.inject({
        method: "POST",
        url: reports(),
        payload: { status: "in-progress", actual: [], itemId, periodKey, text: periodKey },
      });
    await draft(first.id, "2026-H1");
    const submitted = (await draft(second.id, "2026-H2")).json().id;
    await scene.executor1.inject({ method: "POST", url: `${reports()}/${submitted}/submit` });
  });
  afterAll(() => scene.dispose());

  it("answers only the asked period, or every period when none is asked", async () => {
    const periods = async (query: string) =>
      ((await scene.head.inject(`${reports()}${query}`)).json() as { periodKey: string }[]).map(
        (r) => r.periodKey,
      );
    expect(await periods("")).toEqual(["2026-H1", "2026-H2"]);
    expect(await periods("?periodKey=2026-H2")).toEqual(["2026-H2"]);
    expect(await periods("?periodKey=2027-H1")).toEqual([]);
  });

  it("keeps a unit's reports to that unit and the submitted ones to the submitted", async () => {
    const all = await listReports(scene.store, scene.programmeId);
    const unit = all[0]?.orgUnitId;
    expect(unit).toBeDefined();
    expect(await listReports(scene.store, scene.programmeId, { orgUnitId: unit })).toHaveLength(2);
    expect(await listReports(scene.store, scene.programmeId, { orgUnitId: -1 })).toEqual([]);
    const submitted = await listReports(scene.store, scene.programmeId, { submittedOnly: true });
    expect(submitted.map((report) => report.periodKey)).toEqual(["2026-H2"]);
  });
});
