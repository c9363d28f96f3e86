import { describe, expect, it } from "vitest";
import { diffProgrammes } from "../../src/domain/diff.js";
import { assignItemIds, type Item, type Programme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";

function firstItem(programme: Programme): Item {
  const item = programme.directions[0]?.items[0];
  if (!item) throw new Error("demo programme has no first item");
  return item;
}

describe("diffProgrammes", () => {
  it("finds nothing between equal programmes", () => {
    const diff = diffProgrammes(demoProgramme(), demoProgramme());
    expect(diff).toEqual({
      itemsAdded: [],
      itemsRemoved: [],
      itemsRetitled: [],
      amountsChanged: [],
      total: {
        before: programmeTotals(demoProgramme()).total,
        after: programmeTotals(demoProgramme()).total,
      },
    });
  });

  it("reports a changed year amount and the changed row total with before and after", () => {
    const after = demoProgramme();
    const row = firstItem(after).funding[0];
    if (!row) throw new Error("first demo item has no funding");
    const was2027 = row.byYear["2027"] ?? 0;
    const wasTotal = row.total;
    row.byYear["2027"] = was2027 + 12_345;
    row.total = wasTotal + 12_345;

    const diff = diffProgrammes(demoProgramme(), after);
    const item = { id: "d1.1", number: "1.1", title: firstItem(after).title };
    expect(diff.amountsChanged).toEqual([
      { item, source: "local", label: row.label, year: "2027", before: was2027, after: was2027 + 12_345 },
      { item, source: "local", label: row.label, year: null, before: wasTotal, after: wasTotal + 12_345 },
    ]);
    expect(diff.total.after - diff.total.before).toBe(12_345);
  });

  it("reports an inserted item as added without treating the shifted items as changed", () => {
    const after = demoProgramme();
    const inserted: Item = { ...firstItem(after), title: "Нове завдання", children: [] };
    after.directions[0]?.items.unshift(inserted);
    assignItemIds(after);

    const diff = diffProgrammes(demoProgramme(), after);
    expect(diff.itemsAdded).toEqual([{ id: "d1.1", number: "1.1", title: "Нове завдання" }]);
    expect(diff.itemsRemoved).toEqual([]);
    expect(diff.itemsRetitled).toEqual([]);
    expect(diff.amountsChanged).toEqual([]);
  });

  it("reports a removed item and a retitled one", () => {
    const after = demoProgramme();
    const direction = after.directions[1];
    const removed = direction?.items.pop();
    const renamed = after.directions[3]?.items[0];
    if (!removed || !renamed) throw new Error("demo directions changed shape");
    const oldTitle = renamed.title;
    renamed.title = "Навчання посадових осіб";

    const diff = diffProgrammes(demoProgramme(), after);
    expect(diff.itemsRemoved).toEqual([{ id: removed.id, number: removed.number, title: removed.title }]);
    expect(diff.itemsRetitled).toEqual([
      {
        before: { id: renamed.id, number: renamed.number, title: oldTitle },
        after: { id: renamed.id, number: renamed.number, title: "Навчання посадових осіб" },
      },
    ]);
  });

  it("reports a new funding row with nothing before it", () => {
    const after = demoProgramme();
    firstItem(after).funding.push({
      source: "state",
      label: "Державний бюджет",
      byYear: { "2026": 500_000 },
      total: 500_000,
      line: 0,
    });
    const changes = diffProgrammes(demoProgramme(), after).amountsChanged;
    expect(changes.map((change) => [change.source, change.year, change.before, change.after])).toEqual([
      ["state", "2026", null, 500_000],
      ["state", null, null, 500_000],
    ]);
  });
});
