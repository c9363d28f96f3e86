/**
 * The authorization matrix, generated from the route table: every registered API route × every role
 * (public, admin, head, executor, controller) over HTTP, judged by the same `accessRule`/`allows` the
 * auth hook uses. A refused role must get 401 (no session) or 403 (signed in) and an error body
 * only; an allowed role must get past the access check (any status but 401/403 — a dummy body may
 * well be refused by validation). A new route is covered automatically, and a route without a rule
 * fails the test.
 *
 * Per-report checks of executors (another unit's report answers 403 legitimately) cannot trip here:
 * `:rid` is a well-formed id of no report, so every role the rule allows gets 404 for it.
 */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessRule, accessRule, allows, UNSAFE_METHODS } from "../../src/api/access.js";
import { buildApp } from "../../src/api/app.js";
import { projectFields } from "../../src/domain/project-edit.js";
import type { Role } from "../../src/domain/roles.js";
import { demoProgramme, IT_DEPT } from "../../src/domain/synthetic/demo.js";
import { exportCsv } from "../../src/export/csv.js";
import { addRemark, takeAgreementStep } from "../../src/store/agreement.js";
import { monitoringDb } from "../../src/store/audit.js";
import type { Store } from "../../src/store/index.js";
import { createDraft } from "../../src/store/monitoring.js";
import { ensureOrgUnit } from "../../src/store/users.js";
import { type Client, signIn, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

type Caller = "public" | Role;
const CALLERS: readonly Caller[] = ["public", "admin", "head", "executor", "controller"];
const NO_REPORT = "00000000-0000-4000-8000-000000000001";

interface RouteEntry {
  method: string;
  url: string;
  access?: unknown;
}

interface Outcome {
  route: string;
  caller: Caller;
  rule: string;
  status: number;
  expected: string;
  body: string;
}

function describeRule(rule: AccessRule | undefined): string {
  if (rule === undefined) return "none";
  return rule === "public" ? "public" : rule.join("|");
}

function isApiRoute(route: RouteEntry): boolean {
  return route.url.startsWith("/api/") && !route.url.startsWith("/api/docs") && route.method !== "HEAD";
}

/** A refusal carries an error message and nothing else. */
/** B's draft submitted and returned with one remark, so that answering it is a live write. */
async function returnedRemark(store: Store, programmeId: number): Promise<number> {
  const ministry = { kind: "ministry" } as const;
  await takeAgreementStep(store, { programmeId, action: "submit", party: "community", actor: null });
  const remark = await addRemark(store, {
    programmeId,
    ref: "passport:7",
    text: "x",
    scope: ministry,
    actor: null,
  });
  if ("status" in remark) throw new Error(remark.message);
  await takeAgreementStep(store, {
    programmeId,
    action: "return",
    party: "reviewer",
    scope: ministry,
    actor: null,
  });
  return remark.id;
}

function isBareError(response: LightMyRequestResponse): boolean {
  try {
    const body = response.json() as Record<string, unknown>;
    return Object.keys(body).every((key) => key === "error") && typeof body.error === "string";
  } catch {
    return false;
  }
}

describe("access matrix: every API route × every role", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const clients = new Map<Role, Client>();
  const logins = new Map<Role, string>();
  const params: Record<string, string> = {};
  const routes: RouteEntry[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const programme = demoProgramme();
    const { katottg } = programme.community;
    const demoId = (await store.saveImport({ programme, findings: [] }, { name: "demo", sha256: "demo" }))
      .programmeId;
    Object.assign(params, {
      id: String(demoId),
      rid: NO_REPORT,
      // A well-formed id of no attachment and a well-formed invitation token of no invitation.
      aid: NO_REPORT,
      token: "A".repeat(43),
      format: "json",
      year: String(programme.period.from),
      form: "progress.json",
      katottg,
      from: String(programme.period.from),
      to: String(programme.period.to),
      itemId: programme.directions[0]?.items[0]?.id ?? "d1.1",
    });
    app = buildApp({ store, webDist: "/nonexistent", loginAttemptsPerMinute: 1000 });
    app.addHook("onRoute", (route) => {
      const access = (route.config as { access?: unknown } | undefined)?.access;
      for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
    });
    await app.ready();
    const itUnit = await ensureOrgUnit(store, katottg, IT_DEPT);
    const extras: Record<Role, { katottg?: string; orgUnitId?: number }> = {
      admin: {},
      head: { katottg },
      executor: { katottg, orgUnitId: itUnit.id },
      controller: { katottg },
      reviewer: {},
    };
    for (const [role, extra] of Object.entries(extras) as [Role, (typeof extras)[Role]][]) {
      const login = `matrix-${role}`;
      logins.set(role, login);
      clients.set(role, await userClient(app, store, login, role, extra));
    }
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  const apiRoutes = () => routes.filter(isApiRoute);

  function fill(url: string): string {
    return url.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? "1").replace(/\*/g, "x");
  }

  async function call(route: RouteEntry, caller: Caller): Promise<LightMyRequestResponse> {
    const request = {
      method: route.method as "GET",
      url: fill(route.url),
      ...(UNSAFE_METHODS.has(route.method) ? { payload: {} } : {}),
    };
    if (caller === "public") return app.inject(request);
    // Signing out ends the session: give that request a session of its own.
    const client =
      route.url === "/api/auth/logout" ? await signIn(app, logins.get(caller) ?? "") : clients.get(caller);
    if (!client) throw new Error(`no client for ${caller}`);
    return client.inject(request);
  }

  function judge(route: RouteEntry, caller: Caller, response: LightMyRequestResponse): Outcome | null {
    const rule = accessRule(route.method, route.url, route.access);
    const allowed = allows(rule, caller === "public" ? undefined : caller);
    const refusal = caller === "public" ? 401 : 403;
    const ok = allowed
      ? response.statusCode !== 401 && response.statusCode !== 403
      : response.statusCode === refusal && isBareError(response);
    if (ok) return null;
    return {
      route: `${route.method} ${route.url}`,
      caller,
      rule: describeRule(rule),
      status: response.statusCode,
      expected: allowed ? "not 401/403" : `${refusal} with an error body only`,
      body: response.body.slice(0, 200),
    };
  }

  it("finds the API routes, each with an explicit rule (table, prefix or marker)", () => {
    const found = apiRoutes();
    expect(found.length).toBeGreaterThan(30);
    const unruled = found.filter((route) => accessRule(route.method, route.url, route.access) === undefined);
    expect(unruled.map((route) => `${route.method} ${route.url}`)).toEqual([]);
  });

  it("refuses every role the rule does not name and lets through every role it names", async () => {
    const found = apiRoutes();
    const failures: Outcome[] = [];
    let checked = 0;
    let refusals = 0;
    for (const route of found) {
      const rule = accessRule(route.method, route.url, route.access);
      for (const caller of CALLERS) {
        const outcome = judge(route, caller, await call(route, caller));
        checked++;
        if (!allows(rule, caller === "public" ? undefined : caller)) refusals++;
        if (outcome) failures.push(outcome);
      }
    }
    console.log(
      `access matrix: ${found.length} routes × ${CALLERS.length} roles = ${checked} requests checked`,
    );
    expect(checked).toBe(found.length * CALLERS.length);
    expect(refusals).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});

/** Unsafe routes that write nothing of a community, and why. */
const NOT_COMMUNITY_WRITES: Record<string, string> = {
  "POST /api/auth/login": "opens a session of the caller",
  "POST /api/auth/logout": "ends the caller's own session",
  "POST /api/validate": "checks the body and stores nothing",
  "POST /api/invitations/:token/accept": "spends the invitation the token names, in its own community",
};

/** A request of a caller of community A aimed at community B. */
interface Attempt {
  url: string;
  payload?: string | object;
  headers?: Record<string, string>;
}

type CommunityCaller = "head" | "executor" | "controller" | "admin";
const COMMUNITY_CALLERS: readonly CommunityCaller[] = ["head", "executor", "controller", "admin"];

/**
 * Cross-community writes: for every unsafe API route, a head, executor, controller and community admin
 * of community A aim it at community B — B's programme, report and project by id, or B's code in the
 * body (an import of B's document, an edit that moves A's programme to B, an org unit or a user of B).
 * Each must be refused (403, or 404 where B's programme is addressed by id and stays invisible) with
 * an error body only, and nothing may be written. The same requests by the platform admin then get
 * past the scoping, so the refusals are not an accident of a dead URL. A new unsafe route fails here
 * until it has a case below, or is addressed by /api/programmes/:id (then B's id is filled in), or is
 * listed in NOT_COMMUNITY_WRITES.
 */
describe("access matrix: every write route × every community role, aimed at another community", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const routes: RouteEntry[] = [];
  const clients = new Map<CommunityCaller, Client>();
  let platformAdmin: Client;
  let ownId = 0;
  const b: Record<string, string> = {};
  const programmeB = demoProgramme();
  const B = "UA99000000000000002";
  programmeB.community = { name: "Громада Б", katottg: B };

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    const programmeA = demoProgramme();
    const A = programmeA.community.katottg;
    ownId = (await store.saveImport({ programme: programmeA, findings: [] }, { name: "a", sha256: "a" }))
      .programmeId;
    const idB = (await store.saveImport({ programme: programmeB, findings: [] }, { name: "b", sha256: "b" }))
      .programmeId;
    const unitA = await ensureOrgUnit(store, A, IT_DEPT);
    const unitB = await ensureOrgUnit(store, B, IT_DEPT);
    const unitB2 = await ensureOrgUnit(store, B, "Відділ освіти");
    const itemB = programmeB.directions[0]?.items[0]?.id ?? "d1.1";
    const { report } = await createDraft(
      store,
      idB,
      {
        itemId: itemB,
        periodKey: "2026-H1",
        orgUnitId: unitB.id,
        status: "in-progress",
        actual: [],
        text: "",
        attachments: [],
        indicatorActuals: [],
      },
      null,
    );
    Object.assign(b, {
      id: String(idB),
      rid: report.id,
      itemId: itemB,
      orgUnitId: String(unitB.id),
      orgUnitId2: String(unitB2.id),
    });
    b.remark = String(await returnedRemark(store, idB));
    // The URL import fetches B's published document (no network: the fetcher stands in for the site).
    const fetchB = async (url: string) => ({ bytes: Buffer.from(exportCsv(programmeB)), name: "b.csv", url });
    app = buildApp({ store, webDist: "/nonexistent", loginAttemptsPerMinute: 1000, fetchDocument: fetchB });
    app.addHook("onRoute", (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    });
    await app.ready();
    const extras: Record<CommunityCaller, { katottg: string; orgUnitId?: number }> = {
      head: { katottg: A },
      executor: { katottg: A, orgUnitId: unitA.id },
      controller: { katottg: A },
      admin: { katottg: A },
    };
    for (const role of COMMUNITY_CALLERS) {
      clients.set(role, await userClient(app, store, `cross-${role}`, role, extras[role]));
    }
    platformAdmin = await userClient(app, store, "cross-platform-admin", "admin");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  function itemOfB() {
    const item = programmeB.directions[0]?.items[0];
    if (!item) throw new Error("the demo programme has no project");
    return item;
  }

  /** Requests aimed at B for the routes that do not address B's programme by id. */
  function attemptsOf(route: string): Attempt[] | undefined {
    const asA = { ...structuredClone(programmeB), community: { name: "Громада А", katottg: B } };
    const cases: Record<string, Attempt[]> = {
      "POST /api/import": [
        {
          url: "/api/import?name=b.csv",
          payload: exportCsv(programmeB),
          headers: { "content-type": "text/csv" },
        },
      ],
      "POST /api/import/url": [{ url: "/api/import/url", payload: { url: "https://rada-b.example/b.csv" } }],
      "PUT /api/programmes/:id": [
        { url: `/api/programmes/${b.id}`, payload: programmeB },
        { url: `/api/programmes/${ownId}`, payload: asA },
        {
          url: `/api/programmes/${ownId}`,
          payload: { ...asA, community: { name: "Нова громада", katottg: "UA99000000000000009" } },
        },
      ],
      // A valid edit of B's project: refused by scope alone, not by validation.
      "PATCH /api/programmes/:id/projects/:itemId": [
        {
          url: `/api/programmes/${b.id}/projects/${b.itemId}`,
          payload: { baseVersion: 1, project: { ...projectFields(itemOfB()), title: "Змінено з А" } },
        },
      ],
      "POST /api/org-units": [{ url: "/api/org-units", payload: { katottg: B, name: "Відділ Б" } }],
      "PATCH /api/org-units/:id": [{ url: `/api/org-units/${b.orgUnitId}`, payload: { name: "Відділ Б-2" } }],
      "POST /api/org-units/:id/merge": [
        { url: `/api/org-units/${b.orgUnitId}/merge`, payload: { into: Number(b.orgUnitId2) } },
      ],
      "POST /api/agreement/:id/steps": [
        { url: `/api/agreement/${b.id}/steps`, payload: { action: "submit" } },
      ],
      "POST /api/agreement/:id/remarks": [
        { url: `/api/agreement/${b.id}/remarks`, payload: { ref: "passport:7", text: "зауваження" } },
      ],
      "POST /api/agreement/:id/remarks/:rid/answer": [
        {
          url: `/api/agreement/${b.id}/remarks/${b.remark}/answer`,
          payload: { kind: "explained", text: "пояснення" },
        },
      ],
      "POST /api/invitations": [
        {
          url: "/api/invitations",
          payload: { email: "b-head@example.org", displayName: "Б", role: "head", katottg: B },
        },
      ],
      "POST /api/users": [
        {
          url: "/api/users",
          payload: { login: "b-head", password: "password-b-1", displayName: "Б", role: "head", katottg: B },
        },
        {
          url: "/api/users",
          payload: { login: "b-platform", password: "password-b-1", displayName: "Б", role: "admin" },
        },
      ],
    };
    if (cases[route]) return cases[route];
    const [, url = ""] = route.split(" ");
    if (!url.startsWith("/api/programmes/:id")) return undefined;
    return [{ url: url.replace(/:([A-Za-z]+)/g, (_, name: string) => b[name] ?? "1"), payload: {} }];
  }

  async function fingerprint(): Promise<Record<string, unknown>> {
    const db = monitoringDb(store);
    const count = async (table: "audit_log" | "programme_versions" | "communities" | "org_units" | "users") =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      audit: await count("audit_log"),
      versions: await count("programme_versions"),
      communities: await count("communities"),
      units: await count("org_units"),
      users: await count("users"),
      programmes: await db
        .selectFrom("programmes")
        .select(["id", "katottg", "status"])
        .orderBy("id")
        .execute(),
      reports: await db
        .selectFrom("executor_reports")
        .select(["id", "status", "locked_at", "text"])
        .orderBy("id")
        .execute(),
    };
  }

  it("refuses every write of community A's staff into community B and writes nothing", async () => {
    const unsafe = routes.filter((route) => isApiRoute(route) && UNSAFE_METHODS.has(route.method));
    expect(unsafe.length).toBeGreaterThan(10);
    const uncovered: string[] = [];
    const failures: string[] = [];
    const before = await fingerprint();
    let refused = 0;
    for (const route of unsafe) {
      const name = `${route.method} ${route.url}`;
      if (NOT_COMMUNITY_WRITES[name]) continue;
      const attempts = attemptsOf(name);
      if (!attempts) {
        uncovered.push(name);
        continue;
      }
      for (const attempt of attempts) {
        for (const role of COMMUNITY_CALLERS) {
          const response = await clients.get(role)?.inject({ method: route.method as "POST", ...attempt });
          if (!response) throw new Error(role);
          refused++;
          if (![403, 404].includes(response.statusCode) || !isBareError(response)) {
            failures.push(
              `${name} ${attempt.url} as ${role} of A: ${response.statusCode} ${response.body.slice(0, 160)}`,
            );
          }
        }
      }
    }
    console.log(`cross-community matrix: ${refused} write attempts into another community refused`);
    expect(uncovered).toEqual([]);
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);

    // The same requests by the platform admin pass the scoping: the refusals above were not dead URLs.
    const dead: string[] = [];
    for (const route of unsafe) {
      const name = `${route.method} ${route.url}`;
      for (const attempt of NOT_COMMUNITY_WRITES[name] ? [] : (attemptsOf(name) ?? [])) {
        const response = await platformAdmin.inject({ method: route.method as "POST", ...attempt });
        if ([401, 403, 404].includes(response.statusCode))
          dead.push(`${name} ${attempt.url}: ${response.statusCode}`);
      }
    }
    expect(dead).toEqual([]);
  });
});
