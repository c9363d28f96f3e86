import fc from "fast-check";
import type { FundingRow, Item, Programme } from "../../../src/domain/model.js";
import { walkItems } from "../../../src/domain/model.js";
import type { WordBlock, WordCell } from "../../support/word-document.js";
import { modelDeadlines, printAmount, SOURCES, type TaskTableModel, taskTableModel } from "./model.js";
import { passportHead, T } from "./render.js";
import type { DirectionView, ProjectView } from "./view.js";
import { WordSketch } from "./word.js";

/**
 * Task tables whose amounts are not one column per year (issue #11):
 * - `sources`: a column per source and no year at all (`Обсяг фінансування, тис. грн` over
 *   `Всього | бюджет громади | державний бюджет | інші джерела`, any subset and order, `Всього` optional);
 *   a project due within one year of the programme spends its money in that year
 *   (`withFundingInDeadlineYears`), where the importer must place it;
 * - `year-groups`: a column per source under each year's heading (`2026` over `бюджет громади | інші`);
 * - `merged-rows`: a source column and rows per source, with one amount column for two years
 *   (`Всього | 2026-2027 | 2028`).
 * `year-groups` may merge two years into one heading too. `sources` may print the same money again by
 * expense kind (`kinds`: «капітальні вкладення | поточні видатки», each over the sources), which the
 * importer checks and does not add. Directions are `N. Назва` rows; direction and
 * programme totals print the same columns; a project without money prints its note in the first amount
 * cell. The text rendering opens with a passport whose field 10 prints the programme's years, so that
 * what is not split by year is seen not to raise per-year findings.
 */
export type SourceColumnsLayout = "sources" | "year-groups" | "merged-rows";

export interface SourceColumnsStyle {
  layout: SourceColumnsLayout;
  /** The source columns' order; sources no project uses are left out when `usedOnly`. */
  order: (typeof SOURCES)[number][];
  usedOnly: boolean;
  totalColumn: boolean;
  totalWord: string;
  labels: Record<(typeof SOURCES)[number], string>;
  money: string;
  unit: "thousand" | "uah";
  grouped: boolean;
  zero: string;
  /** Merge the first two years into one column ("2026-2027"), or the last two; none when false. */
  merge: "first" | "last" | false;
  totals: boolean;
  columnNumbers: boolean;
  passport: boolean;
  task: string;
  /** Expense kinds each splitting the sources again (`sources` only), and the share of the first. */
  kinds: { names: readonly string[]; first: "all" | "none" | "round" } | null;
}

export const sourceColumnsStyle = (layout: SourceColumnsLayout): fc.Arbitrary<SourceColumnsStyle> =>
  fc.record({
    layout: fc.constant(layout),
    order: fc.shuffledSubarray([...SOURCES], { minLength: 3, maxLength: 3 }),
    usedOnly: fc.boolean(),
    totalColumn: layout === "merged-rows" ? fc.constant(true) : fc.boolean(),
    totalWord: fc.constantFrom("Всього", "Усього", "Разом"),
    labels: fc.record({
      local: fc.constantFrom("бюджет громади", "Бюджет громади", "місцевий бюджет", "кошти бюджету громади"),
      state: fc.constantFrom("державний бюджет", "Державний бюджет", "кошти державного бюджету"),
      other: fc.constantFrom("інші джерела", "Інші джерела", "інші", "кошти інших джерел"),
    }),
    money: fc.constantFrom("Обсяг фінансування", "Обсяги фінансування", "Орієнтовний обсяг фінансування"),
    unit: fc.constantFrom("thousand", "uah"),
    grouped: fc.boolean(),
    zero: fc.constantFrom("", "-"),
    merge:
      layout === "sources"
        ? fc.constant(false)
        : fc.constantFrom<"first" | "last" | false>("first", "last", false),
    totals: fc.boolean(),
    columnNumbers: fc.boolean(),
    passport: fc.boolean(),
    task: fc.constantFrom("Назва завдання", "Найменування заходу", "Зміст завдання"),
    kinds: layout === "sources" ? fc.option(expenseKinds, { nil: null }) : fc.constant(null),
  });

const expenseKinds = fc.record({
  names: fc.constantFrom(
    ["капітальні вкладення", "поточні видатки"],
    ["Капітальні вкладення", "Поточні видатки", "Науково-дослідні роботи"],
  ),
  first: fc.constantFrom<"all" | "none" | "round">("all", "none", "round"),
});

/** A source's amount by expense kind: all in one kind, or whole thousands of hryvnias in the first. */
function byKind(kopecks: number, kinds: NonNullable<SourceColumnsStyle["kinds"]>): number[] {
  const first =
    kinds.first === "all" ? kopecks : kinds.first === "none" ? 0 : Math.floor(kopecks / 100_000) * 100_000;
  return kinds.names.map((_, index) => (index === 0 ? first : index === 1 ? kopecks - first : 0));
}

/** The years each amount column holds: one per year, two for a merged column, all when none is printed. */
export function periodsOf(years: string[], style: SourceColumnsStyle): string[][] {
  if (style.layout === "sources") return [years];
  const merge = years.length === 3 ? style.merge : false; // two years merged in one leave a year to split
  if (merge === "first") return [years.slice(0, 2), years.slice(2)];
  if (merge === "last") return [years.slice(0, 1), years.slice(1)];
  return years.map((year) => [year]);
}

/** "2026", "2026-2027", or "all" for a column printing no year. */
export function periodKey(period: string[], style: SourceColumnsStyle): string {
  if (style.layout === "sources") return "all";
  return period.length === 1 ? (period[0] ?? "") : `${period[0]}-${period.at(-1)}`;
}

type Funding = ProjectView["funding"];

function amountIn(funding: Funding, source: string | null, period: string[]): number {
  const sources = source === null ? Object.keys(funding) : [source];
  return sources.reduce(
    (sum, each) => sum + period.reduce((own, year) => own + (funding[each]?.[year] ?? 0), 0),
    0,
  );
}

function sumFunding(projects: ProjectView[]): Funding {
  const out: Funding = {};
  for (const project of projects) {
    for (const [source, years] of Object.entries(project.funding)) {
      for (const [year, kopecks] of Object.entries(years)) {
        out[source] = { ...out[source], [year]: (out[source]?.[year] ?? 0) + kopecks };
      }
    }
  }
  return out;
}

class SourceColumnsRenderer {
  readonly rows: string[][] = [];
  readonly word = new WordSketch();
  private readonly periods: string[][];
  private readonly sources: (typeof SOURCES)[number][];

  constructor(
    private readonly model: TaskTableModel,
    private readonly style: SourceColumnsStyle,
  ) {
    this.periods = periodsOf(model.years, style);
    const used = new Set(model.directions.flatMap((d) => d.projects.flatMap((p) => Object.keys(p.funding))));
    this.sources = style.order.filter((source) => !style.usedOnly || used.has(source));
    if (this.sources.length === 0) this.sources = [...style.order];
  }

  /**
   * "інші" alone is a column heading's shorthand beside other headings: a source row's label names
   * the source in full, and a lone lower-case "інші" under the heading reads as a wrapped word in text.
   */
  private label(source: (typeof SOURCES)[number]): string {
    const label = this.style.labels[source];
    const alone = this.sources.length === 1 && !this.style.totalColumn;
    return (alone || this.byRows) && label === "інші" ? "інші джерела" : label;
  }

  private get byRows(): boolean {
    return this.style.layout === "merged-rows";
  }

  private printed(kopecks: number): string {
    return kopecks === 0 ? this.style.zero : printAmount(kopecks, this.style.unit, this.style.grouped);
  }

  private periodLabel(period: string[]): string {
    return period.length === 1 ? (period[0] ?? "") : `${period[0]}-${period.at(-1)}`;
  }

  /** The amount columns of one row: the total, then each period's sources (or the period, by rows). */
  private amounts(funding: Funding, source: string | null, parts: Funding[] = [funding]): string[] {
    const total = this.style.totalColumn ? [this.printed(amountIn(funding, source, this.model.years))] : [];
    if (this.byRows)
      return [...total, ...this.periods.map((period) => this.printed(amountIn(funding, source, period)))];
    const cells = this.periods.flatMap((period) =>
      this.sources.map((each) => this.printed(amountIn(funding, each, period))),
    );
    return [...total, ...cells, ...this.kindCells(parts)];
  }

  /** Each kind's sources: the sum over the rows `parts` (a total's projects) of each one's split. */
  private kindCells(parts: Funding[]): string[] {
    const { kinds } = this.style;
    if (!kinds) return [];
    return kinds.names.flatMap((_, kind) =>
      this.sources.map((source) => {
        const split = parts.map((part) => byKind(amountIn(part, source, this.model.years), kinds)[kind] ?? 0);
        return this.printed(split.reduce((sum, each) => sum + each, 0));
      }),
    );
  }

  private get moneyWidth(): number {
    const perPeriod = this.byRows ? 1 : this.sources.length;
    const kinds = (this.style.kinds?.names.length ?? 0) * this.sources.length;
    return (this.style.totalColumn ? 1 : 0) + this.periods.length * perPeriod + kinds;
  }

  /** Text columns before the amounts: task, executors, deadline (and the source, by rows). */
  private get lead(): number {
    return this.byRows ? 4 : 3;
  }

  private get width(): number {
    return this.lead + this.moneyWidth + 1;
  }

  private header(): { text: string[][]; word: WordCell[][] } {
    const { style } = this;
    const unit = style.unit === "thousand" ? "тис. грн" : "грн";
    const money = `${style.money}, ${unit}`;
    const main = [
      style.task,
      "Відповідальні за виконання",
      "Строк виконання",
      ...(this.byRows ? ["Джерела фінансування"] : []),
      money,
      ...Array<string>(this.moneyWidth - 1).fill(""),
      "Очікувані результати",
    ];
    const blanks = (count: number) => Array<string>(count).fill("");
    const total = style.totalColumn ? [style.totalWord] : [];
    const text: string[][] = [main];
    const word: WordCell[][] = [
      [...main.slice(0, this.lead), { text: money, span: this.moneyWidth }, main.at(-1) ?? ""],
    ];
    const labels = this.sources.map((source) => this.label(source));
    if (style.layout === "sources" && style.kinds) {
      const kinds = style.kinds.names;
      const names = kinds.flatMap((kind) => [kind, ...blanks(labels.length - 1)]);
      text.push([...blanks(this.lead), ...total, ...labels, ...names, ""]);
      const spans = kinds.map((kind) => ({ text: kind, span: labels.length }));
      word.push([...blanks(this.lead), ...total, ...labels, ...spans, ""]);
      const row = [...blanks(this.lead + total.length + labels.length), ...kinds.flatMap(() => labels), ""];
      text.push(row);
      word.push(row);
    } else if (style.layout === "sources") {
      const row = [...blanks(this.lead), ...total, ...labels, ""];
      text.push(row);
      word.push(row);
    } else if (style.layout === "year-groups") {
      const years = this.periods.flatMap((period) => [
        this.periodLabel(period),
        ...blanks(labels.length - 1),
      ]);
      text.push([...blanks(this.lead), ...total, ...years, ""]);
      const spans = this.periods.map((period) => ({ text: this.periodLabel(period), span: labels.length }));
      word.push([...blanks(this.lead), ...total, ...spans, ""]);
      const row = [
        ...blanks(this.lead),
        ...(style.totalColumn ? [""] : []),
        ...this.periods.flatMap(() => labels),
        "",
      ];
      text.push(row);
      word.push(row);
    } else {
      const row = [
        ...blanks(this.lead),
        ...total,
        ...this.periods.map((period) => this.periodLabel(period)),
        "",
      ];
      text.push(row);
      word.push(row);
    }
    if (style.columnNumbers) {
      const numbers = Array.from({ length: this.width }, (_, index) => String(index + 1));
      text.push(numbers);
      word.push(numbers);
    }
    return { text, word };
  }

  private push(cells: string[]): void {
    this.rows.push(cells);
    this.word.row(cells);
  }

  render(): void {
    const header = this.header();
    this.rows.push(...header.text);
    this.word.startTable(header.word);
    for (const direction of this.model.directions) {
      this.push([`${direction.number}. ${direction.title}`, ...Array<string>(this.width - 1).fill("")]);
      for (const project of direction.projects) this.project(project);
      if (this.style.totals) this.total(`Всього за напрямом ${direction.number}`, direction.projects);
    }
    if (this.style.totals)
      this.total(
        "Всього за Програмою",
        this.model.directions.flatMap((direction) => direction.projects),
      );
  }

  private project(project: ProjectView): void {
    const head = [`${project.number}. ${project.title}`, this.executors(project), project.deadline];
    const blankMoney = Array<string>(this.moneyWidth).fill("");
    if (project.fundingNote) {
      const note = this.byRows
        ? [project.fundingNote, ...blankMoney]
        : [project.fundingNote, ...blankMoney.slice(1)];
      this.push([...head, ...note, project.result]);
      return;
    }
    if (!this.byRows) {
      this.push([...head, ...this.amounts(project.funding, null), project.result]);
      return;
    }
    Object.keys(project.funding).forEach((source, index) => {
      const lead = index === 0 ? head : ["", "", ""];
      const label = this.label(source as (typeof SOURCES)[number]);
      this.push([
        ...lead,
        label,
        ...this.amounts(project.funding, source),
        index === 0 ? project.result : "",
      ]);
    });
  }

  private executors(project: ProjectView): string {
    const cell = this.model.executorCells[project.number];
    return cell ? cell.executors.join(cell.joiner) : project.executors;
  }

  private total(title: string, projects: ProjectView[]): void {
    const funding = sumFunding(projects);
    const lead = [title, "", "", ...(this.byRows ? [""] : [])];
    const parts = projects.map((project) => project.funding);
    this.push([...lead, ...this.amounts(funding, null, parts), ""]);
  }

  passportLines(): string[] {
    const years = this.model.years;
    const all = sumFunding(this.model.directions.flatMap((direction) => direction.projects));
    const perYear = years.map((year) => amountIn(all, null, [year]));
    const total = perYear.reduce((sum, each) => sum + each, 0);
    const printed = [total, ...perYear].map((kopecks) => printAmount(kopecks, "thousand", false));
    return [
      ...passportHead(Number(years[0]), Number(years.at(-1))),
      `10.${T}Джерела та обсяги фінансування${T}Всього ${years.join(" ")}`,
      `${T}Загальний обсяг, тис. грн,${T}${printed.join(" ")}`,
      "",
    ];
  }
}

export interface SourceColumnsDocument {
  model: TaskTableModel;
  style: SourceColumnsStyle;
  text: string;
  word: WordBlock[];
  rows: string[][];
}

export function renderSourceColumns(model: TaskTableModel, style: SourceColumnsStyle): SourceColumnsDocument {
  const renderer = new SourceColumnsRenderer(model, style);
  renderer.render();
  const title = `Перелік завдань, проєктів, робіт з інформатизації на ${model.years[0]}-${model.years.at(-1)} роки`;
  const passport = style.passport ? renderer.passportLines() : [];
  const text = [...passport, "Додаток 1", title, "", ...renderer.rows.map((row) => row.join("\t"))].join(
    "\n",
  );
  const word = [
    { kind: "paragraph", text: "Додаток 1" } as const,
    { kind: "paragraph", text: title } as const,
  ];
  return {
    model,
    style,
    text: `${text}\n`,
    word: [...word, ...renderer.word.blocks],
    rows: [[title], ...renderer.rows],
  };
}

/** The one year of the programme a project's deadline names («2027 рік»), or null. */
export function deadlineYear(project: ProjectView, years: string[]): string | null {
  const deadline = modelDeadlines({
    years,
    directions: [{ number: "1", title: "", projects: [project] }],
    executorCells: {},
  })[project.number];
  if (deadline?.kind !== "years" || deadline.from !== deadline.to) return null;
  const year = String(deadline.from);
  return years.includes(year) ? year : null;
}

/**
 * The model as a council that prints no year column plans it: a project due within one year of the
 * programme spends all its money in that year (the importer places it there; the passport's years agree).
 */
export function withFundingInDeadlineYears(model: TaskTableModel): TaskTableModel {
  const directions = model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => {
      const year = deadlineYear(project, model.years);
      if (year === null) return project;
      const funding = Object.fromEntries(
        Object.entries(project.funding).map(([source, years]) => [
          source,
          { [year]: Object.values(years).reduce((sum, kopecks) => sum + kopecks, 0) },
        ]),
      );
      return { ...project, funding };
    }),
  }));
  return { ...model, directions };
}

export const sourceColumnsDocument = (layout: SourceColumnsLayout) =>
  fc
    .tuple(taskTableModel, sourceColumnsStyle(layout))
    .map(([model, style]) =>
      renderSourceColumns(layout === "sources" ? withFundingInDeadlineYears(model) : model, style),
    );

/**
 * Source → period ("2026", "2026-2027", "all") → kopecks, as the generator prints the model; a table
 * printing no year puts a project due within one year of the programme in that year.
 */
export function expectedFunding(project: ProjectView, years: string[], style: SourceColumnsStyle): Funding {
  const out: Funding = {};
  const dueIn = style.layout === "sources" ? deadlineYear(project, years) : null;
  for (const source of Object.keys(project.funding)) {
    for (const period of periodsOf(years, style)) {
      const kopecks = amountIn(project.funding, source, period);
      if (kopecks !== 0) out[source] = { ...out[source], [dueIn ?? periodKey(period, style)]: kopecks };
    }
  }
  return out;
}

const NOT_SUMMED = new Set(["total", "none", "within-budget"]);

/** An item's funding as source → period: its years, its spans, or "all" for a row printing no year. */
function fundingByPeriod(rows: FundingRow[]): Funding {
  const out: Funding = {};
  for (const row of rows) {
    if (NOT_SUMMED.has(row.source)) continue;
    const periods = { ...row.byYear, ...row.spans };
    if (Object.keys(periods).length === 0) periods.all = row.total;
    for (const [period, kopecks] of Object.entries(periods)) {
      if (kopecks !== 0) out[row.source] = { ...out[row.source], [period]: kopecks };
    }
  }
  return out;
}

/** The imported task table with each project's funding by period, to compare with `expectedView`. */
export function importedView(programme: Programme, base: DirectionView[]): DirectionView[] {
  return base.map((direction, index) => {
    const leaves = [...walkItems(programme.directions[index]?.items ?? [])].filter(
      (item: Item) => item.children.length === 0,
    );
    return {
      ...direction,
      projects: direction.projects.map((project, position) => ({
        ...project,
        funding: fundingByPeriod(leaves[position]?.funding ?? []),
      })),
    };
  });
}

export function expectedView(document: SourceColumnsDocument): DirectionView[] {
  const { model, style } = document;
  return model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => ({
      ...project,
      funding: expectedFunding(project, model.years, style),
    })),
  }));
}
