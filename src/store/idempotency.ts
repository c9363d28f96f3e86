/**
 * Idempotency keys for imports. The key is claimed and its result recorded inside the import's own
 * transaction, so a crash leaves either both the version and the key or neither; a concurrent retry
 * with the same key waits on the key's unique index until the first commits, then reads its result.
 */
import type { Transaction } from "kysely";
import type { Database } from "./schema.js";

export interface IdempotentRequest {
  /** The client's Idempotency-Key header. */
  key: string;
  /** Hash of what was sent: the same key with another document is a client error. */
  requestSha256: string;
}

export interface IdempotentResult {
  programmeId: number;
  version: number;
  created: boolean;
}

export class IdempotencyKeyReusedError extends Error {
  override name = "IdempotencyKeyReusedError";
  constructor() {
    super("Цей ключ Idempotency-Key уже використано з іншим документом");
  }
}

/** Claims the key for this transaction; returns the earlier result when the key was used already. */
export async function claimIdempotencyKey(
  trx: Transaction<Database>,
  request: IdempotentRequest,
): Promise<IdempotentResult | null> {
  const claimed = await trx
    .insertInto("idempotency_keys")
    .values({ key: request.key, request_sha256: request.requestSha256 })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  if (claimed) return null;
  const earlier = await trx
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("key", "=", request.key)
    .executeTakeFirstOrThrow();
  if (earlier.request_sha256 !== request.requestSha256) throw new IdempotencyKeyReusedError();
  if (earlier.programme_id === null || earlier.version === null) throw new IdempotencyKeyReusedError();
  return { programmeId: earlier.programme_id, version: earlier.version, created: earlier.created ?? false };
}

export async function recordIdempotentResult(
  trx: Transaction<Database>,
  key: string,
  result: IdempotentResult,
): Promise<void> {
  await trx
    .updateTable("idempotency_keys")
    .set({ programme_id: result.programmeId, version: result.version, created: result.created })
    .where("key", "=", key)
    .execute();
}

/** Gives back a key this transaction claimed and wrote nothing for (an identical re-import). */
export async function releaseIdempotencyKey(trx: Transaction<Database>, key: string): Promise<void> {
  await trx.deleteFrom("idempotency_keys").where("key", "=", key).where("programme_id", "is", null).execute();
}
