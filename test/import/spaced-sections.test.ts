import { describe, expect, it } from "vitest";
import { walkItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

/**
 * A task table aligned with spaces (`pdftotext -layout`) in «Розділ» sections under a three-row amounts
 * header, then, on the same page, a caption («5. Показники») and an indicator list with other columns.
 * The generator draw is family 4's annexes after the space-aligned task table (spaced-annexes.test.ts).
 */
const TEXT = [
  "№ з/п   Назва заходу                          Виконавці       Термін        Джерела           Орієнтовні обсяги фінансування (вартість), тис.   Очікуваний результат",
  "                                                              виконання     фінансування      грн",
  "                                                                                              усього        у тому числі за роками",
  "                                                                                                            2026        2027        2028",
  "1       2                                     3               4             5                 6             7           8           9           10",
  "Розділ 1. Цифрова інфраструктура",
  "1.1     Модернізація локальної мережі         Відділ ІТ       2026 р.       Бюджет громади    400,0         400,0       -           -           Швидкість мережі 1",
  "        адмінбудівлі                                                                                                                            Гбіт/с",
  "1.2     Закупівля комп'ютерної техніки для    Відділ ІТ,      2026-2028     Бюджет громади    1 500,0       500,0       500,0       500,0       Оновлено 30 робочих",
  "        ЦНАП                                  ЦНАП            рр.                                                                               місць",
  "Разом по розділу 1                                                                            1 900,0       900,0       500,0       500,0",
  "Розділ 2. Електронні послуги",
  "2.1     Впровадження електронної черги в      ЦНАП            2027 р.       Бюджет громади    350,0         -           350,0       -           Черга онлайн",
  "        ЦНАП",
  "2.2     Супровід офіційного вебсайту громади  Відділ ІТ       2026-2028     Бюджет громади    1 200,0       300,0       300,0       600,0       Сайт працює цілодобово",
  "                                                              рр.",
  "Разом по розділу 2                                                                            1 550,0       300,0       650,0       600,0",
  "Всього по Програмі                                                                            3 450,0       1 200,0     1 150,0     1 100,0",
  "",
  "5. Показники",
  "№     Назва показника                           Одиниця       Базове      2026      2027      2028",
  "                                                виміру        значення",
  "1     Частка оновлених робочих місць            %             20          40        60        80",
  "2     Кількість послуг в електронній черзі      од.           0           0         5         10",
].join("\n");

describe("a space-aligned task table with an indicator list under it on the same page", () => {
  const { programme, coverage } = importText(TEXT);

  it("reads both tables: the indicator header starts a table of its own", () => {
    expect(programme.directions.map((direction) => direction.title)).toEqual([
      "Цифрова інфраструктура",
      "Електронні послуги",
    ]);
    const items = programme.directions.flatMap((direction) => [...walkItems(direction.items)]);
    expect(items.map((item) => item.funding[0]?.total)).toEqual([
      40_000_000, 150_000_000, 35_000_000, 120_000_000,
    ]);
    expect(programme.indicators.map((indicator) => indicator.name)).toEqual([
      "Частка оновлених робочих місць",
      "Кількість послуг в електронній черзі",
    ]);
    expect(coverage?.numbersFlagged).toBe(0);
  });

  it("takes the caption after the programme's total for no direction", () => {
    expect(programme.directions).toHaveLength(2);
  });
});
