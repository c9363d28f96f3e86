/**
 * The programme head's annual reports of published programmes, public: the same documents as the
 * staff route /api/programmes/:id/reports/annual/:year/:form. The DOCX and XLSX writers are heavy
 * modules, so they are loaded at the first request for them, not with the server.
 */
import { create as contentDisposition } from "content-disposition";
import { z } from "zod";
import { errorSchema, idParams, notModified } from "../../contract/common.js";
import { ANNUAL_FORMS, type AnnualForm } from "../../contract/monitoring.js";
import { ANNUAL_FILE_PUBLIC } from "../../contract/v1.js";
import { progressReport, resultsReport } from "../../domain/monitoring/forms.js";
import type { ReportInput } from "../../export/reports/input.js";
import type { Store, StoredProgramme } from "../../store/index.js";
import { domainReport, getCadence, listReports } from "../../store/monitoring.js";
import { dataState, weakEtag } from "../../store/opendata.js";
import { frozenAnnualFile } from "../../store/reviews.js";
import { HttpError, notFound } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

export { ANNUAL_FORMS };

type Form = AnnualForm;
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

/** Caches revalidate with the ETag (data state and date of compilation). */
const CACHE_CONTROL = "public, no-cache";
/** Compiled documents kept in memory, by ETag: an ETag names the programme, its data and the day. */
const CACHE_ENTRIES = 64;
const CACHE_MAX_BYTES = 64 * 1024 * 1024;

interface Compiled {
  type: string;
  body: Buffer;
  disposition?: string;
}

/** The last compiled documents, least recently used forgotten first, within a total size. */
class CompiledReports {
  private readonly entries = new Map<string, Compiled>();
  private readonly compiling = new Map<string, Promise<Compiled>>();
  private bytes = 0;

  /** The document of an ETag, compiled once however many ask for it at the same time. */
  async get(etag: string, compile: () => Promise<Compiled>): Promise<Compiled> {
    const known = this.entries.get(etag);
    if (known) {
      this.entries.delete(etag);
      this.entries.set(etag, known);
      return known;
    }
    let pending = this.compiling.get(etag);
    if (!pending) {
      pending = compile()
        .then((compiled) => {
          this.remember(etag, compiled);
          return compiled;
        })
        .finally(() => this.compiling.delete(etag));
      this.compiling.set(etag, pending);
    }
    return pending;
  }

  private remember(etag: string, compiled: Compiled): void {
    this.entries.set(etag, compiled);
    this.bytes += compiled.body.length;
    while (this.entries.size > CACHE_ENTRIES || this.bytes > CACHE_MAX_BYTES) {
      const [oldest, entry] = this.entries.entries().next().value ?? [];
      if (oldest === undefined || entry === undefined) return;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }
}

const annualParams = idParams.extend({
  year: z.coerce.number().int().min(2000).max(2100),
  form: z.enum(ANNUAL_FORMS),
});

/** The path of a published programme's annual report, as the open data links to it. */
export function annualReportPath(programmeId: number, year: number, form: Form): string {
  return `/api/v1/programmes/${programmeId}/annual/${year}/${form}`;
}

async function compile(
  store: Store,
  stored: StoredProgramme,
  request: { id: number; year: number; form: Form; compiledOn: string },
): Promise<Compiled> {
  const { id, year, form, compiledOn } = request;
  const extension = form.split(".")[1] as keyof typeof CONTENT_TYPES;
  // A year the head has submitted is published as submitted (store/reviews.ts).
  const frozen = await frozenAnnualFile(store, id, year, form);
  if (frozen) {
    const disposition = extension === "json" ? undefined : contentDisposition(form.replace(".", `-${year}.`));
    return {
      type: CONTENT_TYPES[extension],
      body: Buffer.from(frozen),
      ...(disposition ? { disposition } : {}),
    };
  }
  const reports = (await listReports(store, id, { submittedOnly: true })).map(domainReport);
  const cadence = await getCadence(store, id);
  const writer = await WRITERS[form]();
  const body = await writer({ programme: stored.programme, reports, year, compiledOn, cadence });
  if (extension === "json") return { type: CONTENT_TYPES.json, body: Buffer.from(JSON.stringify(body)) };
  return {
    type: CONTENT_TYPES[extension],
    body: Buffer.from(body as Uint8Array),
    disposition: contentDisposition(form.replace(".", `-${year}.`)),
  };
}

/**
 * The route, limited to `perMinute` requests per client address; each document is compiled once per
 * state of its programme's data and day, then served from memory.
 */
export async function v1AnnualRoutes(
  app: ZodApp,
  options: { store: Store; perMinute: number },
): Promise<void> {
  const { store } = options;
  const db = store.kysely();
  const compiled = new CompiledReports();

  app.get(
    "/programmes/:id/annual/:year/:form",
    {
      config: { rateLimit: { max: options.perMinute, timeWindow: 60_000 } },
      schema: {
        tags: ["open data"],
        summary: "Річні звіти керівника оприлюдненої програми: progress|results .docx/.xlsx/.json",
        params: annualParams,
        response: {
          200: ANNUAL_FILE_PUBLIC,
          304: notModified,
          400: errorSchema,
          404: errorSchema,
          429: errorSchema,
        },
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

      const document = await compiled.get(etag, () => compile(store, stored, { id, year, form, compiledOn }));
      reply.header("content-type", document.type);
      if (document.disposition) reply.header("content-disposition", document.disposition);
      return reply.send(document.body);
    },
  );
}
