/**
 * The tables of the evaluation summary by the four criteria of the monitoring Procedure, in the
 * same FormTable shape as the two reports, so that DOCX and tests treat them alike.
 */

import { formatShare } from "../../domain/format.js";
import type { MoneyUnit } from "../../domain/money.js";
import { evaluateYear, type YearEvaluation } from "../../domain/monitoring/evaluation.js";
import { type FormRow, type FormTable, resultsReport } from "../../domain/monitoring/forms.js";
import { REPORT_STATUS_LABELS_UK } from "../../domain/monitoring/reports.js";
import { type ProjectStatus, rollupYear, type YearRollup } from "../../domain/monitoring/rollup.js";
import { numbered } from "../annex.js";
import { compiledOn, type ReportInput } from "./input.js";

export const PROJECT_STATUS_LABELS_UK: Record<ProjectStatus, string> = {
  ...REPORT_STATUS_LABELS_UK,
  "no-report": "звіт не подано",
};

export const CRITERIA = {
  implementation: "1. Виконання завдань, проєктів і робіт в установлені строки та в повному обсязі",
  funding: "2. Відповідність фактичних обсягів і джерел фінансування запланованим",
  effectiveness: "3. Ефективність виконання завдань",
  indicators: "4. Досягнення цільових значень індикаторів",
} as const;

export interface EvaluationTables {
  title: string;
  /** The programme's unit, which the tables' and charts' amounts are printed in. */
  unit: MoneyUnit;
  evaluation: YearEvaluation;
  rollup: YearRollup;
  implementation: FormTable;
  funding: FormTable;
  directions: FormTable;
  statuses: FormTable;
  indicators: FormTable;
}

export function evaluationOf(input: ReportInput): YearEvaluation {
  const options = { cadence: input.cadence ?? "half-year", today: compiledOn(input) };
  return evaluateYear(input.programme, input.reports, input.year, options);
}

const countOf = (part: number, whole: number): string =>
  `${part} з ${whole} (${formatShare(whole > 0 ? part / whole : null)})`;

function implementationTable(evaluation: YearEvaluation): FormTable {
  const i = evaluation.implementation;
  const lines: [string, string][] = [
    ["Проєктів (заходів), що виконувалися у звітному році", String(i.projects)],
    ["Виконано в повному обсязі", countOf(i.done, i.projects)],
    ["Виконано в установлений строк", countOf(i.doneOnTime, i.projects)],
    ["Не виконано, хоча строк виконання минув", String(i.behindSchedule)],
    ["Звітів виконавців, строк подання яких настав", String(i.reportsDue)],
    ["Подано вчасно", countOf(i.reportsOnTime, i.reportsDue)],
  ];
  return {
    title: CRITERIA.implementation,
    columns: [
      { key: "measure", label: "Показник", type: "text" },
      { key: "value", label: "Значення", type: "text" },
    ],
    rows: lines.map(([measure, value], index) => ({
      kind: "source",
      ref: String(index),
      cells: { measure, value },
    })),
  };
}

const percentOf = (part: number, whole: number): number | null => (whole > 0 ? (part / whole) * 100 : null);

function directionsTable(rollup: YearRollup): FormTable {
  const rows: FormRow[] = rollup.directions
    .filter((direction) => direction.projectCount > 0)
    .map((direction) => ({
      kind: "direction",
      ref: String(direction.index),
      cells: {
        direction: numbered(direction.number, direction.title),
        planned: direction.plannedTotal,
        actual: direction.actualTotal,
        share: percentOf(direction.actualTotal, direction.plannedTotal),
        progress: direction.progress,
      },
    }));
  const total = rollup.programme;
  rows.push({
    kind: "total",
    ref: "",
    cells: {
      direction: "Усього за Програмою",
      planned: total.plannedTotal,
      actual: total.actualTotal,
      share: percentOf(total.actualTotal, total.plannedTotal),
      progress: total.progress,
    },
  });
  return {
    title: "Виконання за пріоритетними напрямами",
    columns: [
      { key: "direction", label: "Пріоритетний напрям", type: "text" },
      { key: "planned", label: "Заплановано", type: "money" },
      { key: "actual", label: "Фактично профінансовано", type: "money" },
      { key: "share", label: "Профінансовано, %", type: "percent" },
      { key: "progress", label: "Зважений рівень виконання, %", type: "percent" },
    ],
    rows,
  };
}

function statusesTable(rollup: YearRollup): FormTable {
  const counts = rollup.programme.statusCounts;
  const rows: FormRow[] = (Object.keys(PROJECT_STATUS_LABELS_UK) as ProjectStatus[]).map((status) => ({
    kind: "source",
    ref: status,
    cells: { status: PROJECT_STATUS_LABELS_UK[status], count: String(counts[status]) },
  }));
  rows.push({
    kind: "total",
    ref: "",
    cells: { status: "Усього", count: String(rollup.programme.projectCount) },
  });
  return {
    title: "Стан виконання проєктів",
    columns: [
      { key: "status", label: "Стан виконання", type: "text" },
      { key: "count", label: "Кількість проєктів", type: "text" },
    ],
    rows,
  };
}

export function evaluationTables(input: ReportInput): EvaluationTables {
  const { programme, reports, year } = input;
  const evaluation = evaluationOf(input);
  const rollup = rollupYear(programme, reports, year);
  const results = resultsReport(programme, reports, year);
  return {
    title: `Оцінка ефективності виконання Програми за ${year} рік`,
    unit: programme.unit,
    evaluation,
    rollup,
    implementation: implementationTable(evaluation),
    funding: results.funding,
    directions: directionsTable(rollup),
    statuses: statusesTable(rollup),
    indicators: results.indicators,
  };
}
