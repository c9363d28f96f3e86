/**
 * The programme head's two annual reports as DOCX, A4 landscape: title block, the form table of
 * src/domain/monitoring/forms.ts (its columns in its order, header repeated on every page, direction
 * subtotals and the programme total as the form computes them), signature block.
 */
import { progressReport, resultsReport } from "../../domain/monitoring/forms.js";
import {
  type Body,
  formTableDocx,
  heading,
  packDocument,
  pageWidth,
  section,
  signatureBlock,
  titleBlockParagraphs,
} from "./docx-parts.js";
import type { ReportInput } from "./input.js";

/** Relative column widths of the progress form: № | title | executor | deadline | source | planned | actual | state | % | results. */
const PROGRESS_WEIGHTS = [5, 19, 13, 9, 10, 11, 11, 10, 7, 15];
/** № | direction | indicator | unit | baseline | target | actual | status. */
const INDICATOR_WEIGHTS = [5, 18, 34, 9, 9, 9, 9, 10];
/** source | planned | actual | % */
const FUNDING_WEIGHTS = [40, 20, 20, 12];

export async function progressReportDocx(input: ReportInput): Promise<Uint8Array> {
  const table = progressReport(input.programme, input.reports, input.year);
  const width = pageWidth("landscape");
  const body: Body = [
    heading(table.title),
    ...titleBlockParagraphs(input),
    formTableDocx(table, input.programme.unit, PROGRESS_WEIGHTS, width),
    ...signatureBlock(input, width),
  ];
  return packDocument(table.title, [section("landscape", body)]);
}

export async function resultsReportDocx(input: ReportInput): Promise<Uint8Array> {
  const report = resultsReport(input.programme, input.reports, input.year);
  const width = pageWidth("landscape");
  const body: Body = [
    heading(report.title),
    ...titleBlockParagraphs(input),
    heading(`1. ${report.indicators.title}`),
    formTableDocx(report.indicators, input.programme.unit, INDICATOR_WEIGHTS, width),
    heading(`2. ${report.funding.title}`),
    formTableDocx(report.funding, input.programme.unit, FUNDING_WEIGHTS, Math.round(width * 0.6)),
    ...signatureBlock(input, width),
  ];
  return packDocument(report.title, [section("landscape", body)]);
}
