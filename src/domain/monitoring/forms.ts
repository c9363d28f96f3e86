import { type Item, type Programme, SOURCE_LABELS_UK, type SourceKind, walkItems } from "../model.js";
import type { Kopecks } from "../money.js";
import { INDICATOR_STATUS_LABELS_UK, indicatorActualForYear, indicatorStatus } from "./indicators.js";
import { type ExecutorReport, latestEffective, REPORT_STATUS_LABELS_UK } from "./reports.js";
import { governingReport, type ProjectRollup, rollupYear, type SourceAmounts, sumAmounts } from "./rollup.js";

/**
 * Data of the programme head's two annual reports to the General State Customer (due 1 March).
 *
 * The official forms (Annex 5 to the Regulation on the National Informatization Programme; the annex
 * to the monitoring Procedure) are not at hand. The layout follows what the programmes' own
 * monitoring sections and task tables name, so that the report reads against the programme:
 * - progress report: per project and funding source — number, task/project, executor, deadline,
 *   source, planned and actual funding for the year, state of implementation, results; with a
 *   subtotal row per direction and a programme total row, as the task tables print them;
 * - results report: the indicator list (Annex 2 of the programmes) — number, direction, indicator,
 *   unit, baseline, target for the year, actual, reached or not; plus planned vs actual by source.
 * Money cells hold integer kopecks; an exporter formats them with formatAmount.
 */

export type CellValue = string | number | null;
export type ColumnType = "text" | "money" | "percent";

export interface Column {
  key: string;
  label: string;
  type: ColumnType;
}

export type RowKind = "project" | "direction" | "total" | "indicator" | "source";

export interface FormRow {
  kind: RowKind;
  /** Item id, direction index or indicator index the row is about; "" for totals. */
  ref: string;
  cells: Record<string, CellValue>;
}

export interface FormTable {
  title: string;
  columns: Column[];
  rows: FormRow[];
}

const PROGRESS_COLUMNS: Column[] = [
  { key: "number", label: "№ з/п", type: "text" },
  { key: "title", label: "Найменування завдання, проєкту, роботи з інформатизації", type: "text" },
  { key: "executor", label: "Виконавець", type: "text" },
  { key: "deadline", label: "Строк виконання", type: "text" },
  { key: "source", label: "Джерело фінансування", type: "text" },
  { key: "planned", label: "Заплановано", type: "money" },
  { key: "actual", label: "Фактично профінансовано", type: "money" },
  { key: "state", label: "Стан виконання", type: "text" },
  { key: "progress", label: "Виконано, %", type: "percent" },
  { key: "results", label: "Результати виконання", type: "text" },
];

function sourcesOf(project: Pick<ProjectRollup, "planned" | "actual">): SourceKind[] {
  const sources = new Set([...Object.keys(project.planned), ...Object.keys(project.actual)] as SourceKind[]);
  return [...sources].filter((s) => (project.planned[s] ?? 0) !== 0 || (project.actual[s] ?? 0) !== 0);
}

function projectRows(project: ProjectRollup, item: Item | undefined): FormRow[] {
  const governing = governingReport(project.reports);
  const base = {
    number: project.number,
    title: project.title,
    executor: [...new Set([...project.executors, ...project.reports.map((r) => r.unit)])].join("; "),
    deadline: item?.deadlineText ?? "",
    state: governing ? REPORT_STATUS_LABELS_UK[governing.status] : "звіт не подано",
    progress: project.status === "cancelled" ? null : project.progress,
    results: project.reports
      .map((report) => report.text.trim())
      .filter(Boolean)
      .join("\n"),
  };
  const sources = sourcesOf(project);
  if (sources.length === 0) {
    return [{ kind: "project", ref: project.itemId, cells: { ...base, source: "", planned: 0, actual: 0 } }];
  }
  return sources.map((source) => ({
    kind: "project",
    ref: project.itemId,
    cells: {
      ...base,
      source: SOURCE_LABELS_UK[source],
      planned: project.planned[source] ?? 0,
      actual: project.actual[source] ?? 0,
    },
  }));
}

function totalRow(
  kind: "direction" | "total",
  ref: string,
  title: string,
  planned: Kopecks,
  actual: Kopecks,
): FormRow {
  return {
    kind,
    ref,
    cells: {
      number: "",
      title,
      executor: "",
      deadline: "",
      source: "",
      planned,
      actual,
      state: "",
      progress: null,
      results: "",
    },
  };
}

/** The progress report (звіт про хід виконання Програми) for `year`. */
export function progressReport(
  programme: Programme,
  reports: readonly ExecutorReport[],
  year: number,
): FormTable {
  const rollup = rollupYear(programme, reports, year);
  const items = new Map(programme.directions.flatMap((d) => [...walkItems(d.items)]).map((i) => [i.id, i]));
  const rows: FormRow[] = [];
  rollup.directions.forEach((direction) => {
    const projects = rollup.projects.filter((project) => project.directionIndex === direction.index);
    if (projects.length === 0) return;
    rows.push(...projects.flatMap((project) => projectRows(project, items.get(project.itemId))));
    const title = `Усього за напрямом ${direction.number} ${direction.title}`.replace(/\s+/g, " ").trim();
    rows.push(
      totalRow("direction", String(direction.index), title, direction.plannedTotal, direction.actualTotal),
    );
  });
  const { plannedTotal, actualTotal } = rollup.programme;
  rows.push(totalRow("total", "", "Усього за Програмою", plannedTotal, actualTotal));
  return { title: `Звіт про хід виконання Програми за ${year} рік`, columns: PROGRESS_COLUMNS, rows };
}

const INDICATOR_COLUMNS: Column[] = [
  { key: "number", label: "№ з/п", type: "text" },
  { key: "direction", label: "Пріоритетний напрям", type: "text" },
  { key: "name", label: "Найменування індикатора", type: "text" },
  { key: "unit", label: "Одиниця виміру", type: "text" },
  { key: "baseline", label: "Базове значення", type: "text" },
  { key: "target", label: "Цільове значення", type: "text" },
  { key: "actual", label: "Фактичне значення", type: "text" },
  { key: "status", label: "Стан досягнення", type: "text" },
];

const FUNDING_COLUMNS: Column[] = [
  { key: "source", label: "Джерело фінансування", type: "text" },
  { key: "planned", label: "Заплановано", type: "money" },
  { key: "actual", label: "Фактично профінансовано", type: "money" },
  { key: "share", label: "Виконано, %", type: "percent" },
];

function fundingRows(planned: SourceAmounts, actual: SourceAmounts): FormRow[] {
  const sources = sourcesOf({ planned, actual });
  const percent = (a: number, p: number): number | null => (p > 0 ? (a / p) * 100 : null);
  const rows: FormRow[] = sources.map((source) => {
    const [p, a] = [planned[source] ?? 0, actual[source] ?? 0];
    return {
      kind: "source",
      ref: source,
      cells: { source: SOURCE_LABELS_UK[source], planned: p, actual: a, share: percent(a, p) },
    };
  });
  const [p, a] = [sumAmounts(planned), sumAmounts(actual)];
  rows.push({
    kind: "total",
    ref: "",
    cells: { source: "Усього", planned: p, actual: a, share: percent(a, p) },
  });
  return rows;
}

export interface ResultsReport {
  title: string;
  indicators: FormTable;
  funding: FormTable;
}

/** The results report (звіт про результати виконання Програми) for `year`. */
export function resultsReport(
  programme: Programme,
  reports: readonly ExecutorReport[],
  year: number,
): ResultsReport {
  const effective = latestEffective(reports);
  const indicatorRows: FormRow[] = programme.indicators.map((indicator, index) => {
    const actual = indicatorActualForYear(indicator, index, effective, year);
    const status = indicatorStatus(indicator, actual, year);
    const { number, direction, name, unit, baseline } = indicator;
    const target = indicator.targets[String(year)] ?? "";
    const cells = {
      number,
      direction,
      name,
      unit,
      baseline,
      target,
      actual,
      status: INDICATOR_STATUS_LABELS_UK[status],
    };
    return { kind: "indicator", ref: String(index), cells };
  });
  const rollup = rollupYear(programme, reports, year);
  return {
    title: `Звіт про результати виконання Програми за ${year} рік`,
    indicators: {
      title: "Досягнення цільових значень індикаторів",
      columns: INDICATOR_COLUMNS,
      rows: indicatorRows,
    },
    funding: {
      title: "Заплановані та фактичні обсяги і джерела фінансування",
      columns: FUNDING_COLUMNS,
      rows: fundingRows(rollup.programme.planned, rollup.programme.actual),
    },
  };
}
