import { diffProgrammes, type ProgrammeDiff } from "../../../src/domain/diff.js";
import { allItems, type Item, type Programme } from "../../../src/domain/model.js";

/**
 * The readable difference between two versions: the shared domain diff (items and amounts) plus the
 * text fields people edit in the workspace (title, passport, executors, deadlines, results).
 */
export interface FieldChange {
  /** "title", "passport:3", "item:<number|title>:executors". */
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface VersionDiff extends ProgrammeDiff {
  fields: FieldChange[];
}

function itemsByKey(programme: Programme): Map<string, Item> {
  const map = new Map<string, Item>();
  for (const item of allItems(programme)) {
    const base = `${item.number}|${item.title.trim().toLocaleLowerCase("uk")}`;
    let key = base;
    for (let n = 2; map.has(key); n++) key = `${base}#${n}`;
    map.set(key, item);
  }
  return map;
}

const deadlineText = (item: Item) =>
  item.deadlineText || (item.deadline ? JSON.stringify(item.deadline) : "");

function itemFieldChanges(key: string, before: Item, after: Item): FieldChange[] {
  const label = `${after.number} ${after.title}`.trim();
  const pairs: [string, string, string][] = [
    ["executors", before.executors.join("; "), after.executors.join("; ")],
    ["deadline", deadlineText(before), deadlineText(after)],
    ["expectedResult", before.expectedResult, after.expectedResult],
  ];
  return pairs
    .filter(([, was, now]) => was !== now)
    .map(([field, was, now]) => ({ field: `item:${key}:${field}`, label, before: was, after: now }));
}

export function fieldChanges(before: Programme, after: Programme): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.title !== after.title)
    out.push({ field: "title", label: "", before: before.title, after: after.title });
  const oldFields = new Map(before.passport.fields.map((field) => [field.number, field.value]));
  for (const field of after.passport.fields) {
    const was = oldFields.get(field.number) ?? "";
    if (was !== field.value) {
      out.push({ field: `passport:${field.number}`, label: field.label, before: was, after: field.value });
    }
  }
  const left = itemsByKey(before);
  for (const [key, item] of itemsByKey(after)) {
    const old = left.get(key);
    if (old) out.push(...itemFieldChanges(key, old, item));
  }
  return out;
}

export function diffVersions(before: Programme, after: Programme): VersionDiff {
  return { ...diffProgrammes(before, after), fields: fieldChanges(before, after) };
}

export function isEmptyDiff(diff: VersionDiff): boolean {
  return (
    !diff.itemsAdded.length &&
    !diff.itemsRemoved.length &&
    !diff.itemsRetitled.length &&
    !diff.amountsChanged.length &&
    !diff.fields.length
  );
}
