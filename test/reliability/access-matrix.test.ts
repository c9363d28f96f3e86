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
import type { Role } from "../../src/domain/roles.js";
import { demoProgramme, IT_DEPT } from "../../src/domain/synthetic/demo.js";
import type { Store } from "../../src/store/index.js";
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
