import fc from "fast-check";
import { expect } from "vitest";
import type { ImportResult, Indicator, MonitoringVariable } from "../../../src/domain/model.js";
import { formatIndicatorNumber } from "../../../src/domain/monitoring/indicators.js";
import type { WordBlock, WordCell } from "../../support/word-document.js";
import { groupThousands, passportHead, phrase, T } from "./render.js";
import { linesToWord, type PageBreakMode, pageBreakMode, WordSketch } from "./word.js";

/**
 * Family 4: the indicator annexes. The indicator list (№ / priority / name / unit / formula / baseline /
 * target per year / dynamics) with `$…$` formulas naming monitoring variables, «Так/Ні» values and
 * footnote marks, and the monitoring-variables annex (variable, unit, source of data, baseline, per
 * year). A random pair of annexes is rendered with random header spellings, page breaks (with the
 * column-number row or the header again at the page top, a name split across one or two of them at
 * any word), shifted rows and number formats, and as a Word table (a direction's № and priority cells
 * merged down over its indicators, or not); the import must give back the indicators and the
 * variables, and the indicators' values must follow from the variables their formulas name.
 */

type Kind = "ratio" | "yes-no" | "count";

interface IndicatorSpec {
  kind: Kind;
  name: string;
  unit: string;
  /** ratio: [numerator, denominator] values per column (baseline, then years) */
  values: number[][];
  dynamics: string;
}

export interface Model {
  years: string[];
  directions: { title: string; indicators: IndicatorSpec[] }[];
}

export interface Style {
  numberRow: boolean;
  headers: number[];
  yearSuffix: string;
  dotNumbers: boolean;
  grouped: boolean;
  footnotes: boolean;
  shift: boolean;
  cyrillicFormula: boolean;
  /**
   * Where page breaks fall (row indexes), whether each splits the name of the row before it, after
   * which word (`cut`, modulo the words), and how many pages that row spans (2: the name cut twice,
   * its first part as short as one word: «%»).
   */
  breaks: { at: number; split: boolean; cut: number; pages: number }[];
  sourceSpelling: number;
  /** How the page breaks show in the DOCX rendering. */
  pageBreaks: PageBreakMode;
  /** The DOCX merges a direction's № and priority cells down over its indicators (vMerge), as councils do. */
  mergeDirections: boolean;
  /**
   * Targets written in one cell under «Цільове значення», with no year row: «2026 – 70; 2027 – 90»,
   * «2026 р. – 70, 2027 р. – 90», «2026: 70» (null: a column per year under a year row).
   */
  targetCell: { label: number; separator: string } | null;
}

const TITLES = [
  "Цифрове врядування",
  "Цифрові послуги для мешканців",
  "Кібербезпека та інфраструктура",
  "Цифрова освіта",
];
const HEADERS: string[][] = [
  ["№ з/п", "№", "№ п/п"],
  ["Назва пріоритету", "Пріоритетний напрям", "Напрям"],
  ["Найменування індикатора", "Назва індикатора", "Індикатор", "Назва показника", "Показник"],
  ["Одиниця виміру", "Од. виміру"],
  ["Спосіб розрахунку", "Формула розрахунку", "Методика розрахунку"],
  ["Базове значення", "Базове значення показника"],
  ["Цільове значення", "Цільові значення за роками"],
  ["Динаміка (+/-, %)", "Динаміка"],
];
const DATA_SOURCES = [
  "Звіт відділу цифрового розвитку",
  "Штатний розпис",
  "дані ЦНАП",
  "Інвентаризаційна відомість",
];

const spec = (columns: number): fc.Arbitrary<IndicatorSpec> =>
  fc.oneof(
    fc.record({
      kind: fc.constant<Kind>("ratio"),
      name: phrase(3, 12).map((name) => `% ${name}`),
      unit: fc.constant("%"),
      values: fc.array(
        fc
          .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 5000 }))
          .map(([a, b]) => [a, a + b]),
        { minLength: columns, maxLength: columns },
      ),
      dynamics: fc.constantFrom("", "", "+5", "+12,5"),
    }),
    fc.record({
      kind: fc.constant<Kind>("yes-no"),
      name: phrase(2, 10).map((name) => `Наявність ${name}`),
      unit: fc.constantFrom("Так/Ні", "так/ні"),
      values: fc.array(
        fc.constantFrom(1, 0).map((value) => [value]),
        { minLength: columns, maxLength: columns },
      ),
      dynamics: fc.constant(""),
    }),
    fc.record({
      kind: fc.constant<Kind>("count"),
      name: phrase(2, 10).map((name) => `Кількість ${name}`),
      unit: fc.constantFrom("одиниць", "осіб", "шт."),
      values: fc.array(
        fc
          .oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1000, max: 2_000_000_000 }))
          .map((n) => [n]),
        { minLength: columns, maxLength: columns },
      ),
      dynamics: fc.constantFrom("", "+3"),
    }),
  );

export const model: fc.Arbitrary<Model> = fc
  .record({
    from: fc.integer({ min: 2025, max: 2027 }),
    length: fc.integer({ min: 2, max: 4 }),
    count: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ from, length, count }) => {
    const years = Array.from({ length }, (_, index) => String(from + index));
    const direction = (title: string) =>
      fc.array(spec(length + 1), { minLength: 1, maxLength: 3 }).map((indicators) => ({ title, indicators }));
    return fc.tuple(...TITLES.slice(0, count).map(direction)).map((directions) => ({ years, directions }));
  });

export const style: fc.Arbitrary<Style> = fc.record({
  numberRow: fc.boolean(),
  headers: fc.array(fc.nat(4), { minLength: HEADERS.length, maxLength: HEADERS.length }),
  yearSuffix: fc.constantFrom("", " р.", " рік"),
  dotNumbers: fc.boolean(),
  grouped: fc.boolean(),
  footnotes: fc.boolean(),
  shift: fc.boolean(),
  cyrillicFormula: fc.boolean(),
  breaks: fc.array(
    fc.record({
      at: fc.nat(12),
      split: fc.constantFrom(true, true, false),
      cut: fc.oneof(fc.constant(0), fc.nat(11)),
      pages: fc.constantFrom(1, 2),
    }),
    { maxLength: 4 },
  ),
  sourceSpelling: fc.nat(3),
  pageBreaks: pageBreakMode,
  mergeDirections: fc.boolean(),
  targetCell: fc.option(fc.record({ label: fc.nat(3), separator: fc.constantFrom("; ", ", ") }), {
    nil: null,
  }),
});

/**
 * A budget programme's performance-indicator annex instead of the indicator list: «№ з/п | Назва
 * показника | Одиниця виміру | Вихідні дані на початок дії програми | 2026 рік | … | Усього», no
 * formula, baseline or target headings, the indicators under «Показники затрат/продукту/…» rows (their
 * direction), and no monitoring-variables annex. Drawn by the dynamics heading's draw (3 or 4 of 0–4,
 * a heading the annex does not print) when the targets have a column per year: no new draw.
 */
export function performanceAnnex(s: Style): boolean {
  return s.targetCell === null && (s.headers[7] ?? 0) >= 3;
}

const PERFORMANCE_GROUPS = [
  "Показники затрат",
  "Показники продукту",
  "Показники ефективності",
  "Показники якості",
];

/**
 * The same groups named by their stem alone, as some councils print them; drawn for a direction with
 * an even count of indicators (no new draw).
 */
const GROUP_STEMS = ["Затрати", "Продукту", "Ефективність", "Якості"];

/**
 * What «Усього» prints after an indicator's years: their sum (a count added up over the years, drawn by
 * the parity of its first baseline value) or the last year's target; nothing for «Так/Ні».
 */
function performanceTotal(indicator: IndicatorSpec, targets: string[], s: Style): string {
  if (indicator.kind === "yes-no") return "";
  const last = targets.at(-1) ?? "";
  if (indicator.kind !== "count" || (indicator.values[0]?.[0] ?? 0) % 2 === 0) return last;
  const sum = indicator.values.slice(1).reduce((total, [value = 0]) => total + value, 0);
  return printCount(sum, s);
}

/** The performance-indicator annex (`performanceAnnex`): its rows, indicators and Word tables. */
function renderPerformance(m: Model, s: Style): Rendered {
  const header = [
    "№ з/п",
    "Назва показника",
    "Одиниця виміру",
    "Вихідні дані на початок дії програми",
    ...m.years.map((year) => `${year}${s.yearSuffix}`),
    "Усього",
  ];
  const numbers = header.map((_, index) => String(index + 1));
  const indicators: Rendered["indicators"] = [];
  const rows: string[][] = [];
  const splittable = new Set<number>();
  const shiftedRows = new Set<number>();
  m.directions.forEach((direction, d) => {
    const group = (direction.indicators.length % 2 === 0 ? GROUP_STEMS : PERFORMANCE_GROUPS)[d] ?? "";
    rows.push([`${d + 1}${s.dotNumbers ? "." : ""}`, group, ...Array(header.length - 2).fill("")]);
    for (const indicator of direction.indicators) {
      const { values } = printed(indicator, [], s);
      const [baseline = "", ...targets] = values;
      // Footnote marks as the indicator list prints them; the model keeps the values without them.
      const mark = (value: string, index: number) =>
        s.footnotes && index % 2 === 0 && value !== "" ? `${value}***` : value;
      splittable.add(rows.length);
      shiftedRows.add(rows.length);
      rows.push([
        "",
        indicator.name,
        indicator.unit,
        mark(baseline, 0),
        ...targets.map((value, index) => mark(value, index + 1)),
        performanceTotal(indicator, targets, s),
      ]);
      indicators.push({
        number: "",
        direction: group,
        name: indicator.name,
        unit: indicator.unit,
        formula: "",
        baseline,
        targets: Object.fromEntries(m.years.map((year, index) => [year, targets[index] ?? ""])),
        dynamics: "",
      });
    }
  });
  const top = s.numberRow ? [numbers] : [header];
  const head = passportHead(Number(m.years[0]), Number(m.years.at(-1)));
  const caption = ["Додаток 2", "до Програми цифрового розвитку", "Результативні показники Програми"];
  const word = new WordSketch();
  word.blocks.push(...linesToWord(head, s.pageBreaks));
  for (const line of caption) word.paragraph(line);
  annexTable(word, [header, ...(s.numberRow ? [numbers] : [])], rows, top, s);
  if (s.footnotes) word.paragraph("*** – дані за попередній рік");
  const text = [
    ...head,
    "",
    ...caption,
    "",
    header.join(T),
    ...(s.numberRow ? [numbers.join(T)] : []),
    ...withBreaks(rows, top, 1, s, splittable, shiftedRows),
    "",
    ...(s.footnotes ? ["*** – дані за попередній рік", ""] : []),
  ].join("\n");
  return { text, word: word.blocks, indicators, variables: [] };
}

const TARGET_LABELS = [
  (year: string) => `${year} – `,
  (year: string) => `${year} р. – `,
  (year: string) => `${year}: `,
  (year: string) => `у ${year} році – `,
];

function printCount(value: number, s: Style): string {
  return groupThousands(String(value), s.grouped);
}

const yesNo = (value: number): string => (value === 1 ? "Так" : "Ні");

/** What the indicator prints in each value column (baseline, then years), and its formula. */
function printed(
  indicator: IndicatorSpec,
  variables: string[],
  s: Style,
): { values: string[]; formula: string } {
  if (indicator.kind === "yes-no")
    return { values: indicator.values.map(([v]) => yesNo(v ?? 0)), formula: "-" };
  if (indicator.kind === "count") {
    const [a = "", b = ""] = variables;
    const formula = s.cyrillicFormula ? `$А$, де А – показник ${a}` : `$A$, де А – показник ${a}`;
    void b;
    return { values: indicator.values.map(([v]) => printCount(v ?? 0, s)), formula };
  }
  const [a = "", b = ""] = variables;
  const expression = s.cyrillicFormula ? "(А/В)*100" : "(A/B)*100";
  return {
    values: indicator.values.map(([x = 0, y = 1]) => formatIndicatorNumber((x / y) * 100)),
    formula: `$${expression}$, де А – показник ${a}, В – показник ${b}`,
  };
}

export interface Rendered {
  text: string;
  word: WordBlock[];
  indicators: Omit<Indicator, "line">[];
  variables: Omit<MonitoringVariable, "line">[];
}

/**
 * The style's page breaks in a table of `count` rows: each after a row (1…count), once more for each
 * further page its row spans.
 */
function breaksIn(s: Style, count: number): Style["breaks"] {
  return s.breaks.flatMap((each) =>
    Array.from({ length: each.pages }, () => ({ ...each, at: 1 + (each.at % count) })),
  );
}

/** Inserts page breaks: a blank line, then the column-number row or the header again; a split name goes on after it. */
function withBreaks(
  rows: string[][],
  top: string[][],
  nameColumn: number,
  s: Style,
  splittable: Set<number>,
  shiftedRows: ReadonlySet<number> = new Set(),
): string[] {
  const out = rows.map((cells) => [...cells]);
  const slide = new Set(out.filter((_, index) => shiftedRows.has(index)));
  const breaks = breaksIn(s, rows.length).sort((a, b) => b.at - a.at);
  const lines: string[][] = out;
  for (const { at, split, cut: after } of breaks) {
    const before = lines[at - 1];
    const inserted: string[][] = [[], ...top.map((cells) => [...cells])];
    if (split && before && splittable.has(at - 1)) {
      const words = (before[nameColumn] ?? "").split(" ");
      if (words.length >= 2) {
        const cut = 1 + (after % (words.length - 1));
        before[nameColumn] = words.slice(0, cut).join(" ");
        const rest = Array(before.length).fill("");
        rest[nameColumn] = words.slice(cut).join(" ");
        inserted.push(rest);
      }
    }
    lines.splice(at, 0, ...inserted);
  }
  return lines.map((cells) => (slide.has(cells) ? shifted(cells, s) : cells).join(T));
}

/**
 * An annex as a Word table: the header rows, then the rows whole (Word keeps a name that a page break
 * cuts in one cell, and a row's cells in their columns), with the style's page breaks. A table split
 * by a page break starts anew: a cell merged down from the page before is an empty cell there.
 */
function annexTable(
  word: WordSketch,
  header: string[][],
  rows: WordCell[][],
  top: string[][],
  s: Style,
): void {
  word.startTable(header);
  const breaks = new Set(breaksIn(s, rows.length).map(({ at }) => at));
  rows.forEach((cells, index) => {
    const split = breaks.has(index) && s.pageBreaks === "split-table";
    if (breaks.has(index)) word.pageBreak(s.pageBreaks, top);
    word.row(split ? cells.map(unmerged) : cells);
  });
  if (breaks.has(rows.length)) word.pageBreak(s.pageBreaks, top);
}

/** A cell that a vMerge covers, outside its merge: an empty cell. */
function unmerged(cell: WordCell): WordCell {
  return typeof cell !== "string" && "merge" in cell && cell.merge === "continue" ? "" : cell;
}

/**
 * The indicator rows as Word writes them when the № and priority cells of a direction are merged
 * down over its indicators: the first row opens the merge, the rows below continue it.
 */
function mergedDirections(rows: string[][], firstOfDirection: boolean[], s: Style): WordCell[][] {
  if (!s.mergeDirections) return rows;
  return rows.map((cells, index) => {
    const opens = firstOfDirection[index] && firstOfDirection[index + 1] === false;
    const continues = firstOfDirection[index] === false;
    if (!opens && !continues) return cells;
    const merge = opens ? "start" : "continue";
    return cells.map((text, column) => (column < 2 ? { text, merge } : text));
  });
}

/** Drops a data row's leading empty cells, as text extraction often does. */
function shifted(cells: string[], s: Style): string[] {
  if (!s.shift) return cells;
  let first = 0;
  while (first < cells.length - 1 && cells[first] === "") first++;
  return cells.slice(first);
}

export function render(m: Model, s: Style): Rendered {
  if (performanceAnnex(s)) return renderPerformance(m, s);
  const columnHeader = HEADERS.map(
    (options, index) => options[(s.headers[index] ?? 0) % options.length] ?? "",
  );
  const { targetCell } = s;
  const width = targetCell ? 8 : 7 + m.years.length;
  const header1 = targetCell
    ? columnHeader
    : [...columnHeader.slice(0, 7), ...Array(m.years.length - 1).fill(""), columnHeader[7] ?? ""];
  const header2 = [...Array(6).fill(""), ...m.years.map((year) => `${year}${s.yearSuffix}`), ""];
  const headerRows = targetCell ? [header1] : [header1, header2];
  const inOneCell = (values: string[]): string =>
    m.years
      .map((year, index) => `${TARGET_LABELS[targetCell?.label ?? 0]?.(year) ?? ""}${values[index] ?? ""}`)
      .join(targetCell?.separator ?? "; ");
  const numbers = Array.from({ length: width }, (_, index) => String(index + 1));
  const indicators: Rendered["indicators"] = [];
  const variables: Rendered["variables"] = [];
  const rows: string[][] = [];
  const splittable = new Set<number>();
  const firstOfDirection: boolean[] = [];
  const shiftedRows = new Set<number>();
  m.directions.forEach((direction, d) => {
    let counter = 0;
    direction.indicators.forEach((indicator, k) => {
      const names = indicator.kind === "ratio" ? 2 : indicator.kind === "count" ? 1 : 0;
      const numbersOf = Array.from({ length: names }, () => `${d + 1}.${++counter}`);
      const { values, formula } = printed(indicator, numbersOf, s);
      const [baseline = "", ...targets] = values;
      const number = k === 0 ? `${d + 1}${s.dotNumbers ? "." : ""}` : "";
      const mark = (value: string, index: number) =>
        s.footnotes && index % 2 === 0 && value !== "" ? `${value}***` : value;
      const cells = [
        number,
        k === 0 ? direction.title : "",
        indicator.name,
        indicator.unit,
        formula,
        mark(baseline, 0),
        ...(targetCell
          ? [inOneCell(targets.map((value, index) => mark(value, index + 1)))]
          : targets.map((value, index) => mark(value, index + 1))),
        indicator.dynamics,
      ];
      if (k !== 0) {
        splittable.add(rows.length);
        shiftedRows.add(rows.length);
      }
      firstOfDirection.push(k === 0);
      rows.push(cells);
      indicators.push({
        number,
        direction: direction.title,
        name: indicator.name,
        unit: indicator.unit,
        formula,
        baseline,
        targets: Object.fromEntries(m.years.map((year, index) => [year, targets[index] ?? ""])),
        dynamics: indicator.dynamics,
      });
      numbersOf.forEach((variableNumber, which) => {
        const columnValues = indicator.values.map((pair) => printCount(pair[which] ?? 0, s));
        const [base = "", ...perYear] = columnValues;
        variables.push({
          number: variableNumber,
          name: `${which === 0 ? "Кількість" : "Загальна кількість"} ${indicator.name.replace(/^\S+\s/, "")}`,
          unit: "одиниць",
          source: DATA_SOURCES[(s.sourceSpelling + which) % DATA_SOURCES.length] ?? "",
          baseline: base,
          values: Object.fromEntries(m.years.map((year, index) => [year, perYear[index] ?? ""])),
        });
      });
    });
  });
  const top = s.numberRow ? [numbers] : headerRows;
  const indicatorLines = withBreaks(rows, top, 2, s, splittable, shiftedRows);
  const variableHeader = [
    columnHeader[0] ?? "№",
    "Найменування показника",
    "Одиниця виміру",
    "Джерело даних",
    "Базове значення",
    "Значення за роками",
    ...Array(m.years.length - 1).fill(""),
  ];
  const variableYears = [...Array(5).fill(""), ...m.years.map((year) => `${year}${s.yearSuffix}`)];
  const variableRows = variables.map((v) => [
    v.number,
    v.name,
    v.unit,
    v.source,
    v.baseline,
    ...m.years.map((y) => v.values[y] ?? ""),
  ]);
  const variableNumbers = Array.from({ length: 5 + m.years.length }, (_, index) => String(index + 1));
  const variableTop = s.numberRow ? [variableNumbers] : [variableHeader, variableYears];
  const variableLines = withBreaks(
    variableRows,
    variableTop,
    1,
    s,
    new Set(variableRows.map((_, index) => index)),
  );
  const word = new WordSketch();
  const head = passportHead(Number(m.years[0]), Number(m.years.at(-1)));
  word.blocks.push(...linesToWord(head, s.pageBreaks));
  for (const line of [
    "Додаток 2",
    "до Програми цифрового розвитку",
    "**Перелік індикаторів виконання Програми**",
  ])
    word.paragraph(line);
  const numberRows = s.numberRow ? [numbers] : [];
  annexTable(word, [...headerRows, ...numberRows], mergedDirections(rows, firstOfDirection, s), top, s);
  for (const line of [
    "*** – дані за попередній рік",
    "Додаток 3",
    "до Програми цифрового розвитку",
    "Показники моніторингу",
  ])
    word.paragraph(line);
  const variableNumberRows = s.numberRow ? [variableNumbers] : [];
  annexTable(word, [variableHeader, variableYears, ...variableNumberRows], variableRows, variableTop, s);
  const text = [
    ...head,
    "",
    "Додаток 2",
    "до Програми цифрового розвитку",
    "",
    "**Перелік індикаторів виконання Програми**",
    "",
    ...headerRows.map((cells) => cells.join(T)),
    ...(s.numberRow ? [numbers.join(T)] : []),
    ...indicatorLines,
    "",
    "*** – дані за попередній рік",
    "",
    "Додаток 3",
    "до Програми цифрового розвитку",
    "",
    "Показники моніторингу",
    "",
    variableHeader.join(T),
    variableYears.join(T),
    ...(s.numberRow ? [variableNumbers.join(T)] : []),
    ...variableLines,
    "",
  ].join("\n");
  return { text, word: word.blocks, indicators, variables };
}

function withoutLine<V extends { line: number }>(values: V[]): Omit<V, "line">[] {
  return values.map(({ line: _line, ...rest }) => rest);
}

/** The import gives back the rendered indicators and variables, every number placed. */
export function givesAnnexesBack({ programme, coverage }: ImportResult, rendered: Rendered): void {
  expect(withoutLine(programme.indicators), rendered.text).toEqual(rendered.indicators);
  expect(withoutLine(programme.monitoring ?? []), rendered.text).toEqual(rendered.variables);
  if (coverage) {
    expect(coverage.numbersSeen).toBe(coverage.numbersPlaced + coverage.numbersFlagged);
    expect(coverage.numbersFlagged, rendered.text).toBe(0);
  }
}

/** A random pair of annexes, rendered. */
export const annexesDocument = fc
  .tuple(model, style)
  .map(([m, s]) => ({ model: m, style: s, ...render(m, s) }));
