/**
 * Every environment variable of the application, parsed in one place with zod: typed, checked, with its
 * default. Code reads `config()`, never `process.env`; a test builds its own with `configFrom({ … })`.
 * The README's configuration table lists each variable (a test checks that it does).
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

const TRUE = ["1", "true", "yes", "on"];
const FALSE = ["0", "false", "no", "off"];

const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .refine((text) => text === undefined || [...TRUE, ...FALSE].includes(text.toLowerCase()), {
      message: "очікувалося 1/0, true/false, yes/no або on/off",
    })
    .transform((text) => (text === undefined ? fallback : TRUE.includes(text.toLowerCase())));

const whole = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const MB = 1024 * 1024;

/** Threads that parse imports beside the event loop: a core is left to it, at most 4 (see pool.ts). */
export const DEFAULT_IMPORT_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));

/** `true`, a number of proxy hops, or addresses/CIDRs (and proxy-addr's names, e.g. `loopback`). */
const trustProxy = z
  .string()
  .optional()
  .transform((text): boolean | number | string[] => {
    const value = text?.trim().toLowerCase() ?? "";
    if (value === "" || FALSE.includes(value)) return false;
    if (value === "true") return true;
    if (/^\d+$/.test(value)) return Number(value);
    return value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  });

/** The variables, by name; see the README's configuration table for what each means. */
export const ENV_SCHEMA = z.object({
  DATABASE_URL: z.string().optional(),
  INFOPROG_DATA_DIR: z.string().default("./data/pglite"),
  INFOPROG_EXPORTS_DIR: z.string().default(path.join("data", "exports")),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  INFOPROG_DEMO: flag(true),
  INFOPROG_DEMO_PASSWORD: z.string().default("demo"),
  SMTP_URL: z.string().optional(),
  SMTP_FROM: z.string().default("infoprog@localhost"),
  INFOPROG_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  INFOPROG_TRUST_PROXY: trustProxy,
  INFOPROG_SECURE_COOKIE: z
    .string()
    .toLowerCase()
    .pipe(z.enum(["auto", ...TRUE, ...FALSE]))
    .default("auto"),
  INFOPROG_BODY_LIMIT_BYTES: whole(MB, 1024),
  INFOPROG_REQUESTS_PER_MINUTE_PER_IP: whole(1200),
  INFOPROG_REQUESTS_PER_MINUTE_PER_ACCOUNT: whole(600),
  INFOPROG_UPLOADS_PER_MINUTE: whole(60, 1),
  INFOPROG_ATTACHMENT_LIMIT_BYTES: whole(10 * MB, 1024),
  INFOPROG_INVITATION_HOURS: whole(72, 1),
  INFOPROG_LOGIN_ATTEMPTS_PER_MINUTE: whole(10, 1),
  INFOPROG_LOGIN_FAILURES_BEFORE_BACKOFF: whole(5, 1),
  INFOPROG_LOGIN_BACKOFF_SECONDS: whole(30, 1),
  INFOPROG_LOGIN_BACKOFF_MAX_SECONDS: whole(900, 1),
  INFOPROG_ANNUAL_REPORTS_PER_MINUTE: whole(30, 1),
  INFOPROG_LOGIN: z.string().optional(),
  PATH: z.string().default("/usr/local/bin:/usr/bin:/bin"),
  INFOPROG_SOFFICE: z.string().optional(),
  INFOPROG_SOFFICE_TIMEOUT_SECONDS: whole(120, 1),
  INFOPROG_TESSERACT: z.string().optional(),
  INFOPROG_PDFTOPPM: z.string().optional(),
  INFOPROG_PASSWORD: z.string().optional(),
  INFOPROG_URL_IMPORT_TIMEOUT_SECONDS: whole(60, 1),
  INFOPROG_URL_IMPORT_MAX_REDIRECTS: whole(5),
  INFOPROG_IMPORT_WORKERS: whole(DEFAULT_IMPORT_WORKERS),
  INFOPROG_IMPORT_WORKER_MEMORY_MB: whole(1024, 16),
  INFOPROG_IMPORT_TIMEOUT_SECONDS: whole(600, 1),
});

export type LogLevel = z.infer<typeof ENV_SCHEMA>["LOG_LEVEL"];
/** When the session cookie carries `Secure`: always, never, or when the request came over HTTPS. */
export type SecureCookie = "always" | "never" | "when-https";

export interface Limits {
  /** Body of any route that does not declare its own `bodyLimit` (only the import route does). */
  bodyBytes: number;
  /** General limits per client address and per signed-in account; 0 turns one off. */
  requestsPerMinutePerIp: number;
  requestsPerMinutePerAccount: number;
  uploadsPerMinute: number;
  /** One file attached to an executor report (checked after sign-in, before the body is read). */
  attachmentBytes: number;
  /** Sign-in attempts per client address. */
  loginAttemptsPerMinute: number;
  /** Failed sign-ins of one login before it must wait; the wait doubles with each further failure. */
  loginFailuresBeforeBackoff: number;
  loginBackoffSeconds: number;
  loginBackoffMaxSeconds: number;
  /** Requests per client address for the public annual report files. */
  annualReportsPerMinute: number;
}

export interface Config {
  database: { url?: string; dataDir: string };
  exportsDir: string;
  listen: { port: number; host: string };
  logLevel: LogLevel;
  demo: { enabled: boolean; password: string };
  smtp: { url?: string; from: string };
  /** Origin (and path, if any) the public reaches the server at, without a trailing slash. */
  publicUrl: string;
  /** Fastify's `trustProxy`: whose X-Forwarded-For/-Proto/-Host to believe. */
  trustProxy: boolean | number | string[];
  secureCookie: SecureCookie;
  limits: Limits;
  /** How long an invitation link stays valid. */
  invitationHours: number;
  /** Who `infoprog import --server` signs in as (the password never goes on the command line). */
  cli: { login?: string; password?: string };
  /** External programs the importer runs for DOC/RTF and scanned PDFs; unset: looked up on PATH. */
  tools: {
    path: string;
    soffice?: string;
    /** One LibreOffice conversion (DOC/RTF → DOCX), killed past it. */
    sofficeTimeoutMs: number;
    tesseract?: string;
    pdftoppm?: string;
  };
  /** Import from a URL: the whole download's time and the redirects followed (its size: the upload's). */
  urlImport: { timeoutMs: number; maxRedirects: number };
  /**
   * Worker threads the server parses uploaded documents on, so that other requests are answered
   * meanwhile; 0: on the event loop itself. The CLI always parses on its own thread.
   */
  importWorkers: number;
  /**
   * What one worker thread may take: its JavaScript heap (`resourceLimits`) and the wall-clock time of
   * one import on it, waits for a LibreOffice/OCR slot aside; past either the thread is ended.
   */
  importWorker: { memoryMb: number; timeoutMs: number };
}

function defaultPublicUrl(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  return `http://${name.includes(":") ? `[${name}]` : name}:${port}`;
}

function secureCookieOf(setting: string, publicUrl: string): SecureCookie {
  if (TRUE.includes(setting)) return "always";
  if (FALSE.includes(setting)) return "never";
  return publicUrl.startsWith("https:") ? "always" : "when-https";
}

export class ConfigError extends Error {}

/** The configuration of an environment; an empty variable counts as unset. */
export function configFrom(env: Record<string, string | undefined>): Config {
  const given = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = ENV_SCHEMA.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Некоректні змінні середовища: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const publicUrl = (e.INFOPROG_PUBLIC_URL ?? defaultPublicUrl(e.HOST, e.PORT)).replace(/\/+$/, "");
  return {
    database: { url: e.DATABASE_URL, dataDir: e.INFOPROG_DATA_DIR },
    exportsDir: e.INFOPROG_EXPORTS_DIR,
    listen: { port: e.PORT, host: e.HOST },
    logLevel: e.LOG_LEVEL,
    demo: { enabled: e.INFOPROG_DEMO, password: e.INFOPROG_DEMO_PASSWORD },
    smtp: { url: e.SMTP_URL, from: e.SMTP_FROM },
    publicUrl,
    trustProxy: e.INFOPROG_TRUST_PROXY,
    secureCookie: secureCookieOf(e.INFOPROG_SECURE_COOKIE, publicUrl),
    limits: {
      bodyBytes: e.INFOPROG_BODY_LIMIT_BYTES,
      requestsPerMinutePerIp: e.INFOPROG_REQUESTS_PER_MINUTE_PER_IP,
      requestsPerMinutePerAccount: e.INFOPROG_REQUESTS_PER_MINUTE_PER_ACCOUNT,
      uploadsPerMinute: e.INFOPROG_UPLOADS_PER_MINUTE,
      attachmentBytes: e.INFOPROG_ATTACHMENT_LIMIT_BYTES,
      loginAttemptsPerMinute: e.INFOPROG_LOGIN_ATTEMPTS_PER_MINUTE,
      loginFailuresBeforeBackoff: e.INFOPROG_LOGIN_FAILURES_BEFORE_BACKOFF,
      loginBackoffSeconds: e.INFOPROG_LOGIN_BACKOFF_SECONDS,
      loginBackoffMaxSeconds: e.INFOPROG_LOGIN_BACKOFF_MAX_SECONDS,
      annualReportsPerMinute: e.INFOPROG_ANNUAL_REPORTS_PER_MINUTE,
    },
    invitationHours: e.INFOPROG_INVITATION_HOURS,
    cli: { login: e.INFOPROG_LOGIN, password: e.INFOPROG_PASSWORD },
    tools: {
      path: e.PATH,
      soffice: e.INFOPROG_SOFFICE,
      sofficeTimeoutMs: e.INFOPROG_SOFFICE_TIMEOUT_SECONDS * 1000,
      tesseract: e.INFOPROG_TESSERACT,
      pdftoppm: e.INFOPROG_PDFTOPPM,
    },
    urlImport: {
      timeoutMs: e.INFOPROG_URL_IMPORT_TIMEOUT_SECONDS * 1000,
      maxRedirects: e.INFOPROG_URL_IMPORT_MAX_REDIRECTS,
    },
    importWorkers: e.INFOPROG_IMPORT_WORKERS,
    importWorker: {
      memoryMb: e.INFOPROG_IMPORT_WORKER_MEMORY_MB,
      timeoutMs: e.INFOPROG_IMPORT_TIMEOUT_SECONDS * 1000,
    },
  };
}

const NAMES = Object.keys(ENV_SCHEMA.shape);

/**
 * The variables `config()` reads, as this process has them now: a worker thread (the import pool's)
 * sets them on its own copy of the environment, so that its `config()` is the caller's.
 */
export function configEnvironment(): Record<string, string | undefined> {
  return Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
}

/** In a worker thread: the caller's variables (`configEnvironment`) in place of this thread's. */
export function adoptConfigEnvironment(env: Record<string, string | undefined>): void {
  for (const name of NAMES) {
    const value = env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
let cached: { key: string; config: Config } | undefined;

/**
 * The process's configuration, parsed once; parsed again only if one of its variables changed since
 * (a test that points a variable elsewhere before it builds the app).
 */
export function config(): Config {
  const key = JSON.stringify(NAMES.map((name) => process.env[name] ?? null));
  if (cached?.key !== key) cached = { key, config: configFrom(process.env) };
  return cached.config;
}
