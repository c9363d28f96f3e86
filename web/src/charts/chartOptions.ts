/**
 * The ECharts options of a programme's charts. The series hold kopecks (exact integers) and the axis
 * labels and tooltips write them in the programme's unit: ticks round in kopecks are round in any unit,
 * and no amount is divided on the way.
 */
import type { EChartsCoreOption } from "echarts/core";
import type { Kopecks } from "../../../src/domain/money.js";
import { type RankedItem, type Share, type StackedSeries, shorten } from "../lib/chartData.js";
import { type Lang, localeOf } from "../lib/format.js";

/** Palette with at least 3:1 contrast against white for adjacent segments and text legibility. */
const PALETTE = ["#1864ab", "#c2255c", "#2b8a3e", "#e8590c", "#5f3dc4", "#0b7285", "#862e9c", "#5c940d"];

/** An axis tick or tooltip value (kopecks; a tick may come back as a float) as the unit's amount text. */
export type AxisFormat = (value: number) => string;

export function axisFormat(amount: (kopecks: Kopecks) => string): AxisFormat {
  return (value) => amount(Math.round(value));
}

export function byYearOption(byYear: StackedSeries, format: AxisFormat): EChartsCoreOption {
  return {
    color: PALETTE,
    tooltip: { trigger: "axis", valueFormatter: format },
    legend: { type: "scroll", bottom: 0, formatter: (name: string) => shorten(name, 40) },
    grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
    xAxis: { type: "category", data: byYear.categories },
    yAxis: { type: "value", axisLabel: { formatter: format } },
    series: byYear.series.map((each) => ({
      type: "bar",
      stack: "total",
      name: each.name,
      data: each.values,
    })),
  };
}

export function sharesOption(shares: Share[], format: AxisFormat, lang: Lang): EChartsCoreOption {
  return {
    color: PALETTE,
    tooltip: { trigger: "item", valueFormatter: format },
    legend: { bottom: 0, type: "scroll" },
    series: [
      {
        type: "pie",
        radius: ["40%", "70%"],
        data: shares.map((share) => ({ name: share.name, value: share.value })),
        label: {
          formatter: (p: { percent: number }) =>
            `${p.percent.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })}%`,
        },
      },
    ],
  };
}

export function largestOption(largest: RankedItem[], format: AxisFormat): EChartsCoreOption {
  return {
    color: PALETTE,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: format },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", axisLabel: { formatter: format } },
    yAxis: { type: "category", inverse: true, data: largest.map((item) => shorten(item.label, 36)) },
    series: [{ type: "bar", data: largest.map((item) => item.value) }],
  };
}
