import multipart from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { config } from "../../config.js";
import { errorSchema } from "../../contract/common.js";
import { importQuery, previewSchema, savedSchema } from "../../contract/programmes.js";
import type { ImportResult } from "../../domain/model.js";
import { programmeTotals } from "../../domain/totals.js";
import type { ImportOptions } from "../../import/index.js";
import { IMPORT_LIMITS } from "../../import/limits.js";
import { communityKey } from "../../store/community-key.js";
import { createExecutorUnits } from "../../store/executor-units.js";
import {
  IdempotencyKeyReusedError,
  type IdempotentRequest,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from "../../store/idempotency.js";
import { type Store, sha256 } from "../../store/index.js";
import { actorOf, requireCommunityWrite } from "../auth.js";
import { HttpError } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

export type ImportDocument = (
  bytes: Uint8Array,
  fileName: string,
  options?: ImportOptions,
) => Promise<ImportResult>;

export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.maxUploadBytes;
/** Uploads per client address and minute; INFOPROG_UPLOADS_PER_MINUTE overrides (the soak bench raises it). */
export const UPLOADS_PER_MINUTE = config().limits.uploadsPerMinute;
type ImportRequest = FastifyRequest<{ Querystring: z.infer<typeof importQuery>; Body: Buffer | undefined }>;

interface Upload {
  bytes: Uint8Array;
  name: string;
}

async function readUpload(request: ImportRequest): Promise<Upload> {
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

const KEY_TEXT = /^[\x21-\x7e]+$/;

/** The Idempotency-Key header, checked; undefined when the client sent none. */
function idempotencyOf(
  request: ImportRequest,
  bytes: Uint8Array,
  name: string,
): IdempotentRequest | undefined {
  const key = request.headers["idempotency-key"];
  if (key === undefined) return undefined;
  if (typeof key !== "string" || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !KEY_TEXT.test(key)) {
    throw new HttpError(400, `Idempotency-Key: до ${MAX_IDEMPOTENCY_KEY_LENGTH} видимих символів ASCII`);
  }
  return { key, requestSha256: sha256(`${name}\n${sha256(bytes)}`) };
}

async function saveOnce(store: Store, request: ImportRequest, result: ImportResult, upload: Upload) {
  const source = { name: upload.name, sha256: sha256(upload.bytes) };
  try {
    return await store.saveImport(
      result,
      source,
      actorOf(request),
      idempotencyOf(request, upload.bytes, upload.name),
    );
  } catch (error) {
    if (error instanceof IdempotencyKeyReusedError) throw new HttpError(422, error.message);
    throw error;
  }
}

/** POST /api/import: a multipart upload (field "file") or the raw document with ?name=. */
export async function importRoutes(app: ZodApp, deps: { store: Store; importDocument: ImportDocument }) {
  // Encapsulated: here every body arrives as raw bytes, whatever its content type.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: MAX_UPLOAD_BYTES }, (_request, body, done) =>
    done(null, body),
  );
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });

  app.post(
    "",
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      config: { rateLimit: { max: UPLOADS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ["programmes"],
        summary:
          "Імпорт документа програми (DOCX, ODT, DOC, RTF, PDF, TXT, XLSX, CSV; формат за вмістом); ?dryRun=1 — лише попередній перегляд",
        consumes: ["multipart/form-data", "text/plain", "application/octet-stream"],
        querystring: importQuery,
        response: {
          200: savedSchema.or(previewSchema),
          201: savedSchema,
          400: errorSchema,
          413: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request: ImportRequest, reply) => {
      const upload = await readUpload(request);
      const unit = request.query.unit;
      const result = await deps.importDocument(upload.bytes, upload.name, unit ? { unit } : {});
      if (request.query.dryRun === "1" || request.query.dryRun === "true") {
        return { ...result, totals: programmeTotals(result.programme) };
      }
      const katottg = communityKey(result.programme.community);
      requireCommunityWrite(request, katottg);
      const { replayed, ...saved } = await saveOnce(deps.store, request, result, upload);
      if (replayed) reply.header("idempotent-replayed", "true");
      else
        await createExecutorUnits(deps.store, saved.programmeId, katottg, result.programme, actorOf(request));
      return reply.status(saved.created ? 201 : 200).send({ ...saved, findings: result.findings });
    },
  );
}
