import { describe, expect, it } from "vitest";
import type { ImportResult, Item } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import type { WordBlock, WordCell } from "../support/word-document.js";
import { importWord } from "./families/office.js";

/**
 * The older regional form of the task table: «Державний замовник» for the executors, the amounts for the
 * whole period as «усього | у тому числі <sources>», then the same money again by expense kind
 * («капітальні вкладення | поточні видатки», each by source). As text and as a DOCX with merged headings.
 */
const PASSPORT: string[][] = [
  ["1.", "Найменування територіальної громади", "Тестова сільська територіальна громада"],
  ["2.", "Код за Кодифікатором", "UA01020030040050060"],
  ["9.", "Строк виконання Програми", "2026–2028 роки"],
];

const start = (text: string): WordCell => ({ text, merge: "start" });
const under: WordCell = { text: "", merge: "continue" };

function header(heading = "Обсяг фінансування, тис. гривень"): WordCell[][] {
  return [
    [
      start("Завдання (види робіт)"),
      start("Державний замовник завдання (робіт)"),
      { text: heading, span: 7 },
      start("Очікувані результати"),
    ],
    [under, under, start("усього"), { text: "у тому числі:", span: 6 }, under],
    [
      under,
      under,
      under,
      start("обласний бюджет"),
      start("інші джерела"),
      { text: "капітальні вкладення", span: 2 },
      { text: "поточні видатки", span: 2 },
      under,
    ],
    [
      under,
      under,
      under,
      under,
      under,
      "обласний бюджет",
      "інші джерела",
      "обласний бюджет",
      "інші джерела",
      under,
    ],
    ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"],
  ];
}

/** Two measures under one direction and the programme's total; the second's current expenditure as given. */
function rows(current = "0,00"): string[][] {
  return [
    ["1. Електронне урядування", "", "", "", "", "", "", "", "", ""],
    [
      "1.1. Створення реєстру територіальної громади",
      "Департамент цифрової трансформації",
      "500,00",
      "500,00",
      "0,00",
      "0,00",
      "0,00",
      "500,00",
      "0,00",
      "Ведеться реєстр",
    ],
    [
      "1.2. Модернізація мережі",
      "Управління капітального будівництва",
      "900,00",
      "700,00",
      "200,00",
      "700,00",
      "200,00",
      current,
      "0,00",
      "Оновлено мережу",
    ],
    ["Усього за Програмою", "", "1400,00", "1200,00", "200,00", "700,00", "200,00", "500,00", "0,00", ""],
  ];
}

/** A header cell as the text prints it: a merged cell's text, then an empty cell per column it covers. */
function textCells(cells: WordCell[]): string[] {
  return cells.flatMap((cell) => {
    if (typeof cell === "string") return [cell];
    return [cell.text, ...Array.from({ length: (cell.span ?? 1) - 1 }, () => "")];
  });
}

function asText(head: WordCell[][], body: string[][], padded = false): string {
  const headCells = head.map(textCells);
  // A heading spanning one cell more than the amounts, as some extracts print it.
  if (padded) headCells[0]?.splice(3, 0, "");
  const lines = [...PASSPORT, [], ["Додаток 1"], ...headCells, ...body];
  return lines.map((cells) => cells.join("\t")).join("\n");
}

function asWord(head: WordCell[][], body: string[][]): WordBlock[] {
  return [
    { kind: "table", rows: PASSPORT, headerRows: 0 },
    { kind: "paragraph", text: "Додаток 1" },
    { kind: "paragraph", text: "Перелік завдань Програми" },
    { kind: "table", rows: [...head, ...body], headerRows: head.length },
  ];
}

type Reading = (body: string[][]) => Promise<ImportResult>;

const READINGS: [string, Reading][] = [
  ["text", async (body) => importText(asText(header(), body))],
  ["text with the heading padded past its columns", async (body) => importText(asText(header(), body, true))],
  ["DOCX", (body) => importWord(asWord(header(), body))],
];

function items(result: ImportResult): Item[] {
  return result.programme.directions.flatMap((direction) => direction.items);
}

const codes = (result: ImportResult) => result.findings.map((finding) => finding.code);

describe.each(READINGS)("the older regional form with a breakdown by expense kind (%s)", (_name, read) => {
  it("reads each measure's total and sources, the customer as its executor, not the kinds' money", async () => {
    const result = await read(rows());
    expect(codes(result)).not.toContain("import.no-task-table");
    expect(result.programme.directions.map((direction) => direction.title)).toEqual([
      "Електронне урядування",
    ]);
    const measures = items(result);
    expect(measures.map((item) => [item.number, item.title, item.executors])).toEqual([
      ["1.1.", "Створення реєстру територіальної громади", ["Департамент цифрової трансформації"]],
      ["1.2.", "Модернізація мережі", ["Управління капітального будівництва"]],
    ]);
    expect(measures[1]?.funding.map(({ source, total }) => [source, total])).toEqual([
      ["total", 90_000_000],
      ["oblast", 70_000_000],
      ["other", 20_000_000],
    ]);
    expect(measures[1]?.expectedResult).toBe("Оновлено мережу");
    expect(result.programme.declaredTotals.find((row) => row.source === "total")?.total).toBe(140_000_000);
  });

  it("places the kinds' numbers that add up to their source, and reports no number unread", async () => {
    const result = await read(rows());
    expect(codes(result)).not.toContain("import.unread-number");
    expect(codes(result)).not.toContain("import.expense-kinds-sum");
    expect(result.coverage?.numbersPlaced).toBe(result.coverage?.numbersSeen);
  });

  it("names the row whose kinds do not add up to its source's amount, with the numbers", async () => {
    const result = await read(rows("100,00"));
    const found = result.findings.filter((finding) => finding.code === "import.expense-kinds-sum");
    expect(found).toHaveLength(1);
    expect(found[0]?.location.ref).toBe("item:d1.2");
    expect(found[0]?.message).toContain("«обласний бюджет» — 700,0");
    expect(found[0]?.message).toContain("700,0 («капітальні вкладення») + 100,0 («поточні видатки») = 800,0");
    expect(codes(result)).not.toContain("import.unread-number");
    expect(items(result)[1]?.funding.find((row) => row.source === "total")?.total).toBe(90_000_000);
  });
});
