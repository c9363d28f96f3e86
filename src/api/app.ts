import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { type Config, config as environmentConfig } from "../config.js";
import { healthSchema } from "../contract/common.js";
import { fetchDocument as defaultFetchDocument } from "../import/fetch-url.js";
import { createImportPool } from "../import/pool.js";
import type { Store } from "../store/index.js";
import type { Mailer } from "../store/reminders.js";
import { installAuth } from "./auth.js";
import { HttpError, installErrorHandler } from "./errors.js";
import { registerHttpCache, staticCacheControl } from "./http-cache.js";
import { installAccountLimit, installAddressLimit, registerRateLimit, trustProxyOf } from "./limits.js";
import { LoginBackoff } from "./login-backoff.js";
import { completeDocument, describeOperation, LICENSE, SECURITY_SCHEMES, SERVERS } from "./openapi.js";
import { publicPageRoutes } from "./public-page.js";
import { agreementRoutes } from "./routes/agreement.js";
import { authRoutes, meRoutes, userRoutes } from "./routes/auth.js";
import { categoryRoutes } from "./routes/categories.js";
import { dashboardRoutes } from "./routes/dashboard.js";
import { exportRoutes, publicExportRoutes } from "./routes/export.js";
import { type FetchDocument, type ImportDocument, importRoutes, importUrlRoutes } from "./routes/import.js";
import { invitationRoutes } from "./routes/invitations.js";
import { type Clock, monitoringRoutes } from "./routes/monitoring.js";
import { orgUnitRoutes } from "./routes/org-units.js";
import { programmeRoutes, validateRoutes } from "./routes/programmes.js";
import { projectEditRoutes } from "./routes/project-edit.js";
import { publicRoutes } from "./routes/public.js";
import { reportAttachmentRoutes } from "./routes/report-attachments.js";
import { reviewRoutes } from "./routes/reviews.js";
import { V1_PREFIX, v1Routes } from "./routes/v1.js";
import { registerSecurityHeaders } from "./security.js";
import {
  describeIssues,
  installZod,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
} from "./zod-provider.js";

/** The package root: the nearest folder above this module with a package.json (src/ or dist/server/). */
function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export const DEFAULT_WEB_DIST = path.join(packageRoot(), "web/dist");

export interface AppOptions {
  store: Store;
  /**
   * The document importer; by default src/import's importDocument on a pool of
   * `config.importWorkers` worker threads (src/import/pool.ts), ended when the app closes.
   */
  importDocument?: ImportDocument;
  /** Fetches a document for import from a URL; by default src/import's fetchDocument (public addresses only). */
  fetchDocument?: FetchDocument;
  /** The built web app; served when the folder exists. Default: web/dist. */
  webDist?: string;
  logger?: FastifyServerOptions["logger"];
  /** "Now" for report submission times (tests); default the system clock. */
  clock?: Clock;
  /** The settings; default: `config()`, from the environment. */
  config?: Config;
  /** Login attempts per client address per minute; overrides the configuration (tests). */
  loginAttemptsPerMinute?: number;
  /** "Now" in epoch ms for the sign-in backoff (tests); default Date.now. */
  now?: () => number;
  /** Sends the head's reminders to executors by e-mail (SMTP_URL); without it they are in the app only. */
  mailer?: Mailer | undefined;
}

function registerDocs(app: FastifyInstance): void {
  app.register(swagger, {
    openapi: {
      info: {
        title: "infoprog API",
        description:
          "Програми інформатизації територіальних громад: імпорт, перевірка, версії, оприлюднення.",
        version: "0.1.0",
        license: LICENSE,
      },
      servers: SERVERS,
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: (document) => {
      const converted = jsonSchemaTransform(document);
      return { url: converted.url, schema: describeOperation(converted.schema, document.route) };
    },
    transformObject: (documents) =>
      completeDocument({ openapiObject: jsonSchemaTransformObject(documents) as never }) as never,
  });
  app.register(swaggerUi, { routePrefix: "/api/docs" });
}

function registerWebApp(app: FastifyInstance, webDist: string): void {
  app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, filePath) => reply.header("cache-control", staticCacheControl(webDist, filePath)),
  });
}

function installNotFound(app: FastifyInstance, serveWebApp: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url === "/api" || request.url.startsWith("/api/");
    const isPublicPage = request.url === "/p" || request.url.startsWith("/p/");
    if (serveWebApp && request.method === "GET" && !isApi) {
      return reply.sendFile(isPublicPage ? "public.html" : "index.html");
    }
    throw new HttpError(404, "Не знайдено");
  });
}

/** Inside a plugin, as every route, so that the OpenAPI document (registered before) sees it. */
async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    "",
    { schema: { tags: ["service"], summary: "Стан сервісу", response: { 200: healthSchema } } },
    async () => ({ status: "ok" as const }),
  );
}

/**
 * The importer on its threads: started when the server listens (a test's `inject` starts them on its
 * first import only), ended with the app.
 */
function importPoolOf(app: FastifyInstance, settings: Config): ImportDocument {
  const pool = createImportPool(settings.importWorkers, settings.importWorker);
  app.addHook("onListen", async () => pool.warm());
  app.addHook("onClose", () => pool.close());
  return pool.importDocument;
}

/** One plugin per room, each under its prefix (the route files spell only the rest of the path). */
function registerRooms(app: FastifyInstance, options: AppOptions, settings: Config): void {
  const { store, clock } = options;
  const importDocument = options.importDocument ?? importPoolOf(app, settings);
  app.register(healthRoutes, { prefix: "/api/health" });
  const programmes = { prefix: "/api/programmes", store };
  app.register(programmeRoutes, programmes);
  app.register(projectEditRoutes, programmes);
  app.register(exportRoutes, programmes);
  app.register(categoryRoutes, programmes);
  app.register(monitoringRoutes, { ...programmes, clock });
  app.register(reportAttachmentRoutes, {
    ...programmes,
    maxBytes: settings.limits.attachmentBytes,
    uploadsPerMinute: settings.limits.uploadsPerMinute,
  });
  app.register(dashboardRoutes, { ...programmes, clock });
  app.register(reviewRoutes, { ...programmes, clock, mailer: options.mailer });
  app.register(validateRoutes, { prefix: "/api/validate" });
  app.register(publicRoutes, { prefix: "/api/public", store });
  app.register(publicExportRoutes, { prefix: "/api/public", store });
  app.register(importRoutes, { prefix: "/api/import", store, importDocument });
  app.register(importUrlRoutes, {
    prefix: "/api/import",
    store,
    importDocument,
    fetchDocument: options.fetchDocument ?? ((url: string) => defaultFetchDocument(url)),
  });
  app.register(authRoutes, {
    prefix: "/api/auth",
    store,
    loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? settings.limits.loginAttemptsPerMinute,
    backoff: new LoginBackoff(settings.limits, options.now),
    secureCookie: settings.secureCookie,
  });
  app.register(invitationRoutes, {
    prefix: "/api/invitations",
    store,
    publicUrl: settings.publicUrl,
    invitationHours: settings.invitationHours,
    attemptsPerMinute: options.loginAttemptsPerMinute ?? settings.limits.loginAttemptsPerMinute,
    now: options.now,
  });
  app.register(meRoutes, { prefix: "/api/me", store });
  app.register(userRoutes, { prefix: "/api/users", store });
  app.register(orgUnitRoutes, { prefix: "/api/org-units", store });
  app.register(agreementRoutes, { prefix: "/api/agreement", store });
  app.register(v1Routes, {
    prefix: V1_PREFIX,
    store,
    publicUrl: settings.publicUrl,
    annualReportsPerMinute: settings.limits.annualReportsPerMinute,
  });
}

/** The HTTP API (and the web app, when built) over a store. */
export function buildApp(options: AppOptions): FastifyInstance {
  const settings = options.config ?? environmentConfig();
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: settings.limits.bodyBytes,
    trustProxy: trustProxyOf(settings.trustProxy),
    schemaErrorFormatter: describeIssues,
  });
  installZod(app);
  installErrorHandler(app);
  registerSecurityHeaders(app, options.webDist ?? DEFAULT_WEB_DIST);
  registerRateLimit(app);
  installAddressLimit(app, settings.limits);
  registerHttpCache(app);
  installAuth(app, options.store);
  installAccountLimit(app, settings.limits);
  registerDocs(app);
  const { store } = options;
  registerRooms(app, options, settings);

  const webDist = options.webDist ?? DEFAULT_WEB_DIST;
  const serveWebApp = existsSync(path.join(webDist, "index.html"));
  if (serveWebApp) registerWebApp(app, webDist);
  if (serveWebApp && existsSync(path.join(webDist, "public.html"))) {
    app.register(publicPageRoutes, { store, webDist });
  }
  installNotFound(app, serveWebApp);
  return app;
}
