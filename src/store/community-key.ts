import { InvalidKatottgError, isKatottg } from "../domain/katottg.js";
import type { Programme } from "../domain/model.js";

/**
 * The community key of a programme. The KATOTTG code when the document gives one; otherwise the
 * normalized community name prefixed with "name:" (lower case, one space, no quotes), so that two
 * imports of a document without a code still land on the same community. A later import with the
 * code creates a separate community row: the store never guesses that a name and a code match.
 * A code that is given must be a KATOTTG code exactly (`InvalidKatottgError` otherwise): it becomes a
 * key, a URL segment and part of file names.
 */
export function communityKey(community: Programme["community"]): string {
  const code = community.katottg;
  if (code.trim() !== "") {
    if (!isKatottg(code)) throw new InvalidKatottgError(code);
    return code;
  }
  const name = community.name
    .toLowerCase()
    .replace(/["«»“”„'’]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return `name:${name || "невідома громада"}`;
}
