import { create as contentDisposition } from "content-disposition";
import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { errorSchema, fileResponse, MEDIA_TYPES } from "../../contract/common.js";
import {
  type ExportFormat,
  exportParams,
  publicExportParams,
  versionQuery,
} from "../../contract/programmes.js";
import { isKatottg } from "../../domain/katottg.js";
import type { Finding, Programme } from "../../domain/model.js";
import type { Store, StoredProgramme } from "../../store/index.js";
import { notFound } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

type Writer = (programme: Programme, findings: Finding[]) => Promise<string | Uint8Array>;

// The writers are loaded at first use: the XLSX and DOCX libraries would cost every server process,
// the public API processes included, tens of megabytes it may never use.
const FORMATS: Record<ExportFormat, { type: string; write: Writer }> = {
  json: {
    type: MEDIA_TYPES.json,
    write: async (p: Programme, f: Finding[]) => (await import("../../export/json.js")).exportJson(p, f),
  },
  csv: {
    type: MEDIA_TYPES.csv,
    write: async (p: Programme) => (await import("../../export/csv.js")).exportCsv(p),
  },
  xlsx: {
    type: MEDIA_TYPES.xlsx,
    write: async (p: Programme) => (await import("../../export/xlsx.js")).exportXlsx(p),
  },
  docx: {
    type: MEDIA_TYPES.docx,
    write: async (p: Programme) => (await import("../../export/docx.js")).exportDocx(p),
  },
};
type Format = ExportFormat;
const EXPORT_FILE = fileResponse(
  "Файл програми",
  Object.values(FORMATS).map((format) => format.type),
);

/** The code only when it is one: a programme stored before codes were checked may hold any text. */
function fileName(programme: Programme, format: Format): string {
  const { katottg } = programme.community;
  const code = isKatottg(katottg) ? katottg : "bez-kodu";
  return `programa-${code}-${programme.period.from}-${programme.period.to}.${format}`;
}

async function send(reply: FastifyReply, stored: StoredProgramme, format: Format) {
  const { programme, findings } = stored;
  const body = await FORMATS[format].write(programme, findings);
  return reply
    .type(FORMATS[format].type)
    .header("content-disposition", contentDisposition(fileName(programme, format)))
    .send(typeof body === "string" ? body : Buffer.from(body));
}

/** The programme as DOCX (like the official annex), XLSX/CSV (the documented template) or JSON. */
export async function exportRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.get<{ Params: z.infer<typeof exportParams>; Querystring: z.infer<typeof versionQuery> }>(
    "/:id/export.:format",
    {
      schema: {
        tags: ["export"],
        summary: "Вивантаження програми: docx, xlsx, csv або json",
        params: exportParams,
        querystring: versionQuery,
        response: { 200: EXPORT_FILE, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const stored = await store.getProgramme(request.params.id, request.query.version);
      if (!stored) throw notFound("Програму не знайдено");
      return send(reply, stored, request.params.format);
    },
  );
}

/** /api/public: the open data of a published programme in the same formats. */
export async function publicExportRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const { store } = options;
  app.get<{ Params: z.infer<typeof publicExportParams> }>(
    "/programmes/:katottg/:from-:to/export.:format",
    {
      schema: {
        tags: ["public", "export"],
        summary: "Відкриті дані оприлюдненої програми: docx, xlsx, csv або json",
        params: publicExportParams,
        response: { 200: EXPORT_FILE, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const { katottg, from, to, format } = request.params;
      const id = await store.findProgrammeId(katottg, { from, to });
      const stored = id === undefined ? undefined : await store.getProgramme(id);
      if (stored?.summary.status !== "published")
        throw notFound("Програму не знайдено або її ще не оприлюднено");
      return send(reply, stored, format);
    },
  );
}
