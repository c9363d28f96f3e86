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
