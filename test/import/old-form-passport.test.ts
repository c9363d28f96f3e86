import { describe, expect, it } from "vitest";
import { importText } from "../../src/import/index.js";

/** The typical local programme's passport as numbered paragraphs, field 10 in one sentence. */
const DOCUMENT = [
  "ПАСПОРТ",
  "Програми інформатизації Тестової міської територіальної громади на 2026-2028 роки",
  "",
  "1. Ініціатор розроблення Програми: виконавчий комітет Тестової міської ради.",
  "2. Розробник Програми: відділ цифрового розвитку виконавчого комітету.",
  "3. Відповідальний виконавець Програми: відділ цифрового розвитку.",
  "4. Учасники Програми: структурні підрозділи виконавчого комітету.",
  "5. Термін реалізації Програми: 2026-2028 роки.",
  "6. Загальний обсяг фінансових ресурсів, необхідних для реалізації Програми, – 1 500,0 тис. грн, у тому числі кошти бюджету громади – 1 200,0 тис. грн, інші джерела – 300,0 тис. грн.",
  "",
  "Додаток 1",
  "№ з/п\tНазва напряму діяльності (пріоритетні завдання)\tПерелік заходів Програми\tСтрок виконання заходу\tВиконавці\tДжерела фінансування\tОрієнтовні обсяги фінансування, тис. грн\t\t\tОчікуваний результат",
  "\t\t\t\t\t\t2026\t2027\t2028\t",
  "1.\tІнфраструктура\t1.1. Закупівля техніки\t2026-2028\tВідділ цифрового розвитку\tБюджет громади\t400,0\t400,0\t400,0\tОновлено техніку",
  "\t\t\t\t\tІнші джерела\t300,0\t-\t-\t",
].join("\n");

describe("the typical local programme's passport printed as paragraphs", () => {
  it("reads its fields by name and field 10's total and sources, with one finding naming the form", () => {
    const read = importText(DOCUMENT);
    const fields = read.programme.passport.fields.map((field) => [field.number, field.value]);
    expect(fields).toEqual([
      [6, "відділ цифрового розвитку виконавчого комітету."],
      [8, "структурні підрозділи виконавчого комітету."],
      [9, "2026-2028 роки."],
      [10, expect.stringContaining("1 500,0 тис. грн")],
    ]);
    const { total, bySource } = read.programme.passport.funding;
    expect({ total, bySource }).toEqual({
      total: 150_000_000,
      bySource: { local: 120_000_000, other: 30_000_000 },
    });
    const codes = read.findings.map((finding) => finding.code);
    expect(codes.filter((code) => code === "import.passport-old-form")).toHaveLength(1);
    expect(
      codes.filter((code) => /^passport\.funding|unread-number|passport-field-missing/.test(code)),
    ).toEqual([]);
  });
});
