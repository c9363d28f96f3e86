import { describe, expect, it } from "vitest";
import { walkItems } from "../../src/domain/model.js";
import { importDocument, importText } from "../../src/import/index.js";
import { wordDocument } from "../support/word-document.js";

/**
 * Task tables whose sections councils head with words of their own (issue 11): «Блок 2. Електронні
 * послуги», «Програма 3. Кібербезпека», «Складова 1», «Завдання 1. …» over items 1.1, 1.2 …, each
 * with «Разом за блоком 2» under it. The heading's shape (a word, a number, a title, no amounts) and
 * the numbers of the items under it make it a direction, whatever the word. The generator draw is
 * family 1's `HeaderShape.directionWord` (and `namePrefix` for the names printed after «Захід:»).
 */
const row = (...cells: string[]) => cells.join("\t");
const item = (number: string, title: string, amounts: string[]) =>
  row(number, title, "Відділ ІТ", "2026-2027 рр.", "Бюджет громади", ...amounts, "Результат");
const total = (label: string, amounts: string[]) => row(label, "", "", "", "", ...amounts, "");
const heading = (text: string) => row(text, "", "", "", "", "", "", "", "");

const HEADER = [
  "Завдання і заходи Програми",
  row(
    "№ з/п",
    "Назва заходу",
    "Виконавці",
    "Термін виконання",
    "Джерела фінансування",
    "Обсяг фінансування, тис. грн",
    "",
    "",
    "Очікуваний результат",
  ),
  row("", "", "", "", "", "Всього", "2026", "2027", ""),
];

/** Two sections of two items each, headed (a row per line of `head`) and totalled with the words given. */
function sections(head: (number: number) => string, totalOf: (number: number) => string): string {
  return [
    ...HEADER,
    ...head(1).split("\n").map(heading),
    item("1.1.", "Модернізація локальної мережі", ["400,0", "400,0", "-"]),
    item("1.2.", "Закупівля комп'ютерної техніки", ["1 000,0", "500,0", "500,0"]),
    total(totalOf(1), ["1 400,0", "900,0", "500,0"]),
    ...head(2).split("\n").map(heading),
    item("2.1.", "Впровадження електронної черги", ["350,0", "-", "350,0"]),
    item("2.2.", "Онлайн-запис до ЦНАП", ["150,0", "150,0", "-"]),
    total(totalOf(2), ["500,0", "150,0", "350,0"]),
    total("Всього за Програмою", ["1 900,0", "1 050,0", "850,0"]),
  ].join("\n");
}

const TITLES = ["Цифрова інфраструктура", "Електронні послуги"];
const sumFindings = (findings: { code: string }[]) =>
  findings.filter((finding) => /total|subtotal|no-direction/.test(finding.code));

describe("sections headed by a council's own word, their items numbered under them", () => {
  it.each([
    ["Блок", "Разом за блоком"],
    ["Програма", "Всього за програмою"],
    ["Складова", "Всього за складовою"],
    ["Компонент", "Разом по компоненту"],
    ["Ціль", "Разом за ціллю"],
    ["Стратегічна ціль", "Разом за стратегічною ціллю"],
    ["Завдання", "Разом за завданням"],
  ])("reads «%s N. Назва» as direction N and «%s N» as its total", (word, totalWord) => {
    const text = sections(
      (number) => `${word} ${number}. ${TITLES[number - 1]}`,
      (number) => `${totalWord} ${number}`,
    );
    const { programme, findings } = importText(text);
    expect(programme.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", TITLES[0]],
      ["2", TITLES[1]],
    ]);
    expect(programme.directions.map((direction) => direction.items.map((each) => each.number))).toEqual([
      ["1.1.", "1.2."],
      ["2.1.", "2.2."],
    ]);
    expect(programme.directions.map((direction) => direction.declaredTotals[0]?.total)).toEqual([
      140_000_000, 50_000_000,
    ]);
    expect(programme.declaredTotals.map((row) => row.total)).toEqual([190_000_000]);
    expect(sumFindings(findings)).toEqual([]);
  });

  it("tells whose a total naming the word with no number is by its sums («Всього за програмою»)", () => {
    const text = sections(
      (number) => `Програма ${number}. ${TITLES[number - 1]}`,
      () => "Всього за програмою:",
    );
    const { programme, findings } = importText(text);
    expect(programme.directions.map((direction) => direction.declaredTotals[0]?.total)).toEqual([
      140_000_000, 50_000_000,
    ]);
    expect(programme.declaredTotals.map((row) => row.total)).toEqual([190_000_000]);
    expect(sumFindings(findings)).toEqual([]);
  });

  it("reads «Складова 1» printed with no title, a dash or a colon before the title", () => {
    const heads = ["Складова 1", "Складова 2 – Електронні послуги"];
    const text = sections(
      (number) => heads[number - 1] ?? "",
      (number) => `Всього за складовою ${number}`,
    );
    const { programme, findings } = importText(text);
    expect(programme.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", ""],
      ["2", "Електронні послуги"],
    ]);
    expect(sumFindings(findings)).toEqual([]);
  });

  it("keeps «Завдання N. Назва» under a known direction heading a task over its projects", () => {
    const text = sections(
      (number) => `Напрям ${number}. ${TITLES[number - 1]}\nЗавдання ${number}. Назва завдання`,
      (number) => `Усього за напрямом ${number}`,
    );
    const { programme, findings } = importText(text);
    expect(programme.directions.map((direction) => direction.title)).toEqual(TITLES);
    expect(programme.directions.map((direction) => direction.items.map((each) => each.title))).toEqual([
      ["Назва завдання"],
      ["Назва завдання"],
    ]);
    expect(sumFindings(findings)).toEqual([]);
  });

  it("keeps a task «Завдання 1. Назва» that prints its own amounts a task, not a direction", () => {
    const text = [
      ...HEADER,
      heading("Блок 1. Цифрова інфраструктура"),
      item("", "Завдання 1. Мережа і техніка", ["1 400,0", "900,0", "500,0"]),
      item("1.1.", "Модернізація локальної мережі", ["400,0", "400,0", "-"]),
      item("1.2.", "Закупівля комп'ютерної техніки", ["1 000,0", "500,0", "500,0"]),
      total("Разом за блоком 1", ["1 400,0", "900,0", "500,0"]),
    ].join("\n");
    const { programme } = importText(text);
    expect(programme.directions.map((direction) => direction.title)).toEqual(["Цифрова інфраструктура"]);
    const titles = programme.directions.flatMap((direction) => [...walkItems(direction.items)]);
    expect(titles.map((each) => [each.number, each.title])).toContainEqual(["1", "Мережа і техніка"]);
  });

  it("reads no direction from a row alone before a known heading («Продовження додатка 1» at a page top)", () => {
    const text = sections(
      (number) =>
        number === 1 ? `Продовження додатка 1\nНапрям 1. ${TITLES[0]}` : `Напрям ${number}. ${TITLES[1]}`,
      (number) => `Усього за напрямом ${number}`,
    );
    const { programme, findings } = importText(text);
    expect(programme.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", TITLES[0]],
      ["2", TITLES[1]],
    ]);
    expect(sumFindings(findings)).toEqual([]);
  });

  it("reads no direction from a word whose items are not numbered under its number", () => {
    const text = sections(
      (number) => `Блок ${number}. ${TITLES[number - 1]}`,
      (number) => `Разом за блоком ${number}`,
    ).replace(
      /^([12])\.([12])\./gm,
      (_, direction, position) => `${(direction - 1) * 2 + Number(position)}.`,
    );
    const { programme } = importText(text);
    expect(programme.directions.map((direction) => direction.title)).not.toContain(TITLES[0]);
  });
});

/**
 * Sections headed «Блок 1», «Блок 2» … over items numbered «1)», «2)» under each, or not numbered at all:
 * no item number names its section, so the headings' run (from 1, in order, before any item, each over
 * items of its own) tells that the word heads the directions.
 */
describe("a run of headings of a council's own word over items numbered «1)» or not at all", () => {
  const listed = (numberOf: (position: number) => string) =>
    sections(
      (number) => `Блок ${number}. ${TITLES[number - 1]}`,
      (number) => `Разом за блоком ${number}`,
    ).replace(/^([12])\.([12])\./gm, (_, _direction, position) => numberOf(Number(position)));
  const asWord = (text: string) => {
    const [caption = "", ...rows] = text.split("\n");
    return wordDocument([
      { kind: "paragraph", text: caption },
      { kind: "table", rows: rows.map((line) => line.split("\t")), headerRows: 2 },
    ]);
  };
  const readers = [
    ["text", async (text: string) => importText(text)],
    ["DOCX", async (text: string) => importDocument(await asWord(text), "programme.docx")],
  ] as const;

  describe.each(readers)("in %s", (_, read) => {
    it.each([
      ["«1)», «2)»", (position: number) => `${position})`],
      ["no number", () => ""],
    ])("heads direction N by «Блок N. Назва», the items numbered %s", async (_numbering, numberOf) => {
      const { programme, findings } = await read(listed(numberOf));
      expect(programme.directions.map((direction) => [direction.number, direction.title])).toEqual([
        ["1", TITLES[0]],
        ["2", TITLES[1]],
      ]);
      expect(programme.directions.map((direction) => direction.items.map((each) => each.title))).toEqual([
        ["Модернізація локальної мережі", "Закупівля комп'ютерної техніки"],
        ["Впровадження електронної черги", "Онлайн-запис до ЦНАП"],
      ]);
      expect(programme.directions.map((direction) => direction.declaredTotals[0]?.total)).toEqual([
        140_000_000, 50_000_000,
      ]);
      expect(sumFindings(findings)).toEqual([]);
    });

    it("reads no direction from a project's stages «Етап 1.», «Етап 2.» alone in its name cell", async () => {
      // The stages come after the table's first item: no run of headings over the whole table.
      const text = [
        ...HEADER,
        item("1)", "Модернізація локальної мережі", ["400,0", "400,0", "-"]),
        item("2)", "Реконструкція приміщення ЦНАП", ["1 000,0", "500,0", "500,0"]),
        heading("Етап 1. Проєктування"),
        item("", "Розроблення проєктної документації", ["500,0", "500,0", "-"]),
        heading("Етап 2. Будівництво"),
        item("", "Будівельні роботи", ["500,0", "-", "500,0"]),
      ].join("\n");
      const { programme } = await read(text);
      expect(programme.directions.map((direction) => direction.title)).not.toContain("Проєктування");
    });

    it("reads no direction from a word whose headings do not run from 1 («Блок 2», «Блок 3»)", async () => {
      const text = listed((position) => `${position})`).replace(
        /Блок ([12])\./g,
        (_, number) => `Блок ${Number(number) + 1}.`,
      );
      const { programme } = await read(text);
      expect(programme.directions.map((direction) => direction.title)).not.toContain(TITLES[0]);
    });
  });
});

describe("«1. Назва» alone in the name cell after an empty «№» cell", () => {
  /** The sections with «N. Назва» moved from the first cell to the second. */
  const numbered = (text: string) => text.replace(/^(\d\. [^\t]*)\t/gm, "\t$1");
  const titled = (number: number) => `${number}. ${TITLES[number - 1]}`;

  it("heads direction N when the items under it are numbered N.1, N.2 …", () => {
    const text = numbered(sections(titled, (number) => `Разом за напрямом ${number}`));
    const { programme, findings } = importText(text);
    expect(programme.directions.map((direction) => [direction.number, direction.title])).toEqual([
      ["1", TITLES[0]],
      ["2", TITLES[1]],
    ]);
    expect(sumFindings(findings)).toEqual([]);
  });

  it("is no direction when the items under it are not numbered under its number", () => {
    const text = numbered(sections(titled, (number) => `Разом за напрямом ${number}`)).replace(
      /^([12])\.([12])\./gm,
      (_, direction, position) => `${(direction - 1) * 2 + Number(position) + 2}.`,
    );
    const { programme } = importText(text);
    expect(programme.directions.map((direction) => direction.title)).not.toContain(TITLES[0]);
  });
});

describe("an item's name printed after its role («Захід:», «Завдання:», «Проєкт:»)", () => {
  it("reads the name without the role word, and keeps other words before a colon", () => {
    const text = [
      ...HEADER,
      heading("Напрям 1. Цифрова інфраструктура"),
      item("1.1.", "Захід: Модернізація локальної мережі", ["400,0", "400,0", "-"]),
      item("1.2.", "проєкт: Закупівля техніки", ["500,0", "500,0", "-"]),
      item("1.3.", "Завдання:Розвиток ЦНАП", ["500,0", "-", "500,0"]),
      item("1.4.", "ЦНАП: електронна черга", ["0,0", "-", "-"]),
      item("1.5.", "Онлайн-запис. Проєкт: друга черга", ["0,0", "-", "-"]),
      total("Усього за напрямом 1", ["1 400,0", "900,0", "500,0"]),
    ].join("\n");
    const { programme } = importText(text);
    expect(programme.directions[0]?.items.map((each) => each.title)).toEqual([
      "Модернізація локальної мережі",
      "Закупівля техніки",
      "Розвиток ЦНАП",
      "ЦНАП: електронна черга",
      "Онлайн-запис. Проєкт: друга черга",
    ]);
  });
});
