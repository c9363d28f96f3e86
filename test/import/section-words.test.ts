import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

/**
 * An item's name printed after a word naming its role («Захід: Назва»), as some councils print it.
 * The generator draw is family 1's `HeaderShape.namePrefix`.
 */
const row = (...cells: string[]) => cells.join("\t");
const item = (number: string, title: string, amounts: string[]) =>
  row(number, title, "Відділ ІТ", "2026-2027 рр.", "Бюджет громади", ...amounts, "Результат");
const total = (label: string, amounts: string[]) => row(label, "", "", "", "", ...amounts, "");
const heading = (text: string) => row(text, "", "", "", "", "", "", "", "");

const HEADER = [
  "Завдання і заходи Програми",
  row(
    "№ з/п",
    "Назва заходу",
    "Виконавці",
    "Термін виконання",
    "Джерела фінансування",
    "Обсяг фінансування, тис. грн",
    "",
    "",
    "Очікуваний результат",
  ),
  row("", "", "", "", "", "Всього", "2026", "2027", ""),
];

describe("an item's name printed after its role («Захід:», «Завдання:», «Проєкт:»)", () => {
  it("reads the name without the role word, and keeps other words before a colon", () => {
    const text = [
      ...HEADER,
      heading("Напрям 1. Цифрова інфраструктура"),
      item("1.1.", "Захід: Модернізація локальної мережі", ["400,0", "400,0", "-"]),
      item("1.2.", "проєкт: Закупівля техніки", ["500,0", "500,0", "-"]),
      item("1.3.", "Завдання:Розвиток ЦНАП", ["500,0", "-", "500,0"]),
      item("1.4.", "ЦНАП: електронна черга", ["0,0", "-", "-"]),
      item("1.5.", "Онлайн-запис. Проєкт: друга черга", ["0,0", "-", "-"]),
      total("Усього за напрямом 1", ["1 400,0", "900,0", "500,0"]),
    ].join("\n");
    const { programme } = importText(text);
    expect(programme.directions[0]?.items.map((each) => each.title)).toEqual([
      "Модернізація локальної мережі",
      "Закупівля техніки",
      "Розвиток ЦНАП",
      "ЦНАП: електронна черга",
      "Онлайн-запис. Проєкт: друга черга",
    ]);
  });
});
