/**
 * Agreement with the Ministry (docs/agreement.md), under /api/agreement: the reviewers' national queue,
 * a programme's agreement state with its remarks, the steps, remarks and answers, the automatic
 * primary expertise (JSON and DOCX) and the decision letter. The routes sit outside /api/programmes/:id
 * because a reviewer, who writes no programme, writes here: each route checks the community itself.
 */
import { create as contentDisposition } from "content-disposition";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  agreementParams,
  agreementView,
  answerBody,
  expertiseReport,
  letterQuery,
  queuePage,
  queueQuery,
  remark,
  remarkBody,
  remarkParams,
  stepBody,
  stepResult,
} from "../../contract/agreement.js";
import { errorSchema, fileResponse, MEDIA_TYPES } from "../../contract/common.js";
import { primaryExpertise } from "../../domain/agreement/expertise.js";
import type { Letter, Party, ReviewerScope } from "../../domain/agreement/lifecycle.js";
import { canReadCommunity, canWriteCommunity } from "../../domain/scope.js";
import { expertiseDocx, letterDocx } from "../../export/agreement.js";
import {
  addRemark,
  agreementOf,
  agreementQueue,
  answerRemark,
  reviewerScope,
  stepsFor,
  takeAgreementStep,
} from "../../store/agreement.js";
import type { Store } from "../../store/index.js";
import { actorOf, currentUser } from "../auth.js";
import { HttpError, notFound } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

type Params = z.infer<typeof agreementParams>;
const DOCX = MEDIA_TYPES.docx;
const DOCX_FILE = fileResponse("Документ DOCX", [DOCX]);
const TAGS = ["agreement"];

/** The caller's side in the agreement: a reviewer (with its reach), or the community. */
async function partyOf(
  store: Store,
  request: FastifyRequest,
): Promise<{ party: Party; scope?: ReviewerScope }> {
  const user = currentUser(request);
  if (user.role !== "reviewer") return { party: "community" };
  const scope = await reviewerScope(store, user.id);
  return { party: "reviewer", scope: scope ?? undefined };
}

/** The programme's agreement, or 404 outside the caller's read scope. */
async function readable(store: Store, request: FastifyRequest, id: number) {
  const view = await agreementOf(store, id);
  if (!view || !canReadCommunity(currentUser(request), view.katottg)) throw notFound("Програму не знайдено");
  return view;
}

function sendDocx(reply: FastifyReply, name: string, bytes: Uint8Array) {
  return reply
    .header("content-type", DOCX)
    .header("content-disposition", contentDisposition(name))
    .send(Buffer.from(bytes));
}

async function expertiseOf(store: Store, id: number) {
  const stored = await store.getProgramme(id);
  if (!stored) throw notFound("Програму не знайдено");
  return { programme: stored.programme, report: primaryExpertise(stored.programme, stored.findings) };
}

export async function agreementRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;

  app.get<{ Querystring: z.infer<typeof queueQuery> }>(
    "/queue",
    {
      schema: {
        tags: TAGS,
        summary: "Черга проєктів на погодження (рецензенти Мінцифри та областей)",
        querystring: queueQuery,
        response: { 200: queuePage, 400: errorSchema },
      },
    },
    async (request) => {
      const { party, scope } = await partyOf(store, request);
      const own = party === "reviewer" && scope?.kind === "oblast" ? scope.oblast : undefined;
      const [updatedAt, id] = request.query.after?.split("|") ?? [];
      const data = await agreementQueue(store, {
        oblast: own ?? request.query.oblast,
        states: request.query.state ? [request.query.state] : undefined,
        minAgeDays: request.query.minAgeDays,
        limit: request.query.limit,
        after: updatedAt && id ? { updatedAt, id: Number(id) } : undefined,
      });
      const last = data.length === request.query.limit ? data.at(-1) : undefined;
      return { data, next: last ? `${last.updatedAt}|${last.programmeId}` : null };
    },
  );

  app.get(
    "/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Стан погодження програми, кроки і зауваження",
        params: agreementParams,
        response: { 200: agreementView, 404: errorSchema },
      },
    },
    async (request) => {
      const view = await readable(store, request, request.params.id);
      const { party } = await partyOf(store, request);
      const user = currentUser(request);
      const mayAct = party === "reviewer" || (user.role !== "controller" && user.role !== "executor");
      return { ...view, steps: mayAct ? stepsFor(view.state, party) : [] };
    },
  );

  app.post<{ Params: Params; Body: z.infer<typeof stepBody> }>(
    "/:id/steps",
    {
      schema: {
        tags: TAGS,
        summary: "Крок погодження: подати, повернути із зауваженнями, погодити, затвердити…",
        params: agreementParams,
        body: stepBody,
        response: { 200: stepResult, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const view = await readable(store, request, request.params.id);
      const { party, scope } = await partyOf(store, request);
      if (party === "community" && !canWriteCommunity(currentUser(request), view.katottg))
        throw new HttpError(403, "Це дані іншої громади");
      const outcome = await takeAgreementStep(store, {
        programmeId: request.params.id,
        action: request.body.action,
        party,
        scope,
        letter: request.body.letter,
        decision: request.body.decision,
        actor: actorOf(request),
      });
      if (!outcome.ok) throw new HttpError(outcome.status, outcome.message);
      return { state: outcome.state, version: outcome.version };
    },
  );

  app.post<{ Params: Params; Body: z.infer<typeof remarkBody> }>(
    "/:id/remarks",
    {
      schema: {
        tags: TAGS,
        summary: "Зауваження рецензента до місця в документі",
        params: agreementParams,
        body: remarkBody,
        response: { 200: remark, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      await readable(store, request, request.params.id);
      const { scope } = await partyOf(store, request);
      const result = await addRemark(store, {
        programmeId: request.params.id,
        ...request.body,
        scope: scope ?? { kind: "ministry" },
        actor: actorOf(request),
      });
      if ("status" in result) throw new HttpError(result.status, result.message);
      return result;
    },
  );

  app.post<{ Params: z.infer<typeof remarkParams>; Body: z.infer<typeof answerBody> }>(
    "/:id/remarks/:rid/answer",
    {
      schema: {
        tags: TAGS,
        summary: "Відповідь громади на зауваження: враховано зі зміною або пояснено",
        params: remarkParams,
        body: answerBody,
        response: { 200: remark, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const view = await readable(store, request, request.params.id);
      if (!canWriteCommunity(currentUser(request), view.katottg))
        throw new HttpError(403, "Це дані іншої громади");
      const result = await answerRemark(store, {
        programmeId: request.params.id,
        remarkId: request.params.rid,
        ...request.body,
        actor: actorOf(request),
      });
      if ("status" in result) throw new HttpError(result.status, result.message);
      return result;
    },
  );

  app.get(
    "/:id/expertise",
    {
      schema: {
        tags: TAGS,
        summary: "Автоматична первинна експертиза (JSON)",
        params: agreementParams,
        response: { 200: expertiseReport, 404: errorSchema },
      },
    },
    async (request) => {
      await readable(store, request, request.params.id);
      return (await expertiseOf(store, request.params.id)).report;
    },
  );

  app.get(
    "/:id/expertise.docx",
    {
      schema: {
        tags: TAGS,
        summary: "Автоматична первинна експертиза (DOCX)",
        params: agreementParams,
        response: { 200: DOCX_FILE, 404: errorSchema },
      },
    },
    async (request, reply) => {
      await readable(store, request, request.params.id);
      const { programme, report } = await expertiseOf(store, request.params.id);
      return sendDocx(reply, `expertise-${request.params.id}.docx`, await expertiseDocx(programme, report));
    },
  );

  app.get<{ Params: Params; Querystring: z.infer<typeof letterQuery> }>(
    "/:id/letter.docx",
    {
      schema: {
        tags: TAGS,
        summary: "Лист Мінцифри за рішенням рецензента (DOCX)",
        params: agreementParams,
        querystring: letterQuery,
        response: { 200: DOCX_FILE, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const view = await readable(store, request, request.params.id);
      const decision = [...view.events]
        .reverse()
        .find((event) => event.action === "agree" || event.action === "return");
      const letter = decision?.document as Letter | null | undefined;
      if (!decision || !letter?.number) throw notFound("Рішення з реквізитами листа ще немає");
      const { programme, report } = await expertiseOf(store, request.params.id);
      const remarks = view.remarks
        .filter((each) => each.returnedIn !== null || decision.action === "agree")
        .filter((each) => decision.action === "agree" || each.returnedIn === decision.id)
        .map((each) => ({ where: each.ref, text: each.text }));
      const bytes = await letterDocx({
        programme,
        letter,
        communityLetter: request.query.communityLetter,
        decision: decision.action === "agree" ? "agreed" : "remarks",
        remarks: decision.action === "agree" ? [] : remarks,
        expertise: report,
        signer: request.query.signer,
      });
      return sendDocx(reply, `letter-${request.params.id}.docx`, bytes);
    },
  );
}
