/**
 * Sessions and access control for every route.
 *
 * - The session token travels in the `infoprog_session` cookie: HttpOnly, SameSite=Strict, Path=/api.
 * - CSRF: double-submit token. `POST /api/auth/login` and `GET /api/auth/me` return `csrfToken`; every
 *   POST/PUT/PATCH/DELETE with a session must send it back in the `x-csrf-token` header (compared in
 *   constant time with the session's own token). SameSite=Strict is a second line of defence.
 * - Access: `accessRule` (access.ts) per route; no session on a non-public route → 401, a role the
 *   rule does not name → 403.
 * - Community: src/domain/scope.ts decides which communities a user reads and writes. Here it is applied
 *   to every route under /api/programmes/:id — a programme of a community the user may not read answers
 *   404, one it may read but not write answers 403 to an unsafe method. Routes that take a community in
 *   their body (an import, an edit, an org unit, a user) call `requireCommunityWrite` themselves.
 */
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { SecureCookie } from "../config.js";
import { INT4_MAX } from "../contract/common.js";
import { type CommunityScope, canReadCommunity, canWriteCommunity, readScope } from "../domain/scope.js";
import type { Actor } from "../store/audit.js";
import { findSession, programmeKatottg, type Session, sameToken } from "../store/auth.js";
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

/** `Secure` always, never, or when the request came over HTTPS (behind a trusted proxy: X-Forwarded-Proto). */
export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  session: Session,
  secureCookie: SecureCookie,
): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "strict",
    secure: secureCookie === "always" || (secureCookie === "when-https" && request.protocol === "https"),
    path: "/api",
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/api" });
}

const OTHER_COMMUNITY = "Це дані іншої громади: змінювати можна лише дані своєї громади";

/** Refuses (403) a write into a community the signed-in user may not write. */
export function requireCommunityWrite(request: FastifyRequest, katottg: string): void {
  if (canWriteCommunity(currentUser(request), katottg)) return;
  throw forbidden(
    katottg.startsWith("name:")
      ? "Документ не має коду громади за КАТОТТГ (поле 2 паспорта): зберегти його може лише адміністратор платформи"
      : OTHER_COMMUNITY,
  );
}

/** The communities the signed-in user reads: "*" (all), one code, or null (none). */
export function communityReadScope(request: FastifyRequest): CommunityScope {
  return readScope(currentUser(request));
}

/** A programme addressed by id: invisible (404) outside the user's read scope, 403 to a write outside its write scope. */
async function checkCommunity(store: Store, request: FastifyRequest, user: User): Promise<void> {
  const url = request.routeOptions.url ?? "";
  if (!url.startsWith("/api/programmes/:id")) return;
  const id = Number((request.params as { id?: string }).id);
  if (!Number.isSafeInteger(id) || id < 1 || id > INT4_MAX) return;
  const katottg = await programmeKatottg(store, id);
  if (katottg === undefined) return;
  if (!canReadCommunity(user, katottg)) throw notFound("Програму не знайдено");
  if (UNSAFE_METHODS.has(request.method) && !canWriteCommunity(user, katottg))
    throw forbidden(OTHER_COMMUNITY);
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

/**
 * Cookies, the request's session and the access check of every route, as soon as the request is routed:
 * before its body is read, so that nobody without the right to a route makes the server parse a body.
 */
export function installAuth(app: FastifyInstance, store: Store): void {
  app.register(cookie);
  app.decorateRequest("auth", null);
  app.addHook("onRequest", (request) => authorize(store, request));
}
