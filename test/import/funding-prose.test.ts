import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import { sourcesNamedIn } from "../../src/import/interpret/funding-prose.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

/** Passport field 10 written as prose (synthetic text, the way councils print it). */
const T = "\t";
const HEAD = [
  "ПАСПОРТ",
  "Програми цифрового розвитку Тестової сільської територіальної громади",
  "",
  `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
  `2.${T}Код за Кодифікатором адміністративно-територіальних одиниць${T}UA01020030040050060`,
  `7.${T}Керівник Програми${T}Заступник сільського голови Олена Приклад`,
  `9.${T}Строк виконання Програми${T}2026–2028 роки`,
];
const FIELD10_LINE = HEAD.length + 1;

/** A task table of one project: 80,0 thousand UAH from the local budget, 15/30/35 by year. */
const TASKS = [
  "",
  "Додаток 1",
  "",
  [
    "Назва завдання",
    "Назва проєкту",
    "Відповідальні за виконання",
    "Строки виконання",
    "Джерела фінансування",
    "Обсяги фінансування, тис. грн",
    "",
    "",
    "",
    "Очікувані результати",
  ].join(T),
  ["", "", "", "", "", "Всього", "2026 р.", "2027 р.", "2028 р.", ""].join(T),
  "Пріоритетний напрям 1",
  [
    "Електронний документообіг",
    "1.1. Впровадження СЕД",
    "Відділ цифрового розвитку",
    "2026-2028",
    "Місцевий бюджет",
    "80,0",
    "15,0",
    "30,0",
    "35,0",
    "Усі органи в СЕД",
  ].join(T),
  "",
];

function field10(...lines: string[]): ImportResult {
  return interpretBlocks(readTextBlocks([...HEAD, ...lines, ""].join("\n")));
}

function read(prose: string): ImportResult {
  return field10(`10.${T}Джерела та обсяги фінансування${T}${prose}`);
}

function codes(result: ImportResult, code: string): string[] {
  return result.findings.filter((each) => each.code === code).map((each) => each.message);
}

function balanced(result: ImportResult): void {
  const { coverage } = result;
  if (!coverage) throw new Error("no coverage");
  expect(coverage.numbersSeen).toBe(coverage.numbersPlaced + coverage.numbersFlagged);
}

describe("passport field 10 in prose", () => {
  it("reads the total, the source and the source's years in brackets (the usual sentence)", () => {
    const result = read(
      "Загальний обсяг фінансування Програми становить 80,0 тис. грн, у тому числі з місцевого бюджету – " +
        "80,0 тис. грн (2026 рік – 15,0 тис. грн, 2027 рік – 30,0 тис. грн, 2028 рік – 35,0 тис. грн)",
    );
    const { line, ...funding } = result.programme.passport.funding;
    expect(funding).toEqual({
      total: 8_000_000,
      byYear: {},
      bySource: { local: 8_000_000 },
      bySourceByYear: { local: { "2026": 1_500_000, "2027": 3_000_000, "2028": 3_500_000 } },
    });
    expect(line).toBe(FIELD10_LINE);
    expect(codes(result, "import.no-amounts")).toEqual([]);
    expect(result.coverage).toEqual({ numbersSeen: 5, numbersPlaced: 5, numbersFlagged: 0 });
  });

  it("reads «усього – …» and a sentence per source separated by semicolons", () => {
    const result = read(
      "Обсяг фінансування Програми: усього – 80,0 тис. грн, у тому числі: кошти місцевого бюджету – " +
        "60,0 тис. грн; інші джерела, не заборонені законодавством, – 20,0 тис. грн",
    );
    const { funding } = result.programme.passport;
    expect(funding.total).toBe(8_000_000);
    expect(funding.bySource).toEqual({ local: 6_000_000, other: 2_000_000 });
    expect(funding.byYear).toEqual({});
    expect(result.coverage).toEqual({ numbersSeen: 3, numbersPlaced: 3, numbersFlagged: 0 });
  });

  it("reads years «у 2026 році – …» after the total as the total's years; a year range is a label", () => {
    const result = read(
      "Загальний обсяг фінансування Програми на 2026–2028 роки становить 80,0 тис. грн, у тому числі: " +
        "у 2026 році – 15,0 тис. грн, у 2027 році – 30,0 тис. грн, у 2028 році – 35,0 тис. грн",
    );
    const { funding } = result.programme.passport;
    expect(funding.total).toBe(8_000_000);
    expect(funding.byYear).toEqual({ "2026": 1_500_000, "2027": 3_000_000, "2028": 3_500_000 });
    expect(funding.bySource).toEqual({});
    expect(result.coverage).toEqual({ numbersSeen: 4, numbersPlaced: 4, numbersFlagged: 0 });
  });

  it("reads «2026 р. – …» and «2026: …», and years per source with no source total", () => {
    const result = read(
      "Кошти місцевого бюджету: 2026 р. – 10,0 тис. грн, 2027 р. – 20,0 тис. грн; " +
        "кошти державного бюджету: 2026: 5,0, 2027: 7,5",
    );
    const { funding } = result.programme.passport;
    // No total printed: the sources' sums stand for it and its years.
    expect(funding.total).toBe(4_250_000);
    expect(funding.byYear).toEqual({ "2026": 1_500_000, "2027": 2_750_000 });
    expect(funding.bySourceByYear).toEqual({
      local: { "2026": 1_000_000, "2027": 2_000_000 },
      state: { "2026": 500_000, "2027": 750_000 },
    });
    expect(result.coverage).toEqual({ numbersSeen: 4, numbersPlaced: 4, numbersFlagged: 0 });
  });

  it("converts each amount by its own unit into kopecks: грн, тис. грн, млн грн; unitless follows the last unit", () => {
    const uah = read(
      "Загальний обсяг фінансування становить 80 000,00 грн, у тому числі у 2026 році – 15 000,50 грн, " +
        "у 2027 році – 30 000, у 2028 році – 34 999,50",
    );
    expect(uah.programme.passport.funding.total).toBe(8_000_000);
    expect(uah.programme.passport.funding.byYear).toEqual({
      "2026": 1_500_050,
      "2027": 3_000_000,
      "2028": 3_499_950,
    });
    const thousand = read("Загальний обсяг фінансування становить 1 685 692,235 тис. грн");
    expect(thousand.programme.passport.funding.total).toBe(168_569_223_500);
    const million = read("Загальний обсяг фінансування Програми становить 1,25 млн грн");
    expect(million.programme.passport.funding.total).toBe(125_000_000);
  });

  it("takes the field's unit (from its label) for amounts printed without one", () => {
    const result = field10(
      `10.${T}Джерела та обсяги фінансування, тис. грн${T}Загальний обсяг – 80,0, з них місцевий бюджет – 80,0`,
    );
    const { funding } = result.programme.passport;
    expect(funding.total).toBe(8_000_000);
    expect(funding.bySource).toEqual({ local: 8_000_000 });
  });

  it("reads a total with no per-year breakdown as the total only", () => {
    const result = read("Загальний обсяг фінансування Програми становить 80,0 тис. грн.");
    const { line: _line, ...funding } = result.programme.passport.funding;
    expect(funding).toEqual({ total: 8_000_000, byYear: {}, bySource: {}, bySourceByYear: {} });
    expect(codes(result, "import.no-amounts")).toEqual([]);
  });

  it("reads «загальний обсяг … за рахунок коштів місцевого бюджету» as both the total and the source", () => {
    const result = read(
      "Загальний обсяг фінансування Програми за рахунок коштів бюджету Тестової сільської територіальної " +
        "громади становить 80,0 тис. грн",
    );
    expect(result.programme.passport.funding.total).toBe(8_000_000);
    expect(result.programme.passport.funding.bySource).toEqual({ local: 8_000_000 });
  });

  it("names every number that lands nowhere in import.unread-number, with its line and cell", () => {
    const result = read(
      "Загальний обсяг фінансування – 80,0 тис. грн (100 %), у тому числі місцевий бюджет – 70,0 тис. грн, " +
        "державний бюджет – 10,0 тис. грн; разом – 85,0 тис. грн",
    );
    expect(result.programme.passport.funding.total).toBe(8_000_000);
    expect(result.programme.passport.funding.bySource).toEqual({ local: 7_000_000, state: 1_000_000 });
    const unread = result.findings.filter((each) => each.code === "import.unread-number");
    expect(unread).toHaveLength(1);
    expect(unread[0]?.location.line).toBe(FIELD10_LINE);
    expect(unread[0]?.message).toContain("«100», «85,0»");
    expect(unread[0]?.message).toContain("клітинка 3");
    expect(result.coverage).toEqual({ numbersSeen: 5, numbersPlaced: 3, numbersFlagged: 2 });
  });

  it("reads the prose going on in the rows under field 10 (a cell the extraction split)", () => {
    const result = field10(
      `10.${T}Джерела та обсяги фінансування${T}Загальний обсяг фінансування Програми становить 80,0 тис. грн,`,
      `${T}${T}у тому числі кошти місцевого бюджету – 60,0 тис. грн, інші джерела – 20,0 тис. грн`,
    );
    const { funding } = result.programme.passport;
    expect(funding.total).toBe(8_000_000);
    expect(funding.bySource).toEqual({ local: 6_000_000, other: 2_000_000 });
    expect(result.coverage).toEqual({ numbersSeen: 3, numbersPlaced: 3, numbersFlagged: 0 });
  });

  it("reads field 10 of a passport printed as numbered paragraphs", () => {
    const text = [
      "ПАСПОРТ",
      "1. Найменування територіальної громади: Тестова сільська територіальна громада",
      "2. Код за Кодифікатором адміністративно-територіальних одиниць: UA01020030040050060",
      "9. Строк виконання Програми: 2026–2028 роки",
      "10. Джерела та обсяги фінансування: загальний обсяг – 80,0 тис. грн, у тому числі кошти " +
        "місцевого бюджету – 60,0 тис. грн, кошти обласного бюджету – 20,0 тис. грн",
      "",
    ].join("\n");
    const result = interpretBlocks(readTextBlocks(text));
    const { funding } = result.programme.passport;
    expect(funding.total).toBe(8_000_000);
    expect(funding.bySource).toEqual({ local: 6_000_000, oblast: 2_000_000 });
    balanced(result);
  });

  it("reads numbered paragraphs with each value under its label, field 10's amounts over several lines", () => {
    const text = [
      "ПАСПОРТ",
      "1. Найменування територіальної громади:",
      "Тестова сільська територіальна громада",
      "2. Код за КАТОТТГ:",
      "UA01020030040050060",
      "9. Строк реалізації Програми:",
      "2026–2028 роки",
      "10. Обсяги фінансування:",
      "загальний обсяг – 80,0 тис. грн, з них:",
      "кошти бюджету сільської територіальної громади – 60,0 тис. грн;",
      "інші джерела – 20,0 тис. грн.",
      "",
      "Аналіз поточного стану",
      "У 2025 році придбано 12 комп'ютерів.",
    ].join("\n");
    const result = interpretBlocks(readTextBlocks(text));
    const { passport, community } = result.programme;
    expect(community).toEqual({
      name: "Тестова сільська територіальна громада",
      katottg: "UA01020030040050060",
    });
    expect(passport.fields.find((field) => field.number === 9)?.value).toBe("2026–2028 роки");
    expect(passport.funding.total).toBe(8_000_000);
    expect(passport.funding.bySource).toEqual({ local: 6_000_000, other: 2_000_000 });
    balanced(result);
  });

  it("reads the owner named after its amount («80,0 тис. грн – кошти місцевого бюджету, …»)", () => {
    const result = read("80,0 тис. грн – кошти місцевого бюджету, 20,0 тис. грн – інші джерела");
    const { funding } = result.programme.passport;
    expect(funding.total).toBe(10_000_000);
    expect(funding.bySource).toEqual({ local: 8_000_000, other: 2_000_000 });
    expect(result.coverage).toEqual({ numbersSeen: 2, numbersPlaced: 2, numbersFlagged: 0 });
  });

  it("reads a bare year-like number after a dash as an amount («інші джерела – 2027»)", () => {
    const result = read(
      "Загальний обсяг – 80,0 тис. грн, у тому числі: 2026 рік – 15,0; 2027 рік – 2027; 2028 рік – 35,0",
    );
    expect(result.programme.passport.funding.byYear).toEqual({
      "2026": 1_500_000,
      "2027": 202_700_000,
      "2028": 3_500_000,
    });
  });

  it("places one amount said to be each year's («на 2026, 2027 та 2028 роки по 15,0») in each year", () => {
    const listed = read("Фінансування на 2026, 2027 та 2028 роки по 15,0 тис. грн щороку");
    const { line: _line, ...funding } = listed.programme.passport.funding;
    const each = { "2026": 1_500_000, "2027": 1_500_000, "2028": 1_500_000 };
    expect(funding).toEqual({ total: null, byYear: each, bySource: {}, bySourceByYear: {} });
    expect(codes(listed, "import.unread-number")).toEqual([]);
    expect(codes(listed, "import.no-amounts")).toEqual([]);
    expect(listed.coverage).toEqual({ numbersSeen: 1, numbersPlaced: 1, numbersFlagged: 0 });
    // A range, and a source's years after its total: «щороку» alone or «по» alone says "each".
    const ranged = read(
      "Загальний обсяг фінансування Програми становить 45,0 тис. грн, у тому числі з місцевого бюджету – 45,0 тис. грн (на 2026–2028 роки 15,0 тис. грн щороку)",
    );
    expect(ranged.programme.passport.funding.bySourceByYear).toEqual({ local: each });
    expect(ranged.programme.passport.funding.total).toBe(4_500_000);
    const sourced = read("Кошти місцевого бюджету: на 2026 та 2027 роки по 20,0 тис. грн");
    expect(sourced.programme.passport.funding.bySourceByYear).toEqual({
      local: { "2026": 2_000_000, "2027": 2_000_000 },
    });
  });

  it("places no amount that several years share without saying it is each year's, and names it", () => {
    const result = read("Фінансування на 2026, 2027 та 2028 роки 45,0 тис. грн");
    const { line: _line, ...funding } = result.programme.passport.funding;
    expect(funding).toEqual({ total: null, byYear: {}, bySource: {}, bySourceByYear: {} });
    expect(codes(result, "import.unread-number")).toEqual([expect.stringContaining("«45,0»")]);
    // Not "no amounts": the amount is there, unread, and named.
    const [noAmounts, ...more] = codes(result, "import.no-amounts");
    expect(more).toEqual([]);
    expect(noAmounts).toContain("містить суми («45,0»), але жодної не прочитано");
    expect(noAmounts).toContain("import.unread-number");
    expect(noAmounts).not.toContain("не наводить жодних сум");
    expect(result.coverage).toEqual({ numbersSeen: 1, numbersPlaced: 0, numbersFlagged: 1 });
  });

  it("places one amount after years said to be each year's by «щорічно» before it (a range or a list)", () => {
    const each = { "2026": 4_500_000, "2027": 4_500_000, "2028": 4_500_000 };
    for (const prose of [
      "Фінансування на 2026–2028 роки щорічно 45,0 тис. грн",
      "Фінансування на 2026, 2027 та 2028 роки щорічно 45,0 тис. грн",
      "Фінансування на 2026, 2027 та 2028 роки щороку – 45,0 тис. грн",
      "Фінансування на 2026–2028 роки щорічно по 45,0 тис. грн",
    ]) {
      const result = read(prose);
      const { line: _line, ...funding } = result.programme.passport.funding;
      expect(funding, prose).toEqual({ total: null, byYear: each, bySource: {}, bySourceByYear: {} });
      expect(codes(result, "import.unread-number"), prose).toEqual([]);
    }
  });

  it("names both readings of an amount several listed years share when no task table decides", () => {
    const result = read("Фінансування на 2026, 2027 та 2028 роки 45,0 тис. грн");
    const [message, ...more] = codes(result, "import.amounts-ambiguous");
    expect(more).toEqual([]);
    expect(message).toContain("«45,0»");
    expect(message).toContain("2026 – 45,0, 2027 – 45,0, 2028 – 45,0");
    expect(message).toContain("разом (45,0 тис. грн)");
    expect(result.findings.find((each) => each.code === "import.amounts-ambiguous")?.location.line).toBe(
      FIELD10_LINE,
    );
  });

  it("still warns import.no-amounts when the prose names sources but no amounts", () => {
    const result = read(
      "Кошти місцевого бюджету та інші джерела, не заборонені законодавством, на 2026-2028 роки",
    );
    expect(result.programme.passport.funding.total).toBeNull();
    expect(codes(result, "import.no-amounts")).toEqual([expect.stringContaining("не наводить жодних сум")]);
    expect(result.coverage).toEqual({ numbersSeen: 0, numbersPlaced: 0, numbersFlagged: 0 });
  });

  it("leaves the one-line table «Всього 2026 рік … amounts» to its own reader", () => {
    const result = read("Всього 2026 рік 2027 рік 2028 рік 80 15 30 35");
    expect(result.programme.passport.funding.total).toBe(8_000_000);
    expect(result.programme.passport.funding.byYear).toEqual({
      "2026": 1_500_000,
      "2027": 3_000_000,
      "2028": 3_500_000,
    });
  });

  it("tells sources apart by the word before «бюджет»", () => {
    expect(sourcesNamedIn("з державного бюджету")).toEqual(["state"]);
    expect(sourcesNamedIn("кошти обласного бюджету та інших джерел")).toEqual(["oblast", "other"]);
    expect(sourcesNamedIn("бюджету Тестової громади")).toEqual(["local"]);
    expect(sourcesNamedIn("в межах бюджетних асигнувань")).toEqual([]);
    expect(sourcesNamedIn("позабюджетні кошти")).toEqual(["other"]);
  });
});

describe("passport field 10 in prose against the task table (the validator's rules)", () => {
  const withTasks = (prose: string) =>
    importText([...HEAD, `10.${T}Джерела та обсяги фінансування${T}${prose}`, ...TASKS].join("\n"));

  it("agrees with a task table that sums to the same amounts: no passport.funding-* finding", () => {
    const result = withTasks(
      "Загальний обсяг фінансування Програми становить 80,0 тис. грн, у тому числі з місцевого бюджету – " +
        "80,0 тис. грн (2026 рік – 15,0 тис. грн, 2027 рік – 30,0 тис. грн, 2028 рік – 35,0 тис. грн)",
    );
    expect(result.findings.filter((each) => each.code.startsWith("passport.funding"))).toEqual([]);
  });

  it("reports a total the sources do not add up to, and a year that does not add up", () => {
    const result = withTasks(
      "Загальний обсяг фінансування Програми становить 90,0 тис. грн, у тому числі з місцевого бюджету – " +
        "80,0 тис. грн (2026 рік – 15,0 тис. грн, 2027 рік – 30,0 тис. грн, 2028 рік – 25,0 тис. грн)",
    );
    const found = result.findings.filter((each) => each.code.startsWith("passport.funding"));
    expect(found.map((each) => each.code).sort()).toEqual([
      "passport.funding-source",
      "passport.funding-total",
    ]);
    expect(found.find((each) => each.code === "passport.funding-source")?.message).toContain("2028 рік");
    expect(found.every((each) => each.location.line === FIELD10_LINE)).toBe(true);
  });

  it("reports sources that do not add up to the total", () => {
    const result = withTasks(
      "Загальний обсяг – 80,0 тис. грн, у тому числі: місцевий бюджет – 60,0 тис. грн, інші джерела – 30,0 тис. грн",
    );
    const found = result.findings.filter((each) => each.code === "passport.funding-source");
    expect(found.map((each) => each.message).join(" ")).toMatch(/місцевий бюджет[\s\S]*інші джерела/);
  });
});

describe("one amount after several listed years, judged by the task table's sums", () => {
  /** The TASKS table with the project's amounts by year replaced. */
  const tasksWith = (years: string[]) =>
    TASKS.map((line) => {
      if (!line.startsWith("Електронний документообіг")) return line;
      const cells = line.split(T);
      const total = years.reduce((sum, year) => sum + Number(year.replace(",", ".")), 0);
      cells.splice(5, 4, total.toFixed(1).replace(".", ","), ...years);
      return cells.join(T);
    });
  const withTasks = (prose: string, years: string[]) =>
    importText(
      [...HEAD, `10.${T}Джерела та обсяги фінансування${T}${prose}`, ...tasksWith(years)].join("\n"),
    );

  it("is each year's when the task table gives every one of those years the amount", () => {
    for (const prose of [
      "Фінансування на 2026, 2027 та 2028 роки 45,0 тис. грн",
      "Кошти місцевого бюджету на 2026, 2027, 2028 роки 45,0 тис. грн",
    ]) {
      const result = withTasks(prose, ["45,0", "45,0", "45,0"]);
      const { funding } = result.programme.passport;
      const each = { "2026": 4_500_000, "2027": 4_500_000, "2028": 4_500_000 };
      expect(prose.includes("місцевого") ? funding.bySourceByYear.local : funding.byYear, prose).toEqual(
        each,
      );
      expect(codes(result, "import.amounts-ambiguous"), prose).toEqual([]);
      expect(codes(result, "import.unread-number"), prose).toEqual([]);
    }
  });

  it("is all the years' together when the task table's sums for them add up to it", () => {
    const result = withTasks("Фінансування на 2026, 2027 та 2028 роки 45,0 тис. грн", [
      "10,0",
      "15,0",
      "20,0",
    ]);
    const { line: _line, ...funding } = result.programme.passport.funding;
    expect(funding).toEqual({ total: 4_500_000, byYear: {}, bySource: {}, bySourceByYear: {} });
    expect(codes(result, "import.amounts-ambiguous")).toEqual([]);
    expect(codes(result, "import.unread-number")).toEqual([]);
  });

  it("stays unread, both readings named, when the task table confirms neither", () => {
    // 15 + 30 + 35 = 80: neither 45,0 a year nor 45,0 in all.
    const result = withTasks("Фінансування на 2026, 2027 та 2028 роки 45,0 тис. грн", [
      "15,0",
      "30,0",
      "35,0",
    ]);
    expect(result.programme.passport.funding.total).toBeNull();
    expect(result.programme.passport.funding.byYear).toEqual({});
    expect(codes(result, "import.unread-number")).toEqual([expect.stringContaining("«45,0»")]);
    expect(codes(result, "import.amounts-ambiguous")).toEqual([
      expect.stringContaining("таблиця завдань цього не вирішує"),
    ]);
  });
});

describe("passport field 10 in prose without a task table (passport.funding-parts)", () => {
  const alone = (prose: string) =>
    importText([...HEAD, `10.${T}Джерела та обсяги фінансування${T}${prose}`, ""].join("\n"));

  it("reports the sources and the years that do not add up to the stated total, at field 10", () => {
    const result = alone(
      "Загальний обсяг фінансування Програми становить 80,0 тис. грн (2026 рік – 15,0 тис. грн, " +
        "2027 рік – 30,0 тис. грн, 2028 рік – 40,0 тис. грн), у тому числі: місцевий бюджет – " +
        "60,0 тис. грн, обласний бюджет – 30,0 тис. грн",
    );
    expect(result.programme.passport.funding).toMatchObject({
      total: 8_000_000,
      byYear: { "2026": 1_500_000, "2027": 3_000_000, "2028": 4_000_000 },
      bySource: { local: 6_000_000, oblast: 3_000_000 },
    });
    expect(codes(result, "import.no-task-table")).toHaveLength(1);
    const found = result.findings.filter((each) => each.code.startsWith("passport.funding"));
    expect(found.map((each) => each.code)).toEqual(["passport.funding-parts", "passport.funding-parts"]);
    expect(found.map((each) => each.location)).toEqual([
      { line: FIELD10_LINE, ref: "passport:10" },
      { line: FIELD10_LINE, ref: "passport:10" },
    ]);
    const messages = found.map((each) => each.message);
    expect(messages).toContainEqual(
      expect.stringMatching(
        /сума джерел \(місцевий бюджет – 60,0 тис\. грн, обласний бюджет – 30,0 тис\. грн\) — 90,0/,
      ),
    );
    expect(messages).toContainEqual(expect.stringMatching(/сума за роками \(2026 рік – 15,0 .*\) — 85,0/));
  });

  it("finds nothing in a field 10 that adds up", () => {
    const result = alone(
      "Загальний обсяг фінансування Програми становить 80,0 тис. грн, у тому числі з місцевого бюджету – " +
        "80,0 тис. грн (2026 рік – 15,0 тис. грн, 2027 рік – 30,0 тис. грн, 2028 рік – 35,0 тис. грн)",
    );
    expect(result.findings.filter((each) => each.code.startsWith("passport.funding"))).toEqual([]);
  });
});
