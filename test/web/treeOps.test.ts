import { describe, expect, it } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { demoProgramme } from "../../web/src/dev/demoProgramme.js";
import {
  addItem,
  deleteItem,
  findItem,
  indentItem,
  moveItem,
  outdentItem,
  possibleMoves,
  setAmount,
  updateItem,
} from "../../web/src/lib/treeOps.js";

const titlesOf = (programme: Programme, directionIndex = 0) =>
  programme.directions[directionIndex]?.items.map((item) => item.title) ?? [];

describe("tree editing", () => {
  it("moves a task down and reports its new id, leaving the input unchanged", () => {
    const before = demoProgramme();
    const snapshot = JSON.stringify(before);
    const first = before.directions[0]?.items[0]?.title;
    const { programme, id } = moveItem(before, "d1.1", 1);
    expect(titlesOf(programme)[1]).toBe(first);
    expect(id).toBe("d1.2");
    expect(findItem(programme, "d1.2")?.title).toBe(first);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it("refuses to move the first task up", () => {
    const before = demoProgramme();
    const result = moveItem(before, "d1.1", -1);
    expect(result.programme).toBe(before);
    expect(possibleMoves(before, "d1.1")).toEqual({ up: false, down: true, indent: false, outdent: false });
  });

  it("indents a task under the one above and outdents it back", () => {
    const before = demoProgramme();
    const third = findItem(before, "d1.3");
    const indented = indentItem(before, "d1.3");
    expect(indented.id).toBe("d1.2.2");
    expect(findItem(indented.programme, "d1.2")?.children.map((c) => c.title)).toContain(third?.title);
    expect(indented.programme.directions[0]?.items).toHaveLength(2);
    const back = outdentItem(indented.programme, "d1.2.2");
    expect(back.id).toBe("d1.3");
    expect(titlesOf(back.programme)).toEqual(titlesOf(before));
  });

  it("keeps the programme total when the tree changes shape", () => {
    const before = demoProgramme();
    const total = programmeTotals(before).total;
    const indented = indentItem(before, "d1.3").programme;
    const moved = moveItem(indented, "d1.2", -1).programme;
    expect(programmeTotals(moved).total).toBe(total);
  });

  it("deletes a task with its subtasks and their money", () => {
    const before = demoProgramme();
    const withChildren = findItem(before, "d1.2");
    expect(withChildren?.children.length).toBeGreaterThan(0);
    const { programme, id } = deleteItem(before, "d1.2");
    expect(id).toBeNull();
    expect(allItems(programme)).toHaveLength(allItems(before).length - 2);
    const removed = [withChildren, ...(withChildren?.children ?? [])].reduce(
      (sum, item) => sum + (item?.funding.reduce((s, row) => s + row.total, 0) ?? 0),
      0,
    );
    expect(programmeTotals(programme).total).toBe(programmeTotals(before).total - removed);
  });

  it("adds a blank task after another, at its level, with zero amounts for every year", () => {
    const before = demoProgramme();
    const { programme, id } = addItem(before, { afterId: "d1.1" });
    expect(id).toBe("d1.2");
    const added = findItem(programme, "d1.2");
    expect(added?.title).toBe("");
    expect(Object.keys(added?.funding[0]?.byYear ?? {})).toEqual(["2026", "2027", "2028"]);
    expect(programmeTotals(programme).total).toBe(programmeTotals(before).total);
    expect(addItem(before, { directionIndex: 2 }).id).toBe("d3.2");
  });

  it("sets an amount and recomputes the row total and the programme total exactly", () => {
    const before = demoProgramme();
    const row = findItem(before, "d1.1")?.funding[0];
    const old2027 = row?.byYear["2027"] ?? 0;
    const { programme } = setAmount(before, "d1.1", 0, "2027", 177_450_000);
    const changed = findItem(programme, "d1.1")?.funding[0];
    expect(changed?.byYear["2027"]).toBe(177_450_000);
    expect(changed?.total).toBe((row?.total ?? 0) - old2027 + 177_450_000);
    expect(programmeTotals(programme).total - programmeTotals(before).total).toBe(177_450_000 - old2027);
  });

  it("keeps an amount printed for several years at once in the total when a year is edited", () => {
    const before = demoProgramme();
    const row = findItem(before, "d1.1")?.funding[0];
    if (!row) throw new Error("the demo programme's first item has no funding row");
    row.byYear = { "2028": 100_000 };
    row.spans = { "2026-2027": 500_000 };
    const { programme } = setAmount(before, "d1.1", 0, "2028", 200_000);
    expect(findItem(programme, "d1.1")?.funding[0]?.total).toBe(700_000);
  });

  it("updates an item's fields without touching others", () => {
    const before = demoProgramme();
    const { programme } = updateItem(before, "d2.1", (item) => {
      item.executors = ["Новий виконавець"];
    });
    expect(findItem(programme, "d2.1")?.executors).toEqual(["Новий виконавець"]);
    expect(findItem(before, "d2.1")?.executors).not.toEqual(["Новий виконавець"]);
    expect(findItem(programme, "d2.2")).toEqual(findItem(before, "d2.2"));
  });
});

describe("structural sharing of field edits", () => {
  it("copies only the edited item and its ancestors", () => {
    const before = demoProgramme();
    const { programme } = setAmount(before, "d1.2.1", 0, "2026", 1);
    expect(programme.directions[1]).toBe(before.directions[1]);
    expect(findItem(programme, "d1.1")).toBe(findItem(before, "d1.1"));
    expect(findItem(programme, "d1.2")).not.toBe(findItem(before, "d1.2"));
    expect(findItem(programme, "d1.2.1")?.funding[0]?.byYear["2026"]).toBe(1);
    expect(findItem(before, "d1.2.1")?.funding[0]?.byYear["2026"]).not.toBe(1);
  });

  it("leaves the programme alone for an unknown id", () => {
    const before = demoProgramme();
    expect(updateItem(before, "d9.9", () => {}).programme).toBe(before);
  });
});
