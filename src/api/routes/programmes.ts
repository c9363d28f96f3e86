import type { z } from "zod";
import { errorSchema, idParams } from "../../contract/common.js";
import {
  checkSchema,
  detailSchema,
  diffQuery,
  diffSchema,
  editQuery,
  listQuery,
  publishRefusedSchema,
  savedSchema,
  statusBody,
  summarySchema,
  versionInfoSchema,
  versionQuery,
} from "../../contract/programmes.js";
import { diffProgrammes } from "../../domain/diff.js";
import type { Finding, Programme } from "../../domain/model.js";
import { programmeSchema } from "../../domain/schema.js";
import { programmeTotals } from "../../domain/totals.js";
import { validateProgramme } from "../../domain/validate.js";
import { communityKey } from "../../store/community-key.js";
import type { Store, StoredProgramme } from "../../store/index.js";
import { changeStatus } from "../../store/publication.js";
import { actorOf, communityReadScope, requireCommunityWrite } from "../auth.js";
import { HttpError, notFound } from "../errors.js";
import { requireProgramme } from "../require-programme.js";
import type { ZodApp } from "../zod-provider.js";

const TAGS = ["programmes"];
type Id = z.infer<typeof idParams>;

/** 409: publishing with error findings needs a written reason; the findings say which. */
function publishRefused(errors: Finding[]): HttpError {
  return new HttpError(
    409,
    `Програма має помилки (${errors.length}): щоб оприлюднити її, зазначте причину (reason)`,
    {
      findings: errors.map((finding) => ({
        code: finding.code,
        message: finding.message,
        ref: finding.location.ref,
      })),
    },
  );
}

export function detailOf(stored: StoredProgramme) {
  return { ...stored, totals: programmeTotals(stored.programme) };
}

/** /api/programmes: list, detail, versions, diff, edits and status of the programmes. */
export async function programmeRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.get<{ Querystring: z.infer<typeof listQuery> }>(
    "",
    {
      schema: {
        tags: TAGS,
        summary: "Перелік програм",
        querystring: listQuery,
        response: { 200: summarySchema.array() },
      },
    },
    async (request) => {
      const scope = communityReadScope(request);
      if (scope === null) return [];
      return store.listProgrammes(scope === "*" ? request.query : { ...request.query, katottg: scope });
    },
  );

  app.get<{ Params: Id; Querystring: z.infer<typeof versionQuery> }>(
    "/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Програма (остання або вказана версія) з висновками перевірки й підсумками",
        params: idParams,
        querystring: versionQuery,
        response: { 200: detailSchema, 404: errorSchema },
      },
    },
    async (request) => detailOf(await requireProgramme(store, request.params.id, request.query.version)),
  );

  app.get(
    "/:id/versions",
    {
      schema: {
        tags: TAGS,
        summary: "Версії програми",
        params: idParams,
        response: { 200: versionInfoSchema.array(), 404: errorSchema },
      },
    },
    async (request) => (await requireProgramme(store, request.params.id)).versions,
  );

  app.get<{ Params: Id; Querystring: z.infer<typeof diffQuery> }>(
    "/:id/diff",
    {
      schema: {
        tags: TAGS,
        summary: "Відмінності між двома версіями (типово: передостання й остання)",
        params: idParams,
        querystring: diffQuery,
        response: { 200: diffSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const latest = await requireProgramme(store, request.params.id);
      const to = request.query.to ?? latest.summary.latestVersion;
      const from = request.query.from ?? to - 1;
      if (from < 1) throw new HttpError(400, "Для порівняння потрібні дві версії");
      const [before, after] = await Promise.all([
        requireProgramme(store, request.params.id, from),
        requireProgramme(store, request.params.id, to),
      ]);
      return { from, to, ...diffProgrammes(before.programme, after.programme) };
    },
  );

  app.put<{ Params: Id; Body: Programme; Querystring: z.infer<typeof editQuery> }>(
    "/:id",
    {
      schema: {
        tags: TAGS,
        summary: "Зберегти відредаговану програму як нову версію",
        params: idParams,
        querystring: editQuery,
        body: programmeSchema,
        response: { 200: savedSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      requireCommunityWrite(request, communityKey(request.body.community));
      const findings = validateProgramme(request.body);
      const saved = await store.saveEdit(
        request.params.id,
        request.body,
        findings,
        request.query.note,
        actorOf(request),
      );
      if (!saved) throw notFound("Програму не знайдено");
      return { ...saved, findings };
    },
  );

  app.post<{ Params: Id; Body: z.infer<typeof statusBody> }>(
    "/:id/status",
    {
      schema: {
        tags: TAGS,
        summary: "Змінити статус програми",
        params: idParams,
        body: statusBody,
        response: { 200: summarySchema, 404: errorSchema, 409: publishRefusedSchema },
      },
    },
    async (request) => {
      const { status, reason } = request.body;
      const change = await changeStatus(store, request.params.id, status, actorOf(request), reason);
      if (change.outcome === "not-found") throw notFound("Програму не знайдено");
      if (change.outcome === "needs-reason") throw publishRefused(change.errors);
      return (await requireProgramme(store, request.params.id)).summary;
    },
  );
}

/** /api/validate: check a programme without saving it. */
export async function validateRoutes(app: ZodApp): Promise<void> {
  app.post(
    "",
    {
      schema: {
        tags: TAGS,
        summary: "Перевірити програму без збереження",
        body: programmeSchema,
        response: { 200: checkSchema, 400: errorSchema },
      },
    },
    async (request) => ({ findings: validateProgramme(request.body), totals: programmeTotals(request.body) }),
  );
}
