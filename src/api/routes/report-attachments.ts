/**
 * Files attached to executor reports (a contract, an act): uploaded as multipart/form-data (field
 * "file"), one at a time. The size limit (INFOPROG_ATTACHMENT_LIMIT_BYTES) is checked after the session
 * and the access rule (onRequest), from Content-Length before a byte of the body is read, and again
 * while the file streams in. The type is told by content (PDF, DOCX, ODT, JPEG, PNG), never by the name
 * or the declared type. An executor reaches only its own unit's reports; a submitted report's files are
 * locked with it.
 */
import multipart from "@fastify/multipart";
import { create as contentDisposition } from "content-disposition";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import { errorSchema, fileResponse, noContent } from "../../contract/common.js";
import {
  ATTACHMENT_FIELD,
  attachmentInfo,
  attachmentParams,
  reportFileParams,
} from "../../contract/report-attachments.js";
import { ATTACHMENT_TYPES, attachmentType } from "../../import/sniff.js";
import type { Store } from "../../store/index.js";
import { getReport, ReportConflict } from "../../store/monitoring.js";
import {
  addAttachment,
  listAttachments,
  readAttachment,
  removeAttachment,
} from "../../store/report-attachments.js";
import { actorOf, currentUser, forbidden } from "../auth.js";
import { HttpError, notFound, sizeInWords } from "../errors.js";
import type { ZodApp } from "../zod-provider.js";

const TAGS = ["monitoring"];
/** Under the programmes prefix. */
const BASE = "/:id/reports/:rid/attachments";
const ATTACHMENT_FILE = fileResponse("Файл звіту", Object.values(ATTACHMENT_TYPES));
/** Room for the multipart boundaries and part headers around the one file. */
const MULTIPART_OVERHEAD = 16 * 1024;

type FileParams = z.infer<typeof reportFileParams>;

export interface AttachmentRouteOptions {
  store: Store;
  /** Largest file, in bytes. */
  maxBytes: number;
  uploadsPerMinute: number;
}

function conflictToHttp(error: unknown): never {
  if (error instanceof ReportConflict)
    throw new HttpError(error.reason === "not-found" ? 404 : 409, error.message);
  throw error;
}

/** The report, when the caller may reach it (an executor: its own unit's only). */
async function requireReport(store: Store, request: FastifyRequest<{ Params: FileParams }>) {
  const report = await getReport(store, request.params.id, request.params.rid);
  if (!report) throw notFound("Звіт не знайдено");
  const user = currentUser(request);
  if (user.role === "executor" && user.orgUnitId !== report.orgUnitId) {
    throw forbidden("Це звіт іншого структурного підрозділу");
  }
  return report;
}

/** A name to keep and to send back: no folders, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean.slice(-200) || "file";
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `Завеликий файл: найбільше ${sizeInWords(maxBytes)}`);
}

async function readFile(request: FastifyRequest, maxBytes: number): Promise<{ name: string; body: Buffer }> {
  if (!request.isMultipart())
    throw new HttpError(400, `Додайте файл у поле «${ATTACHMENT_FIELD}» (multipart/form-data)`);
  const file = await request.file();
  if (file?.fieldname !== ATTACHMENT_FIELD)
    throw new HttpError(400, `Додайте файл у поле «${ATTACHMENT_FIELD}»`);
  try {
    return { name: cleanFileName(file.filename), body: await file.toBuffer() };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw tooLarge(maxBytes);
    throw error;
  }
}

function uploadRoute(app: ZodApp, options: AttachmentRouteOptions): void {
  const { store, maxBytes } = options;
  app.post(
    BASE,
    {
      bodyLimit: maxBytes + MULTIPART_OVERHEAD,
      config: { rateLimit: { max: options.uploadsPerMinute, timeWindow: 60_000 } },
      // After onRequest (session, access rule, community): refused by its declared length unread.
      preParsing: async (request, _reply, payload) => {
        const length = Number(request.headers["content-length"] ?? 0);
        if (length > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
        return payload;
      },
      schema: {
        tags: TAGS,
        summary: "Додати файл до чернетки звіту (PDF, DOCX, ODT, JPEG, PNG; поле «file»)",
        consumes: ["multipart/form-data"],
        params: reportFileParams,
        response: {
          201: attachmentInfo,
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          413: errorSchema,
          415: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const report = await requireReport(store, request);
      if (report.submittedAt !== null)
        throw new HttpError(409, "Звіт подано: файли поданого звіту не змінюються");
      const file = await readFile(request, maxBytes);
      const type = attachmentType(file.body);
      if (type === null) {
        throw new HttpError(
          415,
          "Можна додати лише PDF, DOCX, ODT, JPEG або PNG (тип визначено за вмістом файлу)",
        );
      }
      const info = await addAttachment(
        store,
        request.params.id,
        report.id,
        { name: file.name, contentType: ATTACHMENT_TYPES[type], body: file.body },
        actorOf(request),
      ).catch(conflictToHttp);
      return reply.status(201).send(info);
    },
  );
}

function readRoutes(app: ZodApp, store: Store): void {
  app.get(
    BASE,
    {
      schema: {
        tags: TAGS,
        summary: "Файли звіту",
        params: reportFileParams,
        response: { 200: attachmentInfo.array(), 404: errorSchema },
      },
    },
    async (request) => {
      const report = await requireReport(store, request);
      return listAttachments(store, report.id);
    },
  );
  app.get(
    `${BASE}/:aid`,
    {
      schema: {
        tags: TAGS,
        summary: "Завантажити файл звіту",
        params: attachmentParams,
        response: { 200: ATTACHMENT_FILE, 404: errorSchema },
      },
    },
    async (request, reply) => {
      const report = await requireReport(store, request);
      const file = await readAttachment(store, report.id, request.params.aid);
      if (!file) throw notFound("Файл не знайдено");
      reply.header("content-type", file.contentType);
      reply.header("content-disposition", contentDisposition(file.name));
      reply.header("cache-control", "private, no-store");
      return reply.send(Buffer.from(file.body));
    },
  );
  app.delete(
    `${BASE}/:aid`,
    {
      schema: {
        tags: TAGS,
        summary: "Прибрати файл із чернетки звіту",
        params: attachmentParams,
        response: { 204: noContent, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const report = await requireReport(store, request);
      await removeAttachment(store, request.params.id, report.id, request.params.aid, actorOf(request)).catch(
        conflictToHttp,
      );
      return reply.status(204).send();
    },
  );
}

export async function reportAttachmentRoutes(app: ZodApp, options: AttachmentRouteOptions): Promise<void> {
  await app.register(multipart, { limits: { fileSize: options.maxBytes, files: 1, fields: 0, parts: 1 } });
  uploadRoute(app, options);
  readRoutes(app, options.store);
}
