import { describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

/** A task table with a column per source and no year column, under a title naming the programme's term. */
function table(deadlines: string[]): string {
  const rows = deadlines.map(
    (deadline, index) =>
      `1.${index + 1}. Захід ${index + 1}\tВідділ ІТ\t${deadline}\t100,0\t50,0\t-\tВиконано`,
  );
  return [
    "Перелік завдань, проєктів, робіт з інформатизації на 2026-2028 роки",
    "",
    "Назва заходу\tВідповідальні за виконання\tСтрок виконання\tОбсяг фінансування, тис. грн\t\t\tОчікувані результати",
    "\t\t\tДержавний бюджет\tБюджет громади\tІнші джерела\t",
    "1. Цифрові послуги",
    ...rows,
  ].join("\n");
}

const byYears = (text: string) =>
  allItems(importText(text).programme).map((item) => item.funding.map((row) => [row.source, row.byYear]));

describe("a column per source and no year column", () => {
  it("places a measure's amounts in its deadline's year when that is one year of the programme", () => {
    expect(byYears(table(["2027 рік", "IV квартал 2028 року"]))).toEqual([
      [
        ["state", { "2027": 10_000_000 }],
        ["local", { "2027": 5_000_000 }],
      ],
      [
        ["state", { "2028": 10_000_000 }],
        ["local", { "2028": 5_000_000 }],
      ],
    ]);
    const codes = importText(table(["2027 рік"])).findings.map((finding) => finding.code);
    expect(codes).not.toContain("import.years-not-split");
  });

  it("leaves unsplit the amounts of a measure over several years or due outside the programme", () => {
    const read = importText(table(["2026-2028 роки", "2030 рік", "2026 рік"]));
    expect(allItems(read.programme).map((item) => item.funding.map((row) => row.byYear))).toEqual([
      [{}, {}],
      [{}, {}],
      [{ "2026": 10_000_000 }, { "2026": 5_000_000 }],
    ]);
    const notSplit = read.findings.filter((finding) => finding.code === "import.years-not-split");
    expect(notSplit.map((finding) => finding.message)).toEqual([
      expect.stringContaining("суму заходу зі строком у межах одного року програми віднесено до цього року"),
    ]);
  });
});
