import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { classifySource } from "../../src/domain/sources.js";
import { importDocument, importText } from "../../src/import/index.js";
import { renderAll } from "../formats/render.js";

const T = "\t";

const HEAD = [
  "ПАСПОРТ",
  "Програми інформатизації Роменської міської територіальної громади на 2026-2028 роки",
];

const ANNEX = [
  "",
  "Додаток 1 до Програми",
  `№ з/п${T}Назва напряму діяльності${T}Перелік заходів Програми${T}Строк виконання${T}Виконавці${T}Джерела фінансування${T}Орієнтовні обсяги фінансування, тис. грн${T}${T}${T}Очікуваний результат`,
  `${T}${T}${T}${T}${T}${T}2026${T}2027${T}2028${T}`,
  `1.${T}Інфраструктура${T}1.1. Закупівля техніки${T}2026-2028${T}Відділ цифрового розвитку${T}Бюджет громади${T}400,0${T}400,0${T}400,0${T}Оновлено техніку`,
  `${T}${T}${T}${T}${T}Інші джерела${T}100,0${T}100,0${T}100,0${T}`,
];

const row = (...cells: string[]) => cells.join(T);

/** The model passport's field 10: a year per column, a row per source numbered under it («10.1.»). */
const MODEL = [
  row("1.", "Найменування територіальної громади", "Роменська міська територіальна громада"),
  row("2.", "Код за Кодифікатором адміністративно-територіальних одиниць", "UA59060110000049734"),
  row("7.", "Керівник Програми", "заступник міського голови"),
  row("9.", "Строк виконання Програми", "2026-2028 роки"),
  row("10.", "Джерела та обсяги фінансування, тис. грн", "Всього", "2026", "2027", "2028"),
  row("10.1.", "Загальний обсяг", "1500,0", "500,0", "500,0", "500,0"),
  row("10.2.", "місцевий бюджет", "1200,0", "400,0", "400,0", "400,0"),
  row("10.3.", "інші джерела", "300,0", "100,0", "100,0", "100,0"),
];

/** The typical local programme's passport, its total's row heading a year per column over its sources. */
const OLD_FORM = [
  row("1.", "Ініціатор розроблення Програми", "Виконавчий комітет Роменської міської ради"),
  row("2.", "Розробник Програми", "відділ цифрового розвитку"),
  row("3.", "Учасники Програми", "структурні підрозділи"),
  row("4.", "Термін реалізації Програми", "2026-2028 роки"),
  row(
    "5.",
    "Загальний обсяг фінансових ресурсів, необхідних для реалізації Програми, тис. грн",
    "Всього",
    "2026 рік",
    "2027 рік",
    "2028 рік",
  ),
  row("", "усього", "1500,0", "500,0", "500,0", "500,0"),
  row("5.1.", "у тому числі: коштів місцевого бюджету", "1200,0", "400,0", "400,0", "400,0"),
  row("5.2.", "коштів інших джерел", "300,0", "100,0", "100,0", "100,0"),
];

const DOCUMENTS = [
  ["the model passport, its sources numbered «10.1.»", [...HEAD, ...MODEL, ...ANNEX].join("\n")],
  ["the old form, its total heading the years", [...HEAD, ...OLD_FORM, ...ANNEX].join("\n")],
] as const;

function expectFundingByYearAndSource(read: ImportResult): void {
  const { funding } = read.programme.passport;
  expect(funding.total).toBe(150_000_000);
  expect(funding.byYear).toEqual({ "2026": 50_000_000, "2027": 50_000_000, "2028": 50_000_000 });
  expect(funding.bySource).toEqual({ local: 120_000_000, other: 30_000_000 });
  expect(funding.bySourceByYear).toEqual({
    local: { "2026": 40_000_000, "2027": 40_000_000, "2028": 40_000_000 },
    other: { "2026": 10_000_000, "2027": 10_000_000, "2028": 10_000_000 },
  });
  const codes = read.findings.map((finding) => finding.code);
  expect(codes.filter((code) => /^passport\.funding|unread-number/.test(code))).toEqual([]);
  expect(read.coverage?.numbersSeen).toBe(read.coverage?.numbersPlaced);
}

describe("passport field 10 as a table of sources by year, its rows numbered under the field", () => {
  it.each(DOCUMENTS)("%s: the total, each year and each source are read", (_name, text) => {
    expectFundingByYearAndSource(importText(text));
  });

  it("as Word documents", async () => {
    const documents = await renderAll(
      DOCUMENTS.map(([, text]) => text),
      "docx",
    );
    for (const bytes of documents)
      expectFundingByYearAndSource(await importDocument(bytes, "programme.docx"));
  });
});

describe("a funding source named in the genitive or as a part of the total", () => {
  it.each([
    ["коштів місцевого бюджету", "local"],
    ["коштів державного бюджету", "state"],
    ["коштів інших джерел", "other"],
    ["у тому числі: коштів бюджету громади", "local"],
    ["в т.ч. обласний бюджет", "oblast"],
    ["з них: кошти інших джерел", "other"],
  ])("«%s» → %s", (label, source) => {
    expect(classifySource(label)).toBe(source);
  });
});
