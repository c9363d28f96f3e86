import { LETTER, LETTER_CHARS, LOWER } from "../../domain/letters.js";
import type { Indicator } from "../../domain/model.js";
import { indicatorNumber } from "../../domain/rules/indicators.js";
import type { Table } from "../blocks.js";
import { type ColumnRule, type Columns, isColumnNumberRow, readColumns } from "./columns.js";
import { numbersIn } from "./coverage.js";
import type { NumberSink } from "./passport.js";
import { NO_SINK } from "./passport.js";
import { cellText } from "./text.js";

/** Starts with a small letter, after an optional opening quote or bracket. */
const STARTS_SMALL = new RegExp(String.raw`^[«"„(]?${LOWER}`, "u");
/** Starts with a small letter. */
const SMALL_FIRST = new RegExp(String.raw`^${LOWER}`, "u");

type IndicatorRole =
  | "targets"
  | "baseline"
  | "dynamics"
  | "unit"
  | "formula"
  | "direction"
  | "number"
  | "name";

export const INDICATOR_COLUMNS: ColumnRule<IndicatorRole>[] = [
  { role: "targets", pattern: /цільов/i },
  { role: "baseline", pattern: /базов|вихідн|на початок/i },
  { role: "dynamics", pattern: /динамік/i },
  { role: "unit", pattern: /одиниц|од\.\s*вим/i },
  { role: "formula", pattern: /формул|методик|розрахун/i },
  { role: "direction", pattern: /напрям|пріоритет/i },
  { role: "number", pattern: /№|з\/п/i },
  { role: "name", pattern: /найменування|назва|індикатор|^\s*показники?\s*$/i },
];

/** A table is asked whether it is the indicators' by each annex's search, and read once found. */
const columnsCache = new WeakMap<Table, Columns<IndicatorRole> | null>();

function indicatorColumns(table: Table): Columns<IndicatorRole> | null {
  if (!columnsCache.has(table)) columnsCache.set(table, readIndicatorColumns(table));
  return columnsCache.get(table) ?? null;
}

function readIndicatorColumns(table: Table): Columns<IndicatorRole> | null {
  const columns = readColumns(table.rows, INDICATOR_COLUMNS, "targets");
  if (!columns) return null;
  const { roles } = columns;
  if (roles.name === undefined) return null;
  const valued =
    roles.baseline !== undefined || roles.targets !== undefined || namesYearsOfIndicators(columns);
  return valued ? columns : null;
}

/** «Назва показника | Одиниця виміру | 2026 рік | 2027 рік …»: the years are the targets. */
function namesYearsOfIndicators(columns: Columns<IndicatorRole>): boolean {
  return (
    columns.years.length >= 2 && columns.roles.unit !== undefined && /показник/i.test(columns.headerText)
  );
}

export function isIndicatorTable(table: Table): boolean {
  return indicatorColumns(table) !== null;
}

/**
 * A number in the unit column: the row lost a leading cell, and the empty cells at its end are
 * padding (a DOCX made from extracted text), so it stops at its last filled cell.
 */
function withoutPadding(cells: string[], columns: Columns<IndicatorRole>): string[] {
  if (!/^\d[\d\s.,]*$/.test(at(cells, columns.roles.unit))) return cells;
  return cells.slice(0, cells.findLastIndex((cell) => cell.trim() !== "") + 1);
}

/** What the number column holds: «1», «1.», «1.2», «1)», or nothing. */
const ROW_NUMBER = /^(?:\d+[.)]?)+$/;

/**
 * Realigns rows that lost leading cells: short rows (padding aside) align right; text in the number
 * column that is not a row number (a name, or the first words of a name a page break cut, however
 * short: «%») is the name, and the row shifts.
 */
function alignedCells(padded: string[], columns: Columns<IndicatorRole>): string[] {
  const cells = withoutPadding(padded, columns);
  const numberColumn = columns.roles.number ?? 0;
  const nameColumn = columns.roles.name ?? 0;
  const first = cellText(cells[numberColumn]);
  const shift = nameColumn - numberColumn;
  if (shift > 0 && first !== "" && !ROW_NUMBER.test(first)) return [...Array(shift).fill(""), ...cells];
  const missing = columns.width - cells.length;
  return missing > 0 ? [...Array(missing).fill(""), ...cells] : cells;
}

function at(cells: string[], index: number | undefined): string {
  return index === undefined ? "" : cellText(cells[index]);
}

/** A value as the model keeps it: footnote marks dropped ("0***" → "0"), the number as printed. */
export function indicatorValue(text: string): string {
  return cellText(text).replace(/\s*\*+$/, "");
}

/**
 * «2026 – 70», «2026 р. – 70», «у 2026 році – 70», «2026: 70»: a year labelling the value after it. The
 * label starts with the year (or «у»/«в» before it) and ends with a colon or a dash.
 */
const YEAR_LABEL = new RegExp(
  String.raw`(?<![${LETTER_CHARS}\d])(?:[ув]\s+)?(20\d\d)\s*(?:р\.|рік|році|року)?\s*[:‐‑–—-]\s*`,
  "giu",
);
const NUMBER_TOKEN = /(?<![\d.,])(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[.,]\d+)?(?!\d)/g;

/** The targets of one cell: the value after each year label, up to the next label. */
interface CellTargets {
  targets: Record<string, string>;
  /** The numbers of the values, as the ledger counts a cell of them. */
  numbers: string[];
}

/**
 * Targets written in one cell under a «Цільове значення» heading with no year row:
 * «2026 – 70; 2027 – 90», «2026 р. – 70, 2027 р. – 90», «2026: 70». Null unless the cell is nothing
 * but such pairs, each year once.
 */
export function targetsInCell(text: string): CellTargets | null {
  const labels = [...text.matchAll(YEAR_LABEL)];
  if (labels.length === 0 || labels[0]?.index !== 0) return null;
  const targets: Record<string, string> = {};
  const numbers: string[] = [];
  for (const [index, label] of labels.entries()) {
    const year = label[1] ?? "";
    const from = label.index + label[0].length;
    const to = labels[index + 1]?.index ?? text.length;
    const raw = text
      .slice(from, to)
      .trim()
      .replace(/\s*[;,]$/, "");
    if (raw === "" || year in targets) return null;
    targets[year] = indicatorValue(raw);
    numbers.push(...numbersIn(raw));
  }
  return { targets, numbers };
}

/** The numbers of a targets cell no rule could read (its years aside): the ledger names them. */
function unreadNumbers(text: string): string[] {
  return [...text.matchAll(NUMBER_TOKEN)]
    .map((match) => match[0])
    .filter((number) => !/^20\d\d$/.test(number));
}

/** The header printed again at the top of a page: every filled cell is one of the header's cells. */
function isRepeatedHeader(cells: string[], headerCells: string[]): boolean {
  const header = new Set(headerCells.map(cellText).filter((text) => text !== ""));
  const filled = cells.map(cellText).filter((text) => text !== "");
  return filled.length >= 2 && filled.every((text) => header.has(text));
}

/** The cells of a row the indicator list reads, with the model's field each goes to. */
interface RowRead {
  number: string;
  direction: string;
  name: string;
  unit: string;
  formula: string;
  baseline: string;
  targets: Record<string, string>;
  dynamics: string;
  /** Indexes (in the row as printed) of the cells that landed in the model. */
  read: number[];
  /** A cell of targets with words around the numbers (no year columns): its index as printed and numbers. */
  prose?: { cell: number; numbers: string[]; placed: boolean };
}

function readRow(cells: string[], columns: Columns<IndicatorRole>, printedWidth: number): RowRead {
  const { roles } = columns;
  const aligned = alignedCells(cells, columns);
  const offset = aligned.length - printedWidth;
  const read = new Set<number>();
  const take = (index: number | undefined, value = (text: string) => text): string => {
    const text = at(aligned, index);
    if (text !== "" && index !== undefined) read.add(index - offset);
    return value(text);
  };
  const targets: Record<string, string> = {};
  for (const { year, index } of columns.years) targets[year] = take(index, indicatorValue);
  if (columns.total !== null && totalsTargets(at(aligned, columns.total), targets)) take(columns.total);
  let prose: RowRead["prose"];
  const targetsText = at(aligned, roles.targets);
  if (columns.years.length === 0 && roles.targets !== undefined && targetsText !== "") {
    const cell = roles.targets - offset;
    const inCell = targetsInCell(targetsText);
    if (inCell) {
      Object.assign(targets, inCell.targets);
      read.add(cell);
      prose = { cell, numbers: inCell.numbers, placed: true };
    } else if (numbersIn(targetsText).length === 0) {
      prose = { cell, numbers: unreadNumbers(targetsText), placed: false };
    }
  }
  return {
    number: take(roles.number),
    direction: take(roles.direction),
    name: take(roles.name),
    unit: take(roles.unit),
    formula: take(roles.formula),
    baseline: take(roles.baseline, indicatorValue),
    targets,
    dynamics: take(roles.dynamics, indicatorValue),
    read: [...read],
    ...(prose ? { prose } : {}),
  };
}

/** A value as a number, or null: «14,3» → 14.3, «1 685» → 1685. */
/**
 * The «Усього» column of an indicator list: the years' targets added up, the last year's target (a
 * level reached), or their average (a share: «14,6» for «15,0 | 14,3 | 14,3», equal within the
 * rounding of the printed values). Each is the model's targets printed again; any other number stays
 * unread.
 */
function totalsTargets(text: string, targets: Record<string, string>): boolean {
  const total = indicatorNumber(text);
  const printed = Object.values(targets);
  const values = printed.map(indicatorNumber);
  if (total === null || values.length === 0 || values.some((value) => value === null)) return false;
  const numbers = values as number[];
  const sum = numbers.reduce((a, b) => a + b, 0);
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));
  if (same(total, sum) || same(total, numbers[numbers.length - 1] ?? Number.NaN)) return true;
  const rounding = (halfStep(text) + Math.max(...printed.map(halfStep))) * (1 + 1e-9);
  return Math.abs(total - sum / numbers.length) <= rounding;
}

/** Half the last printed digit's place: «14,6» → 0.05, «15» → 0.5. */
function halfStep(text: string): number {
  const decimals = /[.,](\d+)\s*$/.exec(text.trim())?.[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals;
}

/** A text cut at a hyphen after a letter («Wi-» over «Fi», «електронно-» over «цифрових»). */
export const CUT_AT_HYPHEN = new RegExp(String.raw`${LETTER}-$`, "u");

/**
 * A name going on after a page break: text in the name (or direction) column only, no number, unit,
 * formula or value, printed at the top of a page, starting mid-sentence, or after a name cut at a
 * hyphen. It never makes an indicator.
 */
function isContinuation(row: RowRead, pageTop: boolean, previous = ""): boolean {
  const values = [
    row.number,
    row.unit,
    row.formula,
    row.baseline,
    row.dynamics,
    ...Object.values(row.targets),
  ];
  if (values.some((value) => value !== "")) return false;
  const text = row.name || row.direction;
  return text !== "" && (pageTop || STARTS_SMALL.test(text) || CUT_AT_HYPHEN.test(previous));
}

/**
 * Joins a text and its continuation: a word cut at a hyphen goes on without a space, the hyphen
 * dropped before a lowercase letter (a word hyphenated at the line end) and kept before any other
 * («Wi-» + «Fi» → «Wi-Fi»).
 */
export function joinText(before: string, after: string): string {
  if (before === "") return after;
  if (!CUT_AT_HYPHEN.test(before)) return `${before} ${after}`;
  return SMALL_FIRST.test(after) ? `${before.slice(0, -1)}${after}` : `${before}${after}`;
}

function continueIndicator(last: Indicator | undefined, row: RowRead, indicators: Indicator[]): void {
  if (!last) return;
  if (row.name) last.name = joinText(last.name, row.name);
  if (row.direction) {
    const direction = last.direction;
    const joined = joinText(direction, row.direction);
    for (const each of indicators) if (each.direction === direction) each.direction = joined;
  }
}

/**
 * The groups of a budget programme's performance indicators (наказ Мінфіну № 836: «Показники затрат /
 * продукту / ефективності / якості»), or a council's own («Показники витрат», «Показники якості надання
 * послуг»): «Показники» and a few words, alone on the row — an indicator's name is singular and has values.
 */
const PERFORMANCE_GROUP = new RegExp(String.raw`^показники(?:\s+${LETTER}[^\s]*){1,6}$`, "iu");
/**
 * The four groups named by their stem alone («Затрати», «Продукту», «1. Продукт», «Ефективність»,
 * «Якості»): only these words, so that an indicator's name printed without values is not swallowed.
 */
const GROUP_STEM =
  /^(?:\d+[.)]\s*)?(?:затрат[иі]?|продукт[уи]?|ефективн(?:ість|ості)|як(?:ість|ості))[.:]?$/iu;

const isGroupName = (text: string): boolean => PERFORMANCE_GROUP.test(text) || GROUP_STEM.test(text);

/** «1 | Показники продукту» alone on its row: the group the indicators below belong to, or null. */
function performanceGroup(cells: string[]): string | null {
  const filled = cells.map(cellText).filter((text) => text !== "");
  const [first = "", second] = filled;
  if (filled.length === 1 && isGroupName(first)) return first;
  if (filled.length === 2 && ROW_NUMBER.test(first) && isGroupName(second ?? "")) return second ?? null;
  return null;
}

/**
 * Reads the indicator list (an annex): № / priority / name / unit / formula / baseline / target per year
 * / dynamics. The direction printed on a row applies to the rows below it; the column-number row and
 * the header printed again at a page top are not data; a name that goes on after a page break joins
 * its indicator. Every number of a data row either lands in the model or is left to the ledger.
 */
export function readIndicators(table: Table, sink: NumberSink = NO_SINK): Indicator[] {
  const columns = indicatorColumns(table);
  if (!columns) return [];
  const indicators: Indicator[] = [];
  let direction = "";
  let pageTop = false;
  for (const row of table.rows.slice(columns.headerRows)) {
    if (isColumnNumberRow(row.cells) || isRepeatedHeader(row.cells, columns.headerCells)) {
      pageTop = true;
      continue;
    }
    row.cells.forEach((text, cell) => {
      sink.see({ line: row.line, cell }, text);
    });
    const read = readRow(row.cells, columns, row.cells.length);
    if (read.prose) sink.seeNumbers({ line: row.line, cell: read.prose.cell }, read.prose.numbers);
    const wasPageTop = pageTop;
    pageTop = false;
    if (isContinuation(read, wasPageTop, indicators.at(-1)?.name)) {
      continueIndicator(indicators[indicators.length - 1], read, indicators);
      for (const cell of read.read) sink.place({ line: row.line, cell });
      continue;
    }
    const group = performanceGroup(row.cells);
    if (group) {
      direction = group;
      row.cells.forEach((text, cell) => {
        if (text.trim() !== "") sink.place({ line: row.line, cell });
      });
      continue;
    }
    direction = read.direction || direction;
    if (!read.name) continue;
    for (const cell of read.read) sink.place({ line: row.line, cell });
    indicators.push({
      number: read.number,
      direction,
      name: read.name,
      unit: read.unit,
      formula: read.formula,
      baseline: read.baseline,
      targets: read.targets,
      dynamics: read.dynamics,
      line: row.line,
    });
  }
  return indicators;
}
