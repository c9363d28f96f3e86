import type { ByYear, FundingRow, SourceKind } from "../model.js";
import { assertKopecks, type Kopecks } from "../money.js";
import type { Totals } from "../totals.js";
import type { Random } from "./prng.js";

/** 0.1 thousand UAH — the precision real task tables print amounts with. */
const KOPECKS_PER_TENTH = 10_000;
/** Log-normal amount per project in thousand UAH: median 150, so most are under 500, a few in thousands. */
const MEDIAN_THOUSANDS = 150;
const SIGMA = 1.5;

const SOURCE_LABELS: Partial<Record<SourceKind, string>> = {
  local: "бюджет громади",
  other: "інші джерела",
  state: "державний бюджет",
  none: "не потребує фінансування",
  total: "Загальний обсяг, у тому числі:",
};

/** Funding plans and how often they occur in real programmes (roughly). */
const PLANS: [SourceKind[], number][] = [
  [["none"], 0.15],
  [["local"], 0.55],
  [["local", "other"], 0.12],
  [["other"], 0.08],
  [["state"], 0.05],
  [["local", "state"], 0.05],
];

function pickPlan(random: Random): SourceKind[] {
  let roll = random.next();
  for (const [plan, weight] of PLANS) {
    roll -= weight;
    if (roll < 0) return plan;
  }
  return ["local"];
}

export function drawAmountTenths(random: Random): number {
  const thousands = MEDIAN_THOUSANDS * Math.exp(SIGMA * random.normal());
  return Math.max(1, Math.round(thousands * 10));
}

/** Splits a whole number into `parts` non-negative whole numbers that sum to it exactly. */
export function splitWhole(random: Random, whole: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + random.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((weight) => Math.floor((whole * weight) / sum));
  const rest = whole - shares.reduce((a, b) => a + b, 0);
  shares[shares.length - 1] = (shares[shares.length - 1] ?? 0) + rest;
  return shares;
}

function row(source: SourceKind, byYear: ByYear): FundingRow {
  const total = assertKopecks(Object.values(byYear).reduce((a, b) => a + b, 0));
  return { source, label: SOURCE_LABELS[source] ?? source, byYear, total, totalPrinted: true, line: 0 };
}

function yearsAmounts(random: Random, tenths: number, years: string[]): ByYear {
  const shares = splitWhole(random, tenths, years.length);
  return Object.fromEntries(years.map((year, index) => [year, (shares[index] ?? 0) * KOPECKS_PER_TENTH]));
}

/** Funding rows of one project over its years: one source row, or a "total" row above two sources. */
export function drawFunding(random: Random, years: string[]): FundingRow[] {
  const plan = pickPlan(random);
  if (plan[0] === "none") {
    return [{ source: "none", label: SOURCE_LABELS.none ?? "", byYear: {}, total: 0, line: 0 }];
  }
  const tenths = drawAmountTenths(random);
  if (plan.length === 1) return [row(plan[0] as SourceKind, yearsAmounts(random, tenths, years))];
  const [first, second] = splitWhole(random, tenths, 2) as [number, number];
  const sources = [
    row(plan[0] as SourceKind, yearsAmounts(random, first, years)),
    row(plan[1] as SourceKind, yearsAmounts(random, second, years)),
  ];
  return [row("total", sumByYear(sources)), ...sources];
}

function sumByYear(rows: FundingRow[]): ByYear {
  const out: ByYear = {};
  for (const each of rows) {
    for (const [year, amount] of Object.entries(each.byYear))
      out[year] = assertKopecks((out[year] ?? 0) + amount);
  }
  return out;
}

/** "Всього" rows as a document prints them: the overall total, then one row per source with money. */
export function declaredRows(totals: Totals, years: string[]): FundingRow[] {
  const fill = (byYear: ByYear): ByYear => Object.fromEntries(years.map((year) => [year, byYear[year] ?? 0]));
  const rows: FundingRow[] = [{ ...row("total", fill(totals.byYear)), total: totals.total }];
  for (const [source, amount] of Object.entries(totals.bySource) as [SourceKind, Kopecks][]) {
    if (amount === 0) continue;
    rows.push(row(source, fill(totals.bySourceByYear[source] ?? {})));
  }
  return rows;
}
