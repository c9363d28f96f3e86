/**
 * Organisational units as a tree: what kind of body a unit is (guessed from its name when it comes
 * from an imported executor string), and the checks that keep the parent links a tree.
 */

export const UNIT_KINDS = [
  "executive",
  "department",
  "enterprise",
  "institution",
  "starosta",
  "other",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { uk: string; en: string }> = {
  executive: { uk: "Виконавчий орган", en: "Executive body" },
  department: { uk: "Відділ, управління", en: "Department" },
  enterprise: { uk: "Комунальне підприємство", en: "Municipal enterprise" },
  institution: { uk: "Заклад, установа", en: "Institution" },
  starosta: { uk: "Старостинський округ", en: "Starosta district" },
  other: { uk: "Інше", en: "Other" },
};

export function isUnitKind(value: string): value is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(value);
}

/** Patterns tried in order: the first that matches names the kind (a school's department is a school). */
const KIND_PATTERNS: [UnitKind, RegExp][] = [
  [
    "enterprise",
    /(^|[^\p{L}])(кп|кнп|комунальн\p{L}* (некомерційн\p{L}* )?підприємств\p{L}*|підприємств\p{L}*)([^\p{L}]|$)/u,
  ],
  ["starosta", /старост/u],
  [
    "institution",
    /(^|[^\p{L}])(заклад\p{L}*|установ\p{L}*|школ\p{L}*|гімназі\p{L}*|ліце\p{L}*|садо?к\p{L}*|цнап|центр\p{L}*|бібліотек\p{L}*|лікарн\p{L}*|амбулатор\p{L}*|будин\p{L}* культури|музе\p{L}*|клуб\p{L}*)([^\p{L}]|$)/u,
  ],
  [
    "department",
    /(^|[^\p{L}])(відділ\p{L}*|управлін\p{L}*|департамент\p{L}*|сектор\p{L}*|служб\p{L}*)([^\p{L}]|$)/u,
  ],
  [
    "executive",
    /(^|[^\p{L}])(виконавч\p{L}* комітет\p{L}*|виконком\p{L}*|апарат\p{L}*|(міськ|сільськ|селищн)\p{L}* (рад\p{L}*|голов\p{L}*))([^\p{L}]|$)/u,
  ],
];

/** The kind a unit's name suggests; `other` when none does. */
export function guessUnitKind(name: string): UnitKind {
  const text = name
    .toLowerCase()
    .replace(/[’'`ʼ]/g, "'")
    .replace(/\s+/g, " ");
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
}

export interface UnitLink {
  id: number;
  parentId: number | null;
}

/**
 * Whether making `parentId` the parent of unit `id` would break the tree: a unit cannot be its own
 * parent, nor a child of any of its descendants. `units` are the community's units as they are now.
 */
export function makesCycle(units: readonly UnitLink[], id: number, parentId: number | null): boolean {
  const parentOf = new Map(units.map((unit) => [unit.id, unit.parentId]));
  const seen = new Set<number>();
  for (let at: number | null | undefined = parentId; at != null; at = parentOf.get(at)) {
    if (at === id) return true;
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/**
 * The units in tree order, each with its depth: roots by name, each followed by its children by name.
 * A unit whose parent is missing from the list is shown as a root.
 */
export function unitTree<T extends UnitLink & { name: string }>(
  units: readonly T[],
): { unit: T; depth: number }[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<number | null, T[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const ordered: { unit: T; depth: number }[] = [];
  const visited = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    const byName = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, "uk"));
    for (const unit of byName) {
      if (visited.has(unit.id)) continue;
      visited.add(unit.id);
      ordered.push({ unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  // Units caught in a cycle (never stored so, but the list may come from anywhere) still show.
  for (const unit of units) if (!visited.has(unit.id)) ordered.push({ unit, depth: 0 });
  return ordered;
}
