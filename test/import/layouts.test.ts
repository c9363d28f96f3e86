import { describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

/** Small synthetic programmes in the two layout families, written for these tests. */
const T = "\t";
const cells = (...values: string[]): string[] => [...values.map((value) => `${T}${value}`), ""];

const PASSPORT = [
  ...cells("1.", "Найменування територіальної громади", "Тестова міська територіальна громада"),
  ...cells("2.", "Код за Кодифікатором", "UA01020030040050060"),
  ...cells("9.", "Строк виконання Програми", "2026-2027 роки"),
  ...cells("10.", "Джерела та обсяги фінансування", "Всього", "2026 р.", "2027 р."),
  ...cells("", "Загальний обсяг, тис. грн", "130,0", "60,0", "70,0"),
];

const ONE_CELL_PER_LINE = [
  "ПРОГРАМА",
  "",
  ...PASSPORT,
  "Додаток 1",
  "",
  ...cells(
    "Назва завдання",
    "Назва проєкту",
    "Відповідальні",
    "Строки",
    "Джерела",
    "Обсяги, тис. грн",
    "Очікувані",
  ),
  ...cells("", "", "", "", "", "Всього", "2026 р.", "2027 р.", ""),
  ...cells("1", "2", "3", "4", "5", "6", "7", "8", "9"),
  ...cells("1. Перший напрям"),
  ...cells(
    "1) завдання",
    "проєкт А",
    "відділ освіти",
    "2026-2027 роки",
    "Загальний обсяг, у тому числі:",
    "100,0",
    "40,0",
    "60,0",
    "результат А",
  ),
  ...cells("2) ", "", "", "", "місцевий бюджет", "30,0", "10,0", "20,0", ""),
  ...cells("3) ", "", "", "", "інші джерела", "70,0", "30,0", "40,0", ""),
  ...cells(
    "4) ",
    "проєкт Б",
    "відділ культури",
    "2026 рік",
    "місцевий бюджет",
    "30,0",
    "20,0",
    "10,0",
    "результат Б",
  ),
  ...cells("", "проєкт В", "сектор спорту"),
  "",
  ...cells("2027 рік", "місцевий бюджет", "-", "-", "-", "результат В"),
  ...cells("5) ", "", "", "", "інші джерела", "в межах фінансування", ""),
  ...cells("Всього за напрямом", "Загальний обсяг, у тому числі:", "130,0", "60,0", "70,0", ""),
  ...cells("", "місцевий бюджет", "60,0", "30,0", "30,0", ""),
  ...cells("", "інші джерела", "70,0", "30,0", "40,0", ""),
  "Додаток 2",
];

describe("one-cell-per-line task table with auto-numbered rows", () => {
  const { programme, findings } = interpretBlocks(readTextBlocks(ONE_CELL_PER_LINE.join("\n")));
  const [task] = programme.directions[0]?.items ?? [];

  it("reads one task with three projects; numbered rows without names are source rows", () => {
    expect(programme.directions).toHaveLength(1);
    expect(task?.children.map((child) => [child.number, child.title])).toEqual([
      ["1.1.1", "проєкт А"],
      ["1.1.2", "проєкт Б"],
      ["1.1.3", "проєкт В"],
    ]);
    expect(task?.children[0]?.funding.map((row) => [row.source, row.total])).toEqual([
      ["total", 10_000_000],
      ["local", 3_000_000],
      ["other", 7_000_000],
    ]);
  });

  it("joins the row split by a blank line and keeps the note", () => {
    const third = task?.children[2];
    expect(third?.deadlineText).toBe("2027 рік");
    expect(third?.expectedResult).toBe("результат В");
    expect(third?.funding.map((row) => [row.source, row.total, row.note])).toEqual([
      ["local", 0, undefined],
      ["other", 0, "в межах фінансування"],
    ]);
  });

  it("reconciles with the passport and keeps the declared direction totals", () => {
    const totals = programmeTotals(programme);
    expect(totals.total).toBe(programme.passport.funding.total);
    expect(totals.byYear).toEqual(programme.passport.funding.byYear);
    expect(programme.directions[0]?.declaredTotals.map((row) => [row.source, row.total])).toEqual([
      ["total", 13_000_000],
      ["local", 6_000_000],
      ["other", 7_000_000],
    ]);
    expect(findings.filter((finding) => finding.code !== "import.passport-field-missing")).toEqual([]);
  });
});

const TAB_SEPARATED = [
  `1.${T}Найменування територіальної громади${T}Тестова селищна територіальна громада`,
  `2.${T}Код${T}UA01020030040050061`,
  `9.${T}Строк виконання Програми${T}2025-2026 роки`,
  "",
  "Додаток 1",
  `Назва заходу${T}Назва проекту${T}Відповідальні за виконання${T}Строки виконання${T}Джерела фінансування${T}Обсяги фінансування, тис. грн${T}${T}${T}Очікувані результати`,
  `${T}${T}${T}${T}${T}Всього${T}2025${T}2026${T}`,
  `1. Напрям${T}${T}${T}${T}${T}${T}${T}${T}`,
  `Захід перший${T}Проєкт перший${T}Відділ освіти${T}2025${T}Загальний обсяг, у тому числі:${T}5${T}2${T}3${T}Результат`,
  `${T}${T}${T}${T}державний бюджет${T}5${T}2${T}3${T}`,
  `${T}інші джерела${T}${T}${T}${T}${T}${T}${T}`,
  `Проєкт другий, що втратив клітинку завдання${T}Відділ культури${T}${T}${T}місцевий бюджет${T}1${T}1${T}-${T}Результат`,
  `${T}Проєкт третій${T}Сектор спорту${T}2026${T}уточнюється${T}${T}${T}${T}Результат`,
  "Додаток 2",
];

describe("tab-separated task table with unnumbered tasks and shifted cells", () => {
  const { programme, findings } = interpretBlocks(readTextBlocks(TAB_SEPARATED.join("\n")));

  it("reads a source shifted into the project column as a source row", () => {
    const first = programme.directions[0]?.items[0]?.children[0];
    expect(first?.funding.map((row) => [row.source, row.total])).toEqual([
      ["total", 500_000],
      ["state", 500_000],
      ["other", 0],
    ]);
  });

  it("reads a row whose task cell was lost as another project, and says so", () => {
    expect(allItems(programme).map((each) => [each.id, each.number, each.title])).toEqual([
      ["d1.1", "1.1", "Захід перший"],
      ["d1.1.1", "1.1.1", "Проєкт перший"],
      ["d1.1.2", "1.1.2", "Проєкт другий, що втратив клітинку завдання"],
      ["d1.1.3", "1.1.3", "Проєкт третій"],
    ]);
    expect(findings.map((finding) => [finding.code, finding.location.ref])).toContainEqual([
      "import.task-cell-missing",
      "item:d1.1.2",
    ]);
  });

  it("reads a lost task cell the same when the executors are people", () => {
    const lines = TAB_SEPARATED.map((line) =>
      line.replace(`${T}Відділ культури${T}`, `${T}Іваненко І.І., Петренко П.П.${T}`),
    );
    const read = interpretBlocks(readTextBlocks(lines.join("\n")));
    const second = allItems(read.programme).find((each) => each.id === "d1.1.2");
    expect(second?.title).toBe("Проєкт другий, що втратив клітинку завдання");
    expect(second?.executors).toEqual(["Іваненко І.І.", "Петренко П.П."]);
    expect(read.findings.map((finding) => [finding.code, finding.location.ref])).toContainEqual([
      "import.task-cell-missing",
      "item:d1.1.2",
    ]);
  });

  it("warns about an unknown source label", () => {
    expect(findings.map((finding) => [finding.code, finding.location.ref])).toContainEqual([
      "import.unknown-source",
      "item:d1.1.3",
    ]);
  });
});

const NUMBER_COLUMN = [
  `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
  `2.${T}Код${T}UA01020030040050062`,
  `9.${T}Строк виконання Програми${T}2026-2027 роки`,
  "",
  "Додаток 1",
  `№ з/п${T}Назва завдання${T}Виконавці${T}Термін виконання${T}Джерела фінансування${T}Обсяг фінансування, тис. грн${T}${T}${T}Очікуваний результат`,
  `${T}${T}${T}${T}${T}Усього${T}2026 рік${T}2027 рік${T}`,
  `1.${T}Цифрова трансформація${T}${T}${T}${T}${T}${T}${T}`,
  `1.1${T}Придбання техніки${T}Відділ освіти${T}2026-2027${T}Місцевий бюджет${T}30${T}10${T}20${T}Оновлена техніка`,
  `1.2${T}Навчання${T}Відділ культури${T}протягом дії Програми${T}Не потребує фінансування${T}-${T}-${T}-${T}Навчено`,
  `2.${T}Цифрові послуги${T}${T}${T}${T}${T}${T}${T}`,
  `2.1${T}Портал${T}ЦНАП${T}2027${T}Інші джерела${T}5${T}-${T}5${T}Портал`,
  `Разом за Програмою${T}${T}${T}${T}${T}35${T}10${T}25${T}`,
  "Додаток 2",
];

describe("task table with a number column", () => {
  const { programme } = interpretBlocks(readTextBlocks(NUMBER_COLUMN.join("\n")));

  it("reads directions from numbered rows with only a title, and items with their own numbers", () => {
    expect(programme.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", "Цифрова трансформація"],
      ["2", "Цифрові послуги"],
    ]);
    expect(allItems(programme).map((each) => [each.number, each.title, each.deadline?.kind])).toEqual([
      ["1.1", "Придбання техніки", "years"],
      ["1.2", "Навчання", "programme"],
      ["2.1", "Портал", "years"],
    ]);
  });

  it("reads the grand total and reconciles with it", () => {
    expect(programme.declaredTotals.map((row) => [row.source, row.total])).toEqual([["total", 3_500_000]]);
    expect(programmeTotals(programme).total).toBe(3_500_000);
    expect(programmeTotals(programme).bySource).toEqual({ local: 3_000_000, none: 0, other: 500_000 });
  });
});

describe("passport printed as numbered paragraphs", () => {
  const text = [
    "ПАСПОРТ",
    "1. Найменування територіальної громади: Тестова селищна територіальна громада",
    "2. Код за Кодифікатором адміністративно-територіальних одиниць – UA01020030040050063",
    "5. Мета Програми",
    "розвиток цифрових послуг",
    "9. Строк виконання Програми: 2026-2028 роки",
    "10. Джерела та обсяги фінансування: Всього 2026 рік 2027 рік 2028 рік 60 10 20 30",
    "",
    "Додаток 1",
    `Назва заходу${T}Виконавці${T}Строк${T}Джерела фінансування${T}Обсяг, тис. грн${T}${T}${T}Очікуваний результат`,
    `${T}${T}${T}${T}2026${T}2027${T}2028${T}`,
    `1. Напрям${T}${T}${T}${T}${T}${T}${T}`,
    `1.1. Захід${T}Відділ освіти${T}2026-2028${T}бюджет громади${T}10${T}20${T}30${T}Результат`,
  ].join("\n");
  const { programme } = interpretBlocks(readTextBlocks(text));

  it("reads the fields, the identity and field 10's amounts", () => {
    expect(programme.passport.fields.map((field) => [field.number, field.value])).toEqual([
      [1, "Тестова селищна територіальна громада"],
      [2, "UA01020030040050063"],
      [5, "розвиток цифрових послуг"],
      [9, "2026-2028 роки"],
      [10, "Всього 2026 рік 2027 рік 2028 рік 60 10 20 30"],
    ]);
    expect(programme.community.katottg).toBe("UA01020030040050063");
    expect(programme.period).toEqual({ from: 2026, to: 2028 });
    expect(programme.passport.funding.total).toBe(6_000_000);
    expect(programmeTotals(programme).total).toBe(6_000_000);
  });
});

describe("other header wordings", () => {
  it("recognises Зміст заходу / Виконавець / Термін / Джерело / Орієнтовна сума", () => {
    const text = [
      `1.${T}Найменування територіальної громади${T}Тестова громада`,
      "",
      `Зміст заходу${T}Виконавець${T}Термін${T}Джерело фінансування${T}Орієнтовна сума, тис. грн${T}${T}Результат`,
      `${T}${T}${T}${T}2026${T}2027${T}`,
      `1. Напрям${T}${T}${T}${T}${T}${T}`,
      `1.1. Захід${T}Відділ освіти${T}2026${T}бюджет громади${T}1,5${T}2${T}Результат`,
    ].join("\n");
    const item = interpretBlocks(readTextBlocks(text)).programme.directions[0]?.items[0];
    expect(item?.executors).toEqual(["Відділ освіти"]);
    expect(item?.funding[0]).toMatchObject({ source: "local", total: 350_000, byYear: { "2026": 150_000 } });
  });
});

describe("task table without a source column", () => {
  it("reads the amounts and leaves the source unspecified", () => {
    const text = [
      `1.${T}Найменування територіальної громади${T}Тестова громада`,
      "",
      "Додаток 1",
      `Назва заходу${T}Виконавець${T}Термін${T}Обсяг фінансування, тис. грн${T}${T}Очікуваний результат`,
      `${T}${T}${T}2026${T}2027${T}`,
      `1. Напрям${T}${T}${T}${T}${T}`,
      `1.1. Захід${T}Відділ освіти${T}2026${T}10${T}20${T}Результат`,
    ].join("\n");
    const item = interpretBlocks(readTextBlocks(text)).programme.directions[0]?.items[0];
    expect(item?.deadlineText).toBe("2026");
    expect(item?.expectedResult).toBe("Результат");
    expect(item?.funding).toEqual([
      {
        source: "unspecified",
        label: "",
        byYear: { "2026": 1_000_000, "2027": 2_000_000 },
        total: 3_000_000,
        totalPrinted: false,
        line: 7,
      },
    ]);
  });
});
