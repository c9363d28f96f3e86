import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { type Config, config as environmentConfig } from "../config.js";
import { healthSchema } from "../contract/common.js";
import type { Store } from "../store/index.js";
import { installErrorHandler } from "./errors.js";
import { registerHttpCache } from "./http-cache.js";
import { installAddressLimit, registerRateLimit, trustProxyOf } from "./limits.js";
import { V1_PREFIX, v1Routes } from "./routes/v1.js";
import { describeIssues, installZod } from "./zod-provider.js";

export interface PublicAppOptions {
  store: Store;
  logger?: FastifyServerOptions["logger"];
  /** The settings; default: `config()`, from the environment. */
  config?: Config;
}

/**
 * Only the public open-data API (/api/v1) and a health check: read-only, no sessions, no staff routes,
 * none of the import/export libraries — what a process behind a load balancer on a read replica serves
 * (docs/national-scale.md). The whole application (app.ts) serves the same routes too.
 */
export function buildPublicApp(options: PublicAppOptions): FastifyInstance {
  const settings = options.config ?? environmentConfig();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: settings.limits.bodyBytes,
    trustProxy: trustProxyOf(settings.trustProxy),
    schemaErrorFormatter: describeIssues,
  });
  installZod(app);
  installErrorHandler(app);
  registerRateLimit(app);
  installAddressLimit(app, settings.limits);
  registerHttpCache(app);
  app.addHook("onSend", async (_request, reply) => {
    reply.header("x-content-type-options", "nosniff");
  });
  app.get("/api/health", { schema: { response: { 200: healthSchema } } }, async () => ({
    status: "ok" as const,
  }));
  app.register(v1Routes, {
    prefix: V1_PREFIX,
    store: options.store,
    publicUrl: settings.publicUrl,
    annualReportsPerMinute: settings.limits.annualReportsPerMinute,
  });
  return app;
}
