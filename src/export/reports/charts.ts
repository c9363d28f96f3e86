/**
 * Charts of the evaluation summary, drawn without a browser: ECharts' server-side SVG renderer,
 * and resvg for the PNG that DOCX needs as a fallback for word processors without SVG support.
 */
import { Resvg } from "@resvg/resvg-js";
import type { EChartsOption } from "echarts";
import * as echarts from "echarts";
import { formatPercent } from "../../domain/format.js";
import { SOURCE_LABELS_UK } from "../../domain/model.js";
import { unitLabel } from "../../domain/money.js";
import { INDICATOR_STATUS_LABELS_UK } from "../../domain/monitoring/indicators.js";
import type { ProjectStatus } from "../../domain/monitoring/rollup.js";
import { amountNumber } from "../amounts.js";
import { type EvaluationTables, evaluationTables, PROJECT_STATUS_LABELS_UK } from "./evaluation.js";
import type { ReportInput } from "./input.js";

export interface ChartImage {
  /** File name without extension: "funding-by-source". */
  name: string;
  title: string;
  svg: string;
  width: number;
  height: number;
}

/** One chart per criterion (two for effectiveness); null where there is nothing to draw. */
export interface EvaluationCharts {
  implementation: ChartImage | null;
  funding: ChartImage | null;
  directions: ChartImage | null;
  statuses: ChartImage | null;
  indicators: ChartImage | null;
}

const WIDTH = 640;
const HEIGHT = 320;
const FONT_FAMILY = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const PLANNED_COLOR = "#5470c6";
const ACTUAL_COLOR = "#91cc75";

function renderSvg(option: EChartsOption, width = WIDTH, height = HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function titled(text: string): EChartsOption["title"] {
  return { text, left: "center", textStyle: { fontSize: 14, fontFamily: FONT_FAMILY } };
}

const numberFormat = new Intl.NumberFormat("uk-UA");
const ukrainianNumber = (value: number): string => numberFormat.format(value);

/** Bar labels with a decimal comma: 7,7 rather than 7.7. */
function percentLabel(position: "top" | "right") {
  const formatter = (params: { value?: unknown }): string => formatPercent(Number(params.value));
  return { show: true, position, formatter };
}

const percent = (share: number | null): number => (share === null ? 0 : Math.round(share * 1000) / 10);

function implementationChart(tables: EvaluationTables): ChartImage {
  const i = tables.evaluation.implementation;
  const title = "Виконання в установлені строки, %";
  const categories = ["Виконано", "Виконано вчасно", "Звіти подано вчасно"];
  const values = [i.shareDone, i.shareDoneOnTime, i.shareReportsOnTime].map(percent);
  const svg = renderSvg({
    title: titled(title),
    grid: { left: 60, right: 30, top: 50, bottom: 40 },
    xAxis: { type: "category", data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: "value", max: 100 },
    series: [{ type: "bar", data: values, color: PLANNED_COLOR, label: percentLabel("top") }],
  });
  return { name: "implementation", title, svg, width: WIDTH, height: HEIGHT };
}

function fundingChart(tables: EvaluationTables): ChartImage {
  const sources = tables.evaluation.funding.bySource;
  const { unit } = tables;
  const title = `Фінансування за джерелами: план і факт, ${unitLabel(unit)}`;
  const svg = renderSvg({
    title: titled(title),
    legend: { bottom: 0 },
    grid: { left: 80, right: 30, top: 50, bottom: 60 },
    xAxis: {
      type: "category",
      data: sources.map((r) => SOURCE_LABELS_UK[r.source]),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: "value", axisLabel: { formatter: ukrainianNumber } },
    series: [
      {
        name: "Заплановано",
        type: "bar",
        color: PLANNED_COLOR,
        data: sources.map((row) => amountNumber(row.planned, unit)),
      },
      {
        name: "Фактично",
        type: "bar",
        color: ACTUAL_COLOR,
        data: sources.map((row) => amountNumber(row.actual, unit)),
      },
    ],
  });
  return { name: "funding-by-source", title, svg, width: WIDTH, height: HEIGHT };
}

function directionsChart(tables: EvaluationTables): ChartImage {
  const directions = tables.rollup.directions.filter((direction) => direction.projectCount > 0);
  const title = "Зважений рівень виконання за напрямами, %";
  const svg = renderSvg({
    title: titled(title),
    grid: { left: 90, right: 40, top: 50, bottom: 30 },
    xAxis: { type: "value", max: 100 },
    yAxis: { type: "category", inverse: true, data: directions.map((d) => `Напрям ${d.number}`) },
    series: [
      {
        type: "bar",
        color: PLANNED_COLOR,
        label: percentLabel("right"),
        data: directions.map((d) => (d.progress === null ? 0 : Math.round(d.progress * 10) / 10)),
      },
    ],
  });
  return { name: "direction-progress", title, svg, width: WIDTH, height: HEIGHT };
}

function statusChart(tables: EvaluationTables): ChartImage {
  const counts = tables.rollup.programme.statusCounts;
  const statuses = (Object.keys(counts) as ProjectStatus[]).filter((status) => counts[status] > 0);
  const title = "Стан виконання проєктів";
  const svg = renderSvg({
    title: titled(title),
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        radius: "60%",
        label: { formatter: "{c}" },
        data: statuses.map((status) => ({ name: PROJECT_STATUS_LABELS_UK[status], value: counts[status] })),
      },
    ],
  });
  return { name: "project-status", title, svg, width: WIDTH, height: HEIGHT };
}

function indicatorChart(tables: EvaluationTables): ChartImage {
  const { reached, notReached, noData } = tables.evaluation.indicators;
  const title = "Досягнення цільових значень індикаторів";
  const data = [
    { name: INDICATOR_STATUS_LABELS_UK.reached, value: reached, itemStyle: { color: ACTUAL_COLOR } },
    { name: INDICATOR_STATUS_LABELS_UK["not-reached"], value: notReached, itemStyle: { color: "#ee6666" } },
    { name: INDICATOR_STATUS_LABELS_UK["no-data"], value: noData, itemStyle: { color: "#bbbbbb" } },
  ].filter((slice) => slice.value > 0);
  const svg = renderSvg({
    title: titled(title),
    legend: { bottom: 0 },
    series: [{ type: "pie", radius: "60%", label: { formatter: "{c}" }, data }],
  });
  return { name: "indicators", title, svg, width: WIDTH, height: HEIGHT };
}

/** The charts of one criterion each; a chart with nothing to show (no sources, no indicators) is left out. */
export function chartsOf(tables: EvaluationTables): EvaluationCharts {
  const { evaluation, rollup } = tables;
  return {
    implementation: evaluation.implementation.projects > 0 ? implementationChart(tables) : null,
    funding: evaluation.funding.bySource.length > 0 ? fundingChart(tables) : null,
    directions: rollup.programme.projectCount > 0 ? directionsChart(tables) : null,
    statuses: rollup.programme.projectCount > 0 ? statusChart(tables) : null,
    indicators: evaluation.indicators.total > 0 ? indicatorChart(tables) : null,
  };
}

/** Every chart of the evaluation summary as an SVG document. */
export function evaluationCharts(input: ReportInput): { name: string; svg: string }[] {
  return Object.values(chartsOf(evaluationTables(input)))
    .filter((chart): chart is ChartImage => chart !== null)
    .map(({ name, svg }) => ({ name, svg }));
}

/** A PNG of the SVG at twice its size, white background, system fonts (text is left out where none). */
export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return new Uint8Array(resvg.render().asPng());
}
