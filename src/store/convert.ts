import { assertKopecks, type Kopecks } from "../domain/money.js";

const INTEGER_TEXT = /^-?\d+$/;

/**
 * A bigint column read back as exact kopecks: pg returns bigint as text, PGlite as a number (or a
 * BigInt past 2^53). Never through parseFloat; anything outside the safe range is an error.
 */
export function toKopecks(value: string | number | bigint): Kopecks {
  if (typeof value === "number") return assertKopecks(value);
  if (typeof value === "string" && !INTEGER_TEXT.test(value)) {
    throw new RangeError(`not an integer amount: ${value}`);
  }
  const exact = BigInt(value);
  if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`amount outside the exact range: ${exact}`);
  }
  return Number(exact);
}

export function toIso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** A jsonb column as read: pg parses it, PGlite may hand over the text. */
export function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
