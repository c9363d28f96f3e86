import { describe, expect, it } from "vitest";
import { allItems, type ImportResult } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import type { WordBlock } from "../support/word-document.js";
import { importWord } from "./families/office.js";

/**
 * A task table whose header names no unit, each amount naming its own («350,0 тис. грн»), as other
 * councils print it (issue 11): the cells decide the unit, their numbers count as seen and placed, and
 * a row whose cells name another unit than the rest is read in the units it names and named.
 */
const HEADER = ["№", "Назва заходу", "Виконавець", "Термін", "Джерело", "2026", "2027", "2028"];

const row = (number: string, title: string, amounts: string[]): string[] => [
  number,
  title,
  "Відділ",
  "2026-2028",
  "Бюджет громади",
  ...amounts,
];

const asText = (rows: string[][]): string => [HEADER, ...rows].map((cells) => cells.join("\t")).join("\n");
const asWord = (rows: string[][]): WordBlock[] => [{ kind: "table", rows: [HEADER, ...rows], headerRows: 1 }];

const READINGS: [string, (rows: string[][]) => Promise<ImportResult>][] = [
  ["text", async (rows) => importText(asText(rows))],
  ["DOCX", (rows) => importWord(asWord(rows))],
];

const codes = (result: ImportResult) => result.findings.map((finding) => finding.code);
const byYear = (result: ImportResult) => allItems(result.programme).map((item) => item.funding[0]?.byYear);

const THOUSANDS = [
  row("1.1", "Закупівля техніки", ["350,0 тис. грн", "200,0 тис. грн", "100,0 тис. грн"]),
  row("1.2", "Навчання працівників", ["50,0 тис. грн", "-", "-"]),
];

describe.each(READINGS)("amounts naming their unit in every cell, as %s", (_format, read) => {
  it("reads the table in the unit the cells name, with no unit-unknown warning", async () => {
    const result = await read(THOUSANDS);
    expect(result.programme.unit).toBe("thousand");
    expect(codes(result)).not.toContain("import.unit-unknown");
    expect(byYear(result)).toEqual([
      { "2026": 35_000_000, "2027": 20_000_000, "2028": 10_000_000 },
      { "2026": 5_000_000, "2027": 0, "2028": 0 },
    ]);
  });

  it("counts the amounts with their unit as numbers seen and placed", async () => {
    const { coverage } = await read(THOUSANDS);
    // 4 amounts and the items' numbers 1.1 and 1.2
    expect(coverage).toEqual({ numbersSeen: 6, numbersPlaced: 6, numbersFlagged: 0 });
  });

  it("reads a table whose every cell names «грн» in UAH", async () => {
    const result = await read([row("1.1", "Закупівля техніки", ["350 000,00 грн", "200 000,00 грн", "-"])]);
    expect(result.programme.unit).toBe("uah");
    expect(codes(result)).not.toContain("import.unit-unknown");
    expect(byYear(result)).toEqual([{ "2026": 35_000_000, "2027": 20_000_000, "2028": 0 }]);
  });

  it("reads each cell in its own unit when a row disagrees, and names that row once", async () => {
    const result = await read([
      row("1.1", "Закупівля техніки", ["350,0 тис. грн", "200 000,00 грн", "100,0 тис. грн"]),
      row("1.2", "Навчання працівників", ["50,0 тис. грн", "-", "-"]),
    ]);
    expect(result.programme.unit).toBe("thousand");
    expect(byYear(result)[0]).toEqual({ "2026": 35_000_000, "2027": 20_000_000, "2028": 10_000_000 });
    const mixed = result.findings.filter((finding) => finding.code === "import.unit-mixed");
    expect(mixed.map((finding) => finding.location.ref)).toEqual(["item:d1.1"]);
    expect(mixed[0]?.message).toContain("«200 000,00 грн»");
    expect(codes(result)).not.toContain("import.unit-unknown");
    expect(codes(result)).not.toContain("import.amount-scaled");
  });
});

describe("amounts in «грн» under a header in «тис. грн»", () => {
  it("reads such a cell in UAH, as it says, and names its row", () => {
    const text = [
      [...HEADER.slice(0, 5), "2026, тис. грн", "2027, тис. грн", "2028, тис. грн"],
      row("1.1", "Закупівля техніки", ["350,0", "200 000,00 грн", "100,0"]),
    ]
      .map((cells) => cells.join("\t"))
      .join("\n");
    const result = importText(text);
    expect(byYear(result)).toEqual([{ "2026": 35_000_000, "2027": 20_000_000, "2028": 10_000_000 }]);
    expect(codes(result)).toContain("import.unit-mixed");
  });

  it("keeps bare numbers under a header naming no unit in thousands, with the warning", () => {
    const result = importText(asText([row("1.1", "Закупівля техніки", ["350,0 тис. грн", "200,0", "-"])]));
    expect(codes(result)).toContain("import.unit-unknown");
    expect(byYear(result)).toEqual([{ "2026": 35_000_000, "2027": 20_000_000, "2028": 0 }]);
  });
});
