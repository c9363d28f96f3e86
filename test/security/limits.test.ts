/**
 * Request limits and sign-in: bodies are not read before the caller is known to have the right to the
 * route; small bodies everywhere but the import; general limits per client address and per account;
 * the session cookie `Secure` behind an HTTPS proxy (and only when the proxy is trusted); failed
 * sign-ins of one login, from any address, make it wait.
 */
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { type Config, configFrom } from "../../src/config.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { NotAProgrammeError } from "../../src/import/index.js";
import type { Store } from "../../src/store/index.js";
import { createUser } from "../../src/store/users.js";
import { signIn, TEST_PASSWORD, userClient } from "../monitoring-api/support.js";
import { openTestStore } from "../support/db.js";

const MB = 1024 * 1024;
const UNLIMITED = { INFOPROG_REQUESTS_PER_MINUTE_PER_IP: "0", INFOPROG_REQUESTS_PER_MINUTE_PER_ACCOUNT: "0" };

describe("request limits and sign-in", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  const apps: FastifyInstance[] = [];
  let now = Date.parse("2026-03-01T10:00:00Z");

  async function appWith(env: Record<string, string>, options: { loginAttemptsPerMinute?: number } = {}) {
    const config: Config = configFrom(env);
    const app = buildApp({
      store,
      webDist: "/nonexistent",
      config,
      now: () => now,
      loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 1000,
      importDocument: async () => {
        throw new NotAProgrammeError("Не програма");
      },
    });
    apps.push(app);
    await app.ready();
    return app;
  }

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
  }, 180_000);
  afterAll(async () => {
    for (const app of apps) await app.close();
    await dispose();
  });

  it("refuses an anonymous body before reading it: 401, not a parse error or a size error", async () => {
    const app = await appWith(UNLIMITED);
    const broken = await app.inject({
      method: "POST",
      url: "/api/validate",
      headers: { "content-type": "application/json" },
      payload: `{"broken": ${"[".repeat(100_000)}`,
    });
    expect(broken.statusCode).toBe(401);
    const oversized = await app.inject({
      method: "POST",
      url: "/api/import?name=a.txt",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.alloc(21 * MB, 0x20),
    });
    expect(oversized.statusCode).toBe(401);
    expect(oversized.json()).toEqual({ error: "Увійдіть у систему" });
  });

  it("takes small bodies on every route and a large one only on the import, after sign-in", async () => {
    const app = await appWith(UNLIMITED);
    const admin = await userClient(app, store, "limits-admin", "admin");
    const big = JSON.stringify({ ...demoProgramme(), padding: "x".repeat(2 * MB) });
    const validate = await admin.inject({
      method: "POST",
      url: "/api/validate",
      headers: { "content-type": "application/json" },
      payload: big,
    });
    expect(validate.statusCode).toBe(413);
    expect(validate.json().error).toContain("1 МБ");
    const upload = await admin.inject({
      method: "POST",
      url: "/api/import?name=a.txt",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.alloc(2 * MB, 0x20),
    });
    expect(upload.statusCode).toBe(422);
    const huge = await admin.inject({
      method: "POST",
      url: "/api/import?name=a.txt",
      headers: { "content-type": "application/octet-stream" },
      payload: Buffer.alloc(21 * MB, 0x20),
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toContain("20 МБ");
  });

  it("limits requests per client address on every route, each address on its own", async () => {
    const app = await appWith({ INFOPROG_REQUESTS_PER_MINUTE_PER_IP: "5" });
    const from = (remoteAddress: string) => app.inject({ method: "GET", url: "/api/health", remoteAddress });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index++) statuses.push((await from("10.0.0.1")).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await from("10.0.0.1");
    expect(refused.json().error).toMatch(/Забагато запитів/);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await from("10.0.0.2")).statusCode).toBe(200);
    // Anonymous requests for a page of open data count too.
    expect((await app.inject({ url: "/api/v1/programmes", remoteAddress: "10.0.0.1" })).statusCode).toBe(429);
  });

  it("limits requests per signed-in account, whichever addresses they come from", async () => {
    const app = await appWith({
      INFOPROG_REQUESTS_PER_MINUTE_PER_IP: "0",
      INFOPROG_REQUESTS_PER_MINUTE_PER_ACCOUNT: "4",
    });
    await createUser(store, { login: "busy", password: TEST_PASSWORD, displayName: "b", role: "controller" });
    await createUser(store, { login: "calm", password: TEST_PASSWORD, displayName: "c", role: "controller" });
    const busy = await signIn(app, "busy");
    const calm = await signIn(app, "calm");
    const statuses: number[] = [];
    for (let index = 0; index < 5; index++) {
      const response = await busy.inject({ url: "/api/programmes", remoteAddress: `10.1.0.${index}` });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await calm.inject({ url: "/api/programmes" })).statusCode).toBe(200);
  });

  it("makes the session cookie Secure behind an HTTPS proxy it trusts, and only then", async () => {
    await createUser(store, {
      login: "cookie",
      password: TEST_PASSWORD,
      displayName: "c",
      role: "controller",
    });
    const login = (app: FastifyInstance, headers: Record<string, string> = {}) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers,
        payload: { login: "cookie", password: TEST_PASSWORD },
      });
    const secureOf = async (app: FastifyInstance, headers?: Record<string, string>) => {
      const response = await login(app, headers);
      expect(response.statusCode).toBe(200);
      return response.cookies.find((cookie) => cookie.name === "infoprog_session")?.secure === true;
    };
    const https = { "x-forwarded-proto": "https" };

    const untrusting = await appWith(UNLIMITED);
    expect(await secureOf(untrusting, https)).toBe(false);
    const behindProxy = await appWith({ ...UNLIMITED, INFOPROG_TRUST_PROXY: "loopback" });
    expect(await secureOf(behindProxy, https)).toBe(true);
    expect(await secureOf(behindProxy)).toBe(false);
    const publicHttps = await appWith({ ...UNLIMITED, INFOPROG_PUBLIC_URL: "https://prog.example.gov.ua" });
    expect(await secureOf(publicHttps)).toBe(true);
    const never = await appWith({
      ...UNLIMITED,
      INFOPROG_TRUST_PROXY: "loopback",
      INFOPROG_SECURE_COOKIE: "0",
    });
    expect(await secureOf(never, https)).toBe(false);
  });

  it("counts the client address a trusted proxy forwards, not the proxy's", async () => {
    const app = await appWith({ INFOPROG_TRUST_PROXY: "loopback", INFOPROG_REQUESTS_PER_MINUTE_PER_IP: "2" });
    const via = (client: string) =>
      app.inject({ url: "/api/health", headers: { "x-forwarded-for": client } });
    expect([(await via("203.0.113.1")).statusCode, (await via("203.0.113.1")).statusCode]).toEqual([
      200, 200,
    ]);
    expect((await via("203.0.113.1")).statusCode).toBe(429);
    expect((await via("203.0.113.2")).statusCode).toBe(200);
  });

  it("makes a login wait after repeated failures from any address, doubling the wait, without checking a password meanwhile", async () => {
    const app = await appWith({
      ...UNLIMITED,
      INFOPROG_LOGIN_FAILURES_BEFORE_BACKOFF: "3",
      INFOPROG_LOGIN_BACKOFF_SECONDS: "30",
      INFOPROG_LOGIN_BACKOFF_MAX_SECONDS: "45",
    });
    await createUser(store, { login: "victim", password: TEST_PASSWORD, displayName: "v", role: "head" });
    const attempt = (password: string, index: number) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress: `198.51.100.${index}`,
        payload: { login: "victim", password },
      });
    const failures: number[] = [];
    for (let index = 0; index < 3; index++)
      failures.push((await attempt("wrong-password", index)).statusCode);
    expect(failures).toEqual([401, 401, 401]);

    const waiting = await attempt(TEST_PASSWORD, 10);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers["retry-after"]).toBe("30");
    expect(waiting.cookies).toEqual([]);
    // Another login is not held back.
    await createUser(store, { login: "bystander", password: TEST_PASSWORD, displayName: "b", role: "head" });
    expect((await signIn(app, "bystander")).user.login).toBe("bystander");

    now += 31_000;
    expect((await attempt("wrong-password", 11)).statusCode).toBe(401);
    const longer = await attempt(TEST_PASSWORD, 12);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers["retry-after"]).toBe("45");

    now += 46_000;
    expect((await attempt(TEST_PASSWORD, 13)).statusCode).toBe(200);
    // A success forgets the failures.
    expect((await attempt("wrong-password", 14)).statusCode).toBe(401);
    expect((await attempt(TEST_PASSWORD, 15)).statusCode).toBe(200);
  });
});
