import { allItems, type FundingRow, type Item, type Programme, type SourceKind } from "./model.js";
import type { Kopecks } from "./money.js";
import { programmeTotals } from "./totals.js";

export interface ItemRef {
  id: string;
  number: string;
  title: string;
}

export interface AmountChange {
  item: ItemRef;
  source: SourceKind;
  label: string;
  /** A year ("2027"), or null for the row's total. */
  year: string | null;
  /** Null when the row or the year did not exist on that side. */
  before: Kopecks | null;
  after: Kopecks | null;
}

export interface ProgrammeDiff {
  itemsAdded: ItemRef[];
  itemsRemoved: ItemRef[];
  /** The same item (by position) under a new title. */
  itemsRetitled: { before: ItemRef; after: ItemRef }[];
  amountsChanged: AmountChange[];
  total: { before: Kopecks; after: Kopecks };
}

function toRef(item: Item): ItemRef {
  return { id: item.id, number: item.number, title: item.title };
}

function normalizedTitle(item: Item): string {
  return item.title.toLowerCase().replace(/\s+/g, " ").trim();
}

interface Pairing {
  pairs: [Item, Item][];
  removed: Item[];
  added: Item[];
}

/**
 * Pairs items of two versions: same id and title first, then the same title elsewhere (an item moved
 * because another was inserted before it), then the same id (an item renamed in place).
 */
function pairItems(before: Item[], after: Item[]): Pairing {
  const pairs: [Item, Item][] = [];
  let left = [...before];
  let right = [...after];
  const matchers: ((a: Item, b: Item) => boolean)[] = [
    (a, b) => a.id === b.id && normalizedTitle(a) === normalizedTitle(b),
    (a, b) => normalizedTitle(a) === normalizedTitle(b),
    (a, b) => a.id === b.id,
  ];
  for (const matches of matchers) {
    const unmatched: Item[] = [];
    for (const item of left) {
      const index = right.findIndex((candidate) => matches(item, candidate));
      const partner = right[index];
      if (partner) {
        pairs.push([item, partner]);
        right = right.filter((_, position) => position !== index);
      } else {
        unmatched.push(item);
      }
    }
    left = unmatched;
  }
  return { pairs, removed: left, added: right };
}

/** Rows keyed by source and label; a repeated key gets its occurrence number. */
function keyedRows(rows: FundingRow[]): Map<string, FundingRow> {
  const out = new Map<string, FundingRow>();
  for (const row of rows) {
    const base = `${row.source}\u0000${row.label.trim()}`;
    let key = base;
    for (let occurrence = 2; out.has(key); occurrence++) key = `${base}\u0000${occurrence}`;
    out.set(key, row);
  }
  return out;
}

function rowChanges(
  item: ItemRef,
  before: FundingRow | undefined,
  after: FundingRow | undefined,
): AmountChange[] {
  const row = (after ?? before) as FundingRow;
  const years = [
    ...new Set([...Object.keys(before?.byYear ?? {}), ...Object.keys(after?.byYear ?? {})]),
  ].sort();
  const changes: AmountChange[] = [];
  for (const year of [...years, null]) {
    const was = before ? (year === null ? before.total : (before.byYear[year] ?? null)) : null;
    const is = after ? (year === null ? after.total : (after.byYear[year] ?? null)) : null;
    if (was !== is)
      changes.push({ item, source: row.source, label: row.label, year, before: was, after: is });
  }
  return changes;
}

function itemChanges(before: Item, after: Item): AmountChange[] {
  const rowsBefore = keyedRows(before.funding);
  const rowsAfter = keyedRows(after.funding);
  const keys = [...new Set([...rowsBefore.keys(), ...rowsAfter.keys()])];
  return keys.flatMap((key) => rowChanges(toRef(after), rowsBefore.get(key), rowsAfter.get(key)));
}

/** What changed between two versions of a programme: items and task-table amounts. Pure. */
export function diffProgrammes(before: Programme, after: Programme): ProgrammeDiff {
  const { pairs, removed, added } = pairItems(allItems(before), allItems(after));
  const retitled = pairs.filter(([a, b]) => normalizedTitle(a) !== normalizedTitle(b));
  return {
    itemsAdded: added.map(toRef),
    itemsRemoved: removed.map(toRef),
    itemsRetitled: retitled.map(([a, b]) => ({ before: toRef(a), after: toRef(b) })),
    amountsChanged: pairs.flatMap(([a, b]) => itemChanges(a, b)),
    total: { before: programmeTotals(before).total, after: programmeTotals(after).total },
  };
}
