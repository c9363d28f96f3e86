/**
 * One project's own fields changed on its own (PATCH /api/programmes/:id/projects/:itemId): the
 * programme with that item's fields replaced, its id and children kept, and the findings that
 * appeared or went away. Shared by the API and the web app.
 */
import type { Finding, Item, Programme } from "./model.js";
import { assertKopecks } from "./money.js";
import { addRow, type Totals, totalsOfRows } from "./totals.js";

/** What a project edit sends: the item without its id and children. */
export type ProjectFields = Omit<Item, "id" | "children">;

export function projectFields(item: Item): ProjectFields {
  const { id: _id, children: _children, ...fields } = item;
  return fields;
}

function replaceIn(items: Item[], id: string, fields: ProjectFields): Item[] | undefined {
  for (const [index, item] of items.entries()) {
    const replaced =
      item.id === id
        ? { ...fields, id: item.id, children: item.children }
        : id.startsWith(`${item.id}.`)
          ? replaceChildren(item, id, fields)
          : undefined;
    if (!replaced) continue;
    const copy = [...items];
    copy[index] = replaced;
    return copy;
  }
  return undefined;
}

function replaceChildren(item: Item, id: string, fields: ProjectFields): Item | undefined {
  const children = replaceIn(item.children, id, fields);
  return children && { ...item, children };
}

/** The programme with the item's own fields replaced (everything else shared); undefined: no such item. */
export function withProjectFields(
  programme: Programme,
  id: string,
  fields: ProjectFields,
): Programme | undefined {
  for (const [index, direction] of programme.directions.entries()) {
    const items = replaceIn(direction.items, id, fields);
    if (!items) continue;
    const directions = [...programme.directions];
    directions[index] = { ...direction, items };
    return { ...programme, directions };
  }
  return undefined;
}

/**
 * Where the item with this id sits in the programme's JSON, as keys from the root (directions, index,
 * items, index, children, index…); undefined when there is no such item.
 */
export function projectPath(programme: Programme, id: string): string[] | undefined {
  const search = (items: Item[], path: string[]): string[] | undefined => {
    for (const [index, item] of items.entries()) {
      if (item.id === id) return [...path, String(index)];
      if (id.startsWith(`${item.id}.`)) return search(item.children, [...path, String(index), "children"]);
    }
    return undefined;
  };
  for (const [index, direction] of programme.directions.entries()) {
    const found = search(direction.items, ["directions", String(index), "items"]);
    if (found) return found;
  }
  return undefined;
}

/** The item with this id, anywhere in the tree. */
export function findProject(programme: Programme, id: string): Item | undefined {
  const search = (items: Item[]): Item | undefined => {
    for (const item of items) {
      if (item.id === id) return item;
      if (id.startsWith(`${item.id}.`)) return search(item.children);
    }
    return undefined;
  };
  for (const direction of programme.directions) {
    const found = search(direction.items);
    if (found) return found;
  }
  return undefined;
}

const findingKey = (finding: Finding) => `${finding.code}|${finding.location.ref}|${finding.message}`;

export interface FindingsDelta {
  added: Finding[];
  removed: Finding[];
}

/** Findings of `after` not in `before` (added) and of `before` not in `after` (removed). */
export function findingsDelta(before: readonly Finding[], after: readonly Finding[]): FindingsDelta {
  const beforeKeys = new Set(before.map(findingKey));
  const afterKeys = new Set(after.map(findingKey));
  return {
    added: after.filter((finding) => !beforeKeys.has(findingKey(finding))),
    removed: before.filter((finding) => !afterKeys.has(findingKey(finding))),
  };
}

/**
 * `findings` with a delta applied: the removed ones dropped, the added ones appended; an empty delta
 * answers `findings` itself (a save that changed no finding renders none again).
 */
export function applyFindingsDelta(findings: Finding[], delta: FindingsDelta): Finding[] {
  if (delta.added.length === 0 && delta.removed.length === 0) return findings;
  const removed = new Set(delta.removed.map(findingKey));
  return [...findings.filter((finding) => !removed.has(findingKey(finding))), ...delta.added];
}

type Source = keyof Totals["bySource"];

/** Subtracts `amount` at `key`; an entry that reaches zero goes (a full recompute may keep a zero). */
function take(target: Record<string, number>, key: string, amount: number): void {
  const left = assertKopecks((target[key] ?? 0) - amount);
  if (left === 0) delete target[key];
  else target[key] = left;
}

function subtract(totals: Totals, rows: Totals): Totals {
  const out = structuredClone(totals);
  out.total = assertKopecks(out.total - rows.total);
  for (const [year, amount] of Object.entries(rows.byYear)) take(out.byYear, year, amount);
  for (const [source, amount] of Object.entries(rows.bySource)) take(out.bySource, source, amount ?? 0);
  for (const [source, byYear] of Object.entries(rows.bySourceByYear)) {
    const target = out.bySourceByYear[source as Source] ?? {};
    for (const [year, amount] of Object.entries(byYear ?? {})) take(target, year, amount);
    if (Object.keys(target).length === 0) delete out.bySourceByYear[source as Source];
  }
  return out;
}

/**
 * The programme's totals after one item's own rows changed, from the totals before: the old rows
 * taken out and the new ones added — work proportional to the item, not to the programme.
 */
export function totalsAfterProjectEdit(
  before: Totals,
  oldFields: ProjectFields,
  newFields: ProjectFields,
): Totals {
  const out = subtract(before, totalsOfRows(oldFields.funding));
  for (const row of newFields.funding) addRow(out, row);
  return out;
}

export type ProgrammeChange =
  | { kind: "none" }
  /** Exactly one item's own fields differ; the tree's shape and everything else are the same. */
  | { kind: "project"; before: Item; after: Item }
  | { kind: "other" };

const OTHER: ProgrammeChange = { kind: "other" };

function sameOwnFields(a: Item, b: Item): boolean {
  return (
    a.number === b.number &&
    a.title === b.title &&
    a.executors === b.executors &&
    a.deadline === b.deadline &&
    a.deadlineText === b.deadlineText &&
    a.funding === b.funding &&
    a.expectedResult === b.expectedResult &&
    a.line === b.line
  );
}

/** Collects items whose own fields changed; false when the shape of the tree changed. */
function collectChanged(before: Item[], after: Item[], out: { before: Item; after: Item }[]): boolean {
  if (before === after) return true;
  if (before.length !== after.length) return false;
  for (const [index, next] of after.entries()) {
    const previous = before[index];
    if (previous === next) continue;
    if (!previous || previous.id !== next.id) return false;
    if (!sameOwnFields(previous, next)) out.push({ before: previous, after: next });
    if (!collectChanged(previous.children, next.children, out)) return false;
  }
  return true;
}

/**
 * What changed between two states of a programme edited immutably (unchanged parts shared): nothing,
 * one project's own fields, or anything else. Compares references along the changed path only, so its
 * cost does not grow with the programme.
 */
export function changeBetween(before: Programme, after: Programme): ProgrammeChange {
  if (before === after) return { kind: "none" };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Programme)[]);
  for (const key of keys) if (key !== "directions" && before[key] !== after[key]) return OTHER;
  if (before.directions.length !== after.directions.length) return OTHER;
  const changed: { before: Item; after: Item }[] = [];
  for (const [index, next] of after.directions.entries()) {
    const previous = before.directions[index];
    if (previous === next) continue;
    if (!previous) return OTHER;
    const { items: _a, ...restBefore } = previous;
    const { items: _b, ...restAfter } = next;
    for (const key of Object.keys(restAfter) as (keyof typeof restAfter)[]) {
      if (restBefore[key] !== restAfter[key]) return OTHER;
    }
    if (!collectChanged(previous.items, next.items, changed)) return OTHER;
  }
  const [only, ...more] = changed;
  if (!only) return { kind: "none" };
  return more.length === 0 ? { kind: "project", ...only } : OTHER;
}
