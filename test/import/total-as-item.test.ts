import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

const T = "\t";
/** A family 1 table whose programme total's label is `label`, its executors cell `executor`. */
const table = (label: string, executor = "") =>
  [
    "Перелік завдань програми на 2026-2027 роки",
    [
      "Назва завдання",
      "Назва заходу (проєкту)",
      "Виконавці",
      "Термін виконання",
      "Джерела фінансування",
      "Обсяги фінансування, тис. грн",
      "",
      "",
      "Очікуваний результат",
    ].join(T),
    ["", "", "", "", "", "Усього", "2026 р.", "2027 р.", ""].join(T),
    ["Пріоритетний напрям 1", "", "", "", "", "", "", "", ""].join(T),
    [
      "Відкриті дані",
      "1) Закупівля техніки",
      "Відділ",
      "2026 рік",
      "Загальний обсяг, у тому числі:",
      "100,0",
      "100,0",
      "-",
      "Оновлено",
    ].join(T),
    ["", "", "", "", "Бюджет громади", "100,0", "100,0", "-", ""].join(T),
    [
      "",
      "2) Модернізація мережі",
      "Відділ",
      "2027 рік",
      "Загальний обсяг, у тому числі:",
      "50,0",
      "-",
      "50,0",
      "Працює",
    ].join(T),
    ["", "", "", "", "Бюджет громади", "50,0", "-", "50,0", ""].join(T),
    [label, "", executor, "", "Загальний обсяг, у тому числі:", "150,0", "100,0", "50,0", ""].join(T),
    ["", "", "", "", "Бюджет громади", "150,0", "100,0", "50,0", ""].join(T),
    "",
  ].join("\n");

const named = (text: string) =>
  importText(text).findings.filter((finding) => finding.code === "amount.total-as-item");

describe("a total row whose label was not recognised (misspelt, or misread by OCR)", () => {
  it("is named where it stands: a measure with no executor or deadline costing all the others together", () => {
    const found = named(table("Bcsoro 3а Програмою"));
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("«Bcsoro 3а Програмою»");
    expect(found[0]?.message).toContain("150,0 тис. грн");
  });

  it("is not named when the row is a measure of its own (an executor), nor when the label is read as the total", () => {
    expect(named(table("3) Супровід систем", "Відділ"))).toEqual([]);
    expect(named(table("Всього за Програмою"))).toEqual([]);
  });
});

describe("a bare «Усього» between two measures (a fragment OCR left behind)", () => {
  it("is no total of the measure above it (no projects under it): no import.task-subtotal «зазначено 0,0»", () => {
    const lines = table("Всього за Програмою").split("\n");
    lines.splice(6, 0, ["", "Усього", "", "", "", "0,0", "", "", ""].join(T));
    const codes = importText(lines.join("\n")).findings.map((finding) => finding.code);
    expect(codes).not.toContain("import.task-subtotal");
  });
});

/** A tab-separated table of two measures, then `last`: the programme's total or one more source. */
const measuresThen = (last: string[]) =>
  [
    ["№", "Назва заходу", "Виконавці", "Строк виконання", "Джерела фінансування", "Обсяг, тис. грн", "", ""],
    ["", "", "", "", "", "Усього", "2026", "2027"],
    ["1.1", "Закупівля техніки", "Відділ", "2026 рік", "Бюджет громади", "100,0", "100,0", "-"],
    ["1.2", "Модернізація мережі", "Відділ", "2027 рік", "Бюджет громади", "50,0", "-", "50,0"],
    last,
  ]
    .map((cells) => cells.join(T))
    .join("\n");

describe("a total row in a text table whose label no rule reads, no «Загальний обсяг» row below", () => {
  const fundingOf = (text: string) =>
    importText(text).programme.directions.flatMap((direction) =>
      direction.items.map((item) => item.funding.length),
    );

  it("is the programme's total, not one more source row of the measure above: checked and named", () => {
    const text = measuresThen([
      "Bcsoro 3а Програмою",
      "",
      "",
      "",
      "Бюджет громади",
      "150,0",
      "100,0",
      "50,0",
    ]);
    const { programme, findings } = importText(text);
    expect(fundingOf(text)).toEqual([1, 1]);
    expect(programme.declaredTotals.map((row) => row.total)).toEqual([15_000_000]);
    const codes = findings.map((finding) => finding.code);
    expect(codes).toContain("import.total-unlabelled");
    expect(codes.filter((code) => /total|subtotal|money-outside/.test(code))).toEqual([
      "import.total-unlabelled",
    ]);
  });

  it("stays a source row of its measure when it names another source than the measures' money above", () => {
    const text = measuresThen(["", "", "", "", "Державний бюджет", "150,0", "100,0", "50,0"]);
    expect(fundingOf(text)).toEqual([1, 2]);
    expect(importText(text).findings.map((finding) => finding.code)).not.toContain("import.total-unlabelled");
  });
});
