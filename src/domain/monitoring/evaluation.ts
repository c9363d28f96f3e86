import type { Item, Programme, SourceKind } from "../model.js";
import type { Kopecks } from "../money.js";
import { type IndicatorStatus, indicatorActualForYear, indicatorStatus } from "./indicators.js";
import { type Cadence, reportingPeriods, submissionState } from "./periods.js";
import { type ExecutorReport, firstSubmissions, latestEffective, submissionKey } from "./reports.js";
import { type ProjectRollup, projectItems, rollupYear, type YearRollup } from "./rollup.js";

/**
 * The year's evaluation by the four criteria of the monitoring Procedure (Resolution No. 119):
 * 1. implementation on time and complete; 2. planned vs actual funding by amount and source;
 * 3. effectiveness of tasks; 4. indicator targets reached. Shares are 0–1 and null when there is
 * nothing to divide by, so a chart can show "no data" rather than 0 %.
 */
export interface YearEvaluation {
  year: number;
  implementation: {
    projects: number;
    done: number;
    /** Done and the deadline (its last year) not earlier than the reported year. */
    doneOnTime: number;
    /** Not done or cancelled although the deadline ended with this year or earlier. */
    behindSchedule: number;
    shareDone: number | null;
    shareDoneOnTime: number | null;
    /** Executor reports of the year's periods due by `today`, submitted on time / due in all. */
    reportsDue: number;
    reportsOnTime: number;
    shareReportsOnTime: number | null;
  };
  funding: {
    planned: Kopecks;
    actual: Kopecks;
    /** actual / planned; null when nothing was planned. */
    share: number | null;
    bySource: { source: SourceKind; planned: Kopecks; actual: Kopecks; share: number | null }[];
  };
  effectiveness: {
    /** Money-weighted progress 0–100 (see rollup.ts). */
    progress: number | null;
    statusCounts: YearRollup["programme"]["statusCounts"];
  };
  indicators: {
    total: number;
    reached: number;
    notReached: number;
    noData: number;
    /** reached / (reached + not reached): indicators without data are not counted as failures. */
    shareReached: number | null;
    items: { index: number; name: string; target: string; actual: string | null; status: IndicatorStatus }[];
  };
}

const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function deadlineEndYear(item: Item | undefined): number | null {
  const deadline = item?.deadline;
  if (deadline?.kind === "years") return deadline.to;
  if (deadline?.kind === "quarter") return deadline.year;
  if (deadline?.kind === "programme") return deadline.to ?? null;
  return null;
}

function implementationOf(
  programme: Programme,
  projects: ProjectRollup[],
  year: number,
): Omit<YearEvaluation["implementation"], "reportsDue" | "reportsOnTime" | "shareReportsOnTime"> {
  const items = new Map(
    programme.directions.flatMap((d) => projectItems(d.items)).map((item) => [item.id, item]),
  );
  const ended = (project: ProjectRollup): boolean =>
    (deadlineEndYear(items.get(project.itemId)) ?? Infinity) <= year;
  const done = projects.filter((project) => project.status === "done");
  const doneOnTime = done.filter(
    (project) => (deadlineEndYear(items.get(project.itemId)) ?? Infinity) >= year,
  );
  const behind = projects.filter((p) => p.status !== "done" && p.status !== "cancelled" && ended(p));
  return {
    projects: projects.length,
    done: done.length,
    doneOnTime: doneOnTime.length,
    behindSchedule: behind.length,
    shareDone: share(done.length, projects.length),
    shareDoneOnTime: share(doneOnTime.length, projects.length),
  };
}

function reportTimeliness(
  projects: ProjectRollup[],
  reports: readonly ExecutorReport[],
  year: number,
  cadence: Cadence,
  today: string,
): Pick<YearEvaluation["implementation"], "reportsDue" | "reportsOnTime" | "shareReportsOnTime"> {
  const firstSubmission = firstSubmissions(reports);
  const due = reportingPeriods({ from: year, to: year }, cadence).filter((period) => period.dueDate < today);
  let reportsDue = 0;
  let reportsOnTime = 0;
  for (const period of due) {
    for (const project of projects) {
      reportsDue++;
      const submitted = firstSubmission.get(submissionKey(project.itemId, period.key)) ?? null;
      if (submissionState(period, submitted, today) === "on-time") reportsOnTime++;
    }
  }
  return { reportsDue, reportsOnTime, shareReportsOnTime: share(reportsOnTime, reportsDue) };
}

function fundingOf(rollup: YearRollup): YearEvaluation["funding"] {
  const { planned, actual, plannedTotal, actualTotal } = rollup.programme;
  const sources = [...new Set([...Object.keys(planned), ...Object.keys(actual)])] as SourceKind[];
  return {
    planned: plannedTotal,
    actual: actualTotal,
    share: share(actualTotal, plannedTotal),
    bySource: sources.map((source) => {
      const p = planned[source] ?? 0;
      const a = actual[source] ?? 0;
      return { source, planned: p, actual: a, share: share(a, p) };
    }),
  };
}

function indicatorsOf(
  programme: Programme,
  reports: readonly ExecutorReport[],
  year: number,
): YearEvaluation["indicators"] {
  const effective = latestEffective(reports);
  const items = programme.indicators.map((indicator, index) => {
    const actual = indicatorActualForYear(indicator, index, effective, year);
    const target = indicator.targets[String(year)] ?? "";
    return { index, name: indicator.name, target, actual, status: indicatorStatus(indicator, actual, year) };
  });
  const count = (status: IndicatorStatus): number => items.filter((item) => item.status === status).length;
  const reached = count("reached");
  const notReached = count("not-reached");
  return {
    total: items.length,
    reached,
    notReached,
    noData: count("no-data"),
    shareReached: share(reached, reached + notReached),
    items,
  };
}

/** The evaluation summary of `year`; `today` decides which executor reports were already due. */
export function evaluateYear(
  programme: Programme,
  reports: readonly ExecutorReport[],
  year: number,
  options: { cadence: Cadence; today: string },
): YearEvaluation {
  const rollup = rollupYear(programme, reports, year);
  return {
    year,
    implementation: {
      ...implementationOf(programme, rollup.projects, year),
      ...reportTimeliness(rollup.projects, reports, year, options.cadence, options.today),
    },
    funding: fundingOf(rollup),
    effectiveness: { progress: rollup.programme.progress, statusCounts: rollup.programme.statusCounts },
    indicators: indicatorsOf(programme, reports, year),
  };
}
