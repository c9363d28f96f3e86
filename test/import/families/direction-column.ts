import fc from "fast-check";
import type { WordBlock, WordCell } from "../../support/word-document.js";
import {
  COUNCIL_EXECUTORS,
  printAmount,
  printExecutors,
  type TaskTableModel,
  taskTableModel,
  withExecutor,
  yearTotal,
} from "./model.js";
import type { DirectionView, ProjectView } from "./view.js";
import { type PageBreakMode, pageBreakMode, WordSketch } from "./word.js";

/**
 * The table of a typical local programme ("Напрями діяльності та заходи програми"): a column of
 * directions beside the column of measures (the projects), one source per row with the amounts by
 * year, the other sources of a measure in the rows below it. The direction's title stands in its
 * first row (a merged cell in Word) or in every row; its number in the «№» column, in its own cell, or
 * the «№» column numbers the measures instead.
 */
export interface DirectionColumnStyle {
  headers: {
    direction: string;
    measure: string;
    deadline: string;
    executors: string;
    money: string;
  };
  /**
   * Where the numbers stand: «№» by the direction, «№» by the measure, in the title cells, or «№»
   * counting the measures' rows through the table (1, 2, 3 …: the measures' numbers then).
   */
  numbers: "direction" | "measure" | "inline" | "rows";
  /** How a measure's own number is printed when «№» holds the direction's. */
  measureNumbering: "dot" | "bare" | "none";
  /** A "Всього" column before the years. */
  totalColumn: boolean;
  /** The direction's title in its first row only, or repeated in every row of it. */
  directionCell: "first" | "every";
  yearSuffix: string;
  zero: string;
  localLabel: string;
  totalsLabel: { direction: string; programme: string };
  directionTotals: boolean;
  breaks: boolean[];
  pageBreaks: PageBreakMode;
  /** The typical local programme's passport before the table (its unit in the names or the values; as numbered paragraphs), or none. */
  oldPassport: "none" | "label" | "value" | "paragraphs";
  /** The council the old passport's initiator names, and the community that names (none without a name). */
  council: { printed: string; community: string };
  /** An executor as councils print it after the first measure's executors (`COUNCIL_EXECUTORS`), or none. */
  councilExecutor: string | null;
  /**
   * Word stacks a measure's sources in one row: one source per line of its source cell, the amounts
   * line by line under each year (derived from other draws: zeros printed, so every line is there).
   */
  stackSources: boolean;
  /**
   * A direction's measures share one deadline and one set of executors, printed once in cells merged
   * down over the direction in Word (derived from other draws: a new draw would shift seeded samples).
   */
  shareCells: boolean;
}

export const directionColumnStyle: fc.Arbitrary<Omit<DirectionColumnStyle, "shareCells" | "stackSources">> =
  fc.record({
    headers: fc.record({
      direction: fc.constantFrom(
        "Назва напряму діяльності (пріоритетні завдання)",
        "Пріоритетні напрями",
        "Найменування напряму",
      ),
      measure: fc.constantFrom("Перелік заходів Програми", "Зміст заходу", "Назва заходу"),
      deadline: fc.constantFrom("Строк виконання заходу", "Термін виконання"),
      executors: fc.constantFrom("Виконавці", "Відповідальні виконавці заходу"),
      money: fc.constantFrom(
        "Орієнтовні обсяги фінансування (вартість), тис. грн, у тому числі:",
        "Обсяги фінансування, тис. грн",
      ),
    }),
    numbers: fc.constantFrom("direction", "measure", "inline", "rows"),
    measureNumbering: fc.constantFrom("dot", "bare", "none"),
    totalColumn: fc.boolean(),
    directionCell: fc.constantFrom("first", "every"),
    yearSuffix: fc.constantFrom("", " р.", " рік", " р., тис. грн"),
    zero: fc.constantFrom("", "-", "0,0"),
    localLabel: fc.constantFrom("Бюджет громади", "Місцевий бюджет", "бюджет територіальної громади"),
    totalsLabel: fc.constantFrom(
      { direction: "Всього за напрямом", programme: "Всього за Програмою" },
      { direction: "Усього по напряму", programme: "Разом по Програмі" },
    ),
    directionTotals: fc.boolean(),
    breaks: fc.array(fc.boolean(), { minLength: 1, maxLength: 30 }),
    pageBreaks: pageBreakMode,
    oldPassport: fc.constantFrom("none", "label", "value", "paragraphs"),
    council: fc.constantFrom(
      { printed: "міської ради", community: "" },
      { printed: "Березівської сільської ради", community: "Березівська сільська територіальна громада" },
      { printed: "Новоселицької селищної ради", community: "Новоселицька селищна територіальна громада" },
      {
        printed: "Кам'янець-Подільської міської ради",
        community: "Кам'янець-Подільська міська територіальна громада",
      },
    ),
    councilExecutor: fc.constantFrom(null, ...COUNCIL_EXECUTORS),
  });

/** The old form's fields before its total, as councils print them. */
const OLD_FIELDS = [
  [
    "Дата, номер і назва розпорядчого документа про розроблення Програми",
    "Розпорядження міського голови від 02.09.2025 № 155-р",
  ],
  ["Розробник Програми", "Відділ інформаційних технологій"],
  ["Співрозробники Програми", "-"],
  ["Відповідальний виконавець Програми", "Відділ інформаційних технологій"],
  ["Учасники Програми", "Структурні підрозділи виконавчого комітету"],
  ["Термін реалізації Програми", "2026-2028 роки"],
  [
    "Перелік місцевих бюджетів, які беруть участь у виконанні Програми",
    "Бюджет міської територіальної громади",
  ],
];

const OLD_SOURCES: Record<string, string> = {
  local: "коштів бюджету міської територіальної громади",
  state: "коштів державного бюджету",
  other: "коштів інших джерел",
};

const LABELS: Record<string, string> = { other: "Інші джерела", state: "Державний бюджет" };

class DirectionColumnRenderer {
  private readonly lines: string[] = [];
  readonly word = new WordSketch();
  private row = 0;
  /** A page break came since the direction's merged cell started (a split table restarts the merge). */
  private brokenSinceMerge = false;

  constructor(
    private readonly model: TaskTableModel,
    private readonly style: DirectionColumnStyle,
  ) {}

  private get hasNumberColumn(): boolean {
    return this.style.numbers !== "inline";
  }

  private get width(): number {
    return (this.hasNumberColumn ? 1 : 0) + 6 + this.model.years.length + (this.style.totalColumn ? 1 : 0);
  }

  private columnNumberCells(): string[] {
    return Array.from({ length: this.width }, (_, index) => String(index + 1));
  }

  private amounts(byYear: (year: string) => number): string[] {
    const values = this.model.years.map(byYear);
    const total = values.reduce((sum, value) => sum + value, 0);
    const printed = [...(this.style.totalColumn ? [total] : []), ...values];
    return printed.map((kopecks) =>
      kopecks === 0 ? this.style.zero : printAmount(kopecks, "thousand", false),
    );
  }

  /** Whether a page break comes before the next row. */
  private get breaksNext(): boolean {
    return Boolean(this.style.breaks[this.row % this.style.breaks.length]) && this.row > 0;
  }

  /** A row: its text as the text shows it (`printed`, where Word merges cells), its cells in Word. */
  private push(cells: WordCell[], printed: string[][] = [cells.map((cell) => textOf(cell))]): void {
    if (this.breaksNext) {
      this.lines.push("", this.columnNumberCells().join("\t"));
      this.word.pageBreak(this.style.pageBreaks, [this.columnNumberCells()]);
      this.brokenSinceMerge = true;
    }
    this.row++;
    this.lines.push(...printed.map((row) => row.join("\t")));
    this.word.row(cells);
  }

  render(): string {
    const { style, model } = this;
    const years = model.years.map((year) => `${year}${style.yearSuffix}`);
    const amountHeads = [...(style.totalColumn ? ["Всього"] : []), ...years];
    const blanks = amountHeads.slice(1).map(() => "");
    const naming = [
      ...(this.hasNumberColumn ? ["№ з/п"] : []),
      style.headers.direction,
      style.headers.measure,
      style.headers.deadline,
      style.headers.executors,
      "Джерела фінансування",
      style.headers.money,
      ...blanks,
      "Очікуваний результат",
    ];
    const under = [
      ...naming.slice(0, naming.length - amountHeads.length - 1).map(() => ""),
      ...amountHeads,
      "",
    ];
    if (style.oldPassport !== "none") this.renderOldPassport();
    const title = `Напрями діяльності та заходи Програми на ${model.years[0]}-${model.years.at(-1)} роки`;
    this.lines.push(
      "Додаток 2",
      title,
      "",
      ...[naming, under, this.columnNumberCells()].map((row) => row.join("\t")),
    );
    this.word.paragraph("Додаток 2");
    this.word.paragraph(title);
    const lead = naming.length - amountHeads.length - 1;
    this.word.startTable([
      [
        ...naming.slice(0, lead),
        { text: style.headers.money, span: amountHeads.length },
        "Очікуваний результат",
      ],
      under,
      this.columnNumberCells(),
    ]);
    for (const direction of model.directions) this.renderDirection(direction);
    this.renderTotal(
      style.totalsLabel.programme,
      model.directions.flatMap((direction) => direction.projects),
    );
    return `${this.lines.join("\n")}\n`;
  }

  /** «9. Загальний обсяг фінансових ресурсів …» with a «9.N.» row per source of the table. */
  private renderOldPassport(): void {
    const { model, style } = this;
    const projects = model.directions.flatMap((direction) => direction.projects);
    const sum = (source: string | null) =>
      projects.reduce(
        (total, project) =>
          total +
          model.years.reduce(
            (years, year) =>
              years + (source === null ? yearTotal(project, year) : (project.funding[source]?.[year] ?? 0)),
            0,
          ),
        0,
      );
    const amount = (kopecks: number) => {
      const printed = kopecks === 0 ? "-" : printAmount(kopecks, "thousand", true);
      return style.oldPassport !== "label" && kopecks !== 0 ? `${printed} тис. грн` : printed;
    };
    const unit = style.oldPassport === "label" ? ", тис. грн" : "";
    const initiator = ["Ініціатор розроблення Програми", `Виконавчий комітет ${style.council.printed}`];
    const rows = [
      ...[initiator, ...OLD_FIELDS].map(([label, value], index) => [
        `${index + 1}.`,
        label ?? "",
        value ?? "",
      ]),
      [
        "9.",
        `Загальний обсяг фінансових ресурсів, необхідних для реалізації Програми, всього${unit}`,
        amount(sum(null)),
      ],
      ...Object.entries(OLD_SOURCES).map(([source, label], index) => [
        `9.${index + 1}.`,
        index === 0 ? `у тому числі: ${label}` : label,
        amount(sum(source)),
      ]),
    ];
    if (style.oldPassport === "paragraphs") {
      // «9. Загальний обсяг … – 2 500,0 тис. грн», each field a numbered paragraph, its name before a dash.
      const paragraphs = rows.map(([number, name, value]) => `${number} ${name} – ${value}`);
      this.lines.push("ПАСПОРТ Програми", ...paragraphs, "");
      for (const text of ["ПАСПОРТ Програми", ...paragraphs]) this.word.paragraph(text);
      return;
    }
    this.lines.push("ПАСПОРТ Програми", ...rows.map((row) => row.join("\t")), "");
    this.word.paragraph("ПАСПОРТ Програми");
    this.word.startTable([]);
    for (const row of rows) this.word.row(row);
    this.word.paragraph("");
  }

  private renderDirection(direction: DirectionView): void {
    const { style } = this;
    const title = style.numbers === "inline" ? `${direction.number}. ${direction.title}` : direction.title;
    let first = true;
    this.brokenSinceMerge = false;
    let sharedOpen = false;
    for (const project of direction.projects) {
      const rows = this.projectRows(project);
      // Word stacks a measure's sources in its one row; the text shows a row per source all the same.
      const groups = style.stackSources && rows.length > 1 ? [rows] : rows.map((row) => [row]);
      for (const [index, group] of groups.entries()) {
        const row = group.length > 1 ? stackedRow(group) : (group[0] ?? []);
        const lead = first || (style.directionCell === "every" && index === 0);
        const number = style.numbers === "direction" && first ? `${direction.number}.` : "";
        const ownNumber = style.numbers === "measure" || style.numbers === "rows";
        const measureNumber = ownNumber && index === 0 ? project.number : "";
        const start = [...(this.hasNumberColumn ? [number || measureNumber] : [])];
        const printed = group.map((each, line) =>
          line === 0 ? [...start, lead ? title : "", ...each] : [...start.map(() => ""), "", ...each],
        );
        if (this.breaksNext) sharedOpen = false;
        const cells = [
          ...start,
          this.directionCell(lead ? title : "", first),
          ...this.sharedCells(row, index === 0, sharedOpen),
        ];
        sharedOpen ||= style.shareCells && index === 0;
        this.push(cells, printed);
        first = false;
      }
    }
    if (style.directionTotals)
      this.renderTotal(`${style.totalsLabel.direction} ${direction.number}`, direction.projects);
  }

  /**
   * A measure's row in Word when the direction's measures share their deadline and executors: those two
   * cells merged down from its first measure's row over the rest of the direction (restarted after a
   * page break, on the next measure's row).
   */
  private sharedCells(row: string[], measureRow: boolean, open: boolean): WordCell[] {
    if (!this.style.shareCells) return row;
    const [name = "", deadline = "", executors = "", ...rest] = row;
    if (!open)
      return measureRow
        ? [name, { text: deadline, merge: "start" }, { text: executors, merge: "start" }, ...rest]
        : row;
    const covered: WordCell = { text: "", merge: "continue" };
    return [name, covered, covered, ...rest];
  }

  /** The direction's cell: merged down over its rows in Word when its title stands in the first row only. */
  private directionCell(text: string, first: boolean): WordCell {
    if (this.style.directionCell === "every") return text;
    if (first) return { text, merge: "start" };
    return this.brokenSinceMerge ? "" : { text: "", merge: "continue" };
  }

  /** A measure's rows without the «№» and direction cells: its first source, then each other source. */
  private projectRows(project: ProjectView): string[][] {
    const { style } = this;
    const own =
      style.numbers === "measure" || style.numbers === "rows" || style.measureNumbering === "none"
        ? ""
        : style.measureNumbering === "dot"
          ? `${project.number}.`
          : project.number;
    const name = own ? `${own} ${project.title}` : project.title;
    const executors = printExecutors(
      this.model.executorCells[project.number] ?? { executors: [], joiner: ", " },
    );
    const head = [name, project.deadline, executors];
    if (project.fundingNote) {
      const zeros = this.amounts(() => 0);
      return [[...head, project.fundingNote, ...zeros, project.result]];
    }
    return Object.entries(project.funding).map(([source, byYear], index) => {
      const label = source === "local" ? style.localLabel : (LABELS[source] ?? source);
      const amounts = this.amounts((year) => byYear[year] ?? 0);
      return index === 0 ? [...head, label, ...amounts, project.result] : ["", "", "", label, ...amounts, ""];
    });
  }

  private renderTotal(label: string, projects: ProjectView[]): void {
    const sums = this.amounts((year) => projects.reduce((sum, project) => sum + yearTotal(project, year), 0));
    this.push([...(this.hasNumberColumn ? [""] : []), label, "", "", "", "", ...sums, ""]);
  }
}

export function renderDirectionColumn(
  model: TaskTableModel,
  style: DirectionColumnStyle,
): { text: string; word: WordBlock[] } {
  const renderer = new DirectionColumnRenderer(model, style);
  return { text: renderer.render(), word: renderer.word.blocks };
}

/** The model whose measures are numbered 1, 2, 3 … through the table, as a «№» column counting rows has them. */
function countedRows(model: TaskTableModel): TaskTableModel {
  let count = 0;
  const executorCells: TaskTableModel["executorCells"] = {};
  const directions = model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => {
      const number = String(++count);
      const cell = model.executorCells[project.number];
      if (cell) executorCells[number] = cell;
      return { ...project, number };
    }),
  }));
  return { ...model, directions, executorCells };
}

/** The model whose measures take their direction's first measure's deadline and executors. */
function sharedCells(model: TaskTableModel): TaskTableModel {
  const executorCells = { ...model.executorCells };
  const directions = model.directions.map((direction) => {
    const [lead] = direction.projects;
    if (!lead) return direction;
    const cell = model.executorCells[lead.number];
    return {
      ...direction,
      projects: direction.projects.map((project) => {
        if (cell) executorCells[project.number] = cell;
        else delete executorCells[project.number];
        return { ...project, deadline: lead.deadline, executors: lead.executors };
      }),
    };
  });
  return { ...model, directions, executorCells };
}

/**
 * A measure's source rows as one row: its first row's cells, the source and amount cells holding each
 * source's line in turn (a Word cell of several paragraphs).
 */
function stackedRow(rows: string[][]): string[] {
  const [first = []] = rows;
  const sourceAt = 3;
  return first.map((cell, column) =>
    column >= sourceAt && column < first.length - 1 ? rows.map((row) => row[column] ?? "").join("\n") : cell,
  );
}

const textOf = (cell: WordCell): string => (typeof cell === "string" ? cell : cell.text);

export const directionColumnDocument = fc
  .tuple(taskTableModel, directionColumnStyle)
  .map(([drawnModel, drawn]) => {
    const plain = withExecutor(drawnModel, drawn.councilExecutor);
    // Counted rows show only where a number stands on a row that starts no direction; else «№» is
    // read as the directions' numbers, which it may as well be.
    const counted = drawn.numbers === "rows" && plain.directions.some((each) => each.projects.length > 1);
    const shareCells = drawn.directionCell === "first" && drawn.totalColumn;
    const stackSources = drawn.zero !== "" && drawn.localLabel === "Місцевий бюджет";
    const style = {
      ...drawn,
      shareCells,
      stackSources,
      ...(drawn.numbers === "rows" && !counted ? { numbers: "direction" as const } : {}),
    };
    const model = (shareCells ? sharedCells : (same: TaskTableModel) => same)(
      counted ? countedRows(plain) : plain,
    );
    return { model, style, ...renderDirectionColumn(model, style) };
  });
