import fc from "fast-check";
import type { DeclaredFunding, SourceKind } from "../../../src/domain/model.js";
import { PASSPORT_LABELS } from "../../../src/domain/rules/passport.js";
import type { WordBlock, WordCell } from "../../support/word-document.js";
import { phrase, printDecimal } from "./render.js";

/**
 * A passport as `pdftotext -layout` writes a PDF of its table, or as Word saves it as text: the field's
 * number (`1.`, `1` or none), its name and its value in columns of random widths, apart by runs of
 * spaces, each wrapped in its own column; field 10 as a small table in the value column (a header of
 * years, with a total column or not, on the field's first line or the next; a total row and a row per
 * source, their labels wrapped in a column of their own; `у тому числі:` or not); fields apart by a
 * blank line or not; a page break anywhere among its lines (its number, a form feed or not); or field 10 as a sentence wrapped in the value column. Random fields between 1, 9 and 10, which are always printed.
 */
export interface SpacedPassport {
  fields: { number: number; label: string; value: string }[];
  funding: Omit<DeclaredFunding, "line">;
  unit: "thousand" | "uah";
  text: string;
  /**
   * The same passport as a Word table (no header row): `№ | name | value`, the value spanning the
   * columns of field 10's table (`№ | name | source | [Всього] | years…`, a row per total or source
   * under the field's row) or field 10's sentence.
   */
  word: WordBlock[];
}

const SOURCE_LABELS: Partial<Record<SourceKind, string[]>> = {
  local: ["місцевий бюджет", "бюджет громади", "кошти місцевого бюджету"],
  state: ["державний бюджет", "кошти державного бюджету"],
  other: ["інші джерела", "інші джерела, не заборонені законодавством"],
};
const SOURCES = Object.keys(SOURCE_LABELS) as SourceKind[];

interface Style {
  /** Field 10 as a sentence wrapped in the value column instead of a table. */
  prose: boolean;
  numbering: "1." | "1" | "none";
  numberWidth: number;
  labelWidth: number;
  valueWidth: number;
  gaps: [number, number, number];
  blankBetween: boolean;
  /** Blank lines between the title and field 1. */
  blanksBefore: number;
  /** Where a page break falls among the passport's lines (modulo their count), or none. */
  pageBreak: number | null;
  formFeed: boolean;
  totalColumn: boolean;
  yearSuffix: string;
  headerOnNextLine: boolean;
  inclusive: boolean;
  subLabelWidth: number;
  grouped: boolean;
  spelling: number;
}

const style: fc.Arbitrary<Style> = fc.record({
  prose: fc.boolean(),
  numbering: fc.constantFrom("1." as const, "1" as const, "none" as const),
  numberWidth: fc.integer({ min: 3, max: 5 }),
  labelWidth: fc.integer({ min: 14, max: 40 }),
  valueWidth: fc.integer({ min: 28, max: 60 }),
  gaps: fc.tuple(
    fc.integer({ min: 2, max: 6 }),
    fc.integer({ min: 2, max: 6 }),
    fc.integer({ min: 2, max: 4 }),
  ),
  blankBetween: fc.boolean(),
  blanksBefore: fc.nat(3),
  pageBreak: fc.option(fc.nat(200)),
  formFeed: fc.boolean(),
  totalColumn: fc.boolean(),
  yearSuffix: fc.constantFrom("", " рік", " р."),
  headerOnNextLine: fc.boolean(),
  inclusive: fc.boolean(),
  subLabelWidth: fc.integer({ min: 10, max: 22 }),
  grouped: fc.boolean(),
  spelling: fc.nat(2),
});

/** Field values of the other readers' passports: the community, its code, the term, prose. */
function fieldValue(number: number, words: string, from: number, to: number): string {
  if (number === 1) return "Тестова сільська територіальна громада";
  if (number === 2) return "UA01020030040050060";
  if (number === 9) return `${from}–${to} роки`;
  const capital = words.charAt(0).toUpperCase() + words.slice(1);
  return number === 7 ? `Заступник сільського голови ${capital}` : capital;
}

/** Greedy wrapping to `width` characters; a word longer than the width stands alone. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ").filter((each) => each !== "")) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const longestWord = (text: string): number => Math.max(0, ...text.split(" ").map((word) => word.length));

/** Lines of cells placed at their columns (`[x, lines]`), trailing spaces dropped. */
function place(cells: [number, string[]][]): string[] {
  const height = Math.max(1, ...cells.map(([, lines]) => lines.length));
  return Array.from({ length: height }, (_, index) =>
    cells.reduce((line, [x, lines]) => {
      const text = lines[index];
      return text === undefined ? line : line.padEnd(x, " ") + text;
    }, ""),
  );
}

function printAmount(kopecks: number, unit: SpacedPassport["unit"], grouped: boolean): string {
  const scale = unit === "thousand" ? 100_000n : 100n;
  const whole = BigInt(kopecks) / scale;
  const fraction = (BigInt(kopecks) % scale).toString().padStart(unit === "thousand" ? 5 : 2, "0");
  return printDecimal(whole, unit === "thousand" ? fraction.slice(0, 3) : fraction, grouped, true);
}

interface Field10 {
  unit: SpacedPassport["unit"];
  years: string[];
  /** Kopecks per source per year. */
  amounts: Partial<Record<SourceKind, number[]>>;
}

/** The value column's lines of field 10: the header of years, the total row, a row per source. */
function field10Lines(model: Field10, s: Style): string[] {
  const amountRows = (values: number[]): string[] =>
    [...(s.totalColumn ? [values.reduce((sum, value) => sum + value, 0)] : []), ...values].map((value) =>
      printAmount(value, model.unit, s.grouped),
    );
  const totals = model.years.map((_, index) =>
    Object.values(model.amounts).reduce((sum, values) => sum + (values?.[index] ?? 0), 0),
  );
  const sources = SOURCES.flatMap((source) => {
    const values = model.amounts[source];
    const spellings = SOURCE_LABELS[source] ?? [];
    return values ? [[spellings[s.spelling % spellings.length] ?? "", amountRows(values)] as const] : [];
  });
  const rows: (readonly [string, string[]])[] = [["Загальний обсяг", amountRows(totals)], ...sources];
  const subLabelWidth = Math.max(s.subLabelWidth, ...rows.map(([label]) => longestWord(label)));
  const heading = [
    ...(s.totalColumn ? ["Всього"] : []),
    ...model.years.map((year) => `${year}${s.yearSuffix}`),
  ];
  const width = Math.max(
    ...heading.map((each) => each.length),
    ...rows.flatMap(([, cells]) => cells.map((each) => each.length)),
  );
  const xs = heading.map((_, index) => subLabelWidth + s.gaps[2] + index * (width + s.gaps[2]));
  const line = (label: string, cells: string[]): string[] =>
    place([
      [0, wrap(label, subLabelWidth)],
      ...cells.map((cell, index): [number, string[]] => [xs[index] ?? 0, [cell]]),
    ]);
  const [total, ...rest] = rows.map(([label, cells]) => line(label, cells));
  return [...line("", heading), ...(total ?? []), ...(s.inclusive ? ["у тому числі:"] : []), ...rest.flat()];
}

const PROSE_NAMES: Partial<Record<SourceKind, string>> = {
  local: "з місцевого бюджету",
  state: "з державного бюджету",
  other: "з інших джерел",
};

/** Field 10 as a sentence: the total, then each source's total with its years in brackets. */
function field10Prose(model: Field10, s: Style): string {
  const unit = model.unit === "thousand" ? "тис. грн" : "грн";
  const printed = (kopecks: number): string => `${printAmount(kopecks, model.unit, s.grouped)} ${unit}`;
  const sum = (values: number[]) => values.reduce((all, value) => all + value, 0);
  const sources = SOURCES.flatMap((source) => {
    const values = model.amounts[source];
    if (!values) return [];
    const years = model.years.map((year, index) => `${year} рік – ${printed(values[index] ?? 0)}`);
    return [`${PROSE_NAMES[source]} – ${printed(sum(values))} (${years.join(", ")})`];
  });
  const total = sum(Object.values(model.amounts).map((values) => sum(values ?? [])));
  return `Загальний обсяг фінансування Програми становить ${printed(total)}, у тому числі ${sources.join(", ")}.`;
}

function fundingOf(model: Field10, s: Style): Omit<DeclaredFunding, "line"> {
  const years = (values: number[]) =>
    Object.fromEntries(model.years.map((year, index) => [year, values[index] ?? 0]));
  const sum = (values: number[]) => values.reduce((all, value) => all + value, 0);
  const totals = model.years.map((_, index) =>
    Object.values(model.amounts).reduce((all, values) => all + (values?.[index] ?? 0), 0),
  );
  const bySource: DeclaredFunding["bySource"] = {};
  const bySourceByYear: DeclaredFunding["bySourceByYear"] = {};
  for (const source of SOURCES) {
    const values = model.amounts[source];
    if (!values) continue;
    if (s.totalColumn || s.prose) bySource[source] = sum(values);
    bySourceByYear[source] = years(values);
  }
  if (s.prose) return { total: sum(totals), byYear: {}, bySource, bySourceByYear };
  return { total: s.totalColumn ? sum(totals) : null, byYear: years(totals), bySource, bySourceByYear };
}

const amount = (unit: Field10["unit"]): fc.Arbitrary<number> =>
  fc
    .oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 2_000_000_000 }))
    .map((value) => (unit === "thousand" ? value * 100 : value));

const field10: fc.Arbitrary<Field10> = fc
  .record({
    unit: fc.constantFrom("thousand" as const, "uah" as const),
    from: fc.integer({ min: 2024, max: 2027 }),
    length: fc.integer({ min: 1, max: 4 }),
    sources: fc.subarray(SOURCES, { minLength: 1 }),
  })
  .chain(({ unit, from, length, sources }) => {
    const years = Array.from({ length }, (_, index) => String(from + index));
    const perSource = sources.map((source) =>
      fc
        .array(amount(unit), { minLength: length, maxLength: length })
        .map((values) => [source, values] as const),
    );
    return fc.tuple(...perSource).map((pairs) => ({ unit, years, amounts: Object.fromEntries(pairs) }));
  });

function render(fields: SpacedPassport["fields"], model: Field10, s: Style): string {
  const numberWidth = s.numbering === "none" ? 0 : s.numberWidth + s.gaps[0];
  // A word longer than its column widens the column, as a table's layout would.
  const labelWidth = Math.max(s.labelWidth, ...fields.flatMap((field) => longestWord(field.label)));
  const valueX = numberWidth + labelWidth + s.gaps[1];
  const lines: string[] = [
    "ПАСПОРТ",
    "Програми цифрового розвитку Тестової сільської територіальної громади",
    ...Array<string>(s.blanksBefore).fill(""),
  ];
  for (const [index, field] of fields.entries()) {
    if (index > 0 && s.blankBetween) lines.push("");
    const number = s.numbering === "none" ? [] : [`${field.number}${s.numbering === "1." ? "." : ""}`];
    const label = wrap(field.label, labelWidth);
    const value =
      field.number !== 10
        ? wrap(field.value, s.valueWidth)
        : s.prose
          ? wrap(field10Prose(model, s), s.valueWidth)
          : [...(s.headerOnNextLine ? [""] : []), ...field10Lines(model, s)];
    lines.push(
      ...place([
        [0, number],
        [numberWidth, label],
        [valueX, value],
      ]).map((line) => line.trimEnd()),
    );
  }
  return [...withPageBreak(lines, s), "", "", "Додаток 1", "Перелік завдань і проєктів Програми", ""].join(
    "\n",
  );
}

/** A page break between two of the passport's lines: blank lines, the page's number, a form feed or not. */
function withPageBreak(lines: string[], s: Style): string[] {
  const head = 3 + s.blanksBefore; // the title, blank lines and field 1's first line
  if (s.pageBreak === null || lines.length <= head) return lines;
  const at = head + (s.pageBreak % (lines.length - head));
  const [next = "", ...rest] = lines.slice(at);
  const footer = ["", "", `${" ".repeat(30)}1`];
  return [...lines.slice(0, at), ...footer, `${s.formFeed ? "\f" : ""}${next}`, ...rest];
}

/**
 * The passport as a Word table: see `SpacedPassport.word`. Fields are numbered «1.» or «1», or not at
 * all: a table of two columns, name and value (field 10's table under its value), its fields known by
 * their names.
 */
function renderWord(fields: SpacedPassport["fields"], model: Field10, s: Style): WordBlock[] {
  const heading = [
    ...(s.totalColumn ? ["Всього"] : []),
    ...model.years.map((year) => `${year}${s.yearSuffix}`),
  ];
  const span = 1 + (s.prose ? 0 : heading.length);
  const number = (field: number) => `${field}${s.numbering === "1" ? "" : "."}`;
  const amounts = (values: number[]): string[] =>
    [...(s.totalColumn ? [values.reduce((sum, value) => sum + value, 0)] : []), ...values].map((value) =>
      printAmount(value, model.unit, s.grouped),
    );
  const totals = model.years.map((_, index) =>
    Object.values(model.amounts).reduce((sum, values) => sum + (values?.[index] ?? 0), 0),
  );
  const sources = SOURCES.flatMap((source) => {
    const values = model.amounts[source];
    const spellings = SOURCE_LABELS[source] ?? [];
    return values ? [["", "", spellings[s.spelling % spellings.length] ?? "", ...amounts(values)]] : [];
  });
  const numbered: WordCell[][] = fields.flatMap((field): WordCell[][] => {
    const cells = [number(field.number), field.label];
    if (field.number !== 10) return [[...cells, { text: field.value, span }]];
    if (s.prose) return [[...cells, { text: field10Prose(model, s), span }]];
    return [
      [...cells, "", ...heading],
      ["", "", "Загальний обсяг", ...amounts(totals)],
      ...(s.inclusive ? [["", "", { text: "у тому числі:", span }]] : []),
      ...sources,
    ];
  });
  const rows = s.numbering === "none" ? numbered.map((row) => row.slice(1)) : numbered;
  return [
    { kind: "paragraph", text: "ПАСПОРТ" },
    { kind: "paragraph", text: "Програми цифрового розвитку Тестової сільської територіальної громади" },
    { kind: "table", rows, headerRows: 0 },
    { kind: "paragraph", text: "Додаток 1" },
    { kind: "paragraph", text: "Перелік завдань і проєктів Програми" },
  ];
}

/** The shorter names some councils give the fields («Код за КАТОТТГ», «Обсяги фінансування»). */
const SHORT_LABELS: Partial<Record<number, string>> = {
  1: "Назва територіальної громади",
  2: "Код за КАТОТТГ",
  3: "Розпорядчий документ про затвердження Програми",
  8: "Відповідальні виконавці Програми",
  9: "Строк реалізації Програми",
  10: "Обсяги фінансування",
};

/** Whether a field prints its shorter name, decided by its drawn words (a new draw would move every seeded sample). */
const shortLabel = (words: string): boolean => words.length % 2 === 1;

function labelOf(number: number, short: boolean, unitWords: string): string {
  const label = (short ? SHORT_LABELS[number] : undefined) ?? PASSPORT_LABELS[number] ?? "";
  return number === 10 ? `${label}, ${unitWords}` : label;
}

export const spacedPassport: fc.Arbitrary<SpacedPassport> = fc
  .record({
    model: field10,
    s: style,
    present: fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    words: fc.array(phrase(2, 14), { minLength: 10, maxLength: 10 }),
  })
  .map(({ model, s, present, words }) => {
    const from = Number(model.years[0]);
    const to = Number(model.years.at(-1));
    const unitWords = model.unit === "thousand" ? "тис. грн" : "грн";
    const fields = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
      .filter((number) => number === 1 || number === 9 || number === 10 || present[number - 1])
      .map((number) => ({
        number,
        label: labelOf(number, shortLabel(words[number - 1] ?? ""), unitWords),
        value: number === 10 ? "" : fieldValue(number, words[number - 1] ?? "", from, to),
      }));
    return {
      fields,
      funding: fundingOf(model, s),
      unit: model.unit,
      text: render(fields, model, s),
      word: renderWord(fields, model, s),
    };
  });
