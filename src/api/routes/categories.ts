import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { errorSchema } from "../../contract/common.js";
import { categoryBody, categoryParams, categorySetSchema } from "../../contract/programmes.js";
import { setCategoryOverride } from "../../store/categories.js";
import type { Store } from "../../store/index.js";
import { notFound } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

/** The access marker src/api/access.ts reads: admins and heads of the programme's community. */
const STAFF_ONLY: Record<string, unknown> = { access: "staff" };

/** Staff corrections of a project's automatic category (open data and the national comparison use them). */
export async function categoryRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  app.put<{ Params: z.infer<typeof categoryParams>; Body: z.infer<typeof categoryBody> }>(
    "/:id/items/:itemId/category",
    {
      config: STAFF_ONLY,
      schema: {
        tags: ["programmes"],
        summary: "Виправити категорію заходу (замість автоматичної)",
        params: categoryParams,
        body: categoryBody,
        response: { 200: categorySetSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const result = await setCategoryOverride(options.store.kysely(), {
        programmeId: request.params.id,
        itemId: request.params.itemId,
        category: request.body.category,
        by: signedInLogin(request),
      });
      if (result === "no-programme") throw notFound("Програму не знайдено");
      if (result === "no-item") throw notFound("Захід не знайдено");
      return {
        programmeId: request.params.id,
        itemId: request.params.itemId,
        category: request.body.category,
      };
    },
  );
}

/** The signed-in user's login (src/api/auth.ts sets request.auth), else "staff". */
function signedInLogin(request: FastifyRequest): string {
  return request.auth?.user.login ?? "staff";
}
