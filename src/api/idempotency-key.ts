import type { FastifyRequest } from "fastify";
import { idempotencyKeySchema } from "../contract/common.js";
import { HttpError } from "./errors.js";

/** The request's Idempotency-Key, checked by the contract's one rule; undefined when none was sent. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers["idempotency-key"];
  if (value === undefined) return undefined;
  const parsed = idempotencyKeySchema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? "Idempotency-Key");
  return parsed.data;
}
