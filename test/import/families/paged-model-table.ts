import fc from "fast-check";
import type { MoneyUnit } from "../../../src/domain/money.js";
import type { WordBlock, WordCell } from "../../support/word-document.js";
import {
  cutExecutors,
  executorGapsModel,
  oneYearModel,
  printAmount,
  printExecutors,
  type TaskTableModel,
  taskTableModel,
  withSpelledDeadlines,
  yearTotal,
} from "./model.js";
import type { ProjectView } from "./view.js";
import { type PageBreakMode, pageBreakMode, WordSketch } from "./word.js";

/**
 * Family 1, the Ministry's model table (order No. 160) exported from Word with page breaks: one
 * tab-separated row per line; a column-number row after the header and after every page break;
 * `Пріоритетний напрям N` rows with the direction's title in the first cell of its first project row;
 * `Загальний обсяг, у тому числі:` then source rows, some shifted left or starting in the first cell;
 * rows split by a page break that continue the title, the executors and the result; direction and
 * programme totals. Executors are joined by ", ", « та », « і », «/» or «; », units or people.
 */
export interface PagedStyle {
  numbering: "dot" | "bare" | "bracket" | "none";
  headers: { project: string; executors: string; deadline: string; money: string; result: string };
  totalWord: string;
  yearSuffix: string;
  grouped: boolean;
  zero: string;
  /** Per generated row, in order: whether a page break comes before it. Reused cyclically. */
  breaks: boolean[];
  /**
   * Per source row: where its cells sit ("gap": the amounts run on `gap` cells right of their columns,
   * as a row whose merged cells the export wrote out one by one). Reused cyclically.
   */
  shifts: ("none" | "left" | "first-cell" | "gap")[];
  gap: number;
  /** Per project: split its title, executors and result across a page break. Reused cyclically. */
  splits: boolean[];
  localLabel: string;
  otherLabel: string;
  directionTotals: boolean;
  /** How the page breaks show in the DOCX rendering. */
  pageBreaks: PageBreakMode;
  /** Other header shapes councils print (absent: the task and project columns, a two-row header). */
  headerShape?: HeaderShape;
}

/**
 * One name column (the task and project in one: "Найменування завдання, проєкту") after a "№ з/п"
 * column that holds the numbers, the direction's title in its heading row; and/or the amounts' header
 * in three rows: "Всього" beside "у т.ч. за роками:" over the row of years; and/or the source column
 * after the amount columns.
 */
export interface HeaderShape {
  oneName: string | null;
  /** With one name column: "Пріоритетний напрям 1. Назва", "1. Назва" or "НАЗВА" (capitals, no number). */
  directionHeading: "named" | "numbered" | "capitals";
  including: string | null;
  /** Totals that name neither the direction nor the programme: "Разом:" under each, "Усього:" last. */
  bareTotals: boolean;
  /**
   * With one name column: a heading row "Завдання N. Назва" over the direction's projects (as one task),
   * and, where the style prints totals, "Разом за завданням N" under them.
   */
  taskHeadings: boolean;
  /** The amounts' headings as some councils word them: «Сума, всього» and «2026 рік (тис. грн)». */
  wordyAmounts: boolean;
  /**
   * With the task and project columns: a `№` column before them numbering every project's row through
   * the table (`1.`, `2.`, … — the projects' numbers, none printed in the project cell), each direction's
   * one task named in its task cell on its first row or on every row (`repeatTask`), the direction's
   * title in its heading row.
   */
  rowNumbers: boolean;
  /**
   * The `№` column's numbers (`rowNumbers`) in the DOCX as Word's automatic numbering (w:numPr, one
   * «%1.» list over the table) instead of typed text; the text rendering prints them all the same.
   */
  autoNumbers?: boolean;
  repeatTask: boolean;
  /** The amounts' heading names the total: «Загальний обсяг фінансування, тис. грн» over the total and the years. */
  wideTotal: boolean;
  /** What a direction's heading row calls it, and its total after it: «Розділ 1. Назва», «Разом по розділу 1». */
  directionWord: DirectionWord;
  /** The total's heading beside «у т.ч. за роками» in lowercase («усього»), as a sub-heading. */
  lowerTotal: boolean;
  /**
   * The amounts in million UAH: «млн грн» wherever the headings say «тис. грн», each amount a whole
   * number of thousands of UAH printed with three decimals («0,125»), as councils print millions.
   */
  millions?: boolean;
  /** A word naming the item's role before each project's name: «Захід: Назва», «Проєкт: Назва». */
  namePrefix: string;
  /** «Джерела фінансування» printed after the amount columns, before the result (no source row shifted). */
  sourceAfterAmounts: boolean;
}

/**
 * The words the importer knows, and words of councils' own («Блок 2. Назва», «Разом за блоком 2»)
 * that head a direction by the table's shape: their projects are numbered N.1, N.2 …, or «1)» or not
 * at all under a run of headings «Блок 1», «Блок 2» … (`fitWord`).
 */
const KNOWN_WORDS = ["Пріоритетний напрям", "Напрям", "Розділ", "Підпрограма"] as const;
const SECTION_WORDS = ["Блок", "Програма", "Складова", "Компонент", "Стратегічна ціль", "Завдання"] as const;
type DirectionWord = (typeof KNOWN_WORDS)[number] | (typeof SECTION_WORDS)[number];
const DIRECTION_TOTAL: Record<DirectionWord, string> = {
  "Пріоритетний напрям": "Всього за напрямом",
  Напрям: "Усього за напрямом",
  Розділ: "Разом по розділу",
  Підпрограма: "Разом по підпрограмі",
  Блок: "Разом за блоком",
  Програма: "Всього по програмі",
  Складова: "Всього за складовою",
  Компонент: "Разом по компоненту",
  "Стратегічна ціль": "Разом за стратегічною ціллю",
  Завдання: "Разом за завданням",
};

/** The amounts' heading where it names the total (`HeaderShape.wideTotal`). */
const WIDE_TOTAL = "Загальний обсяг фінансування, тис. грн";

export const headerShape: fc.Arbitrary<HeaderShape> = fc.record({
  oneName: fc.constantFrom(
    null,
    "Найменування завдання, проєкту",
    "Найменування проєкту",
    "Зміст заходу (проєкту)",
    "Найменування заходу",
    "Назва проєкту, робіт з інформатизації",
  ),
  directionHeading: fc.constantFrom("named", "numbered", "capitals"),
  including: fc.constantFrom(
    null,
    "у т.ч. за роками:",
    "у тому числі за роками",
    "з них:",
    "в т.ч. по роках",
  ),
  bareTotals: fc.boolean(),
  taskHeadings: fc.boolean(),
  wordyAmounts: fc.boolean(),
  rowNumbers: fc.boolean(),
  repeatTask: fc.boolean(),
  directionWord: fc.constantFrom<DirectionWord>(...KNOWN_WORDS, ...SECTION_WORDS),
  lowerTotal: fc.boolean(),
  wideTotal: fc.boolean(),
  millions: fc.boolean(),
  namePrefix: fc.constantFrom("", "Захід: ", "Проєкт: ", "Завдання: "),
  sourceAfterAmounts: fc.boolean(),
});

/**
 * A word of the council's own heads a direction only where its heading prints the word and its
 * projects print numbers under the direction's (N.1, N.2 …, not a count through the table), or, in
 * half such documents (by the parity of the drawn `gap`: no draw of its own, so the samples other
 * properties draw stay as they were), numbers «1)», «2)» … under each heading or none, its headings
 * «<word> 1», «<word> 2» … a run of two or more; elsewhere the document uses a known word. «Завдання»
 * as the direction word prints no task headings.
 */
function fitWord(shape: HeaderShape, style: PagedStyle, directions: number): HeaderShape {
  const known = (KNOWN_WORDS as readonly string[]).includes(shape.directionWord);
  const printsWord = shape.oneName === null || shape.directionHeading === "named";
  const numbered = (style.numbering === "dot" || style.numbering === "bare") && !shape.rowNumbers;
  const listed =
    (style.numbering === "bracket" || style.numbering === "none") &&
    !shape.rowNumbers &&
    directions >= 2 &&
    style.gap % 2 === 1;
  const directionWord = known || (printsWord && (numbered || listed)) ? shape.directionWord : "Напрям";
  return { ...shape, directionWord, taskHeadings: shape.taskHeadings && directionWord !== "Завдання" };
}

export const pagedStyle: fc.Arbitrary<PagedStyle> = fc
  .record({
    numbering: fc.constantFrom("dot", "bare", "bracket", "none"),
    headers: fc.record({
      project: fc.constantFrom(
        "Назва проєкту, робіт з інформатизації",
        "Назва проекту",
        "Назва заходу (проєкту)",
      ),
      executors: fc.constantFrom("Відповідальні за виконання", "Виконавці"),
      deadline: fc.constantFrom("Строки виконання", "Термін виконання"),
      money: fc.constantFrom("Обсяги фінансування, тис. грн", "Обсяг фінансування (тис. грн)"),
      result: fc.constantFrom("Очікувані результати", "Очікуваний результат"),
    }),
    totalWord: fc.constantFrom("Всього", "Усього"),
    yearSuffix: fc.constantFrom("", " р.", " рік"),
    grouped: fc.boolean(),
    zero: fc.constantFrom("", "-", "0,000"),
    breaks: fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }),
    shifts: fc.array(fc.constantFrom("none", "none", "left", "first-cell", "gap"), {
      minLength: 1,
      maxLength: 20,
    }),
    gap: fc.integer({ min: 1, max: 12 }),
    splits: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
    localLabel: fc.constantFrom("місцевий бюджет", "бюджет громади", "Місцевий бюджет"),
    otherLabel: fc.constantFrom("інші джерела", "Інші джерела"),
    directionTotals: fc.boolean(),
    pageBreaks: pageBreakMode,
  })
  .map((style) => ({ ...style, localLabel: councilBudget(style.localLabel, style.gap) }));

/**
 * The local budget as a council names its own (a settlement's budget, a city budget's general fund) in
 * a quarter of the documents, by the drawn gap (no new draw: seeded samples keep their other values).
 */
function councilBudget(label: string, gap: number): string {
  if (gap % 4 !== 0) return label;
  return label === "бюджет громади" ? "кошти загального фонду міського бюджету" : "Селищний бюджет";
}

const SOURCE_LABEL = { state: "державний бюджет" } as const;

/** The one task of each direction where a `№` column numbers the rows (`HeaderShape.rowNumbers`). */
const TASK_NAMES = [
  "Розвиток цифрових послуг",
  "Цифрова інфраструктура громади",
  "Кібербезпека та захист даних",
];

function at<T>(list: T[], index: number): T {
  return list[index % list.length] as T;
}

const twice = (cells: string[]) => ({ text: cells, word: cells });

function numbered(style: PagedStyle, number: string, title: string): string {
  const printed = printedNumber(style, number);
  return printed ? `${printed} ${title}` : title;
}

function printedNumber(style: PagedStyle, number: string): string {
  if (style.numbering === "dot") return `${number}.`;
  if (style.numbering === "bare") return number;
  if (style.numbering === "bracket") return `${number.split(".")[1] ?? ""})`;
  return "";
}

/** Splits text after its first word, so that the rest starts mid-sentence (lowercase). */
export function splitText(text: string): [string, string] {
  const words = text.split(" ");
  if (words.length < 3) return [text, ""];
  const cut = Math.ceil(words.length / 2);
  return [words.slice(0, cut).join(" "), words.slice(cut).join(" ")];
}

class PagedRenderer {
  private readonly lines: string[] = [];
  readonly word = new WordSketch();
  private row = 0;
  private sourceRow = 0;
  private project = 0;

  constructor(
    private readonly model: TaskTableModel,
    private readonly style: PagedStyle,
  ) {}

  /** The `№` column that numbers the rows (`HeaderShape.rowNumbers`), before the task column. */
  private get extra(): number {
    return this.style.headerShape?.rowNumbers ? 1 : 0;
  }

  /** Where the source column stands in a row of the usual order (after the task, project, executors, deadline). */
  private get sourceAt(): number {
    return 4 + this.extra;
  }

  /**
   * A row of the usual order as the table prints it: with `sourceAfterAmounts`, its source cell moved
   * after the amounts; a row of another width (a heading's merged cell) as it is.
   */
  private order<T>(cells: T[], amountCells = this.model.years.length + 1): T[] {
    const width = this.width - (this.model.years.length + 1) + amountCells;
    if (!this.style.headerShape?.sourceAfterAmounts || cells.length !== width) return cells;
    const at = this.sourceAt;
    const source = cells[at] as T;
    const amounts = cells.slice(at + 1, at + 1 + amountCells);
    return [...cells.slice(0, at), ...amounts, source, ...cells.slice(at + 1 + amountCells)];
  }

  private get width(): number {
    return 6 + this.model.years.length + 1 + this.extra;
  }

  /** The running number of the project rows, where the `№` column numbers them. */
  private rowNumber = 0;

  private columnNumberCells(): string[] {
    return Array.from({ length: this.width }, (_, index) => String(index + 1));
  }

  private columnNumbers(): string {
    return this.columnNumberCells().join("\t");
  }

  /** A data row, after a page break when the style puts one here; `word` is the row as the DOCX has it. */
  private push(cells: string[], word: WordCell[] = cells, number = ""): void {
    if (this.extra) {
      cells = [number, ...cells];
      word = [this.rowNumberCell(number), ...word];
    }
    cells = this.order(cells);
    word = this.order(word);
    if (at(this.style.breaks, this.row) && this.row > 0) {
      this.lines.push("", this.columnNumbers());
      this.word.pageBreak(this.style.pageBreaks, [this.columnNumberCells()]);
    }
    this.row++;
    this.lines.push(cells.join("\t"));
    this.word.row(word);
  }

  /** The `№` cell of a row in the DOCX: the typed number, or Word's own (`HeaderShape.autoNumbers`). */
  private rowNumberCell(number: string): WordCell {
    if (!this.style.headerShape?.autoNumbers || number === "") return number;
    return { text: "", list: { id: "row-numbers", format: "%1." } };
  }

  private amounts(byYear: (year: string) => number): string[] {
    const values = this.model.years.map(byYear);
    const total = values.reduce((sum, value) => sum + value, 0);
    return [total, ...values].map((kopecks) =>
      kopecks === 0 ? this.style.zero : printAmount(kopecks, this.unit, this.style.grouped),
    );
  }

  /** A source row's cells in the text, and in the DOCX, whose row fits its grid (no "gap" there). */
  private sourceCells(label: string, amounts: string[]): { text: string[]; word: string[] } {
    const shifted = at(this.style.shifts, this.sourceRow++);
    const shift = this.style.headerShape?.sourceAfterAmounts ? "none" : shifted;
    const placed = ["", "", "", "", label, ...amounts, ""];
    if (shift === "left") return twice(["", "", "", label, ...amounts, "", ""]);
    if (shift === "first-cell") return twice([label, "", "", "", ...amounts, "", ""]);
    if (shift === "gap")
      return {
        text: ["", "", "", "", label, ...Array(this.style.gap).fill(""), ...amounts, ""],
        word: placed,
      };
    return twice(placed);
  }

  private labelOf(source: string): string {
    if (source === "local") return this.style.localLabel;
    if (source === "other") return this.style.otherLabel;
    return SOURCE_LABEL[source as keyof typeof SOURCE_LABEL] ?? source;
  }

  private get unit(): MoneyUnit {
    return this.style.headerShape?.millions ? "million" : "thousand";
  }

  /** A heading in the table's unit: «тис. грн» as written, or «млн грн». */
  /**
   * A one-row header in a third of the documents with no «у т.ч. за роками» row (by the drawn gap: no
   * draw of its own): the amounts' heading over the total's column, the years beside it.
   */
  private flatHeader(): boolean {
    const shape = this.style.headerShape;
    return shape !== undefined && shape.including === null && this.style.gap % 3 === 0;
  }

  private inUnit(heading: string): string {
    return this.unit === "million" ? heading.replace("тис. грн", "млн грн") : heading;
  }

  render(): string {
    const { style, model } = this;
    const wordy = style.headerShape?.wordyAmounts === true;
    const years = model.years.map(
      (year) => `${year}${wordy ? this.inUnit(" рік (тис. грн)") : style.yearSuffix}`,
    );
    const totalWord = wordy ? "Сума, всього" : style.totalWord;
    const subTotalWord = style.headerShape?.lowerTotal ? totalWord.toLowerCase() : totalWord;
    const title = `Перелік завдань, проєктів, робіт з інформатизації на ${model.years[0]}-${model.years.at(-1)} роки`;
    const shape = style.headerShape;
    const moneyHeading = this.inUnit(shape?.wideTotal ? WIDE_TOTAL : style.headers.money);
    const blanks = model.years.map(() => "");
    const lead = this.extra ? [""] : [];
    const flat = this.flatHeader();
    const naming = [
      ...(this.extra ? ["№"] : []),
      shape?.oneName ? "№ з/п" : "Назва завдання",
      shape?.oneName ?? style.headers.project,
      style.headers.executors,
      style.headers.deadline,
      "Джерела фінансування",
      moneyHeading,
      ...(flat ? years : blanks),
      style.headers.result,
    ];
    const amountRows = flat
      ? []
      : shape?.including
        ? [
            [...lead, "", "", "", "", "", subTotalWord, shape.including, ...blanks.slice(1), ""],
            [...lead, "", "", "", "", "", "", ...years, ""],
          ]
        : [[...lead, "", "", "", "", "", totalWord, ...years, ""]];
    const header = [...[naming, ...amountRows].map((cells) => this.order(cells)), this.columnNumberCells()];
    this.lines.push("Додаток 1", title, "", ...header.map((cells) => cells.join("\t")));
    this.word.paragraph("Додаток 1");
    this.word.paragraph(title);
    // The money heading spans the total and the year columns; "у т.ч. за роками" spans the years.
    const money = { text: moneyHeading, span: model.years.length + 1 };
    const wordAmountRows: WordCell[][] = shape?.including
      ? [
          [
            ...lead,
            ...["", "", "", "", "", subTotalWord],
            { text: shape.including, span: model.years.length },
            "",
          ],
          ...amountRows.slice(1),
        ]
      : amountRows;
    const wordNaming = flat ? naming : [...naming.slice(0, 5 + this.extra), money, style.headers.result];
    this.word.startTable([
      this.order<WordCell>(wordNaming, flat ? undefined : 1),
      ...wordAmountRows.map((cells) => this.order(cells, cells.length - this.width + model.years.length + 1)),
      this.columnNumberCells(),
    ]);
    for (const direction of model.directions) {
      const heading = this.directionHeading(direction.number, direction.title);
      const span = this.width - this.extra;
      this.push([heading, ...Array(span - 1).fill("")], [{ text: heading, span }]);
      const taskHeading = shape?.oneName && shape.taskHeadings;
      if (taskHeading) {
        const heading = `Завдання ${direction.number}. Забезпечення роботи напряму «${direction.title}»`;
        this.push([heading, ...Array(span - 1).fill("")], [{ text: heading, span }]);
      }
      const task = TASK_NAMES[(Number(direction.number) - 1) % TASK_NAMES.length] ?? "";
      direction.projects.forEach((project, index) => {
        const taskCell = this.extra
          ? index === 0 || shape?.repeatTask
            ? task
            : ""
          : index === 0 && !shape?.oneName
            ? direction.title
            : "";
        this.renderProject(project, taskCell);
      });
      if (taskHeading && style.directionTotals)
        this.renderTotals(`Разом за завданням ${direction.number}`, direction.projects);
      if (style.directionTotals)
        this.renderTotals(
          shape?.bareTotals
            ? "Разом:"
            : `${DIRECTION_TOTAL[shape?.directionWord ?? "Пріоритетний напрям"]} ${direction.number}`,
          direction.projects,
        );
    }
    this.renderTotals(
      shape?.bareTotals ? "Усього:" : "Всього за Програмою",
      model.directions.flatMap((direction) => direction.projects),
    );
    return `${this.lines.join("\n")}\n`;
  }

  /** "Пріоритетний напрям 1" (its title in the first project row), or with the title when one column names. */
  private directionHeading(number: string, title: string): string {
    const shape = this.style.headerShape;
    const word = shape?.directionWord ?? "Пріоритетний напрям";
    if (shape?.rowNumbers) return `${word} ${number}. ${title}`;
    if (!shape?.oneName) return `${word} ${number}`;
    if (shape.directionHeading === "capitals") return title;
    return shape.directionHeading === "named" ? `${word} ${number}. ${title}` : `${number}. ${title}`;
  }

  private renderProject(project: ProjectView, taskCell: string): void {
    const split = at(this.style.splits, this.project++);
    const prefix = this.style.headerShape?.namePrefix ?? "";
    const [titleHead, titleRest] = split ? splitText(project.title) : [project.title, ""];
    const title = `${prefix}${titleHead}`;
    const [result, resultRest] = split ? splitText(project.result) : [project.result, ""];
    const cell = this.model.executorCells[project.number];
    const executors = cell ? printExecutors(cell) : project.executors;
    // A page break may also cut the executors cell after its first joiner ("Відділ освіти та" | "…").
    const [executorsHead, executorsRest] = split && cell ? cutExecutors(cell) : [executors, ""];
    const ownNumber = Boolean(this.style.headerShape?.oneName);
    const rowNumbered = this.extra > 0;
    const head = (title: string, executors: string) => [
      ownNumber ? printedNumber(this.style, project.number) : taskCell,
      ownNumber || rowNumbered ? title : numbered(this.style, project.number, title),
      executors,
      project.deadline,
    ];
    const blanks = this.model.years.map(() => "");
    const money = project.fundingNote
      ? [project.fundingNote, "", ...blanks]
      : ["Загальний обсяг, у тому числі:", ...this.amounts((year) => yearTotal(project, year))];
    // Word keeps a row that a page break cuts as one row: the DOCX has the whole title and result.
    this.push(
      [...head(title, executorsHead), ...money, result],
      [...head(`${prefix}${project.title}`, executors), ...money, project.result],
      rowNumbered ? `${++this.rowNumber}.` : "",
    );
    if (titleRest || resultRest || executorsRest) {
      // The rest of the title and the result after a page break, in a row of their own.
      this.lines.push("", this.columnNumbers());
      const rest = ["", titleRest, executorsRest, "", "", "", ...blanks, resultRest];
      this.lines.push(this.order(rowNumbered ? ["", ...rest] : rest).join("\t"));
    }
    for (const [source, byYear] of Object.entries(project.funding)) {
      const { text, word } = this.sourceCells(
        this.labelOf(source),
        this.amounts((year) => byYear[year] ?? 0),
      );
      this.push(text, word);
    }
  }

  private renderTotals(label: string, projects: ProjectView[]): void {
    const sum = (source: string | null) => (year: string) =>
      projects.reduce(
        (total, project) =>
          total + (source === null ? yearTotal(project, year) : (project.funding[source]?.[year] ?? 0)),
        0,
      );
    this.push([label, "", "", "", "Загальний обсяг, у тому числі:", ...this.amounts(sum(null)), ""]);
    const sources = new Set(projects.flatMap((project) => Object.keys(project.funding)));
    for (const source of sources) {
      this.push(["", "", "", "", this.labelOf(source), ...this.amounts(sum(source)), ""]);
    }
  }
}

/** The task table of a model rendered as family 1: its text, and the same rows as a Word document's blocks. */
export function renderPaged(model: TaskTableModel, style: PagedStyle): { text: string; word: WordBlock[] } {
  const renderer = new PagedRenderer(model, style);
  return { text: renderer.render(), word: renderer.word.blocks };
}

export const pagedDocument = fc
  .tuple(taskTableModel, pagedStyle)
  .map(([model, style]) => ({ model, style, ...renderPaged(model, style) }));

/**
 * Family 1 with a third of its deadlines in other spellings (`withSpelledDeadlines`): read as text,
 * DOCX and LibreOffice's ODT/PDF, and as the PDF tests' own renderings without borders (pdf-borderless,
 * pdf-unframed), where a spelling wraps over lines in its narrow column.
 */
export const pagedSpelledDocument = fc
  .tuple(taskTableModel.map(withSpelledDeadlines), pagedStyle)
  .map(([model, style]) => ({ model, style, ...renderPaged(model, style) }));

/** The header shape of family 1 as `renderPaged` prints it with none, but for the word heading its directions. */
const PLAIN_SHAPE: HeaderShape = {
  oneName: null,
  directionHeading: "named",
  including: null,
  bareTotals: false,
  taskHeadings: false,
  wordyAmounts: false,
  rowNumbers: false,
  repeatTask: false,
  directionWord: "Пріоритетний напрям",
  lowerTotal: false,
  wideTotal: false,
  namePrefix: "",
  sourceAfterAmounts: false,
};

/**
 * A document of family 1 printed again with its directions headed by a council's own word («Блок 2.
 * Назва»), the word chosen by its first project's title (no draw of its own: the samples other
 * properties draw from the same seed stay as they were); a known word where its projects are not
 * numbered under their direction's number (`fitWord`).
 */
export function inSectionWords<Document extends { model: TaskTableModel; style: PagedStyle }>(
  document: Document,
): Document & { text: string; word: WordBlock[] } {
  const { model, style } = document;
  const title = model.directions[0]?.projects[0]?.title ?? "";
  const directionWord = SECTION_WORDS[title.length % SECTION_WORDS.length] ?? "Блок";
  const shaped = {
    ...style,
    headerShape: fitWord({ ...PLAIN_SHAPE, directionWord }, style, model.directions.length),
  };
  return { ...document, style: shaped, ...renderPaged(model, shaped) };
}

/** Family 1 under the other header shapes (`HeaderShape`). */
export const pagedShapedDocument = fc
  .tuple(taskTableModel, pagedStyle, headerShape)
  .map(([plainModel, plain, drawn]) => {
    const rowNumbers = drawn.rowNumbers && drawn.oneName === null;
    // Word numbers the № column itself in half of them, by the parity of the drawn gap (no new draw).
    const autoNumbers = rowNumbers && plain.gap % 2 === 1;
    const shape = fitWord({ ...drawn, rowNumbers, autoNumbers }, plain, plainModel.directions.length);
    const style = { ...plain, headerShape: shape };
    const capitals = shape.oneName !== null && shape.directionHeading === "capitals";
    const shaped = capitals
      ? inCapitals(plainModel)
      : shape.rowNumbers
        ? numberedByRow(plainModel)
        : plainModel;
    const model = shape.millions ? inWholeThousands(shaped) : shaped;
    return { model, style, ...renderPaged(model, style) };
  });

const KOPECKS_PER_THOUSAND = 100_000;

/** The model with every amount rounded to whole thousands of UAH (at least one), exact in millions. */
function inWholeThousands(model: TaskTableModel): TaskTableModel {
  const round = (kopecks: number) =>
    Math.max(1, Math.round(kopecks / KOPECKS_PER_THOUSAND)) * KOPECKS_PER_THOUSAND;
  const directions = model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => ({
      ...project,
      funding: Object.fromEntries(
        Object.entries(project.funding).map(([source, byYear]) => [
          source,
          Object.fromEntries(Object.entries(byYear).map(([year, kopecks]) => [year, round(kopecks)])),
        ]),
      ),
    })),
  }));
  return { ...model, directions };
}

/** The model whose projects are numbered through the table (1, 2, 3, …), as a `№` column of rows prints them. */
function numberedByRow(model: TaskTableModel): TaskTableModel {
  let row = 0;
  const executorCells: TaskTableModel["executorCells"] = {};
  const directions = model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => {
      const number = String(++row);
      const cell = model.executorCells[project.number];
      if (cell) executorCells[number] = cell;
      return { ...project, number };
    }),
  }));
  return { ...model, directions, executorCells };
}

/** The model with its directions' titles printed in capitals, as a heading without a number is. */
function inCapitals(model: TaskTableModel): TaskTableModel {
  const directions = model.directions.map((direction) => ({
    ...direction,
    title: direction.title.toLocaleUpperCase("uk-UA"),
  }));
  return { ...model, directions };
}

/** Family 1 with executors outside the vocabulary (`executorGapsModel`). */
export const pagedExecutorGapsDocument = fc
  .tuple(executorGapsModel, pagedStyle)
  .map(([model, style]) => ({ model, style, ...renderPaged(model, style) }));

/** Family 1 of a one-year programme: «Всього | 2026» over the amounts (`oneYearModel`). */
export const pagedOneYearDocument = fc
  .tuple(oneYearModel, pagedStyle)
  .map(([model, style]) => ({ model, style, ...renderPaged(model, style) }));
