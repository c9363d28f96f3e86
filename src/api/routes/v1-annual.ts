/**
 * The programme head's annual reports of published programmes, public: the same documents as the
 * staff route /api/programmes/:id/reports/annual/:year/:form. The DOCX and XLSX writers are heavy
 * modules, so they are loaded at the first request for them, not with the server.
 */
import { create as contentDisposition } from "content-disposition";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { progressReport, resultsReport } from "../../domain/monitoring/forms.js";
import type { ReportInput } from "../../export/reports/input.js";
import type { Store } from "../../store/index.js";
import { domainReport, getCadence, listReports } from "../../store/monitoring.js";
import { dataState, weakEtag } from "../../store/opendata.js";
import { HttpError, notFound } from "../errors.js";
import { errorSchema, idParams } from "../schemas.js";

export const ANNUAL_FORMS = [
  "progress.docx",
  "progress.xlsx",
  "progress.json",
  "results.docx",
  "results.xlsx",
  "results.json",
] as const;
type Form = (typeof ANNUAL_FORMS)[number];
type Writer = (input: ReportInput) => Promise<Uint8Array> | unknown;

const WRITERS: Record<Form, () => Promise<Writer>> = {
  "progress.docx": async () => (await import("../../export/reports/docx.js")).progressReportDocx,
  "results.docx": async () => (await import("../../export/reports/docx.js")).resultsReportDocx,
  "progress.xlsx": async () => (await import("../../export/reports/xlsx.js")).progressReportXlsx,
  "results.xlsx": async () => (await import("../../export/reports/xlsx.js")).resultsReportXlsx,
  "progress.json": async () => (input) => progressReport(input.programme, input.reports, input.year),
  "results.json": async () => (input) => resultsReport(input.programme, input.reports, input.year),
};

const CONTENT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

/** Compiled anew on request: caches revalidate with the ETag (data state and date of compilation). */
const CACHE_CONTROL = "public, no-cache";

const annualParams = idParams.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  form: z.enum(ANNUAL_FORMS),
});
type AnnualParams = z.infer<typeof annualParams>;

/** The path of a published programme's annual report, as the open data links to it. */
export function annualReportPath(programmeId: number, year: number, form: Form): string {
  return `/api/v1/programmes/${programmeId}/annual/${year}/${form}`;
}

export async function v1AnnualRoutes(app: FastifyInstance, options: { store: Store }): Promise<void> {
  const { store } = options;
  const db = store.kysely();

  app.get<{ Params: AnnualParams }>(
    "/api/v1/programmes/:id/annual/:year/:form",
    {
      schema: {
        tags: ["open data"],
        summary: "Річні звіти керівника оприлюдненої програми: progress|results .docx/.xlsx/.json",
        params: annualParams,
        response: { 400: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { id, year, form } = request.params;
      const stored = await store.getProgramme(id);
      if (stored?.summary.status !== "published") throw notFound("Програму не знайдено");
      const { period } = stored.programme;
      if (year < period.from || year > period.to) throw new HttpError(400, "Рік поза періодом програми");

      const compiledOn = new Date().toISOString().slice(0, 10);
      const state = await dataState(db, { katottg: [stored.summary.katottg] }, { reports: true });
      const etag = weakEtag(`${request.url}\n${compiledOn}`, state);
      reply.header("etag", etag).header("cache-control", CACHE_CONTROL);
      if (request.headers["if-none-match"]?.split(",").some((tag) => tag.trim() === etag)) {
        return reply.code(304).send();
      }

      const reports = (await listReports(store, id, { submittedOnly: true })).map(domainReport);
      const cadence = await getCadence(store, id);
      const writer = await WRITERS[form]();
      const body = await writer({ programme: stored.programme, reports, year, compiledOn, cadence });
      const extension = form.split(".")[1] as keyof typeof CONTENT_TYPES;
      reply.header("content-type", CONTENT_TYPES[extension]);
      if (extension === "json") return reply.send(JSON.stringify(body));
      reply.header("content-disposition", contentDisposition(form.replace(".", `-${year}.`)));
      return reply.send(Buffer.from(body as Uint8Array));
    },
  );
}
