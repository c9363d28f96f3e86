import { deadlineAllows, namesYears } from "../deadline.js";
import { type Item, isSummedSource, type Programme, type SourceKind, walkItems } from "../model.js";
import { assertKopecks, type Kopecks } from "../money.js";
import { comparePeriodKeys, type ReportingPeriod, submissionState } from "./periods.js";
import {
  type ExecutorReport,
  firstSubmissions,
  latestEffective,
  type ReportStatus,
  reportsOfYear,
  submissionKey,
} from "./reports.js";

/**
 * Planned vs actual and progress for one year, rolled up project → direction → programme.
 *
 * Projects are the leaf items (items without children): executors report on them. Planned money of a
 * project is its own funding rows for the year ("total" rows excluded); rows printed on parent items
 * are not counted, because parents print subtotals of their children.
 *
 * Actual money of a project for a year: the annual report's amounts when an effective annual report
 * ("YYYY-Y") exists — it covers the whole year — otherwise the sum of the effective half-year or
 * quarter reports of that year (each reports what was spent in its own period).
 *
 * Progress of a project (0–100): "done" → 100; otherwise its reported `progressPercent`, or 0 when it
 * gave none or has not reported. It comes from the annual report if any, else the latest sub-period.
 * Cancelled projects are left out of progress (weight 0) but counted in status counts.
 *
 * Weights: a project weighs its planned money for the year. Projects without planned money for the year
 * (financed "в межах бюджетних асигнувань" or not needing money) weigh the median of the positive
 * weights of all active projects of the programme, so that they are neither ignored nor dominant; when
 * no project has money, every project weighs 1. Direction and programme progress are the
 * weight-averaged progress of their projects, so the programme figure is also the weighted average
 * of the directions (direction weight = sum of its project weights).
 *
 * A project is active in a year when it has planned money in that year, or its deadline (years or a
 * quarter) covers the year; a project with money only in other years is inactive; a project with
 * neither money nor a dated deadline is active every year.
 */

export type SourceAmounts = Partial<Record<SourceKind, Kopecks>>;
export type ProjectStatus = ReportStatus | "no-report";

export interface ProjectRollup {
  itemId: string;
  number: string;
  title: string;
  executors: string[];
  directionIndex: number;
  planned: SourceAmounts;
  plannedTotal: Kopecks;
  actual: SourceAmounts;
  actualTotal: Kopecks;
  status: ProjectStatus;
  progress: number;
  weight: number;
  /** The effective reports of the year this project's figures come from. */
  reports: ExecutorReport[];
}

export interface GroupRollup {
  planned: SourceAmounts;
  plannedTotal: Kopecks;
  actual: SourceAmounts;
  actualTotal: Kopecks;
  /** Weighted progress 0–100; null when no project carries weight. */
  progress: number | null;
  weight: number;
  statusCounts: Record<ProjectStatus, number>;
  projectCount: number;
}

export interface DirectionRollup extends GroupRollup {
  index: number;
  number: string;
  title: string;
}

export interface YearRollup {
  year: number;
  projects: ProjectRollup[];
  directions: DirectionRollup[];
  programme: GroupRollup;
}

export function projectItems(items: Item[]): Item[] {
  return [...walkItems(items)].filter((item) => item.children.length === 0);
}

export function plannedForYear(item: Item, year: number): SourceAmounts {
  const out: SourceAmounts = {};
  for (const row of item.funding) {
    const amount = row.byYear[String(year)];
    if (!isSummedSource(row.source) || amount === undefined) continue;
    out[row.source] = assertKopecks((out[row.source] ?? 0) + amount);
  }
  return out;
}

export function sumAmounts(amounts: SourceAmounts): Kopecks {
  return assertKopecks(Object.values(amounts).reduce((sum, value) => sum + (value ?? 0), 0));
}

export function addAmounts(target: SourceAmounts, more: SourceAmounts): void {
  for (const [source, value] of Object.entries(more) as [SourceKind, Kopecks][]) {
    target[source] = assertKopecks((target[source] ?? 0) + value);
  }
}

function hasMoneyInOtherYears(item: Item): boolean {
  return item.funding.some(
    (row) => isSummedSource(row.source) && Object.values(row.byYear).some((v) => v > 0),
  );
}

export function isActiveInYear(item: Item, year: number): boolean {
  if (sumAmounts(plannedForYear(item, year)) > 0) return true;
  return namesYears(item.deadline) ? deadlineAllows(item.deadline, year) : !hasMoneyInOtherYears(item);
}

function actualOfReports(reports: ExecutorReport[]): SourceAmounts {
  const annual = reports.find((report) => report.periodKey.endsWith("-Y"));
  const out: SourceAmounts = {};
  for (const report of annual ? [annual] : reports) {
    for (const row of report.actual) out[row.source] = assertKopecks((out[row.source] ?? 0) + row.amount);
  }
  return out;
}

/** The report that speaks for the project's state at the end of what is reported: annual, else latest. */
export function governingReport(reports: ExecutorReport[]): ExecutorReport | undefined {
  const annual = reports.find((report) => report.periodKey.endsWith("-Y"));
  if (annual) return annual;
  return [...reports].sort((a, b) => comparePeriodKeys(a.periodKey, b.periodKey)).at(-1);
}

function progressOf(report: ExecutorReport | undefined): number {
  if (!report) return 0;
  if (report.status === "done") return 100;
  return report.progressPercent ?? 0;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function baseProject(
  item: Item,
  directionIndex: number,
  year: number,
  reports: ExecutorReport[],
): ProjectRollup {
  const planned = plannedForYear(item, year);
  const actual = actualOfReports(reports);
  const governing = governingReport(reports);
  return {
    itemId: item.id,
    number: item.number,
    title: item.title,
    executors: item.executors,
    directionIndex,
    planned,
    plannedTotal: sumAmounts(planned),
    actual,
    actualTotal: sumAmounts(actual),
    status: governing?.status ?? "no-report",
    progress: progressOf(governing),
    weight: 0,
    reports,
  };
}

/** Fills in the weights by the rule in the module comment. */
function assignWeights(projects: ProjectRollup[]): void {
  const counted = projects.filter((project) => project.status !== "cancelled");
  const positive = counted.map((project) => project.plannedTotal).filter((amount) => amount > 0);
  const fallback = positive.length > 0 ? median(positive) : 1;
  for (const project of counted) project.weight = project.plannedTotal > 0 ? project.plannedTotal : fallback;
}

export function emptyStatusCounts(): Record<ProjectStatus, number> {
  return { "not-started": 0, "in-progress": 0, done: 0, cancelled: 0, postponed: 0, "no-report": 0 };
}

export function groupOf(projects: ProjectRollup[]): GroupRollup {
  const planned: SourceAmounts = {};
  const actual: SourceAmounts = {};
  const statusCounts = emptyStatusCounts();
  let weight = 0;
  let weighted = 0;
  for (const project of projects) {
    addAmounts(planned, project.planned);
    addAmounts(actual, project.actual);
    statusCounts[project.status]++;
    weight += project.weight;
    weighted += project.weight * project.progress;
  }
  return {
    planned,
    plannedTotal: sumAmounts(planned),
    actual,
    actualTotal: sumAmounts(actual),
    progress: weight > 0 ? weighted / weight : null,
    weight,
    statusCounts,
    projectCount: projects.length,
  };
}

function reportsByItem(reports: ExecutorReport[]): Map<string, ExecutorReport[]> {
  const out = new Map<string, ExecutorReport[]>();
  for (const report of reports) out.set(report.itemId, [...(out.get(report.itemId) ?? []), report]);
  return out;
}

/** The active projects of `year` with their figures; `reports` may hold every report ever filed. */
export function projectRollups(
  programme: Programme,
  reports: readonly ExecutorReport[],
  year: number,
): ProjectRollup[] {
  const byItem = reportsByItem(reportsOfYear(latestEffective(reports), year));
  const projects = programme.directions.flatMap((direction, directionIndex) =>
    projectItems(direction.items)
      .filter((item) => isActiveInYear(item, year) || byItem.has(item.id))
      .map((item) => baseProject(item, directionIndex, year, byItem.get(item.id) ?? [])),
  );
  assignWeights(projects);
  return projects;
}

export function rollupYear(
  programme: Programme,
  reports: readonly ExecutorReport[],
  year: number,
): YearRollup {
  const projects = projectRollups(programme, reports, year);
  const directions = programme.directions.map((direction, index) => ({
    index,
    number: direction.number,
    title: direction.title,
    ...groupOf(projects.filter((project) => project.directionIndex === index)),
  }));
  return { year, projects, directions, programme: groupOf(projects) };
}

/** One YearRollup per programme year. */
export function rollupProgramme(programme: Programme, reports: readonly ExecutorReport[]): YearRollup[] {
  const out: YearRollup[] = [];
  for (let year = programme.period.from; year <= programme.period.to; year++) {
    out.push(rollupYear(programme, reports, year));
  }
  return out;
}

export interface MissingReport {
  itemId: string;
  number: string;
  title: string;
  executors: string[];
  periodKey: string;
  dueDate: string;
  overdue: boolean;
}

/** Active projects of the period's year with no report for the period submitted by `today`. */
export function missingReports(
  programme: Programme,
  reports: readonly ExecutorReport[],
  period: ReportingPeriod,
  today: string,
): MissingReport[] {
  const submittedAt = firstSubmissions(reports);
  return programme.directions.flatMap((direction) =>
    projectItems(direction.items)
      .filter((item) => isActiveInYear(item, period.year))
      .flatMap((item) => {
        const state = submissionState(
          period,
          submittedAt.get(submissionKey(item.id, period.key)) ?? null,
          today,
        );
        if (state === "on-time" || state === "late") return [];
        const { id: itemId, number, title, executors } = item;
        const overdue = state === "overdue";
        return [
          { itemId, number, title, executors, periodKey: period.key, dueDate: period.dueDate, overdue },
        ];
      }),
  );
}

/** Every report missing past its due day, over the given periods. */
export function overdueReports(
  programme: Programme,
  reports: readonly ExecutorReport[],
  periods: ReportingPeriod[],
  today: string,
): MissingReport[] {
  return periods.flatMap((period) =>
    missingReports(programme, reports, period, today).filter((missing) => missing.overdue),
  );
}
