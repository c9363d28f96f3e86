import { describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { unitNamedIn } from "../../src/domain/money.js";
import { importText } from "../../src/import/index.js";

const T = "\t";

/** A council's programme whose passport and task table print their amounts in million UAH. */
function programmeText(amounts: { passport?: string; row11?: string[] } = {}): string {
  const row11 = amounts.row11 ?? ["3,45", "1,2", "2,25"];
  return [
    "ПАСПОРТ",
    "Програми цифрового розвитку Тестової міської територіальної громади на 2026-2027 роки",
    "",
    `1.${T}Найменування територіальної громади${T}Тестова міська територіальна громада`,
    `9.${T}Строк виконання Програми${T}2026-2027 роки`,
    `10.${T}Загальний обсяг фінансових ресурсів, млн грн${T}${amounts.passport ?? "4,075"}`,
    "",
    "Додаток 1",
    `Назва завдання${T}Назва проєкту${T}Виконавці${T}Джерела фінансування${T}Обсяг фінансування, млн грн${T}${T}${T}Очікуваний результат`,
    `${T}${T}${T}${T}Всього${T}2026${T}2027${T}`,
    `1. Цифрові послуги${T}${T}${T}${T}${T}${T}${T}`,
    `1.1. Розвиток ЦНАП${T}Електронна черга${T}Відділ ЦНАП${T}бюджет громади${T}${row11.join(T)}${T}Черга онлайн`,
    `1.2. Геопортал${T}Створення геопорталу${T}Відділ архітектури${T}бюджет громади${T}0,625${T}0,5${T}0,125${T}Геопортал`,
    "",
    "Додаток 2",
  ].join("\n");
}

/** The first funding row of each item that has one: the projects. */
const fundedRows = (programme: ReturnType<typeof importText>["programme"]) =>
  allItems(programme).flatMap((item) => item.funding.slice(0, 1));

const codes = (text: string, options = {}) =>
  importText(text, options).findings.map((finding) => finding.code);

describe("a council's programme printed in million UAH", () => {
  it("reads every amount exactly, in kopecks, and keeps the document's unit", () => {
    const { programme, coverage } = importText(programmeText());
    expect(programme.unit).toBe("million");
    const funding = fundedRows(programme).map((row) => [row.total, row.byYear]);
    expect(funding).toEqual([
      [345_000_000, { 2026: 120_000_000, 2027: 225_000_000 }],
      [62_500_000, { 2026: 50_000_000, 2027: 12_500_000 }],
    ]);
    expect(programme.passport.funding.total).toBe(407_500_000);
    expect(coverage?.numbersSeen).toBe(coverage?.numbersPlaced);
  });

  it("says nothing against a table that adds up and matches its passport", () => {
    const found = codes(programmeText());
    expect(found).not.toContain("import.unit-million");
    expect(found.filter((code) => code.startsWith("amount.") || code.startsWith("passport.funding"))).toEqual(
      [],
    );
  });

  it("checks the sums as in thousands: a row's total against its years, the passport against the table", () => {
    expect(codes(programmeText({ row11: ["3,46", "1,2", "2,25"] }))).toContain("amount.year-sum");
    const passport = importText(programmeText({ passport: "4,085" })).findings.find(
      (finding) => finding.code === "passport.funding-total",
    );
    expect(passport?.message).toContain("4,085 млн грн");
    expect(passport?.message).toContain("4,075 млн грн");
  });

  it("names thousands typed under «млн грн»: the table 1000 times the passport, the thousands reading offered", () => {
    const text = programmeText({ passport: "4,075", row11: ["3 450", "1 200", "2 250"] }).replace(
      `0,625${T}0,5${T}0,125`,
      `625${T}500${T}125`,
    );
    const suspect = importText(text).findings.find((finding) => finding.code === "amount.unit-suspect");
    expect(suspect?.location.ref).toBe("programme");
    expect(suspect?.message).toContain("«--unit thousand»");
    const accepted = importText(text, { unit: "thousand" });
    expect(accepted.programme.unit).toBe("thousand");
    expect(fundedRows(accepted.programme)[0]?.total).toBe(345_000_000);
    expect(accepted.findings.map((finding) => finding.code)).not.toContain("passport.funding-total");
  });

  it("names one row whose total was typed in thousands among millions", () => {
    const suspect = importText(programmeText({ row11: ["3 450", "1,2", "2,25"] })).findings.filter(
      (finding) => finding.code === "amount.unit-suspect",
    );
    expect(suspect.map((finding) => finding.location.ref)).toEqual(["item:d1.1.1"]);
    expect(suspect[0]?.message).toContain("в тис. грн, а не в млн грн");
  });
});

describe("the unit a heading names", () => {
  it("tells million UAH in the spellings councils print, and keeps «тис. грн» and «грн» as they were", () => {
    for (const heading of [
      "Обсяг фінансування, млн грн",
      "Обсяг (млн. грн)",
      "мільйонів гривень",
      "млн гривень",
    ])
      expect(unitNamedIn(heading)).toBe("million");
    expect(unitNamedIn("Обсяги фінансування, тис. грн")).toBe("thousand");
    expect(unitNamedIn("Обсяг фінансування, грн")).toBe("uah");
    expect(unitNamedIn("Обсяг фінансування")).toBeNull();
  });

  it("reads passport field 10 labelled «млн грн» in millions beside a task table in thousands", () => {
    // The table's amounts in thousands («3,45» million is «3450» thousand), the passport's left in millions.
    const [passport = "", table = ""] = programmeText().split("Додаток 1");
    const inThousands = table
      .replace("Обсяг фінансування, млн грн", "Обсяг фінансування, тис. грн")
      .replaceAll(
        /(\d),(\d+)/g,
        (_, whole: string, fraction: string) => `${whole}${fraction.padEnd(3, "0")}`,
      );
    const text = `${passport}Додаток 1${inThousands}`;
    const { programme, findings } = importText(text);
    expect(programme.unit).toBe("thousand");
    expect(fundedRows(programme)[0]?.total).toBe(345_000_000);
    expect(programme.passport.funding.total).toBe(407_500_000);
    expect(findings.map((finding) => finding.code)).not.toContain("passport.funding-total");
  });
});
