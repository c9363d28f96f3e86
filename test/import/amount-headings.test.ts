import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headingSource, readColumns, spanOf } from "../../src/import/interpret/columns.js";
import { TASK_COLUMNS } from "../../src/import/interpret/tasks.js";

const row = (cells: string[], line: number) => ({ cells, line });
const OPTIONS = { spans: true, sources: true };

describe("amount headings beyond one column per year", () => {
  it("reads a span of years in any dash and suffix, and no inverted or single year", () => {
    const span = fc.record({
      from: fc.integer({ min: 2020, max: 2035 }),
      length: fc.integer({ min: 1, max: 4 }),
      dash: fc.constantFrom("-", "–", "—", " - ", " – "),
      suffix: fc.constantFrom("", " рр.", " роки", " р.", " років"),
    });
    fc.assert(
      fc.property(span, ({ from, length, dash, suffix }) => {
        const to = from + length;
        expect(spanOf(`${from}${dash}${to}${suffix}`)).toBe(`${from}-${to}`);
        expect(spanOf(`${to}${dash}${from}${suffix}`)).toBeNull();
        expect(spanOf(`${from}${suffix}`)).toBeNull();
      }),
    );
  });

  it("names a source or the total under the amounts heading, and nothing else", () => {
    expect(headingSource("кошти бюджету громади")).toBe("local");
    expect(headingSource("Державний бюджет")).toBe("state");
    expect(headingSource("інші")).toBe("other");
    expect(headingSource("Разом")).toBe("total");
    expect(headingSource("Не потребує фінансування")).toBeNull();
    expect(headingSource("Очікувані результати")).toBeNull();
  });

  it("keeps a row of only 'Всього' under the heading out of the source columns", () => {
    const header = [
      row(["Назва завдання", "Виконавці", "Обсяг фінансування, тис. грн", "", "Очікувані результати"], 1),
      row(["", "", "Всього", "", ""], 2),
      row(["1. Напрям", "", "", "", ""], 3),
    ];
    const columns = readColumns(header, TASK_COLUMNS, "money", OPTIONS);
    expect(columns?.sources).toEqual([]);
  });

  it("gives each source column the year or span heading whose merged cell covers it", () => {
    const header = [
      row(["Назва завдання", "Виконавці", "Обсяг фінансування, грн", "", "", "", "", "Результат"], 1),
      row(["", "", "Всього", "2026-2027", "", "2028", "", ""], 2),
      row(["", "", "", "бюджет громади", "інші", "бюджет громади", "інші", ""], 3),
    ];
    const columns = readColumns(header, TASK_COLUMNS, "money", OPTIONS);
    expect(columns?.sources.map(({ source, index, period }) => [source, index, period])).toEqual([
      ["total", 2, null],
      ["local", 3, "2026-2027"],
      ["other", 4, "2026-2027"],
      ["local", 5, "2028"],
      ["other", 6, "2028"],
    ]);
    expect(columns?.roles.result).toBe(7);
  });

  it("folds the rests of wrapped headings in a row beside «Всього | у т.ч. за роками» onto the cells above", () => {
    const header = [
      row(["Назва завдання", "Назва проєкту, робіт з", "Виконавці", "Обсяг", "", "", "", "Очікуваний"], 1),
      row(["", "інформатизації", "", "фінансування, тис. грн", "", "", "", "результат"], 2),
      row(["", "", "", "Всього", "у тому числі за роками", "", "", ""], 3),
      row(["", "", "", "", "2026", "2027", "2028", ""], 4),
      row(["", "", "", "", "рік", "рік", "рік", ""], 5),
      row(["1. Напрям", "", "", "", "", "", "", ""], 6),
    ];
    const columns = readColumns(header, TASK_COLUMNS, "money", OPTIONS);
    expect(columns?.headerRows).toBe(5);
    expect(columns?.total).toBe(3);
    expect(columns?.years).toEqual([
      { year: "2026", index: 4 },
      { year: "2027", index: 5 },
      { year: "2028", index: 6 },
    ]);
    expect(columns?.roles).toMatchObject({ project: 1, executors: 2, money: 3, result: 7 });
  });

  it("keeps a data row of lowercase text out of the header", () => {
    const header = [
      row(
        ["Назва завдання", "Назва проєкту", "Виконавці", "Обсяг фінансування", "", "Очікуваний результат"],
        1,
      ),
      row(["", "", "", "Всього", "2026", ""], 2),
      row(["", "придбання техніки", "відділ освіти", "", "", "мережі"], 3),
    ];
    expect(readColumns(header, TASK_COLUMNS, "money", OPTIONS)?.headerRows).toBe(2);
  });
});
