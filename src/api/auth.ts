/**
 * Sessions and access control for every route.
 *
 * - The session token travels in the `infoprog_session` cookie: HttpOnly, SameSite=Strict, Path=/api.
 * - CSRF: double-submit token. `POST /api/auth/login` and `GET /api/auth/me` return `csrfToken`; every
 *   POST/PUT/PATCH/DELETE with a session must send it back in the `x-csrf-token` header (compared in
 *   constant time with the session's own token). SameSite=Strict is a second line of defence.
 * - Access: `accessRule` (access.ts) per route; no session on a non-public route → 401, a role the
 *   rule does not name → 403. A user bound to a community (head, executor, controller) sees only that
 *   community's programmes: another community's programme answers 404, and the list is filtered.
 */
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../store/audit.js";
import { monitoringDb } from "../store/audit.js";
import { findSession, type Session, sameToken } from "../store/auth.js";
import type { Store } from "../store/index.js";
import type { User } from "../store/users.js";
import { accessRule, allows, UNSAFE_METHODS } from "./access.js";
import { HttpError, notFound } from "./errors.js";

export const SESSION_COOKIE = "infoprog_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    auth: Session | null;
  }
}

export const unauthorized = () => new HttpError(401, "Увійдіть у систему");
export const forbidden = (message = "Недостатньо прав для цієї дії") => new HttpError(403, message);

export function currentUser(request: FastifyRequest): User {
  if (!request.auth) throw unauthorized();
  return request.auth.user;
}

export function actorOf(request: FastifyRequest): Actor {
  return request.auth ? { userId: request.auth.user.id } : null;
}

export function setSessionCookie(reply: FastifyReply, request: FastifyRequest, session: Session): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "strict",
    secure: request.protocol === "https",
    path: "/api",
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/api" });
}

async function programmeKatottg(store: Store, id: number): Promise<string | undefined> {
  const row = await monitoringDb(store)
    .selectFrom("programmes")
    .select("katottg")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.katottg;
}

/** A user bound to a community reaches only its programmes. */
async function checkCommunity(store: Store, request: FastifyRequest, user: User): Promise<void> {
  if (user.katottg === null) return;
  const url = request.routeOptions.url ?? "";
  if (url === "/api/programmes" && request.method === "GET") {
    (request.query as Record<string, unknown>).katottg = user.katottg;
    return;
  }
  if (!url.startsWith("/api/programmes/:id")) return;
  const id = Number((request.params as { id?: string }).id);
  if (!Number.isSafeInteger(id)) return;
  const katottg = await programmeKatottg(store, id);
  if (katottg !== undefined && katottg !== user.katottg) throw notFound("Програму не знайдено");
}

function checkCsrf(request: FastifyRequest, session: Session): void {
  if (!UNSAFE_METHODS.has(request.method)) return;
  const header = request.headers[CSRF_HEADER];
  if (typeof header !== "string" || !sameToken(header, session.csrfToken)) {
    throw forbidden("Недійсний або відсутній CSRF-токен (заголовок x-csrf-token)");
  }
}

async function authorize(store: Store, request: FastifyRequest): Promise<void> {
  const url = request.routeOptions.url;
  if (url === undefined) return;
  const token = request.cookies[SESSION_COOKIE];
  request.auth = token ? ((await findSession(store, token)) ?? null) : null;
  const config = request.routeOptions.config as { access?: unknown } | undefined;
  const rule = accessRule(request.method, url, config?.access);
  if (rule === "public") return;
  if (!request.auth) throw unauthorized();
  checkCsrf(request, request.auth);
  if (!allows(rule, request.auth.user.role)) throw forbidden();
  await checkCommunity(store, request, request.auth.user);
}

/** Cookies, the request's session and the access check before validation of every route. */
export function installAuth(app: FastifyInstance, store: Store): void {
  app.register(cookie);
  app.decorateRequest("auth", null);
  app.addHook("preValidation", (request) => authorize(store, request));
}
