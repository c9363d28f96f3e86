/**
 * Invitations: the head (or the admin) invites a person by e-mail with a role and a unit of their
 * community; the answer carries the one-time link, which is also logged (no mail server is needed:
 * the head hands the link over). The invitee opens /invite/:token and sets a password; the link works
 * once and until it expires (INFOPROG_INVITATION_HOURS).
 */
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { errorSchema } from "../../contract/common.js";
import {
  acceptedInvitation,
  acceptInvitationBody,
  createdInvitation,
  invitationSchema,
  invitationsQuery,
  type NewInvitationBody,
  newInvitationBody,
  tokenParams,
} from "../../contract/invitations.js";
import type { Store } from "../../store/index.js";
import {
  acceptInvitation,
  createInvitation,
  InvitationError,
  openInvitation,
  pendingInvitations,
} from "../../store/invitations.js";
import { listOrgUnits } from "../../store/users.js";
import { actorOf, communityReadScope, currentUser, requireCommunityWrite } from "../auth.js";
import { HttpError } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

const TAGS = ["auth"];
const HOUR_MS = 3_600_000;

export interface InvitationRouteOptions {
  store: Store;
  publicUrl: string;
  invitationHours: number;
  attemptsPerMinute: number;
  now?: () => number;
}

type TokenParams = z.infer<typeof tokenParams>;

function refusalToHttp(error: unknown): never {
  if (error instanceof InvitationError) {
    const status = { unknown: 404, used: 410, expired: 410, taken: 409 }[error.reason];
    throw new HttpError(status, error.message);
  }
  throw error;
}

/** The community the invitation is for, which the caller must be able to write; the unit is of it. */
async function checkedInvitation(store: Store, request: FastifyRequest, body: NewInvitationBody) {
  const katottg = body.katottg ?? currentUser(request).katottg;
  if (!katottg) throw new HttpError(400, "Вкажіть громаду (katottg)");
  requireCommunityWrite(request, katottg);
  const orgUnitId = body.orgUnitId ?? null;
  if (body.role === "executor" && orgUnitId === null) {
    throw new HttpError(400, "Виконавця потрібно прив'язати до структурного підрозділу (orgUnitId)");
  }
  if (orgUnitId !== null && !(await listOrgUnits(store, katottg)).some((unit) => unit.id === orgUnitId)) {
    throw new HttpError(400, "Структурний підрозділ не належить громаді");
  }
  return { katottg, email: body.email, displayName: body.displayName, role: body.role, orgUnitId };
}

function staffRoutes(app: ZodApp, options: InvitationRouteOptions, now: () => Date): void {
  const { store } = options;
  app.post(
    "",
    {
      schema: {
        tags: TAGS,
        summary: "Запросити користувача за e-mail: одноразове посилання (показується й пишеться в журнал)",
        body: newInvitationBody,
        response: { 201: createdInvitation, 400: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      const input = await checkedInvitation(store, request, request.body);
      const expiresAt = new Date(now().getTime() + options.invitationHours * HOUR_MS);
      const { invitation, token } = await createInvitation(store, input, expiresAt, actorOf(request));
      const link = `${options.publicUrl}/invite/${token}`;
      request.log.info({ invitation: invitation.id, email: invitation.email, link }, "invitation link");
      return reply.status(201).send({ ...invitation, link });
    },
  );
  app.get<{ Querystring: z.infer<typeof invitationsQuery> }>(
    "",
    {
      schema: {
        tags: TAGS,
        summary: "Запрошення громади, ще не прийняті",
        querystring: invitationsQuery,
        response: { 200: invitationSchema.array(), 400: errorSchema },
      },
    },
    async (request) => {
      const scope = communityReadScope(request);
      if (scope === null) return [];
      const katottg = scope === "*" ? request.query.katottg : scope;
      if (katottg === undefined) throw new HttpError(400, "Вкажіть громаду: ?katottg=…");
      return pendingInvitations(store, katottg);
    },
  );
}

function inviteeRoutes(app: ZodApp, options: InvitationRouteOptions, now: () => Date): void {
  const { store } = options;
  const rateLimit = { max: options.attemptsPerMinute, timeWindow: 60_000 };
  app.get(
    "/:token",
    {
      config: { rateLimit },
      schema: {
        tags: TAGS,
        summary: "Запрошення за посиланням: кого, з якою роллю й до якого підрозділу",
        params: tokenParams,
        response: { 200: invitationSchema, 404: errorSchema, 410: errorSchema },
      },
    },
    (request) => openInvitation(store, request.params.token, now()).catch(refusalToHttp),
  );
  app.post<{ Params: TokenParams; Body: z.infer<typeof acceptInvitationBody> }>(
    "/:token/accept",
    {
      config: { rateLimit },
      schema: {
        tags: TAGS,
        summary: "Прийняти запрошення: задати пароль (логін — адреса e-mail); посилання одноразове",
        params: tokenParams,
        body: acceptInvitationBody,
        response: { 201: acceptedInvitation, 404: errorSchema, 409: errorSchema, 410: errorSchema },
      },
    },
    async (request, reply) => {
      const user = await acceptInvitation(store, request.params.token, request.body.password, now()).catch(
        refusalToHttp,
      );
      return reply.status(201).send({ login: user.login });
    },
  );
}

/** /api/invitations: staff invite people; the invitee reads and accepts the invitation. */
export async function invitationRoutes(app: ZodApp, options: InvitationRouteOptions): Promise<void> {
  const now = () => new Date(options.now ? options.now() : Date.now());
  staffRoutes(app, options, now);
  inviteeRoutes(app, options, now);
}
