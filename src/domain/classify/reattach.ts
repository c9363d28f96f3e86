import { normalizeText } from "./normalize.js";

/** An item as a correction sees it: its positional id, its number as printed and its title. */
export interface ItemIdentity {
  id: string;
  number: string;
  title: string;
}

/**
 * A stored correction with the identity of the item it was made on. `itemNumber`/`itemTitle` null or
 * absent: not recorded — the item that had `itemId` in the old version stands in.
 */
export interface AnchoredOverride {
  itemId: string;
  itemNumber?: string | null;
  itemTitle?: string | null;
}

export type DropReason = "not-found" | "ambiguous";

/** `anchor`: the item the correction was made on (null: unknown); `item`: the one it is on now. */
export type Reattachment<O extends AnchoredOverride> = { override: O; anchor: ItemIdentity | null } & (
  | { outcome: "kept" | "moved"; item: ItemIdentity }
  | { outcome: "dropped"; reason: DropReason }
);

/**
 * The title two versions must share for a correction to follow its item: `normalizeText` (case,
 * apostrophes, markup, hyphenation, spaces), typographic quotes as one, trailing punctuation gone.
 */
export function titleKey(title: string): string {
  return normalizeText(title)
    .replace(/[«»“”„"]/g, '"')
    .replace(/[\s.,;:]+$/, "");
}

/**
 * Where each correction goes in a new version of the programme (ids are positional, so an inserted,
 * deleted or moved item shifts them): the same id with the same title keeps it; otherwise the one new
 * item with that title (several: the one with the same number) gets it; none, several, or a target
 * another correction claims too → dropped. Results are in the order of `overrides`.
 */
export function reattachOverrides<O extends AnchoredOverride>(
  oldItems: Iterable<ItemIdentity>,
  newItems: Iterable<ItemIdentity>,
  overrides: readonly O[],
): Reattachment<O>[] {
  const oldById = byId(oldItems);
  const fresh = [...newItems];
  const newById = byId(fresh);
  const newByTitle = groupByTitle(fresh);
  const decided = overrides.map((override) => {
    const anchor = anchorOf(override, oldById);
    return decide(override, anchor, newById, newByTitle);
  });
  return withoutSharedTargets(decided);
}

function byId(items: Iterable<ItemIdentity>): Map<string, ItemIdentity> {
  const out = new Map<string, ItemIdentity>();
  for (const item of items) out.set(item.id, item);
  return out;
}

function groupByTitle(items: readonly ItemIdentity[]): Map<string, ItemIdentity[]> {
  const out = new Map<string, ItemIdentity[]>();
  for (const item of items) {
    const key = titleKey(item.title);
    if (key) out.set(key, [...(out.get(key) ?? []), item]);
  }
  return out;
}

function anchorOf(override: AnchoredOverride, oldById: Map<string, ItemIdentity>): ItemIdentity | null {
  if (override.itemTitle != null) {
    return { id: override.itemId, number: override.itemNumber ?? "", title: override.itemTitle };
  }
  return oldById.get(override.itemId) ?? null;
}

function decide<O extends AnchoredOverride>(
  override: O,
  anchor: ItemIdentity | null,
  newById: Map<string, ItemIdentity>,
  newByTitle: Map<string, ItemIdentity[]>,
): Reattachment<O> {
  const key = anchor ? titleKey(anchor.title) : "";
  if (!anchor || !key) return { override, outcome: "dropped", reason: "not-found", anchor };
  const same = newById.get(override.itemId);
  if (same && titleKey(same.title) === key) return { override, anchor, outcome: "kept", item: same };
  const candidates = newByTitle.get(key) ?? [];
  if (candidates.length === 0) return { override, outcome: "dropped", reason: "not-found", anchor };
  const number = anchor.number.trim();
  const sameNumber = candidates.filter((item) => item.number.trim() === number);
  const chosen =
    candidates.length === 1 ? candidates[0] : sameNumber.length === 1 ? sameNumber[0] : undefined;
  if (!chosen) return { override, outcome: "dropped", reason: "ambiguous", anchor };
  return { override, anchor, outcome: "moved", item: chosen };
}

/** A new item takes one correction: one kept in place wins; several moving onto it are all dropped. */
function withoutSharedTargets<O extends AnchoredOverride>(decided: Reattachment<O>[]): Reattachment<O>[] {
  const claims = new Map<string, Reattachment<O>[]>();
  for (const each of decided) {
    if (each.outcome !== "dropped") claims.set(each.item.id, [...(claims.get(each.item.id) ?? []), each]);
  }
  return decided.map((each) => {
    if (each.outcome !== "moved") return each;
    const rivals = claims.get(each.item.id) ?? [];
    if (rivals.length === 1) return each;
    return { override: each.override, anchor: each.anchor, outcome: "dropped", reason: "ambiguous" };
  });
}
