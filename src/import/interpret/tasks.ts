import { deadlineAllows } from "../../domain/deadline.js";
import { isUnitName, splitExecutors, startsExecutor, startsWithPerson } from "../../domain/executor-split.js";
import { LETTER, LOWER } from "../../domain/letters.js";
import type { Direction, FundingRow, Item, Programme } from "../../domain/model.js";
import { emptyItem, isSummedSource, ref, walkItems } from "../../domain/model.js";
import { formatAmount, type MoneyUnit, sumKopecks, unitLabel, unitNamedIn } from "../../domain/money.js";
import {
  compareAmounts,
  describeMismatches,
  type Mismatch,
  money,
  rowName,
  yearMismatches,
} from "../../domain/rules/common.js";
import { isSourceLabel } from "../../domain/sources.js";
import {
  directionTotals,
  itemTotals,
  type Totals,
  totalsOfRows,
  type Unsplit,
  unsplitOfRows,
} from "../../domain/totals.js";
import type { Table, TableRow } from "../blocks.js";
import { romanNumber } from "../list-labels.js";
import { joinPieces } from "../text/clean.js";
import {
  type ColumnRule,
  type Columns,
  isColumnNumberRow,
  readColumns,
  type SourceColumn,
  yearOf,
} from "./columns.js";
import { NumberLedger } from "./coverage.js";
import { parseDeadline } from "./deadline.js";
import { addsUp, describeKindSum, kindSums } from "./expense-kinds.js";
import { FindingLog } from "./findings.js";
import {
  amountsHeadingSource,
  isTotalWord,
  printsYearsAsRows,
  readFunding,
  rowSource,
  type ScaledAmount,
  type TaskRole,
  unitOfCell,
  yearRowColumns,
} from "./funding.js";
import {
  type NameColumns,
  NO_SECTIONS,
  readNumberedHeadings,
  readSectionHeadings,
  type SectionHeading,
  type SectionHeadings,
} from "./section-headings.js";
import { hasSourceColumns, printsNoYear, readSourceColumns } from "./source-columns.js";
import { unstackSources } from "./stacked-rows.js";
import { cellText, leadingNumber } from "./text.js";

export const TASK_COLUMNS: ColumnRule<TaskRole>[] = [
  { role: "number", pattern: /^\s*(№|з\/п)/i },
  { role: "project", pattern: /про[еєe]кт/i },
  { role: "direction", pattern: /напрям/i },
  // Before the task's rule: «Державний замовник завдання (робіт)» names the task too.
  { role: "customer", pattern: /^\s*(?:державн\S*\s+)?замовник/i },
  { role: "task", pattern: /завдан|заход|захід|назва/i },
  { role: "executors", pattern: /відповідальн|виконав(?:ц|ець)/i },
  { role: "coexecutors", pattern: /співвиконав/i },
  { role: "deadline", pattern: /строк|термін/i },
  { role: "source", pattern: /джерел/i },
  { role: "money", pattern: /обсяг|вартість|сума/i },
  { role: "result", pattern: /очікуван|результат/i },
  { role: "year", pattern: /^\s*(?:рік|роки)(?:\s+(?:фінансування|виконання|реалізації))?\s*$/i },
  { role: "indicators", pattern: /показник/i },
  // Measures named beside the task column («Назва завдання | Перелік заходів»): the projects' column.
  { role: "project", pattern: /^\s*(?:перелік|назва|найменування|зміст)\s+заход/i },
];

const DIRECTION = /^(\d{1,2})\.\s*([^\d\s].*)$/s;
/** What a row calls itself when it heads a direction: «Пріоритетний напрям», «Напрямок», «Розділ», «Підпрограма». */
const DIRECTION_WORD = String.raw`(?:пріоритетний\s+)?(?:напрям(?:ок)?|розділ|підпрограма)`;
const NAMES_DIRECTION = new RegExp(`^${DIRECTION_WORD}`, "i");
const NAMED_DIRECTION = new RegExp(String.raw`^${DIRECTION_WORD}\s*(\d{1,2})?\s*[.:–—-]?\s*(\S.*)$`, "is");
/** "I. Назва", "ІV. Назва": a Roman number, often typed with the Cyrillic І and Х. */
const ROMAN_DIRECTION = /^([IVXІХ]{1,5})\.\s*(\S.*)$/s;
/** "Завдання 1. Назва" alone in its row: a task heading over its projects ("1.1", "1.2"). */
const TASK_HEADING = /^завдання\s*№?\s*(\d{1,2})\s*[.:–—-]?\s*(\S.*)$/is;
/** «Захід 1. Назва:» heads the measures under it («а)», «б)») as «Завдання 1. Назва» does its projects. */
const ITEM_HEADING = /^(?:завдання|захід)\s*№?\s*(\d{1,2})\s*[.:–—-]?\s*(\S.*?)\s*:?$/is;
/** "Пріоритетний напрям 1" alone: its title is the first task cell under it. */
const UNTITLED_DIRECTION = new RegExp(String.raw`^${DIRECTION_WORD}\s*№?\s*(\d{1,2})\s*[.:]?$`, "i");
/** Text that starts mid-sentence: the rest of a cell split by a page break. */
const MID_SENTENCE = new RegExp(String.raw`^[«"„“(]?${LOWER}`, "u");
const TOTAL = /^(всього|усього|разом)/i;
/** A ditto mark: «-//-», «–//–», «-"-», «—“—», «//», «те саме». */
const DITTO = /^(?:[-–—]?\s*(?:\/\/|["“”„«»]{1,2})\s*[-–—]?|те\s+саме|так\s+само)$/i;
/** «Завдання: Назва», «Захід: Назва», «Проєкт: Назва»: a word naming the item's role, not its title. */
const ROLE_PREFIX = /^(?:завдання|захід|про[еєe]кт)\s*:\s*(?=\S)/i;
/** An executors cell cut after a conjunction or a slash: what follows on the next page goes on with it. */
const ENDS_WITH_JOINER = new RegExp(String.raw`(?:(?<!${LETTER})(?:та|і|й|and)|\/)$`, "iu");

/**
 * An unnumbered heading in capitals alone in its row ("ЦИФРОВА ІНФРАСТРУКТУРА"): a direction's title.
 * Not a total, a source or an abbreviation: two words at least, no digit, no lowercase letter.
 */
export function isCapitalHeading(text: string): boolean {
  if (/[\da-zа-яґєіїё]/.test(text) || TOTAL.test(text) || isSourceLabel(text)) return false;
  return (text.match(/[A-ZА-ЯҐЄІЇЁ'’ʼ-]{2,}/g) ?? []).length >= 2;
}

/** A line that heads a task over its projects: "Завдання 1. Назва". */
export function isTaskHeading(text: string): boolean {
  return TASK_HEADING.test(cellText(text));
}

/** A line that names a direction of the task table: "1. Назва", "Напрям 2 – Назва", "II. Назва". */
export function isDirectionHeading(text: string): boolean {
  const line = cellText(text);
  if (UNTITLED_DIRECTION.test(line) || DIRECTION.test(line) || NAMES_DIRECTION.test(line)) return true;
  const roman = ROMAN_DIRECTION.exec(line);
  return roman !== null && romanNumber(roman[1] ?? "") !== null;
}

export interface TaskTable {
  directions: Direction[];
  declaredTotals: FundingRow[];
  unit: MoneyUnit;
  years: string[];
  /** The printed text of every amount placed in the model, for the programme's unit check. */
  amountTexts: string[];
  /** The printed amounts of each item's funding row. */
  rowTexts: Map<FundingRow, string[]>;
}

type Period = Programme["period"];

/** The task table may print one column for several years, and a column per source. */
const TASK_OPTIONS = { spans: true, sources: true, headingTotal: true };

const columnsCache = new WeakMap<Table, Columns<TaskRole> | null>();

function taskColumns(table: Table): Columns<TaskRole> | null {
  if (!columnsCache.has(table))
    columnsCache.set(
      table,
      oneNameColumn(
        directionsOnly(
          customerAsExecutors(
            indicatorsAsResult(
              amountsWithoutYears(readColumns(table.rows, TASK_COLUMNS, "money", TASK_OPTIONS)),
            ),
          ),
        ),
      ),
    );
  return columnsCache.get(table) ?? null;
}

/**
 * One amounts column and no year, span, source or `Рік` column under it («Орієнтовний обсяг
 * фінансування, тис. грн» beside «Джерела фінансування»): the column holds each row's whole amount,
 * read as its printed total.
 */
function amountsWithoutYears(columns: Columns<TaskRole> | null): Columns<TaskRole> | null {
  if (columns?.roles.money === undefined || columns.roles.year !== undefined || columns.total !== null)
    return columns;
  if (columns.years.length > 0 || columns.spans.length > 0 || columns.sources.length > 0) return columns;
  return { ...columns, total: columns.roles.money };
}

/** «Показники виконання» and no column of results: the indicators are what each measure is to achieve. */
function indicatorsAsResult(columns: Columns<TaskRole> | null): Columns<TaskRole> | null {
  if (columns?.roles.indicators === undefined || columns.roles.result !== undefined) return columns;
  return { ...columns, roles: { ...columns.roles, result: columns.roles.indicators } };
}

/** «Державний замовник» and no column of executors: the customer answers for the work, its executor. */
function customerAsExecutors(columns: Columns<TaskRole> | null): Columns<TaskRole> | null {
  if (columns?.roles.customer === undefined || columns.roles.executors !== undefined) return columns;
  return { ...columns, roles: { ...columns.roles, executors: columns.roles.customer } };
}

/**
 * A column headed by the directions ("Пріоритетні напрями", "Назва напряму (завдання)") with no task or
 * project column beside it names the items: it is the task column, its direction rows headings.
 */
function directionsOnly(columns: Columns<TaskRole> | null): Columns<TaskRole> | null {
  if (columns === null || columns.roles.direction === undefined) return columns;
  if (columns.roles.task !== undefined || columns.roles.project !== undefined) return columns;
  const { direction, ...roles } = columns.roles;
  return { ...columns, roles: { ...roles, task: direction } };
}

/**
 * A table with one name column headed by the project ("Найменування проєкту", "Найменування завдання,
 * проєкту") and none for the task names its items there: that column is read as the task column, whose
 * rows are items of their own.
 */
function oneNameColumn(columns: Columns<TaskRole> | null): Columns<TaskRole> | null {
  if (columns === null || columns.roles.task !== undefined || columns.roles.project === undefined)
    return columns;
  const { project, ...roles } = columns.roles;
  return { ...columns, roles: { ...roles, task: project } };
}

/** True when a table's header names the columns of the task table (annex 1). */
export function isTaskTable(table: Table): boolean {
  const columns = taskColumns(table);
  if (columns === null || columns.roles.task === undefined) return false;
  const yearColumns =
    columns.years.length > 0 || columns.spans.length > 0 || columns.roles.year !== undefined;
  const amountColumns = yearColumns || hasSourceColumns(columns);
  // An amounts' heading that names the source («Обсяг фінансування з бюджету громади») stands for its column.
  const sourced = columns.roles.source !== undefined || amountsHeadingSource(columns) !== null;
  return sourced || (columns.roles.money !== undefined && amountColumns);
}

export function unitOf(headerText: string): MoneyUnit | null {
  return unitNamedIn(headerText);
}

/** «Завдання 1. Назва» in the row numbered 1: the role and the row's own number again. */
const ROLE_NUMBER = /^(?:завдання|захід|про[еєe]кт)\s+(\d{1,3}(?:\.\d{1,3})*)\.?\s*[:.–—-]?\s+(?=\S)/i;

/** An item's title without the role word printed before it (with its number, when it is the row's). */
function withoutRole(title: string, number = ""): string {
  const numbered = ROLE_NUMBER.exec(title);
  if (numbered && numbered[1] === number.replace(/[.)]$/, "")) return title.slice(numbered[0].length);
  return title.replace(ROLE_PREFIX, "");
}

/** «Завдання 1. Назва», «Захід 1.2. Назва» in a row with no number of its own: the item's number and title. */
function roleNumbered(text: string): { number: string; rest: string } | null {
  const match = ROLE_NUMBER.exec(cellText(text));
  return match ? { number: match[1] ?? "", rest: cellText(text).slice(match[0].length) } : null;
}

/** «а) закупівля», «б) прокладання»: a measure lettered under the measure heading above it. */
const LETTERED = /^([а-яґєіїa-z]\))\s*(\S.*)$/su;

function letteredNumber(text: string): { number: string; rest: string } | null {
  const match = LETTERED.exec(cellText(text));
  return match ? { number: match[1] ?? "", rest: cellText(match[2]) } : null;
}

/** No co-executor: an empty cell, a dash or «х». */
const NO_COEXECUTOR = /^(?:[-–—хx]*|немає)$/i;

/** The co-executors' cell read after the responsible executor's, as more executors of the measure. */
function withCoexecutors(cells: string[], columns: Columns<TaskRole>): string[] {
  const { executors, coexecutors } = columns.roles;
  if (executors === undefined || coexecutors === undefined) return cells;
  const more = cellText(cells[coexecutors]);
  const out = [...cells];
  out[coexecutors] = "";
  if (NO_COEXECUTOR.test(more)) return out;
  const first = cellText(cells[executors]);
  out[executors] = first ? `${first}; ${more}` : more;
  return out;
}

function cell(cells: string[], index: number | undefined): string {
  return index === undefined ? "" : (cells[index] ?? "");
}

/** Builds directions and items from the task table's rows, one row at a time. */
class TaskTableBuilder {
  readonly directions: Direction[] = [];
  readonly declaredTotals: FundingRow[] = [];
  readonly amountTexts: string[] = [];
  /** The printed amounts of each item's funding row, for the per-row unit check. */
  readonly rowTexts = new Map<FundingRow, string[]>();
  private direction: Direction | null = null;
  private task: Item | null = null;
  private leaf: Item | null = null;
  /** Every item made so far, in order, with its direction: what a bare row's sums are checked against. */
  private readonly made: { item: Item; direction: Direction }[] = [];
  /** The leaf's executors cell as printed so far: a page break may cut it after a `;` or a `,`. */
  private executorsPrinted = "";
  /**
   * The last text the measures of one task or direction (`owner`) printed in each column a merged cell
   * may cover, by column.
   */
  private printedAbove: { owner: object | null; texts: Map<number, string> } = {
    owner: null,
    texts: new Map(),
  };
  private totals: FundingRow[] | null = null;
  /** The last cell printed in each text column, which a ditto mark below repeats. */
  private readonly printedBefore = new Map<number, string>();
  /**
   * Stated totals that name neither a direction nor the programme ("Разом:") after a direction's items:
   * where each group of rows starts in its direction's totals. `settleBareTotals` decides whose they are.
   */
  private readonly bareTotals: { direction: Direction; task: Item | null; rows: FundingRow[] }[] = [];
  /** Tasks printed as a heading row of their own: the rows under them are their projects. */
  private readonly headed = new WeakSet<Item>();
  /** Stated totals of a task («Разом за завданням 1») and the task they total, checked once it is read. */
  private readonly taskTotals: { task: Item; rows: FundingRow[] }[] = [];
  /** The direction row printed no title, so its first task cell named the direction, not a task. */
  private taskIsDirection = false;
  /** The last row was the header or the column-number row repeated at a page top. */
  private afterBreak = false;
  /** The rows that printed a number in the `№` column, and the task and project each opened. */
  private readonly numberedRows: { number: string; task: Item | null; project: Item | null }[] = [];
  /** Projects opened in all, and whether any printed a number of its own in its cell. */
  private projectsOpened = 0;
  private projectNumberPrinted = false;
  /** The header names no unit and every amount cell names its own: the table's unit is theirs. */
  unitsFromCells = false;

  private readonly headerCells: Set<string>;
  /** The table prints one row per year (a `Рік` column) instead of a column per year. */
  private readonly yearsAsRows: boolean;
  /** Funding rows read from rows of one year each, that rows of their source's other years join. */
  private readonly yearRows = new WeakSet<FundingRow>();
  /** The funding row the last year's row went to: a row that leaves its source out repeats its source. */
  private lastYearRow: FundingRow | null = null;
  /** The years the `Рік` cells name, when the table prints years as rows. */
  readonly years = new Set<string>();
  /** Items whose expected result already holds their indicators («… Показники: …»). */
  private readonly withIndicators = new WeakSet<Item>();
  /** The one source the amounts' heading names in a table with no source column. */
  private readonly headingSource: ReturnType<typeof amountsHeadingSource>;

  constructor(
    private readonly columns: Columns<TaskRole>,
    readonly unit: MoneyUnit,
    private readonly log: FindingLog,
    private readonly ledger: NumberLedger,
    /** The «№» column counts the rows (1, 2, 3 … beside a column of directions): no direction's number. */
    private readonly rowCounter = false,
    /** Rows heading directions by a word of the council's own («Блок 2. Назва»), and their totals. */
    private readonly sections: SectionHeadings = NO_SECTIONS,
    /** The table draws no borders between its rows (`Table.unruled`). */
    private readonly unruled = false,
  ) {
    this.headerCells = new Set(columns.headerCells.map(cellText).filter((text) => text !== ""));
    this.yearsAsRows = printsYearsAsRows(columns);
    this.headingSource = amountsHeadingSource(columns);
  }

  /** Executors cells repeat down a table (one unit for many measures): each text is split once. */
  private readonly executorUnits = new Map<string, string[]>();

  private executorsOf(text: string): string[] {
    let units = this.executorUnits.get(text);
    if (units === undefined) {
      units = splitExecutors(text);
      this.executorUnits.set(text, units);
    }
    return [...units];
  }

  /** The header or the column-number row repeated at the top of a page. */
  private isRepeatedHeader(cells: string[]): boolean {
    if (isColumnNumberRow(cells)) return true;
    let filled = 0;
    for (const cell of cells) {
      const text = cellText(cell);
      if (text === "") continue;
      if (!this.headerCells.has(text)) return false;
      filled++;
    }
    return filled >= 2;
  }

  take(row: TableRow): void {
    if (row.cells.every((text) => text.trim() === "")) return;
    if (this.isRepeatedHeader(row.cells)) {
      this.afterBreak = true;
      return;
    }
    const afterBreak = this.afterBreak;
    this.afterBreak = false;
    this.ledger.seeRow(row.line, row.cells);
    const section = this.sections.rows.get(row);
    const cells = withCoexecutors(this.withDittoCells(this.withMergedCells(row)), this.columns);
    unstackSources(cells, this.columns).forEach((cells, index) => {
      this.takeCells(cells, row.line, afterBreak && index === 0, index === 0 ? section : undefined);
    });
  }

  /** `section`: the row heads a direction by a word of the council's own (`readSectionHeadings`). */
  private takeCells(cells: string[], line: number, afterBreak: boolean, section?: SectionHeading): void {
    const first = cellText(cells.find((text) => text.trim() !== ""));
    const heading = this.taskHeadingOf(cells, first);
    const direction = section ?? (heading ? null : this.directionOf(cells, first));
    if (direction) {
      this.placeText(line, cells, [this.columns.roles.number]);
      this.startDirection(direction.number, direction.title, line);
    } else if (heading) {
      this.task = null;
      this.placeText(line, cells, [this.columns.roles.number]);
      this.addTask(heading.number, heading.title, line);
      if (this.task) this.headed.add(this.task);
      this.totals = null;
    } else if (this.totalsLeaf(cells)) this.fill(cells, "", line, false);
    else if (TOTAL.test(first) && !this.totalOfYears(cells)) this.startTotals(cells, line);
    else {
      const rest = this.takeDirectionCell(cells, line, afterBreak);
      if (rest === null) return;
      if ((afterBreak && this.continuesLeaf(rest)) || this.wrapsBesideSource(rest))
        this.continueLeaf(rest, line);
      else this.takeItemRow(rest, line);
    }
  }

  /**
   * A table with a column of directions beside the tasks: a title there starts its direction (numbered
   * by its own number, else by a one-level number in the «№» cell, else in turn) unless it repeats the
   * open direction's; after a page break, text mid-sentence goes on with the open direction's title.
   * Returns the row without the cells read here, or null when nothing else is left in it.
   */
  private takeDirectionCell(cells: string[], line: number, afterBreak: boolean): string[] | null {
    const { roles } = this.columns;
    const text = cellText(cell(cells, roles.direction));
    if (roles.direction === undefined || text === "") return cells;
    const rest = [...cells];
    rest[roles.direction] = "";
    const open = this.direction;
    const printed = leadingNumber(text);
    const ownNumber = printed?.number ? printed : null;
    const title = ownNumber ? ownNumber.rest : text;
    if (afterBreak && open && MID_SENTENCE.test(text)) open.title = joinPieces(open.title, text);
    else if (!open || cellText(open.title) !== title) {
      const numberCell = cellText(cell(cells, roles.number));
      const byCell = !this.rowCounter && !ownNumber && /^\d{1,2}\.?$/.test(numberCell);
      if (byCell && roles.number !== undefined) {
        this.placeText(line, cells, [roles.number]);
        rest[roles.number] = "";
      }
      const number = ownNumber?.number ?? (byCell ? numberCell : String(this.directions.length + 1));
      this.startDirection(number.replace(/[.)]$/, ""), title, line);
    }
    return rest.some((each) => each.trim() !== "") ? rest : null;
  }

  /**
   * An item's row under a cell merged down over several items' rows (one executor, deadline or source
   * for them all) takes that cell's text; its name, amounts and result are never carried down.
   */
  private withMergedCells(row: TableRow): string[] {
    const merged = row.mergedFromAbove;
    if (!merged || this.itemText(row.cells) === "") return row.cells;
    const { roles } = this.columns;
    const cells = [...row.cells];
    for (const column of [roles.executors, roles.deadline, roles.source]) {
      const above = column === undefined ? undefined : merged[column];
      if (column !== undefined && above && cellText(cells[column]) === "") cells[column] = above;
    }
    return cells;
  }

  /**
   * «-//-» or «-"-» («те саме») in an executors, deadline, source or result cell repeats the last cell
   * printed in that column above it.
   */
  private withDittoCells(cells: string[]): string[] {
    const { executors, deadline, source, result } = this.columns.roles;
    const out = [...cells];
    for (const column of [executors, deadline, source, result]) {
      if (column === undefined) continue;
      const text = cellText(out[column]);
      if (DITTO.test(text)) out[column] = this.printedBefore.get(column) ?? "";
      else if (text !== "") this.printedBefore.set(column, out[column] ?? "");
    }
    return out;
  }

  /**
   * «Разом» in the source column under a measure's source rows, nothing before it: the measure's own
   * total over its sources, not a total of the direction or the programme.
   */
  private totalsLeaf(cells: string[]): boolean {
    const source = this.columns.roles.source;
    if (source === undefined || this.leaf === null || this.totals !== null) return false;
    return cells.findIndex((text) => text.trim() !== "") === source && isTotalWord(cells[source] ?? "");
  }

  /** "Всього" in the `Рік` column of a table that prints years as rows: the row's total over its years. */
  private totalOfYears(cells: string[]): boolean {
    const year = this.columns.roles.year;
    return this.yearsAsRows && year !== undefined && cells.findIndex((text) => text.trim() !== "") === year;
  }

  /** The text cell a row names its item in: the project column, else the task column. */
  private itemText(cells: string[]): string {
    const { roles } = this.columns;
    return cellText(cell(cells, roles.project)) || cellText(cell(cells, roles.task ?? 0));
  }

  /**
   * After a page break, a row whose item text goes on mid-sentence (or that holds no item text and
   * no deadline, only executors or results) continues the item above; it never starts a new one.
   */
  private continuesLeaf(cells: string[]): boolean {
    if (!this.leaf || this.totals) return false;
    const { roles } = this.columns;
    const text = this.itemText(cells);
    if (text !== "") return MID_SENTENCE.test(text) && !isSourceLabel(text) && !leadingNumber(text)?.number;
    const deadline = cellText(cell(cells, roles.deadline));
    const executors = cellText(cell(cells, roles.executors));
    return deadline === "" && executors !== "";
  }

  /**
   * A measure's title or executors wrapped onto the line of its next source in a table without borders
   * («техніки», «розвитку» beside «Інші джерела | 50,0»): each such text lowercase, no number, no
   * deadline, a source. They go on with the measure's title and executors; the source is the measure's.
   */
  private wrapsBesideSource(cells: string[]): boolean {
    const { roles } = this.columns;
    if (!this.leaf || cellText(cell(cells, roles.number)) !== "" || cellText(cell(cells, roles.deadline)))
      return false;
    const texts = [this.itemText(cells), cellText(cell(cells, roles.executors))].filter(Boolean);
    if (texts.length === 0 || !texts.every((text) => MID_SENTENCE.test(text) && !leadingNumber(text)))
      return false;
    return isSourceLabel(cellText(cell(cells, roles.source)));
  }

  /** Joins a row split by a page break to the item above: title, executors and result go on. */
  private continueLeaf(cells: string[], line: number): void {
    const leaf = this.leaf;
    if (!leaf) return;
    const text = this.itemText(cells);
    if (text) leaf.title = joinPieces(leaf.title, text);
    const executors = cellText(cell(cells, this.columns.roles.executors));
    if (executors) this.continueExecutors(leaf, executors);
    this.fill(cells, "", line, false);
  }

  /**
   * The rest of an executors cell cut by a page break. After a `;` it starts a new executor. After a
   * comma it is read as if the cell were not cut ("Відділ освіти," + "молодіжна рада": two units;
   * "Управління освіти," + "культури та спорту": one). Otherwise it goes on after a conjunction, or
   * mid-name unless it starts a unit of its own ("Відділ цифрового розвитку" + "служба у справах
   * дітей"); read again, it may name a second unit ("Відділ освіти та" + "фінансовий відділ").
   */
  private continueExecutors(leaf: Item, piece: string): void {
    const printed = this.executorsPrinted;
    this.executorsPrinted = joinPieces(printed, piece);
    const last = leaf.executors.length - 1;
    const previous = leaf.executors[last] ?? "";
    const comma = /,$/.test(printed);
    const midName = MID_SENTENCE.test(piece) && !startsExecutor(piece);
    if (last >= 0 && !/;$/.test(printed) && (comma || midName || ENDS_WITH_JOINER.test(previous)))
      leaf.executors.splice(
        last,
        1,
        ...this.executorsOf(joinPieces(comma ? `${previous},` : previous, piece)),
      );
    else leaf.executors.push(...this.executorsOf(piece));
  }

  /** "1. Назва напряму" alone in a row, or a one-level number with a title and nothing else. */
  private directionOf(cells: string[], first: string): { number: string; title: string } | null {
    const filled = cells.filter((text) => text.trim() !== "").length;
    const at = cells.findIndex((text) => text.trim() !== "");
    if (filled === 1 && at <= (this.columns.roles.task ?? 0) && isCapitalHeading(first)) {
      return { number: String(this.directions.length + 1), title: first };
    }
    // A heading that names itself a direction («Пріоритетний напрям 1. Назва») may stand in the task
    // column, after an empty `№` cell; a bare number («1. Назва») only in the first cell.
    const inTaskColumn = filled === 1 && at > 0 && at <= (this.columns.roles.task ?? 0);
    if (inTaskColumn && NAMES_DIRECTION.test(first)) {
      const untitled = UNTITLED_DIRECTION.exec(first);
      if (untitled) return { number: untitled[1] ?? String(this.directions.length + 1), title: "" };
      const named = NAMED_DIRECTION.exec(first);
      if (named) return { number: named[1] ?? String(this.directions.length + 1), title: cellText(named[2]) };
    }
    if (filled === 1 && cellText(cells[0]) === first) {
      const untitled = UNTITLED_DIRECTION.exec(first);
      if (untitled) return { number: untitled[1] ?? String(this.directions.length + 1), title: "" };
      const match = DIRECTION.exec(first) ?? NAMED_DIRECTION.exec(first);
      if (match) return { number: match[1] ?? String(this.directions.length + 1), title: cellText(match[2]) };
      const roman = ROMAN_DIRECTION.exec(first);
      const number = roman ? romanNumber(roman[1] ?? "") : null;
      if (roman && number) return { number: String(number), title: cellText(roman[2]) };
    }
    const { roles } = this.columns;
    const number = cellText(cell(cells, roles.number));
    const title = cellText(cell(cells, roles.task));
    if (roles.number === undefined || !/^\d{1,2}\.?$/.test(number) || title === "" || filled !== 2)
      return null;
    // "1 | Пріоритетний напрям: Назва": the words naming the row a direction are not its title.
    const named = NAMED_DIRECTION.exec(title);
    return { number: number.replace(/\.$/, ""), title: named ? cellText(named[2]) : title };
  }

  private startDirection(number: string, title: string, line: number): void {
    this.direction = { number, title, items: [], declaredTotals: [], line };
    this.directions.push(this.direction);
    this.taskIsDirection = false;
    this.task = null;
    this.leaf = null;
    this.totals = null;
  }

  /** "Завдання 1. Назва" or «Захід 1. Назва:» alone in its row, or beside its number in the «№» cell. */
  private taskHeadingOf(cells: string[], first: string): { number: string; title: string } | null {
    const { roles } = this.columns;
    const filled = cells.filter((text) => text.trim() !== "").length;
    const numberCell = roles.number === roles.task ? "" : cellText(cell(cells, roles.number));
    const numbered = /^\d{1,2}\.?$/.test(numberCell);
    if (filled !== (numbered ? 2 : 1)) return null;
    const heading = ITEM_HEADING.exec(numbered ? cellText(cell(cells, roles.task)) : first);
    if (!heading) return null;
    return { number: numbered ? numberCell : (heading[1] ?? ""), title: cellText(heading[2]) };
  }

  private startTotals(cells: string[], line: number): void {
    const label = cells.join(" ");
    const ofSection = this.sections.totalOf(cellText(cells.find((text) => text.trim() !== "")));
    if (ofSection === null && /завдан/i.test(label) && this.task) {
      const rows: FundingRow[] = [];
      this.taskTotals.push({ task: this.task, rows });
      this.totals = rows;
      this.task = null;
      this.leaf = null;
      this.addFunding(rows, cells, line, true);
      return;
    }
    const direction = this.direction;
    const namesDirection = ofSection === "direction" || /напрям|розділ|підпрограм/i.test(label);
    const namesProgramme = ofSection === null && /програм/i.test(label);
    const bare = !namesDirection && !namesProgramme && direction !== null && direction.items.length > 0;
    const ofDirection = (namesDirection || bare) && direction;
    this.totals = ofDirection ? ofDirection.declaredTotals : this.declaredTotals;
    if (bare) {
      this.totals = [];
      this.bareTotals.push({ direction, task: this.task, rows: this.totals });
    }
    this.task = null;
    this.leaf = null;
    this.addFunding(this.totals, cells, line, true);
  }

  /**
   * A heading after the programme's total with nothing under it («5. Показники», the next part's caption
   * caught in the table's alignment) heads no direction.
   */
  dropCaptionAfterTotal(): void {
    const last = this.directions.at(-1);
    const totalLine = this.declaredTotals.at(-1)?.line;
    if (!last || totalLine === undefined || last.line < totalLine) return;
    if (last.items.length === 0 && last.declaredTotals.length === 0) this.directions.pop();
  }

  /**
   * A bare «Разом» is the programme's total when its sums are the programme's (a one-direction table's
   * too), the direction's when they are the direction's, the task's above it when they are that task's
   * or more tasks of the direction follow (a «Разом» under each task, checked against the task's sums);
   * else the direction's when another direction follows, else the programme's, as the table's last total.
   */
  settleBareTotals(): void {
    const isTask = (item: Item) => item.children.length > 0;
    const programme = totalsOfRows(
      this.directions.flatMap((direction) => [...walkItems(direction.items)].flatMap((item) => item.funding)),
    );
    const ofProgramme: FundingRow[] = [];
    for (const { direction, task, rows } of this.bareTotals) {
      const headline = rows[0];
      if (!headline) continue;
      const lastDirection = direction === this.directions[this.directions.length - 1];
      const ofItsDirection = statesSums(headline, directionTotals(direction));
      const itemsAfter = direction.items.some((item) => item.line > headline.line);
      if (statesSums(headline, programme)) ofProgramme.push(...rows);
      else if (
        !ofItsDirection &&
        task &&
        (statesSums(headline, itemTotals(task)) || (itemsAfter && isTask(task)))
      )
        this.taskTotals.push({ task, rows });
      else if (ofItsDirection || !lastDirection) direction.declaredTotals.push(...rows);
      else ofProgramme.push(...rows);
    }
    this.declaredTotals.unshift(...ofProgramme);
  }

  /**
   * A task printed with amounts in its own row above projects that print amounts too: its amounts are
   * the projects' subtotal, and the money is counted once, the projects'. A subtotal that differs from
   * their sums is named at the task's row, unless the totals the table prints count the task's amounts
   * beside its projects' (a task funding work of its own, as the DOCX export prints it).
   */
  takeTaskRowsAsTotals(): void {
    for (const direction of this.directions) {
      const differing = direction.items.flatMap((task) => this.settleSubtotals(task));
      if (differing.length === 0 || this.printedTotalsCountOwnMoney(direction)) continue;
      for (const { task, rows, projects } of differing) {
        this.warnTaskRowSubtotal(task, rows, projects);
        task.funding = [];
      }
    }
  }

  /**
   * Each task under `item` (itself included, deepest first) whose own amounts are not its projects'
   * sums; those whose amounts are the sums are dropped as the subtotal they are.
   */
  private settleSubtotals(item: Item): { task: Item; rows: FundingRow[]; projects: Totals }[] {
    const deeper = item.children.flatMap((child) => this.settleSubtotals(child));
    const own = item.funding.filter((row) => row.total !== 0 || Object.values(row.byYear).some(Boolean));
    if (own.length === 0 || item.children.length === 0) return deeper;
    const projectRows = [...walkItems(item.children)].flatMap((each) => each.funding);
    const projects = totalsOfRows(projectRows);
    if (projects.total === 0) return deeper;
    const unsplit = unsplitOfRows(projectRows);
    const rows = own.filter((row) => subtotalMismatches(row, projects, unsplit).length > 0);
    if (rows.length === 0) {
      item.funding = [];
      return deeper;
    }
    return [...deeper, { task: item, rows, projects }];
  }

  /**
   * Whether the totals printed for the direction (else for the programme) state the sums of the
   * amounts as read, each task's own among them.
   */
  private printedTotalsCountOwnMoney(direction: Direction): boolean {
    const own = direction.declaredTotals.length > 0;
    const rows = own ? direction.declaredTotals : this.declaredTotals;
    const sums = own
      ? directionTotals(direction)
      : totalsOfRows(
          this.directions.flatMap((each) => [...walkItems(each.items)].flatMap((item) => item.funding)),
        );
    const states = rows.some((row) => row.totalPrinted || Object.keys(row.byYear).length > 0);
    return states && rows.every((row) => statesSums(row, sums));
  }

  private warnTaskRowSubtotal(task: Item, rows: FundingRow[], projects: Totals): void {
    const described = rows.map((row) => {
      const mismatches = subtotalMismatches(row, projects, { total: 0, bySource: {} });
      return `рядок ${rowName(row)}: ${describeMismatches(mismatches, this.unit, "сума його проєктів")}`;
    });
    const message =
      `Завдання ${task.number} «${task.title}» наводить у своєму рядку суми, а його проєкти — свої: суми ` +
      `завдання прочитано як підсумок проєктів і враховано лише суми проєктів. Підсумок не дорівнює сумі ` +
      `проєктів — ${described.join("; ")}`;
    this.log.warn("task-subtotal", message, rows[0]?.line ?? task.line, task);
  }

  /** Each task's stated total against the sum of its projects: named where they differ. */
  checkTaskTotals(): void {
    for (const { task, rows } of this.taskTotals) {
      const sums = itemTotals(task);
      for (const row of rows) {
        if (statesSums(row, sums)) continue;
        const stated = money(row.total, this.unit);
        const sum = money(sumsOfRowSource(row, sums).total, this.unit);
        const message = `Підсумок завдання ${task.number} «${task.title}», рядок «${row.label || "разом"}»: зазначено ${stated} (або інші суми за роками), а сума його проєктів — ${sum}`;
        this.log.warn("task-subtotal", message, row.line, task);
      }
    }
  }

  private addFunding(
    target: FundingRow[],
    cells: string[],
    line: number,
    totalRow = false,
    item?: Item,
  ): string {
    if (hasSourceColumns(this.columns)) return this.addSourceColumns(target, cells, line, totalRow, item);
    const columns = this.yearsAsRows ? yearRowColumns(cells, this.columns) : this.columns;
    const totalled = !item && target === this.totals;
    const years = this.yearsAsRows
      ? null
      : item
        ? this.possibleYears(item)
        : this.totalledYears(cells, target);
    const read = readFunding(cells, columns, this.unit, line, totalRow, { possible: years, totalled });
    const { result, placed, yearsGuessed } = read;
    this.warnScaled(read.scaled, line, item);
    if (read.row) this.sourceFromHeading(read.row);
    const row = read.row && this.yearsAsRows ? this.joinYearRow(target, read.row, cells, line) : read.row;
    if (row === read.row && row) target.push(row);
    if (item && this.yearsAsRows) this.yearAsDeadline(item, cells);
    if (row && yearsGuessed && item) {
      const message = `Рядок «${row.label || "без назви джерела"}» має менше клітинок сум, ніж стовпців у шапці: суми віднесено до років зліва — перевірте роки`;
      this.log.warn("years-guessed", message, line, item);
    }
    if (row && !totalRow)
      this.rowTexts.set(row, [...(this.rowTexts.get(row) ?? []), ...placed.map((cell) => cells[cell] ?? "")]);
    for (const cell of placed) {
      this.ledger.place({ line, cell });
      this.amountTexts.push(cells[cell] ?? "");
    }
    return result;
  }

  /**
   * «Рік виконання» in a table with no deadline column: the years of a measure's rows are when it is
   * carried out, its deadline from the first to the last of them.
   */
  private yearAsDeadline(item: Item, cells: string[]): void {
    if (this.columns.roles.deadline !== undefined) return;
    const read = parseDeadline(cell(cells, this.columns.roles.year));
    if (read?.kind !== "years") return;
    const known = item.deadline?.kind === "years" ? item.deadline : read;
    item.deadline = { kind: "years", from: Math.min(known.from, read.from), to: Math.max(known.to, read.to) };
  }

  /** A row naming no source in a table whose amounts' heading names one: the amounts are that source's. */
  private sourceFromHeading(row: FundingRow): void {
    if (!this.headingSource || row.source !== "unspecified" || row.label !== "") return;
    row.source = this.headingSource.source;
    row.label = this.headingSource.label;
  }

  private warnScaled(amounts: ScaledAmount[], line: number, item?: Item): void {
    const otherUnits = amounts.filter((scaled) => this.unitsFromCells || scaled.word === "uah");
    if (otherUnits.length > 0) this.warnMixedUnits(otherUnits, line, item);
    for (const scaled of amounts.filter((each) => !otherUnits.includes(each))) {
      const reading = money(scaled.kopecks, this.unit);
      const uah = `${formatAmount(scaled.kopecks, "uah")} грн`;
      const message = `Суму «${scaled.text}» записано словом; її прочитано як ${reading} (${uah}) — перевірте перерахунок`;
      this.log.warn("amount-scaled", message, line, item ?? ref.programme());
    }
  }

  /**
   * A row whose amounts name a unit of their own, other than the table's («200 000,00 грн» among
   * «тис. грн»): each is read in the unit it names, and the row is named once.
   */
  private warnMixedUnits(amounts: ScaledAmount[], line: number, item?: Item): void {
    const cells = amounts.map((scaled) => `«${scaled.text}» = ${money(scaled.kopecks, this.unit)}`);
    const message =
      `Рядок ${line}: суми надруковано в різних одиницях — ${cells.join(", ")} серед сум у ` +
      `${unitLabel(this.unit)}; кожну прочитано в одиниці, яку вона називає — перевірте`;
    this.log.warn("unit-mixed", message, line, item ?? ref.programme());
  }

  /** A row of a table with a column per source: a funding row per source, each amount in its column's year. */
  private addSourceColumns(
    target: FundingRow[],
    cells: string[],
    line: number,
    totalRow: boolean,
    item?: Item,
  ): string {
    const read = readSourceColumns(cells, this.columns, this.unit, line);
    this.warnScaled(read.scaled, line, item);
    target.push(...read.rows);
    for (const row of totalRow ? [] : read.rows) {
      const texts = read.placed.filter((cell) => this.columnOf(cell)?.source === row.source);
      this.rowTexts.set(
        row,
        texts.map((cell) => cells[cell] ?? ""),
      );
    }
    for (const cell of read.placed) {
      this.ledger.place({ line, cell });
      this.amountTexts.push(cells[cell] ?? "");
    }
    this.checkKinds(cells, line, read.rows, item);
    return read.result;
  }

  /**
   * The same money again by expense kind («капітальні вкладення | поточні видатки», each by source): not
   * added to the row. A source's kinds that add up to its amount are placed; those that do not are named.
   */
  private checkKinds(cells: string[], line: number, rows: FundingRow[], item?: Item): void {
    const sums = kindSums(cells, this.columns, rows, this.unit);
    const wrong = sums.filter((sum) => !addsUp(sum));
    for (const sum of sums) {
      const mark = addsUp(sum) ? this.ledger.place : this.ledger.flag;
      for (const part of sum.parts) mark.call(this.ledger, { line, cell: part.index });
    }
    if (wrong.length === 0) return;
    const described = wrong.map((sum) => describeKindSum(sum, this.unit)).join("; ");
    const message = `Рядок ${line}: суми за видами видатків не дорівнюють сумам за джерелами: ${described} (${unitLabel(this.unit)}); враховано суми за джерелами`;
    this.log.warn("expense-kinds-sum", message, line, item ?? ref.programme());
  }

  private columnOf(index: number): SourceColumn | undefined {
    return this.columns.sources.find((column) => column.index === index);
  }

  /**
   * The years an item's amounts may fall in: the table's years within its deadline, and, for a source
   * row under a `Загальний обсяг` row, those its total funds.
   */
  private possibleYears(item: Item): string[] {
    const { deadline } = item;
    const total = item.funding.find((row) => row.source === "total");
    return this.columns.years
      .map(({ year }) => year)
      .filter((year) => {
        return deadlineAllows(deadline, Number(year)) && (!total || (total.byYear[year] ?? 0) !== 0);
      });
  }

  /**
   * The years a stated total's row may hold: those in which the rows it totals (its direction's or the
   * whole table's, of its source or of any) hold an amount.
   */
  private totalledYears(cells: string[], target: FundingRow[]): string[] | null {
    if (target !== this.totals) return null;
    const directions = target === this.declaredTotals ? this.directions : [this.direction];
    const items = directions.flatMap((direction) => (direction ? [...walkItems(direction.items)] : []));
    const source = rowSource(cells, this.columns);
    const overall = source === "unspecified" || source === "total";
    const rows = items.flatMap((item) => item.funding).filter((row) => overall || row.source === source);
    const funded = (year: string) => rows.some((row) => (row.byYear[year] ?? 0) !== 0);
    return this.columns.years.map(({ year }) => year).filter(funded);
  }

  /**
   * One row per year (`Рік` column): a year's row joins the row of its source printed for another year
   * (a row without a source joins the last one), so a source is one funding row over all its years.
   * Returns the row the amounts went to; the `Рік` cell's year is placed in the model with them.
   */
  private joinYearRow(target: FundingRow[], row: FundingRow, cells: string[], line: number): FundingRow {
    const yearCell = this.columns.roles.year ?? -1;
    const printed = yearOf(cellText(cells[yearCell]));
    if (printed) {
      this.years.add(printed);
      this.ledger.place({ line, cell: yearCell });
    }
    const year = Object.keys(row.byYear)[0];
    const own = target.filter((each) => this.yearRows.has(each));
    const above = this.lastYearRow;
    if (row.label === "" && year === undefined && row.totalPrinted && row.source === "unspecified") {
      // "Всього" in the `Рік` cell with no source: the total of the item's sources over its years.
      row.source = "total";
      row.label = cellText(cells[yearCell]) || "Всього";
    } else if (row.label === "" && above && own.includes(above)) {
      // A source left out repeats the source of the row above.
      row.label = above.label;
      row.source = above.source;
    }
    const fits = (each: FundingRow): boolean =>
      year !== undefined ? !(year in each.byYear) : !each.totalPrinted && row.totalPrinted === true;
    const label = row.label.toLowerCase();
    const joined = own.find((each) => each.label.toLowerCase() === label && fits(each));
    this.lastYearRow = joined ?? row;
    if (!joined) {
      this.yearRows.add(row);
      return row;
    }
    if (year !== undefined) joined.byYear[year] = row.byYear[year] ?? 0;
    if (row.totalPrinted) {
      joined.total = row.total;
      joined.totalPrinted = true;
    } else if (!joined.totalPrinted) joined.total = sumKopecks(Object.values(joined.byYear));
    if (row.note) joined.note = joined.note ? `${joined.note}; ${row.note}` : row.note;
    return joined;
  }

  private takeItemRow(cells: string[], line: number): void {
    const { roles } = this.columns;
    const taskCell = cell(cells, roles.task ?? 0);
    const ownNumber = cellText(cell(cells, roles.number));
    const parsed = ownNumber
      ? { number: ownNumber, rest: cellText(taskCell) }
      : (leadingNumber(taskCell) ?? roleNumbered(taskCell) ?? letteredNumber(taskCell));
    let title = withoutRole(parsed ? parsed.rest : cellText(taskCell), parsed?.number);
    let project = withoutRole(cellText(cell(cells, roles.project)));
    let executors = cell(cells, roles.executors);
    if (isSourceLabel(project)) project = ""; // a source shifted left: a source row, not a project
    if (isSourceLabel(title)) title = ""; // a source row starting in the first cell
    if (title && project && title === project) project = ""; // the task cell repeats the project: one item
    const shifted =
      roles.project !== undefined &&
      title !== "" &&
      executors.trim() === "" &&
      (isUnitName(project) || startsWithPerson(project));
    if (shifted) {
      // The task cell was merged with the row above and lost: the project sits in the task column.
      [title, project, executors] = ["", title, project];
    }
    if (this.totals && !title && !project) {
      this.addFunding(this.totals, cells, line);
      return;
    }
    this.totals = null;
    if (title && project && this.namesUntitledDirection(parsed?.number ?? "")) {
      // "Пріоритетний напрям 1" printed no title: the first task cell under it is the direction's title.
      if (this.direction) this.direction.title = title;
      this.taskIsDirection = true;
      title = "";
    }
    if (title) this.taskIsDirection = false;
    if (title) this.addTask(parsed?.number ?? "", title, line);
    const opened = roles.project !== undefined && project ? this.addProject(project, line) : null;
    if (ownNumber)
      this.numberedRows.push({ number: ownNumber, task: title ? this.task : null, project: opened });
    if (shifted && this.leaf) {
      const message =
        "Назву проєкту надруковано в стовпці завдання; рядок прочитано як ще один проєкт попереднього завдання";
      this.log.warn("task-cell-missing", message, line, this.leaf);
    }
    if (!title && !project && !this.leaf) {
      this.log.warn(
        "orphan-row",
        "Рядок таблиці завдань без назви завдання чи проєкту пропущено",
        line,
        ref.programme(),
      );
      return;
    }
    if (!title && !project && this.isUnlabelledTotal(cells, executors, line)) {
      this.warnUnlabelledTotal(ownNumber, line);
      this.startTotals(cells, line);
      return;
    }
    this.fill(cells, executors, line, Boolean(title || project));
    if (ownNumber) this.placeText(line, cells, [roles.number]);
  }

  /**
   * A row printing no number, executor or deadline (its label misread by OCR, «Bcsoro 3а Програмою», or
   * none) whose amounts are the sums of all the measures above it, two at least, in its direction or the
   * programme: a total row, not one more source row of the measure above. A measure's second source
   * (another source under an empty label) is not: the row must hold all the money above, of every source.
   */
  private isUnlabelledTotal(cells: string[], executors: string, line: number): boolean {
    const { roles } = this.columns;
    const bare = [executors, cell(cells, roles.deadline)].every((text) => cellText(text) === "");
    if (!bare || /^\d/.test(cellText(cell(cells, roles.number)))) return false;
    if (this.yearsAsRows || hasSourceColumns(this.columns) || this.awaitsSources()) return false;
    const row = readFunding(cells, this.columns, this.unit, line, true).row;
    if (!row || row.total === 0) return false;
    const measures = this.made.filter(({ item }) => item.children.length === 0);
    const direction = measures.filter((made) => made.direction === this.direction).map(({ item }) => item);
    const programme = measures.map(({ item }) => item);
    return [direction, programme].some((scope) => {
      // Each bare row of a table is asked: the sums are added up only where the money's total is the row's.
      const carrying = scope.filter((item) => moneyOf(item) > 0);
      if (carrying.length < 2 || carrying.reduce((sum, item) => sum + moneyOf(item), 0) !== row.total)
        return false;
      return statesSums(row, totalsOfRows(carrying.flatMap((item) => item.funding)));
    });
  }

  /** The measure above printed «Загальний обсяг, у тому числі:» and fewer of its sources' amounts so far. */
  private awaitsSources(): boolean {
    const funding = this.leaf?.funding ?? [];
    const announced = funding.find((row) => row.source === "total")?.total ?? 0;
    return totalsOfRows(funding).total < announced;
  }

  private warnUnlabelledTotal(label: string, line: number): void {
    const named = label ? ` «${label}»` : "";
    const message = `Рядок${named} без номера, назви заходу, виконавця й строку має суми всіх заходів над ним: прочитано як підсумковий рядок, не як ще одне джерело заходу`;
    this.log.warn("total-unlabelled", message, line, ref.programme());
  }

  private namesUntitledDirection(number: string): boolean {
    const direction = this.direction;
    return number === "" && direction !== null && direction.title === "" && direction.items.length === 0;
  }

  /** Cells read as text into the model (an item's number, its deadline) whose numbers thus landed. */
  private placeText(line: number, cells: string[], indexes: (number | undefined)[]): void {
    for (const cell of indexes) {
      if (cell !== undefined && cellText(cells[cell]) !== "") this.ledger.place({ line, cell });
    }
  }

  private currentDirection(line: number): Direction {
    if (this.direction) return this.direction;
    this.log.warn(
      "no-direction",
      "Завдання наведено до першого пріоритетного напряму",
      line,
      ref.programme(),
    );
    this.direction = { number: "1", title: "", items: [], declaredTotals: [], line };
    this.directions.push(this.direction);
    return this.direction;
  }

  private addTask(number: string, title: string, line: number): void {
    const direction = this.currentDirection(line);
    const parent = this.parentByNumber(direction, number) ?? this.headedTask(direction, number);
    const generated = parent
      ? `${parent.number.replace(/\.$/, "")}.${parent.children.length + 1}`
      : `${direction.number}.${direction.items.length + 1}`;
    const item = emptyItem(number || generated, title, line);
    (parent ? parent.children : direction.items).push(item);
    this.made.push({ item, direction });
    this.task = parent ? this.task : item;
    this.leaf = item;
  }

  /**
   * Under a task heading ("Завдання 1. Назва"), each row up to the next heading or total is one of its
   * projects, however it is numbered ("1)", none), unless a one-level number starts a task of its own.
   */
  private headedTask(direction: Direction, number: string): Item | null {
    const task = this.task;
    if (!task || !this.headed.has(task) || !direction.items.includes(task)) return null;
    return /^\d+\.?$/.test(number) ? null : task;
  }

  /** "1.1.1" under the open "1.1": deeper printed numbers nest under the item they extend. */
  private parentByNumber(direction: Direction, number: string): Item | null {
    const task = this.task;
    if (!task || !/^\d+(\.\d+)+\.?$/.test(number)) return null;
    const base = task.number.replace(/\.$/, "");
    const own = number.replace(/\.$/, "");
    return own.startsWith(`${base}.`) && direction.items.includes(task) ? task : null;
  }

  private addProject(cellValue: string, line: number): Item | null {
    const direction = this.currentDirection(line);
    const printed = leadingNumber(cellValue);
    const numbered =
      roleNumbered(cellValue) ??
      (printed && /[.)]/.test(printed.number) && printed.rest !== "" ? printed : null);
    const title = withoutRole(numbered ? numbered.rest : cellValue);
    if (numbered) this.projectNumberPrinted = true;
    if (!this.task || this.taskIsDirection) {
      this.addTask(numbered?.number ?? "", title, line);
      return null;
    }
    this.projectsOpened++;
    const position = direction.items.indexOf(this.task) + 1;
    const generated = `${direction.number}.${position}.${this.task.children.length + 1}`;
    const project = emptyItem(numbered?.number ?? generated, title, line);
    this.task.children.push(project);
    this.made.push({ item: project, direction });
    this.leaf = project;
    return project;
  }

  /**
   * A `№` column beside the task and project columns that numbers every project's row (`1.`, `2.`, `3.`
   * on rows that print a task and its project, or a project alone) while no project cell prints a
   * number: the numbers are the projects' (the rows' sequence), not the tasks'. Each project takes its
   * row's number; a task keeps a number of its own only where it printed one in its cell, else
   * `direction.N`; a task name repeated on the next row (the same task, printed on each of its
   * projects' rows) is one task.
   */
  settleRowNumbers(): void {
    const rows = this.numberedRows;
    const projectRows = rows.filter((row) => row.project !== null);
    if (projectRows.length === 0 || projectRows.length !== this.projectsOpened || this.projectNumberPrinted)
      return;
    if (new Set(rows.map((row) => row.number.replace(/\.$/, ""))).size !== rows.length) return;
    if (rows.some((row) => row.project === null)) return;
    const renumber = new Set<Item>();
    for (const row of rows) {
      if (!row.project) continue;
      row.project.number = row.number;
      if (row.task) renumber.add(row.task);
    }
    for (const direction of this.directions) {
      const items: Item[] = [];
      for (const item of direction.items) {
        const last = items[items.length - 1];
        if (last && renumber.has(item) && renumber.has(last) && last.title === item.title) {
          last.children.push(...item.children);
          continue;
        }
        items.push(item);
      }
      direction.items.splice(0, direction.items.length, ...items);
      direction.items.forEach((item, index) => {
        if (renumber.has(item)) item.number = `${direction.number}.${index + 1}`;
      });
    }
  }

  /**
   * A measure's row in a table without borders whose executors, deadline or source cell is blank under
   * one a measure above it in the direction printed: a cell merged down over several measures prints
   * its text once, at its top, and looks just the same as empty cells under a filled one. Nothing is
   * carried (that would hide a cell really left empty); the finding says the cell may be merged.
   */
  private warnBlankUnderPrinted(leaf: Item, cells: string[], line: number): void {
    // A project's blank cell under its task's text is the task's, stated once for its projects.
    const owner = this.task && this.task !== leaf ? this.task : this.direction;
    if (this.printedAbove.owner !== owner) this.printedAbove = { owner, texts: new Map() };
    const printed = this.printedAbove.texts;
    const blank: { name: string; above: string }[] = [];
    for (const { role, name } of MERGEABLE) {
      const column = this.columns.roles[role];
      if (column === undefined) continue;
      const text = cellText(cell(cells, column));
      const above = printed.get(column);
      if (text !== "") printed.set(column, text);
      else if (above) blank.push({ name, above });
    }
    if (blank.length === 0) return;
    const names = blank.map((each) => `«${each.name}»`).join(", ");
    const texts = blank.map((each) => `«${each.above}»`).join(", ");
    const message =
      `Клітинки ${names} цього заходу в PDF порожні, а вище в напрямі надруковано ${texts}: у таблиці ` +
      "без меж не видно, чи клітинку об’єднано на кілька заходів, тож текст не перенесено; перевірте документ";
    this.log.warn("maybe-merged", message, line, leaf);
  }

  private warnDeadlineText(leaf: Item, deadline: string, line: number): void {
    const message = `Строк виконання «${deadline}» не прочитано як роки, квартал, півріччя чи «протягом дії Програми»: його збережено текстом, а кошти заходу зі строком не звірено`;
    this.log.warn("deadline-text", message, line, leaf);
  }

  private fill(cells: string[], executors: string, line: number, newRow: boolean): void {
    const leaf = this.leaf;
    if (!leaf) return;
    const { roles } = this.columns;
    const deadline = cellText(cell(cells, roles.deadline));
    if (newRow) {
      if (this.unruled) this.warnBlankUnderPrinted(leaf, cells, line);
      leaf.executors = this.executorsOf(executors);
      this.executorsPrinted = cellText(executors);
      leaf.deadlineText = deadline;
      leaf.deadline = parseDeadline(deadline);
      if (leaf.deadline?.kind === "text") this.warnDeadlineText(leaf, deadline, line);
      this.placeText(line, cells, [roles.deadline]);
    }
    const result = this.addFunding(leaf.funding, cells, line, false, leaf);
    if (result) leaf.expectedResult = leaf.expectedResult ? `${leaf.expectedResult} ${result}` : result;
    this.addIndicators(leaf, cells, line);
  }

  /**
   * «Показники виконання» beside a column of results: the indicators go on after the result
   * («Результат. Показники: …»), a page's rest of them after what came before.
   */
  private addIndicators(leaf: Item, cells: string[], line: number): void {
    const { indicators, result } = this.columns.roles;
    if (indicators === undefined || indicators === result) return;
    const text = cellText(cell(cells, indicators));
    if (text === "") return;
    this.placeText(line, cells, [indicators]);
    const before = leaf.expectedResult;
    if (this.withIndicators.has(leaf)) leaf.expectedResult = `${before} ${text}`;
    else if (before === "") leaf.expectedResult = `Показники: ${text}`;
    else leaf.expectedResult = `${before}${/[.!?;:]$/.test(before) ? "" : "."} Показники: ${text}`;
    this.withIndicators.add(leaf);
  }
}

/** The columns a cell merged down over several measures may cover, as the finding names them. */
const MERGEABLE: { role: TaskRole; name: string }[] = [
  { role: "executors", name: "Виконавці" },
  { role: "deadline", name: "Строк виконання" },
  { role: "source", name: "Джерела фінансування" },
];

const KNOWN_NOTE = /в межах|у межах|не потребує|кошторис|за рахунок/i;

function warnRow(row: FundingRow, item: Item, log: FindingLog): void {
  if (row.source === "mixed") {
    const message = `Джерело «${row.label}» називає кілька джерел, суму між ними розподілити неможливо`;
    log.warn("mixed-source", message, row.line, item);
  } else if (row.source === "unspecified" && row.label) {
    log.warn("unknown-source", `Не вдалося розпізнати джерело фінансування «${row.label}»`, row.line, item);
  }
  if (row.note && !KNOWN_NOTE.test(row.note)) {
    log.warn(
      "amount-text",
      `Замість суми надруковано текст «${row.note}»; суму не прочитано`,
      row.line,
      item,
    );
  }
}

/** Amounts printed for several years at once: each named with its years, once per row. */
function warnSpans(row: FundingRow, item: Item, log: FindingLog, unit: MoneyUnit): void {
  for (const [span, amount] of Object.entries(row.spans ?? {})) {
    const message =
      `Суму ${money(amount, unit)} (рядок ${row.label ? `«${row.label}»` : "без назви джерела"}) ` +
      `надруковано за ${span.replace("-", "–")} роки разом, без розподілу між роками; її враховано в загальному ` +
      "обсязі, а порівняти її за роками неможливо";
    log.warn("years-not-split", message, row.line, item);
  }
}

/**
 * A table whose amounts are a column per source and no column names a year: a measure due within one
 * year of the programme spends its amounts in that year. Null when the table prints years.
 */
function sourcesIntoDeadlineYears(
  columns: Columns<TaskRole>,
  directions: Direction[],
  period: Period | null,
): { unsplit: boolean } | null {
  const { years, spans, sources } = columns;
  if (years.length > 0 || spans.length > 0 || !sources.some(printsNoYear)) return null;
  if (sources.some((column) => column.period !== null)) return null;
  const within = (year: string) =>
    period !== null && Number(year) >= period.from && Number(year) <= period.to;
  return { unsplit: amountsIntoDeadlineYears(directions, within) };
}

/**
 * One finding for a table whose source columns print no year: its amounts are not split by year, save
 * (when no column of it names a year) a measure's due within one year of the programme.
 */
function warnSourcesWithoutYears(
  columns: Columns<TaskRole>,
  table: Table,
  directions: Direction[],
  period: Period | null,
  log: FindingLog,
): void {
  const bare = columns.sources.filter(printsNoYear);
  if (bare.length === 0) return;
  const placed = sourcesIntoDeadlineYears(columns, directions, period);
  if (placed && !placed.unsplit) return;
  const labels = bare.map((column) => `«${cellText(column.label)}»`).join(", ");
  const split = placed
    ? "суму заходу зі строком у межах одного року програми віднесено до цього року, решту враховано в загальних обсягах"
    : "суми враховано в загальних обсягах";
  const message =
    `Таблиця завдань наводить суми лише за джерелами фінансування (${labels}), без розподілу за роками: ` +
    `${split}, а порівняти їх за роками (з паспортом, підсумками) неможливо`;
  log.warn("years-not-split", message, table.line, ref.programme());
}

/** The one year a deadline falls in: «2027 рік», «2027», «IV квартал 2027 року». */
function yearOfDeadline(deadline: Item["deadline"]): string | null {
  if (deadline?.kind === "quarter") return String(deadline.year);
  if (deadline?.kind === "years" && deadline.from === deadline.to) return String(deadline.from);
  return null;
}

/**
 * In a table with one amounts column and no year, a measure due within one year spends its amount in that
 * year (a year `within` takes). Returns whether any amount is left without its year.
 */
function amountsIntoDeadlineYears(
  directions: Direction[],
  within: (year: string) => boolean = () => true,
): boolean {
  let unsplit = false;
  for (const item of directions.flatMap((direction) => [...walkItems(direction.items)])) {
    const due = yearOfDeadline(item.deadline);
    const year = due !== null && within(due) ? due : null;
    for (const row of item.funding) {
      if (row.total === 0 || Object.keys(row.byYear).length > 0) continue;
      if (year === null) unsplit = true;
      else row.byYear = { [year]: row.total };
    }
  }
  return unsplit;
}

/**
 * One finding for a table whose one amounts column prints no year: no amount of it is split by year,
 * save a measure's due within one year, which is that year's.
 */
function warnAmountsWithoutYears(
  columns: Columns<TaskRole>,
  table: Table,
  directions: Direction[],
  log: FindingLog,
): void {
  const { years, spans, sources, total } = columns;
  if (total === null || years.length > 0 || spans.length > 0 || sources.length > 0) return;
  if (!amountsIntoDeadlineYears(directions)) return;
  const message =
    "Таблиця завдань наводить суми одним стовпцем, без розподілу за роками: суму заходу зі строком у межах " +
    "одного року віднесено до цього року, решту враховано в загальних обсягах, а порівняти їх за роками " +
    "(з паспортом, підсумками) неможливо";
  log.warn("years-not-split", message, table.line, ref.programme());
}

/** The years the header's amount columns name: each year, both ends of a span, a source column's year. */
function headerYears(columns: Columns<TaskRole>): string[] {
  const periods = [
    ...columns.years.map(({ year }) => year),
    ...columns.spans.map(({ span }) => span),
    ...columns.sources.flatMap(({ period }) => (period ? [period] : [])),
  ];
  return [...new Set(periods.flatMap((period) => period.split("-")))].sort();
}

function warnSources(directions: Direction[], log: FindingLog, unit: MoneyUnit): void {
  const visit = (item: Item): void => {
    for (const row of item.funding) {
      warnRow(row, item, log);
      warnSpans(row, item, log, unit);
    }
    item.children.forEach(visit);
  };
  for (const direction of directions) direction.items.forEach(visit);
}

/** Whether a stated total row's years (and printed total) are the sums of these totals, of its source. */
/** The money of an item's own rows, as `totalsOfRows(item.funding).total` adds it up, with no tables made. */
function moneyOf(item: Item): number {
  let money = 0;
  for (const row of item.funding) if (isSummedSource(row.source)) money += row.total;
  return money;
}

function statesSums(row: FundingRow, totals: Totals): boolean {
  const { total, byYear } = sumsOfRowSource(row, totals);
  const yearsAgree = yearMismatches(row.byYear, byYear).length === 0;
  return yearsAgree && (!row.totalPrinted || row.total === total);
}

/** The sums a stated total row stands for: all of them, unless it names one source. */
function sumsOfRowSource(row: FundingRow, totals: Totals): Pick<Totals, "total" | "byYear"> {
  const overall = row.source === "total" || row.source === "unspecified" || row.source === "mixed";
  if (overall) return totals;
  return { total: totals.bySource[row.source] ?? 0, byYear: totals.bySourceByYear[row.source] ?? {} };
}

/**
 * Where a row of amounts stated as a subtotal parts from the sums of its source: its printed total, and
 * each year when it prints years and the sums hold no money outside a single year.
 */
function subtotalMismatches(row: FundingRow, totals: Totals, unsplit: Unsplit): Mismatch[] {
  const overall = row.source === "total" || row.source === "unspecified" || row.source === "mixed";
  const { total, byYear } = sumsOfRowSource(row, totals);
  const outside = overall ? unsplit.total : (unsplit.bySource[row.source] ?? 0);
  const printed = row.totalPrinted ? row.total : null;
  return compareAmounts(
    { total: printed, byYear: row.byYear, spans: row.spans },
    { total, byYear, unsplit: outside },
  );
}

/**
 * Beside a column of directions, a «№» column that counts the rows: its numbers run 1, 2, 3 … and some
 * stand on rows that start no direction (a direction's number changes only where its title does).
 */
function countsRows(rows: TableRow[], columns: Columns<TaskRole>): boolean {
  const { number, direction } = columns.roles;
  if (number === undefined || direction === undefined) return false;
  const numbered = rows.filter((row) => cellText(row.cells[number]) !== "" && !isColumnNumberRow(row.cells));
  const inTurn = numbered.every(
    (row, index) => cellText(row.cells[number]).replace(/\.$/, "") === String(index + 1),
  );
  // A row that starts no direction: its direction cell empty, or repeating the numbered row's above.
  const beyond = numbered.some((row, index) => {
    const title = cellText(row.cells[direction]);
    return title === "" || title === cellText(numbered[index - 1]?.cells[direction]);
  });
  return numbered.length >= 2 && inTurn && beyond;
}

/** A heading stands in the task column or before it; an item's number up to the last naming column. */
function nameColumns(columns: Columns<TaskRole>): NameColumns {
  const { number, task, project } = columns.roles;
  const naming = [number, task, project].filter((index) => index !== undefined);
  return { heading: task ?? 0, last: Math.max(0, ...naming) };
}

function withNumberedHeadings(
  sections: SectionHeadings,
  numbered: Map<TableRow, SectionHeading>,
): SectionHeadings {
  return numbered.size === 0 ? sections : { ...sections, rows: new Map([...sections.rows, ...numbered]) };
}

function buildTaskTable(
  table: Table,
  columns: Columns<TaskRole>,
  unit: MoneyUnit,
  log: FindingLog,
  ledger: NumberLedger,
  unitsFromCells: boolean,
): TaskTableBuilder {
  const body = table.rows.slice(columns.headerRows);
  const counter = countsRows(body, columns);
  const isKnownHeading = (text: string) => isDirectionHeading(text) || isCapitalHeading(text);
  const sections = withNumberedHeadings(
    readSectionHeadings(body, nameColumns(columns), isKnownHeading),
    readNumberedHeadings(body, nameColumns(columns), isKnownHeading),
  );
  const builder = new TaskTableBuilder(columns, unit, log, ledger, counter, sections, table.unruled === true);
  builder.unitsFromCells = unitsFromCells;
  for (const row of body) builder.take(row);
  return builder;
}

/**
 * A header naming no unit over amounts that each name theirs («350,0 тис. грн» in every cell): the unit
 * most of them name (a read of the table aside, its findings and numbers dropped). Null when any
 * amount is a bare number, or the table has none.
 */
function unitOfCells(table: Table, columns: Columns<TaskRole>): MoneyUnit | null {
  const body = table.rows.slice(columns.headerRows);
  if (!body.some((row) => row.cells.some((text) => unitOfCell(text) !== null))) return null;
  const trial = buildTaskTable(table, columns, "thousand", new FindingLog(), new NumberLedger(), false);
  const units = trial.amountTexts.map(unitOfCell);
  if (units.length === 0 || units.includes(null)) return null;
  const counts = new Map<MoneyUnit, number>();
  for (const unit of units) if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Reads the task table (annex 1) into directions, items and the declared grand totals. */
export function readTaskTable(
  table: Table,
  log: FindingLog,
  ledger: NumberLedger = new NumberLedger(),
  chosenUnit?: MoneyUnit,
  /** The programme's term as the document states it, when it does. */
  period: Period | null = null,
): TaskTable | null {
  const columns = taskColumns(table);
  if (!columns) return null;
  const unit = chosenUnit ?? unitOf(columns.headerText);
  const cellsUnit = unit ? null : unitOfCells(table, columns);
  if (!unit && !cellsUnit) {
    log.warn(
      "unit-unknown",
      "Заголовок таблиці завдань не вказує одиниць (тис. грн чи грн); прийнято тис. грн",
      table.line,
      ref.programme(),
    );
  }
  const builder = buildTaskTable(table, columns, unit ?? cellsUnit ?? "thousand", log, ledger, !!cellsUnit);
  builder.settleBareTotals();
  builder.dropCaptionAfterTotal();
  builder.settleRowNumbers();
  builder.takeTaskRowsAsTotals();
  builder.checkTaskTotals();
  warnSources(builder.directions, log, builder.unit);
  warnSourcesWithoutYears(columns, table, builder.directions, period, log);
  warnAmountsWithoutYears(columns, table, builder.directions, log);
  if (builder.directions.length === 0)
    log.warn("no-directions", "У таблиці завдань не знайдено напрямів", table.line, ref.programme());
  return {
    directions: builder.directions,
    declaredTotals: builder.declaredTotals,
    unit: builder.unit,
    years: builder.years.size > 0 ? [...builder.years].sort() : headerYears(columns),
    amountTexts: builder.amountTexts,
    rowTexts: builder.rowTexts,
  };
}
