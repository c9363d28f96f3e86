import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importText, NotAProgrammeError } from "../../src/import/index.js";
import { readSpacedBlocks } from "../../src/import/text/spaced.js";
import { PROPERTY_RUNS } from "./families/model.js";
import { taskTableView } from "./families/view.js";

/** Column starts: task, project, executors, deadline, source, total, 2026, 2027, 2028, result. */
const X = [0, 20, 44, 65, 79, 97, 109, 120, 131, 142];

/** A line with each text at its column's start (`[column, text]`). */
function line(...cells: [number, string][]): string {
  return cells.reduce((text, [column, cell]) => text.padEnd(X[column] ?? 0, " ") + cell, "");
}

const HEADER = [
  line(
    [0, "Назва завдання"],
    [1, "Назва проєкту"],
    [2, "Відповідальні за"],
    [3, "Строки"],
    [4, "Джерела"],
    [5, "Обсяги фінансування, тис. грн"],
    [9, "Очікувані"],
  ),
  line(
    [2, "виконання"],
    [3, "виконання"],
    [4, "фінансування"],
    [5, "Всього"],
    [6, "2026"],
    [7, "2027"],
    [8, "2028"],
    [9, "результати"],
  ),
];

/**
 * A task table aligned with spaces, as `pdftotext -layout` writes it: a header wrapped over two lines
 * with the money heading over its total and years, cells wrapped over lines, a page break (a page
 * number, a form feed, the header printed again) that cuts a row, amounts grouped by spaces.
 */
const LINES = [
  "Додаток 1",
  "Перелік завдань, проєктів на 2026-2028 роки",
  "",
  ...HEADER,
  "Пріоритетний напрям 1",
  line(
    [0, "Електронний"],
    [1, "1.1. Впровадження"],
    [2, "Відділ цифрового"],
    [3, "2026-2028"],
    [4, "Загальний обсяг,"],
    [5, "300,000"],
    [6, "100,000"],
    [7, "100,000"],
    [8, "100,000"],
    [9, "Працює СЕД"],
  ),
  line([0, "документообіг"], [1, "системи електронного"], [2, "розвитку"], [3, "роки"], [4, "у тому числі:"]),
  line([1, "документообігу"]),
  line([4, "місцевий бюджет"], [5, "300,000"], [6, "100,000"], [7, "100,000"], [8, "100,000"]),
  line(
    [1, "1.2. Оновлення"],
    [2, "Фінансовий відділ"],
    [3, "2026 рік"],
    [4, "Загальний обсяг,"],
    [5, "1 200,500"],
    [6, "1 200,500"],
    [9, "Оновлено 40"],
  ),
  line([1, "комп'ютерної"], [4, "у тому числі:"], [9, "комп'ютерів"]),
  "",
  line([4, "2"]),
  `\f${HEADER[0]}`,
  HEADER[1] ?? "",
  line([1, "техніки"], [9, "у закладах"]),
  line([4, "місцевий бюджет"], [5, "1 200,500"], [6, "1 200,500"]),
  line(
    [0, "Всього за Програмою"],
    [4, "Загальний обсяг,"],
    [5, "1 500,500"],
    [6, "1 300,500"],
    [7, "100,000"],
    [8, "100,000"],
  ),
  line([4, "у тому числі:"]),
  line([4, "місцевий бюджет"], [5, "1 500,500"], [6, "1 300,500"], [7, "100,000"], [8, "100,000"]),
];
const TABLE = LINES.join("\n");

describe("a task table aligned with spaces", () => {
  it("reads its projects, wrapped cells and a row cut by a page break", () => {
    const result = importText(TABLE);
    const [direction] = taskTableView(result.programme);
    expect(direction?.title).toBe("Електронний документообіг");
    expect(direction?.projects).toEqual([
      {
        number: "1.1",
        title: "Впровадження системи електронного документообігу",
        executors: "Відділ цифрового розвитку",
        deadline: "2026-2028 роки",
        fundingNote: null,
        funding: { local: { 2026: 10_000_000, 2027: 10_000_000, 2028: 10_000_000 } },
        result: "Працює СЕД",
      },
      {
        number: "1.2",
        title: "Оновлення комп'ютерної техніки",
        executors: "Фінансовий відділ",
        deadline: "2026 рік",
        fundingNote: null,
        funding: { local: { 2026: 120_050_000 } },
        result: "Оновлено 40 комп'ютерів у закладах",
      },
    ]);
    const coverage = result.coverage;
    expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
    expect(result.findings.filter((finding) => /^(amount|programme)\./.test(finding.code))).toEqual([]);
  });

  it("keeps two stacked rows without amounts apart when each prints its own deadline", () => {
    // Every cell of the second row is too long to have gone on the line above: only the two whole
    // deadlines, one under the other, tell that a row starts.
    const text = [
      "Додаток 1",
      "",
      ...HEADER,
      "Пріоритетний напрям 1",
      line([0, "Е-послуги"], [1, "Оновлення офіційного"], [2, "Відділ цифрового"], [3, "2026-2028 р."]),
      line([1, "Навчання працівників"], [2, "Фінансовий відділ"], [3, "2027 рік"]),
    ].join("\n");
    const [direction] = taskTableView(importText(text).programme);
    const rows = direction?.projects.map((project) => [project.title, project.executors, project.deadline]);
    expect(rows).toEqual([
      ["Оновлення офіційного", "Відділ цифрового", "2026-2028 р."],
      ["Навчання працівників", "Фінансовий відділ", "2027 рік"],
    ]);
  });

  it("goes on with a deadline wrapped in its narrow column, a new row only where a name or amounts start one", () => {
    // Generated (family 1's spelled deadlines aligned with spaces, seed 20261205): a deadline's second
    // line («2027», «по 30.11.2027», «2026-2028 років», «рік») started a row of its own; in a column as
    // wide as «по 30.11.2027», «2028» over «рік» could have fitted on one line.
    const text = [
      "Додаток 1",
      "",
      ...HEADER,
      "Пріоритетний напрям 1",
      line(
        [0, "Е-послуги"],
        [1, "1.1. Оновлення"],
        [2, "Відділ цифрового"],
        [3, "IV квартал"],
        [4, "Не потребує"],
      ),
      line([1, "сайту"], [3, "2027"], [4, "фінансування"]),
      line([1, "1.2. Навчання"], [2, "Фінансовий відділ"], [3, "з 01.03.2026"], [4, "Не потребує"]),
      line([1, "працівників"], [3, "по 30.11.2027"]),
      line([1, "1.3. Захист"], [2, "Відділ освіти"], [3, "протягом"], [4, "Не потребує"]),
      line([3, "2026-2028"], [4, "фінансування"]),
      line([3, "років"]),
      line([1, "1.4. Придбання"], [2, "Відділ освіти"], [3, "2028"], [4, "Не потребує"]),
      line([1, "серверів"], [3, "рік"], [4, "фінансування"]),
      line([1, "1.5. Створення"], [2, "ЦНАП"], [3, "2026-2028"], [4, "Не потребує"]),
      line([1, "реєстру"], [3, "роки"], [4, "фінансування"]),
    ].join("\n");
    const [direction] = taskTableView(importText(text).programme);
    expect(direction?.projects.map((project) => [project.number, project.title, project.deadline])).toEqual([
      ["1.1", "Оновлення сайту", "IV квартал 2027"],
      ["1.2", "Навчання працівників", "з 01.03.2026 по 30.11.2027"],
      ["1.3", "Захист", "протягом 2026-2028 років"],
      ["1.4", "Придбання серверів", "2028 рік"],
      ["1.5", "Створення реєстру", "2026-2028 роки"],
    ]);
  });

  it("goes on with a total's label the page break cut after «за», its rest a capital («Програмою»)", () => {
    // Generated (family 1's spelled deadlines, borderless PDF, seed 20261205): «Всього за» | «Загальний
    // обсяг, у» closed a page, and «Програмою» | «тому числі:» under the header printed again made a
    // project of its own. A preposition never ends a cell: what follows it reads on.
    const text = [
      "Додаток 1",
      "",
      ...HEADER,
      "Пріоритетний напрям 1",
      line(
        [0, "Е-послуги"],
        [1, "1.1. Оновлення"],
        [2, "Відділ цифрового"],
        [3, "2027 рік"],
        [4, "Загальний обсяг,"],
        [5, "100,000"],
        [7, "100,000"],
        [9, "Оновлено"],
      ),
      line([1, "сайту"], [4, "у тому числі:"], [9, "сайт"]),
      line([4, "місцевий бюджет"], [5, "100,000"], [7, "100,000"]),
      line([0, "Всього за"], [4, "Загальний обсяг,"], [5, "100,000"], [7, "100,000"]),
      "",
      "\f",
      ...HEADER,
      line([0, "Програмою"], [4, "у тому числі:"]),
      line([4, "місцевий бюджет"], [5, "100,000"], [7, "100,000"]),
    ].join("\n");
    const result = importText(text);
    const [direction] = taskTableView(result.programme);
    expect(direction?.projects.map((project) => [project.number, project.title])).toEqual([
      ["1.1", "Оновлення сайту"],
    ]);
    expect(result.coverage?.numbersFlagged).toBe(0);
  });

  it("goes on with a deadline the page break cut, its rest a date or a remark under the header printed again", () => {
    // Generated (family 1's spelled deadlines aligned with spaces, 1 000 runs, seeds -673775995 and
    // 876170691): «з 01.03.2026 по» | «30.11.2027» and «2026–2028» | «рр.» over «(щороку)» across a break.
    const text = [
      "Додаток 1",
      "",
      ...HEADER,
      "Пріоритетний напрям 1",
      line(
        [0, "Е-послуги"],
        [1, "1.1. Оновлення"],
        [2, "Відділ цифрового"],
        [3, "з 01.03.2026"],
        [4, "Не потребує"],
      ),
      line([1, "сайту"], [3, "по"], [4, "фінансування"]),
      "",
      "\f",
      ...HEADER,
      line([1, "порталу"], [3, "30.11.2027"]),
      line([1, "1.2. Навчання"], [2, "Фінансовий відділ"], [3, "2026–2028"], [4, "Не потребує"]),
      "",
      "\f",
      ...HEADER,
      line([1, "працівників"], [3, "рр."], [4, "фінансування"]),
      line([3, "(щороку)"]),
    ].join("\n");
    const [direction] = taskTableView(importText(text).programme);
    expect(direction?.projects.map((project) => [project.number, project.title, project.deadline])).toEqual([
      ["1.1", "Оновлення сайту порталу", "з 01.03.2026 по 30.11.2027"],
      ["1.2", "Навчання працівників", "2026–2028 рр. (щороку)"],
    ]);
  });

  it("goes on with a remark wrapped after a whole deadline, its first line an open bracket («(за» over «потреби)»)", () => {
    // Generated (family 1's spelled deadlines aligned with spaces, seed 20261205): «2026-2027» | «рр.» |
    // «(за» | «потреби)» in the narrow deadline column split the row at «(за», the name's rest with it.
    const text = [
      "Додаток 1",
      "",
      ...HEADER,
      "Пріоритетний напрям 1",
      line(
        [0, "Е-послуги"],
        [1, "1.1. Оновлення"],
        [2, "Відділ цифрового"],
        [3, "2026-2027"],
        [4, "місцевий бюджет"],
        [5, "200,000"],
        [6, "100,000"],
        [7, "100,000"],
      ),
      line([1, "офіційного"], [3, "рр."]),
      line([1, "сайту"], [3, "(за"]),
      line([3, "потреби)"]),
      line(
        [1, "1.2. Навчання"],
        [2, "Фінансовий відділ"],
        [3, "2027 рік"],
        [4, "місцевий бюджет"],
        [5, "50,000"],
        [7, "50,000"],
      ),
    ].join("\n");
    const [direction] = taskTableView(importText(text).programme);
    expect(direction?.projects.map((project) => [project.number, project.title, project.deadline])).toEqual([
      ["1.1", "Оновлення офіційного сайту", "2026-2027 рр. (за потреби)"],
      ["1.2", "Навчання", "2027 рік"],
    ]);
  });

  it("starts a row at a total's label wrapped after «за», its amounts printed blank", () => {
    // A programme funding nothing may leave its totals' amounts blank: only the label tells the row.
    const text = [
      "Додаток 1",
      "",
      ...HEADER,
      "Пріоритетний напрям 1",
      line(
        [0, "Кібербезпека та"],
        [1, "1.1. Впровадження"],
        [2, "Молодіжна рада"],
        [3, "2026-2028"],
        [4, "Не потребує"],
        [9, "Працюють"],
      ),
      line([0, "інфраструктура"], [1, "системи"], [3, "роки"], [4, "фінансування"], [9, "системи"]),
      line([0, "Всього за"], [4, "Загальний"]),
      line([0, "напрямом 1"], [4, "обсяг, у тому"]),
      line([4, "числі:"]),
      line([0, "Всього за"], [4, "Загальний"]),
      line([0, "Програмою"], [4, "обсяг, у тому"]),
      line([4, "числі:"]),
    ].join("\n");
    const [direction] = taskTableView(importText(text).programme);
    expect(direction?.title).toBe("Кібербезпека та інфраструктура");
    expect(direction?.projects.map((project) => project.fundingNote)).toEqual(["Не потребує фінансування"]);
  });

  it(`keeps ${PROPERTY_RUNS.numRuns} generated stacks of one-line rows without amounts apart by their deadlines`, () => {
    // Cells that fill their columns, so that a cell's first word seldom fits on the line above; each
    // project its own title (a row repeating the table's first row reads as a header printed again).
    const titles = [
      "Оновлення офіційного",
      "Навчання працівників",
      "Модернізація мережі",
      "Захист персональних",
    ];
    const executors = ["Фінансовий відділ", "Відділ освіти", "Відділ культури", "Загальний відділ"];
    const deadlines = ["2026-2028 р.", "2026 рік", "2027 р.", "2026–2027 рр.", "IV квартал 2026"];
    const project = fc.tuple(
      fc.constantFrom(...titles),
      fc.constantFrom(...executors),
      fc.constantFrom(...deadlines),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(project, { minLength: 2, maxLength: 4, selector: ([title]) => title }),
        (projects) => {
          const rows = projects.map(([title, executor, deadline], index) =>
            line([0, index === 0 ? "Е-послуги" : ""], [1, title], [2, executor], [3, deadline]),
          );
          const text = ["Додаток 1", "", ...HEADER, "Пріоритетний напрям 1", ...rows].join("\n");
          const [direction] = taskTableView(importText(text).programme);
          const read = direction?.projects.map((each) => [each.title, each.executors, each.deadline]);
          expect(read, text).toEqual(projects);
        },
      ),
      PROPERTY_RUNS,
    );
  });

  it("names two amounts that one space joins rather than guessing their years", () => {
    // The 2027 amount printed one space from the 2028 one: one run, in neither column for sure.
    const joined = TABLE.replace(line([7, "100,000"], [8, "100,000"]).trimStart(), "100,000 100,000");
    expect(joined).not.toBe(TABLE);
    const result = importText(joined);
    const unread = result.findings.filter((finding) => finding.code === "import.unread-number");
    // Each named at the document's line where its row starts (project 1.1's is the 7th).
    expect(LINES[6]).toMatch(/^Електронний/);
    expect(unread.map((finding) => finding.location.line)).toContain(7);
    const coverage = result.coverage;
    expect(coverage?.numbersFlagged).toBeGreaterThan(0);
    expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
  });

  it("refuses a header whose two headings only one space keeps apart", () => {
    const merged = TABLE.replace(/Назва проєкту +Відповідальні за/g, "Назва проєкту Відповідальні за");
    expect(merged).not.toBe(TABLE);
    expect(() => importText(merged)).toThrow(NotAProgrammeError);
    expect(() => importText(merged)).toThrow(/називає дві колонки/);
  });

  it("refuses a table whose row stands outside the header's columns", () => {
    const lines = [...LINES];
    // A line across the columns ends the table; the rows under it would be lost.
    lines.splice(
      9,
      0,
      "Примітка: суми за 2026-2028 роки наведено орієнтовно і можуть уточнюватися під час затвердження бюджету громади на рік",
    );
    expect(() => importText(lines.join("\n"))).toThrow(/не стає в колонки заголовка/);
  });

  it("refuses a table whose header on a later page makes other columns", () => {
    // The year row under the header printed again was cut off: that page's columns are not the first's.
    const lines = LINES.filter((text, index) => !(index > 5 && text === HEADER[1]));
    expect(lines.length).toBe(LINES.length - 1);
    expect(() => importText(lines.join("\n"))).toThrow(/на сторінці 2 має інші колонки/);
  });

  it("refuses an amount that stands under none of the headings, rather than guess its column", () => {
    // Project 1.1's 2026 amount printed at the right of its column, clear of the `2026` heading.
    const row = line(
      [0, "Електронний"],
      [1, "1.1. Впровадження"],
      [2, "Відділ цифрового"],
      [3, "2026-2028"],
      [4, "Загальний обсяг,"],
      [5, "300,000"],
    );
    const tail = line([7, "100,000"], [8, "100,000"], [9, "Працює СЕД"]);
    const at = (X[6] ?? 0) + 5;
    const shifted = `${row.padEnd(at, " ")}5,00${tail.slice(at + 4)}`;
    expect(shifted.indexOf("5,00")).toBe((X[6] ?? 0) + 5);
    const lines = [...LINES];
    lines[6] = shifted;
    expect(() => importText(lines.join("\n"))).toThrow(/не під заголовком своєї колонки/);
  });

  it("refuses a line of more runs than a table row may have cells, as the tab reader does", () => {
    const wide = Array.from({ length: 1_500 }, () => "1").join("  ");
    expect(() => importText([...LINES.slice(0, 6), wide].join("\n"))).toThrow(/понад 1000 клітинок/);
  });

  it.each([
    ["", false],
    [", and the column numbers under them, the header printed again whole after the page break", true],
  ])(
    "reads the same table under headings wrapped over lines: a wide total heading, «у т.ч. за роками», «2026» over «рік»%s",
    (_, numbers) => {
      const wrapped = [
        line(
          [0, "Назва завдання"],
          [1, "Назва проєкту,"],
          [2, "Відповідальні за"],
          [3, "Строки"],
          [4, "Джерела"],
          [5, "Загальний обсяг фінансування,"],
          [9, "Очікувані"],
        ),
        line(
          [1, "робіт з"],
          [2, "виконання"],
          [3, "виконання"],
          [4, "фінансування"],
          [5, "тис. грн"],
          [9, "результати"],
        ),
        line([1, "інформатизації"], [5, "Всього"], [6, "у тому числі за роками"]),
        line([6, "2026"], [7, "2027"], [8, "2028"]),
        line([6, "рік"], [7, "рік"], [8, "рік"]),
        ...(numbers ? [line(...X.map((_, column): [number, string] => [column, String(column + 1)]))] : []),
      ];
      const text = LINES.flatMap((each) => {
        if (each === HEADER[0]) return wrapped;
        if (each === `\f${HEADER[0]}`) return [`\f${wrapped[0]}`, ...wrapped.slice(1)];
        return each === HEADER[1] ? [] : [each];
      }).join("\n");
      const result = importText(text);
      expect(taskTableView(result.programme)).toEqual(taskTableView(importText(TABLE).programme));
      const coverage = result.coverage;
      expect(coverage?.numbersFlagged).toBe(0);
      expect(coverage?.numbersSeen).toBe(coverage?.numbersPlaced);
    },
  );

  it("drops a six-line header printed again whole and goes on with the source label it cut («державний» | «бюджет»)", () => {
    const header = [
      line(
        [0, "Назва завдання"],
        [1, "Назва проєкту"],
        [2, "Виконавці"],
        [3, "Строки"],
        [4, "Джерела"],
        [5, "Обсяги фінансування,"],
        [9, "Очікувані"],
      ),
      line([3, "виконання"], [4, "фінансування"], [5, "тис. грн"], [9, "результати"]),
      line([5, "Всього"], [6, "у тому числі за роками"]),
      line([6, "2026"], [7, "2027"], [8, "2028"]),
      line([6, "рік"], [7, "рік"], [8, "рік"]),
      line(...X.map((_, column): [number, string] => [column, String(column + 1)])),
    ];
    const amounts = (...cells: [number, string][]) =>
      line(
        ...[
          ...cells,
          ...[5, 6, 7, 8].map((column): [number, string] => [column, column === 5 ? "300,000" : "100,000"]),
        ].sort(([a], [b]) => a - b),
      );
    const text = [
      ...header,
      "Пріоритетний напрям 1",
      amounts(
        [0, "Електронний"],
        [1, "1.1. Впровадження СЕД"],
        [2, "Відділ освіти"],
        [3, "2026-2028"],
        [4, "Загальний обсяг,"],
        [9, "Працює СЕД"],
      ),
      line([0, "документообіг"], [4, "у тому числі:"]),
      amounts([4, "державний бюджет"]),
      amounts([0, "Всього за Програмою"], [4, "Загальний обсяг,"]),
      line([4, "у тому числі:"]),
      amounts([4, "державний"]),
      "",
      `\f${header[0]}`,
      ...header.slice(1),
      line([4, "бюджет"]),
    ].join("\n");
    const result = importText(text);
    expect(result.programme.declaredTotals.map((row) => [row.source, row.label])).toEqual([
      ["total", "Загальний обсяг, у тому числі:"],
      ["state", "державний бюджет"],
    ]);
    expect(result.findings.filter((finding) => /^(amount|programme)\./.test(finding.code))).toEqual([]);
  });

  it("leaves text without such a header to the other readers", () => {
    expect(readSpacedBlocks("Програма\n\nПросто  текст  з  подвійними  пробілами\n")).toBeNull();
    expect(readSpacedBlocks("Назва завдання;Назва проєкту;Джерела фінансування\n")).toBeNull();
  });
});

/** The rows of the space-aligned tables in a text, as cells. */
function tableRows(text: string): string[][] {
  return (readSpacedBlocks(text) ?? []).flatMap((block) =>
    block.kind === "table" ? block.rows.map((row) => row.cells) : [],
  );
}

/** An indicator annex's header on one line, wide columns, targets in one cell («Цільове значення»). */
const ANNEX_HEADER =
  "№ з/п   Назва пріоритету  Назва індикатора  Одиниця виміру  Спосіб розрахунку  Базове значення  Цільове значення  Динаміка";
const annexLine = (...cells: [number, string][]): string =>
  cells.reduce((text, [at, cell]) => text.padEnd(at, " ") + cell, "");
/** Column starts of ANNEX_HEADER. */
const A = [0, 8, 26, 44, 60, 79, 96, 114] as const;

describe("an indicator annex aligned with spaces", () => {
  it("reads the row under a one-line header as a row, not as the header's wrapped rest", () => {
    // Each header cell is its column's widest text: every cell of the row under it could have wrapped
    // (none is an amount: a footnote's mark, targets in one cell).
    const rows = tableRows(
      [
        ANNEX_HEADER,
        annexLine(
          [A[0], "1"],
          [A[1], "Цифрове"],
          [A[2], "Кількість"],
          [A[3], "одиниць"],
          [A[4], "$A$"],
          [A[5], "0***"],
          [A[6], "2026 – 7;"],
        ),
        annexLine([A[1], "врядування"], [A[6], "2027 – 9"]),
      ].join("\n"),
    );
    expect(rows).toEqual([
      [
        "№ з/п",
        "Назва пріоритету",
        "Назва індикатора",
        "Одиниця виміру",
        "Спосіб розрахунку",
        "Базове значення",
        "Цільове значення",
        "Динаміка",
      ],
      ["1", "Цифрове врядування", "Кількість", "одиниць", "$A$", "0***", "2026 – 7; 2027 – 9", ""],
    ]);
  });

  it("goes on with a targets cell wrapped after a year's label, its dash, or inside a value", () => {
    const rows = tableRows(
      [
        ANNEX_HEADER,
        annexLine(
          [A[0], "1"],
          [A[1], "Цифрове"],
          [A[2], "Кількість"],
          [A[3], "одиниць"],
          [A[4], "$A$"],
          [A[5], "0"],
          [A[6], "у 2026 році"],
        ),
        annexLine([A[1], "врядування"], [A[2], "послуг"], [A[6], "–"]),
        annexLine([A[6], "1 000;"]),
        annexLine([A[6], "2027 – 0; 2028"]),
        annexLine([A[6], "– 0"]),
        annexLine(
          [A[2], "Кількість осіб"],
          [A[3], "осіб"],
          [A[4], "$B$"],
          [A[5], "5"],
          [A[6], "2026: 1 000;"],
        ),
        annexLine([A[6], "2027: 120 000"]),
        annexLine([A[6], "000"]),
        "",
        "*** – дані за попередній рік",
      ].join("\n"),
    );
    expect(rows.slice(1)).toEqual([
      [
        "1",
        "Цифрове врядування",
        "Кількість послуг",
        "одиниць",
        "$A$",
        "0",
        "у 2026 році – 1 000; 2027 – 0; 2028 – 0",
        "",
      ],
      ["", "", "Кількість осіб", "осіб", "$B$", "5", "2026: 1 000; 2027: 120 000 000", ""],
    ]);
  });

  it("keeps the column-number row apart from the header printed again over a row of short cells", () => {
    // On the new page (generated: family 4 aligned with spaces) no cell under the header is as wide as
    // its heading, as on the first page the name of the priority is: «Назва пріоритету 2» fits its
    // column as a heading's wrapped rest would, but a column-number row is a row of its own, and the
    // header printed again is dropped whole.
    const header =
      "№ з/п             Назва пріоритету    Назва індикатора  Одиниця виміру    Спосіб розрахунку   Базове значення   Цільове значення  Динаміка (+/-, %)";
    const rows = tableRows(
      [
        header,
        "1                 2                   3                 4                 5                   6                 7                 8",
        "1                 Цифрове врядування  Кількість         одиниць           $A$, де А –         1000              2027 – 0; 2028 –",
        "                                      цифрових                            показник 1.1                          1000",
        "                                      цифрових",
        `\f${header}`,
        "1                 2                   3                 4                 5                   6                 7                 8",
        "                                      Наявність         Так/Ні            -                   Так               2027 – Так; 2028",
        "                                      цифрових                                                                  – Так",
        "                                      цифрових",
      ].join("\n"),
    );
    expect(rows.map((cells) => cells[1])).toEqual(["Назва пріоритету", "2", "Цифрове врядування", ""]);
    expect(rows.at(-1)?.[2]).toBe("Наявність цифрових цифрових");
  });

  it("keeps an amount's last group alone under the header printed again, as no page number", () => {
    // Generated (family 4 aligned with spaces, seed 943899447): the page break cut «1 000» after «1»;
    // a page is never numbered «000».
    const header = [
      "№ з/п         Назва         Найменування       Одиниця       Спосіб        Базове        Цільове значення   Динаміка",
      "              пріоритету    індикатора         виміру        розрахунку    значення                         (+/-, %)",
    ];
    const rows = tableRows(
      [
        ...header,
        "                            Кількість          одиниць       $A$, де А –   1 000***      у 2025 році – 100",
        "                            цифрових цифрових                показник 1.1                000; у 2026 році",
        "                                                                                         – 100 000 000***;",
        "                                                                                         у 2027 році – 1",
        ...header,
        "                                                                                         000",
      ].join("\n"),
    );
    expect(rows.at(-1)?.[6]).toBe("у 2025 році – 100 000; у 2026 році – 100 000 000***; у 2027 році – 1 000");
  });

  it("goes on with a list's value under its dash alone, its year's label left on the page before", () => {
    // Generated (family 4 aligned with spaces, seed 349947599): the page break cut «у 2026 році» |
    // «–» over «1000000000, у 2027 році …».
    const header = [
      "№ з/п         Назва           Найменування  Одиниця       Спосіб        Базове        Цільове       Динаміка",
      "              пріоритету      індикатора    виміру        розрахунку    значення      значення      (+/-, %)",
    ];
    const rows = tableRows(
      [
        ...header,
        "2             Цифрові         Кількість     одиниць       $A$, де А –   1000          у 2026 році",
        ...header,
        "              послуги для     цифрових                    показник 2.1                –",
        "              мешканців       цифрових                                                1000000000,",
        "                                                                                      у 2027 році",
        "                                                                                      – 0, у 2028",
        "                                                                                      році – 0, у",
        "                                                                                      2029 році –",
        "                                                                                      1000",
      ].join("\n"),
    );
    expect(rows.slice(1).map((cells) => cells[6])).toEqual([
      "у 2026 році – 1000000000, у 2027 році – 0, у 2028 році – 0, у 2029 році – 1000",
    ]);
  });

  it("goes on with an unnumbered indicator under the header printed again, its year's label cut before its dash", () => {
    // Generated (family 4 aligned with spaces, 1 000 runs, seed -815197676): the page break cut the last
    // indicator, one with no number, after «у 2028 році»; its name, formula and the dash with its value
    // go on under the header printed again, in their columns.
    const header = [
      "№ з/п              Назва         Найменування    Одиниця виміру     Спосіб        Базове        Цільове значення   Динаміка",
      "                   пріоритету    індикатора                         розрахунку    значення                         (+/-, %)",
    ];
    const rows = tableRows(
      [
        ...header,
        "2                  Цифрові       Кількість       одиниць            $A$, де А –   1000          у 2027 році –",
        "                   послуги для   цифрових                           показник 2.1                1000; у 2028 році",
        "                   мешканців     цифрових                                                       – 1000",
        "                                 % цифрових      %                  $(A/B)*100$,  0             у 2027 році –",
        "                                 цифрових                           де А –                      3,57; у 2028 році",
        ...header,
        "                                 документообігу                     показник                    – 0",
        "                                                                    2.2, В –",
        "                                                                    показник 2.3",
        "",
        "*** – дані за попередній рік",
      ].join("\n"),
    );
    expect(rows.slice(1)).toEqual([
      [
        "2",
        "Цифрові послуги для мешканців",
        "Кількість цифрових цифрових",
        "одиниць",
        "$A$, де А – показник 2.1",
        "1000",
        "у 2027 році – 1000; у 2028 році – 1000",
        "",
      ],
      [
        "",
        "",
        "% цифрових цифрових документообігу",
        "%",
        "$(A/B)*100$, де А – показник 2.2, В – показник 2.3",
        "0",
        "у 2027 році – 3,57; у 2028 році – 0",
        "",
      ],
    ]);
  });

  it("goes on with a cut row whose rest under the header printed again starts with a capital («Wi-Fi»)", () => {
    // Generated (family 4 aligned with spaces, rows cut at any word, 1 000 runs, seed -889009837): the
    // rest names no row and leaves the unit, the baseline and the values to the row it goes on with.
    const monitoring = [
      "№ з/п         Найменування        Одиниця       Джерело даних     Базове значення     Значення за",
      "              показника           виміру                                              роками",
      "                                                                                      2026          2027          2028",
    ];
    const variables = tableRows(
      [
        ...monitoring,
        "2.3           Кількість цифрових  одиниць       Інвентаризаційна  1000                0             1000          0",
        "              цифрових цифрових                 відомість",
        "3.1           Кількість цифрових  одиниць       Інвентаризаційна  0                   0             0             0",
        ...monitoring,
        "              Wi-Fi цифрових                    відомість",
        "3.2           Загальна кількість  одиниць       Звіт відділу      1                   1             1             1",
        "              цифрових Wi-Fi                    цифрового",
      ].join("\n"),
    );
    expect(
      variables
        .filter((cells) => /^\d\.\d$/.test(cells[0] ?? ""))
        .map((cells) => [cells[0], cells[1], cells[3]]),
    ).toEqual([
      ["2.3", "Кількість цифрових цифрових цифрових", "Інвентаризаційна відомість"],
      ["3.1", "Кількість цифрових Wi-Fi цифрових", "Інвентаризаційна відомість"],
      ["3.2", "Загальна кількість цифрових Wi-Fi", "Звіт відділу цифрового"],
    ]);
    const annex = [
      "№ з/п         Назва пріоритету      Найменування  Одиниця       Спосіб розрахунку   Базове        Цільове значення",
      "                                    індикатора    виміру                            значення",
    ];
    const indicators = tableRows(
      [
        ...annex,
        "3             Кібербезпека та       % цифрових    %             $(A/B)*100$, де А   0             2026 – 0; 2027 – 5",
        "              інфраструктура        цифрових                    – показник 3.1, В",
        ...annex,
        "                                    Wi-Fi                       – показник 3.2",
        "                                    Кількість     одиниць       $A$, де А –         0             2026 – 0; 2027 – 1",
        "                                    цифрових                    показник 3.3",
      ].join("\n"),
    );
    expect(indicators.slice(1).map((cells) => [cells[2], cells[4]])).toEqual([
      ["% цифрових цифрових Wi-Fi", "$(A/B)*100$, де А – показник 3.1, В – показник 3.2"],
      ["Кількість цифрових", "$A$, де А – показник 3.3"],
    ]);
  });

  it("still drops a page number that stands apart from the rows", () => {
    const rows = tableRows(
      [
        ANNEX_HEADER,
        annexLine(
          [A[0], "1"],
          [A[1], "Цифрове"],
          [A[2], "Кількість"],
          [A[3], "одиниць"],
          [A[4], "$A$"],
          [A[5], "0"],
          [A[6], "2026 – 7"],
        ),
        "",
        annexLine([50, "– 2 –"]),
        `\f${ANNEX_HEADER}`,
        annexLine([A[2], "Кількість осіб"], [A[3], "осіб"], [A[4], "$B$"], [A[5], "5"], [A[6], "2026 – 8"]),
      ].join("\n"),
    );
    expect(rows.map((cells) => cells[6])).toEqual(["Цільове значення", "2026 – 7", "2026 – 8"]);
  });
});
