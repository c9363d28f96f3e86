import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import type { WordBlock } from "../support/word-document.js";
import { importWord } from "./families/office.js";

/**
 * Passport field 10 of a programme that plans no money: its total printed as a lone «-» («10 | Обсяги
 * та джерела фінансування, тис. грн | -», or «Загальний обсяг фінансування: -» over «у т.ч. бюджет
 * громади: -»). A dash there is zero, stated: the total is 0 and the rules compare it with the task
 * table as any total (issue 11).
 */
const PASSPORT_HEAD = [
  ["1", "Найменування територіальної громади", "Тестова сільська територіальна громада"],
  ["9", "Строк виконання Програми", "2026-2028 роки"],
];
const LONE_DASH = [["10", "Обсяги та джерела фінансування, тис. грн", "-"]];
const DASHED_LINES = [
  ["10", "Обсяги та джерела фінансування", "Загальний обсяг фінансування: -"],
  ["", "", "у т.ч. бюджет громади: -"],
];
const TASK_HEADER = [
  "№",
  "Назва заходу",
  "Виконавець",
  "Термін",
  "Джерело",
  "Усього",
  "2026",
  "2027",
  "2028",
];
const UNFUNDED = [
  "1.1",
  "Навчання працівників",
  "Відділ",
  "2026",
  "Не потребує фінансування",
  "-",
  "-",
  "-",
  "-",
];
const FUNDED = [
  "1.1",
  "Навчання працівників",
  "Відділ",
  "2026",
  "Бюджет громади",
  "100,0",
  "100,0",
  "-",
  "-",
];

function asText(field10: string[][], task: string[]): string {
  const rows = (cells: string[][]) => cells.map((row) => row.join("\t"));
  return [
    "ПАСПОРТ",
    "Програми цифрового розвитку Тестової сільської територіальної громади",
    "",
    ...rows([...PASSPORT_HEAD, ...field10]),
    "",
    "Додаток 1",
    "Завдання і заходи Програми",
    "",
    ...rows([TASK_HEADER, task]),
  ].join("\n");
}

function asWord(field10: string[][], task: string[]): WordBlock[] {
  return [
    { kind: "paragraph", text: "ПАСПОРТ" },
    { kind: "paragraph", text: "Програми цифрового розвитку Тестової сільської територіальної громади" },
    { kind: "table", rows: [...PASSPORT_HEAD, ...field10], headerRows: 0 },
    { kind: "paragraph", text: "Додаток 1" },
    { kind: "paragraph", text: "Завдання і заходи Програми" },
    { kind: "table", rows: [TASK_HEADER, task], headerRows: 1 },
  ];
}

type Reading = (field10: string[][], task: string[]) => Promise<ImportResult>;
const READINGS: [string, Reading][] = [
  ["text", async (field10, task) => importText(asText(field10, task))],
  ["DOCX", (field10, task) => importWord(asWord(field10, task))],
];
const SHAPES: [string, string[][]][] = [
  ["a lone dash", LONE_DASH],
  ["«Загальний обсяг: -» over «у т.ч. бюджет громади: -»", DASHED_LINES],
];

const codes = (result: ImportResult) => result.findings.map((finding) => finding.code);

describe.each(READINGS)("field 10 printed as dashes, as %s", (_format, read) => {
  it.each(SHAPES)("reads %s as a stated total of zero", async (_shape, field10) => {
    const result = await read(field10, UNFUNDED);
    expect(result.programme.passport.funding.total).toBe(0);
    expect(codes(result)).not.toContain("passport.funding-missing");
    expect(result.findings.filter((finding) => finding.location.ref === "passport:10")).toEqual([]);
  });

  it("names the source of «у т.ч. бюджет громади: -» with zero", async () => {
    const result = await read(DASHED_LINES, UNFUNDED);
    expect(result.programme.passport.funding.bySource).toEqual({ local: 0 });
  });

  it.each(SHAPES)("compares %s with a task table that plans money", async (_shape, field10) => {
    const result = await read(field10, FUNDED);
    expect(codes(result)).toContain("passport.funding-total");
    expect(codes(result)).not.toContain("passport.funding-missing");
  });
});

describe("field 10 that prints words, not a dash, for its amount", () => {
  it("stays without a total («в межах кошторису»)", () => {
    const field10 = [["10", "Обсяги та джерела фінансування", "бюджет громади – в межах кошторису"]];
    const result = importText(asText(field10, UNFUNDED));
    expect(result.programme.passport.funding.total).toBeNull();
  });
});
