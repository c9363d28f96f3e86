import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { SecureCookie } from "../../config.js";
import { notificationList } from "../../contract/agreement.js";
import {
  loginBody,
  logoutSchema,
  meSchema,
  newUserBody,
  reminderSchema,
  userSchema,
} from "../../contract/auth.js";
import { errorSchema } from "../../contract/common.js";
import { canManagePlatform, UNBOUND } from "../../domain/scope.js";
import { checkPassword, createSession, deleteSession } from "../../store/auth.js";
import type { Store } from "../../store/index.js";
import { notificationsOf } from "../../store/notifications.js";
import { remindersOf } from "../../store/reminders.js";
import { createUser, listOrgUnits, listUsers } from "../../store/users.js";
import {
  actorOf,
  clearSessionCookie,
  communityReadScope,
  currentUser,
  forbidden,
  requireCommunityWrite,
  setSessionCookie,
  unauthorized,
} from "../auth.js";
import { HttpError } from "../errors.js";
import type { LoginBackoff } from "../login-backoff.js";
import type { ZodApp } from "../zod-provider.js";

const TAGS = ["auth"];

type NewUserBody = z.infer<typeof newUserBody>;

export interface AuthRouteOptions {
  store: Store;
  /** Login attempts per client address per minute. */
  loginAttemptsPerMinute: number;
  /** Failed sign-ins per login, with the wait they impose. */
  backoff: LoginBackoff;
  secureCookie: SecureCookie;
}

/** /api/me: the signed-in user's own reminders (the agreement notifications are beside them). */
export async function meRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.get(
    "/reminders",
    {
      schema: { tags: TAGS, summary: "Мої нагадування про звіти", response: { 200: reminderSchema.array() } },
    },
    (request) => remindersOf(store, currentUser(request).id),
  );
  app.get(
    "/notifications",
    {
      schema: {
        tags: ["agreement"],
        summary: "Мої сповіщення (погодження з Мінцифри)",
        response: { 200: notificationList },
      },
    },
    (request) => notificationsOf(store, currentUser(request).id),
  );
}

/** /api/users: the users a staff member may see, and new users. */
export async function userRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.get(
    "",
    { schema: { tags: TAGS, summary: "Користувачі", response: { 200: userSchema.array() } } },
    async (request) => {
      const scope = communityReadScope(request);
      if (scope === null) return [];
      return listUsers(store, scope === "*" ? undefined : scope);
    },
  );
  app.post<{ Body: z.infer<typeof newUserBody> }>(
    "",
    {
      schema: {
        tags: TAGS,
        summary: "Створити користувача",
        body: newUserBody,
        response: { 201: userSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      await checkNewUser(store, request, request.body);
      return reply.status(201).send(await createUser(store, request.body, actorOf(request)));
    },
  );
}

/**
 * A new user belongs to a community the creator may write (only a platform admin creates users bound to
 * none, and only of the roles that may be unbound); an executor's unit belongs to the same community.
 */
async function checkNewUser(store: Store, request: FastifyRequest, body: NewUserBody): Promise<void> {
  const katottg = body.katottg ?? null;
  if (body.role === "admin" && currentUser(request).role !== "admin")
    throw forbidden("Адміністратора може створити лише адміністратор");
  if (katottg === null) {
    if (!UNBOUND[body.role])
      throw new HttpError(400, "Користувача цієї ролі потрібно прив'язати до громади (katottg)");
    if (!canManagePlatform(currentUser(request))) {
      throw forbidden("Користувача без громади може створити лише адміністратор платформи");
    }
  } else requireCommunityWrite(request, katottg);
  if (body.role === "executor" && !body.orgUnitId) {
    throw new HttpError(400, "Виконавця потрібно прив'язати до структурного підрозділу (orgUnitId)");
  }
  if (body.orgUnitId) {
    const units = katottg === null ? [] : await listOrgUnits(store, katottg);
    if (!units.some((unit) => unit.id === body.orgUnitId)) {
      throw new HttpError(400, "Структурний підрозділ не належить громаді користувача");
    }
  }
}

/** /api/auth: sign-in, sign-out and the current user. */
export async function authRoutes(app: ZodApp, options: AuthRouteOptions): Promise<void> {
  const { store } = options;

  app.post<{ Body: z.infer<typeof loginBody> }>(
    "/login",
    {
      config: { rateLimit: { max: options.loginAttemptsPerMinute, timeWindow: 60_000 } },
      schema: {
        tags: TAGS,
        summary: "Вхід: сесійний cookie та CSRF-токен для заголовка x-csrf-token",
        body: loginBody,
        response: { 200: meSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const { login, password } = request.body;
      const wait = options.backoff.waitSeconds(login);
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new HttpError(429, `Забагато невдалих спроб входу: спробуйте через ${wait} с`);
      }
      const user = await checkPassword(store, login, password);
      if (!user) {
        options.backoff.failed(login);
        throw new HttpError(401, "Невірний логін або пароль");
      }
      options.backoff.succeeded(login);
      const session = await createSession(store, user);
      setSessionCookie(reply, request, session, options.secureCookie);
      return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post(
    "/logout",
    { schema: { tags: TAGS, summary: "Вихід", response: { 200: logoutSchema } } },
    async (request, reply) => {
      if (request.auth) await deleteSession(store, request.auth.token);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/me",
    { schema: { tags: TAGS, summary: "Поточний користувач і CSRF-токен", response: { 200: meSchema } } },
    (request) => {
      if (!request.auth) throw unauthorized();
      const { user, csrfToken, expiresAt } = request.auth;
      return { user, csrfToken, expiresAt };
    },
  );
}
