import fc from "fast-check";
import type { WordBlock } from "../../support/word-document.js";
import { printAmount, type TaskTableModel, taskTableModel } from "./model.js";
import type { ProjectView } from "./view.js";
import { WordSketch } from "./word.js";

/**
 * Years as rows: a `Рік` column instead of a column per year, and one row per year and source
 * (`… | Рік | Джерела фінансування | Обсяги фінансування, тис. грн | …`). The project's number and title
 * (in the task cell, the project cell repeating the title or empty), executors,
 * deadline and result are on its first row only; the rows after it print the year, the source (or leave
 * a repeated source out) and the amount. Rows go source by source or year by year; directions are
 * `N. Назва` rows; direction and programme totals print one row per year; some amounts are written in
 * millions with a word (`0,28115 млн грн`), whatever the table's unit.
 */
export interface YearRowsStyle {
  deadlineColumn: boolean;
  repeatTitle: boolean;
  yearHeader: string;
  yearSuffix: string;
  /** "source": a source's years one after another; "year": a year's sources one after another. */
  order: "source" | "year";
  /** Leave the source out of a row that repeats the source of the row above it. */
  blankRepeatedSource: boolean;
  columnNumbers: boolean;
  grouped: boolean;
  unit: "thousand" | "uah";
  localLabel: string;
  totals: boolean;
  /** Per amount, in order: written in millions with a word ("0,28115 млн грн"). Reused cyclically. */
  millions: boolean[];
}

export const yearRowsStyle: fc.Arbitrary<YearRowsStyle> = fc.record({
  deadlineColumn: fc.boolean(),
  repeatTitle: fc.boolean(),
  yearHeader: fc.constantFrom("Рік", "Роки", "Рік фінансування"),
  yearSuffix: fc.constantFrom("", " р.", " рік"),
  order: fc.constantFrom("source", "year"),
  blankRepeatedSource: fc.boolean(),
  columnNumbers: fc.boolean(),
  grouped: fc.boolean(),
  unit: fc.constantFrom("thousand", "uah"),
  localLabel: fc.constantFrom("місцевий бюджет", "Бюджет громади"),
  totals: fc.boolean(),
  millions: fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }),
});

/** Kopecks as millions of UAH with a scale word, exactly: 28 115 000 kopecks → "0,28115 млн грн". */
function printMillions(kopecks: number, word: string): string {
  const whole = Math.floor(kopecks / 100_000_000);
  const fraction = String(kopecks % 100_000_000)
    .padStart(8, "0")
    .replace(/0+$/, "");
  return `${whole}${fraction ? `,${fraction}` : ""} ${word}`;
}

const LABELS: Record<string, string> = { other: "інші джерела", state: "державний бюджет" };

/** The rows of the table (header first) as a spreadsheet or a Word table holds them. */
export function yearRows(model: TaskTableModel, style: YearRowsStyle): string[][] {
  const unit = style.unit === "thousand" ? "тис. грн" : "грн";
  const header = [
    "Назва завдання",
    "Назва проєкту",
    "Відповідальні за виконання",
    ...(style.deadlineColumn ? ["Строки виконання"] : []),
    style.yearHeader,
    "Джерела фінансування",
    `Обсяги фінансування, ${unit}`,
    "Очікувані результати",
  ];
  const width = header.length;
  const rows: string[][] = [header];
  if (style.columnNumbers) rows.push(header.map((_, index) => String(index + 1)));
  const label = (source: string) => (source === "local" ? style.localLabel : (LABELS[source] ?? source));
  let amountsPrinted = 0;
  const amount = (kopecks: number) =>
    (style.millions[amountsPrinted++ % style.millions.length] ?? false)
      ? printMillions(kopecks, amountsPrinted % 2 === 0 ? "млн грн" : "млн")
      : printAmount(kopecks, style.unit, style.grouped);
  /** A row of the money part: year, source, amount. */
  const money = (head: string[], year: string, source: string, printed: string, result = "") => [
    ...head,
    year === "" ? "" : `${year}${style.yearSuffix}`,
    source,
    printed,
    result,
  ];
  const blankHead = Array<string>(width - 4).fill("");
  for (const direction of model.directions) {
    rows.push([`${direction.number}. ${direction.title}`, ...Array<string>(width - 1).fill("")]);
    for (const project of direction.projects) {
      // The item number in the task cell; the project cell repeats the title or is left empty.
      const head = [
        `${project.number}. ${project.title}`,
        style.repeatTitle ? project.title : "",
        project.executors,
        ...(style.deadlineColumn ? [project.deadline] : []),
      ];
      const entries = fundingEntries(project, model.years, style.order);
      if (project.fundingNote || entries.length === 0) {
        rows.push(money(head, "", project.fundingNote ?? "", "", project.result));
        continue;
      }
      let previous = "";
      entries.forEach(([source, year, kopecks], index) => {
        const printed = style.blankRepeatedSource && source === previous ? "" : label(source);
        previous = source;
        const first = index === 0;
        rows.push(
          money(first ? head : blankHead, year, printed, amount(kopecks), first ? project.result : ""),
        );
      });
    }
    if (style.totals) totalRows(rows, `Всього за напрямом ${direction.number}`, direction.projects);
  }
  if (style.totals)
    totalRows(
      rows,
      "Всього за Програмою",
      model.directions.flatMap((direction) => direction.projects),
    );
  return rows;

  function totalRows(into: string[][], title: string, projects: ProjectView[]): void {
    const years = model.years.filter((year) => sum(projects, year) > 0);
    years.forEach((year, index) => {
      const head = [index === 0 ? title : "", ...blankHead.slice(1)];
      into.push(money(head, year, "", amount(sum(projects, year))));
    });
  }
}

function sum(projects: ProjectView[], year: string): number {
  return projects.reduce(
    (total, project) =>
      total + Object.values(project.funding).reduce((own, years) => own + (years[year] ?? 0), 0),
    0,
  );
}

/** [source, year, kopecks] of every amount that is not zero, in the style's order. */
function fundingEntries(
  project: ProjectView,
  years: string[],
  order: "source" | "year",
): [string, string, number][] {
  const sources = Object.keys(project.funding);
  const entry = (source: string, year: string): [string, string, number][] => {
    const kopecks = project.funding[source]?.[year] ?? 0;
    return kopecks === 0 ? [] : [[source, year, kopecks]];
  };
  return order === "source"
    ? sources.flatMap((source) => years.flatMap((year) => entry(source, year)))
    : years.flatMap((year) => sources.flatMap((source) => entry(source, year)));
}

/** A spreadsheet's CSV: cells quoted where they hold the delimiter, a quote or a line break. */
export function toCsv(rows: string[][], delimiter: ";" | ","): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || /["\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return `${rows.map((row) => row.map(quote).join(delimiter)).join("\r\n")}\r\n`;
}

function heading(model: TaskTableModel): string {
  return `Перелік завдань, проєктів, робіт з інформатизації на ${model.years[0]}-${model.years.at(-1)} роки`;
}

/** The table as text (tab-separated rows), as a Word document, and as a spreadsheet's rows. */
export function renderYearRows(
  model: TaskTableModel,
  style: YearRowsStyle,
): { text: string; word: WordBlock[]; rows: string[][] } {
  const rows = yearRows(model, style);
  const title = heading(model);
  const word = new WordSketch();
  word.paragraph("Додаток 1");
  word.paragraph(title);
  word.startTable(rows.slice(0, style.columnNumbers ? 2 : 1));
  for (const row of rows.slice(style.columnNumbers ? 2 : 1)) word.row(row);
  const text = ["Додаток 1", title, "", ...rows.map((row) => row.join("\t"))].join("\n");
  return { text: `${text}\n`, word: word.blocks, rows: [[title], ...rows] };
}

export const yearRowsDocument = fc
  .tuple(taskTableModel, yearRowsStyle)
  .map(([model, style]) => ({ model, style, ...renderYearRows(model, style) }));

/** The model as a years-as-rows table prints it: without a deadline column, no project has one. */
export function yearRowsModel(model: TaskTableModel, style: YearRowsStyle): TaskTableModel["directions"] {
  if (style.deadlineColumn) return model.directions;
  return model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => ({ ...project, deadline: "" })),
  }));
}
