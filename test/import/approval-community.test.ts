import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

const T = "\t";
const row = (...cells: string[]) => cells.join(T);

const PASSPORT = [
  "ПАСПОРТ",
  "Програми інформатизації на 2026-2027 роки",
  row("2.", "Код за Кодифікатором адміністративно-територіальних одиниць", "UA59060110000049734"),
  row("7.", "Керівник Програми", "заступник міського голови"),
  row("9.", "Строк виконання Програми", "2026-2027 роки"),
  row("10.", "Обсяг фінансування, тис. грн", "100,0"),
];

const OLD_FORM = [
  "ПАСПОРТ",
  "Програми інформатизації на 2026-2027 роки",
  row("1.", "Ініціатор розроблення Програми", "Виконавчий комітет"),
  row("2.", "Розробник Програми", "відділ цифрового розвитку"),
  row("3.", "Учасники Програми", "структурні підрозділи"),
  row("4.", "Термін реалізації Програми", "2026-2027 роки"),
];

const read = (lines: string[]) => importText(lines.join("\n"));
const codes = (lines: string[]) => read(lines).findings.map((finding) => finding.code);

describe("the community named only by the council's approval at the top", () => {
  it.each([
    ["over three lines", ["ЗАТВЕРДЖЕНО", "рішенням Роменської міської ради", "від 12.12.2025 № 1234"]],
    ["on one line", ["ЗАТВЕРДЖЕНО рішенням Роменської міської ради від 12.12.2025 № 1234"]],
  ])("is read from it (%s) when no field 1 names one", (_name, approval) => {
    const lines = [...approval, ...PASSPORT];
    expect(read(lines).programme.community.name).toBe("Роменська міська територіальна громада");
    expect(codes(lines)).not.toContain("import.no-community");
  });

  it("is read from «Рішення … сільської ради» heading the document", () => {
    const lines = ["Рішення Березівської сільської ради", "від 12.12.2025 № 12", "", ...PASSPORT];
    expect(read(lines).programme.community.name).toBe("Березівська сільська територіальна громада");
  });

  it("is read for a passport of the old form", () => {
    const lines = ["ЗАТВЕРДЖЕНО", "рішенням Роменської міської ради", ...OLD_FORM];
    expect(read(lines).programme.community.name).toBe("Роменська міська територіальна громада");
    const finding = read(lines).findings.find((each) => each.code === "import.passport-old-form");
    expect(finding?.message).toContain("рішенням про затвердження");
  });

  it("gives way to field 1 naming the community", () => {
    const field1 = row("1.", "Найменування територіальної громади", "Тестова сільська територіальна громада");
    const lines = [
      "ЗАТВЕРДЖЕНО",
      "рішенням Роменської міської ради",
      ...PASSPORT.slice(0, 2),
      field1,
      ...PASSPORT.slice(2),
    ];
    expect(read(lines).programme.community.name).toBe("Тестова сільська територіальна громада");
  });

  it("names none when the approval names no council of its own («рішенням міської ради»)", () => {
    const lines = ["ЗАТВЕРДЖЕНО", "рішенням міської ради", ...PASSPORT];
    expect(read(lines).programme.community.name).toBe("");
    expect(codes(lines)).toContain("import.no-community");
  });
});
