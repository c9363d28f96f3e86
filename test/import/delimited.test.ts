import { describe, expect, it } from "vitest";
import { importDocument, importText, NotAProgrammeError } from "../../src/import/index.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { delimiterOf, readDelimitedBlocks, tableDelimiterOf } from "../../src/import/text/delimited.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

/** A task table saved as CSV from a spreadsheet: a title, the header, a direction, two projects, a signature. */
const SEMICOLON = [
  "Перелік завдань, проєктів, робіт з інформатизації на 2026-2027 роки;;;;;;;;",
  'Назва завдання;Назва проєкту;Відповідальні за виконання;Строки виконання;Джерела фінансування;"Обсяги фінансування, тис. грн";;;Очікувані результати',
  ";;;;;Всього;2026;2027;",
  "1. Цифрове врядування;;;;;;;;",
  'Електронний документообіг;1.1. Впровадження СЕД;Відділ цифрового розвитку, фінансовий відділ;2026-2027;місцевий бюджет;200,5;100,000;100,5;"Усі органи в СЕД; навчено 20 осіб"',
  ';1.2. Захист;"Відділ ""ІТ""";2027;державний бюджет;50;-;50;"Захищено,\nперевірено"',
  "Всього за Програмою;;;;;250,5;100;150,5;",
  ";;;;;;;;",
  "Секретар ради;;;;;;;;",
].join("\r\n");

/** The same table with `,`: cells holding a comma (decimal commas too) are quoted. */
const COMMA = [
  '"Перелік завдань, проєктів, робіт з інформатизації на 2026-2027 роки"',
  'Назва завдання,Назва проєкту,Відповідальні за виконання,Строки виконання,Джерела фінансування,"Обсяги фінансування, тис. грн",,,Очікувані результати',
  ",,,,,Всього,2026,2027,",
  "1. Цифрове врядування,,,,,,,,",
  'Електронний документообіг,1.1. Впровадження СЕД,"Відділ цифрового розвитку, фінансовий відділ",2026-2027,місцевий бюджет,"200,5","100,000","100,5",Усі органи в СЕД; навчено 20 осіб',
  ',1.2. Захист,"Відділ ""ІТ""",2027,державний бюджет,50,-,50,"Захищено,\nперевірено"',
  'Всього за Програмою,,,,,"250,5",100,"150,5",',
].join("\n");

const bytes = (text: string) => new TextEncoder().encode(text);

describe("the delimiter of a CSV, told by its header line", () => {
  it("is `;` or `,`, whichever splits the header into the task table's columns", () => {
    expect(delimiterOf(SEMICOLON)).toBe(";");
    expect(delimiterOf(COMMA)).toBe(",");
    expect(delimiterOf(`\uFEFF${SEMICOLON}`)).toBe(";");
  });

  it("is not taken from a title whose words name columns between its commas", () => {
    // Unquoted in a `;` CSV, the title splits at its commas into three cells that name columns; the header
    // line below it names more.
    const lines = SEMICOLON.split("\r\n");
    const titleAlone = ["Перелік завдань, проєктів, відповідальних", ...lines.slice(1)].join("\n");
    expect(delimiterOf(titleAlone)).toBe(";");
  });

  it("is none for tab-separated text and for text without a task table header", () => {
    expect(delimiterOf(SEMICOLON.replace(/;/g, "\t"))).toBeNull();
    expect(delimiterOf("Програма; розділ 1; розділ 2\nТекст, текст, текст")).toBeNull();
  });
});

describe("a delimited table's rows as blocks", () => {
  it("makes the title and the signature paragraphs, and the rows between them one table with their lines", () => {
    const blocks = readDelimitedBlocks(SEMICOLON, ";");
    expect(blocks.map((block) => [block.kind, block.line])).toEqual([
      ["paragraph", 1],
      ["table", 2],
      ["paragraph", 10],
    ]);
    const table = blocks[1];
    if (table?.kind !== "table") throw new Error("no table");
    expect(table.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 8]);
    expect(table.rows[4]?.cells).toEqual([
      "",
      "1.2. Захист",
      'Відділ "ІТ"',
      "2027",
      "державний бюджет",
      "50",
      "-",
      "50",
      "Захищено,\nперевірено",
    ]);
  });
});

describe("a task table saved as CSV (not infoprog's template) imports by the layout rules", () => {
  it.each([
    ["`;`", SEMICOLON],
    ["`,`", COMMA],
  ])("reads the projects, amounts with decimal commas and totals of a CSV with %s", async (_, text) => {
    const { programme, findings, coverage } = await importDocument(bytes(text), "table.csv");
    expect(programme.period).toEqual({ from: 2026, to: 2027 });
    const [task] = programme.directions[0]?.items ?? [];
    expect(task?.title).toBe("Електронний документообіг");
    expect(task?.children.map((project) => [project.number, project.title, project.executors])).toEqual([
      ["1.1.", "Впровадження СЕД", ["Відділ цифрового розвитку", "фінансовий відділ"]],
      ["1.2.", "Захист", ['Відділ "ІТ"']],
    ]);
    expect(task?.children[0]?.funding[0]).toMatchObject({
      source: "local",
      byYear: { "2026": 10_000_000, "2027": 10_050_000 },
      total: 20_050_000,
    });
    expect(task?.children[1]?.funding[0]).toMatchObject({
      source: "state",
      byYear: { "2026": 0, "2027": 5_000_000 },
    });
    expect(programme.declaredTotals[0]).toMatchObject({ source: "total", total: 25_050_000 });
    expect(findings.filter((finding) => /^(amount|programme|import)\./.test(finding.code))).toEqual([]);
    expect(coverage).toEqual({ numbersSeen: 9, numbersPlaced: 9, numbersFlagged: 0 });
  });

  it("reads such text as well when it comes without a .csv name", async () => {
    const viaText = importText(SEMICOLON);
    const viaFile = await importDocument(bytes(SEMICOLON), "table.dat");
    expect(viaText.programme.directions).toEqual(viaFile.programme.directions);
    expect(viaText.programme.directions[0]?.items[0]?.children).toHaveLength(2);
  });

  it("reads prose without a .csv name as text, though a sentence lists column names between commas", () => {
    const prose = [
      "ПРОГРАМА інформатизації на 2026-2027 роки",
      "Таблиця містить назва завдання, назва проєкту, відповідальні за виконання, строки виконання.",
      "1. Найменування територіальної громади: Тестова громада",
    ].join("\n");
    expect(delimiterOf(prose)).toBe(",");
    expect(tableDelimiterOf(prose)).toBeNull();
    expect(importText(prose).programme).toEqual(interpretBlocks(readTextBlocks(prose)).programme);
    expect(tableDelimiterOf(SEMICOLON)).toBe(";");
    expect(tableDelimiterOf(COMMA)).toBe(",");
  });

  it("still refuses a CSV that is neither the template nor a task table, with the template's message", async () => {
    await expect(importDocument(bytes("a;b;c\n1;2;3\n"), "other.csv")).rejects.toThrow(NotAProgrammeError);
    await expect(importDocument(bytes("a;b;c\n1;2;3\n"), "other.csv")).rejects.toThrow(/record/);
  });
});
