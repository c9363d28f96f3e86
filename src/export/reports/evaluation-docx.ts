/**
 * The evaluation summary as DOCX, A4 portrait: title block, then for each of the four criteria its
 * tables and a chart (SVG, with a PNG fallback for word processors that cannot show SVG), signature.
 */
import { AlignmentType, ImageRun, Paragraph } from "docx";
import { formatPercent, formatShare } from "../../domain/format.js";
import { type ChartImage, chartsOf, svgToPng } from "./charts.js";
import {
  type Body,
  bodyParagraph,
  formTableDocx,
  heading,
  packDocument,
  pageWidth,
  section,
  signatureBlock,
  subheading,
  titleBlockParagraphs,
} from "./docx-parts.js";
import { CRITERIA, type EvaluationTables, evaluationTables } from "./evaluation.js";
import type { ReportInput } from "./input.js";

/** Chart width on the page in pixels (96 per inch): about 16 cm. */
const CHART_WIDTH = 600;

export function chartParagraph(chart: ChartImage | null): Paragraph[] {
  if (!chart) return [];
  const height = Math.round((CHART_WIDTH * chart.height) / chart.width);
  const image = new ImageRun({
    type: "svg",
    data: new TextEncoder().encode(chart.svg),
    fallback: { type: "png", data: svgToPng(chart.svg) },
    transformation: { width: CHART_WIDTH, height },
    altText: { name: chart.name, title: chart.title, description: chart.title },
  });
  return [new Paragraph({ alignment: AlignmentType.CENTER, children: [image] })];
}

function criteriaBody(tables: EvaluationTables, width: number): Body {
  const charts = chartsOf(tables);
  const { evaluation } = tables;
  const progress = evaluation.effectiveness.progress;
  const indicators = evaluation.indicators;
  return [
    heading(CRITERIA.implementation),
    formTableDocx(tables.implementation, tables.unit, [7, 3], width, false),
    ...chartParagraph(charts.implementation),
    heading(CRITERIA.funding),
    formTableDocx(tables.funding, tables.unit, [40, 20, 20, 12], width),
    ...chartParagraph(charts.funding),
    heading(CRITERIA.effectiveness),
    bodyParagraph(
      `Зважений за обсягом фінансування рівень виконання проєктів: ${progress === null ? "—" : `${formatPercent(progress)} %`}.`,
    ),
    subheading(tables.directions.title),
    formTableDocx(tables.directions, tables.unit, [34, 14, 14, 12, 14], width),
    ...chartParagraph(charts.directions),
    subheading(tables.statuses.title),
    formTableDocx(tables.statuses, tables.unit, [7, 3], Math.round(width * 0.6), false),
    ...chartParagraph(charts.statuses),
    heading(CRITERIA.indicators),
    bodyParagraph(
      `Досягнуто ${indicators.reached} з ${indicators.reached + indicators.notReached} індикаторів, за якими є дані (${formatShare(indicators.shareReached)}); без даних: ${indicators.noData}.`,
    ),
    formTableDocx(tables.indicators, tables.unit, [5, 12, 30, 9, 10, 10, 10, 14], width),
    ...chartParagraph(charts.indicators),
  ];
}

export async function evaluationSummaryDocx(input: ReportInput): Promise<Uint8Array> {
  const tables = evaluationTables(input);
  const width = pageWidth("portrait");
  const body: Body = [
    heading(tables.title),
    ...titleBlockParagraphs(input),
    ...criteriaBody(tables, width),
    ...signatureBlock(input, width),
  ];
  return packDocument(tables.title, [section("portrait", body)]);
}
