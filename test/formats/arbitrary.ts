/** fast-check generators of whole programmes for the lossless round-trip tests. */
import fc from "fast-check";
import {
  assignItemIds,
  type Deadline,
  type Direction,
  type FundingRow,
  type Indicator,
  type Item,
  type MonitoringVariable,
  type Passport,
  type Programme,
  SECTION_KEYS,
  type Section,
  SOURCE_KINDS,
  type SourceKind,
} from "../../src/domain/model.js";

const PERIOD = { from: 2026, to: 2028 };
const PERIOD_YEARS = ["2026", "2027", "2028"];

/** Cyrillic, quotes, separators, line breaks, spaces: what breaks naive CSV/XLSX code. */
const TRICKY = [
  "а",
  "Ї",
  "є",
  "ґ",
  "'",
  "’",
  '"',
  ";",
  ",",
  "\n",
  " ",
  "\t",
  "«",
  "»",
  "=",
  "-",
  "1",
  "x",
  "№",
];

/** Text that a spreadsheet can hold: XML normalises "\r\n" to "\n" and cannot hold control characters. */
export const text = (maxLength = 12): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...TRICKY), { maxLength }).map((chars) => chars.join(""));

const nonEmptyText = text().filter((value) => value !== "");
/** Executors are split on ";" and trimmed when read back (see docs/template.md). */
const executor = text()
  .map((value) => value.replaceAll(";", "").trim())
  .filter((value) => value !== "");

const kopecks = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000 }),
  // Large, yet small enough that the annex totals of a random programme stay safe integers.
  fc.integer({ min: 2 ** 31, max: 2 ** 45 }),
);
const line = fc.nat({ max: 5000 });

const byYear = fc.dictionary(fc.constantFrom(...PERIOD_YEARS), kopecks, { maxKeys: 3 });
/** Amounts printed for several years at once ("2026-2027"), in some rows. */
const spans = fc.option(fc.dictionary(fc.constantFrom("2026-2027", "2027-2028"), kopecks, { minKeys: 1 }), {
  nil: undefined,
});

const deadline: fc.Arbitrary<Deadline | null> = fc.oneof(
  fc.constant(null),
  fc.constant<Deadline>({ kind: "programme" }),
  fc.constant<Deadline>({ kind: "text" }),
  /** «з 2027 року», «до 2027 року»: part of the programme's years. */
  fc.constantFrom<Deadline>({ kind: "programme", from: 2027 }, { kind: "programme", to: 2027 }),
  /** «2026, 2028»: years with a gap. */
  fc
    .uniqueArray(fc.integer({ min: 2020, max: 2030 }), { minLength: 2, maxLength: 4 })
    .map((years) => years.sort((a, b) => a - b))
    .filter((years) => years.some((year, index) => index > 0 && year !== (years[index - 1] ?? 0) + 1))
    .map((years): Deadline => ({ kind: "years", from: years[0] ?? 0, to: years.at(-1) ?? 0, years })),
  fc.record({
    kind: fc.constant("years" as const),
    from: fc.integer({ min: 2020, max: 2030 }),
    to: fc.integer({ min: 2020, max: 2030 }),
  }),
  fc.record({
    kind: fc.constant("quarter" as const),
    quarter: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
    year: fc.integer({ min: 2020, max: 2030 }),
  }),
);

const fundingRow: fc.Arbitrary<FundingRow> = fc
  .record({
    source: fc.constantFrom<SourceKind>(...SOURCE_KINDS),
    label: text(),
    byYear,
    total: kopecks,
    totalPrinted: fc.option(fc.boolean(), { nil: undefined }),
    note: fc.option(nonEmptyText, { nil: undefined }),
    spans,
    line,
  })
  .map((row) => {
    const out: FundingRow = {
      source: row.source,
      label: row.label,
      byYear: row.byYear,
      total: row.total,
      line: row.line,
    };
    if (row.totalPrinted !== undefined) out.totalPrinted = row.totalPrinted;
    if (row.note !== undefined) out.note = row.note;
    if (row.spans !== undefined) out.spans = row.spans;
    return out;
  });

const itemFields = fc.record({
  number: text(4),
  title: text(),
  executors: fc.array(executor, { maxLength: 3 }),
  deadline,
  deadlineText: text(),
  funding: fc.array(fundingRow, { maxLength: 3 }),
  expectedResult: text(),
  line,
});

const { item } = fc.letrec<{ item: Item }>((tie) => ({
  item: fc
    .record({
      fields: itemFields,
      children: fc.oneof({ depthSize: "small" }, fc.constant([]), fc.array(tie("item"), { maxLength: 2 })),
    })
    .map(({ fields, children }) => ({ id: "", ...fields, children: children as Item[] })),
}));

const direction: fc.Arbitrary<Direction> = fc.record({
  number: text(3),
  title: text(),
  items: fc.array(item, { maxLength: 3 }),
  declaredTotals: fc.array(fundingRow, { maxLength: 2 }),
  line,
});

const summedKind = fc.constantFrom<SourceKind>("local", "state", "oblast", "other");

const passport: fc.Arbitrary<Passport> = fc.record({
  fields: fc.array(
    fc.record({ number: fc.integer({ min: 1, max: 10 }), label: text(), value: text(), line }),
    { maxLength: 10 },
  ),
  funding: fc.record({
    total: fc.option(kopecks, { nil: null }),
    byYear,
    bySource: fc.dictionary(summedKind, kopecks, { maxKeys: 3 }),
    // An empty per-year map carries nothing, so the template does not keep it.
    bySourceByYear: fc.dictionary(
      summedKind,
      byYear.filter((years) => Object.keys(years).length > 0),
      { maxKeys: 2 },
    ),
    line,
  }),
});

const section: fc.Arbitrary<Section> = fc.record({
  key: fc.constantFrom(...SECTION_KEYS),
  title: text(),
  text: text(40),
  line,
});

const indicator: fc.Arbitrary<Indicator> = fc.record({
  number: text(3),
  direction: text(),
  name: text(),
  unit: text(4),
  formula: text(),
  baseline: text(4),
  targets: fc.dictionary(fc.constantFrom(...PERIOD_YEARS), text(), { maxKeys: 3 }),
  dynamics: text(),
  line,
});

const variable: fc.Arbitrary<MonitoringVariable> = fc.record({
  number: text(3),
  name: text(),
  unit: text(4),
  source: text(),
  baseline: text(4),
  values: fc.dictionary(fc.constantFrom(...PERIOD_YEARS), text(), { maxKeys: 3 }),
  line,
});

export const programme: fc.Arbitrary<Programme> = fc
  .record({
    title: text(30),
    community: fc.record({ name: text(), katottg: fc.stringMatching(/^UA\d{17}$/) }),
    unit: fc.constantFrom("thousand" as const, "uah" as const, "million" as const),
    passport,
    sections: fc.array(section, { maxLength: 3 }),
    directions: fc.array(direction, { maxLength: 3 }),
    declaredTotals: fc.array(fundingRow, { maxLength: 2 }),
    indicators: fc.array(indicator, { maxLength: 3 }),
    monitoring: fc.option(fc.array(variable, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  })
  .map(({ monitoring, ...fields }) => {
    const result: Programme = { ...fields, period: { ...PERIOD } };
    if (monitoring) result.monitoring = monitoring;
    assignItemIds(result);
    return result;
  });
