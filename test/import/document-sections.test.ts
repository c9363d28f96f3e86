import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import { renderAll } from "../formats/render.js";

const T = "\t";

/** A programme whose narrative sections are headed by `heading(number, title)`, the passport first. */
function programme(heading: (number: number, title: string) => string): string {
  return [
    heading(1, "Паспорт Програми"),
    `1.${T}Найменування територіальної громади${T}Роменська міська територіальна громада`,
    `2.${T}Код за Кодифікатором адміністративно-територіальних одиниць${T}UA59060110000049734`,
    `9.${T}Строк виконання Програми${T}2026-2028 роки`,
    `10.${T}Джерела та обсяги фінансування, тис. грн${T}1200,0`,
    "",
    heading(2, "Загальні положення"),
    "Програму розроблено відповідно до постанови № 119.",
    heading(3, "Аналіз поточного стану"),
    "У громаді працює 120 комп'ютерів.",
    heading(4, "Пріоритетні напрями"),
    "Розвиток ЦНАП; кібербезпека.",
    heading(5, "Моніторинг та оцінка результативності виконання Програми"),
    "Відповідальні виконавці щороку до 20 січня подають звіт керівнику Програми.",
  ].join("\n");
}

const ROMAN = ["І", "ІІ", "ІІІ", "ІV", "V"];

const HEADINGS: [string, (number: number, title: string) => string][] = [
  ["«ІІІ. Назва» (Cyrillic І)", (number, title) => `${ROMAN[number - 1]}. ${title}`],
  ["«3. Назва»", (number, title) => `${number}. ${title}`],
  ["«Розділ 3. Назва»", (number, title) => `Розділ ${number}. ${title}`],
  ["«РОЗДІЛ ІІІ. НАЗВА»", (number, title) => `РОЗДІЛ ${ROMAN[number - 1]}. ${title.toUpperCase()}`],
  ["«Розділ 3 Назва»", (number, title) => `Розділ ${number} ${title}`],
];

function expectSections(read: ImportResult): void {
  const sections = read.programme.sections.map((section) => [section.key, section.text]);
  expect(sections).toEqual([
    ["general", "Програму розроблено відповідно до постанови № 119."],
    ["analysis", "У громаді працює 120 комп'ютерів."],
    ["aims", "Розвиток ЦНАП; кібербезпека."],
    ["monitoring", "Відповідальні виконавці щороку до 20 січня подають звіт керівнику Програми."],
  ]);
}

describe("the programme's sections under headings numbered as councils number them", () => {
  it.each(HEADINGS)("%s: each section is its own, «Пріоритетні напрями» the aims", (_name, heading) => {
    expectSections(importText(programme(heading)));
  });

  it("as Word documents", async () => {
    const documents = await renderAll(
      HEADINGS.map(([, heading]) => programme(heading)),
      "docx",
    );
    for (const bytes of documents) expectSections(await importDocument(bytes, "programme.docx"));
  });
});
