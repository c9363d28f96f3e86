import { describe, expect, it } from "vitest";
import { type Item, walkItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

/** Task tables of shapes other councils print (issue #11), each read as the council meant it. */
function read(rows: string[][]) {
  return importText(rows.map((cells) => cells.join("\t")).join("\n"));
}

function items(rows: string[][]) {
  const { programme } = read(rows);
  return programme.directions.flatMap((direction) => [...walkItems(direction.items)]);
}

describe("a measures column beside the task column", () => {
  it("reads «Перелік заходів» beside «Назва завдання» as the projects under each task", () => {
    const rows = [
      [
        "№",
        "Назва завдання",
        "Перелік заходів",
        "Виконавці",
        "Строк",
        "Джерела фінансування",
        "Обсяг фінансування, тис. грн",
        "",
        "",
        "",
        "Очікуваний результат",
      ],
      ["", "", "", "", "", "", "Усього", "2026", "2027", "2028", ""],
      [
        "1",
        "Цифрове врядування",
        "1.1. Впровадження СЕД",
        "Відділ цифрового розвитку",
        "2026",
        "бюджет громади",
        "80,0",
        "80,0",
        "",
        "",
        "СЕД працює",
      ],
      [
        "",
        "",
        "1.2. Оновлення техніки",
        "Фінансовий відділ",
        "2026-2028",
        "бюджет громади",
        "300,0",
        "100,0",
        "100,0",
        "100,0",
        "Нова техніка",
      ],
      [
        "2",
        "Цифрові послуги",
        "2.1. Створення геопорталу",
        "Відділ земельних відносин",
        "2028",
        "державний бюджет",
        "50,0",
        "",
        "",
        "50,0",
        "Геопортал",
      ],
    ];
    expect(items(rows).map((item) => [item.number, item.title, item.executors, item.deadlineText])).toEqual([
      ["1", "Цифрове врядування", [], ""],
      ["1.1.", "Впровадження СЕД", ["Відділ цифрового розвитку"], "2026"],
      ["1.2.", "Оновлення техніки", ["Фінансовий відділ"], "2026-2028"],
      ["2", "Цифрові послуги", [], ""],
      ["2.1.", "Створення геопорталу", ["Відділ земельних відносин"], "2028"],
    ]);
  });

  it("keeps «Строк виконання заходу» the deadline's and «Найменування заходу» alone the task column", () => {
    const rows = [
      [
        "№",
        "Найменування заходу",
        "Відповідальні за виконання заходу",
        "Строк виконання заходу",
        "Джерела фінансування",
        "Обсяг фінансування, тис. грн",
        "",
        "",
      ],
      ["", "", "", "", "", "2026", "2027", "2028"],
      ["1", "Впровадження СЕД", "Відділ цифрового розвитку", "2026", "бюджет громади", "80,0", "", ""],
    ];
    expect(items(rows).map((item) => [item.number, item.title, item.executors, item.deadlineText])).toEqual([
      ["1", "Впровадження СЕД", ["Відділ цифрового розвитку"], "2026"],
    ]);
  });
});

/** A measure over several source rows, with its «Разом» row printed after its sources or first. */
function sourcesWithTotal(totalFirst: boolean, stated = "250,0"): string[][] {
  const total = (word: string, amounts: string[]) => ["", "", "", "", word, ...amounts, ""];
  const sources = [
    ["", "", "", "", "Державний бюджет", "100,0", "100,0", "", "", ""],
    ["", "", "", "", "Бюджет громади", "150,0", "50,0", "50,0", "50,0", ""],
  ];
  const first = ["1", "Впровадження СЕД", "Відділ цифрового розвитку", "2026-2028"];
  const measure = totalFirst
    ? [[...first, "Разом", stated, "150,0", "50,0", "50,0", "СЕД працює"], ...sources]
    : [
        [...first, ...(sources[0] ?? []).slice(4, 9), "СЕД працює"],
        ...sources.slice(1),
        total("Разом", [stated, "150,0", "50,0", "50,0"]),
      ];
  return [
    [
      "№ з/п",
      "Назва завдання, проєкту",
      "Виконавці",
      "Строк виконання",
      "Джерела фінансування",
      "Обсяг фінансування, тис. грн",
      "",
      "",
      "",
      "Очікуваний результат",
    ],
    ["", "", "", "", "", "Усього", "2026", "2027", "2028", ""],
    ...measure,
    [
      "2",
      "Придбання комп'ютерів",
      "Фінансовий відділ",
      "2027",
      "Бюджет громади",
      "200,0",
      "",
      "200,0",
      "",
      "Техніка",
    ],
    total("Всього:", ["200,0", "", "200,0", ""]),
    ["", "Усього по програмі", "", "", "", "450,0", "150,0", "250,0", "50,0", ""],
  ];
}

describe("a measure's «Разом» row in the source column", () => {
  it.each([
    ["after its sources", false],
    ["before its sources", true],
  ])(
    "is the measure's total over its sources, %s: no money doubled, no false programme total",
    (_, first) => {
      const { programme, findings } = read(sourcesWithTotal(first));
      const measures = programme.directions.flatMap((direction) => direction.items);
      expect(measures.map((item) => item.funding.map((row) => [row.source, row.total]))).toEqual([
        expect.arrayContaining([
          ["total", 25_000_000],
          ["state", 10_000_000],
          ["local", 15_000_000],
        ]),
        expect.arrayContaining([
          ["total", 20_000_000],
          ["local", 20_000_000],
        ]),
      ]);
      expect(measures[0]?.funding).toHaveLength(3);
      const codes = findings.map((finding) => finding.code);
      expect(codes.filter((code) => /total|sum|source/.test(code))).toEqual([]);
      expect(programme.declaredTotals.map((row) => row.total)).toEqual([45_000_000]);
    },
  );

  it("names the measure whose «Разом» differs from its sources' sum", () => {
    const { findings } = read(sourcesWithTotal(false, "260,0"));
    const sourceSum = findings.filter((finding) => finding.code === "amount.source-sum");
    expect(sourceSum.map((finding) => finding.location.ref)).toEqual(["item:d1.1"]);
    expect(findings.map((finding) => finding.code)).not.toContain("programme.total");
  });
});

/** Tasks numbered in «№» with their measures beside them and a bare «Разом» under each task. */
function tasksWithTotals(firstTotal: string): string[][] {
  return [
    [
      "№",
      "Назва завдання",
      "Назва проєкту, робіт з інформатизації",
      "Виконавці",
      "Строк",
      "Джерела фінансування",
      "Обсяг фінансування, тис. грн",
      "",
      "",
      "",
    ],
    ["", "", "", "", "", "", "Усього", "2026 рік", "2027 рік", "2028 рік"],
    [
      "1",
      "Цифрове врядування",
      "1.1. Придбання ліцензій СЕД",
      "Відділ цифрового розвитку",
      "2026",
      "бюджет громади",
      "80,0",
      "80,0",
      "–",
      "–",
    ],
    [
      "",
      "",
      "1.2. Оновлення техніки",
      "Фінансовий відділ",
      "2026-2028",
      "бюджет громади",
      "300,0",
      "100,0",
      "100,0",
      "100,0",
    ],
    ["", "Разом", "", "", "", "", firstTotal, "180,0", "100,0", "100,0"],
    [
      "2",
      "Цифрові послуги",
      "2.1. Створення геопорталу",
      "Відділ земельних відносин",
      "2028",
      "державний бюджет",
      "50,0",
      "0",
      "0",
      "50,0",
    ],
    ["", "Разом", "", "", "", "", "50,0", "0", "0", "50,0"],
    ["", "Усього по програмі", "", "", "", "", "430,0", "180,0", "100,0", "150,0"],
  ];
}

describe("a bare «Разом» under each task", () => {
  it("totals the task above it, not the programme: no false programme total", () => {
    const { programme, findings } = read(tasksWithTotals("380,0"));
    const codes = findings.map((finding) => finding.code);
    expect(codes.filter((code) => /total|subtotal/.test(code))).toEqual([]);
    expect(programme.declaredTotals.map((row) => row.total)).toEqual([43_000_000]);
  });

  it("names the task whose «Разом» differs from its projects' sum", () => {
    const { findings } = read(tasksWithTotals("390,0"));
    const codes = findings.map((finding) => finding.code);
    expect(codes.filter((code) => /total|subtotal/.test(code))).toEqual(["import.task-subtotal"]);
  });
});

describe("cells that repeat the one above or print no amount", () => {
  const rows = [
    [
      "№ з/п",
      "Зміст заходу",
      "Виконавець",
      "Строк виконання",
      "Джерела фінансування",
      "Обсяг фінансування, грн",
      "",
      "",
      "",
      "Очікуваний результат",
    ],
    ["", "", "", "", "", "Усього", "2026", "2027", "2028", ""],
    [
      "1",
      "Навчання працівників",
      "Відділ кадрової роботи",
      "2026-2028",
      "бюджет громади",
      "30 000,00",
      "10 000,00",
      "10 000,00",
      "10 000,00",
      "Навчено 40 осіб",
    ],
    ["2", "Ведення реєстрів", "-//-", "–//–", '-"-', "х", "х", "х", "х", "Реєстри ведуться"],
  ];

  it('reads «-//-» and «-"-» as the executors, deadline and source printed above', () => {
    const [, second] = items(rows);
    expect([second?.executors, second?.deadlineText, second?.funding.map((row) => row.source)]).toEqual([
      ["Відділ кадрової роботи"],
      "2026-2028",
      ["local"],
    ]);
  });

  it("reads «х» in an amount cell as no amount, not as text in place of money", () => {
    const { findings } = read(rows);
    const codes = findings.map((finding) => finding.code);
    expect(codes).not.toContain("import.amount-text");
    expect(codes).not.toContain("import.unknown-source");
    expect(codes).not.toContain("import.deadline-text");
  });
});

describe("a «Співвиконавці» column beside the responsible executor's", () => {
  it("reads the co-executors as more executors of the measure, after the responsible one", () => {
    const rows = [
      [
        "№ з/п",
        "Зміст заходу",
        "Відповідальний виконавець",
        "Співвиконавці",
        "Строк виконання",
        "Джерела фінансування",
        "Обсяг фінансування, тис. грн",
        "",
        "",
        "Очікуваний результат",
      ],
      ["", "", "", "", "", "", "2026", "2027", "2028", ""],
      [
        "1",
        "Впровадження СЕД",
        "Відділ цифрового розвитку",
        "Фінансовий відділ, ЦНАП",
        "2026",
        "бюджет громади",
        "80,0",
        "",
        "",
        "СЕД працює",
      ],
      [
        "2",
        "Оновлення техніки",
        "Фінансовий відділ",
        "–",
        "2027",
        "бюджет громади",
        "",
        "100,0",
        "",
        "Нова техніка",
      ],
    ];
    expect(items(rows).map((item) => item.executors)).toEqual([
      ["Відділ цифрового розвитку", "Фінансовий відділ", "ЦНАП"],
      ["Фінансовий відділ"],
    ]);
  });
});

/** A council's measures table: a heading row for a direction, then the rows given. */
function measures(rows: string[][]): string[][] {
  const header = [
    "№",
    "Назва заходу",
    "Виконавці",
    "Строк",
    "Джерела фінансування",
    "Обсяг, тис. грн",
    "",
    "",
  ];
  return [
    header,
    ["", "", "", "", "", "Усього", "2026", "2027"],
    ["", "Пріоритетний напрям 1. Цифрова інфраструктура", "", "", "", "", "", ""],
    ...rows,
  ];
}

describe("lettered measures under a measure heading", () => {
  it("reads «а)», «б)» under «1. | Захід 1. Назва:» as the heading's measures, lettered as printed", () => {
    const rows = measures([
      ["1.", "Захід 1. Розвиток мережі:", "", "", "", "", "", ""],
      ["", "а) закупівля комутаторів", "Відділ", "2026", "Бюджет громади", "100,0", "100,0", ""],
      ["", "б) прокладання кабелю", "Відділ", "2027", "Бюджет громади", "50,0", "", "50,0"],
      ["2.", "Оновлення техніки", "Відділ", "2027", "Бюджет громади", "30,0", "", "30,0"],
    ]);
    const { programme } = read(rows);
    const tree = (item: Item): unknown => [item.number, item.title, item.children.map(tree)];
    expect(programme.directions.map((direction) => [direction.title, direction.items.map(tree)])).toEqual([
      [
        "Цифрова інфраструктура",
        [
          [
            "1.",
            "Розвиток мережі",
            [
              ["а)", "закупівля комутаторів", []],
              ["б)", "прокладання кабелю", []],
            ],
          ],
          ["2.", "Оновлення техніки", []],
        ],
      ],
    ]);
  });
});

describe("a task's title printed after its role word and number", () => {
  it("reads «Завдання 1. Назва» and «Захід 1.2. Назва» in rows with no «№» as the item's number and title", () => {
    const rows = measures([
      ["", "Завдання 1. Мережа і техніка", "Відділ", "2026-2027", "Бюджет громади", "150,0", "100,0", "50,0"],
      ["", "Захід 1.1. Модернізація мережі", "Відділ", "2026", "Бюджет громади", "100,0", "100,0", ""],
      ["", "Захід 1.2. Закупівля техніки", "Відділ", "2027", "Бюджет громади", "50,0", "", "50,0"],
    ]);
    const tree = (item: Item): unknown => [item.number, item.title, item.children.map(tree)];
    expect(read(rows).programme.directions.flatMap((direction) => direction.items.map(tree))).toEqual([
      [
        "1",
        "Мережа і техніка",
        [
          ["1.1", "Модернізація мережі", []],
          ["1.2", "Закупівля техніки", []],
        ],
      ],
    ]);
  });
});
