/**
 * Where a programme's community lies: its oblast, raion and population from the KATOTTG code, or by
 * name when the document gives no code (a guess the importer reports for the staff to confirm).
 */
import { isKatottg } from "../katottg.js";
import type { Finding, Programme } from "../model.js";
import { ref } from "../model.js";
import { finding } from "../rules/common.js";
import { passportLine } from "../rules/passport.js";
import { communitiesNamed, communityOfCode, type GeoCommunity } from "./communities.js";

export type Placement =
  | { how: "code"; community: GeoCommunity }
  /** The code is a settlement's; `community` is the community it lies in. */
  | { how: "settlement"; community: GeoCommunity }
  /** No code; exactly one community of the codifier bears the name. */
  | { how: "name"; community: GeoCommunity }
  /** No code and no single community by that name: `candidates` (maybe none). */
  | { how: "unplaced"; candidates: GeoCommunity[] }
  /** A code the codifier's communities do not know. */
  | { how: "unknown-code" };

export function placeCommunity(community: Programme["community"]): Placement {
  const code = community.katottg.trim();
  if (code !== "") {
    const found = isKatottg(code) ? communityOfCode(code) : null;
    if (!found) return { how: "unknown-code" };
    return { how: found.exact ? "code" : "settlement", community: found.community };
  }
  const named = communitiesNamed(community.name);
  if (named.length === 1 && named[0]) return { how: "name", community: named[0] };
  return { how: "unplaced", candidates: named };
}

/** The community's geography when the code (or, without a code, a unique name) places it. */
export function geographyOf(community: Programme["community"]): GeoCommunity | null {
  const placed = placeCommunity(community);
  return "community" in placed ? placed.community : null;
}

const describe = (community: GeoCommunity) =>
  `${community.name} ${community.kind ?? ""} територіальна громада (${community.raion}, ${community.oblast}, ${community.katottg})`.replace(
    /\s+/g,
    " ",
  );

/** The importer's findings about the community's place; none when the code names a community. */
export function geographyFindings(programme: Programme): Finding[] {
  const placed = placeCommunity(programme.community);
  const line = passportLine(programme, 2);
  // A task table published alone has no field 2 to point at: its community was named in its caption.
  const at = programme.passport.fields.length === 0 ? ref.programme() : ref.passport(2);
  switch (placed.how) {
    case "code":
      return [];
    case "settlement":
      return [
        finding(
          "import.katottg-not-community",
          `Код ${programme.community.katottg} — код населеного пункту, а не громади; він лежить у громаді ` +
            `${describe(placed.community)}. Область і населення взято від неї; перевірте поле 2 паспорта.`,
          line,
          at,
        ),
      ];
    case "name":
      return [
        finding(
          "import.katottg-by-name",
          `Коду КАТОТТГ немає; за назвою «${programme.community.name}» це, ймовірно, ${describe(placed.community)}. ` +
            "Підтвердіть, вписавши код у поле 2 паспорта.",
          line,
          at,
        ),
      ];
    case "unplaced":
      if (placed.candidates.length === 0) return [];
      return [
        finding(
          "import.katottg-by-name",
          `Коду КАТОТТГ немає, а назву «${programme.community.name}» мають кілька громад: ` +
            `${placed.candidates.map(describe).join("; ")}. Впишіть код у поле 2 паспорта.`,
          line,
          at,
        ),
      ];
    case "unknown-code":
      return [
        finding(
          "import.katottg-unknown",
          `Коду ${programme.community.katottg} немає серед 1 469 громад кодифікатора КАТОТТГ; ` +
            "область і населення громади невідомі.",
          line,
          at,
        ),
      ];
  }
}
