/**
 * infoprog's flat template: the whole programme as typed records with named columns. The CSV is
 * these records in one table; the XLSX puts each kind of record on its own sheet. Writers and
 * readers of both formats share this file so that they cannot drift apart (see docs/template.md).
 */
import {
  type Deadline,
  type Direction,
  type FundingRow,
  type Indicator,
  type Item,
  type MonitoringVariable,
  type Programme,
  SECTION_KEYS,
  type SectionKey,
  SOURCE_KINDS,
  type SourceKind,
  walkItems,
} from "../domain/model.js";

export const TEMPLATE_VERSION = "1";

export const RECORD_KINDS = [
  "meta",
  "passport",
  "passport-funding",
  "section",
  "direction",
  "item",
  "funding",
  "declared-total",
  "indicator",
  "variable",
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type CellValue = string | number | null;

export interface FlatRecord {
  record: RecordKind;
  values: Record<string, CellValue>;
}

/** Column key prefixes for the per-year columns. */
export const YEAR_PREFIX = "y";
export const TARGET_PREFIX = "t";

export const META_KEYS = [
  "template",
  "title",
  "community",
  "katottg",
  "period_from",
  "period_to",
  "unit",
] as const;

export const ITEM_KEYS = [
  "direction",
  "direction_number",
  "direction_title",
  "id",
  "parent",
  "depth",
  "number",
  "title",
  "executors",
  "deadline",
  "deadline_text",
  "expected_result",
  "item_line",
] as const;
export const FUNDING_KEYS = ["source", "source_label", "total", "total_printed", "note", "line"] as const;

export const YES = "так";
export const NO = "ні";
export const EXECUTOR_SEPARATOR = "; ";

export function deadlineCode(deadline: Deadline | null): string {
  if (deadline === null) return "";
  switch (deadline.kind) {
    case "years":
      return deadline.years ? `years:${deadline.years.join(",")}` : `years:${deadline.from}-${deadline.to}`;
    case "quarter":
      return `quarter:${deadline.quarter}:${deadline.year}`;
    case "programme":
      return deadline.from === undefined && deadline.to === undefined
        ? "programme"
        : `programme:${deadline.from ?? ""}-${deadline.to ?? ""}`;
    default:
      return deadline.kind;
  }
}

/** Inverse of deadlineCode; undefined when the code is not one of ours. */
export function parseDeadlineCode(code: string): Deadline | null | undefined {
  const text = code.trim();
  if (text === "") return null;
  if (text === "programme" || text === "text") return { kind: text };
  const years = /^years:(\d{4})-(\d{4})$/.exec(text);
  if (years) return { kind: "years", from: Number(years[1]), to: Number(years[2]) };
  if (/^years:\d{4}(?:,\d{4})+$/.test(text))
    return yearList(text.slice("years:".length).split(",").map(Number));
  const part = /^programme:(\d{4})?-(\d{4})?$/.exec(text);
  if (part?.[1] || part?.[2]) return programmePart(part[1], part[2]);
  const quarter = /^quarter:([1-4]):(\d{4})$/.exec(text);
  if (quarter)
    return { kind: "quarter", quarter: Number(quarter[1]) as 1 | 2 | 3 | 4, year: Number(quarter[2]) };
  return undefined;
}

function yearList(years: number[]): Deadline {
  return { kind: "years", from: Math.min(...years), to: Math.max(...years), years };
}

function programmePart(from: string | undefined, to: string | undefined): Deadline {
  return { kind: "programme", ...(from ? { from: Number(from) } : {}), ...(to ? { to: Number(to) } : {}) };
}

export function isSourceKind(text: string): text is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(text);
}

export function isSectionKey(text: string): text is SectionKey {
  return (SECTION_KEYS as readonly string[]).includes(text);
}

function fundingRows(programme: Programme): FundingRow[] {
  const items = programme.directions.flatMap((direction) => [...walkItems(direction.items)]);
  return [
    ...items.flatMap((item) => item.funding),
    ...programme.directions.flatMap((direction) => direction.declaredTotals),
    ...programme.declaredTotals,
  ];
}

/** The period's years plus any other year an amount is given for, sorted. */
export function amountYears(programme: Programme): string[] {
  const found = new Set<string>();
  for (let year = programme.period.from; year <= programme.period.to && year > 0; year++)
    found.add(String(year));
  for (const row of fundingRows(programme)) for (const year of Object.keys(row.byYear)) found.add(year);
  for (const year of Object.keys(programme.passport.funding.byYear)) found.add(year);
  return [...found].sort();
}

/** The spans of years ("2026-2027") an amount is given for at once, sorted. */
export function amountSpans(programme: Programme): string[] {
  return [...new Set(fundingRows(programme).flatMap((row) => Object.keys(row.spans ?? {})))].sort();
}

/** The amount columns' keys after the prefix: every year, then every span of years. */
export function amountPeriods(programme: Programme): string[] {
  return [...amountYears(programme), ...amountSpans(programme)];
}

export function targetYears(programme: Programme): string[] {
  const found = new Set<string>();
  for (let year = programme.period.from; year <= programme.period.to && year > 0; year++)
    found.add(String(year));
  for (const indicator of programme.indicators)
    for (const year of Object.keys(indicator.targets)) found.add(year);
  for (const variable of programme.monitoring ?? [])
    for (const year of Object.keys(variable.values)) found.add(year);
  return [...found].sort();
}

function metaRecords(programme: Programme): FlatRecord[] {
  const values: Record<(typeof META_KEYS)[number], string> = {
    template: TEMPLATE_VERSION,
    title: programme.title,
    community: programme.community.name,
    katottg: programme.community.katottg,
    period_from: String(programme.period.from),
    period_to: String(programme.period.to),
    unit: programme.unit,
  };
  return META_KEYS.map((key) => ({ record: "meta", values: { key, value: values[key] } }));
}

function passportRecords(programme: Programme): FlatRecord[] {
  const { fields, funding } = programme.passport;
  const amount = (source: string, year: string, value: number | null): FlatRecord => ({
    record: "passport-funding",
    values: { source, year, amount: value, line: source === "" && year === "" ? funding.line : null },
  });
  return [
    ...fields.map(
      (field): FlatRecord => ({
        record: "passport",
        values: { number: field.number, label: field.label, value: field.value, line: field.line },
      }),
    ),
    amount("", "", funding.total),
    ...Object.entries(funding.byYear).map(([year, value]) => amount("", year, value)),
    ...Object.entries(funding.bySource).map(([source, value]) => amount(source, "", value ?? null)),
    ...Object.entries(funding.bySourceByYear).flatMap(([source, byYear]) =>
      Object.entries(byYear ?? {}).map(([year, value]) => amount(source, year, value)),
    ),
  ];
}

export function fundingValues(row: FundingRow): Record<string, CellValue> {
  const values: Record<string, CellValue> = {
    source: row.source,
    source_label: row.label,
    total: row.total,
    total_printed: row.totalPrinted === undefined ? "" : row.totalPrinted ? YES : NO,
    note: row.note ?? null,
    line: row.line,
  };
  for (const [year, amount] of Object.entries(row.byYear)) values[`${YEAR_PREFIX}${year}`] = amount;
  for (const [span, amount] of Object.entries(row.spans ?? {})) values[`${YEAR_PREFIX}${span}`] = amount;
  return values;
}

function itemValues(direction: Direction, index: number, item: Item, parent: Item | null, depth: number) {
  return {
    direction: index + 1,
    direction_number: direction.number,
    direction_title: direction.title,
    id: item.id,
    parent: parent?.id ?? "",
    depth,
    number: item.number,
    title: item.title,
    executors: item.executors.join(EXECUTOR_SEPARATOR),
    deadline: deadlineCode(item.deadline),
    deadline_text: item.deadlineText,
    expected_result: item.expectedResult,
    item_line: item.line,
  };
}

/** Items depth first, each with its parent and depth (1 = task of a direction). */
export function* itemsWithParents(
  items: Item[],
  parent: Item | null = null,
  depth = 1,
): Generator<{ item: Item; parent: Item | null; depth: number }> {
  for (const item of items) {
    yield { item, parent, depth };
    yield* itemsWithParents(item.children, item, depth + 1);
  }
}

/** One "item" record per item, each followed by its "funding" records. */
function directionRecords(direction: Direction, index: number): FlatRecord[] {
  const records: FlatRecord[] = [
    {
      record: "direction",
      values: {
        direction: index + 1,
        number: direction.number,
        title: direction.title,
        line: direction.line,
      },
    },
  ];
  for (const { item, parent, depth } of itemsWithParents(direction.items)) {
    records.push({ record: "item", values: itemValues(direction, index, item, parent, depth) });
    for (const row of item.funding)
      records.push({ record: "funding", values: { id: item.id, ...fundingValues(row) } });
  }
  return records;
}

function declaredRecords(programme: Programme): FlatRecord[] {
  const ofDirection = programme.directions.flatMap((direction, index) =>
    direction.declaredTotals.map(
      (row): FlatRecord => ({
        record: "declared-total",
        values: { direction: index + 1, direction_number: direction.number, ...fundingValues(row) },
      }),
    ),
  );
  const ofProgramme = programme.declaredTotals.map(
    (row): FlatRecord => ({ record: "declared-total", values: { direction: null, ...fundingValues(row) } }),
  );
  return [...ofDirection, ...ofProgramme];
}

function indicatorRecord(indicator: Indicator): FlatRecord {
  const values: Record<string, CellValue> = {
    number: indicator.number,
    indicator_direction: indicator.direction,
    name: indicator.name,
    unit: indicator.unit,
    formula: indicator.formula,
    baseline: indicator.baseline,
    dynamics: indicator.dynamics,
    line: indicator.line,
  };
  for (const [year, target] of Object.entries(indicator.targets)) values[`${TARGET_PREFIX}${year}`] = target;
  // Lists the years that have a target, so that a target printed empty survives the round trip.
  values.target_years = Object.keys(indicator.targets).join(", ");
  return { record: "indicator", values };
}

/** A monitoring variable: its values per year in the target columns, like an indicator's targets. */
function variableRecord(variable: MonitoringVariable): FlatRecord {
  const values: Record<string, CellValue> = {
    number: variable.number,
    name: variable.name,
    unit: variable.unit,
    data_source: variable.source,
    baseline: variable.baseline,
    line: variable.line,
  };
  for (const [year, value] of Object.entries(variable.values)) values[`${TARGET_PREFIX}${year}`] = value;
  values.target_years = Object.keys(variable.values).join(", ");
  return { record: "variable", values };
}

/** The whole programme as flat records, in the order the CSV lists them. */
export function flattenProgramme(programme: Programme): FlatRecord[] {
  return [
    ...metaRecords(programme),
    ...passportRecords(programme),
    ...programme.sections.map(
      (section): FlatRecord => ({
        record: "section",
        values: { key: section.key, title: section.title, text: section.text, line: section.line },
      }),
    ),
    ...programme.directions.flatMap((direction, index) => directionRecords(direction, index)),
    ...declaredRecords(programme),
    ...programme.indicators.map(indicatorRecord),
    ...(programme.monitoring ?? []).map(variableRecord),
  ];
}

/** Spreadsheet column letter of a 0-based column index: 0 → "A", 27 → "AB". */
export function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
