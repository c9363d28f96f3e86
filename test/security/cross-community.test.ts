/**
 * Every write is scoped to the caller's community (src/domain/scope.ts): the holes found by probing —
 * an import into another community, an edit that moves a programme to another community, org units and
 * users created under any code — and how admins are scoped (a platform admin bound to no community
 * writes everywhere; an admin bound to a community is that community's admin). The generated
 * route × role matrix (test/reliability/access-matrix.test.ts) covers every write route the same way.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { Programme } from "../../src/domain/model.js";
import { demoProgramme, IT_DEPT } from "../../src/domain/synthetic/demo.js";
import { exportCsv } from "../../src/export/csv.js";
import { monitoringDb } from "../../src/store/audit.js";
import type { Store } from "../../src/store/index.js";
import { ensureOrgUnit } from "../../src/store/users.js";
import { type Client, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const A = "UA99000000000000001";
const B = "UA99000000000000002";

function programmeOf(katottg: string, name: string): Programme {
  const programme = demoProgramme();
  programme.community = { name, katottg };
  return programme;
}

describe("writes scoped to the caller's community", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let idA = 0;
  let idB = 0;
  let head: Client;
  let communityAdmin: Client;
  let platformAdmin: Client;
  let unboundHead: Client;

  const csvUpload = (programme: Programme, query = "") => ({
    method: "POST" as const,
    url: `/api/import?name=programme.csv${query}`,
    payload: exportCsv(programme),
    headers: { "content-type": "text/csv" },
  });
  const versionsOf = async (id: number) => (await store.listVersions(id)).length;
  const communities = async () =>
    (await monitoringDb(store).selectFrom("communities").select("katottg").orderBy("katottg").execute()).map(
      (row) => row.katottg,
    );

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    idA = (
      await store.saveImport(
        { programme: programmeOf(A, "Громада А"), findings: [] },
        { name: "a", sha256: "a" },
      )
    ).programmeId;
    idB = (
      await store.saveImport(
        { programme: programmeOf(B, "Громада Б"), findings: [] },
        { name: "b", sha256: "b" },
      )
    ).programmeId;
    await ensureOrgUnit(store, A, IT_DEPT);
    await ensureOrgUnit(store, B, IT_DEPT);
    app = buildApp({ store, webDist: "/nonexistent", loginAttemptsPerMinute: 1000 });
    head = await userClient(app, store, "head-a", "head", { katottg: A });
    communityAdmin = await userClient(app, store, "admin-a", "admin", { katottg: A });
    platformAdmin = await userClient(app, store, "platform-admin", "admin");
    unboundHead = await userClient(app, store, "head-nowhere", "head");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("refuses an import of another community's programme, and of a document without a code, by a community's head", async () => {
    const intoB = await head.inject(csvUpload(programmeOf(B, "Громада Б")));
    expect(intoB.statusCode).toBe(403);
    expect(intoB.json().error).toContain("іншої громади");
    expect(await versionsOf(idB)).toBe(1);

    const noCode = await head.inject(csvUpload(programmeOf("", "Громада без коду")));
    expect(noCode.statusCode).toBe(403);
    expect(noCode.json().error).toContain("КАТОТТГ");

    const preview = await head.inject(csvUpload(programmeOf(B, "Громада Б"), "&dryRun=1"));
    expect(preview.statusCode, "a preview writes nothing, so it is not refused").toBe(200);
    // The programme as stored: insist on the new version (an identical re-import writes nothing).
    const own = await head.inject(csvUpload(programmeOf(A, "Громада А"), "&saveIdentical=1"));
    expect(own.statusCode).toBe(200);
    expect(await versionsOf(idA)).toBe(2);
    expect(await communities()).toEqual([A, B]);
  });

  it("refuses an edit that moves a programme to another community or creates a community", async () => {
    for (const katottg of [B, "UA99000000000000009"]) {
      const moved = await head.inject({
        method: "PUT",
        url: `/api/programmes/${idA}`,
        payload: programmeOf(katottg, "Громада А"),
      });
      expect(moved.statusCode, katottg).toBe(403);
    }
    const blanked = await head.inject({
      method: "PUT",
      url: `/api/programmes/${idA}`,
      payload: programmeOf("", "А"),
    });
    expect(blanked.statusCode).toBe(403);
    expect((await store.getProgramme(idA))?.summary.katottg).toBe(A);
    expect(await communities()).toEqual([A, B]);
    const kept = await head.inject({
      method: "PUT",
      url: `/api/programmes/${idA}`,
      payload: programmeOf(A, "А"),
    });
    expect(kept.statusCode).toBe(200);
  });

  it("keeps a community's admin to its community: org units, users and the user list", async () => {
    const unitB = await communityAdmin.inject({
      method: "POST",
      url: "/api/org-units",
      payload: { katottg: B, name: "Відділ" },
    });
    expect(unitB.statusCode).toBe(403);
    const unitA = await communityAdmin.inject({
      method: "POST",
      url: "/api/org-units",
      payload: { katottg: A, name: "Відділ" },
    });
    expect(unitA.statusCode).toBe(201);

    const user = (katottg: string | null, role = "head", orgUnitId?: number) => ({
      method: "POST" as const,
      url: "/api/users",
      payload: {
        login: `u-${Math.random()}`,
        password: "password-123",
        displayName: "Х",
        role,
        katottg,
        orgUnitId,
      },
    });
    expect((await communityAdmin.inject(user(B))).statusCode).toBe(403);
    expect((await communityAdmin.inject(user(null, "admin"))).statusCode, "a platform admin").toBe(403);
    expect((await communityAdmin.inject(user(A))).statusCode).toBe(201);
    const [foreignUnit] = await monitoringDb(store)
      .selectFrom("org_units")
      .select("id")
      .where("katottg", "=", B)
      .execute();
    const executorElsewhere = await communityAdmin.inject(user(A, "executor", foreignUnit?.id));
    expect(executorElsewhere.statusCode, "an executor of A in B's unit").toBe(400);
    expect((await platformAdmin.inject(user(null, "head"))).statusCode, "a head bound to no community").toBe(
      400,
    );

    const listed = (await communityAdmin.inject("/api/users")).json() as { katottg: string | null }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((each) => each.katottg === A)).toBe(true);
    const units = (await communityAdmin.inject(`/api/org-units?katottg=${B}`)).json() as {
      katottg: string;
    }[];
    expect(units.every((unit) => unit.katottg === A)).toBe(true);
  });

  it("lets the platform admin write every community", async () => {
    expect((await platformAdmin.inject(csvUpload(programmeOf(B, "Громада Б")))).statusCode).toBe(200);
    const unit = await platformAdmin.inject({
      method: "POST",
      url: "/api/org-units",
      payload: { katottg: B, name: "Нове" },
    });
    expect(unit.statusCode).toBe(201);
    const all = (await platformAdmin.inject("/api/programmes")).json() as unknown[];
    expect(all).toHaveLength(2);
  });

  it("gives a user of a community role bound to no community nothing", async () => {
    expect((await unboundHead.inject("/api/programmes")).json()).toEqual([]);
    expect((await unboundHead.inject(`/api/programmes/${idA}`)).statusCode).toBe(404);
    const edit = await unboundHead.inject({
      method: "PUT",
      url: `/api/programmes/${idA}`,
      payload: programmeOf(A, "А"),
    });
    expect(edit.statusCode).toBe(404);
  });
});
