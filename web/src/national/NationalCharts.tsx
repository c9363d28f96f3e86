import { Anchor, Table } from "@mantine/core";
import { type EChartsCoreOption, getInstanceByDom } from "echarts/core";
import { type MouseEvent, useEffect, useMemo, useRef } from "react";
import type { OblastRank } from "../../../src/contract/national.js";
import { EChart } from "../charts/EChart.js";
import { useI18n } from "../i18n/index.js";
import { CROSS_COMMUNITY_UNIT, formatAmountIn, localeOf } from "../lib/format.js";
import { navigate } from "../lib/router.js";
import { ChartFigure } from "../shared/ChartFigure.js";
import { DataTable } from "../shared/DataTable.js";
import {
  type CategoryRange,
  canOpenOblast,
  formatPerResident,
  nationalPath,
  toHryvniaNumber,
} from "./nationalData.js";

/** The same blue as the workspace charts; the lower half of the box lighter, so the median shows. */
const LOWER = "#74a9e3";
const UPPER = "#1864ab";
const ROW_HEIGHT = 30;

type OblastRow = OblastRank;

/** Chart values are hryvnias per resident: whole hryvnias on the axis, kopecks in the tooltip. */
function useMoney() {
  const { lang } = useI18n();
  return useMemo(
    () => ({
      axis: (hryvnias: number) => hryvnias.toLocaleString(localeOf(lang), { maximumFractionDigits: 0 }),
      exact: (hryvnias: number) => formatPerResident(Math.round(hryvnias * 100), lang),
    }),
    [lang],
  );
}

/** Per category: a bar from the lower to the upper quartile, split at the median. */
export function CategoryRangeChart({ ranges }: { ranges: CategoryRange[] }) {
  const { t, lang } = useI18n();
  const money = useMoney();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: { dataIndex: number }[]) => {
          const range = ranges[params[0]?.dataIndex ?? 0];
          if (!range) return "";
          return [
            `<b>${range.label}</b>`,
            `${t("national.q1")}: ${formatPerResident(range.q1, lang)}`,
            `${t("national.median")}: ${formatPerResident(range.median, lang)}`,
            `${t("national.q3")}: ${formatPerResident(range.q3, lang)}`,
            `${t("national.outliers")}: ${range.outlierCount}`,
          ].join("<br>");
        },
      },
      legend: { bottom: 0, data: [t("national.lowerHalf"), t("national.upperHalf")] },
      grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: money.axis } },
      yAxis: { type: "category", inverse: true, data: ranges.map((range) => range.label) },
      series: [
        {
          type: "bar",
          stack: "range",
          silent: true,
          itemStyle: { color: "transparent" },
          data: ranges.map((range) => toHryvniaNumber(range.q1)),
        },
        {
          type: "bar",
          stack: "range",
          name: t("national.lowerHalf"),
          itemStyle: { color: LOWER },
          data: ranges.map((range) => toHryvniaNumber(range.median - range.q1)),
        },
        {
          type: "bar",
          stack: "range",
          name: t("national.upperHalf"),
          itemStyle: { color: UPPER },
          data: ranges.map((range) => toHryvniaNumber(range.q3 - range.median)),
          // Where the quartiles coincide (one community, or all alike) the bars have no width: the value says it.
          label: {
            show: true,
            position: "right",
            formatter: ({ dataIndex }: { dataIndex: number }) => {
              const range = ranges[dataIndex];
              return range && range.q1 === range.q3 ? formatPerResident(range.median, lang) : "";
            },
          },
        },
      ],
    }),
    [ranges, money, t, lang],
  );
  const top = ranges[0];
  const summary = top
    ? t("national.categorySummary", { label: top.label, amount: formatPerResident(top.median, lang) })
    : "";
  return (
    <ChartFigure
      title={t("national.categoryChart")}
      summary={summary}
      chart={
        <EChart
          option={option}
          height={Math.max(200, ranges.length * ROW_HEIGHT + 60)}
          label={`${t("national.categoryChart")}. ${summary}`}
        />
      }
      table={
        <DataTable
          head={[
            t("national.category"),
            t("national.q1"),
            t("national.median"),
            t("national.q3"),
            t("national.outliers"),
          ]}
          rows={ranges.map((range) => [
            range.label,
            formatPerResident(range.q1, lang),
            formatPerResident(range.median, lang),
            formatPerResident(range.q3, lang),
            String(range.outlierCount),
          ])}
        />
      }
    />
  );
}

const oblastLabel = (row: OblastRow) => `${row.rank}. ${row.oblast}`;

function oblastPath(oblast: string, year: number): string {
  return nationalPath({ year, oblast });
}

/** Opens an oblast's view when its bar or its axis label is clicked (rows without an oblast excepted). */
function useOpenOnClick(oblasts: OblastRow[], year: number) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // EChart (a child) has created its instance by now: children's effects run first.
    const element = holder.current?.firstElementChild;
    const chart = element instanceof HTMLElement ? getInstanceByDom(element) : undefined;
    if (!chart) return;
    const open = (params: { componentType?: string; dataIndex?: number; value?: unknown }) => {
      const row =
        params.componentType === "yAxis"
          ? oblasts.find((each) => oblastLabel(each) === params.value)
          : oblasts[params.dataIndex ?? -1];
      if (row && canOpenOblast(row.oblast)) navigate(oblastPath(row.oblast, year));
    };
    chart.on("click", open);
    return () => {
      chart.off("click", open);
    };
  }, [oblasts, year]);
  return holder;
}

function OblastLink({ oblast, year }: { oblast: string; year: number }) {
  const { t } = useI18n();
  if (!canOpenOblast(oblast)) return <>{oblast}</>;
  const href = oblastPath(oblast, year);
  return (
    <Anchor
      href={href}
      title={t("national.openOblast", { oblast })}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        navigate(href);
      }}
    >
      {oblast}
    </Anchor>
  );
}

function OblastTable({ oblasts, year }: { oblasts: OblastRow[]; year: number }) {
  const { t, lang } = useI18n();
  const head = [
    t("national.oblast"),
    t("national.rank"),
    t("national.communities"),
    t("national.median"),
    t("national.q1"),
    t("national.q3"),
    t("national.totalThousand"),
  ];
  return (
    <div style={{ overflowX: "auto" }}>
      <Table fz="sm" striped data-testid="national-oblasts">
        <Table.Thead>
          <Table.Tr>
            {head.map((cell, index) => (
              <Table.Th scope="col" key={cell} className={index > 0 ? "num" : undefined}>
                {cell}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {oblasts.map((each) => (
            <Table.Tr key={each.oblast}>
              <Table.Td>
                <OblastLink oblast={each.oblast} year={year} />
              </Table.Td>
              <Table.Td className="num">{each.rank}</Table.Td>
              <Table.Td className="num">{each.communities}</Table.Td>
              <Table.Td className="num">{formatPerResident(each.per_resident.median, lang)}</Table.Td>
              <Table.Td className="num">{formatPerResident(each.per_resident.q1, lang)}</Table.Td>
              <Table.Td className="num">{formatPerResident(each.per_resident.q3, lang)}</Table.Td>
              <Table.Td className="num">
                {formatAmountIn(each.total_kopecks, CROSS_COMMUNITY_UNIT, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Oblasts by the median per-resident spend of their communities, first place on top; each opens. */
export function OblastRankingChart({ oblasts, year }: { oblasts: OblastRow[]; year: number }) {
  const { t, lang } = useI18n();
  const money = useMoney();
  const holder = useOpenOnClick(oblasts, year);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      color: [UPPER],
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: money.exact },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: money.axis } },
      yAxis: { type: "category", inverse: true, triggerEvent: true, data: oblasts.map(oblastLabel) },
      series: [
        {
          type: "bar",
          name: t("national.median"),
          cursor: "pointer",
          data: oblasts.map((each) => toHryvniaNumber(each.per_resident.median)),
        },
      ],
    }),
    [oblasts, money, t],
  );
  const first = oblasts[0];
  const summary = first
    ? t("national.oblastSummary", {
        oblast: first.oblast,
        amount: formatPerResident(first.per_resident.median, lang),
      })
    : "";
  return (
    <ChartFigure
      title={t("national.oblastChart")}
      summary={summary && `${summary} ${t("national.oblastOpenHint")}`}
      chart={
        <div ref={holder}>
          <EChart
            option={option}
            height={Math.max(200, oblasts.length * ROW_HEIGHT + 24)}
            label={`${t("national.oblastChart")}. ${summary}`}
          />
        </div>
      }
      table={<OblastTable oblasts={oblasts} year={year} />}
    />
  );
}
