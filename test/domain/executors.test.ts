import { describe, expect, it } from "vitest";
import { executorGroups, executorKey, similarUnits, unitOfExecutor } from "../../src/domain/executors.js";
import { guessUnitKind } from "../../src/domain/org-units.js";
import { importText } from "../../src/import/index.js";
import { matchItemUnits } from "../../src/store/monitoring.js";
import type { OrgUnit } from "../../src/store/users.js";
import { importFixture } from "../import/support.js";

describe("executor names", () => {
  it("give one key with or without their council, in any case, quote, apostrophe or dash", () => {
    const key = executorKey("відділ освіти");
    for (const spelling of [
      "Відділ освіти Роменської міської ради Сумської області",
      "ВІДДІЛ ОСВІТИ виконавчого комітету міської ради",
      "Відділ освіти Роменської міської ради.",
      "відділ  освіти (за згодою)",
    ])
      expect(executorKey(spelling), spelling).toBe(key);
    expect(executorKey("КНП «Роменська ЦРЛ» РМР")).toBe(executorKey('КНП "Роменська ЦРЛ"'));
    expect(executorKey("управління охорони здоров’я")).toBe(executorKey("Управління охорони здоров'я"));
    expect(executorKey("Управління житлово-комунального господарства")).toBe(
      executorKey("управління житлово – комунального господарства"),
    );
  });

  it("keep what names the unit itself: a unit's own words are not taken for the council", () => {
    expect(executorKey("Структурні підрозділи та комунальні підприємства міської ради")).toBe(
      "структурні підрозділи та комунальні підприємства",
    );
    expect(
      executorKey("Відділ цифрового розвитку та цифровізації Виконавчого комітету Роменської міської ради"),
    ).toBe("відділ цифрового розвитку та цифровізації");
    expect(executorKey("Відділ забезпечення діяльності ради")).toBe("відділ забезпечення діяльності ради");
    expect(executorKey("Відділ освіти")).not.toBe(executorKey("Відділ культури"));
  });
});

describe("the unit an executor names", () => {
  it.each([
    ["Відділ освіти", "Відділ освіти"],
    ["Іваненко І.І.", null],
    ["І. І. Іваненко", null],
    ["начальник відділу Петренко П.П.", null],
    ["начальник відділу освіти Іваненко І.І.", "Відділ освіти"],
    ["головний спеціаліст сектору цифровізації Коваль К.К.", "Сектор цифровізації"],
    ["начальник служби у справах дітей Шевчук Ярослава Іванівна", "Служба у справах дітей"],
    ["", null],
  ])("%s → %s", (executor, unit) => {
    expect(unitOfExecutor(executor)).toBe(unit);
  });
});

describe("executors of a real programme", () => {
  it("group Starokostiantyniv's spellings of one unit, naming it by its most printed spelling", () => {
    const groups = executorGroups(importFixture("starokostiantyniv-2026-2028.txt").programme);
    const info = groups.filter((group) => group.key === "відділ інформаційного забезпечення");
    expect(info).toHaveLength(1);
    const spellings = info[0]?.spellings.map((each) => each.text) ?? [];
    expect(spellings).toContain("Відділ інформаційного забезпечення");
    expect(spellings).toContain("Відділ інформаційного забезпечення виконавчого комітету міської ради");
    for (const spelling of spellings)
      expect(executorKey(spelling)).toBe("відділ інформаційного забезпечення");
    expect(info[0]?.name).toBe("Відділ інформаційного забезпечення");
    expect(new Set(groups.map((group) => group.key)).size).toBe(groups.length);
  });

  it("suggest merging near spellings, and nothing between different units", () => {
    const pairs = similarUnits([
      { name: "Управління культурної політики і ресурсів" },
      { name: "Управління культурної політики та ресурсів" },
      { name: "Відділ освіти" },
      { name: "Відділ культури" },
    ]).map(([a, b]) => [a.name, b.name]);
    expect(pairs).toEqual([
      ["Управління культурної політики і ресурсів", "Управління культурної політики та ресурсів"],
    ]);
  });
});

describe("executors joined in one cell", () => {
  const T = "\t";
  const text = [
    `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
    `9.${T}Строк виконання Програми${T}2026-2027 роки`,
    "",
    "Додаток 1",
    `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}${T}Очікуваний результат`,
    `${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
    `1. Напрям${T.repeat(7)}`,
    `1.1. Захід${T}Відділ освіти, молоді та спорту та фінансовий відділ${T}2026${T}місцевий бюджет${T}3${T}1${T}2${T}Результат`,
    `1.2. Захід${T}Відділ освіти, молоді та спорту / ЦНАП${T}2027${T}місцевий бюджет${T}5${T}${T}5${T}Результат`,
  ].join("\n");
  const { programme } = importText(text);

  it("become a unit each, every project linked to each of its units", () => {
    const groups = executorGroups(programme);
    expect(groups.map((group) => [group.name, group.itemIds.length])).toEqual([
      ["Відділ освіти, молоді та спорту", 2],
      ["Фінансовий відділ", 1],
      ["ЦНАП", 1],
    ]);
    const units: OrgUnit[] = groups.map((group, index) => ({
      id: index + 1,
      katottg: "UA01020030040050060",
      name: group.name,
      kind: guessUnitKind(group.name),
      parentId: null,
    }));
    const links = matchItemUnits(programme, units);
    const [first, second] = programme.directions[0]?.items ?? [];
    expect(links.filter((link) => link.itemId === first?.id).map((link) => link.orgUnitId)).toEqual([1, 2]);
    expect(links.filter((link) => link.itemId === second?.id).map((link) => link.orgUnitId)).toEqual([1, 3]);
  });
});

describe("executors named with their people and in capitals", () => {
  const T = "\t";
  const text = [
    `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
    `9.${T}Строк виконання Програми${T}2026-2027 роки`,
    "",
    "Додаток 1",
    `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}${T}Очікуваний результат`,
    `${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
    `1. Напрям${T.repeat(7)}`,
    `1.1. Захід${T}Іваненко І.І., начальник відділу освіти${T}2026${T}місцевий бюджет${T}3${T}1${T}2${T}Результат`,
    `1.2. Захід${T}Відділ освіти (Петренко П.П.), громадські організації${T}2027${T}місцевий бюджет${T}5${T}${T}5${T}Результат`,
    `1.3. Захід${T}ВІДДІЛ ОСВІТИ, МОЛОДІ ТА СПОРТУ; ДРАЦС${T}2027${T}місцевий бюджет${T}5${T}${T}5${T}Результат`,
  ].join("\n");
  const { programme } = importText(text);

  it("group a person's unit, a unit with its person in brackets and a unit typed in capitals", () => {
    expect(executorGroups(programme).map((group) => [group.key, group.itemIds.length])).toEqual([
      ["відділ освіти", 2],
      ["громадські організації", 1],
      ["відділ освіти, молоді та спорту", 1],
      ["драцс", 1],
    ]);
  });
});
