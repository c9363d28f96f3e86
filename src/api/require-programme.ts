import type { Store, StoredProgramme } from "../store/index.js";
import { notFound } from "./errors.js";

/** The stored programme (its latest or the given version), or 404. */
export async function requireProgramme(store: Store, id: number, version?: number): Promise<StoredProgramme> {
  const stored = await store.getProgramme(id, version);
  if (stored) return stored;
  throw notFound(version === undefined ? "Програму не знайдено" : "Програму або її версію не знайдено");
}
