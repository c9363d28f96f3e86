/**
 * The security headers, computed once (src/api/security.ts), are exactly the ones the Fastify plugin of
 * helmet sends with the same options, on every kind of answer: a route's, a 404 and an error.
 */
import fastifyHelmet from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contentSecurityPolicyHeader,
  HELMET_OPTIONS,
  helmetHeaders,
  registerSecurityHeaders,
} from "../../src/api/security.js";

const WEB_DIST = "/nonexistent";

function withRoutes(app: FastifyInstance): FastifyInstance {
  app.get("/ok", async () => ({ ok: true }));
  app.get("/fails", async () => {
    throw new Error("boom");
  });
  return app;
}

/** The headers of an answer that are not the answer's own (type, length, date, connection). */
function securityHeadersOf(headers: Record<string, unknown>): Record<string, string> {
  const own = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);
  return Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => !own.has(name.toLowerCase()))
      .map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
}

describe("security headers", () => {
  let ours: FastifyInstance;
  let plugin: FastifyInstance;

  beforeAll(async () => {
    ours = Fastify();
    registerSecurityHeaders(ours, WEB_DIST);
    withRoutes(ours);
    plugin = Fastify();
    // The same options object; the plugin's types name helmet's CommonJS declarations, ours its ESM ones.
    await plugin.register(fastifyHelmet, HELMET_OPTIONS as never);
    plugin.addHook("onRequest", (_request, reply, done) => {
      reply.header("content-security-policy", contentSecurityPolicyHeader(WEB_DIST));
      done();
    });
    withRoutes(plugin);
    await Promise.all([ours.ready(), plugin.ready()]);
  });
  afterAll(async () => {
    await Promise.all([ours.close(), plugin.close()]);
  });

  it.each(["/ok", "/missing", "/fails"])("%s carries the headers helmet's plugin sends", async (url) => {
    const [mine, theirs] = await Promise.all([ours.inject(url), plugin.inject(url)]);
    expect(mine.statusCode).toBe(theirs.statusCode);
    expect(securityHeadersOf(mine.headers)).toEqual(securityHeadersOf(theirs.headers));
    expect(mine.headers["x-frame-options"]).toBe("DENY");
    expect(mine.headers["strict-transport-security"]).toContain("max-age=");
  });

  it("are helmet's for the options, whatever the request", () => {
    const headers = helmetHeaders(HELMET_OPTIONS);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["content-security-policy"]).toBeUndefined();
    expect(helmetHeaders(HELMET_OPTIONS)).toEqual(headers);
  });
});
