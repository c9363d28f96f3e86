/**
 * A territorial community's official name in two parts: its own name, as the codifier writes it
 * («Озерянська»), and its kind, by an ASCII id. «Озерянська сільська територіальна громада» is
 * { name: "Озерянська", kind: "village" }; a name of another shape keeps its whole text and no kind.
 * Pure: the national view sends the parts and the page joins them back.
 */

export const COMMUNITY_KINDS = ["city", "settlement", "village"] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

const KIND_WORD: Record<CommunityKind, string> = {
  city: "міська",
  settlement: "селищна",
  village: "сільська",
};
const TAIL = "територіальна громада";
const SHAPE = new RegExp(`^(\\S.*?) (${Object.values(KIND_WORD).join("|")}) ${TAIL}$`);

export interface NameParts {
  name: string;
  kind: CommunityKind | null;
}

export function splitCommunityName(full: string): NameParts {
  const match = SHAPE.exec(full);
  const kind = COMMUNITY_KINDS.find((each) => KIND_WORD[each] === match?.[2]);
  return match?.[1] && kind ? { name: match[1], kind } : { name: full, kind: null };
}

/** The inverse of `splitCommunityName`. */
export function joinCommunityName({ name, kind }: NameParts): string {
  return kind === null ? name : `${name} ${KIND_WORD[kind]} ${TAIL}`;
}
