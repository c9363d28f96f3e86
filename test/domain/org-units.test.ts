import { describe, expect, it } from "vitest";
import { guessUnitKind, makesCycle, unitTree } from "../../src/domain/org-units.js";

describe("guessUnitKind", () => {
  it.each([
    ["відділ цифрового розвитку та цифровізації Виконавчого комітету Роменської міської ради", "department"],
    ["Управління освіти, молоді та спорту", "department"],
    ["Фінансове управління міської ради", "department"],
    ["КП «Ромникомунтепло»", "enterprise"],
    ["Комунальне підприємство «Водоканал»", "enterprise"],
    ["КНП «Роменська центральна районна лікарня»", "enterprise"],
    ["Заклади загальної середньої освіти", "institution"],
    ["Роменська гімназія № 2", "institution"],
    ["Школа мистецтв", "institution"],
    ["ЦНАП", "institution"],
    ["Центр надання адміністративних послуг", "institution"],
    ["Публічна бібліотека", "institution"],
    ["Бобрицький старостинський округ", "starosta"],
    ["Староста Бобрицького округу", "starosta"],
    ["Виконавчий комітет Роменської міської ради", "executive"],
    ["Апарат міської ради", "executive"],
    ["Сумська обласна військова адміністрація", "other"],
    ["", "other"],
  ])("«%s» → %s", (name, kind) => {
    expect(guessUnitKind(name)).toBe(kind);
  });

  it("does not take a word that only contains a kind's stem", () => {
    expect(guessUnitKind("Компанія-підрядник")).toBe("other");
    expect(guessUnitKind("Кпіт")).toBe("other");
  });
});

describe("makesCycle", () => {
  // 1 ← 2 ← 3, and 4 alone
  const units = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 4, parentId: null },
  ];

  it("refuses a unit as its own parent", () => {
    expect(makesCycle(units, 2, 2)).toBe(true);
  });

  it("refuses a descendant as the parent", () => {
    expect(makesCycle(units, 1, 3)).toBe(true);
    expect(makesCycle(units, 1, 2)).toBe(true);
  });

  it("allows an ancestor, a sibling branch or no parent", () => {
    expect(makesCycle(units, 3, 1)).toBe(false);
    expect(makesCycle(units, 4, 3)).toBe(false);
    expect(makesCycle(units, 3, null)).toBe(false);
    expect(makesCycle(units, 1, 4)).toBe(false);
  });

  it("stops on a cycle already in the data", () => {
    const broken = [
      { id: 1, parentId: 2 },
      { id: 2, parentId: 1 },
    ];
    expect(makesCycle(broken, 3, 1)).toBe(true);
  });
});

describe("unitTree", () => {
  it("puts each unit under its parent, by name, with depth", () => {
    const units = [
      { id: 1, name: "Виконком", parentId: null },
      { id: 2, name: "Відділ Б", parentId: 1 },
      { id: 3, name: "Відділ А", parentId: 1 },
      { id: 4, name: "Сектор", parentId: 2 },
      { id: 5, name: "Архів", parentId: 99 },
    ];
    expect(unitTree(units).map(({ unit, depth }) => [unit.id, depth])).toEqual([
      [5, 0],
      [1, 0],
      [3, 1],
      [2, 1],
      [4, 2],
    ]);
  });

  it("still lists units caught in a cycle", () => {
    const units = [
      { id: 1, name: "А", parentId: 2 },
      { id: 2, name: "Б", parentId: 1 },
    ];
    expect(unitTree(units)).toHaveLength(2);
  });
});
