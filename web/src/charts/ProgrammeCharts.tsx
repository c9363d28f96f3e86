import { SimpleGrid, Text } from "@mantine/core";
import { useMemo } from "react";
import type { Programme } from "../../../src/domain/model.js";
import type { Totals } from "../../../src/domain/totals.js";
import { useI18n } from "../i18n/index.js";
import { fundingByYearByDirection, largestItems, shorten, sourceShares } from "../lib/chartData.js";
import { localeOf } from "../lib/format.js";
import { ChartFigure } from "../shared/ChartFigure.js";
import { DataTable } from "../shared/DataTable.js";
import { useMoney } from "../shared/money.js";
import { sourceLabels } from "../shared/sources.js";
import { axisFormat, byYearOption, largestOption, sharesOption } from "./chartOptions.js";
import { EChart } from "./EChart.js";

/**
 * Funding by year and direction, source shares, largest tasks: ECharts with text and table alternatives,
 * in the programme's unit (see chartOptions.ts).
 */
export function ProgrammeCharts({ programme, totals }: { programme: Programme; totals: Totals }) {
  const { t, lang } = useI18n();
  const byYear = useMemo(() => fundingByYearByDirection(programme), [programme]);
  const shares = useMemo(() => sourceShares(totals, sourceLabels(lang)), [totals, lang]);
  const largest = useMemo(() => largestItems(programme, 10), [programme]);
  const { amount, money, unitName } = useMoney();
  const format = useMemo(() => axisFormat(amount), [amount]);
  const barOption = useMemo(() => byYearOption(byYear, format), [byYear, format]);
  const pieOption = useMemo(() => sharesOption(shares, format, lang), [shares, format, lang]);
  const largestChart = useMemo(() => largestOption(largest, format), [largest, format]);

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
            option={largestChart}
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
