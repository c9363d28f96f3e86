import { SimpleGrid, Text } from "@mantine/core";
import type { EChartsCoreOption } from "echarts/core";
import { useCallback, useMemo } from "react";
import type { Programme } from "../../../src/domain/model.js";
import type { Totals } from "../../../src/domain/totals.js";
import { useI18n } from "../i18n/index.js";
import { fundingByYearByDirection, largestItems, shorten, sourceShares } from "../lib/chartData.js";
import { localeOf } from "../lib/format.js";
import { ChartFigure } from "../shared/ChartFigure.js";
import { DataTable } from "../shared/DataTable.js";
import { useMoney } from "../shared/money.js";
import { sourceLabels } from "../shared/sources.js";
import { EChart } from "./EChart.js";

/** Palette with at least 3:1 contrast against white for adjacent segments and text legibility. */
const PALETTE = ["#1864ab", "#c2255c", "#2b8a3e", "#e8590c", "#5f3dc4", "#0b7285", "#862e9c", "#5c940d"];

/**
 * Funding by year and direction, source shares, largest tasks: ECharts with text and table alternatives.
 * The series hold kopecks (exact integers) and the axis labels and tooltips write them in the
 * programme's unit: ticks that are round in kopecks are round in any unit, and no amount is divided.
 */
export function ProgrammeCharts({ programme, totals }: { programme: Programme; totals: Totals }) {
  const { t, lang } = useI18n();
  const byYear = useMemo(() => fundingByYearByDirection(programme), [programme]);
  const shares = useMemo(() => sourceShares(totals, sourceLabels(lang)), [totals, lang]);
  const largest = useMemo(() => largestItems(programme, 10), [programme]);
  const { amount, money, unitName } = useMoney();
  const inUnit = useCallback((value: number) => amount(Math.round(value)), [amount]);

  const barOption = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: "axis", valueFormatter: inUnit },
      legend: { type: "scroll", bottom: 0, formatter: (name: string) => shorten(name, 40) },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: "category", data: byYear.categories },
      yAxis: { type: "value", axisLabel: { formatter: inUnit } },
      series: byYear.series.map((each) => ({
        type: "bar",
        stack: "total",
        name: each.name,
        data: each.values,
      })),
    }),
    [byYear, inUnit],
  );
  const pieOption = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: "item", valueFormatter: inUnit },
      legend: { bottom: 0, type: "scroll" },
      series: [
        {
          type: "pie",
          radius: ["40%", "70%"],
          data: shares.map((s) => ({ name: s.name, value: s.value })),
          label: {
            formatter: (p: { percent: number }) =>
              `${p.percent.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })}%`,
          },
        },
      ],
    }),
    [shares, inUnit, lang],
  );
  const largestOption = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: inUnit,
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: inUnit } },
      yAxis: { type: "category", inverse: true, data: largest.map((item) => shorten(item.label, 36)) },
      series: [{ type: "bar", data: largest.map((item) => item.value) }],
    }),
    [largest, inUnit],
  );

  if (totals.total === 0) return <Text>{t("charts.empty")}</Text>;
  const peak = byYear.categories
    .map((year, index) => ({
      year,
      value: byYear.series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0),
    }))
    .sort((a, b) => b.value - a.value)[0];
  const byYearSummary = peak ? t("charts.summaryByYear", { year: peak.year, amount: money(peak.value) }) : "";
  const topShare = shares[0];
  const shareSummary = topShare
    ? t("charts.summaryBySource", {
        source: topShare.name,
        percent: topShare.percent.toLocaleString(localeOf(lang)),
      })
    : "";
  const topItem = largest[0];
  const largestSummary = topItem
    ? t("charts.summaryLargest", {
        title: shorten(topItem.label, 80),
        amount: money(topItem.value),
      })
    : "";

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <ChartFigure
        title={t("charts.byYear", { unit: unitName })}
        summary={byYearSummary}
        chart={
          <EChart
            option={barOption}
            height={340}
            label={`${t("charts.byYear", { unit: unitName })}. ${byYearSummary}`}
          />
        }
        table={
          <DataTable
            head={[t("tree.direction"), ...byYear.categories]}
            rows={byYear.series.map((s) => [s.name, ...s.values.map((v) => amount(v))])}
          />
        }
      />
      <ChartFigure
        title={t("charts.bySource")}
        summary={shareSummary}
        chart={<EChart option={pieOption} height={340} label={`${t("charts.bySource")}. ${shareSummary}`} />}
        table={
          <DataTable
            head={[t("funding.source"), unitName, "%"]}
            rows={shares.map((s) => [s.name, amount(s.value), s.percent.toLocaleString(localeOf(lang))])}
          />
        }
      />
      <ChartFigure
        title={t("charts.largest", { unit: unitName })}
        summary={largestSummary}
        chart={
          <EChart
            option={largestOption}
            height={Math.max(200, largest.length * 34)}
            label={`${t("charts.largest", { unit: unitName })}. ${largestSummary}`}
          />
        }
        table={
          <DataTable
            head={[t("tree.task"), unitName]}
            rows={largest.map((item) => [item.label, amount(item.value)])}
          />
        }
      />
    </SimpleGrid>
  );
}
