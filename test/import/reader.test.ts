import { describe, expect, it } from "vitest";
import type { Block, Table } from "../../src/import/blocks.js";
import { cleanCellText, joinHyphenatedWords } from "../../src/import/text/clean.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

const T = "\t";

function tables(blocks: Block[]): Table[] {
  return blocks.filter((block): block is Table => block.kind === "table");
}

function onlyTable(text: string): string[][] {
  const [table] = tables(readTextBlocks(text));
  return table?.rows.map((row) => row.cells) ?? [];
}

describe("one-cell-per-line layout", () => {
  const text = [
    "Вступ",
    "",
    `${T}1)`,
    `${T}закупівля обладнання`,
    `${T}відділ освіти;`,
    "відділ культури",
    `${T}2026 рік`,
    "",
    `${T}2)`,
    `${T}оновлення ліцензій`,
    `${T}відділ культури`,
    "",
    `${T}2027 рік`,
    "",
    "Кінець",
  ].join("\n");

  it("rebuilds rows from tab-indented cells separated by blank lines, keeping lines of a cell", () => {
    const blocks = readTextBlocks(text);
    expect(blocks.map((block) => block.kind)).toEqual(["paragraph", "table", "paragraph"]);
    const [table] = tables(blocks);
    expect(table?.rows[0]).toEqual({
      cells: ["1)", "закупівля обладнання", "відділ освіти;\nвідділ культури", "2026 рік"],
      line: 3,
    });
  });

  it("joins a row interrupted by a blank line when the parts make exactly one full row", () => {
    const [, second] = onlyTable(text);
    expect(second).toEqual(["2)", "оновлення ліцензій", "відділ культури", "2027 рік"]);
  });

  it("does not join a numbered row onto a short row above", () => {
    const rows = onlyTable(
      [`${T}а`, `${T}б`, "", `${T}1.`, `${T}в`, "", `${T}x`, `${T}y`, `${T}z`, `${T}w`].join("\n"),
    );
    expect(rows.map((row) => row.length)).toEqual([2, 2, 4]);
  });

  it("keeps empty cells (a tab alone on its line)", () => {
    expect(onlyTable([`${T}4)`, T, T, `${T}місцевий бюджет`].join("\n"))).toEqual([
      ["4)", "", "", "місцевий бюджет"],
    ]);
  });
});

describe("Markdown pipe tables", () => {
  it("reads each pipe row as the tab-separated row it stands for, without the rule line", () => {
    const rows = onlyTable(
      [
        "| Назва заходу | Виконавці | Обсяг, тис. грн |",
        "|---|:---:|---:|",
        "| 1.1. Сайт \\| портал | Відділ культури | 10,5 |",
        "|  | Відділ освіти |  |",
      ].join("\n"),
    );
    expect(rows).toEqual([
      ["Назва заходу", "Виконавці", "Обсяг, тис. грн"],
      ["1.1. Сайт | портал", "Відділ культури", "10,5"],
      ["", "Відділ освіти", ""],
    ]);
  });

  it("leaves a line with a pipe inside it as text", () => {
    expect(tables(readTextBlocks("Вартість | 10 тис. грн"))).toEqual([]);
  });
});

describe("tab-separated layout", () => {
  it("merges a continuation line into the cells of the row above", () => {
    const rows = onlyTable(
      [
        `1.1. Інвентаризація${T}Відділ освіти, відділ${T}2026-${T}Бюджет${T}10`,
        "",
        `${T}бухгалтерського обліку${T}2028${T}громади${T}`,
        `1.2. Навчання${T}Відділ культури${T}2026${T}Не потребує${T}-`,
      ].join("\n"),
    );
    expect(rows).toEqual([
      [
        "1.1. Інвентаризація",
        "Відділ освіти, відділ бухгалтерського обліку",
        "2026-2028",
        "Бюджет громади",
        "10",
      ],
      ["1.2. Навчання", "Відділ культури", "2026", "Не потребує", "-"],
    ]);
  });

  it("appends a lone fragment after a page break to the nearest filled cell", () => {
    const rows = onlyTable(
      [`${T}${T}3.6 Модернізація системи${T}Шт.${T}0`, "", `${T}${T}наявних реєстрів`].join("\n"),
    );
    expect(rows).toEqual([["", "", "3.6 Модернізація системи наявних реєстрів", "Шт.", "0"]]);
  });

  it("gives a lone fragment naming no unit to the title on the left that stops mid-phrase", () => {
    const rows = onlyTable(
      [
        `Модернізація мережі в будівлях ради, віддалених${T}Управління освіти${T}2026`,
        "",
        `${T}робочих місць і шкіл${T}`,
        `Оновлення сайту громади${T}Відділ культури${T}2026`,
        "",
        `${T}та туризму${T}`,
        `Навчання працівників${T}Відділ освіти${T}2026`,
        "",
        `${T}молоді та спорту${T}`,
      ].join("\n"),
    );
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ["Модернізація мережі в будівлях ради, віддалених робочих місць і шкіл", "Управління освіти"],
      ["Оновлення сайту громади", "Відділ культури та туризму"],
      ["Навчання працівників", "Відділ освіти молоді та спорту"],
    ]);
  });

  it("keeps a lone fragment naming a unit in the executors' cell", () => {
    const rows = onlyTable(
      [
        `Модернізація мережі віддалених${T}Управління освіти,${T}2026`,
        "",
        `${T}заклади освіти громади${T}`,
      ].join("\n"),
    );
    expect(rows[0]?.slice(0, 2)).toEqual([
      "Модернізація мережі віддалених",
      "Управління освіти, заклади освіти громади",
    ]);
  });

  it("splits a page-break continuation that also starts a new source row", () => {
    const rows = onlyTable(
      [
        `Розвиток${T}Модифікація${T}Відділ організаційно-${T}${T}Загальний обсяг, у тому числі:${T}${T}Функціонування сайту, який`,
        "",
        `сайту громади${T}офіційного сайту${T}інформаційної роботи${T}${T}державний бюджет${T}${T}відповідає дизайн-коду`,
      ].join("\n"),
    );
    expect(rows).toEqual([
      [
        "Розвиток сайту громади",
        "Модифікація офіційного сайту",
        "Відділ організаційно-інформаційної роботи",
        "",
        "Загальний обсяг, у тому числі:",
        "",
        "Функціонування сайту, який відповідає дизайн-коду",
      ],
      ["", "", "", "", "державний бюджет", "", ""],
    ]);
  });

  it("splits a continuation that carries the next numbered item", () => {
    const rows = onlyTable(
      [
        `4${T}Розвиток послуг${T}4.1. Інвентаризація${T}%`,
        "",
        `${T}населенню громади${T}4.2. Оцифрування${T}%`,
      ].join("\n"),
    );
    expect(rows).toEqual([
      ["4", "Розвиток послуг населенню громади", "4.1. Інвентаризація", "%"],
      ["", "", "4.2. Оцифрування", "%"],
    ]);
  });

  it("does not treat a source row or a new item as a continuation", () => {
    const rows = onlyTable(
      [
        `Створення систем${T}Придбання техніки${T}Відділ${T}${T}Загальний обсяг, у тому числі:`,
        `${T}${T}${T}${T}державний бюджет`,
        "",
        `${T}${T}${T}${T}районний бюджет`,
        `${T}Виготовлення табличок${T}Відділ культури`,
      ].join("\n"),
    );
    expect(rows).toHaveLength(4);
  });

  it("removes <p> and bookmark markup", () => {
    const rows = onlyTable(`<p>2.15. Облік</p>${T}<p>[bookmark: _Hlk1]Відділ</p>${T}<p>2026</p>`);
    expect(rows).toEqual([["2.15. Облік", "Відділ", "2026"]]);
  });

  it("keeps the column-number row and the source line of each row", () => {
    const [table] = tables(readTextBlocks(["", `1${T}2${T}3`, `а${T}б${T}в`].join("\n")));
    expect(table?.rows.map((row) => [row.line, row.cells.join("|")])).toEqual([
      [2, "1|2|3"],
      [3, "а|б|в"],
    ]);
  });
});

describe("hyphenation inside cells", () => {
  it.each([
    ["Стро-ки вико-нання", "Строки виконання"],
    ["цифро-візації", "цифровізації"],
    ["впровад-ження", "впровадження"],
    ["жит-лово-комунального", "житлово-комунального"],
    ["онлайн-запису", "онлайн-запису"],
    ["Дія-Центр", "Дія-Центр"],
    ["соціально-економічних", "соціально-економічних"],
    ["е-демократії", "е-демократії"],
    ["ІТ-сектору", "ІТ-сектору"],
    ["Wi-Fi", "Wi-Fi"],
    ["2026-2028", "2026-2028"],
    ["кібер- та", "кібер- та"],
    ["дизайн-коду", "дизайн-коду"],
  ])("%s → %s", (input, output) => {
    expect(joinHyphenatedWords(input)).toBe(output);
  });

  it("applies to table cells, not to paragraphs", () => {
    const blocks = readTextBlocks(["Про цифро-візацію", "", `цифро-візація${T}x`].join("\n"));
    expect(blocks[0]).toMatchObject({ kind: "paragraph", text: "Про цифро-візацію" });
    expect(tables(blocks)[0]?.rows[0]?.cells[0]).toBe("цифровізація");
  });
});

describe("annex headings", () => {
  it("end a one-cell-per-line table even without a blank line before them", () => {
    const blocks = readTextBlocks([`${T}1.`, `${T}останній рядок`, "Додаток 2", "до Програми"].join("\n"));
    expect(blocks.map((block) => block.kind)).toEqual(["table", "paragraph", "paragraph"]);
  });
});

describe("hyphen followed by a space inside cells", () => {
  it.each([
    ["Відділ організаційно- інформаційної роботи", "Відділ організаційно-інформаційної роботи"],
    ["забезпе- чення", "забезпечення"],
    ["тепло- та водопостачання", "тепло- та водопостачання"],
    ["е- квиток", "е-квиток"],
  ])("%s → %s", (input, output) => {
    expect(cleanCellText(input)).toBe(output);
  });
});
