/**
 * General request limits (@fastify/rate-limit): per client address on every request, before anything
 * else is done with it, and per signed-in account once the session is known. Routes with a limit of
 * their own (sign-in, import, the public annual reports) set `config.rateLimit`, served by the same
 * plugin registration. The counters live in this process's memory.
 */
import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config, Limits } from "../config.js";
import { HttpError } from "./errors.js";

type Limiter = ReturnType<FastifyInstance["createRateLimit"]>;

const MINUTE_MS = 60_000;

/** Registers the plugin (route limits through `config.rateLimit`); call once, before the routes. */
export function registerRateLimit(app: FastifyInstance): void {
  app.register(rateLimit, { global: false });
}

function limitHook(
  app: FastifyInstance,
  max: number,
  options: { key: (request: FastifyRequest) => string | undefined; message: string },
) {
  let limiter: Limiter | undefined;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const key = options.key(request);
    if (key === undefined) return;
    limiter ??= app.createRateLimit({ max, timeWindow: MINUTE_MS, keyGenerator: options.key as never });
    const verdict = await limiter(request);
    if (verdict.isAllowed || !verdict.isExceeded) return;
    reply.header("retry-after", String(verdict.ttlInSeconds));
    throw new HttpError(429, options.message);
  };
}

/** The per-address limit; add it before the session is looked up. */
export function installAddressLimit(app: FastifyInstance, limits: Limits): void {
  if (limits.requestsPerMinutePerIp === 0) return;
  app.addHook(
    "onRequest",
    limitHook(app, limits.requestsPerMinutePerIp, {
      key: (request) => `ip:${request.ip}`,
      message: "Забагато запитів з цієї адреси: повторіть пізніше",
    }),
  );
}

/** The per-account limit; add it after the session is looked up (`request.auth`). */
export function installAccountLimit(app: FastifyInstance, limits: Limits): void {
  if (limits.requestsPerMinutePerAccount === 0) return;
  app.addHook(
    "onRequest",
    limitHook(app, limits.requestsPerMinutePerAccount, {
      key: (request) => (request.auth ? `user:${request.auth.user.id}` : undefined),
      message: "Забагато запитів від цього облікового запису: повторіть пізніше",
    }),
  );
}

/** Fastify's `trustProxy`: a number of hops as the function proxy-addr would make of it. */
export function trustProxyOf(
  setting: Config["trustProxy"],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === "number" ? (_address, hop) => hop < setting : setting;
}
