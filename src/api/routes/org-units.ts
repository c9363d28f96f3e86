/**
 * Managing organisational units: the overview with merge suggestions, editing (name, kind, parent) and
 * merging. Staff of a
 * community manage its units only; the platform admin names the community (?katottg=).
 */
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { errorSchema } from "../../contract/common.js";
import {
  createUnitBody,
  mergeUnitBody,
  orgUnit,
  orgUnitQuery,
  unitParams,
  unitsOverview,
  unitsOverviewQuery,
  updateUnitBody,
} from "../../contract/org-units.js";
import { canWriteCommunity } from "../../domain/scope.js";
import type { Store } from "../../store/index.js";
import {
  mergeUnits,
  unitsOverview as readOverview,
  UnitConflictError,
  UnitInvalidError,
  UnitNotFoundError,
  UnitScopeError,
  updateUnit,
} from "../../store/org-units.js";
import { ensureOrgUnit, listOrgUnits } from "../../store/users.js";
import { actorOf, communityReadScope, currentUser, forbidden, requireCommunityWrite } from "../auth.js";
import { HttpError, notFound } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

const TAGS = ["auth"];
const SIGNED_IN_ONLY: Record<string, unknown> = { access: "signed-in" };
const STAFF_ONLY: Record<string, unknown> = { access: "staff" };

function mayWrite(request: FastifyRequest): (katottg: string) => boolean {
  const user = currentUser(request);
  return (katottg) => canWriteCommunity(user, katottg);
}

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UnitNotFoundError) throw notFound(error.message);
    if (error instanceof UnitScopeError) throw forbidden(error.message);
    if (error instanceof UnitConflictError) throw new HttpError(409, error.message);
    if (error instanceof UnitInvalidError) throw new HttpError(400, error.message);
    throw error;
  }
}

/** /api/org-units: a community's structural units, their overview, renames and merges. */
export async function orgUnitRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.get<{ Querystring: z.infer<typeof orgUnitQuery> }>(
    "",
    {
      schema: {
        tags: TAGS,
        summary: "Структурні підрозділи: назва, вид, вищий підрозділ",
        querystring: orgUnitQuery,
        response: { 200: orgUnit.array() },
      },
    },
    async (request) => {
      const scope = communityReadScope(request);
      if (scope === null) return [];
      return listOrgUnits(store, scope === "*" ? request.query.katottg : scope);
    },
  );
  app.post<{ Body: z.infer<typeof createUnitBody> }>(
    "",
    {
      schema: {
        tags: TAGS,
        summary: "Додати структурний підрозділ (вид без вказівки — за назвою; вищий — цієї ж громади)",
        body: createUnitBody,
        response: { 201: orgUnit, 400: errorSchema },
      },
    },
    async (request, reply) => {
      const { katottg, name, kind, parentId } = request.body;
      requireCommunityWrite(request, katottg);
      try {
        return reply
          .status(201)
          .send(await ensureOrgUnit(store, katottg, name, actorOf(request), { kind, parentId }));
      } catch (error) {
        if (error instanceof UnitInvalidError) throw new HttpError(400, error.message);
        throw error;
      }
    },
  );
  app.get<{ Querystring: z.infer<typeof unitsOverviewQuery> }>(
    "/overview",
    {
      config: SIGNED_IN_ONLY,
      schema: {
        tags: TAGS,
        summary: "Підрозділи громади: скільки заходів і користувачів, схожі назви (кандидати на об'єднання)",
        querystring: unitsOverviewQuery,
        response: { 200: unitsOverview, 400: errorSchema },
      },
    },
    async (request) => {
      const scope = communityReadScope(request);
      if (scope === null) return { units: [], similar: [] };
      const katottg = scope === "*" ? request.query.katottg : scope;
      if (katottg === undefined) throw new HttpError(400, "Вкажіть громаду: ?katottg=…");
      return readOverview(store, katottg);
    },
  );
  app.patch<{ Params: z.infer<typeof unitParams>; Body: z.infer<typeof updateUnitBody> }>(
    "/:id",
    {
      config: STAFF_ONLY,
      schema: {
        tags: TAGS,
        summary: "Змінити підрозділ: назву, вид, вищий підрозділ",
        params: unitParams,
        body: updateUnitBody,
        response: { 200: orgUnit, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    (request) =>
      translated(() =>
        updateUnit(store, request.params.id, request.body, mayWrite(request), actorOf(request)),
      ),
  );
  app.post<{ Params: z.infer<typeof unitParams>; Body: z.infer<typeof mergeUnitBody> }>(
    "/:id/merge",
    {
      config: STAFF_ONLY,
      schema: {
        tags: TAGS,
        summary: "Об'єднати підрозділ з іншим: заходи, користувачі й звіти переходять до нього",
        params: unitParams,
        body: mergeUnitBody,
        response: { 200: orgUnit, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    (request) =>
      translated(() =>
        mergeUnits(store, request.params.id, request.body.into, mayWrite(request), actorOf(request)),
      ),
  );
}
