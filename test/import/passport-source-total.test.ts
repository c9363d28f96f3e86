import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

/** A passport whose field 10 is `value`, aligned with spaces as a PDF's text gives it. */
function passport(value: string): string {
  const rows = [
    ["1.", "Найменування територіальної громади", "Тестова сільська територіальна громада"],
    ["9.", "Строк виконання Програми", "2026-2028 роки"],
    ["10.", "Джерела та обсяги фінансування", value],
  ];
  const lines = rows.map(
    ([number = "", name = "", text = ""]) => `${number.padEnd(5)}${name.padEnd(42)}${text}`,
  );
  return [
    "ПАСПОРТ",
    "Програми цифрового розвитку Тестової сільської територіальної громади",
    "",
    ...lines,
  ].join("\n");
}

const fundingOf = (value: string) => importText(passport(value)).programme.passport.funding;
const codes = (value: string) => importText(passport(value)).findings.map((finding) => finding.code);

describe("passport field 10 stating only its sources' amounts, no total", () => {
  it("takes its one source's amount for the total", () => {
    const funding = fundingOf("кошти бюджету громади – 1 250,0 тис. грн");
    expect(funding.total).toBe(125_000_000);
    expect(funding.bySource).toEqual({ local: 125_000_000 });
    expect(codes("кошти бюджету громади – 1 250,0 тис. грн")).not.toContain("passport.funding-missing");
  });

  it("takes its one source's years for the total's", () => {
    const value =
      "кошти бюджету громади – 300,0 тис. грн, у тому числі: 2026 рік – 100,0 тис. грн; 2027 рік – 120,0 тис. грн; 2028 рік – 80,0 тис. грн";
    const funding = fundingOf(value);
    expect(funding.total).toBe(30_000_000);
    expect(funding.byYear).toEqual({ 2026: 10_000_000, 2027: 12_000_000, 2028: 8_000_000 });
  });

  it("takes the sum of two sources stated and no total for the total, as the validator takes them for all", () => {
    const value = "кошти бюджету громади – 300,0 тис. грн, кошти державного бюджету – 200,0 тис. грн";
    expect(fundingOf(value).total).toBe(50_000_000);
    expect(fundingOf(value).bySource).toEqual({ local: 30_000_000, state: 20_000_000 });
  });
});

describe("passport field 10 with its total in its row and a numbered row per source under it", () => {
  const T = "\t";
  const text = [
    "ПАСПОРТ",
    "Програми цифрового розвитку Тестової сільської територіальної громади",
    "",
    `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
    `9.${T}Строк виконання Програми${T}2026-2028 роки`,
    `10.${T}Джерела та обсяги фінансування, тис. грн, всього, у тому числі:${T}1 560,0`,
    `10.1${T}кошти бюджету сільської територіальної громади${T}1 260,0`,
    `10.2${T}кошти державного бюджету${T}-`,
    `10.3${T}інші джерела${T}300,0`,
  ].join("\n");

  it("reads each source's amount (a dash as none) and counts every number", () => {
    const { programme, coverage } = importText(text);
    expect(programme.passport.funding.total).toBe(156_000_000);
    expect(programme.passport.funding.bySource).toEqual({ local: 126_000_000, state: 0, other: 30_000_000 });
    expect(coverage).toEqual({ numbersSeen: 3, numbersPlaced: 3, numbersFlagged: 0 });
  });

  it("reads a source's row of years, as many amounts as the term (field 9) has years", () => {
    const years = text.replace(`1 260,0`, `420,0${T}420,0${T}420,0`);
    const { programme, coverage } = importText(years);
    expect(programme.passport.funding.bySource).toEqual({ local: 126_000_000, state: 0, other: 30_000_000 });
    expect(programme.passport.funding.bySourceByYear).toEqual({
      local: { 2026: 42_000_000, 2027: 42_000_000, 2028: 42_000_000 },
    });
    expect(coverage).toEqual({ numbersSeen: 5, numbersPlaced: 5, numbersFlagged: 0 });
  });

  it("reads a source's years printed with their years («2026: 400,0») and its total beside them", () => {
    const labelled = `2026: 400,0${T}2027: 460,0${T}2028 р. – 400,0${T}1 260,0`;
    const { programme, coverage } = importText(text.replace(`1 260,0`, labelled));
    expect(programme.passport.funding.bySourceByYear.local).toEqual({
      2026: 40_000_000,
      2027: 46_000_000,
      2028: 40_000_000,
    });
    expect(programme.passport.funding.bySource.local).toBe(126_000_000);
    expect(coverage).toEqual({ numbersSeen: 6, numbersPlaced: 6, numbersFlagged: 0 });
  });

  it("reads the years under a total printed first or last in the row when it is their sum", () => {
    for (const row of [`1 260,0${T}400,0${T}460,0${T}400,0`, `400,0${T}460,0${T}400,0${T}1 260,0`]) {
      const funding = importText(text.replace(`1 260,0`, row)).programme.passport.funding;
      expect(funding.bySourceByYear.local).toEqual({ 2026: 40_000_000, 2027: 46_000_000, 2028: 40_000_000 });
    }
  });

  it("sums the sources' years into field 10's when its own row prints the total only", () => {
    const years = text
      .replace(`1 260,0`, `400,0${T}460,0${T}400,0`)
      .replace(`${T}300,0`, `${T}100,0${T}100,0${T}100,0`);
    const { programme, findings } = importText(years);
    expect(programme.passport.funding.byYear).toEqual({
      2026: 50_000_000,
      2027: 56_000_000,
      2028: 50_000_000,
    });
    expect(findings.map((finding) => finding.code)).not.toContain("import.passport-years-sum");
  });

  it("names the sources' years whose sum is not field 10's total, and leaves them unsummed when a source gives none", () => {
    const wrong = text
      .replace(`1 260,0`, `400,0${T}460,0${T}400,0`)
      .replace(`${T}300,0`, `${T}100,0${T}100,0${T}200,0`);
    const read = importText(wrong);
    expect(read.programme.passport.funding.byYear).toEqual({
      2026: 50_000_000,
      2027: 56_000_000,
      2028: 60_000_000,
    });
    const named = read.findings.filter((finding) => finding.code === "import.passport-years-sum");
    expect(named).toHaveLength(1);
    expect(named[0]?.message).toMatch(/1\s560,0.*1\s660,0/);
    const partial = importText(text.replace(`1 260,0`, `400,0${T}460,0${T}400,0`));
    expect(partial.programme.passport.funding.byYear).toEqual({});
  });

  it("names the amounts of a source row that do not reconcile (a total that is not the years' sum, too few years)", () => {
    for (const row of [
      `1 200,0${T}400,0${T}460,0${T}400,0`,
      `420,0${T}420,0`,
      `2026: 400,0${T}2027: 400,0${T}900,0`,
    ]) {
      const { programme, findings, coverage } = importText(text.replace(`1 260,0`, row));
      const count = row.split(T).length;
      expect(programme.passport.funding.bySource.local).toBeUndefined();
      expect(coverage).toEqual({ numbersSeen: 2 + count, numbersPlaced: 2, numbersFlagged: count });
      expect(findings.filter((finding) => finding.code === "import.unread-number")).toHaveLength(count);
    }
  });
});

describe("passport field 10 in hryvnias spelled out («гривень») beside a task table in thousands", () => {
  const T = "\t";
  const text = [
    `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
    `9.${T}Строк виконання Програми${T}2026 рік`,
    `10.${T}Загальний обсяг фінансування, гривень${T}125 000,00`,
    "",
    "Додаток 1",
    [
      "Зміст заходу",
      "Виконавці",
      "Строк виконання",
      "Джерела фінансування",
      "Обсяг, тис. грн",
      "Результат",
    ].join(T),
    ["1. Цифрове врядування", "", "", "", "", ""].join(T),
    ["1.1. Захід", "Відділ освіти", "2026", "Бюджет громади", "125,0", "Результат"].join(T),
  ].join("\n");

  it("reads the passport's amount as hryvnias, not thousands", () => {
    const { programme, findings } = importText(text);
    expect(programme.passport.funding.total).toBe(12_500_000);
    expect(findings.map((finding) => finding.code)).not.toContain("passport.funding-total");
  });
});
