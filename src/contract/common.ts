/** What every room's contract shares: ids, the one error answer and file downloads. */
import { z } from "zod";

/** Ids are PostgreSQL `integer`s: a larger number is no id (and must not reach a query). */
export const INT4_MAX = 2 ** 31 - 1;
export const positiveInt = z.coerce.number().int().positive().max(INT4_MAX);
/** An id in a JSON body (no coercion): the same bound. */
export const positiveId = z.int().positive().max(INT4_MAX);

/** Every error answer: `{ error }` in Ukrainian, sometimes with more fields beside it. */
export const errorSchema = z.object({ error: z.string() });
export const idParams = z.object({ id: positiveInt });
/** The `Idempotency-Key` header of every route that takes one (imports, reports): 8–200 visible ASCII. */
export const idempotencyKeySchema = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, "Заголовок Idempotency-Key: 8–200 видимих ASCII-символів");

/** A downloaded file: the bytes, as OpenAPI describes them. */
export function fileResponse(description: string, mediaTypes: readonly string[]) {
  // Typed as any value: the route sends a Buffer or a stream, which Fastify sends unserialised.
  const bytes: z.ZodType<unknown> = z.string().meta({ format: "binary" });
  return {
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: bytes }])),
  };
}

export const MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  zip: "application/zip",
} as const;

export const healthSchema = z.object({ status: z.literal("ok") });

/** 304: the client's copy (its ETag) is current; no body. */
export const notModified = z.undefined().describe("Не змінилося: ETag збігся");

/** 204: done, no body. */
export const noContent = z.undefined().describe("Виконано, без тіла");
