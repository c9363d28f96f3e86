import {
  allItems,
  type ByYear,
  type Finding,
  type FundingRow,
  type Item,
  type Programme,
  ref,
  SOURCE_LABELS_UK,
  type YearSpans,
} from "../model.js";
import { formatAmount, type Kopecks, type MoneyUnit, unitLabel } from "../money.js";
import { type Totals, totalsOfRows, type Unsplit, unsplitOfRows } from "../totals.js";
import { type RuleCode, severityOf } from "./table.js";

/** One family of checks: a pure function of the programme (and of facts derived from it once per run). */
export type Rule = (programme: Programme, facts: Facts) => Finding[];

/**
 * What several rules need, derived from the programme once per validation run and only on demand
 * (the web app validates on every edit). Do not keep a Facts across edits of the programme.
 */
export interface Facts {
  items: () => Item[];
  itemRows: () => LocatedRow[];
  allRows: () => LocatedRow[];
  totals: () => Totals;
  /** The money of `totals` that no single year holds. */
  unsplit: () => Unsplit;
}

function once<T>(compute: () => T): () => T {
  let value: { result: T } | undefined;
  return () => {
    value ??= { result: compute() };
    return value.result;
  };
}

export function factsOf(programme: Programme): Facts {
  const items = once(() => allItems(programme));
  const itemRowsOnce = once(() => itemRowsOf(items()));
  return {
    items,
    itemRows: itemRowsOnce,
    allRows: once(() => [...itemRowsOnce(), ...declaredRows(programme)]),
    totals: once(() => totalsOfRows(items().flatMap((item) => item.funding))),
    unsplit: once(() => unsplitOfRows(items().flatMap((item) => item.funding))),
  };
}

/** A finding of a code from the rule table, with the table's severity. */
export function finding(code: RuleCode, message: string, line: number, ref: string): Finding {
  return { code, severity: severityOf(code), message, location: { line, ref } };
}

/** "1 774,0 тис. грн" */
export function money(kopecks: Kopecks, unit: MoneyUnit): string {
  return `${formatAmount(kopecks, unit)} ${unitLabel(unit)}`;
}

/** The row's label as printed (shortened), or the source's Ukrainian name when nothing was printed. */
export function rowName(row: FundingRow): string {
  const label = row.label.replace(/\s+/g, " ").trim() || SOURCE_LABELS_UK[row.source];
  return `«${label.length > 60 ? `${label.slice(0, 57)}…` : label}»`;
}

export function hasValidPeriod(programme: Programme): boolean {
  const { from, to } = programme.period;
  return isPlausibleYear(from) && isPlausibleYear(to) && from <= to;
}

export function isPlausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1990 && year <= 2100;
}

export function isYearWithin(year: number, range: { from: number; to: number }): boolean {
  return year >= Math.min(range.from, range.to) && year <= Math.max(range.from, range.to);
}

/** Declared amounts against computed ones; `total` null = not printed. */
export interface Mismatch {
  /** "усього" or "2026 рік" */
  what: string;
  /** The year compared, when one was ("2026"). */
  year?: string;
  declared: Kopecks;
  computed: Kopecks;
}

export interface AmountsLike {
  total: Kopecks | null;
  byYear: ByYear;
  /** Amounts printed for several years at once (`FundingRow.spans`). */
  spans?: YearSpans;
}

/** Computed sums; `unsplit` is the money they hold outside any single year (`Totals.unsplit`). */
export interface ComputedAmounts {
  total: Kopecks;
  byYear: ByYear;
  unsplit?: Kopecks;
}

/**
 * Compares the overall total and, when the declared side prints years at all, every year either side
 * has (a missing year counts as zero). Years are not compared when either side holds money not split
 * by year (a span "2026-2027", a table without year columns): the importer says so once.
 */
export function compareAmounts(declared: AmountsLike, computed: ComputedAmounts): Mismatch[] {
  const out: Mismatch[] = [];
  if (declared.total !== null && declared.total !== computed.total) {
    out.push({ what: "усього", declared: declared.total, computed: computed.total });
  }
  if (Object.keys(declared.byYear).length === 0) return out;
  if ((computed.unsplit ?? 0) !== 0 || Object.keys(declared.spans ?? {}).length > 0) return out;
  return [...out, ...yearMismatches(declared.byYear, computed.byYear)];
}

/** Every year either side has whose amounts differ (a missing year counts as zero). */
export function yearMismatches(declared: ByYear, computed: ByYear): Mismatch[] {
  return unionYears(declared, computed).flatMap((year) => {
    const printed = declared[year] ?? 0;
    const summed = computed[year] ?? 0;
    return printed === summed ? [] : [{ what: `${year} рік`, year, declared: printed, computed: summed }];
  });
}

export function unionYears(...sides: ByYear[]): string[] {
  return [...new Set(sides.flatMap((side) => Object.keys(side)))].sort();
}

/** "усього: зазначено 100,0 тис. грн, а сума — 90,0 тис. грн; 2026 рік: …" */
export function describeMismatches(mismatches: Mismatch[], unit: MoneyUnit, summedWhat = "сума"): string {
  return mismatches
    .map(
      (each) =>
        `${each.what}: зазначено ${money(each.declared, unit)}, а ${summedWhat} — ${money(each.computed, unit)}`,
    )
    .join("; ");
}

export function nonZeroYears(byYear: ByYear): string[] {
  return Object.entries(byYear)
    .filter(([, amount]) => amount !== 0)
    .map(([year]) => year)
    .sort();
}

/** A non-zero amount for one year ("2026") or for a span of years ("2026-2027"), with its years. */
export interface PlannedAmount {
  from: number;
  to: number;
  amount: Kopecks;
}

/** A row's non-zero amounts: its years in order, then its spans ("2026-2027") in order. */
export function plannedAmounts(row: { byYear: ByYear; spans?: YearSpans }): PlannedAmount[] {
  const years = nonZeroYears(row.byYear).map((year) => ({
    from: Number(year),
    to: Number(year),
    amount: row.byYear[year] ?? 0,
  }));
  const spans = nonZeroYears(row.spans ?? {}).flatMap((span) => {
    const [, from, to] = /^(\d{4})\D+(\d{4})$/.exec(span) ?? [];
    return from && to ? [{ from: Number(from), to: Number(to), amount: row.spans?.[span] ?? 0 }] : [];
  });
  return [...years, ...spans];
}

/** "2026 рік — 10,0 тис. грн", "2026–2027 роки — 10,0 тис. грн". */
export function describePlanned(planned: PlannedAmount, unit: MoneyUnit): string {
  const years = planned.from === planned.to ? `${planned.from} рік` : `${planned.from}–${planned.to} роки`;
  return `${years} — ${money(planned.amount, unit)}`;
}

export function rowHasAmounts(row: FundingRow): boolean {
  return row.total !== 0 || nonZeroYears(row.byYear).length > 0;
}

/** A funding row with where it sits, for messages and finding locations. */
export interface LocatedRow {
  row: FundingRow;
  ref: string;
  /** Ukrainian: "захід 1.2 «…»", "напрям 1", "програма". */
  where: string;
  item?: Item;
}

export function itemName(item: Item): string {
  const title = item.title.trim();
  const short = title.length > 80 ? `${title.slice(0, 77)}…` : title;
  return `захід ${item.number} «${short}»`;
}

function itemRowsOf(items: Item[]): LocatedRow[] {
  return items.flatMap((item) =>
    item.funding.map((row) => ({ row, ref: ref.item(item), where: itemName(item), item })),
  );
}

export function declaredRows(programme: Programme): LocatedRow[] {
  const ofDirections = programme.directions.flatMap((direction) =>
    direction.declaredTotals.map((row) => ({
      row,
      ref: ref.direction(direction.number),
      where: `підсумок напряму ${direction.number}`,
    })),
  );
  const ofProgramme = programme.declaredTotals.map((row) => ({
    row,
    ref: ref.programme(),
    where: "підсумок програми",
  }));
  return [...ofDirections, ...ofProgramme];
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
