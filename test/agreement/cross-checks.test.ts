/**
 * The primary expertise's cross-checks: on each fixture programme against findings written by hand
 * (read off the documents), and on small synthetic programmes where each check must fire and where it
 * must not.
 */
import { describe, expect, it } from "vitest";
import { crossChecks, perYearQuantity } from "../../src/domain/agreement/cross-checks.js";
import { projectOf } from "../../src/domain/agreement/links.js";
import { emptyProgramme, type Indicator, type Programme } from "../../src/domain/model.js";
import { item, row } from "../domain/builders.js";
import { importFixture } from "../import/support.js";

const brief = (programme: Programme) =>
  crossChecks(programme).map((each) => `${each.code} ${each.location.ref}`);

describe("cross-checks on the fixture programmes (expected findings read off the documents)", () => {
  it("Romny: the Дія.Центр created in 2027 with money only in 2028, and Wi-Fi zones against «two a year»", () => {
    const { programme } = importFixture("romny-2026-2028.txt");
    expect(brief(programme)).toEqual([
      "expertise.target-before-money indicator:14",
      "expertise.target-contradicts-text indicator:28",
    ]);
    const messages = crossChecks(programme).map((each) => each.message);
    expect(messages[0]).toContain("2027");
    expect(messages[0]).toContain("2028");
    expect(messages[1]).toContain("8 / 6 / 0");
  });

  it("Slobozhanska: every source named without a sum, every indicator without a baseline", () => {
    const { programme } = importFixture("slobozhanska-2025-2027.txt");
    const codes = crossChecks(programme).map((each) => each.code);
    expect(codes.filter((code) => code === "expertise.source-without-amount")).toHaveLength(18);
    expect(codes.filter((code) => code === "expertise.no-baseline")).toHaveLength(
      programme.indicators.length,
    );
    expect(new Set(codes)).toEqual(new Set(["expertise.source-without-amount", "expertise.no-baseline"]));
  });

  it("Starokostiantyniv: a dynamics of 100 over one unit (2.6, 2.13, 5.3, 5.13), and 3.8's target two years before its money", () => {
    const { programme } = importFixture("starokostiantyniv-2026-2028.txt");
    const named = crossChecks(programme).map(
      (each) =>
        `${each.code} ${programme.indicators[Number(each.location.ref.split(":")[1])]?.name.split(" ")[0]}`,
    );
    expect(named).toEqual([
      "expertise.dynamics-mismatch 2.6.",
      "expertise.dynamics-mismatch 2.13.",
      "expertise.target-before-money 3.8.",
      "expertise.dynamics-mismatch 5.3.",
      "expertise.dynamics-mismatch 5.13.",
    ]);
  });
});

function indicator(fields: Partial<Indicator>): Indicator {
  return {
    number: "1",
    direction: "Цифрові послуги",
    name: "створено центр обробки даних громади",
    unit: "Так/Ні",
    formula: "",
    baseline: "Ні",
    targets: { "2026": "Ні", "2027": "Так", "2028": "Так" },
    dynamics: "",
    line: 50,
    ...fields,
  };
}

function programmeWith(
  indicators: Indicator[],
  options: { money?: [string, string, string]; result?: string } = {},
): Programme {
  const programme = emptyProgramme();
  programme.period = { from: 2026, to: 2028 };
  const project = item({
    id: "d1.1",
    line: 10,
    number: "1.1",
    title: "Створення центру обробки даних громади",
    expectedResult: options.result ?? "центр працює",
    funding: [row("local", options.money ?? ["", "", "500,0"], 11)],
  });
  programme.directions = [
    { number: "1", title: "Цифрові послуги", items: [project], declaredTotals: [], line: 9 },
  ];
  programme.indicators = indicators;
  return programme;
}

describe("each cross-check fires where it should and nowhere else", () => {
  it("target before money: fires for a 2027 target over 2028 money, not when the money comes first", () => {
    expect(brief(programmeWith([indicator({})]))).toEqual(["expertise.target-before-money indicator:0"]);
    expect(brief(programmeWith([indicator({})], { money: ["", "500,0", ""] }))).toEqual([]);
    expect(brief(programmeWith([indicator({ name: "кількість навчених працівників бібліотек" })]))).toEqual(
      [],
    );
  });

  it("ties an indicator to its project by the number it starts with, else by shared words", () => {
    const programme = programmeWith([
      indicator({ name: "1.1. Будь-яка назва" }),
      indicator({ name: "створено центр даних" }),
    ]);
    expect(programme.indicators.map((each) => projectOf(programme, each)?.number)).toEqual(["1.1", "1.1"]);
    expect(projectOf(programme, indicator({ name: "відкрито хаб" }))).toBeNull();
  });

  it("target against text: «не менше двох щороку» against 8/6/0, but not against 3/2/2", () => {
    const counted = (targets: string[]) =>
      indicator({
        name: "кількість центрів обробки даних",
        unit: "одиниць",
        baseline: "10",
        targets: { "2026": targets[0] ?? "", "2027": targets[1] ?? "", "2028": targets[2] ?? "" },
      });
    const result = "створено не менш ніж два центри обробки даних щороку";
    const money = ["500,0", "500,0", "500,0"] as [string, string, string];
    expect(brief(programmeWith([counted(["18", "24", "24"])], { result, money }))).toEqual([
      "expertise.target-contradicts-text indicator:0",
    ]);
    expect(brief(programmeWith([counted(["13", "15", "17"])], { result, money }))).toEqual([]);
  });

  it("reads a yearly quantity in digits and in words, exact or as a minimum", () => {
    expect(perYearQuantity("не менш ніж у двох публічних місцях щороку")).toEqual({
      count: 2,
      atLeast: true,
    });
    expect(perYearQuantity("навчання 50 працівників щорічно")).toEqual({ count: 50, atLeast: false });
    expect(perYearQuantity("три заходи на рік")).toEqual({ count: 3, atLeast: false });
    expect(perYearQuantity("у 2026 році створено центр")).toBeNull();
  });

  it("dynamics: accepts change from baseline, level reached and sums; flags what none of them gives", () => {
    const numeric = (dynamics: string) =>
      indicator({
        name: "частка послуг онлайн",
        unit: "%",
        baseline: "20",
        targets: { "2026": "30", "2027": "40", "2028": "50" },
        dynamics,
      });
    for (const dynamics of ["+30", "50", "120", "150"])
      expect(brief(programmeWith([numeric(dynamics)]))).toEqual([]);
    expect(brief(programmeWith([numeric("+45")]))).toEqual(["expertise.dynamics-mismatch indicator:0"]);
  });

  it("no baseline: an empty or dashed baseline, not «0» or «Ні»", () => {
    const of = (baseline: string) => brief(programmeWith([indicator({ name: "інше", baseline })]));
    expect(of("")).toEqual(["expertise.no-baseline indicator:0"]);
    expect(of("–")).toEqual(["expertise.no-baseline indicator:0"]);
    expect(of("0")).toEqual([]);
    expect(of("Ні")).toEqual([]);
  });

  it("an empty direction: no projects, or no indicator measures it", () => {
    const programme = programmeWith([indicator({ name: "інше" })]);
    programme.directions.push({
      number: "2",
      title: "Кібербезпека",
      items: [],
      declaredTotals: [],
      line: 30,
    });
    expect(brief(programme)).toEqual(["expertise.direction-empty direction:2"]);
    expect(crossChecks(programme)[0]?.message).toContain("проєктів і індикаторів");
  });

  it("a source named with no amount, but not one with a note or a sum", () => {
    const programme = programmeWith([indicator({ name: "інше" })], { money: ["", "", ""] });
    expect(brief(programme)).toEqual(["expertise.source-without-amount item:d1.1"]);
    const first = programme.directions[0]?.items[0];
    if (first?.funding[0]) first.funding[0].note = "в межах бюджетних асигнувань";
    expect(brief(programme)).toEqual([]);
  });
});
