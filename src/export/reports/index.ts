/** The programme head's annual reports and the evaluation summary as DOCX and XLSX files. */
export { type ChartImage, evaluationCharts, svgToPng } from "./charts.js";
export { progressReportDocx, resultsReportDocx } from "./docx.js";
export { evaluationTables } from "./evaluation.js";
export { evaluationSummaryDocx } from "./evaluation-docx.js";
export { type ProgrammeHead, programmeHead, type ReportInput, splitHead, titleBlock } from "./input.js";
export { progressReportXlsx, RAW_SHEET, REPORT_SHEETS, resultsReportXlsx } from "./xlsx.js";
