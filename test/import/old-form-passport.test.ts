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

/** The old form's passport as a table, its title and initiator given; the task table as above. */
function oldFormDocument(title: string, initiator: string): string {
  return [
    "ПАСПОРТ",
    title,
    "",
    `1.\tІніціатор розроблення програми\t${initiator}`,
    "2.\tДата, номер і назва розпорядчого документа про розроблення програми\tРозпорядження міського голови від 01.09.2025 № 120",
    "3.\tРозробник програми\tВідділ цифрового розвитку",
    "4.\tУчасники програми\tСтруктурні підрозділи виконавчого комітету",
    "5.\tТермін реалізації програми\t2026-2028 роки",
    "6.\tЗагальний обсяг фінансових ресурсів, необхідних для реалізації програми, тис. грн\t1 500,0",
    "",
    ...DOCUMENT.split("\n").slice(DOCUMENT.split("\n").indexOf("Додаток 1")),
  ].join("\n");
}

describe("the community of a typical local programme's passport", () => {
  // The old form has no field 1: the title or a field names the community or its council in the genitive.
  it.each([
    [
      "Програми інформатизації Березівської сільської територіальної громади на 2026-2028 роки",
      "Виконавчий комітет сільської ради",
      "Березівська сільська територіальна громада",
    ],
    [
      "Програми інформатизації на 2026-2028 роки",
      "Виконавчий комітет Березівської сільської ради",
      "Березівська сільська територіальна громада",
    ],
    [
      "Програми цифрового розвитку на 2026-2028 роки",
      "Виконавчий комітет Н-ської міської ради",
      "Н-ська міська територіальна громада",
    ],
    [
      "ПРОГРАМИ ІНФОРМАТИЗАЦІЇ КАМ'ЯНЕЦЬ-ПОДІЛЬСЬКОЇ МІСЬКОЇ ТЕРИТОРІАЛЬНОЇ ГРОМАДИ НА 2026-2028 РОКИ",
      "Виконавчий комітет міської ради",
      "Кам'янець-Подільська міська територіальна громада",
    ],
    [
      "Програми інформатизації Вільшанської селищної ради на 2026-2028 роки",
      "Виконавчий комітет Вільшанської селищної ради",
      "Вільшанська селищна територіальна громада",
    ],
    [
      "Програми інформатизації Верхньої сільської територіальної громади на 2026-2028 роки",
      "Виконавчий комітет сільської ради",
      "Верхня сільська територіальна громада",
    ],
    // Nothing names the community: none is made up, and the importer says it is missing.
    ["Програми інформатизації на 2026-2028 роки", "Виконавчий комітет міської ради", ""],
    ["Програми інформатизації на 2026-2028 роки", "Роменська районна рада", ""],
    ["Програми інформатизації на 2026-2028 роки", "Виконавчий комітет нової міської ради", ""],
  ])("%s, «%s» → «%s»", (title, initiator, community) => {
    const read = importText(oldFormDocument(title, initiator));
    expect(read.programme.community.name).toBe(community);
    const codes = read.findings.map((finding) => finding.code);
    expect(codes.includes("import.no-community")).toBe(community === "");
  });

  it("reads «Дата, номер і назва розпорядчого документа» as field 3, so field 3 is not missing", () => {
    const read = importText(oldFormDocument("Програми на 2026-2028 роки", "Виконавчий комітет міської ради"));
    const field3 = read.programme.passport.fields.find((field) => field.number === 3);
    expect(field3?.value).toBe("Розпорядження міського голови від 01.09.2025 № 120");
    const missing = read.findings.filter((finding) => finding.code === "passport.missing-field");
    expect(missing.map((finding) => finding.location.ref)).not.toContain("passport:3");
  });

  it("names in its finding where the community was read", () => {
    const read = importText(
      oldFormDocument("Програми на 2026-2028 роки", "Виконавчий комітет Березівської сільської ради"),
    );
    const finding = read.findings.find((each) => each.code === "import.passport-old-form");
    expect(finding?.message).toContain("«Березівська сільська територіальна громада»");
    expect(finding?.message).toContain("«Ініціатор розроблення програми»");
  });
});
