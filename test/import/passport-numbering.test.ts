import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import { renderAll } from "../formats/render.js";
import { hasSoffice } from "./families/office.js";

const T = "\t";

const LABELS = [
  ["Найменування територіальної громади", "Роменська міська територіальна громада"],
  ["Код за Кодифікатором адміністративно-територіальних одиниць", "UA59060110000049734"],
  [
    "Заголовок, дата, номер розпорядчого документа про розроблення проєкту Програми",
    "розпорядження від 12.06.2025 № 165-ОД",
  ],
  ["Дата погодження проєкту Програми Генеральним державним замовником", "-"],
  ["Мета Програми", "розвиток цифрових послуг"],
  ["Розробник Програми", "відділ цифрового розвитку"],
  ["Керівник Програми", "заступник міського голови Лілія ГОРОДЕЦЬКА"],
  ["Відповідальні за виконання заходів Програми", "структурні підрозділи"],
  ["Строк виконання Програми", "2026-2028 роки"],
] as const;

/** The model passport as a table, each field's number printed by `mark`; field 10 by source and year. */
function programme(mark: (number: number) => string): string {
  return [
    "ПАСПОРТ",
    "Програми інформатизації Роменської міської територіальної громади на 2026-2028 роки",
    ...LABELS.map(([label, value], index) => [mark(index + 1), label, value].join(T)),
    [mark(10), "Джерела та обсяги фінансування", "Всього", "2026 р.", "2027 р.", "2028 р."].join(T),
    ["", "Загальний обсяг, тис. грн", "1500,0", "500,0", "500,0", "500,0"].join(T),
    ["", "місцевий бюджет", "1200,0", "400,0", "400,0", "400,0"].join(T),
    ["", "інші джерела", "300,0", "100,0", "100,0", "100,0"].join(T),
    "",
    "Додаток 1 до Програми",
    `№ з/п${T}Назва напряму діяльності${T}Перелік заходів Програми${T}Строк виконання${T}Виконавці${T}Джерела фінансування${T}Орієнтовні обсяги фінансування, тис. грн${T}${T}${T}Очікуваний результат`,
    `${T}${T}${T}${T}${T}${T}2026${T}2027${T}2028${T}`,
    `1.${T}Інфраструктура${T}1.1. Закупівля техніки${T}2026-2028${T}Відділ цифрового розвитку${T}Бюджет громади${T}400,0${T}400,0${T}400,0${T}Оновлено техніку`,
    `${T}${T}${T}${T}${T}Інші джерела${T}100,0${T}100,0${T}100,0${T}`,
  ].join("\n");
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

const MARKS: [string, (number: number) => string][] = [
  ["«1)»", (number) => `${number})`],
  ["«1» without a dot", (number) => `${number}`],
  ["Roman «IV.»", (number) => `${ROMAN[number - 1]}.`],
  [
    "Roman with the Cyrillic І and Х «ІV.»",
    (number) => `${ROMAN[number - 1]?.replace(/I/g, "І").replace(/X/g, "Х")}.`,
  ],
  ["Roman «IV)»", (number) => `${ROMAN[number - 1]})`],
  // The «№» column kept, its numbers not printed (Word's numbering lost, or never typed).
  ["an empty number column", () => ""],
];

function expectWholePassport(read: ImportResult): void {
  const { passport, community } = read.programme;
  expect(passport.fields.map((field) => field.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(community.katottg).toBe("UA59060110000049734");
  expect(passport.funding.total).toBe(150_000_000);
  expect(passport.funding.bySource).toEqual({ local: 120_000_000, other: 30_000_000 });
  expect(passport.funding.byYear).toEqual({ "2026": 50_000_000, "2027": 50_000_000, "2028": 50_000_000 });
  expect(read.findings.map((finding) => finding.code)).not.toContain("passport.absent");
  expect(read.coverage?.numbersSeen).toBe(read.coverage?.numbersPlaced);
}

describe("a passport table whose fields are numbered otherwise than «1.»", () => {
  it.each(MARKS)("%s: every field and field 10's money are read", (_name, mark) => {
    expectWholePassport(importText(programme(mark)));
  });

  it("as a Word document", async () => {
    const documents = await renderAll(
      MARKS.map(([, mark]) => programme(mark)),
      "docx",
    );
    for (const bytes of documents) expectWholePassport(await importDocument(bytes, "programme.docx"));
  });

  it.skipIf(!hasSoffice)(
    "as LibreOffice's PDF of the Word document",
    async () => {
      const documents = await renderAll(
        MARKS.map(([, mark]) => programme(mark)),
        "pdf",
      );
      for (const bytes of documents) expectWholePassport(await importDocument(bytes, "programme.pdf"));
    },
    120_000,
  );
});

describe("a numbered passport table without field 1", () => {
  // Field 1 left out (the community named in the title block only): the table is the passport by the
  // fields its other rows name, and field 10's money is read, not lost with the table.
  const withoutField1 = programme((number) => `${number}.`)
    .split("\n")
    .filter((line) => !line.startsWith("1.\t"))
    .join("\n");

  it("is read as the passport: its fields and field 10's money", () => {
    const read = importText(withoutField1);
    const { passport } = read.programme;
    expect(passport.fields.map((field) => field.number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(passport.funding.total).toBe(150_000_000);
    expect(passport.funding.bySource).toEqual({ local: 120_000_000, other: 30_000_000 });
    const codes = read.findings.map((finding) => finding.code);
    expect(codes).not.toContain("passport.absent");
    expect(read.findings.filter((finding) => finding.code === "passport.missing-field")).toEqual([
      expect.objectContaining({ location: expect.objectContaining({ ref: "passport:1" }) }),
    ]);
  });
});

describe("a passport field printed over two rows, its value in the second", () => {
  // The label's cell alone in the first row, the value under it with the number and label cells empty
  // (a label merged down over two rows, or the value typed a row lower).
  const split = programme((number) => `${number}.`).replace(
    `2.${T}Код за Кодифікатором адміністративно-територіальних одиниць${T}UA59060110000049734`,
    `2.${T}Код за Кодифікатором адміністративно-територіальних одиниць${T}\n${T}${T}UA59060110000049734`,
  );

  it("reads the value of the second row as the field's", async () => {
    expect(split).toContain(`\n${T}${T}UA59060110000049734`);
    const [docx] = await renderAll([split], "docx");
    for (const read of [
      importText(split),
      await importDocument(docx ?? new Uint8Array(), "programme.docx"),
    ]) {
      expect(read.programme.community.katottg).toBe("UA59060110000049734");
      expectWholePassport(read);
    }
  });
});
