/**
 * What the OpenAPI document at /api/docs/json says beyond the route schemas, so that clients' own
 * tools accept it (`redocly lint`, recommended rules; checked in CI by scripts/openapi-lint.ts):
 * - who may call an operation, from the same access rules the server enforces (access.ts): public
 *   operations need nothing, the others the session cookie, and writes also the CSRF header;
 * - an operationId for every operation, derived from its method and path unless the route names one;
 * - the client errors every operation can answer with, all as `{ error }` in Ukrainian;
 * - `servers`, the licence, and a `type` beside every `nullable` (OpenAPI 3.0 wants one; a nullable
 *   union of several types gets `nullable` on each of them).
 */
import type { FastifySchema } from "fastify";
import { accessRule, UNSAFE_METHODS } from "./access.js";
import { CSRF_HEADER, SESSION_COOKIE } from "./auth.js";

type Json = Record<string, unknown>;

export const SECURITY_SCHEMES = {
  session: {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "Сесія працівника: cookie, яке ставить POST /api/auth/login.",
  },
  csrf: {
    type: "apiKey",
    in: "header",
    name: CSRF_HEADER,
    description:
      "CSRF-токен сесії (з POST /api/auth/login або GET /api/auth/me) для запитів, що змінюють дані.",
  },
} as const;

const ERROR_BODY = {
  content: {
    "application/json": {
      schema: { type: "object", properties: { error: { type: "string" } }, required: ["error"] },
    },
  },
};

const CLIENT_ERRORS: Record<string, Json> = {
  "400": { description: "Некоректні дані запиту", ...ERROR_BODY },
  "401": { description: "Немає сесії або вона сплила", ...ERROR_BODY },
  "403": { description: "Роль не має права на цю дію або немає CSRF-токена", ...ERROR_BODY },
  "4XX": { description: "Інша помилка запиту (404, 409, 413, 429 …)", ...ERROR_BODY },
};

/** "GET /api/programmes/:id/export.:format" → "getProgrammesByIdExportByFormat". */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, "")
    .split(/[/.\-{}]+/)
    .filter((word) => word !== "")
    .map((word) => (word.startsWith(":") ? `By${capitalize(word.slice(1))}` : capitalize(word)));
  return method.toLowerCase() + words.map((word) => word.replace(/[^A-Za-z0-9]/g, "")).join("");
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function securityOf(method: string, url: string, marker: unknown): Json[] {
  const rule = accessRule(method, url, marker);
  if (rule === "public") return [];
  return UNSAFE_METHODS.has(method) ? [{ session: [], csrf: [] }] : [{ session: [] }];
}

/** The route's responses with a success answer and the client errors it may give. */
function responsesOf(schema: FastifySchema, signedIn: boolean, url: string): Json {
  const declared = (schema.response ?? {}) as Json;
  const out: Json = { ...declared };
  if (!Object.keys(declared).some((code) => code.startsWith("2"))) {
    out["200"] = { description: "Успішна відповідь", type: "null" };
  }
  const takesInput = Boolean(schema.body || schema.querystring || schema.params) || url.includes(":");
  const wanted = [...(takesInput ? ["400"] : []), ...(signedIn ? ["401", "403"] : []), "4XX"];
  for (const code of wanted) out[code] ??= CLIENT_ERRORS[code];
  return out;
}

interface RouteInfo {
  method: string | string[];
  url: string;
  config?: unknown;
}

/** Adds security, an operationId and the responses to one route's (already converted) schema. */
export function describeOperation(schema: FastifySchema | undefined, route: RouteInfo): FastifySchema {
  const method = Array.isArray(route.method) ? (route.method[0] ?? "GET") : route.method;
  const marker = (route.config as { access?: unknown } | undefined)?.access;
  const security = securityOf(method, route.url, marker);
  const base = (schema ?? {}) as FastifySchema & { operationId?: string; security?: Json[] };
  return {
    ...base,
    operationId: base.operationId ?? operationIdOf(method, route.url),
    security: base.security ?? security,
    response: responsesOf(base, security.length > 0, route.url),
  } as FastifySchema;
}

/** The types a schema's variants share, following $refs into the components. */
function variantTypes(node: Json, components: Json): Set<unknown> {
  const variants = [node.oneOf, node.anyOf, node.allOf].flatMap((each) => (Array.isArray(each) ? each : []));
  const types = new Set<unknown>();
  for (const variant of variants as Json[]) {
    const ref = typeof variant.$ref === "string" ? variant.$ref.split("/").pop() : undefined;
    const target = ref ? (components[ref] as Json | undefined) : variant;
    types.add(target?.type);
  }
  return types;
}

/** `anyOf: [string, number], nullable` → `anyOf: [nullable string, nullable number]`. */
function spreadNullable(schema: Json): void {
  const variants = schema.anyOf as Json[];
  if (variants.some((variant) => variant.$ref !== undefined || variant.type === undefined)) return;
  schema.anyOf = variants.map((variant) => ({ ...variant, nullable: true }));
  delete schema.nullable;
}

/** OpenAPI 3.0: `nullable` needs a `type` beside it; a union of one type gets that type. */
export function typeNullables(node: unknown, components: Json): void {
  if (Array.isArray(node)) {
    for (const each of node) typeNullables(each, components);
    return;
  }
  if (typeof node !== "object" || node === null) return;
  const schema = node as Json;
  if (schema.nullable === true && schema.type === undefined) {
    const types = variantTypes(schema, components);
    const [only] = types;
    if (types.size === 1 && typeof only === "string") schema.type = only;
    else if (Array.isArray(schema.anyOf)) spreadNullable(schema);
  }
  for (const value of Object.values(schema)) typeNullables(value, components);
}

export const LICENSE = { name: "MIT", url: "https://opensource.org/licenses/MIT" };
/** Relative: the document is served by the server it describes, whatever address that has. */
export const SERVERS = [{ url: "/", description: "Сервер, що віддає цей документ" }];

/** The whole document, after the routes: a type beside every nullable. */
export function completeDocument({ openapiObject }: { openapiObject: Json }): Json {
  const components = (openapiObject.components ?? {}) as Json;
  typeNullables(openapiObject, (components.schemas ?? {}) as Json);
  return openapiObject;
}
