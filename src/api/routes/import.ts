import multipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { ImportResult } from "../../domain/model.js";
import { programmeTotals } from "../../domain/totals.js";
import { type Store, sha256 } from "../../store/index.js";
import { actorOf } from "../auth.js";
import { HttpError } from "../errors.js";
import { errorSchema, importQuery, previewSchema, savedSchema } from "../schemas.js";

export type ImportDocument = (bytes: Uint8Array, fileName: string) => Promise<ImportResult>;

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
type ImportRequest = FastifyRequest<{ Querystring: z.infer<typeof importQuery>; Body: Buffer | undefined }>;

async function readUpload(request: ImportRequest): Promise<{ bytes: Uint8Array; name: string }> {
  if (request.isMultipart()) {
    const file = await request.file();
    if (file?.fieldname !== "file") throw new HttpError(400, "Додайте документ у поле «file»");
    return { bytes: await file.toBuffer(), name: request.query.name ?? file.filename };
  }
  const name = request.query.name;
  if (!name) throw new HttpError(400, "Вкажіть назву файлу параметром ?name=");
  if (!request.body?.length) throw new HttpError(400, "Порожній документ");
  return { bytes: request.body, name };
}

/** POST /api/import: a multipart upload (field "file") or the raw document with ?name=. */
export async function importRoutes(
  app: FastifyInstance,
  deps: { store: Store; importDocument: ImportDocument },
) {
  // Encapsulated: here every body arrives as raw bytes, whatever its content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

  app.post(
    "/api/import",
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ["programmes"],
        summary: "Імпорт документа програми (TXT, DOCX, …); ?dryRun=1 — лише попередній перегляд",
        consumes: ["multipart/form-data", "text/plain", "application/octet-stream"],
        querystring: importQuery,
        response: {
          200: savedSchema.or(previewSchema),
          201: savedSchema,
          400: errorSchema,
          413: errorSchema,
          422: errorSchema,
        },
      },
    },
    async (request: ImportRequest, reply) => {
      const { bytes, name } = await readUpload(request);
      const result = await deps.importDocument(bytes, name);
      if (request.query.dryRun === "1" || request.query.dryRun === "true") {
        return { ...result, totals: programmeTotals(result.programme) };
      }
      const saved = await deps.store.saveImport(result, { name, sha256: sha256(bytes) }, actorOf(request));
      return reply.status(saved.created ? 201 : 200).send({ ...saved, findings: result.findings });
    },
  );
}
