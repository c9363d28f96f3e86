import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ROLES } from "../../domain/roles.js";
import { checkPassword, createSession, deleteSession } from "../../store/auth.js";
import type { Store } from "../../store/index.js";
import { remindersOf } from "../../store/reminders.js";
import { createUser, ensureOrgUnit, listOrgUnits, listUsers } from "../../store/users.js";
import { actorOf, clearSessionCookie, currentUser, setSessionCookie, unauthorized } from "../auth.js";
import { HttpError } from "../errors.js";
import { errorSchema } from "../schemas.js";

const TAGS = ["auth"];

const loginBody = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(1).max(1000),
});
const userSchema = z.object({
  id: z.number(),
  login: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  orgUnitId: z.number().nullable(),
  katottg: z.string().nullable(),
});
const meSchema = z.object({ user: userSchema, csrfToken: z.string(), expiresAt: z.string() });
const newUserBody = z.object({
  login: z.string().trim().min(1).max(200),
  password: z.string().min(8).max(1000),
  displayName: z.string().trim().min(1),
  role: z.enum(ROLES),
  email: z.email().nullable().optional(),
  orgUnitId: z.int().positive().nullable().optional(),
  katottg: z.string().trim().min(1).nullable().optional(),
});
const orgUnitSchema = z.object({ id: z.number(), katottg: z.string(), name: z.string() });
const orgUnitBody = z.object({ katottg: z.string().trim().min(1), name: z.string().trim().min(1) });
const orgUnitQuery = z.object({ katottg: z.string().optional() });

export interface AuthRouteOptions {
  store: Store;
  /** Login attempts per client address per minute. */
  loginAttemptsPerMinute?: number;
}

function accountRoutes(app: FastifyInstance, store: Store): void {
  app.get("/api/me/reminders", { schema: { tags: TAGS, summary: "Мої нагадування про звіти" } }, (request) =>
    remindersOf(store, currentUser(request).id),
  );
  app.get(
    "/api/users",
    { schema: { tags: TAGS, summary: "Користувачі", response: { 200: userSchema.array() } } },
    () => listUsers(store),
  );
  app.post<{ Body: z.infer<typeof newUserBody> }>(
    "/api/users",
    {
      schema: {
        tags: TAGS,
        summary: "Створити користувача",
        body: newUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      if (request.body.role === "executor" && !request.body.orgUnitId) {
        throw new HttpError(400, "Виконавця потрібно прив'язати до структурного підрозділу (orgUnitId)");
      }
      return reply.status(201).send(await createUser(store, request.body, actorOf(request)));
    },
  );
  app.get<{ Querystring: z.infer<typeof orgUnitQuery> }>(
    "/api/org-units",
    { schema: { tags: TAGS, summary: "Структурні підрозділи", querystring: orgUnitQuery } },
    (request) => listOrgUnits(store, currentUser(request).katottg ?? request.query.katottg),
  );
  app.post<{ Body: z.infer<typeof orgUnitBody> }>(
    "/api/org-units",
    {
      schema: {
        tags: TAGS,
        summary: "Додати структурний підрозділ",
        body: orgUnitBody,
        response: { 201: orgUnitSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await ensureOrgUnit(store, request.body.katottg, request.body.name, actorOf(request))),
  );
}

/** Sign-in, sign-out, the current user, users and org units. */
export async function authRoutes(app: FastifyInstance, options: AuthRouteOptions): Promise<void> {
  const { store } = options;
  await app.register(rateLimit, { global: false });

  app.post<{ Body: z.infer<typeof loginBody> }>(
    "/api/auth/login",
    {
      config: { rateLimit: { max: options.loginAttemptsPerMinute ?? 10, timeWindow: 60_000 } },
      schema: {
        tags: TAGS,
        summary: "Вхід: сесійний cookie та CSRF-токен для заголовка x-csrf-token",
        body: loginBody,
        response: { 200: meSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const user = await checkPassword(store, request.body.login, request.body.password);
      if (!user) throw new HttpError(401, "Невірний логін або пароль");
      const session = await createSession(store, user);
      setSessionCookie(reply, request, session);
      return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post("/api/auth/logout", { schema: { tags: TAGS, summary: "Вихід" } }, async (request, reply) => {
    if (request.auth) await deleteSession(store, request.auth.token);
    clearSessionCookie(reply);
    return { ok: true };
  });

  app.get(
    "/api/auth/me",
    { schema: { tags: TAGS, summary: "Поточний користувач і CSRF-токен", response: { 200: meSchema } } },
    (request) => {
      if (!request.auth) throw unauthorized();
      const { user, csrfToken, expiresAt } = request.auth;
      return { user, csrfToken, expiresAt };
    },
  );

  accountRoutes(app, store);
}
