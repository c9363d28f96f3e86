import { describe, expect, it } from "vitest";
import { walkItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

/**
 * A task table aligned with spaces (`pdftotext -layout`), then on the same page a council's resources
 * table («Таблиця 3. Ресурсне забезпечення Програми»: sources by years, a header of its own): it ends
 * the task table, and is read as the programme's funding by source and year (`Programme.resources`).
 */
const TASKS = [
  "№ з/п   Назва заходу                          Виконавці       Термін        Джерела           Орієнтовні обсяги фінансування (вартість), тис.   Очікуваний результат",
  "                                                              виконання     фінансування      грн",
  "                                                                                              усього        у тому числі за роками",
  "                                                                                                            2026        2027        2028",
  "1       2                                     3               4             5                 6             7           8           9           10",
  "1.1     Модернізація локальної мережі         Відділ ІТ       2026 р.       Бюджет громади    400,0         400,0       -           -           Швидкість мережі 1",
  "        адмінбудівлі                                                                                                                            Гбіт/с",
  "1.2     Закупівля комп'ютерної техніки для    Відділ ІТ,      2026-2028     Бюджет громади    1 500,0       500,0       500,0       500,0       Оновлено 30 робочих",
  "        ЦНАП                                  ЦНАП            рр.                                                                               місць",
  "Всього по Програмі                                                                            1 900,0       900,0       500,0       500,0",
];

const RESOURCES = [
  ["Обсяг коштів, які пропонується", "2026", "2027", "2028", "Усього витрат на"],
  ["залучити на виконання Програми", "", "", "", "виконання Програми"],
  ["Бюджет громади, тис. грн", "900,0", "500,0", "500,0", "1 900,0"],
  ["Інші джерела, тис. грн", "-", "-", "-", "-"],
  ["Усього, тис. грн", "900,0", "500,0", "500,0", "1 900,0"],
];

/** The resources table's rows padded to columns `widths` wide. */
const padded = (widths: number[]): string[] =>
  RESOURCES.map((cells) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index] ?? 0))
      .join("")
      .trimEnd(),
  );

const CAPTION = ["", "Таблиця 3. Ресурсне забезпечення Програми", ""];
/** Its numbers: 900,0 500,0 500,0 1 900,0 in the source's and the total's rows. */
const RESOURCE_NUMBERS = 8;

function expectTasksAlone(text: string): void {
  const { programme, coverage, findings } = importText(text);
  const items = programme.directions.flatMap((direction) => [...walkItems(direction.items)]);
  expect(items.map((item) => item.number)).toEqual(["1.1", "1.2"]);
  expect(items.map((item) => item.funding[0]?.total)).toEqual([40_000_000, 150_000_000]);
  expect(programme.declaredTotals.map((row) => row.label)).toEqual(["Всього по Програмі"]);
  expect(coverage).toEqual({ numbersSeen: 12 + RESOURCE_NUMBERS, numbersPlaced: 20, numbersFlagged: 0 });
  expect(findings.map((finding) => finding.code)).not.toContain("import.unread-number");
  const resources = (programme.resources ?? []).map(({ source, byYear, total }) => ({
    source,
    byYear,
    total,
  }));
  const years = (a: number, b: number, c: number) => ({ "2026": a, "2027": b, "2028": c });
  expect(resources).toEqual([
    { source: "local", byYear: years(90_000_000, 50_000_000, 50_000_000), total: 190_000_000 },
    { source: "other", byYear: years(0, 0, 0), total: 0 },
    { source: "total", byYear: years(90_000_000, 50_000_000, 50_000_000), total: 190_000_000 },
  ]);
  // The table agrees with the task table: no finding about it.
  expect(findings.map((finding) => finding.code)).not.toContain("resources.mismatch");
}

describe("a space-aligned task table with a resources table under it on the same page", () => {
  it("ends the task table at the resources header right under its total row", () => {
    expectTasksAlone([...TASKS, ...padded([44, 16, 16, 16, 16])].join("\n"));
  });

  it("reads the resources table under its caption as a table of its own, not rows out of columns", () => {
    expectTasksAlone([...TASKS, ...CAPTION, ...padded([94, 14, 12, 12, 12])].join("\n"));
  });

  it("names the same numbers as the tab-separated text of the same tables", () => {
    const T = "\t";
    const tasks = [
      `№ з/п${T}Назва заходу${T}Виконавці${T}Термін виконання${T}Джерела фінансування${T}Орієнтовні обсяги фінансування (вартість), тис. грн${T}${T}${T}${T}Очікуваний результат`,
      `${T}${T}${T}${T}${T}усього${T}у тому числі за роками${T}${T}${T}`,
      `${T}${T}${T}${T}${T}${T}2026${T}2027${T}2028${T}`,
      `1.1${T}Модернізація локальної мережі адмінбудівлі${T}Відділ ІТ${T}2026 р.${T}Бюджет громади${T}400,0${T}400,0${T}-${T}-${T}Швидкість мережі 1 Гбіт/с`,
      `1.2${T}Закупівля комп'ютерної техніки для ЦНАП${T}Відділ ІТ, ЦНАП${T}2026-2028 рр.${T}Бюджет громади${T}1 500,0${T}500,0${T}500,0${T}500,0${T}Оновлено 30 робочих місць`,
      `Всього по Програмі${T}${T}${T}${T}${T}1 900,0${T}900,0${T}500,0${T}500,0${T}`,
    ];
    const [first = [], second = [], ...rows] = RESOURCES;
    const header = first.map((cell, index) => `${cell} ${second[index] ?? ""}`.trim());
    const resources = [header, ...rows].map((cells) => cells.join(T));
    expectTasksAlone([...tasks, ...CAPTION, ...resources].join("\n"));
  });
});
