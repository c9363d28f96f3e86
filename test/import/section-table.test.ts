import { describe, expect, it } from "vitest";
import { walkItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

/**
 * A task table as many city councils print it: the amounts' header in three rows («усього» in lowercase
 * beside «у тому числі за роками», the years below), each direction headed «Розділ N. Назва» with
 * «Разом по розділу N» under it, and an indicator list headed «Назва показника» with no formula column.
 * The generator draws are family 1's `HeaderShape.directionWord` and `lowerTotal`, and the indicator
 * annexes' name headers.
 */
const row = (...cells: string[]) => cells.join("\t");
const project = (number: string, title: string, amounts: string[]) =>
  row(number, title, "Відділ ІТ", "2026-2028 рр.", "Бюджет громади", ...amounts, "Результат");

const DOCUMENT = [
  "Завдання і заходи Програми",
  row(
    "№ з/п",
    "Назва заходу",
    "Виконавці",
    "Термін виконання",
    "Джерела фінансування",
    "Орієнтовні обсяги фінансування (вартість), тис. грн",
    "",
    "",
    "",
    "Очікуваний результат",
  ),
  row("", "", "", "", "", "усього", "у тому числі за роками", "", "", ""),
  row("", "", "", "", "", "", "2026", "2027", "2028", ""),
  row("1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
  "Розділ 1. Цифрова інфраструктура",
  project("1.1", "Модернізація локальної мережі", ["400,0", "400,0", "-", "-"]),
  project("1.2", "Закупівля комп'ютерної техніки", ["1 500,0", "500,0", "500,0", "500,0"]),
  row("Разом по розділу 1", "", "", "", "", "1 900,0", "900,0", "500,0", "500,0", ""),
  "Розділ 2. Електронні послуги",
  project("2.1", "Впровадження електронної черги", ["350,0", "-", "350,0", "-"]),
  row("Разом по розділу 2", "", "", "", "", "350,0", "-", "350,0", "-", ""),
  row("Всього по Програмі", "", "", "", "", "2 250,0", "900,0", "850,0", "500,0", ""),
  "",
  "Показники",
  row("№", "Назва показника", "Одиниця виміру", "Базове значення", "2026", "2027", "2028"),
  row("1", "Частка оновлених робочих місць", "%", "20", "40", "60", "80"),
].join("\n");

describe("a task table in «Розділ» sections under a three-row amounts header", () => {
  const { programme, findings, coverage } = importText(DOCUMENT);

  it("reads each «Розділ N. Назва» as a direction and its «Разом по розділу N» as the direction's total", () => {
    expect(programme.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", "Цифрова інфраструктура"],
      ["2", "Електронні послуги"],
    ]);
    expect(programme.directions.map((direction) => direction.declaredTotals[0]?.total)).toEqual([
      190_000_000, 35_000_000,
    ]);
    expect(findings.filter((finding) => /total|subtotal/.test(finding.code))).toEqual([]);
  });

  it("reads «усього» under the amounts' heading as the total column, not as wrapped header text", () => {
    const items = programme.directions.flatMap((direction) => [...walkItems(direction.items)]);
    expect(items.map((item) => item.funding[0]?.total)).toEqual([40_000_000, 150_000_000, 35_000_000]);
    expect(coverage?.numbersSeen).toBe(coverage?.numbersPlaced);
  });

  it("reads the indicators under «Назва показника»", () => {
    expect(
      programme.indicators.map((indicator) => [indicator.name, indicator.baseline, indicator.targets]),
    ).toEqual([["Частка оновлених робочих місць", "20", { 2026: "40", 2027: "60", 2028: "80" }]]);
  });
});

describe("a programme total printed in the name column, its number cell empty", () => {
  it("names the total row by its own words in the finding", () => {
    const wrong = DOCUMENT.replace(
      row("Всього по Програмі", "", "", "", "", "2 250,0", "900,0", "850,0", "500,0", ""),
      row("", "Всього по Програмі", "", "", "", "2 250,0", "950,0", "850,0", "500,0", ""),
    );
    const { programme, findings } = importText(wrong);
    expect(programme.declaredTotals.map((total) => total.label)).toEqual(["Всього по Програмі"]);
    const total = findings.find((finding) => finding.code === "programme.total");
    expect(total?.message).toContain("рядок «Всього по Програмі»");
  });
});

describe("the same table in «Підпрограма» parts", () => {
  it("reads each «Підпрограма N. Назва» as a direction with its «Разом по підпрограмі N»", () => {
    const text = DOCUMENT.replaceAll("Розділ", "Підпрограма").replaceAll("розділу", "підпрограмі");
    const { programme, findings } = importText(text);
    expect(programme.directions.map((direction) => direction.title)).toEqual([
      "Цифрова інфраструктура",
      "Електронні послуги",
    ]);
    expect(findings.filter((finding) => /total|subtotal/.test(finding.code))).toEqual([]);
  });
});
