import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { errorSchema, idParams } from "../../contract/common.js";
import {
  projectEditAnswer,
  projectEditBody,
  projectIdSchema,
  versionConflictSchema,
} from "../../contract/project-edit.js";
import { findingsDelta } from "../../domain/project-edit.js";
import { programmeTotals } from "../../domain/totals.js";
import { validateProgramme } from "../../domain/validate.js";
import type { Store } from "../../store/index.js";
import { saveProjectEdit } from "../../store/project-edit.js";
import { actorOf, currentUser } from "../auth.js";
import { HttpError, notFound } from "../errors.js";
import { type BaseVersion, baseVersionFrom, versionConflict } from "../version-match.js";
import type { ZodApp } from "../zod-provider.js";

const params = idParams.extend({ itemId: projectIdSchema });
type Body = z.infer<typeof projectEditBody>;

/** The version the edit was made on: required here, since a project's edit is always on a version. */
function baseVersionOf(request: FastifyRequest<{ Body: Body }>): BaseVersion {
  const base = baseVersionFrom(request.headers["if-match"], request.body.baseVersion);
  if (base) return base;
  throw new HttpError(428, "Зазначте версію, яку редагували: baseVersion або заголовок If-Match");
}

/** PATCH of one project's own fields, under the programmes prefix. */
export async function projectEditRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.patch(
    "/:id/projects/:itemId",
    {
      schema: {
        tags: ["programmes"],
        summary: "Зберегти зміну одного проєкту (завдання) як нову версію; відповідь — лише змінене",
        params,
        body: projectEditBody,
        response: {
          200: projectEditAnswer,
          400: errorSchema,
          404: errorSchema,
          409: versionConflictSchema.or(errorSchema),
          412: versionConflictSchema,
          428: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const base = baseVersionOf(request);
      const { id, itemId } = request.params;
      const result = await saveProjectEdit(store, {
        programmeId: id,
        itemId,
        fields: request.body.project,
        baseVersion: base.version,
        validate: validateProgramme,
        note: request.body.note,
        actor: actorOf(request),
      });
      if (result.outcome === "not-found") throw notFound("Програму не знайдено");
      if (result.outcome === "no-project") throw notFound("Проєкту з таким ідентифікатором у програмі немає");
      if (result.outcome === "conflict") {
        throw versionConflict(base, result.latestVersion);
      }
      const errors = result.findings.filter((finding) => finding.severity === "error").length;
      reply.header("etag", `"${result.version}"`);
      return {
        programmeId: id,
        version: result.version,
        author: currentUser(request).displayName,
        project: { ...request.body.project, id: itemId },
        totals: programmeTotals(result.programme),
        findings: findingsDelta(result.previousFindings, result.findings),
        errors,
        warnings: result.findings.length - errors,
      };
    },
  );
}
