import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { DeclaredFunding, ImportResult, SourceKind } from "../../../src/domain/model.js";
import { interpretBlocks } from "../../../src/import/interpret/index.js";
import { readTextBlocks } from "../../../src/import/text/reader.js";
import type { WordBlock } from "../../support/word-document.js";
import { PROPERTY_RUNS } from "./model.js";
import { convertAhead, hasSoffice, importConverted, importWord, type OfficeFormat } from "./office.js";
import { passportHead, printDecimal, RUNS, T } from "./render.js";
import {
  DOCX_PROPERTY_RUNS,
  linesToWord,
  OFFICE_PROPERTY_RUNS,
  type PageBreakMode,
  pageBreakMode,
} from "./word.js";

/**
 * Family 3: passport field 10 as an inline table. «Всього 2025 2026 2027» (in the field's cell or on
 * the next row), then «Загальний обсяг, тис. грн, 13232,683 4068,950 …» with the numbers
 * space-separated in one cell (or a cell each), then a row per source. A random field 10 is rendered
 * with random spellings, number formats, shifts and page breaks; the import must give it back.
 */

const SOURCE_SPELLINGS: Partial<Record<SourceKind, string[]>> = {
  local: [
    "місцевий бюджет",
    "бюджет громади",
    "Бюджет Тестової сільської територіальної громади",
    "кошти місцевого бюджету",
  ],
  state: ["державний бюджет", "кошти державного бюджету"],
  oblast: ["обласний бюджет", "кошти обласного бюджету"],
  other: ["інші джерела", "інші джерела, не заборонені законодавством", "кошти інших джерел"],
};
const SOURCES = Object.keys(SOURCE_SPELLINGS) as SourceKind[];

interface Field10 {
  unit: "thousand" | "uah";
  years: string[];
  /** kopecks per source per year */
  amounts: Partial<Record<SourceKind, number[]>>;
}

interface Style {
  totalColumn: boolean;
  totalWord: string;
  yearSuffix: string;
  headerOnNextRow: boolean;
  headerCells: boolean;
  numbersInCells: boolean;
  labelWithNumbers: boolean;
  grouped: boolean;
  keepZeros: boolean;
  dash: boolean;
  totalLabel: number;
  spelling: number;
  inclusive: boolean;
  pageBreak: number;
  shift: number;
  /** How the page break shows in the DOCX rendering. */
  pageBreaks: PageBreakMode;
  /** A task table (annex 1) follows, a project per source funding its years as field 10 says. */
  taskTable: boolean;
  /**
   * With one source: its row left out, a sentence naming it instead («Джерело фінансування – бюджет
   * громади», «Фінансування здійснюється за рахунок коштів місцевого бюджету»), which makes the total
   * row's amounts that source's.
   */
  soleSentence: "none" | "source" | "paid";
  /**
   * Field 10 as a table of years as rows and sources as columns («Рік | бюджет громади | … | Всього»),
   * a «Всього» row under the years when `inclusive` (derived from other draws: a new draw would shift
   * seeded samples).
   */
  yearsAsRows: boolean;
}

/** Kopecks a unit prints exactly: whole UAH for thousands (three decimals), kopecks for UAH. */
const amount = (unit: Field10["unit"]): fc.Arbitrary<number> =>
  fc
    .oneof(
      fc.constant(0),
      fc.integer({ min: 1, max: 5_000_000 }),
      fc.integer({ min: 1, max: 20_000_000_000 }),
      // Round amounts print no decimals ("1 100" thousand): spaces in a run may then read two ways.
      fc.integer({ min: 1, max: 5_000 }).map((value) => value * 1000),
    )
    .map((value) => (unit === "thousand" ? value * 100 : value));

const field10: fc.Arbitrary<Field10> = fc
  .record({
    unit: fc.constantFrom("thousand" as const, "uah" as const),
    from: fc.integer({ min: 2024, max: 2027 }),
    length: fc.integer({ min: 1, max: 5 }),
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

const anyStyle: fc.Arbitrary<Omit<Style, "yearsAsRows">> = fc.record({
  totalColumn: fc.boolean(),
  totalWord: fc.constantFrom("Всього", "Усього", "Разом", "всього:"),
  yearSuffix: fc.constantFrom("", " рік", " р.", " року"),
  headerOnNextRow: fc.boolean(),
  headerCells: fc.boolean(),
  numbersInCells: fc.boolean(),
  labelWithNumbers: fc.boolean(),
  grouped: fc.boolean(),
  keepZeros: fc.boolean(),
  dash: fc.boolean(),
  totalLabel: fc.nat(3),
  spelling: fc.nat(3),
  inclusive: fc.boolean(),
  pageBreak: fc.integer({ min: -1, max: 6 }),
  shift: fc.nat(1),
  pageBreaks: pageBreakMode,
  taskTable: fc.boolean(),
  soleSentence: fc.constantFrom("none" as const, "source" as const, "paid" as const),
});

/**
 * Thousands groups inside a run of space-separated numbers are readable (by a person too) only when
 * every number ends in its decimals and a printed total confirms the split, or the task table's sums
 * by year tell which split is meant.
 */
const style: fc.Arbitrary<Style> = anyStyle
  .map((s) =>
    !s.numbersInCells && s.grouped && !s.taskTable ? { ...s, keepZeros: true, totalColumn: true } : s,
  )
  .map((s) => ({ ...s, yearsAsRows: s.headerCells && s.numbersInCells && s.yearSuffix === " року" }));

const TASK_SOURCES: Partial<Record<SourceKind, string>> = {
  local: "Місцевий бюджет",
  state: "Державний бюджет",
  oblast: "Обласний бюджет",
  other: "Інші джерела",
};

/** Annex 1: one project per source of field 10, its amounts by year those of field 10 (no groups, `-` for 0). */
function taskTableLines(model: Field10, s: Style): string[] {
  const plain = { ...s, grouped: false, dash: true };
  const unitWords = model.unit === "thousand" ? "тис. грн" : "грн";
  const blanks = model.years.map(() => "");
  const deadline =
    model.years.length > 1 ? `${model.years[0]}-${model.years.at(-1)}` : (model.years[0] ?? "");
  const funded = SOURCES.filter((source) => model.amounts[source]);
  const projects = funded.map((source, index) => {
    const values = model.amounts[source] ?? [];
    const total = values.reduce((sum, value) => sum + value, 0);
    const amounts = [total, ...values].map((value) => printAmount(value, model.unit, plain));
    const cells = [
      `1.${index + 1}. Захід`,
      "Відділ освіти",
      deadline,
      TASK_SOURCES[source] ?? "",
      ...amounts,
    ];
    return [...cells, "Результат"].join(T);
  });
  return [
    ["Назва завдання", "Відповідальні за виконання", "Строки виконання", "Джерела фінансування"]
      .concat([`Обсяги фінансування, ${unitWords}`, ...blanks, "Очікувані результати"])
      .join(T),
    ["", "", "", "", "Всього", ...model.years.map((year) => `${year} р.`), ""].join(T),
    `1. Напрям${T}`,
    ...projects,
  ];
}

function printAmount(kopecks: number, unit: Field10["unit"], s: Style): string {
  if (kopecks === 0 && s.dash) return "-";
  const scale = unit === "thousand" ? 100_000n : 100n;
  const whole = BigInt(kopecks) / scale;
  const fraction = (BigInt(kopecks) % scale).toString().padStart(unit === "thousand" ? 5 : 2, "0");
  // thousands print three decimals (whole UAH), UAH two (kopecks)
  return printDecimal(whole, unit === "thousand" ? fraction.slice(0, 3) : fraction, s.grouped, s.keepZeros);
}

function totalsOf(model: Field10): { total: number; byYear: number[] } {
  const byYear = model.years.map((_, index) =>
    Object.values(model.amounts).reduce((sum, values) => sum + (values?.[index] ?? 0), 0),
  );
  return { total: byYear.reduce((sum, value) => sum + value, 0), byYear };
}

/** Field 10's rows as a table of years as rows: a column per source, the total's last, a «Всього» row maybe. */
function yearRows(model: Field10, s: Style, lead: string): string[] {
  const unitWords = model.unit === "thousand" ? "тис. грн" : "грн";
  const funded = SOURCES.filter((source) => model.amounts[source]);
  const labels = funded.map((source) => {
    const spellings = SOURCE_SPELLINGS[source] ?? [];
    return spellings[s.spelling % spellings.length] ?? "";
  });
  const header = ["Рік", ...labels, ...(s.totalColumn ? [s.totalWord] : [])].join(T);
  const cells = (values: number[]) =>
    [...values, ...(s.totalColumn ? [values.reduce((sum, value) => sum + value, 0)] : [])]
      .map((value) => printAmount(value, model.unit, s))
      .join(T);
  const years = model.years.map(
    (year, index) =>
      `${lead}${year}${T}${cells(funded.map((source) => model.amounts[source]?.[index] ?? 0))}`,
  );
  const sums = funded.map((source) => (model.amounts[source] ?? []).reduce((sum, value) => sum + value, 0));
  return [
    ...(s.headerOnNextRow
      ? [`10.${T}Джерела та обсяги фінансування, ${unitWords}`, `${lead}${header}`]
      : [`10.${T}Джерела та обсяги фінансування, ${unitWords}${T}${header}`]),
    ...years,
    ...(s.inclusive ? [`${lead}${s.totalWord}${T}${cells(sums)}`] : []),
  ];
}

function render(model: Field10, s: Style): { text: string; word: WordBlock[] } {
  const unitWords = model.unit === "thousand" ? "тис. грн" : "грн";
  const slots = [
    ...(s.totalColumn ? [s.totalWord] : []),
    ...model.years.map((year) => `${year}${s.yearSuffix}`),
  ];
  const header = s.headerCells ? slots.join(T) : slots.join(" ");
  const lead = T.repeat(1 + s.shift);
  const row = (label: string, values: number[]): string => {
    const all = [...(s.totalColumn ? [values.reduce((sum, value) => sum + value, 0)] : []), ...values];
    const printed = all.map((value) => printAmount(value, model.unit, s));
    const numbers = s.numbersInCells ? printed.join(T) : printed.join(" ");
    return s.labelWithNumbers ? `${lead}${label} ${numbers}` : `${lead}${label}${T}${numbers}`;
  };
  const totalLabels = [
    `Загальний обсяг, ${unitWords},`,
    `Загальний обсяг фінансування (${unitWords}):`,
    `Всього, ${unitWords}`,
    `Обсяг фінансування, ${unitWords}`,
  ];
  const { byYear } = totalsOf(model);
  const funded = SOURCES.filter((source) => model.amounts[source]);
  const [only] = funded;
  const sole = only !== undefined && funded.length === 1 && s.soleSentence !== "none" ? only : null;
  const soleSpellings = SOURCE_SPELLINGS[sole ?? "local"] ?? [];
  const soleRow =
    s.soleSentence === "source"
      ? `${lead}Джерело фінансування – ${soleSpellings[s.spelling % soleSpellings.length]}`
      : `${lead}Фінансування здійснюється за рахунок ${PROSE_SOURCES[sole ?? "local"]?.paying}`;
  const rows = s.yearsAsRows
    ? yearRows(model, s, T)
    : [
        s.headerOnNextRow
          ? `10.${T}Джерела та обсяги фінансування, ${unitWords}`
          : `10.${T}Джерела та обсяги фінансування${T}${header}`,
        ...(s.headerOnNextRow ? [`${lead}${header}`] : []),
        row(totalLabels[s.totalLabel] ?? "", byYear),
        ...(s.inclusive && !sole ? [`${lead}у тому числі:`] : []),
        ...(sole ? [soleRow] : []),
        ...SOURCES.flatMap((source) => {
          if (sole) return [];
          const values = model.amounts[source];
          const spellings = SOURCE_SPELLINGS[source] ?? [];
          return values ? [row(spellings[s.spelling % spellings.length] ?? "", values)] : [];
        }),
      ];
  // A page break between two rows of field 10, or, in the text, right after its header (also when
  // labels and numbers share a cell: a row of a label and its amounts continues no row). The DOCX
  // breaks only between data rows: a table split before them is not joined when they are wider.
  const afterHeader = s.headerOnNextRow ? 2 : 1;
  const broken = (from: number) =>
    s.pageBreak >= from && s.pageBreak < rows.length
      ? [...rows.slice(0, s.pageBreak), "", ...rows.slice(s.pageBreak)]
      : rows;
  const period = passportHead(Number(model.years[0]), Number(model.years.at(-1)));
  // A task table of one year (`Всього | 2024 р.`) is not read as one with year columns.
  const tasks = s.taskTable && model.years.length > 1 ? [...taskTableLines(model, s), ""] : [];
  const lines = (from: number) => [...period, ...broken(from), "", "Додаток 1", "", ...tasks];
  return { text: lines(afterHeader).join("\n"), word: linesToWord(lines(afterHeader + 1), s.pageBreaks) };
}

function expected(model: Field10, s: Style): Omit<DeclaredFunding, "line"> {
  return s.yearsAsRows ? expectedOfYearRows(model, s) : expectedInline(model, s);
}

/**
 * A table of years as rows: each source's years; its total where the «Всього» row prints it; the
 * years' totals where the «Всього» column prints them. Printing neither of them, or the «Всього» row
 * only, the total and its years are the sources' sums (no total of its own printed).
 */
function expectedOfYearRows(model: Field10, s: Style): Omit<DeclaredFunding, "line"> {
  const { bySourceByYear, bySource } = expectedInline(model, { ...s, totalColumn: s.inclusive });
  const { total, byYear } = totalsOf(model);
  const years = Object.fromEntries(model.years.map((year, index) => [year, byYear[index] ?? 0]));
  if (s.totalColumn && !s.inclusive) return { total: null, byYear: years, bySource, bySourceByYear };
  return { total, byYear: years, bySource, bySourceByYear };
}

function expectedInline(model: Field10, s: Style): Omit<DeclaredFunding, "line"> {
  const { total, byYear } = totalsOf(model);
  const years = (values: number[]) =>
    Object.fromEntries(model.years.map((year, index) => [year, values[index] ?? 0]));
  const bySource: DeclaredFunding["bySource"] = {};
  const bySourceByYear: DeclaredFunding["bySourceByYear"] = {};
  for (const source of SOURCES) {
    const values = model.amounts[source];
    if (!values) continue;
    if (s.totalColumn) bySource[source] = values.reduce((sum, value) => sum + value, 0);
    bySourceByYear[source] = years(values);
  }
  return { total: s.totalColumn ? total : null, byYear: years(byYear), bySource, bySourceByYear };
}

const soffice = hasSoffice("test/import/families/passport-funding.test.ts");
const OFFICE_FORMATS: OfficeFormat[] = ["odt", "pdf"];

function givesField10Back(
  { programme, coverage }: Pick<ImportResult, "programme" | "coverage">,
  model: Field10,
  s: Style,
  text: string,
): void {
  const { line: _line, ...funding } = programme.passport.funding;
  expect(funding, text).toEqual(expected(model, s));
  expect(programme.unit === model.unit || programme.directions.length === 0).toBe(true);
  if (coverage) {
    expect(coverage.numbersSeen).toBe(coverage.numbersPlaced + coverage.numbersFlagged);
    expect(coverage.numbersFlagged, text).toBe(0);
  }
}

describe("family 3: passport field 10 as an inline table", () => {
  it(`import(render(field 10)) gives field 10 back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(field10, style, (model, s) => {
        const { text } = render(model, s);
        givesField10Back(interpretBlocks(readTextBlocks(text)), model, s, text);
      }),
      PROPERTY_RUNS,
    );
  });

  it(`import(render(field 10) as DOCX) gives field 10 back (${DOCX_PROPERTY_RUNS.numRuns} seeds)`, async () => {
    await fc.assert(
      fc.asyncProperty(field10, style, async (model, s) => {
        const { text, word } = render(model, s);
        givesField10Back(await importWord(word), model, s, text);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);

  it.skipIf(!soffice).each(OFFICE_FORMATS)(
    `import(render(field 10) as DOCX saved as %s) gives field 10 back (${OFFICE_PROPERTY_RUNS.numRuns} seeds)`,
    async (format) => {
      await fc.assert(
        fc.asyncProperty(field10, style, async (model, s) => {
          const { text, word } = render(model, s);
          givesField10Back(await importConverted(word, format), model, s, text);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );

  it("reads the issue's example: thousands groups and numbers told apart by the count of years", () => {
    const text = [
      ...passportHead(2025, 2027),
      `10.${T}Джерела та обсяги фінансування${T}Всього 2025 2026 2027`,
      `${T}Загальний обсяг, тис. грн,${T}13232,683 4068,950 4583,733 4580,000`,
      `${T}у тому числі:`,
      `${T}місцевий бюджет${T}1 685 692,235 565 000,000 560 692,235 560 000`,
      "",
    ].join("\n");
    const { funding } = interpretBlocks(readTextBlocks(text)).programme.passport;
    expect(funding.total).toBe(1_323_268_300);
    expect(funding.byYear).toEqual({ "2025": 406_895_000, "2026": 458_373_300, "2027": 458_000_000 });
    expect(funding.bySource.local).toBe(168_569_223_500);
    expect(funding.bySourceByYear.local).toEqual({
      "2025": 56_500_000_000,
      "2026": 56_069_223_500,
      "2027": 56_000_000_000,
    });
  });

  it("gives field 10's amounts to the one source a sentence of the field names", () => {
    const table = [
      `10.${T}Джерела та обсяги фінансування${T}Джерело фінансування – бюджет громади`,
      `${T}Всього 2026 2027`,
      `${T}Загальний обсяг, тис. грн,${T}30,0 10,0 20,0`,
    ];
    const prose = [
      `10.${T}Джерела та обсяги фінансування${T}Фінансування здійснюється за рахунок коштів місцевого ` +
        "бюджету. Загальний обсяг фінансування становить 30,0 тис. грн, у тому числі: 2026 рік – 10,0 тис. " +
        "грн, 2027 рік – 20,0 тис. грн",
    ];
    for (const field of [table, prose]) {
      const text = [...passportHead(2026, 2027), ...field, "", "Додаток 1", ""].join("\n");
      const result = interpretBlocks(readTextBlocks(text));
      const { line: _line, ...funding } = result.programme.passport.funding;
      expect(funding, text).toEqual({
        total: 3_000_000,
        byYear: { "2026": 1_000_000, "2027": 2_000_000 },
        bySource: { local: 3_000_000 },
        bySourceByYear: { local: { "2026": 1_000_000, "2027": 2_000_000 } },
      });
      expect(result.coverage?.numbersFlagged).toBe(0);
    }
  });

  it("keeps the sentence naming the sole source apart from the total row a page break ends", () => {
    // Generated (seed 253660297): a total of «-» in its label's cell, then a page break. Joined on,
    // the sentence's words after «-» made the dash read as the sentence's own, and no amount was left.
    for (const sentence of [
      "Джерело фінансування – місцевий бюджет",
      "Фінансування здійснюється за рахунок коштів місцевого бюджету",
    ]) {
      const text = [
        ...passportHead(2024, 2024),
        `10.${T}Джерела та обсяги фінансування${T}2024`,
        `${T}Загальний обсяг, тис. грн, -`,
        "",
        `${T}${sentence}`,
        "",
        "Додаток 1",
        "",
      ].join("\n");
      const { line: _line, ...funding } = interpretBlocks(readTextBlocks(text)).programme.passport.funding;
      expect(funding, text).toEqual({
        total: null,
        byYear: { "2024": 0 },
        bySource: {},
        bySourceByYear: { local: { "2024": 0 } },
      });
    }
  });

  it("reads one amount after a year range said neither way by the task table's sums, else names it", () => {
    const text = (amounts: string[]) =>
      [
        ...passportHead(2026, 2028),
        `10.${T}Джерела та обсяги фінансування${T}Кошти місцевого бюджету на 2026–2028 роки – 45,0 тис. грн`,
        "",
        "Додаток 1",
        ["Назва завдання", "Відповідальні за виконання", "Строки виконання", "Джерела фінансування"]
          .concat(["Обсяги фінансування, тис. грн", "", "", "", "Очікувані результати"])
          .join(T),
        ["", "", "", "", "Всього", "2026 р.", "2027 р.", "2028 р.", ""].join(T),
        "1. Напрям",
        ["1.1. Захід", "Відділ освіти", "2026-2028", "Місцевий бюджет", ...amounts, "Результат"].join(T),
        "",
      ].join("\n");
    const each = interpretBlocks(readTextBlocks(text(["135,0", "45,0", "45,0", "45,0"])));
    expect(each.programme.passport.funding.bySourceByYear.local).toEqual({
      "2026": 4_500_000,
      "2027": 4_500_000,
      "2028": 4_500_000,
    });
    const together = interpretBlocks(readTextBlocks(text(["45,0", "15,0", "15,0", "15,0"])));
    expect(together.programme.passport.funding.bySource.local).toBe(4_500_000);
    expect(together.programme.passport.funding.bySourceByYear).toEqual({});
    const neither = interpretBlocks(readTextBlocks(text(["60,0", "20,0", "20,0", "20,0"])));
    expect(neither.programme.passport.funding.bySource).toEqual({});
    expect(neither.programme.passport.funding.bySourceByYear).toEqual({});
    expect(ambiguities(neither).map((finding) => finding.location.ref)).toEqual(["passport:10"]);
    for (const result of [each, together]) expect(ambiguities(result)).toEqual([]);
  });

  /** Field 10 `2026 2027` over `1 100 250,5` (no total): `1 100 | 250,5` or `1 | 100 250,5`. */
  const ambiguousField10 = (taskAmounts: string[] | null): string => {
    const tasks = taskAmounts
      ? [
          "Додаток 1",
          ["Назва завдання", "Відповідальні за виконання", "Строки виконання", "Джерела фінансування"]
            .concat(["Обсяги фінансування, тис. грн", "", "", "Очікувані результати"])
            .join(T),
          ["", "", "", "", "Всього", "2026", "2027", ""].join(T),
          "1. Напрям",
          ["1.1. Захід", "Відділ освіти", "2026-2027", "Місцевий бюджет", ...taskAmounts, "Результат"].join(
            T,
          ),
        ]
      : ["Додаток 1"];
    return [
      ...passportHead(2026, 2027),
      `10.${T}Джерела та обсяги фінансування${T}2026 2027`,
      `${T}Загальний обсяг, тис. грн,${T}1 100 250,5`,
      "",
      ...tasks,
      "",
    ].join("\n");
  };
  const ambiguities = (result: ImportResult) =>
    result.findings.filter((finding) => finding.code === "import.amounts-ambiguous");

  it("tells the two readings of a run without a total apart by the task table's sums by year", () => {
    const second = interpretBlocks(readTextBlocks(ambiguousField10(["1 350,5", "1 100,0", "250,5"])));
    expect(second.programme.passport.funding.byYear).toEqual({ "2026": 110_000_000, "2027": 25_050_000 });
    expect(ambiguities(second)).toEqual([]);
    const first = interpretBlocks(readTextBlocks(ambiguousField10(["100 251,5", "1,0", "100 250,5"])));
    expect(first.programme.passport.funding.byYear).toEqual({ "2026": 100_000, "2027": 10_025_050_000 });
    expect(ambiguities(first)).toEqual([]);
  });

  it("names a run without a total that reads two ways when no task table's sums decide", () => {
    for (const tasks of [null, ["20,0", "10,0", "10,0"]]) {
      const result = interpretBlocks(readTextBlocks(ambiguousField10(tasks)));
      expect(Object.keys(result.programme.passport.funding.byYear)).toEqual(["2026", "2027"]);
      const [finding, ...more] = ambiguities(result);
      expect(more).toEqual([]);
      expect(finding?.location.ref).toBe("passport:10");
      const message = finding?.message.replace(/\u00a0/g, " ");
      expect(message).toContain("«1 100 250,5»");
      expect(message).toContain("2026 – 1 100,0, 2027 – 250,5");
      expect(message).toContain("2026 – 1,0, 2027 – 100 250,5");
    }
  });
});

/**
 * Family 3, field 10 written as prose: «Загальний обсяг фінансування Програми становить 80,0 тис. грн,
 * у тому числі з місцевого бюджету – 80,0 тис. грн (2026 рік – 15,0 тис. грн, …)». The same random
 * field 10 is rendered as a sentence with random openings, source phrases, year spellings, units
 * (on every amount, on the first only, or in the field's label only), separators and number formats;
 * the import must give back every amount the sentence states, each number placed.
 */

const PROSE_SOURCES: Partial<Record<SourceKind, { named: string[]; paying: string }>> = {
  local: {
    named: [
      "з місцевого бюджету",
      "кошти місцевого бюджету",
      "бюджет громади",
      "кошти бюджету Тестової сільської територіальної громади",
      "місцевий бюджет",
    ],
    paying: "коштів місцевого бюджету",
  },
  state: {
    named: ["з державного бюджету", "кошти державного бюджету", "державний бюджет"],
    paying: "коштів державного бюджету",
  },
  oblast: {
    named: ["з обласного бюджету", "кошти обласного бюджету", "обласний бюджет"],
    paying: "коштів обласного бюджету",
  },
  other: {
    named: ["інші джерела", "кошти інших джерел", "з інших джерел, не заборонених законодавством,"],
    paying: "коштів інших джерел",
  },
};

interface ProseStyle {
  opening: number;
  /** The total's years printed after it. */
  totalYears: boolean;
  /** Per source: nothing, its total, its years, or both (the years in brackets after its total). */
  sourceMode: "none" | "total" | "years" | "both";
  /** With one source and nothing per source: «Загальний обсяг … за рахунок коштів … становить». */
  paying: boolean;
  year: number;
  unitAt: "every" | "first" | "label";
  separator: ", " | "; ";
  inclusive: string;
  spelling: number;
  grouped: boolean;
  keepZeros: boolean;
  /** The sentence goes on in the row under field 10 (the extraction split the cell), at a source. */
  splitRow: boolean;
  fullStop: boolean;
  pageBreaks: PageBreakMode;
  /**
   * Every source funds each year the same, and a row of years prints one amount for them all: «на
   * 2026, 2027 та 2028 роки по 15,0 тис. грн щороку» (`list`) or «на 2026–2028 роки …» (`range`).
   */
  each: "none" | "list" | "range";
  /**
   * Which words say the amount is each year's: «по X щороку», «по X», «X щороку», or none (3: «на
   * 2026–2028 роки X», with the task table, whose sums by year tell that X is each year's).
   */
  eachWords: number;
  /** A task table (annex 1) follows, a project per source funding its years as field 10 says. */
  taskTable: boolean;
  /**
   * With one source and nothing per source, a sentence before the total naming it: «Фінансування
   * здійснюється за рахунок коштів місцевого бюджету.», «Джерело фінансування – бюджет громади.».
   */
  soleSentence: "none" | "source" | "paid";
}

const anyProseStyle: fc.Arbitrary<ProseStyle> = fc.record({
  opening: fc.nat(3),
  totalYears: fc.boolean(),
  sourceMode: fc.constantFrom("none" as const, "total" as const, "years" as const, "both" as const),
  paying: fc.boolean(),
  year: fc.nat(3),
  unitAt: fc.constantFrom("every" as const, "first" as const, "label" as const),
  separator: fc.constantFrom(", " as const, "; " as const),
  inclusive: fc.constantFrom("у тому числі ", "у тому числі: ", "з них ", ""),
  spelling: fc.nat(4),
  grouped: fc.boolean(),
  keepZeros: fc.boolean(),
  splitRow: fc.boolean(),
  fullStop: fc.boolean(),
  pageBreaks: pageBreakMode,
  each: fc.constantFrom("none" as const, "list" as const, "range" as const),
  eachWords: fc.nat(3),
  taskTable: fc.boolean(),
  soleSentence: fc.constantFrom("none" as const, "source" as const, "paid" as const),
});

/** Without a task table, one amount after years said neither way is read by nobody: words say it. */
const proseStyle = anyProseStyle.map((p) => (p.eachWords === 3 && !p.taskTable ? { ...p, eachWords: 0 } : p));

const EACH_WORDS = [
  (amount: string) => `по ${amount} щороку`,
  (amount: string) => `по ${amount}`,
  (amount: string) => `${amount} щороку`,
  (amount: string) => `– ${amount}`,
];

/** With `each`, every source funds each of its years with its first year's amount. */
function proseModel(model: Field10, p: ProseStyle): Field10 {
  if (p.each === "none") return model;
  const amounts = Object.fromEntries(
    Object.entries(model.amounts).map(([source, values]) => [source, values.map(() => values[0] ?? 0)]),
  );
  return { ...model, amounts };
}

/** «2026, 2027 та 2028» */
function listOfYears(years: string[]): string {
  return years.length > 1 ? `${years.slice(0, -1).join(", ")} та ${years.at(-1)}` : (years[0] ?? "");
}

const YEAR_SPELLINGS = [
  (year: string) => `${year} рік – `,
  (year: string) => `у ${year} році – `,
  (year: string) => `${year} р. – `,
  (year: string) => `${year}: `,
];

const paysOwnSource = (model: Field10, p: ProseStyle): boolean =>
  p.paying && p.sourceMode === "none" && Object.keys(model.amounts).length === 1;

/** A sentence before the total naming the one source (`soleSentence`), where drawn. */
const soleSentenceOf = (model: Field10, p: ProseStyle): string | null => {
  const sources = Object.keys(model.amounts) as SourceKind[];
  const [only] = sources;
  if (p.soleSentence === "none" || p.sourceMode !== "none" || paysOwnSource(model, p)) return null;
  if (only === undefined || sources.length !== 1) return null;
  const names = PROSE_SOURCES[only]?.named ?? [];
  return p.soleSentence === "paid"
    ? `Фінансування здійснюється за рахунок ${PROSE_SOURCES[only]?.paying}. `
    : `Джерело фінансування – ${(names[p.spelling % names.length] ?? "").replace(/^з /, "")}. `;
};

function renderProse(generated: Field10, p: ProseStyle): { text: string; word: WordBlock[] } {
  const model = proseModel(generated, p);
  const unitWords = model.unit === "thousand" ? "тис. грн" : "грн";
  let printed = 0;
  const amountText = (kopecks: number): string => {
    const scale = model.unit === "thousand" ? 100_000n : 100n;
    const whole = BigInt(kopecks) / scale;
    const digits = model.unit === "thousand" ? 3 : 2;
    const fraction = (BigInt(kopecks) % scale).toString().padStart(model.unit === "thousand" ? 5 : 2, "0");
    let number = printDecimal(whole, fraction.slice(0, digits), p.grouped, p.keepZeros);
    const withUnit = p.unitAt === "every" || (p.unitAt === "first" && printed === 0);
    printed++;
    // A bare 1900–2099 with no unit reads as a year, to a person too: printed with its decimals.
    if (!withUnit && /^(?:19|20)\d\d$/.test(number)) number = `${number},0`;
    return withUnit ? `${number} ${unitWords}` : number;
  };
  const eachYear = (values: number[]): string | null => {
    const [first = 0] = values;
    if (p.each === "none" || model.years.length < 2 || values.some((value) => value !== first)) return null;
    const years = p.each === "range" ? `${model.years[0]}–${model.years.at(-1)}` : listOfYears(model.years);
    return `на ${years} роки ${EACH_WORDS[p.eachWords]?.(amountText(first))}`;
  };
  const yearList = (values: number[]): string =>
    eachYear(values) ??
    model.years
      .map((year, index) => `${YEAR_SPELLINGS[p.year]?.(year) ?? ""}${amountText(values[index] ?? 0)}`)
      .join(p.separator);
  const { total, byYear } = totalsOf(model);
  const sources = SOURCES.filter((source) => model.amounts[source]);
  const [only] = sources;
  const range = model.years.length > 1 ? ` на ${model.years[0]}–${model.years.at(-1)} роки` : "";
  const openings = [
    "Загальний обсяг фінансування Програми становить ",
    "Обсяг фінансування Програми: усього – ",
    `Загальний обсяг фінансування Програми${range} становить `,
    "Усього – ",
  ];
  const opening = paysOwnSource(model, p)
    ? `Загальний обсяг фінансування Програми за рахунок ${PROSE_SOURCES[only ?? "local"]?.paying} становить `
    : (openings[p.opening] ?? "");
  let head = `${soleSentenceOf(model, p) ?? ""}${opening}${amountText(total)}`;
  if (p.totalYears) head += `, ${p.inclusive}за роками: ${yearList(byYear)}`;
  const parts = sources.flatMap((source) => {
    if (p.sourceMode === "none") return [];
    const values = model.amounts[source] ?? [];
    const names = PROSE_SOURCES[source]?.named ?? [];
    const name = names[p.spelling % names.length] ?? "";
    const sum = values.reduce((a, b) => a + b, 0);
    if (p.sourceMode === "years") return [`${name}: ${yearList(values)}`];
    const stated = `${name} – ${amountText(sum)}`;
    return [p.sourceMode === "both" ? `${stated} (${yearList(values)})` : stated];
  });
  const lead = parts.length > 0 ? `${p.separator}${p.totalYears ? "" : p.inclusive}` : "";
  const end = p.fullStop ? "." : "";
  const label =
    p.unitAt === "label" ? `Джерела та обсяги фінансування, ${unitWords}` : "Джерела та обсяги фінансування";
  const rows =
    p.splitRow && parts.length > 0
      ? [`10.${T}${label}${T}${head}${lead}`, `${T}${T}${parts.join(p.separator)}${end}`]
      : [`10.${T}${label}${T}${head}${lead}${parts.join(p.separator)}${end}`];
  const period = passportHead(Number(model.years[0]), Number(model.years.at(-1)));
  const plain = { grouped: false, keepZeros: false, dash: true } as Style;
  const tasks = p.taskTable && model.years.length > 1 ? [...taskTableLines(model, plain), ""] : [];
  const lines = [...period, ...rows, "", "Додаток 1", "", ...tasks];
  return { text: lines.join("\n"), word: linesToWord(lines, p.pageBreaks) };
}

function expectedProse(generated: Field10, p: ProseStyle): Omit<DeclaredFunding, "line"> {
  const model = proseModel(generated, p);
  const { total, byYear } = totalsOf(model);
  const years = (values: number[]) =>
    Object.fromEntries(model.years.map((year, index) => [year, values[index] ?? 0]));
  const bySource: DeclaredFunding["bySource"] = {};
  const bySourceByYear: DeclaredFunding["bySourceByYear"] = {};
  // Field 10 naming its one source (however): the total and the total's years are that source's too.
  const sole =
    Object.keys(model.amounts).length === 1 &&
    (p.sourceMode !== "none" || paysOwnSource(model, p) || soleSentenceOf(model, p) !== null);
  for (const source of SOURCES) {
    const values = model.amounts[source];
    if (!values) continue;
    if (p.sourceMode === "total" || p.sourceMode === "both" || sole)
      bySource[source] = values.reduce((sum, value) => sum + value, 0);
    if (p.sourceMode === "years" || p.sourceMode === "both" || (sole && p.totalYears))
      bySourceByYear[source] = years(values);
  }
  return { total, byYear: p.totalYears ? years(byYear) : {}, bySource, bySourceByYear };
}

function givesProseBack(
  { programme, coverage, findings }: Pick<ImportResult, "programme" | "coverage" | "findings">,
  model: Field10,
  p: ProseStyle,
  text: string,
): void {
  const { line: _line, ...funding } = programme.passport.funding;
  expect(funding, text).toEqual(expectedProse(model, p));
  expect(findings.filter((each) => each.code === "import.no-amounts")).toEqual([]);
  if (coverage) {
    expect(coverage.numbersSeen).toBe(coverage.numbersPlaced + coverage.numbersFlagged);
    expect(coverage.numbersFlagged, text).toBe(0);
  }
}

beforeAll(async () => {
  if (!soffice) return;
  const tables = fc.tuple(field10, style).map(([model, s]) => render(model, s).word);
  const prose = fc.tuple(field10, proseStyle).map(([model, p]) => renderProse(model, p).word);
  await convertAhead([tables, prose], OFFICE_FORMATS);
}, 600_000);

describe("family 3: passport field 10 in prose", () => {
  it(`import(render(field 10 as prose)) gives field 10 back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(field10, proseStyle, (model, p) => {
        const { text } = renderProse(model, p);
        givesProseBack(interpretBlocks(readTextBlocks(text)), model, p, text);
      }),
      PROPERTY_RUNS,
    );
  });

  it(`import(render(field 10 as prose) as DOCX) gives field 10 back (${DOCX_PROPERTY_RUNS.numRuns} seeds)`, async () => {
    await fc.assert(
      fc.asyncProperty(field10, proseStyle, async (model, p) => {
        const { text, word } = renderProse(model, p);
        givesProseBack(await importWord(word), model, p, text);
      }),
      DOCX_PROPERTY_RUNS,
    );
  }, 120_000);

  it.skipIf(!soffice).each(OFFICE_FORMATS)(
    `import(render(field 10 as prose) as DOCX saved as %s) gives field 10 back (${OFFICE_PROPERTY_RUNS.numRuns} seeds)`,
    async (format) => {
      await fc.assert(
        fc.asyncProperty(field10, proseStyle, async (model, p) => {
          const { text, word } = renderProse(model, p);
          givesProseBack(await importConverted(word, format), model, p, text);
        }),
        OFFICE_PROPERTY_RUNS,
      );
    },
    300_000,
  );
});

/**
 * Family 3's field 10 printed as its total in its own row, then a numbered row per source under it with
 * the source's years in cells of their own («10.1 | бюджет громади | 400,0 | 460,0 | 400,0»), its total
 * beside them first or last (`totalColumn`, `shift`), or each year printed with its amount
 * («2026: 400,0», «2026 р. – 400,0»; `labelWithNumbers`). The years are the term's (field 9).
 */
function renderSourceRows(model: Field10, s: Style): string {
  const unitWords = model.unit === "thousand" ? "тис. грн" : "грн";
  const { total } = totalsOf(model);
  const print = (value: number) => printAmount(value, model.unit, s);
  const rows = SOURCES.filter((source) => model.amounts[source]).map((source, index) => {
    const values = model.amounts[source] ?? [];
    const years = values.map((value, at) =>
      s.labelWithNumbers ? `${yearLabel(model.years[at] ?? "", s)}${print(value)}` : print(value),
    );
    const sum = print(values.reduce((all, value) => all + value, 0));
    const cells = !s.totalColumn ? years : s.shift === 0 ? [sum, ...years] : [...years, sum];
    const spellings = SOURCE_SPELLINGS[source] ?? [];
    return [`10.${index + 1}`, spellings[s.spelling % spellings.length] ?? "", ...cells].join(T);
  });
  return [
    ...passportHead(Number(model.years[0]), Number(model.years.at(-1))),
    // A total of «-» alone is read as none: its zero is printed.
    `10.${T}Джерела та обсяги фінансування, ${unitWords}, всього, у тому числі:${T}${printAmount(total, model.unit, { ...s, dash: false })}`,
    ...rows,
    "",
    "Додаток 1",
    "",
  ].join("\n");
}

const yearLabel = (year: string, s: Style): string =>
  s.yearSuffix === " р." ? `${year} р. – ` : `${year}: `;

/**
 * What the rows give back: each source's years and their sum; none for a source whose total, printed
 * first or last, the years' amounts read the other way would add up to too (its numbers are named),
 * but field 10's total when it is the only source.
 */
function expectedSourceRows(model: Field10, s: Style): Omit<DeclaredFunding, "line"> {
  const bySource: DeclaredFunding["bySource"] = {};
  const bySourceByYear: DeclaredFunding["bySourceByYear"] = {};
  for (const source of SOURCES) {
    const values = model.amounts[source];
    if (!values) continue;
    const sum = values.reduce((all, value) => all + value, 0);
    const printed = s.shift === 0 ? [sum, ...values] : [...values, sum];
    // The other reading: the total at the other end.
    const years = s.shift === 0 ? printed.slice(0, -1) : printed.slice(1);
    const total = s.shift === 0 ? printed.at(-1) : printed[0];
    const twoWays =
      s.totalColumn &&
      !s.labelWithNumbers &&
      years.reduce((all, value) => all + value, 0) === total &&
      JSON.stringify(years) !== JSON.stringify(values);
    if (twoWays) continue;
    bySource[source] = sum;
    bySourceByYear[source] = Object.fromEntries(model.years.map((year, index) => [year, values[index] ?? 0]));
  }
  const { total } = totalsOf(model);
  const funded = Object.keys(model.amounts) as SourceKind[];
  // One source named: field 10's total is that source's, however its row read.
  if (funded.length === 1 && funded[0]) bySource[funded[0]] = total;
  // Every source row gave its years: field 10's years are their sums.
  const allRead = funded.every((source) => bySourceByYear[source] !== undefined);
  const byYear = allRead
    ? sumsByYear(
        model.years,
        funded.map((source) => bySourceByYear[source] ?? {}),
      )
    : {};
  return { total, byYear, bySource, bySourceByYear };
}

function sumsByYear(years: string[], parts: Record<string, number>[]): Record<string, number> {
  return Object.fromEntries(
    years.map((year) => [year, parts.reduce((all, part) => all + (part[year] ?? 0), 0)]),
  );
}

describe("family 3: field 10's total in its row, a numbered row of years per source under it", () => {
  it(`import(render(field 10)) gives each source's years back (${RUNS} seeds)`, () => {
    fc.assert(
      fc.property(field10, style, (model, s) => {
        fc.pre(model.years.length >= 2);
        const text = renderSourceRows(model, s);
        const { programme, coverage } = interpretBlocks(readTextBlocks(text));
        const { line: _line, ...funding } = programme.passport.funding;
        const want = expectedSourceRows(model, s);
        expect(funding, text).toEqual(want);
        const unread = Object.keys(model.amounts).length - Object.keys(want.bySourceByYear).length;
        expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
        if (unread === 0) expect(coverage?.numbersFlagged, text).toBe(0);
      }),
      PROPERTY_RUNS,
    );
  });
});
