/**
 * PATCH /api/programmes/:id/projects/:itemId: one project's own fields saved as a new version, checked
 * against the version it was edited from, validated and summed on the server, answered with only what
 * changed.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { Item, Programme } from "../../src/domain/model.js";
import { projectFields } from "../../src/domain/project-edit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { validateProgramme } from "../../src/domain/validate.js";
import type { Store } from "../../src/store/index.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const OTHER = "UA99000000000000002";

/** The first project with a funding row that has a year amount. */
function fundedProject(programme: Programme): Item {
  for (const direction of programme.directions) {
    for (const item of direction.items) {
      if (item.funding.some((row) => Object.keys(row.byYear).length > 0)) return item;
    }
  }
  throw new Error("the demo programme has no funded project");
}

/** The project's fields with its first row's first year amount raised by `by` kopecks (row total kept right). */
function raised(item: Item, by: number) {
  const fields = structuredClone(projectFields(item));
  const row = fields.funding[0];
  const year = Object.keys(row?.byYear ?? {})[0];
  if (!row || !year) throw new Error("no amount");
  row.byYear[year] = (row.byYear[year] ?? 0) + by;
  row.total += by;
  return fields;
}

describe("PATCH /api/programmes/:id/projects/:itemId", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let head: Client;
  let otherHead: Client;
  let controller: Client;
  let id: number;
  let project: Item;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
    const { katottg } = demoProgramme().community;
    head = await userClient(app, store, "head", "head", { katottg });
    otherHead = await userClient(app, store, "other-head", "head", { katottg: OTHER });
    controller = await userClient(app, store, "controller", "controller", { katottg });
  });
  beforeEach(async () => {
    const programme = demoProgramme();
    programme.period = { ...programme.period };
    // A programme of its own per test: a fresh period keeps the community's programmes apart.
    const offset = (await store.listProgrammes()).length;
    programme.period = { from: programme.period.from + offset * 10, to: programme.period.to + offset * 10 };
    for (const item of programme.directions.flatMap((direction) => direction.items)) item.deadline = null;
    const saved = await store.saveImport(
      { programme, findings: validateProgramme(programme) },
      { name: "demo", sha256: String(offset) },
    );
    id = saved.programmeId;
    project = fundedProject(programme);
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const patch = (client: Client, body: object, headers: Record<string, string> = {}, itemId = project.id) =>
    client.inject({
      method: "PATCH",
      url: `/api/programmes/${id}/projects/${itemId}`,
      payload: body,
      headers,
    });

  it("saves one changed amount as a new version and answers only the project, totals, version and findings delta", async () => {
    const response = await patch(head, { baseVersion: 1, project: raised(project, 100_00) });
    expect(response.statusCode).toBe(200);
    const stored = await store.getProgramme(id);
    if (!stored) throw new Error("gone");
    expect(stored.version.version).toBe(2);
    const answer = response.json();
    expect(answer.version).toBe(2);
    expect(answer.author).toBe("head");
    expect(stored.version.author).toBe("head");
    expect(response.headers.etag).toBe('"2"');
    expect(answer.project).toEqual({ ...raised(project, 100_00), id: project.id });
    expect(answer.totals).toEqual(JSON.parse(JSON.stringify(programmeTotals(stored.programme))));
    // 100 UAH more than the printed sums: the passport and the printed subtotals now disagree.
    expect(answer.findings.removed).toEqual([]);
    expect(answer.findings.added.length).toBeGreaterThan(0);
    expect(validateProgramme(stored.programme)).toEqual(expect.arrayContaining(answer.findings.added));
    for (const finding of answer.findings.added)
      expect(finding.code).toMatch(/^(passport\.funding-|direction\.subtotal|programme\.total)/);
    // Only this project changed in the stored document.
    const before = (await store.getProgramme(id, 1))?.programme;
    expect(
      stored.programme.directions.flatMap((d) => d.items).filter((item) => item.id !== project.id),
    ).toEqual(before?.directions.flatMap((d) => d.items).filter((item) => item.id !== project.id));
    // The query tables followed: the list's total is summed in SQL from the funding rows.
    const summary = (await store.listProgrammes()).find((each) => each.id === id);
    expect(summary?.total).toBe(programmeTotals(stored.programme).total);
    expect(summary?.total).toBe((before ? programmeTotals(before).total : 0) + 100_00);
  });

  it("answers a few kilobytes where the whole programme is many times that", async () => {
    const response = await patch(head, { baseVersion: 1, project: raised(project, 1) });
    const whole = await head.inject({
      url: `/api/programmes/${id}`,
      headers: { "accept-encoding": "identity" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBeLessThan(5 * 1024);
    expect(response.rawPayload.length * 5).toBeLessThan(whole.rawPayload.length);
  });

  it("checks the totals on the server: a row whose total is not the sum of its years is a finding", async () => {
    const fields = raised(project, 0);
    const row = fields.funding[0];
    if (!row) throw new Error("no row");
    row.total += 999_00;
    const answer = (await patch(head, { baseVersion: 1, project: fields })).json();
    expect(answer.findings.added.map((finding: { code: string }) => finding.code)).toContain(
      "amount.year-sum",
    );
    expect(answer.errors).toBeGreaterThan(0);
    const stored = await store.getProgramme(id);
    expect(stored?.summary.errors).toBe(answer.errors);
    // The totals are the server's sums of the stored rows, not the client's.
    expect(answer.totals).toEqual(
      JSON.parse(JSON.stringify(programmeTotals(stored?.programme as Programme))),
    );
  });

  it("refuses an edit made on an older version: 409 with baseVersion, 412 with If-Match; nothing written", async () => {
    expect((await patch(head, { baseVersion: 1, project: raised(project, 1) })).statusCode).toBe(200);
    const stale = await patch(head, { baseVersion: 1, project: raised(project, 2) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().latestVersion).toBe(2);
    const staleMatch = await patch(head, { project: raised(project, 3) }, { "if-match": '"1"' });
    expect(staleMatch.statusCode).toBe(412);
    expect(staleMatch.json().latestVersion).toBe(2);
    expect((await store.listVersions(id)).length).toBe(2);
    const current = await patch(head, { project: raised(project, 4) }, { "if-match": '"2"' });
    expect(current.statusCode).toBe(200);
    expect(current.json().version).toBe(3);
  });

  it("asks for the version the edit was made on (428 without one)", async () => {
    expect((await patch(head, { project: raised(project, 1) })).statusCode).toBe(428);
    expect((await store.listVersions(id)).length).toBe(1);
  });

  it("is the head's of that community only: another community's head 404 (its programme is invisible to them, as on every /api/programmes/:id route), a controller 403", async () => {
    expect((await patch(otherHead, { baseVersion: 1, project: raised(project, 1) })).statusCode).toBe(404);
    expect((await patch(controller, { baseVersion: 1, project: raised(project, 1) })).statusCode).toBe(403);
    expect((await store.listVersions(id)).length).toBe(1);
  });

  it("answers 404 for a project the programme does not have", async () => {
    const response = await patch(head, { baseVersion: 1, project: raised(project, 1) }, {}, "d9.99");
    expect(response.statusCode).toBe(404);
  });
});
