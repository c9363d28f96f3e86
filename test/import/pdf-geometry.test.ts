import { describe, expect, it } from "vitest";
import { mergeRulings, type Ruling, type TextRun } from "../../src/import/pdf/geometry.js";
import { layoutPages } from "../../src/import/pdf/layout.js";

describe("mergeRulings", () => {
  it("merges collinear rulings that overlap or touch into one", () => {
    const merged = mergeRulings(
      [
        { at: 100, from: 50, to: 120 },
        { at: 100.4, from: 120.5, to: 200 },
        { at: 99.8, from: 10, to: 60 },
      ],
      1,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ from: 10, to: 200 });
  });

  it("keeps two borders on one line with a gap between them apart (two tables one above the other)", () => {
    const upper = { at: 822.1, from: 233, to: 426 };
    const lower = { at: 822.3, from: 74, to: 184 };
    const merged = mergeRulings([upper, lower], 1);
    expect(merged.map(({ from, to }) => [from, to]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [74, 184],
      [233, 426],
    ]);
  });
});

/** Runs of one line at baseline `y`: each text at its x, 6 points a character, size 10. */
const line = (y: number, ...pieces: [number, string][]): TextRun[] =>
  pieces.map(([x, text]) => ({ text, x, y, width: text.length * 6, size: 10 }));

const page = (runs: TextRun[]) => ({ runs, horizontal: [], vertical: [], width: 600, height: 800 });

describe("a table without borders whose header is not recognised", () => {
  it("is read from the alignment of its lines: a passport's rows, wrapped cells joined", () => {
    const { blocks, unframed } = layoutPages([
      page([
        ...line(700, [50, "ПАСПОРТ"]),
        ...line(680, [50, "1."], [80, "Найменування"], [300, "Тестова громада"]),
        ...line(668, [80, "громади"]),
        ...line(653, [50, "7."], [80, "Керівник Програми"], [300, "Заступник голови"]),
        ...line(638, [50, "9."], [80, "Строк виконання"], [300, "2025–2027 роки"]),
        ...line(623, [50, "10."], [80, "Джерела"], [300, "Всього"], [400, "2025"], [460, "2026"]),
        ...line(608, [300, "Загальний обсяг"], [400, "10,0"], [460, "20,0"]),
      ]),
    ]);
    expect(unframed).toEqual([]);
    const table = blocks.find((block) => block.kind === "table");
    expect(table?.rows.map((row) => row.cells)).toEqual([
      ["1.", "Найменування громади", "Тестова громада", "", ""],
      ["7.", "Керівник Програми", "Заступник голови", "", ""],
      ["9.", "Строк виконання", "2025–2027 роки", "", ""],
      ["10.", "Джерела", "Всього", "2025", "2026"],
      ["", "", "Загальний обсяг", "10,0", "20,0"],
    ]);
  });

  it("is named as unframed when too few lines line up to tell its columns (its rows read as text)", () => {
    const { blocks, unframed } = layoutPages([
      page([
        ...line(700, [50, "ПАСПОРТ"]),
        ...line(680, [50, "1."], [80, "Найменування громади"], [300, "Тестова громада"]),
        ...line(665, [50, "7."], [80, "Керівник Програми"], [300, "Заступник голови"]),
      ]),
    ]);
    const lines = blocks.filter((block) => block.kind === "paragraph").map((block) => block.line);
    expect(unframed.length).toBeGreaterThan(0);
    expect(unframed.every((each) => lines.includes(each))).toBe(true);
  });

  it("is not seen in prose, nor in a lone line with a gap in it", () => {
    const { unframed } = layoutPages([
      page([
        ...line(700, [50, "Програма"], [400, "2025"]),
        ...line(685, [50, "цифрового розвитку громади на три роки,"]),
        ...line(670, [50, "схвалена рішенням ради."]),
      ]),
    ]);
    expect(unframed).toEqual([]);
  });
});

describe("an amount wrapped at its group space in a narrow column of a table without borders", () => {
  const header = [
    [20, "Назва заходу"],
    [120, "Виконавці"],
    [200, "Джерела фінансування"],
    [360, "Всього"],
    [440, "2026"],
    [520, "2027"],
  ] as [number, string][];
  /** A task table's header and one project whose total wraps: `top` over `rest` in the «Всього» column. */
  const rows = (top: string, rest: string) => {
    const { blocks } = layoutPages([
      page([
        ...line(700, ...header),
        ...line(
          680,
          [20, "Захід один"],
          [120, "ЦНАП"],
          [200, "Загальний обсяг"],
          [360, top],
          [440, "797,781"],
        ),
        ...line(668, [360, rest]),
      ]),
    ]);
    return blocks.flatMap((block) => (block.kind === "table" ? block.rows.map((row) => row.cells) : []));
  };

  it.each([
    ["1 032", "053,00", "1 032 053,00"],
    ["1032", "053,00", "1032 053,00"],
    // The column's widest line, all digits, and the next digit would not have fitted after it: the
    // number itself was broken (as «202» over «5» in a narrow year column), so it joins without a space.
    ["15048", "115,5", "15048115,5"],
  ])("goes on its cell: %s over %s (OCR may read the space away)", (top, rest, cell) => {
    expect(rows(top, rest).map((cells) => cells[3])).toEqual(["Всього", cell]);
  });

  it("an integer under an integer stays a row of its own", () => {
    expect(rows("1500", "200")).toHaveLength(3);
  });
});

/** A ruled table of one column 60 points wide, a cell per list of lines (12 points apart). */
function ruledColumn(cells: string[][]): { runs: TextRun[]; horizontal: Ruling[]; vertical: Ruling[] } {
  const top = 740;
  const height = 40;
  const runs = cells.flatMap((lines, row) =>
    lines.flatMap((text, index) => line(top - row * height - 10 - index * 12, [52, text])),
  );
  const bottom = top - cells.length * height;
  const horizontal = Array.from({ length: cells.length + 1 }, (_, row) => ({
    at: top - row * height,
    from: 50,
    to: 110,
  }));
  const vertical = [50, 110].map((at) => ({ at, from: bottom, to: top }));
  return { runs, horizontal, vertical };
}

function readColumn(paragraph: string, cells: string[][]): string[] {
  const { runs, horizontal, vertical } = ruledColumn(cells);
  const { blocks } = layoutPages([
    { runs: [...line(780, [50, paragraph]), ...runs], horizontal, vertical, width: 600, height: 800 },
  ]);
  const table = blocks.find((block) => block.kind === "table");
  return table?.rows.map((row) => row.cells[0] ?? "") ?? [];
}

describe("a lowercase word a narrow ruled cell broke without a hyphen", () => {
  const cells = [
    ["Інформа", "тизації"],
    ["Строком", "дії"],
  ];

  it("is joined when the document prints the word whole; whole words wrapped apart keep their space", () => {
    expect(readColumn("Програма інформатизації громади", cells)).toEqual(["Інформатизації", "Строком дії"]);
  });

  it("keeps its space when the document prints the joined word nowhere", () => {
    expect(readColumn("Програма громади", cells)).toEqual(["Інформа тизації", "Строком дії"]);
  });

  it("keeps a word of two letters apart, though it makes one the document prints («не» + «має»)", () => {
    expect(readColumn("Коштів у бюджеті немає", [["Коштів не", "має"]])).toEqual(["Коштів не має"]);
  });
});
