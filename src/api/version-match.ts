/**
 * Optimistic concurrency on programme edits: the version the user edited comes as `If-Match: "12"` (the
 * version as an entity tag; a mismatch answers 412) or as a `baseVersion` field (a mismatch answers 409).
 */
import { HttpError } from "./errors.js";

/** `If-Match: "12"` (or W/"12"): the version as an entity tag. */
export function versionOfIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw new HttpError(400, 'If-Match: очікується версія програми в лапках, напр. "12"');
  return Number(match[1]);
}

export interface BaseVersion {
  version: number;
  conflict: 409 | 412;
}

/** The edited version from If-Match, else from `baseVersion`; undefined when neither is given. */
export function baseVersionFrom(
  ifMatch: string | undefined,
  baseVersion: number | undefined,
): BaseVersion | undefined {
  const tagged = versionOfIfMatch(ifMatch);
  if (tagged !== undefined) return { version: tagged, conflict: 412 };
  if (baseVersion !== undefined) return { version: baseVersion, conflict: 409 };
  return undefined;
}

export function versionConflict(base: BaseVersion, latestVersion: number): HttpError {
  return new HttpError(
    base.conflict,
    `Програму тим часом змінено (остання версія ${latestVersion}): завантажте її знову й повторіть зміну`,
    { latestVersion },
  );
}
