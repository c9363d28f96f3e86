import multipart from "@fastify/multipart";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { config } from "../../config.js";
import { errorSchema } from "../../contract/common.js";
import { type ImportUrlBody, importedFrom, importUrlBody } from "../../contract/import-url.js";
import { importQuery, previewSchema, savedSchema } from "../../contract/programmes.js";
import type { ImportResult } from "../../domain/model.js";
import { programmeTotals } from "../../domain/totals.js";
import type { FetchedDocument } from "../../import/fetch-url.js";
import type { ImportOptions } from "../../import/index.js";
import { IMPORT_LIMITS } from "../../import/limits.js";
import { communityKey } from "../../store/community-key.js";
import { createExecutorUnits } from "../../store/executor-units.js";
import { IdempotencyKeyReusedError, type IdempotentRequest } from "../../store/idempotency.js";
import { type Store, sha256 } from "../../store/index.js";
import { actorOf, requireCommunityWrite } from "../auth.js";
import { HttpError } from "../errors.js";
import { idempotencyKeyOf } from "../idempotency-key.js";
import type { ZodApp } from "../zod-provider.js";

export type ImportDocument = (
  bytes: Uint8Array,
  fileName: string,
  options?: ImportOptions,
) => Promise<ImportResult>;

/** Fetches a document from a URL for import; by default src/import's fetchDocument. */
export type FetchDocument = (url: string) => Promise<FetchedDocument>;

export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.maxUploadBytes;
/** Uploads per client address and minute; INFOPROG_UPLOADS_PER_MINUTE overrides (the soak bench raises it). */
export const UPLOADS_PER_MINUTE = config().limits.uploadsPerMinute;
type ImportRequest = FastifyRequest<{ Querystring: z.infer<typeof importQuery>; Body: Buffer | undefined }>;
type ImportUrlRequest = FastifyRequest<{ Body: ImportUrlBody }>;
type AnyImportRequest = ImportRequest | ImportUrlRequest;

interface Upload {
  bytes: Uint8Array;
  /** The file name the importer reads (it tells CSV from text). */
  name: string;
  /** What the version records as its source, when not the name (a URL import: the address). */
  source?: string;
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

/** The Idempotency-Key header, checked; undefined when the client sent none. */
function idempotencyOf(
  request: AnyImportRequest,
  bytes: Uint8Array,
  name: string,
): IdempotentRequest | undefined {
  const key = idempotencyKeyOf(request);
  if (key === undefined) return undefined;
  return { key, requestSha256: sha256(`${name}\n${sha256(bytes)}`) };
}

async function saveOnce(
  store: Store,
  request: AnyImportRequest,
  result: ImportResult,
  upload: Upload,
  saveIdentical: boolean,
) {
  const name = upload.source ?? upload.name;
  try {
    return await store.saveImport(
      result,
      { name, sha256: sha256(upload.bytes) },
      actorOf(request),
      idempotencyOf(request, upload.bytes, name),
      { saveIdentical },
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
          409: errorSchema,
          413: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request: ImportRequest, reply) => {
      const upload = await readUpload(request);
      const { unit, dryRun, saveIdentical } = request.query;
      const read = {
        request,
        reply,
        upload,
        unit,
        dryRun: isTrue(dryRun),
        saveIdentical: isTrue(saveIdentical),
      };
      return previewOrSave(deps, read);
    },
  );
}

const isTrue = (flag: string | undefined) => flag === "1" || flag === "true";

interface ReadDocument {
  request: AnyImportRequest;
  reply: FastifyReply;
  upload: Upload;
  unit?: ImportOptions["unit"];
  dryRun: boolean;
  /** Store a new version even when the programme read is identical to the latest version. */
  saveIdentical: boolean;
}

/**
 * Imports the document; returns the preview, or saves it (the head of its community only). A programme
 * identical to the latest version is answered 200 with `identicalTo` and nothing stored: the request
 * did no harm and the programme already holds what was sent, so it is no conflict (this API's 409 means
 * a write lost to another), and a client that reads only `version` still gets the current version.
 */
async function previewOrSave(
  deps: { store: Store; importDocument: ImportDocument },
  { request, reply, upload, unit, dryRun, saveIdentical }: ReadDocument,
  extra: Record<string, unknown> = {},
) {
  const result = await deps.importDocument(upload.bytes, upload.name, unit ? { unit } : {});
  if (dryRun) return { ...result, totals: programmeTotals(result.programme), ...extra };
  const katottg = communityKey(result.programme.community);
  requireCommunityWrite(request, katottg);
  const { replayed, ...saved } = await saveOnce(deps.store, request, result, upload, saveIdentical);
  if (replayed) reply.header("idempotent-replayed", "true");
  else if (saved.identicalTo === undefined)
    await createExecutorUnits(deps.store, saved.programmeId, katottg, result.programme, actorOf(request));
  return reply.status(saved.created ? 201 : 200).send({ ...saved, findings: result.findings, ...extra });
}

/**
 * POST /api/import/url: the council's published document fetched from its address
 * (src/import/fetch-url.ts: public addresses only, size, time and redirect limits), then imported like
 * an upload. The version's source is the address the document came from.
 */
export async function importUrlRoutes(
  app: ZodApp,
  deps: { store: Store; importDocument: ImportDocument; fetchDocument: FetchDocument },
) {
  const withSource = (schema: typeof savedSchema | typeof previewSchema) =>
    schema.extend({ source: importedFrom });
  app.post(
    "/url",
    {
      config: { rateLimit: { max: UPLOADS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ["programmes"],
        summary:
          "Імпорт документа програми за адресою (http/https; лише публічні адреси, розмір як у завантаження, обмеження часу й переадресувань); dryRun — лише попередній перегляд",
        body: importUrlBody,
        response: {
          200: withSource(savedSchema).or(withSource(previewSchema)),
          201: withSource(savedSchema),
          400: errorSchema,
          409: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request: ImportUrlRequest, reply) => {
      const { url, unit, dryRun, saveIdentical } = request.body;
      const fetched = await deps.fetchDocument(url);
      const upload = { bytes: fetched.bytes, name: fetched.name, source: fetched.url };
      const source = { url: fetched.url, name: fetched.name };
      const read = {
        request,
        reply,
        upload,
        unit,
        dryRun: dryRun === true,
        saveIdentical: saveIdentical === true,
      };
      return previewOrSave(deps, read, { source });
    },
  );
}
