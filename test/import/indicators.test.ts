import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { importText } from "../../src/import/index.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { targetsInCell } from "../../src/import/interpret/indicators.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

describe("indicator annex with misaligned columns", () => {
  // Found by test/fuzz: one line of romny's indicator header shifted right by a tab put the name column
  // before the number column, and realigning rows asked for an array of negative length.
  it("imports or refuses romny with the fuzzer's shifted line, never crashes", () => {
    const lines = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8").split("\n");
    const at = 431906011 % lines.length;
    lines[at] = `\t${lines[at]}`;
    let outcome: unknown;
    try {
      outcome = importText(lines.join("\n")).programme.community.katottg;
    } catch (error) {
      outcome = error;
    }
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(NotAProgrammeError);
    else expect(outcome).toBe("UA59060110000049734");
  });
});

describe("indicator targets written in one cell (a header with no year row)", () => {
  const T = "\t";
  const HEADER = [
    "№ з/п",
    "Назва пріоритету",
    "Найменування індикатора",
    "Одиниця виміру",
    "Спосіб розрахунку",
    "Базове значення",
    "Цільове значення",
    "Динаміка",
  ].join(T);
  const annex = (...rows: string[][]) =>
    interpretBlocks(
      readTextBlocks(
        [
          "ПАСПОРТ",
          "",
          `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
          `9.${T}Строк виконання Програми${T}2026–2027 роки`,
          "",
          "Додаток 2",
          "",
          HEADER,
          ...rows.map((cells) => cells.join(T)),
          "",
        ].join("\n"),
      ),
    );

  it("reads «2026 – 70; 2027 – 90», «2026 р. – 70, 2027 р. – 90» and «2026: 70» into the targets per year", () => {
    const { programme, coverage, findings } = annex(
      ["1", "Цифрове врядування", "Частка послуг онлайн", "%", "-", "50", "2026 – 70; 2027 – 90", "+20"],
      ["", "", "Наявність системи", "Так/Ні", "-", "Ні", "2026 р. – Так, 2027 р. – Так", ""],
      ["", "", "Кількість точок доступу", "одиниць", "-", "1 200", "2026: 1 500, 2027: 35,95***", ""],
      ["", "", "Кількість навчених осіб", "осіб", "-", "10", "у 2026 році – 20; у 2027 році – -", ""],
    );
    expect(programme.indicators.map((each) => each.targets)).toEqual([
      { "2026": "70", "2027": "90" },
      { "2026": "Так", "2027": "Так" },
      { "2026": "1 500", "2027": "35,95" },
      { "2026": "20", "2027": "-" },
    ]);
    // №, baselines (50, 1 200, 10), dynamics (+20) and the targets 70, 90, 1 500, 35,95 (its footnote mark
    // dropped) and 20, all placed.
    expect(coverage).toEqual({ numbersSeen: 10, numbersPlaced: 10, numbersFlagged: 0 });
    expect(findings.filter((each) => each.code === "import.unread-number")).toEqual([]);
  });

  it("names the numbers of a targets cell it cannot read in import.unread-number", () => {
    const { programme, coverage, findings } = annex([
      "1",
      "Цифрове врядування",
      "Кількість навчених осіб",
      "осіб",
      "-",
      "10",
      "70 (2026), 90 (2027)",
      "",
    ]);
    expect(programme.indicators[0]?.targets).toEqual({});
    expect(coverage).toEqual({ numbersSeen: 4, numbersPlaced: 2, numbersFlagged: 2 });
    const unread = findings.filter((each) => each.code === "import.unread-number");
    expect(unread.map((each) => each.message)).toEqual([expect.stringContaining("«70», «90»")]);
  });

  it("joins a name cut by a page break after the one-row header printed again", () => {
    const { programme } = annex(
      ["1", "Цифрове врядування", "Частка послуг, наданих", "%", "-", "50", "2026 – 70; 2027 – 90", ""],
      [],
      HEADER.split(T),
      ["", "", "онлайн", "", "", "", "", ""],
      ["", "", "Наявність системи", "Так/Ні", "-", "Ні", "2026 – Так; 2027 – Так", ""],
    );
    expect(programme.indicators.map((each) => each.name)).toEqual([
      "Частка послуг, наданих онлайн",
      "Наявність системи",
    ]);
  });

  it("reads a cell only when it is nothing but year–value pairs, each year once", () => {
    expect(targetsInCell("2026 – 70; 2027 – 90")?.targets).toEqual({ "2026": "70", "2027": "90" });
    expect(targetsInCell("2026 – 1 685 692, 2027 – 35,95")?.numbers).toEqual(["1 685 692", "35,95"]);
    expect(targetsInCell("до 2027 – 90")).toBeNull();
    expect(targetsInCell("2026 – 70; 2026 – 90")).toBeNull();
    expect(targetsInCell("70")).toBeNull();
  });
});

describe("a name cut at a hyphen goes on in the next row", () => {
  const T = "\t";
  it("joins «Wi-» over «Fi» into «Wi-Fi» in the monitoring annex, not a variable of its own", () => {
    const text = [
      "ПАСПОРТ",
      "",
      `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
      `9.${T}Строк виконання Програми${T}2026–2027 роки`,
      "",
      "Показники моніторингу",
      "",
      [
        "№",
        "Найменування показника",
        "Одиниця виміру",
        "Джерело даних",
        "Базове значення",
        "2026",
        "2027",
      ].join(T),
      ["1.1", "Кількість точок Wi-", "одиниць", "Звіт відділу", "5", "6", "7"].join(T),
      ["", "Fi", "", "", "", "", ""].join(T),
      ["1.2", "Кількість електронно-", "одиниць", "Звіт відділу", "1", "2", "3"].join(T),
      ["", "цифрових послуг", "", "", "", "", ""].join(T),
      "",
    ].join("\n");
    const { programme } = interpretBlocks(readTextBlocks(text));
    expect(programme.monitoring?.map((each) => each.name)).toEqual([
      "Кількість точок Wi-Fi",
      "Кількість електронно-цифрових послуг",
    ]);
  });
});

describe("a budget programme's performance indicators as the annex (результативні показники)", () => {
  const T = "\t";
  const TASKS = [
    "Програма інформатизації Тестової селищної територіальної громади на 2026–2028 роки",
    "",
    ["№ з/п", "Назва заходу", "Виконавці", "Строк", "Джерела фінансування", "2026", "2027", "2028"].join(T),
    ["1.1", "Придбання техніки", "Відділ", "2026–2028", "Бюджет громади", "150,0", "100,0", "100,0"].join(T),
    "",
  ];
  const annex = (header: string[], ...rows: string[][]) =>
    importText(
      [...TASKS, "Результативні показники Програми", ...[header, ...rows].map((row) => row.join(T))].join(
        "\n",
      ),
    );
  const HEADER = [
    "№ з/п",
    "Назва показника",
    "Одиниця виміру",
    "Вихідні дані на початок дії програми",
    "2026 рік",
    "2027 рік",
    "2028 рік",
    "Усього",
  ];

  it("reads «Назва показника | Одиниця виміру | 2026 рік …» with no «цільове» heading: the years are the targets", () => {
    const { programme, coverage } = annex(
      HEADER,
      ["1", "Показники затрат"],
      ["", "Обсяг видатків на придбання техніки", "тис. грн", "0", "150,0", "100,0", "100,0", "350,0"],
      ["2", "Показники продукту"],
      ["", "Кількість придбаних комп'ютерів", "од.", "0", "10", "7", "7", "24"],
      ["", "Кількість підключених закладів", "од.", "3", "5", "8", "10", "10"],
      ["3", "Показники якості"],
      ["", "Частка оновлених робочих місць", "%", "20", "45", "65", "85", "85"],
    );
    expect(
      programme.indicators.map(({ direction, name, unit, baseline, targets }) => ({
        direction,
        name,
        unit,
        baseline,
        targets,
      })),
    ).toEqual([
      {
        direction: "Показники затрат",
        name: "Обсяг видатків на придбання техніки",
        unit: "тис. грн",
        baseline: "0",
        targets: { "2026": "150,0", "2027": "100,0", "2028": "100,0" },
      },
      {
        direction: "Показники продукту",
        name: "Кількість придбаних комп'ютерів",
        unit: "од.",
        baseline: "0",
        targets: { "2026": "10", "2027": "7", "2028": "7" },
      },
      {
        direction: "Показники продукту",
        name: "Кількість підключених закладів",
        unit: "од.",
        baseline: "3",
        targets: { "2026": "5", "2027": "8", "2028": "10" },
      },
      {
        direction: "Показники якості",
        name: "Частка оновлених робочих місць",
        unit: "%",
        baseline: "20",
        targets: { "2026": "45", "2027": "65", "2028": "85" },
      },
    ]);
    // The task row's number and amounts (4), the groups' numbers (3), and per indicator its baseline, its
    // three years and «Усього» (4 × 5), which adds up the years or repeats the last year's target.
    expect(coverage).toEqual({ numbersSeen: 27, numbersPlaced: 27, numbersFlagged: 0 });
  });

  it("takes a council's own group words («Показники витрат», «Показники якості надання послуг») as groups", () => {
    const { programme } = annex(
      HEADER,
      ["1", "Показники витрат"],
      ["", "Обсяг видатків на програмне забезпечення", "тис. грн", "0", "50,0", "50,0", "50,0", "150,0"],
      ["2", "Показники якості надання послуг"],
      ["", "Частка послуг, наданих онлайн", "%", "10", "20", "30", "40", "40"],
    );
    expect(programme.indicators.map(({ direction, name }) => [direction, name])).toEqual([
      ["Показники витрат", "Обсяг видатків на програмне забезпечення"],
      ["Показники якості надання послуг", "Частка послуг, наданих онлайн"],
    ]);
  });

  it("names an «Усього» that is neither the years' sum nor the last year's target", () => {
    const { programme, findings } = annex(HEADER, [
      "1",
      "Середня вартість одного комп'ютера",
      "тис. грн",
      "-",
      "15,0",
      "14,3",
      "14,3",
      "14,6",
    ]);
    expect(programme.indicators.map((indicator) => indicator.name)).toEqual([
      "Середня вартість одного комп'ютера",
    ]);
    expect(
      findings.filter((finding) => finding.code === "import.unread-number").map((f) => f.message),
    ).toEqual([expect.stringContaining("«14,6»")]);
  });
});

describe("an indicator list with a source-of-data column and no other list («Показники результативності»)", () => {
  const T = "\t";
  const document = (caption: string) =>
    [
      "Програма інформатизації Тестової сільської територіальної громади на 2026–2028 роки",
      "",
      ["№ з/п", "Назва заходу", "Виконавці", "Строк", "Джерела фінансування", "2026", "2027", "2028"].join(T),
      ["1.1", "Придбання техніки", "Відділ", "2026–2028", "Бюджет громади", "150,0", "100,0", "100,0"].join(
        T,
      ),
      "",
      caption,
      [
        "№ з/п",
        "Найменування показника",
        "Одиниця виміру",
        "Джерело інформації",
        "Значення показника на початок дії програми",
        "Прогнозні значення показника",
      ].join(T),
      ["", "", "", "", "", "2026 рік", "2027 рік", "2028 рік"].join(T),
      ["1", "Кількість електронних послуг ЦНАП", "од.", "Звітність ЦНАП", "12", "15", "18", "22"].join(T),
      ["2", "Частка оновлених робочих місць", "%", "Інвентаризація", "35,5", "45,0", "60,0", "75,0"].join(T),
      "",
    ].join("\n");

  it("is read as the indicator list, its baselines and targets placed (was read as monitoring variables)", () => {
    const { programme, coverage } = interpretBlocks(
      readTextBlocks(document("Показники результативності Програми")),
    );
    expect(
      programme.indicators.map(({ name, unit, baseline, targets }) => ({ name, unit, baseline, targets })),
    ).toEqual([
      {
        name: "Кількість електронних послуг ЦНАП",
        unit: "од.",
        baseline: "12",
        targets: { "2026": "15", "2027": "18", "2028": "22" },
      },
      {
        name: "Частка оновлених робочих місць",
        unit: "%",
        baseline: "35,5",
        targets: { "2026": "45,0", "2027": "60,0", "2028": "75,0" },
      },
    ]);
    expect(programme.monitoring ?? []).toEqual([]);
    expect(coverage?.numbersPlaced).toBe(coverage?.numbersSeen);
  });

  it("stays the monitoring variables under a caption that says monitoring", () => {
    const { programme } = interpretBlocks(
      readTextBlocks(document("Показники моніторингу виконання Програми")),
    );
    expect(programme.indicators).toEqual([]);
    expect(programme.monitoring?.map((variable) => variable.name)).toEqual([
      "Кількість електронних послуг ЦНАП",
      "Частка оновлених робочих місць",
    ]);
  });
});
