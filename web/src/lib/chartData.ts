import {
  allItems,
  isSummedSource,
  type Programme,
  SOURCE_LABELS_UK,
  type SourceKind,
  years,
} from "../../../src/domain/model.js";
import type { Kopecks } from "../../../src/domain/money.js";
import { directionTotals, itemOwnTotals, type Totals } from "../../../src/domain/totals.js";

/** Chart-ready series; amounts stay in kopecks, charts convert for display only. */
export interface StackedSeries {
  categories: string[];
  series: { name: string; values: Kopecks[] }[];
}

/** Funding by year, one stacked series per direction. */
export function fundingByYearByDirection(programme: Programme): StackedSeries {
  const categories = years(programme.period);
  const series = programme.directions.map((direction) => {
    const totals = directionTotals(direction);
    return {
      name: `${direction.number}. ${direction.title}`.trim(),
      values: categories.map((year) => totals.byYear[year] ?? 0),
    };
  });
  return { categories, series: series.filter((each) => each.values.some((value) => value !== 0)) };
}

export interface Share {
  source: SourceKind;
  name: string;
  value: Kopecks;
  /** Share of the total in per cent, one decimal. */
  percent: number;
}

export function sourceShares(totals: Totals, labels: Record<SourceKind, string> = SOURCE_LABELS_UK): Share[] {
  const entries = Object.entries(totals.bySource) as [SourceKind, Kopecks][];
  const counted = entries.filter(([source, value]) => isSummedSource(source) && value > 0);
  const sum = counted.reduce((acc, [, value]) => acc + value, 0);
  return counted
    .map(([source, value]) => ({
      source,
      name: labels[source],
      value,
      percent: sum === 0 ? 0 : Math.round((value / sum) * 1000) / 10,
    }))
    .sort((a, b) => b.value - a.value);
}

export interface RankedItem {
  id: string;
  label: string;
  value: Kopecks;
}

/** Tasks and projects with the largest own funding (a parent's children are counted on their own). */
export function largestItems(programme: Programme, limit = 10): RankedItem[] {
  return allItems(programme)
    .map((item) => ({
      id: item.id,
      label: `${item.number} ${item.title}`.trim(),
      value: itemOwnTotals(item).total,
    }))
    .filter((item) => item.value > 0)
    .sort((a, b) => b.value - a.value)
    .slice(0, limit);
}

/** "Перші 40 символів…" for chart labels. */
export function shorten(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export interface ExecutorLoad {
  executor: string;
  items: { id: string; number: string; title: string }[];
  /** Own funding of the executor's tasks; a task with several executors counts for each of them. */
  total: Kopecks;
}

/** Who is responsible for what: executors with their tasks, most tasks first. */
export function executorLoads(programme: Programme): ExecutorLoad[] {
  const byName = new Map<string, ExecutorLoad>();
  for (const item of allItems(programme)) {
    const own = itemOwnTotals(item).total;
    for (const name of new Set(item.executors.map((each) => each.trim()).filter(Boolean))) {
      const load = byName.get(name) ?? { executor: name, items: [], total: 0 };
      load.items.push({ id: item.id, number: item.number, title: item.title });
      load.total += own;
      byName.set(name, load);
    }
  }
  return [...byName.values()].sort((a, b) => b.items.length - a.items.length || b.total - a.total);
}
