import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import type { WordBlock } from "../support/word-document.js";
import { importWord } from "./families/office.js";

/**
 * A council's resources table («Ресурсне забезпечення Програми»: «Обсяг коштів | 2026 | 2027 | 2028 |
 * Усього» over a row per source and a total row) beside passport field 10 and the task table (issue
 * 11): it is read as the programme's funding by source and year, as stated, and a cell that differs
 * from the projects' sums or field 10 is named by `resources.mismatch` at its row, not as unread numbers.
 */
const PASSPORT = [
  ["1", "Найменування територіальної громади", "Тестова сільська територіальна громада"],
  ["9", "Строк виконання Програми", "2026-2028 роки"],
  [
    "10",
    "Обсяги та джерела фінансування",
    "Загальний обсяг фінансування – 1 900,0 тис. грн, у тому числі: 2026 рік – 900,0 тис. грн; 2027 рік – 500,0 тис. грн; 2028 рік – 500,0 тис. грн",
  ],
];
const TASKS = [
  [
    "№",
    "Назва заходу",
    "Виконавці",
    "Термін",
    "Джерела фінансування",
    "Усього, тис. грн",
    "2026",
    "2027",
    "2028",
  ],
  ["1.1", "Модернізація мережі", "Відділ ІТ", "2026", "Бюджет громади", "400,0", "400,0", "-", "-"],
  [
    "1.2",
    "Закупівля техніки",
    "Відділ ІТ",
    "2026-2028",
    "Бюджет громади",
    "1 500,0",
    "500,0",
    "500,0",
    "500,0",
  ],
];
const RESOURCES = [
  ["Обсяг коштів, які пропонується залучити на виконання Програми", "2026", "2027", "2028", "Усього"],
  ["Бюджет громади, тис. грн", "900,0", "500,0", "500,0", "1 900,0"],
  ["Інші джерела, тис. грн", "-", "-", "-", "-"],
  ["Усього, тис. грн", "900,0", "500,0", "500,0", "1 900,0"],
];
const TITLE = "Програма цифрового розвитку Тестової сільської територіальної громади на 2026-2028 роки";

/** The resources table with one cell changed. */
function changed(row: number, cell: number, text: string): string[][] {
  return RESOURCES.map((cells, index) =>
    index === row ? cells.map((each, at) => (at === cell ? text : each)) : cells,
  );
}

function asText(resources: string[][]): string {
  const rows = (cells: string[][]) => cells.map((row) => row.join("\t"));
  return [
    "ПАСПОРТ",
    TITLE,
    "",
    ...rows(PASSPORT),
    "",
    "Ресурсне забезпечення Програми",
    "",
    ...rows(resources),
    "",
    "Додаток 1",
    "Завдання і заходи Програми",
    "",
    ...rows(TASKS),
  ].join("\n");
}

function asWord(resources: string[][]): WordBlock[] {
  return [
    { kind: "paragraph", text: "ПАСПОРТ" },
    { kind: "paragraph", text: TITLE },
    { kind: "table", rows: PASSPORT, headerRows: 0 },
    { kind: "paragraph", text: "Ресурсне забезпечення Програми" },
    { kind: "table", rows: resources, headerRows: 1 },
    { kind: "paragraph", text: "Додаток 1" },
    { kind: "paragraph", text: "Завдання і заходи Програми" },
    { kind: "table", rows: TASKS, headerRows: 1 },
  ];
}

const READINGS: [string, (resources: string[][]) => Promise<ImportResult>][] = [
  ["text", async (resources) => importText(asText(resources))],
  ["DOCX", (resources) => importWord(asWord(resources))],
];

const codes = (result: ImportResult) => result.findings.map((finding) => finding.code);
/** The `resources.mismatch` findings, their messages with plain spaces (amounts group digits with no-break ones). */
const mismatches = (result: ImportResult) =>
  result.findings
    .filter((finding) => finding.code === "resources.mismatch")
    .map((finding) => ({ ...finding, message: finding.message.replace(/\s/g, " ") }));
const years = (a: number, b: number, c: number) => ({ "2026": a, "2027": b, "2028": c });

describe.each(READINGS)("a resources table beside field 10 and the task table, as %s", (_format, read) => {
  it("reads it as the programme's funding by source and year, every number placed", async () => {
    const result = await read(RESOURCES);
    const rows = (result.programme.resources ?? []).map(({ source, byYear, total }) => ({
      source,
      byYear,
      total,
    }));
    expect(rows).toEqual([
      { source: "local", byYear: years(90_000_000, 50_000_000, 50_000_000), total: 190_000_000 },
      { source: "other", byYear: years(0, 0, 0), total: 0 },
      { source: "total", byYear: years(90_000_000, 50_000_000, 50_000_000), total: 190_000_000 },
    ]);
    expect(codes(result)).not.toContain("import.unread-number");
    expect(result.coverage?.numbersFlagged).toBe(0);
    expect(mismatches(result)).toEqual([]);
  });

  it("names a cell that differs from the projects' sums and field 10, at its row", async () => {
    const result = await read(changed(1, 2, "600,0"));
    const found = mismatches(result);
    const line = result.programme.resources?.[0]?.line;
    expect(found.map((finding) => finding.location.line)).toEqual([line]);
    expect(found[0]?.message).toContain("«Бюджет громади, тис. грн», 2027 рік: зазначено 600,0 тис. грн");
    expect(found[0]?.message).toContain("сума заходів — 500,0 тис. грн");
    expect(codes(result)).not.toContain("import.unread-number");
  });

  it("names the total row's cell that differs from field 10", async () => {
    const result = await read(changed(3, 4, "2 000,0"));
    const found = mismatches(result);
    expect(found.map((finding) => finding.location.line)).toEqual([result.programme.resources?.[2]?.line]);
    expect(found[0]?.message).toContain("усього: зазначено 2 000,0 тис. грн");
    expect(found[0]?.message).toContain("у паспорті (поле 10) — 1 900,0 тис. грн");
  });
});

describe("a resources table whose amounts name their unit in every cell", () => {
  it("reads them as the bare amounts of the same table", () => {
    const withUnits = RESOURCES.map((cells, row) =>
      row === 0 ? cells : cells.map((cell, at) => (at > 0 && /\d/.test(cell) ? `${cell} тис. грн` : cell)),
    );
    const result = importText(asText(withUnits));
    const bare = importText(asText(RESOURCES));
    expect(result.programme.resources).toEqual(bare.programme.resources);
    expect(result.coverage).toEqual(bare.coverage);
    expect(codes(result)).not.toContain("import.unread-number");
  });
});
