/**
 * Annex 1 (the task table) laid out like the official annex, as logical rows shared by the DOCX and
 * the human-readable XLSX sheet: direction headings, tasks with their projects, one line per
 * funding source, "Всього за напрямом" and the grand total, computed from the items.
 */
import {
  allItems,
  type FundingRow,
  type Item,
  isSummedSource,
  type Programme,
  SOURCE_KINDS,
  SOURCE_LABELS_UK,
  walkItems,
} from "../domain/model.js";
import { type Kopecks, type MoneyUnit, unitLabel } from "../domain/money.js";
import { type Totals, totalsOfRows } from "../domain/totals.js";
import { amountPeriods, itemsWithParents } from "../template/records.js";

export interface AnnexLine {
  kind: "line";
  task: string;
  project: string;
  executors: string[];
  deadline: string;
  source: string;
  /** Total first, then one amount per year, then one per span of years; null where nothing is given. */
  amounts: (Kopecks | null)[];
  /** Printed in the total cell when a row has text instead of amounts. */
  note: string;
  result: string;
  /** Totals rows, printed bold. */
  strong: boolean;
}

export interface AnnexHeading {
  kind: "direction";
  text: string;
}

export type AnnexRow = AnnexLine | AnnexHeading;

export const TOTAL_OF_SOURCES = "Загальний обсяг, у тому числі:";
export const DIRECTION_TOTAL = "Всього за напрямом";
export const PROGRAMME_TOTAL = "Всього за програмою";

export const ANNEX_HEADERS = {
  task: "Назва завдання",
  project: "Назва проєкту, робіт з інформатизації",
  executors: "Відповідальні за виконання",
  deadline: "Строки виконання",
  source: "Джерела фінансування",
  total: "Всього",
  result: "Очікувані результати",
};

/** The amounts' heading names the programme's unit, which the importer reads the amounts in. */
export function amountsHeader(unit: MoneyUnit): string {
  return `Обсяги фінансування, ${unitLabel(unit)}`;
}

/** Direction heading: "1" + "Title" → "1. Title", the form the importer recognises as a direction. */
export function numbered(number: string, title: string): string {
  if (number.trim() === "") return title;
  return /\d$/.test(number) ? `${number}. ${title}` : `${number} ${title}`;
}

/** Item cell: its number exactly as the model holds it ("1.1", "1.1.", "3)"), then the title. */
export function itemLabel(number: string, title: string): string {
  return number.trim() === "" ? title : `${number} ${title}`;
}

function blankLine(years: string[]): AnnexLine {
  return {
    kind: "line",
    task: "",
    project: "",
    executors: [],
    deadline: "",
    source: "",
    amounts: Array<Kopecks | null>(years.length + 1).fill(null),
    note: "",
    result: "",
    strong: false,
  };
}

function fundingLine(row: FundingRow, years: string[]): AnnexLine {
  const hasAmounts = row.total !== 0 || Object.keys(row.byYear).length > 0;
  const label = row.source === "total" ? TOTAL_OF_SOURCES : row.label || SOURCE_LABELS_UK[row.source];
  return {
    ...blankLine(years),
    source: label,
    amounts:
      hasAmounts || !row.note
        ? [row.total, ...years.map((period) => periodAmounts(row)[period] ?? null)]
        : blankLine(years).amounts,
    note: hasAmounts ? "" : (row.note ?? ""),
  };
}

/** A row's amounts by year and by span of years ("2026-2027"): the annex prints both as columns. */
function periodAmounts(row: FundingRow): Record<string, Kopecks> {
  return { ...row.byYear, ...row.spans };
}

/** Totals whose `byYear` also holds the spans of years, one column each. */
function periodTotals(rows: FundingRow[]): Totals {
  return totalsOfRows(rows.map((row) => ({ ...row, byYear: periodAmounts(row) })));
}

/** An item's own funding lines; a "total" line is added when several sources have no printed one. */
function itemFundingLines(item: Item, years: string[]): AnnexLine[] {
  const summed = item.funding.filter((row) => isSummedSource(row.source));
  const hasTotalRow = item.funding.some((row) => row.source === "total");
  const lines = item.funding.map((row) => fundingLine(row, years));
  if (summed.length > 1 && !hasTotalRow)
    lines.unshift(totalsLine(TOTAL_OF_SOURCES, periodTotals(summed), years));
  return lines.length > 0 ? lines : [blankLine(years)];
}

function totalsLine(source: string, totals: Totals, years: string[]): AnnexLine {
  return {
    ...blankLine(years),
    source,
    amounts: [totals.total, ...years.map((year) => totals.byYear[year] ?? null)],
  };
}

function sourceLine(kind: (typeof SOURCE_KINDS)[number], totals: Totals, years: string[]): AnnexLine {
  const byYear = totals.bySourceByYear[kind] ?? {};
  const amounts = [totals.bySource[kind] ?? 0, ...years.map((year) => byYear[year] ?? null)];
  return { ...blankLine(years), source: SOURCE_LABELS_UK[kind], amounts };
}

/** A source with only zeros ("не потребує фінансування") adds nothing to a totals block. */
function hasAmount(totals: Totals, kind: (typeof SOURCE_KINDS)[number]): boolean {
  const byYear = Object.values(totals.bySourceByYear[kind] ?? {});
  return (totals.bySource[kind] ?? 0) !== 0 || byYear.some((amount) => amount !== 0);
}

/** "Всього за напрямом" / the grand total: one line, or a total line and one line per source. */
function totalLines(title: string, totals: Totals, years: string[]): AnnexLine[] {
  const kinds = SOURCE_KINDS.filter((kind) => hasAmount(totals, kind));
  const lines =
    kinds.length === 1 && kinds[0]
      ? [sourceLine(kinds[0], totals, years)]
      : [
          totalsLine(TOTAL_OF_SOURCES, totals, years),
          ...(kinds.length > 1 ? kinds.map((kind) => sourceLine(kind, totals, years)) : []),
        ];
  const [first] = lines;
  if (first) first.task = title;
  for (const line of lines) line.strong = true;
  return lines;
}

/** A task that only groups projects shares its row with its first project, as in the official annex. */
function isBareGroup(item: Item): boolean {
  return (
    item.children.length > 0 &&
    item.funding.length === 0 &&
    item.executors.length === 0 &&
    item.deadlineText === "" &&
    item.expectedResult === ""
  );
}

/**
 * Project cells of the official annex carry no numbers; a project's "1.2.3" that only restates its
 * position under task "1.2" is left out, so the importer numbers it the same way again.
 */
function isGeneratedNumber(item: Item, parent: Item | null): boolean {
  if (!parent) return false;
  const position = parent.children.indexOf(item) + 1;
  return item.number.replace(/\.$/, "") === `${parent.number.replace(/\.$/, "")}.${position}`;
}

function itemLines(task: Item, years: string[]): AnnexLine[] {
  const lines: AnnexLine[] = [];
  let pendingTask = "";
  for (const { item, parent, depth } of itemsWithParents([task])) {
    if (depth === 1 && isBareGroup(item)) {
      pendingTask = itemLabel(item.number, item.title);
      continue;
    }
    const [first, ...rest] = itemFundingLines(item, years);
    if (!first) continue;
    const label =
      depth === 1 || !isGeneratedNumber(item, parent) ? itemLabel(item.number, item.title) : item.title;
    first.task = depth === 1 ? label : pendingTask;
    first.project = depth === 1 ? "" : label;
    first.executors = item.executors;
    first.deadline = item.deadlineText;
    first.result = item.expectedResult;
    pendingTask = "";
    lines.push(first, ...rest);
  }
  return lines;
}

/** The amount columns after "Всього": every year, then every span of years ("2026-2027"). */
export function annexYears(programme: Programme): string[] {
  return amountPeriods(programme);
}

const fundingOf = (items: Item[]) => [...walkItems(items)].flatMap((item) => item.funding);

export function annexRows(programme: Programme): AnnexRow[] {
  const years = annexYears(programme);
  const rows: AnnexRow[] = [];
  for (const direction of programme.directions) {
    rows.push({ kind: "direction", text: numbered(direction.number, direction.title) });
    for (const task of direction.items) rows.push(...itemLines(task, years));
    rows.push(...totalLines(DIRECTION_TOTAL, periodTotals(fundingOf(direction.items)), years));
  }
  const all = allItems(programme).flatMap((item) => item.funding);
  rows.push(...totalLines(PROGRAMME_TOTAL, periodTotals(all), years));
  return rows;
}
