import fc from "fast-check";
import type { WordBlock, WordCell } from "../../support/word-document.js";
import {
  cutExecutors,
  printAmount,
  printExecutors,
  type TaskTableModel,
  taskTableModel,
  yearTotal,
} from "./model.js";
import type { ProjectView } from "./view.js";
import { WordSketch } from "./word.js";

/**
 * Family 2, one cell per line: every cell on its own tab-indented line, a blank line between rows, a
 * row cut in two by a page break (a blank line inside it, between cells or inside the executors
 * cell), directions as `N. Назва`, the item number
 * in the task cell with the project cell repeating the title or left empty, short `Всього за
 * напрямом` rows, and amounts in thousand UAH or in UAH as the header says.
 */
export interface OneCellStyle {
  numbering: "dot" | "bare" | "bracket" | "none";
  repeatTitle: boolean;
  unit: "thousand" | "uah";
  grouped: boolean;
  zero: string;
  /** "inline": the first source on the project's row; "total": a `Загальний обсяг` row, then the sources. */
  sources: "inline" | "total";
  /**
   * Per row: where a page break cuts it (0 = not cut, N = before cell N, `INSIDE_EXECUTORS` = inside the
   * executors cell, after its first joiner: "Відділ освіти;" | "молодіжний парламент"). Reused cyclically.
   */
  cuts: number[];
  noteAmounts: string;
  localLabel: string;
  directionTotals: boolean;
  /**
   * "left-out": an item row prints no line at all for a year with no amount (`zero` is ""), so it has
   * fewer cells than the header. Its years are then told only by the item's deadline (and, for a
   * source, by the years its `Загальний обсяг` row funds): the model is made one that says so
   * (`yearsAsDeadlineSays`). Total rows leave their empty year cells out too: their years are told by
   * the years the rows they total fund. A row with cells left out is never cut.
   */
  emptyCells: "kept" | "left-out";
}

const INSIDE_EXECUTORS = -1;
const EXECUTORS_CELL = 2;

export const oneCellStyle: fc.Arbitrary<OneCellStyle> = fc.record({
  numbering: fc.constantFrom("dot", "bare", "bracket", "none"),
  repeatTitle: fc.boolean(),
  unit: fc.constantFrom("thousand", "uah"),
  grouped: fc.boolean(),
  zero: fc.constantFrom("-", "", "0,00"),
  sources: fc.constantFrom("inline", "total"),
  cuts: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9 }), fc.constant(INSIDE_EXECUTORS)), {
    minLength: 1,
    maxLength: 30,
  }),
  noteAmounts: fc.constantFrom("-", ""),
  localLabel: fc.constantFrom(
    "Місцевий бюджет",
    "місцевий бюджет",
    "бюджет громади",
    "Селищний бюджет",
    "кошти загального фонду міського бюджету",
  ),
  directionTotals: fc.boolean(),
  emptyCells: fc.constantFrom("kept", "left-out"),
});

const LABELS: Record<string, string> = { other: "Інші джерела", state: "Державний бюджет" };

function at<T>(list: T[], index: number): T {
  return list[index % list.length] as T;
}

class OneCellRenderer {
  private readonly lines: string[] = [];
  readonly word = new WordSketch();
  private row = 0;

  constructor(
    private readonly model: TaskTableModel,
    private readonly style: OneCellStyle,
  ) {}

  private get width(): number {
    return 6 + this.model.years.length + 1;
  }

  /** A row: each cell on a line (a page break may cut it); `word` is the row as the DOCX has it, one row. */
  private emit(cells: string[], word: WordCell[] = cells, executors?: [string, string]): void {
    this.word.row(word);
    const drawn = at(this.style.cuts, this.row);
    const full = cells.length === this.width;
    const cut = full && drawn >= 1 ? drawn : 0;
    const [head, rest] = full && drawn === INSIDE_EXECUTORS && executors?.[1] ? executors : [null, ""];
    this.row++;
    cells.forEach((cell, index) => {
      if (cut > 0 && index === Math.min(cut, cells.length - 1)) this.lines.push("");
      if (head !== null && index === EXECUTORS_CELL) this.lines.push(`\t${head}`, "", `\t${rest}`);
      else this.lines.push(`\t${cell}`);
    });
    this.lines.push("");
  }

  private amount(kopecks: number): string {
    return kopecks === 0 ? this.style.zero : printAmount(kopecks, this.style.unit, this.style.grouped);
  }

  /** An item row's cells as its text prints them: with `left-out`, the empty year cells dropped. */
  private printed(cells: string[]): string[] {
    if (this.style.emptyCells === "kept" || this.style.zero !== "") return cells;
    const years = this.model.years.length;
    const firstYear = this.width - 1 - years;
    return cells.filter((cell, index) => cell !== "" || index < firstYear || index >= firstYear + years);
  }

  /** A total row's cells as its text prints them: with `left-out`, the empty year cells dropped. */
  private printedTotal(cells: string[]): string[] {
    if (this.style.emptyCells === "kept" || this.style.zero !== "") return cells;
    const firstYear = 3;
    return cells.filter((cell, index) => cell !== "" || index < firstYear);
  }

  private amounts(byYear: (year: string) => number): string[] {
    const values = this.model.years.map(byYear);
    return [values.reduce((sum, value) => sum + value, 0), ...values].map((value) => this.amount(value));
  }

  private label(source: string): string {
    return source === "local" ? this.style.localLabel : (LABELS[source] ?? source);
  }

  private numbered(project: ProjectView): string {
    const position = project.number.split(".")[1] ?? "";
    if (this.style.numbering === "dot") return `${project.number}. ${project.title}`;
    if (this.style.numbering === "bare") return `${project.number} ${project.title}`;
    if (this.style.numbering === "bracket") return `${position}) ${project.title}`;
    return project.title;
  }

  render(): string {
    const { model, style } = this;
    const unit = style.unit === "thousand" ? "тис. грн" : "грн";
    const title = `заходів і завдань Програми інформатизації Тестової міської територіальної громади на ${model.years[0]}-${model.years.at(-1)} роки`;
    this.lines.push(" ПЕРЕЛІК", title);
    this.word.paragraph("ПЕРЕЛІК");
    this.word.paragraph(title);
    const header = [
      "Назва завдання",
      "Назва проекту, робіт з інформатизації",
      "Відповідальні за виконання",
      "Строки виконання",
      "Джерела фінансування",
      `Обсяги фінансування, ${unit}`,
      "Очікувані результати (результативні показники)",
    ];
    const years = ["", "", "", "", "", "Всього", ...model.years, ""];
    this.lines.push(...header.map((cell) => `\t${cell}`), "");
    this.lines.push(...years.map((cell) => `\t${cell}`), "");
    const money = { text: header[5] ?? "", span: model.years.length + 1 };
    this.word.startTable([[...header.slice(0, 5), money, header[6] ?? ""], years]);
    for (const direction of model.directions) {
      const heading = `${direction.number}. ${direction.title}`;
      this.lines.push(`\t${heading}`, "");
      this.word.row([{ text: heading, span: this.width }]);
      for (const project of direction.projects) this.renderProject(project);
      if (style.directionTotals) this.renderTotals("Всього за напрямом", direction.projects);
    }
    this.renderTotals(
      "Всього за Програмою",
      model.directions.flatMap((direction) => direction.projects),
    );
    return `${this.lines.join("\n")}\n`;
  }

  private renderProject(project: ProjectView): void {
    const cell = this.model.executorCells[project.number] ?? { executors: [project.executors], joiner: "" };
    const head = [
      this.numbered(project),
      this.style.repeatTitle ? project.title : "",
      printExecutors(cell),
      project.deadline,
    ];
    const cut = cutExecutors(cell);
    const noAmounts = this.model.years.map(() => this.style.noteAmounts);
    if (project.fundingNote) {
      const cells = [...head, project.fundingNote, this.style.noteAmounts, ...noAmounts, project.result];
      this.emit(cells, cells, cut);
      return;
    }
    const sources = Object.entries(project.funding);
    const row = (byYear: Record<string, number>) => this.amounts((year) => byYear[year] ?? 0);
    if (this.style.sources === "total" || sources.length > 1) {
      const total = this.amounts((year) => yearTotal(project, year));
      const cells = [...head, "Загальний обсяг, у тому числі:", ...total, project.result];
      this.emit(this.printed(cells), cells, cut);
      for (const [source, byYear] of sources) {
        const cells = ["", "", "", "", this.label(source), ...row(byYear), ""];
        this.emit(this.printed(cells), cells);
      }
      return;
    }
    const [source, byYear] = sources[0] ?? ["local", {}];
    const cells = [...head, this.label(source), ...row(byYear), project.result];
    this.emit(this.printed(cells), cells, cut);
  }

  private renderTotals(label: string, projects: ProjectView[]): void {
    const sources = [...new Set(projects.flatMap((project) => Object.keys(project.funding)))];
    sources.forEach((source, index) => {
      const sum = (year: string) =>
        projects.reduce((total, project) => total + (project.funding[source]?.[year] ?? 0), 0);
      const cells = [this.label(source), ...this.amounts(sum)];
      // The short total row: its label spans the task, project, executor and deadline columns.
      this.emit(this.printedTotal([index === 0 ? label : "", ...cells]), [
        { text: index === 0 ? label : "", span: 4 },
        ...cells,
      ]);
    });
  }
}

/** The task table of a model rendered as family 2: its text, and the same rows as a Word document's blocks. */
export function renderOneCell(
  model: TaskTableModel,
  style: OneCellStyle,
): { text: string; word: WordBlock[] } {
  const renderer = new OneCellRenderer(model, style);
  return { text: renderer.render(), word: renderer.word.blocks };
}

/**
 * The model a table that leaves its empty year cells out can state: each funded project's sources
 * fund every year from its first funded year to its last (a year they left empty gets 1 000 UAH), and
 * its deadline names those years.
 */
export function yearsAsDeadlineSays(model: TaskTableModel): TaskTableModel {
  const directions = model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => {
      const funded = Object.values(project.funding).flatMap((byYear) => Object.keys(byYear));
      if (funded.length === 0) return project;
      const years = model.years.filter((year) => year >= (min(funded) ?? "") && year <= (max(funded) ?? ""));
      const funding = Object.fromEntries(
        Object.entries(project.funding).map(([source, byYear]) => [
          source,
          Object.fromEntries(years.map((year) => [year, byYear[year] ?? 100_000])),
        ]),
      );
      const [first = "", last = ""] = [years[0], years.at(-1)];
      const deadline = first === last ? `${first} рік` : `${first}-${last} роки`;
      return { ...project, funding, deadline };
    }),
  }));
  return { ...model, directions };
}

const min = (values: string[]) => [...values].sort().at(0);
const max = (values: string[]) => [...values].sort().at(-1);

export const oneCellDocument = fc.tuple(taskTableModel, oneCellStyle).map(([generated, style]) => {
  const leftOut = style.emptyCells === "left-out" && style.zero === "";
  const model = leftOut ? yearsAsDeadlineSays(generated) : generated;
  return { model, style, ...renderOneCell(model, style) };
});
