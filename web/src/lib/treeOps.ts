import {
  assignItemIds,
  type Deadline,
  type Direction,
  type FundingRow,
  type Item,
  type Programme,
  walkItems,
  years,
} from "../../../src/domain/model.js";
import type { Kopecks } from "../../../src/domain/money.js";
import { sumOfYearsAndSpans } from "../../../src/domain/totals.js";

/**
 * Editing operations on the direction → task → project tree. Each returns a new programme (the input
 * is never mutated, so the undo history can keep old states) and the id the touched item has now:
 * ids are positional, so they change when the tree changes shape.
 */
export interface EditResult {
  programme: Programme;
  /** Id of the item the operation concerned, after ids were reassigned; null when it is gone. */
  id: string | null;
}

interface Place {
  direction: Direction;
  siblings: Item[];
  index: number;
  parent: Item | null;
  item: Item;
}

function locate(programme: Programme, id: string): Place | null {
  const search = (direction: Direction, siblings: Item[], parent: Item | null): Place | null => {
    for (const [index, item] of siblings.entries()) {
      if (item.id === id) return { direction, siblings, index, parent, item };
      const found = search(direction, item.children, item);
      if (found) return found;
    }
    return null;
  };
  for (const direction of programme.directions) {
    const found = search(direction, direction.items, null);
    if (found) return found;
  }
  return null;
}

export function findItem(programme: Programme, id: string): Item | null {
  return locate(programme, id)?.item ?? null;
}

/** Clones, applies the change to the clone's item, renumbers ids, reports the item's new id. */
function edit(
  programme: Programme,
  id: string,
  change: (place: Place, copy: Programme) => boolean,
): EditResult {
  const copy = structuredClone(programme);
  const place = locate(copy, id);
  if (!place || !change(place, copy)) return { programme, id: place ? id : null };
  const item = place.item;
  assignItemIds(copy);
  const stillThere = [...copy.directions.flatMap((d) => [...walkItems(d.items)])].includes(item);
  return { programme: copy, id: stillThere ? item.id : null };
}

export function moveItem(programme: Programme, id: string, delta: -1 | 1): EditResult {
  return edit(programme, id, ({ siblings, index }) => {
    const target = index + delta;
    if (target < 0 || target >= siblings.length) return false;
    const [item] = siblings.splice(index, 1);
    if (!item) return false;
    siblings.splice(target, 0, item);
    return true;
  });
}

/** Makes the item the last child of the sibling above it. */
export function indentItem(programme: Programme, id: string): EditResult {
  return edit(programme, id, ({ siblings, index, item }) => {
    const above = siblings[index - 1];
    if (!above) return false;
    siblings.splice(index, 1);
    above.children.push(item);
    return true;
  });
}

/** Makes the item the next sibling of its parent. */
export function outdentItem(programme: Programme, id: string): EditResult {
  return edit(programme, id, (place, copy) => {
    if (!place.parent) return false;
    const parentPlace = locate(copy, place.parent.id);
    if (!parentPlace) return false;
    place.siblings.splice(place.index, 1);
    parentPlace.siblings.splice(parentPlace.index + 1, 0, place.item);
    return true;
  });
}

export function deleteItem(programme: Programme, id: string): EditResult {
  const result = edit(programme, id, ({ siblings, index }) => {
    siblings.splice(index, 1);
    return true;
  });
  return { programme: result.programme, id: null };
}

export function blankItem(programme: Programme): Item {
  const byYear = Object.fromEntries(years(programme.period).map((year) => [year, 0]));
  const funding: FundingRow = { source: "local", label: "місцевий бюджет", byYear, total: 0, line: 0 };
  const deadline: Deadline = { kind: "years", from: programme.period.from, to: programme.period.to };
  return {
    id: "",
    number: "",
    title: "",
    executors: [],
    deadline,
    deadlineText: "",
    funding: [funding],
    expectedResult: "",
    children: [],
    line: 0,
  };
}

/** Adds a blank task at the end of a direction, or right after the given item, at its level. */
export function addItem(
  programme: Programme,
  where: { directionIndex: number } | { afterId: string },
): EditResult {
  const copy = structuredClone(programme);
  const item = blankItem(copy);
  if ("afterId" in where) {
    const place = locate(copy, where.afterId);
    if (!place) return { programme, id: null };
    place.siblings.splice(place.index + 1, 0, item);
  } else {
    const direction = copy.directions[where.directionIndex];
    if (!direction) return { programme, id: null };
    direction.items.push(item);
  }
  assignItemIds(copy);
  item.number = item.id.replace(/^d/, "");
  return { programme: copy, id: item.id };
}

/** Copies the path to the item and replaces it; untouched items keep their identity. */
function replaceInItems(items: Item[], id: string, replace: (item: Item) => Item): Item[] | null {
  for (const [index, item] of items.entries()) {
    const own = item.id === id;
    const below = !own && id.startsWith(`${item.id}.`) ? replaceInItems(item.children, id, replace) : null;
    if (own || below) {
      const copy = [...items];
      copy[index] = own ? replace(item) : { ...item, children: below ?? item.children };
      return copy;
    }
  }
  return null;
}

/**
 * Any other change to one item's own fields (title, executors, deadline, amounts). Only the item and
 * its ancestors are copied, so that unchanged parts of the tree need not re-render.
 */
export function updateItem(programme: Programme, id: string, change: (item: Item) => void): EditResult {
  const replace = (item: Item): Item => {
    const copy: Item = { ...structuredClone({ ...item, children: [] }), children: item.children };
    change(copy);
    return copy;
  };
  for (const [index, direction] of programme.directions.entries()) {
    const items = replaceInItems(direction.items, id, replace);
    if (!items) continue;
    const directions = [...programme.directions];
    directions[index] = { ...direction, items };
    return { programme: { ...programme, directions }, id };
  }
  return { programme, id: null };
}

/** Sets one year's amount of one funding row; the row's total becomes the sum of its years and spans. */
export function setAmount(
  programme: Programme,
  id: string,
  rowIndex: number,
  year: string,
  kopecks: Kopecks,
): EditResult {
  return updateItem(programme, id, (item) => {
    const row = item.funding[rowIndex];
    if (!row) return;
    row.byYear[year] = kopecks;
    row.total = sumOfYearsAndSpans(row); // a span ("2026-2027") stays in the total
    row.totalPrinted = false;
  });
}

export interface Position {
  index: number;
  count: number;
  nested: boolean;
}

/** Whether each tree operation makes sense for an item at a position among its siblings. */
export function movesAt({ index, count, nested }: Position) {
  return { up: index > 0, down: index < count - 1, indent: index > 0, outdent: nested };
}

export function possibleMoves(programme: Programme, id: string) {
  const place = locate(programme, id);
  if (!place) return { up: false, down: false, indent: false, outdent: false };
  return movesAt({ index: place.index, count: place.siblings.length, nested: place.parent !== null });
}
