import type { ByYear, FundingRow, SourceKind, YearSpans } from "../../domain/model.js";
import {
  type AmountCell,
  type Kopecks,
  type MoneyUnit,
  parseAmountCell,
  parseScaledAmount,
  type ScaleWord,
  sumKopecks,
} from "../../domain/money.js";
import { classifySource, isSourceLabel } from "../../domain/sources.js";
import { type Columns, spanOf, yearOf } from "./columns.js";
import { cellText } from "./text.js";

export type TaskRole =
  | "number"
  /** A column of direction titles beside the task column ("Назва напряму діяльності (пріоритетні завдання)"). */
  | "direction"
  | "task"
  | "project"
  | "executors"
  /** «Державний замовник»: the customer answering for the work, the executors' column when none is named. */
  | "customer"
  /** «Співвиконавці» beside the responsible executor's column: more executors of the same measure. */
  | "coexecutors"
  | "deadline"
  | "source"
  | "money"
  | "result"
  /** "Рік": the year of the row's amount, in a table that prints one row per year (no year columns). */
  | "year"
  /** «Показники виконання»: what a measure achieves, read as its result where no column names one. */
  | "indicators";

const NOTE_PHRASE = /в межах|у межах|не потребує|за рахунок|кошторис/i;
const TOTAL_LABEL = /^(всього|усього|разом)/i;
/** «Разом», «Усього:» alone in the source column: the row totals the sources printed beside it. */
const TOTAL_WORD = /^(?:всього|усього|разом)\s*:?$/i;

export function isTotalWord(cell: string): boolean {
  return TOTAL_WORD.test(cell.trim());
}

export interface FundingCells {
  row: FundingRow | null;
  /** The expected result read from the row's result cell (wherever the row put it). */
  result: string;
  /** Indexes of the cells whose amounts landed in the row (for the import's number coverage). */
  placed: number[];
  /**
   * The row printed fewer money cells than the header has columns, and more than one amount: which
   * year each amount belongs to is read from the left, a guess the user must check.
   */
  yearsGuessed: boolean;
  /** Amounts written with a scale word that were read as the amounts they name (the user must see it). */
  scaled: ScaledAmount[];
}

/** An amount written with a scale word ("0,3 млн грн") that was read as the exact amount it names. */
export interface ScaledAmount {
  text: string;
  kopecks: Kopecks;
  word: ScaleWord;
}

/**
 * One money cell: a number in the table's unit, or an amount written with a scale word ("0,3 млн",
 * "1,2 млн. грн", "300 тис. грн" in a table in UAH), exactly, whatever the table's unit.
 */
export function readCell(raw: string, unit: MoneyUnit): AmountCell {
  if (raw.length > READ_CELL_CHARS) return readCellOnce(raw, unit); // prose: kept by no memo
  const memo = readCells[unit];
  let cell = memo.get(raw);
  if (cell === undefined) {
    cell = readCellOnce(raw, unit);
    if (memo.size >= READ_CELLS_KEPT) memo.clear();
    memo.set(raw, cell);
  }
  return cell;
}

/**
 * The last cells read, by unit: a row's cells are read again as each layout is tried for it (in
 * place, shifted, padded, its total), up to five times. Callers only read what they get.
 */
const readCells: Record<MoneyUnit, Map<string, AmountCell>> = {
  million: new Map(),
  thousand: new Map(),
  uah: new Map(),
};
const READ_CELLS_KEPT = 64;
const READ_CELL_CHARS = 400;

function readCellOnce(raw: string, unit: MoneyUnit): AmountCell {
  const scaled = parseScaledAmount(raw);
  return scaled ? { kind: "amount", kopecks: scaled.kopecks } : parseAmountCell(raw, unit);
}

/** The unit an amount's cell names after its number («350,0 тис. грн», «1 200,00 грн»), if any. */
export function unitOfCell(raw: string): MoneyUnit | null {
  const word = parseScaledAmount(raw)?.word;
  return word === undefined || word === "billion" ? null : word;
}

/** The cell's amount when it is written with a scale word other than the table's own unit. */
export function scaledIn(raw: string, unit: MoneyUnit): ScaledAmount | null {
  const scaled = parseScaledAmount(raw);
  if (!scaled || scaled.word === unit) return null;
  return { text: cellText(raw), kopecks: scaled.kopecks, word: scaled.word };
}

interface MoneySlot {
  kind: "total" | "year" | "span";
  /** The year, or the span of years ("2026-2027"). */
  year?: string;
}

function moneySlots(columns: Columns<TaskRole>): { slot: MoneySlot; index: number }[] {
  const slots: { slot: MoneySlot; index: number }[] = columns.years.map(({ year, index }) => ({
    slot: { kind: "year", year },
    index,
  }));
  for (const { span, index } of columns.spans) slots.push({ slot: { kind: "span", year: span }, index });
  if (columns.total !== null) slots.push({ slot: { kind: "total" }, index: columns.total });
  return slots.sort((a, b) => a.index - b.index);
}

/** The source column, or the column right before the amounts in a table without one. */
function sourceColumn(columns: Columns<TaskRole>): number {
  if (columns.roles.source !== undefined) return columns.roles.source;
  const money = [
    ...columns.years.map(({ index }) => index),
    ...columns.spans.map(({ index }) => index),
    columns.total ?? Number.POSITIVE_INFINITY,
  ];
  return Math.max(0, Math.min(...money) - 1);
}

/** «з бюджету громади», «за рахунок коштів місцевого бюджету»: a source named in the amounts' heading. */
const FROM_SOURCE = /(?:^|\s)(?:з|із|за\s+рахунок)\s+(?:кошт\S*\s+)?([^,()]+)/iu;
const AMOUNTS_HEADING = /обсяг|вартість|сума/i;
const NAMED_SOURCES = new Set<SourceKind>(["local", "state", "oblast", "district", "other"]);

/**
 * A table with no source column whose amounts' heading names one source («Обсяг фінансування з бюджету
 * громади, тис. грн»): every amount is that source's. Null when a source column or no such heading.
 */
export function amountsHeadingSource(
  columns: Columns<TaskRole>,
): { source: SourceKind; label: string } | null {
  if (columns.roles.source !== undefined || columns.sources.length > 0) return null;
  for (const cell of columns.headerCells) {
    const named = AMOUNTS_HEADING.test(cell) ? FROM_SOURCE.exec(cellText(cell)) : null;
    const label = cellText(named?.[1]);
    const source = label ? classifySource(label) : null;
    if (source && NAMED_SOURCES.has(source)) return { source, label };
  }
  return null;
}

/** The source a row names (`unspecified` when it names none). */
export function rowSource(cells: string[], columns: Columns<TaskRole>): SourceKind {
  const label = cells[sourceIndex(cells, columns)] ?? "";
  return isSourceLabel(label) ? classifySource(label) : "unspecified";
}

/** The cell naming the source: the source column, or a label found in another (shifted) cell. */
function sourceIndex(cells: string[], columns: Columns<TaskRole>): number {
  const column = sourceColumn(columns);
  const atColumn = cells[column] ?? "";
  if (isSourceLabel(atColumn)) return column;
  const shifted = cells.findIndex((cell) => !TOTAL_LABEL.test(cell.trim()) && isSourceLabel(cell));
  if (shifted >= 0) return shifted;
  return column;
}

function isEmptyOrProse(cell: string, unit: MoneyUnit): boolean {
  const parsed = readCell(cell, unit);
  return parsed.kind === "empty" || (parsed.kind === "text" && !NOTE_PHRASE.test(cell));
}

/**
 * A row whose last filled cell is prose in a money column before the result column, and empty cells
 * after it, is a short row padded at its end (a DOCX made from extracted text): its cells stop there,
 * and the prose is the result, as in a short row.
 */
function withoutPadding(cells: string[], at: number, resultOffset: number | null, unit: MoneyUnit): string[] {
  const last = cells.findLastIndex((cell) => cell.trim() !== "");
  if (resultOffset === null || last <= at || last >= at + resultOffset) return cells;
  const cell = cells[last] ?? "";
  const prose = readCell(cell, unit).kind === "text" && isEmptyOrProse(cell, unit);
  return prose ? cells.slice(0, last + 1) : cells;
}

interface Layout {
  money: string[];
  /** The cell index of each money entry. */
  at: number[];
  slots: MoneySlot[];
  result: string;
}

/**
 * A source column printed after the amount columns («… | 2026 | 2027 | Джерела фінансування | …»): a row
 * is read in place when its cells reach the last of them, not after its source's cell.
 */
function afterAmounts(columns: Columns<TaskRole>): boolean {
  const source = columns.roles.source;
  return source !== undefined && moneySlots(columns).some(({ index }) => index < source);
}

/** Reads the cells after the source: amounts in the money columns, then the expected result. */
function layoutAfterSource(cells: string[], at: number, columns: Columns<TaskRole>, unit: MoneyUnit): Layout {
  const slots = moneySlots(columns);
  const source = sourceColumn(columns);
  const resultOffset = columns.roles.result === undefined ? null : columns.roles.result - source;
  const after = withoutPadding(cells, at, resultOffset, unit).slice(at + 1);
  const indexes = slots.map(({ index }) => at + index - source);
  const full = afterAmounts(columns)
    ? cells.length > Math.max(...indexes, at + (resultOffset ?? 0))
    : after.length >= slots.length + (resultOffset === null ? 0 : 1);
  if (full) {
    const money = indexes.map((index) => cells[index] ?? "");
    const result = resultOffset === null ? "" : (cells[at + resultOffset] ?? "");
    return { money, at: indexes, slots: slots.map(({ slot }) => slot), result };
  }
  const last = after[after.length - 1];
  const hasResult = resultOffset !== null && last !== undefined && isEmptyOrProse(last, unit);
  const money = hasResult ? after.slice(0, -1) : after;
  return {
    money,
    at: money.map((_, index) => at + 1 + index),
    slots: shortSlots(money, slots, unit),
    result: hasResult ? (last ?? "") : "",
  };
}

/** A total row printing total + years under a table without a total column ("Всього: 27745 …"). */
function shortSlots(money: string[], slots: { slot: MoneySlot }[], unit: MoneyUnit): MoneySlot[] {
  const amounts = money.filter((cell) => readCell(cell, unit).kind !== "text");
  const years = slots.filter(({ slot }) => slot.kind === "year").map(({ slot }) => slot);
  if (amounts.length === years.length + 1 && !slots.some(({ slot }) => slot.kind === "total")) {
    return [{ kind: "total" }, ...years];
  }
  return slots.map(({ slot }) => slot);
}

/**
 * Total + years laid out for rows whose cells run past the table width (total rows, mostly). A total
 * row has no result: a row of exactly one cell per money column, its last one empty, is its money.
 */
function layoutTotalRow(cells: string[], at: number, columns: Columns<TaskRole>, unit: MoneyUnit): Layout {
  const amounts = cells.slice(at + 1).filter((cell) => cell.trim() !== "");
  const slots = moneySlots(columns).map(({ slot }) => slot);
  const money = amounts.filter((cell) => readCell(cell, unit).kind !== "text");
  if (money.length === columns.years.length + 1 && columns.total === null) {
    const indexes = cells.flatMap((cell, index) =>
      index > at && cell.trim() !== "" && readCell(cell, unit).kind !== "text" ? [index] : [],
    );
    return { money, at: indexes, slots: [{ kind: "total" }, ...slots], result: "" };
  }
  const after = cells.slice(at + 1);
  if (after.length === slots.length && readCell(after.at(-1) ?? "", unit).kind === "empty") {
    return { money: after, at: after.map((_, index) => at + 1 + index), slots, result: "" };
  }
  return layoutAfterSource(cells, at, columns, unit);
}

function amountOf(cell: AmountCell): number | null {
  if (cell.kind === "amount") return cell.kopecks;
  return cell.kind === "dash" ? 0 : null;
}

function buildRow(
  label: string,
  layout: Layout,
  unit: MoneyUnit,
  line: number,
  placed: number[],
  scaled: ScaledAmount[],
): FundingRow | null {
  const byYear: ByYear = {};
  const spans: YearSpans = {};
  const notes: string[] = [];
  let printedTotal: number | null = null;
  let anyCell = label.trim() !== "";
  layout.money.forEach((raw, index) => {
    const cell = readCell(raw, unit);
    if (cell.kind !== "empty") anyCell = true;
    if (cell.kind === "text") notes.push(cellText(cell.text));
    const slot = layout.slots[index];
    const amount = amountOf(cell);
    if (amount === null || !slot) return;
    if (cell.kind === "amount") placed.push(layout.at[index] ?? -1);
    const written = cell.kind === "amount" ? scaledIn(raw, unit) : null;
    if (written) scaled.push(written);
    if (slot.kind === "total") printedTotal = amount;
    else if (slot.kind === "span" && slot.year) {
      if (amount !== 0) spans[slot.year] = amount; // a dash in a span is no money, and no span
    } else if (slot.year) byYear[slot.year] = amount;
  });
  if (!anyCell) return null;
  const row: FundingRow = {
    source: classifySource(label),
    label: cellText(label),
    byYear,
    total: printedTotal ?? sumKopecks([...Object.values(byYear), ...Object.values(spans)]),
    totalPrinted: printedTotal !== null,
    line,
  };
  if (notes.length > 0) row.note = notes.join("; ");
  if (Object.keys(spans).length > 0) row.spans = spans;
  return row;
}

function isAmountLike(cell: string, unit: MoneyUnit): boolean {
  const kind = readCell(cell, unit).kind;
  return kind === "amount" || kind === "dash";
}

/** Amount cells after the source label that the layout left out of its money cells. */
function leftOut(cells: string[], at: number, layout: Layout, unit: MoneyUnit): number[] {
  const used = new Set(layout.at);
  return cells.flatMap((cell, index) =>
    index > at && !used.has(index) && readCell(cell, unit).kind === "amount" ? [index] : [],
  );
}

function yearsAddUp(money: string[], slots: MoneySlot[], unit: MoneyUnit): boolean {
  const total = slots.findIndex((slot) => slot.kind === "total");
  if (total < 0) return true;
  const amounts = money.map((cell) => amountOf(readCell(cell, unit)) ?? 0);
  const years = amounts.reduce((sum, amount, index) => (index === total ? sum : sum + amount), 0);
  return years === amounts[total];
}

/** -1, 1, -2, 2, … up to the row's length: every shift a row's cells can have, the smallest first. */
function nearestFirst(length: number): number[] {
  return Array.from({ length }, (_, index) => [-(index + 1), index + 1]).flat();
}

/**
 * A source row whose cells slid left or right of the header's columns (a merged or lost cell in the
 * extraction): the run of amounts after the label is aligned to the money columns by the shift that
 * places every amount in a money column, preferring one whose years add up to its total.
 */
function shiftedLayout(
  cells: string[],
  at: number,
  columns: Columns<TaskRole>,
  unit: MoneyUnit,
): Layout | null {
  const slots = moneySlots(columns);
  const columnsOfMoney = new Set(slots.map(({ index }) => index));
  const amounts = cells.flatMap((cell, index) => (index > at && isAmountLike(cell, unit) ? [index] : []));
  if (amounts.length === 0) return null;
  const fits: Layout[] = [];
  for (const shift of nearestFirst(cells.length)) {
    if (!amounts.every((index) => columnsOfMoney.has(index - shift))) continue;
    if (slots.some(({ index }) => index + shift <= at)) continue;
    const indexes = slots.map(({ index }) => index + shift);
    const resultAt = columns.roles.result === undefined ? -1 : columns.roles.result + shift;
    const result = cells[resultAt] ?? "";
    fits.push({
      money: indexes.map((index) => cells[index] ?? ""),
      at: indexes,
      slots: slots.map(({ slot }) => slot),
      result: isEmptyOrProse(result, unit) ? result : "",
    });
  }
  return fits.find((layout) => yearsAddUp(layout.money, layout.slots, unit)) ?? fits[0] ?? null;
}

/**
 * The layout read in place, unless it leaves amounts out (then the shift that places them all), or
 * its total cell is empty under years that hold amounts while a shift makes the years add up to a
 * total (a row run on by empty cells: `місцевий бюджет`, ``, `30,0`, `30,0`).
 */
function realigned(
  cells: string[],
  at: number,
  read: Layout,
  columns: Columns<TaskRole>,
  unit: MoneyUnit,
): Layout {
  if (leftOut(cells, at, read, unit).length > 0) return shiftedLayout(cells, at, columns, unit) ?? read;
  if (!lacksTotal(read, unit)) return read;
  const shifted = shiftedLayout(cells, at, columns, unit);
  return shifted && yearsAddUp(shifted.money, shifted.slots, unit) && !lacksTotal(shifted, unit)
    ? shifted
    : read;
}

/** A total column whose cell is empty while a year cell holds an amount. */
function lacksTotal(layout: Layout, unit: MoneyUnit): boolean {
  const total = layout.slots.findIndex((slot) => slot.kind === "total");
  if (total < 0 || readCell(layout.money[total] ?? "", unit).kind !== "empty") return false;
  return layout.money.some((cell, index) => index !== total && readCell(cell, unit).kind === "amount");
}

/** A table with a `Рік` column and no year columns: each row prints the amount of one year. */
export function printsYearsAsRows(columns: Columns<TaskRole>): boolean {
  return columns.roles.year !== undefined && columns.years.length === 0 && columns.total === null;
}

/**
 * The money columns of one row of a table that prints years as rows: its amount column is the year its
 * `Рік` cell names, the span of years it names ("2026-2028": an amount not split by year), or the row's
 * total when that cell names neither ("Всього", empty).
 */
export function yearRowColumns(cells: string[], columns: Columns<TaskRole>): Columns<TaskRole> {
  const money = columns.roles.money;
  if (money === undefined) return columns;
  const text = cellText(cells[columns.roles.year ?? -1]);
  const year = yearOf(text);
  if (year) return { ...columns, years: [{ year, index: money }] };
  const span = spanOf(text);
  return span ? { ...columns, spans: [{ span, index: money }] } : { ...columns, total: money };
}

/**
 * A row that left its empty year cells out: when the years it may hold (its item's deadline, the
 * years its item's total funds) are as many as its year amounts, each amount goes to one of them in
 * order; otherwise (or with a total column not first) nothing is decided here.
 */
function layoutInYears(layout: Layout, possibleYears: string[], unit: MoneyUnit): Layout | null {
  if (layout.money.length >= layout.slots.length) return null;
  if (!layout.money.every((cell) => isAmountLike(cell, unit))) return null;
  const total = layout.slots[0]?.kind === "total" ? 1 : 0;
  if (layout.slots.slice(total).some((slot) => slot.kind === "total")) return null;
  if (layout.money.length - total !== possibleYears.length) return null;
  const years = possibleYears.map((year): MoneySlot => ({ kind: "year", year }));
  return { ...layout, slots: [...layout.slots.slice(0, total), ...years] };
}

/**
 * A stated total's row that left empty year cells out, its years not told by the rows it totals: only
 * its total (the first money column) is certain; its year amounts are left for the number ledger.
 */
function totalOnly(layout: Layout, unit: MoneyUnit): Layout {
  const leftOut = layout.money.length < layout.slots.length;
  const amounts = layout.money.every((cell) => isAmountLike(cell, unit));
  if (!leftOut || !amounts || layout.money.length < 2 || layout.slots[0]?.kind !== "total") return layout;
  return {
    ...layout,
    money: layout.money.slice(0, 1),
    at: layout.at.slice(0, 1),
    slots: layout.slots.slice(0, 1),
  };
}

/** How a row's years are told when it leaves empty year cells out. */
export interface RowYears {
  /** The years the row's amounts may fall in (its item's deadline, the years the rows it totals fund). */
  possible: string[] | null;
  /** The row states a total: when `possible` does not tell its years, its year amounts are not guessed. */
  totalled: boolean;
}

/** Reads one funding row (source + amounts) and the expected result from a task-table row. */
export function readFunding(
  cells: string[],
  columns: Columns<TaskRole>,
  unit: MoneyUnit,
  line: number,
  totalRow = false,
  years: RowYears = { possible: null, totalled: false },
): FundingCells {
  const at = sourceIndex(cells, columns);
  const read = totalRow
    ? layoutTotalRow(cells, at, columns, unit)
    : layoutAfterSource(cells, at, columns, unit);
  const short = years.possible ? layoutInYears(read, years.possible, unit) : null;
  const aligned = short ?? realigned(cells, at, read, columns, unit);
  const layout = !short && years.totalled ? totalOnly(aligned, unit) : aligned;
  const named = columns.roles.source !== undefined && at === columns.roles.source;
  const label = named || isSourceLabel(cells[at] ?? "") ? (cells[at] ?? "") : "";
  const placed: number[] = [];
  const scaled: ScaledAmount[] = [];
  const row = buildRow(label, layout, unit, line, placed, scaled);
  if (row && named && isTotalWord(label)) row.source = "total";
  else if (row && totalRow && row.source === "unspecified") {
    // "Всього: … 27745 …" with no source named: the row is the printed total itself.
    row.source = "total";
    row.label = cellText(cells.find((cell) => cell.trim() !== "") ?? "");
  }
  const guessed = row !== null && !years.totalled && layout === read && guessesYears(layout, unit);
  return {
    row,
    result: cellText(layout.result),
    placed: row ? placed : [],
    yearsGuessed: guessed,
    scaled: row ? scaled : [],
  };
}

/** Fewer money cells than money columns, more than one of them an amount: the years are a guess. */
function guessesYears(layout: Layout, unit: MoneyUnit): boolean {
  if (layout.money.length >= layout.slots.length) return false;
  return layout.money.filter((cell) => readCell(cell, unit).kind === "amount").length > 1;
}
