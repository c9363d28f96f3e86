import { allItems, type Item, type Programme, type SourceKind } from "../../../src/domain/model.js";
import type { Kopecks } from "../../../src/domain/money.js";

/** A readable difference between two versions of a programme, computed in the browser. */
export interface ItemRef {
  key: string;
  number: string;
  title: string;
}

export interface AmountChange extends ItemRef {
  source: SourceKind;
  label: string;
  /** A year ("2026") or "total". */
  year: string;
  before: Kopecks;
  after: Kopecks;
}

export interface FieldChange {
  /** What changed, as an i18n-free path: "title", "passport:3", "item:<key>:executors". */
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface ProgrammeDiff {
  added: ItemRef[];
  removed: ItemRef[];
  amounts: AmountChange[];
  fields: FieldChange[];
}

/**
 * Items are matched by number and title, not by id: ids are positional and shift when a task is
 * inserted above. Two items with the same number and title are matched in order.
 */
function keyed(programme: Programme): Map<string, Item> {
  const map = new Map<string, Item>();
  for (const item of allItems(programme)) {
    const base = `${item.number}|${item.title.trim().toLocaleLowerCase("uk")}`;
    let key = base;
    for (let n = 2; map.has(key); n++) key = `${base}#${n}`;
    map.set(key, item);
  }
  return map;
}

const refOf = (key: string, item: Item): ItemRef => ({ key, number: item.number, title: item.title });

function amountChanges(key: string, before: Item, after: Item): AmountChange[] {
  const out: AmountChange[] = [];
  const rowsBefore = new Map(before.funding.map((row) => [`${row.source}|${row.label}`, row]));
  for (const row of after.funding) {
    const old = rowsBefore.get(`${row.source}|${row.label}`);
    rowsBefore.delete(`${row.source}|${row.label}`);
    const yearsOf = new Set([...Object.keys(row.byYear), ...Object.keys(old?.byYear ?? {})]);
    for (const year of [...yearsOf].sort()) {
      const was = old?.byYear[year] ?? 0;
      const now = row.byYear[year] ?? 0;
      if (was !== now)
        out.push({
          ...refOf(key, after),
          source: row.source,
          label: row.label,
          year,
          before: was,
          after: now,
        });
    }
  }
  for (const old of rowsBefore.values()) {
    for (const [year, was] of Object.entries(old.byYear)) {
      if (was !== 0)
        out.push({ ...refOf(key, after), source: old.source, label: old.label, year, before: was, after: 0 });
    }
  }
  return out;
}

function itemFieldChanges(key: string, before: Item, after: Item): FieldChange[] {
  const pairs: [string, string, string][] = [
    ["executors", before.executors.join("; "), after.executors.join("; ")],
    [
      "deadline",
      before.deadlineText || JSON.stringify(before.deadline),
      after.deadlineText || JSON.stringify(after.deadline),
    ],
    ["expectedResult", before.expectedResult, after.expectedResult],
  ];
  return pairs
    .filter(([, was, now]) => was !== now)
    .map(([field, was, now]) => ({
      field: `item:${key}:${field}`,
      label: `${after.number} ${after.title}`,
      before: was,
      after: now,
    }));
}

function programmeFieldChanges(before: Programme, after: Programme): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.title !== after.title)
    out.push({ field: "title", label: "", before: before.title, after: after.title });
  const oldFields = new Map(before.passport.fields.map((field) => [field.number, field]));
  for (const field of after.passport.fields) {
    const was = oldFields.get(field.number)?.value ?? "";
    if (was !== field.value)
      out.push({ field: `passport:${field.number}`, label: field.label, before: was, after: field.value });
  }
  return out;
}

export function diffProgrammes(before: Programme, after: Programme): ProgrammeDiff {
  const left = keyed(before);
  const right = keyed(after);
  const diff: ProgrammeDiff = {
    added: [],
    removed: [],
    amounts: [],
    fields: programmeFieldChanges(before, after),
  };
  for (const [key, item] of right) {
    const old = left.get(key);
    if (!old) {
      diff.added.push(refOf(key, item));
      continue;
    }
    diff.amounts.push(...amountChanges(key, old, item));
    diff.fields.push(...itemFieldChanges(key, old, item));
  }
  for (const [key, item] of left) if (!right.has(key)) diff.removed.push(refOf(key, item));
  return diff;
}

export function isEmptyDiff(diff: ProgrammeDiff): boolean {
  return !diff.added.length && !diff.removed.length && !diff.amounts.length && !diff.fields.length;
}
