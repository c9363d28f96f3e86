import { SimpleGrid, Text } from "@mantine/core";
import type { EChartsCoreOption } from "echarts/core";
import { useCallback, useMemo } from "react";
import type { Programme } from "../../../src/domain/model.js";
import type { Totals } from "../../../src/domain/totals.js";
import { useI18n } from "../i18n/index.js";
import { fundingByYearByDirection, largestItems, shorten, sourceShares } from "../lib/chartData.js";
import { formatMoney, formatThousands, localeOf, toThousandsNumber } from "../lib/format.js";
import { ChartFigure } from "../shared/ChartFigure.js";
import { DataTable } from "../shared/DataTable.js";
import { sourceLabels } from "../shared/sources.js";
import { EChart } from "./EChart.js";

/** Palette with at least 3:1 contrast against white for adjacent segments and text legibility. */
const PALETTE = ["#1864ab", "#c2255c", "#2b8a3e", "#e8590c", "#5f3dc4", "#0b7285", "#862e9c", "#5c940d"];

/** Funding by year and direction, source shares, largest tasks: ECharts with text and table alternatives. */
export function ProgrammeCharts({ programme, totals }: { programme: Programme; totals: Totals }) {
  const { t, lang } = useI18n();
  const byYear = useMemo(() => fundingByYearByDirection(programme), [programme]);
  const shares = useMemo(() => sourceShares(totals, sourceLabels(lang)), [totals, lang]);
  const largest = useMemo(() => largestItems(programme, 10), [programme]);
  const thousands = useCallback(
    (value: number) => formatThousands(Math.round(value * 100_000), lang),
    [lang],
  );

  const barOption = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: "axis", valueFormatter: (v: number) => thousands(v) },
      legend: { type: "scroll", bottom: 0, formatter: (name: string) => shorten(name, 40) },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: "category", data: byYear.categories },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => thousands(v) } },
      series: byYear.series.map((each) => ({
        type: "bar",
        stack: "total",
        name: each.name,
        data: each.values.map(toThousandsNumber),
      })),
    }),
    [byYear, thousands],
  );
  const pieOption = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: "item", valueFormatter: (v: number) => thousands(v) },
      legend: { bottom: 0, type: "scroll" },
      series: [
        {
          type: "pie",
          radius: ["40%", "70%"],
          data: shares.map((s) => ({ name: s.name, value: toThousandsNumber(s.value) })),
          label: {
            formatter: (p: { percent: number }) =>
              `${p.percent.toLocaleString(localeOf(lang), { maximumFractionDigits: 1 })}%`,
          },
        },
      ],
    }),
    [shares, thousands, lang],
  );
  const largestOption = useMemo<EChartsCoreOption>(
    () => ({
      color: PALETTE,
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        valueFormatter: (v: number) => thousands(v),
      },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => thousands(v) } },
      yAxis: { type: "category", inverse: true, data: largest.map((item) => shorten(item.label, 36)) },
      series: [{ type: "bar", data: largest.map((item) => toThousandsNumber(item.value)) }],
    }),
    [largest, thousands],
  );

  if (totals.total === 0) return <Text>{t("charts.empty")}</Text>;
  const peak = byYear.categories
    .map((year, index) => ({
      year,
      value: byYear.series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0),
    }))
    .sort((a, b) => b.value - a.value)[0];
  const byYearSummary = peak
    ? t("charts.summaryByYear", { year: peak.year, amount: formatMoney(peak.value, lang) })
    : "";
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
        amount: formatMoney(topItem.value, lang),
      })
    : "";

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
      <ChartFigure
        title={t("charts.byYear")}
        summary={byYearSummary}
        chart={<EChart option={barOption} height={340} label={`${t("charts.byYear")}. ${byYearSummary}`} />}
        table={
          <DataTable
            head={[t("tree.direction"), ...byYear.categories]}
            rows={byYear.series.map((s) => [s.name, ...s.values.map((v) => formatThousands(v, lang))])}
          />
        }
      />
      <ChartFigure
        title={t("charts.bySource")}
        summary={shareSummary}
        chart={<EChart option={pieOption} height={340} label={`${t("charts.bySource")}. ${shareSummary}`} />}
        table={
          <DataTable
            head={[t("funding.source"), t("common.thousandUah"), "%"]}
            rows={shares.map((s) => [
              s.name,
              formatThousands(s.value, lang),
              s.percent.toLocaleString(localeOf(lang)),
            ])}
          />
        }
      />
      <ChartFigure
        title={t("charts.largest")}
        summary={largestSummary}
        chart={
          <EChart
            option={largestOption}
            height={Math.max(200, largest.length * 34)}
            label={`${t("charts.largest")}. ${largestSummary}`}
          />
        }
        table={
          <DataTable
            head={[t("tree.task"), t("common.thousandUah")]}
            rows={largest.map((item) => [item.label, formatThousands(item.value, lang)])}
          />
        }
      />
    </SimpleGrid>
  );
}
