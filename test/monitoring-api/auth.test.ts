import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS, accessRule } from "../../src/api/access.js";
import { buildApp } from "../../src/api/app.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { listAudit, monitoringDb } from "../../src/store/audit.js";
import type { Store } from "../../src/store/index.js";
import { openTestStore } from "../support/db.js";
import { type Client, signIn, userClient } from "./support.js";

describe("sign-in, sessions, CSRF and the access table", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  let admin: Client;
  let demoId: number;
  const routes: { method: string; url: string; access?: unknown }[] = [];

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    demoId = (
      await store.saveImport({ programme: demoProgramme(), findings: [] }, { name: "d", sha256: "d" })
    ).programmeId;
    app = buildApp({ store, webDist: "/nonexistent", loginAttemptsPerMinute: 100 });
    app.addHook("onRoute", (route) => {
      for (const method of [route.method].flat()) {
        routes.push({
          method,
          url: route.url,
          access: (route.config as { access?: unknown } | undefined)?.access,
        });
      }
    });
    await app.ready();
    admin = await userClient(app, store, "admin", "admin");
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("gives every API route a rule, and the table names no route that does not exist", () => {
    const apiRoutes = routes.filter((route) => route.url.startsWith("/api") && route.method !== "HEAD");
    expect(apiRoutes.length).toBeGreaterThan(20);
    const unruled = apiRoutes.filter(
      (route) => accessRule(route.method, route.url, route.access) === undefined,
    );
    expect(unruled).toEqual([]);
    const registered = new Set(apiRoutes.map((route) => `${route.method} ${route.url}`));
    expect(Object.keys(ACCESS).filter((key) => !registered.has(key))).toEqual([]);
  });

  it("signs in with an HttpOnly SameSite=Strict cookie, answers /me, and signs out", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: "admin", password: "test-password-1" },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((each) => each.name === "infoprog_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api" });
    const me = await admin.inject("/api/auth/me");
    expect(me.json()).toMatchObject({
      user: { login: "admin", role: "admin" },
      csrfToken: admin.headers["x-csrf-token"],
    });
    const stored = await monitoringDb(store).selectFrom("sessions").select("id").execute();
    expect(stored.map((row) => row.id)).not.toContain(cookie?.value);

    const other = await signIn(app, "admin");
    expect((await other.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(200);
    expect((await other.inject("/api/auth/me")).statusCode).toBe(401);
    expect((await admin.inject("/api/auth/me")).statusCode).toBe(200);
  });

  it("refuses a wrong password with 401 and rate-limits login attempts with 429", async () => {
    const limited = buildApp({ store, webDist: "/nonexistent", loginAttemptsPerMinute: 3 });
    try {
      const attempt = () =>
        limited.inject({
          method: "POST",
          url: "/api/auth/login",
          payload: { login: "admin", password: "wrong" },
        });
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await attempt()).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
      expect((await attempt()).json().error).toBe("Забагато запитів");
    } finally {
      await limited.close();
    }
  });

  it("refuses an unsafe request without the CSRF token, and one with a wrong token", async () => {
    const url = `/api/programmes/${demoId}/status`;
    const payload = { status: "agreed" };
    const noToken = await app.inject({
      method: "POST",
      url,
      payload,
      headers: { cookie: admin.headers.cookie ?? "" },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toContain("CSRF");
    const wrong = await admin.inject({
      method: "POST",
      url,
      payload,
      headers: { "x-csrf-token": "x".repeat(43) },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await store.getProgramme(demoId))?.summary.status).toBe("draft");
    const ok = await admin.inject({ method: "POST", url, payload });
    expect(ok.statusCode).toBe(200);
  });

  it("lets a controller read but not change, and writes who changed the status to the audit log", async () => {
    // A controller is a council's commission: bound to its community (unbound, it would reach nothing).
    const controller = await userClient(app, store, "controller", "controller", {
      katottg: "UA99000000000000001",
    });
    expect((await controller.inject(`/api/programmes/${demoId}`)).statusCode).toBe(200);
    const refused = await controller.inject({
      method: "POST",
      url: `/api/programmes/${demoId}/status`,
      payload: { status: "published" },
    });
    expect(refused.statusCode).toBe(403);
    const audit = await listAudit(monitoringDb(store), { entity: "programme", entityId: String(demoId) });
    const statusChanges = audit.filter((entry) => entry.action === "status");
    expect(statusChanges).toEqual([
      expect.objectContaining({
        userId: admin.user.id,
        before: { status: "draft" },
        after: { status: "agreed" },
      }),
    ]);
  });

  it("keeps a head of another community away from this programme", async () => {
    const head = await userClient(app, store, "head-other", "head", { katottg: "UA00000000000000000" });
    expect((await head.inject(`/api/programmes/${demoId}`)).statusCode).toBe(404);
    expect((await head.inject("/api/programmes")).json()).toEqual([]);
    const own = await userClient(app, store, "head-own", "head", { katottg: "UA99000000000000001" });
    expect((await own.inject("/api/programmes")).json()).toHaveLength(1);
  });
});
