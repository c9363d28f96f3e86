import type { z } from "zod";
import { errorSchema } from "../../contract/common.js";
import { detailSchema, publicListQuery, publicParams, summarySchema } from "../../contract/programmes.js";
import { publishNoteSchema } from "../../contract/reviews.js";
import type { Store } from "../../store/index.js";
import { publishNote } from "../../store/publication.js";
import { notFound } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";
import { detailOf } from "./programmes.js";

const TAGS = ["public"];
const NOT_PUBLISHED = "Програму не знайдено або її ще не оприлюднено";

/** /api/public: read-only routes for everyone; only published programmes exist here. */
export async function publicRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.get<{ Querystring: z.infer<typeof publicListQuery> }>(
    "/programmes",
    {
      schema: {
        tags: TAGS,
        summary: "Оприлюднені програми",
        querystring: publicListQuery,
        response: { 200: summarySchema.array() },
      },
    },
    (request) => store.listProgrammes({ ...request.query, status: "published" }),
  );

  app.get<{ Params: z.infer<typeof publicParams> }>(
    "/programmes/:katottg/:from-:to",
    {
      schema: {
        tags: TAGS,
        summary: "Оприлюднена програма громади за періодом (постійна адреса)",
        params: publicParams,
        response: { 200: detailSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const { katottg, from, to } = request.params;
      const id = await store.findProgrammeId(katottg, { from, to });
      const stored = id === undefined ? undefined : await store.getProgramme(id);
      if (stored?.summary.status !== "published") throw notFound(NOT_PUBLISHED);
      return detailOf(stored);
    },
  );

  app.get<{ Params: z.infer<typeof publicParams> }>(
    "/notes/:katottg/:from-:to",
    {
      schema: {
        tags: ["public"],
        summary: "Примітка до оприлюдненої програми (причина оприлюднення з помилками) або null",
        params: publicParams,
        response: { 200: publishNoteSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const { katottg, from, to } = request.params;
      const id = await store.findProgrammeId(katottg, { from, to });
      const stored = id === undefined ? undefined : await store.getProgramme(id);
      if (id === undefined || stored?.summary.status !== "published") throw notFound();
      return { note: await publishNote(store, id) };
    },
  );
}
