import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

/**
 * A task table published alone names its programme only in the caption above it: «Додаток 2 / до
 * Програми …», «ПЕРЕЛІК заходів Програми …». That caption is the title; a programme named in text
 * after the table (another programme the measures refer to) is not.
 */
const row = (...cells: string[]) => cells.join("\t");
const TABLE = [
  row(
    "№",
    "Зміст заходу",
    "Відповідальний виконавець",
    "Термін виконання",
    "Джерело фінансування",
    "Обсяг фінансування, грн",
    "",
    "Очікуваний результат",
  ),
  row("", "", "", "", "", "2026 рік", "2027 рік", ""),
  "1. Розвиток електронного врядування",
  row(
    "1.1.",
    "Придбання ліцензій",
    "Відділ інформаційного забезпечення",
    "щорічно",
    "Бюджет громади",
    "120 000",
    "130 000",
    "Ліцензії",
  ),
];

describe("the title of a task table published alone", () => {
  it("is the programme its caption names, wrapped over two lines, in the nominative", () => {
    const text = [
      "Додаток 2",
      "до Програми інформатизації",
      "Тростянецької міської територіальної громади на 2026–2027 роки",
      "",
      ...TABLE,
    ].join("\n");
    expect(importText(text).programme.title).toBe(
      "Програма інформатизації Тростянецької міської територіальної громади на 2026–2027 роки",
    );
  });

  it("ends at its period: the table's own heading on the next line is not part of it", () => {
    const text = [
      "Додаток 2 до Програми інформатизації Тростянецької міської територіальної громади на 2026–2027 роки",
      "Перелік завдань і заходів Програми",
      ...TABLE,
    ].join("\n");
    expect(importText(text).programme.title).toBe(
      "Програма інформатизації Тростянецької міської територіальної громади на 2026–2027 роки",
    );
  });

  it("is not a programme named only after the table", () => {
    const text = [...TABLE, "", "Заходи відповідають меті Програми цифрового розвитку області"].join("\n");
    expect(importText(text).programme.title).toBe("");
  });
});
