/**
 * Executors' reports of a synthetic programme for the first two years of its period: one report per
 * project (leaf item), org unit and reporting period (half-years and the year) while the project is
 * active, all submitted and locked, a few corrected. Drawn from their own random stream, so the
 * programmes themselves do not change.
 */
import { type Indicator, type Item, type Programme, walkItems } from "../model.js";
import type { Kopecks } from "../money.js";
import { type Cadence, type ReportingPeriod, reportingPeriods } from "../monitoring/periods.js";
import type { ActualFunding, Attachment, ExecutorReport, ReportStatus } from "../monitoring/reports.js";
import { isActiveInYear, plannedForYear } from "../monitoring/rollup.js";
import type { Random } from "./prng.js";

export const REPORT_CADENCE: Cadence = "half-year";
/** Reports cover the programme's first two years. */
export const REPORTED_YEARS = 2;
const CORRECTION_SHARE = 0.02;
const PROZORRO_SHARE = 0.35;
const INDICATOR_REPORTED_SHARE = 0.6;
const DAY_MS = 86_400_000;

export interface ProgrammeReports {
  cadence: Cadence;
  /** Org units of the community that execute the programme's projects (from the executor names). */
  units: string[];
  reports: ExecutorReport[];
}

/** A reporting period with its dates as epoch milliseconds, parsed once per programme. */
interface Period extends ReportingPeriod {
  startMs: number;
  endMs: number;
  dueMs: number;
}

/** Where a project stands after a period; carried from one period to the next. */
interface ProjectState {
  status: ReportStatus;
  progress: number;
  tendered: boolean;
}

interface Context {
  random: Random;
  /** The first 20 of the 30 free decimal digits of the programme's report ids. */
  idPrefix: string;
  reports: ExecutorReport[];
}

export function generateReports(random: Random, programme: Programme): ProgrammeReports {
  const { from, to } = programme.period;
  const context: Context = {
    random,
    idPrefix: reportIdPrefix(programme),
    reports: [],
  };
  const years = Array.from({ length: REPORTED_YEARS }, (_, offset) => from + offset).filter((y) => y <= to);
  const periods = reportingPeriods(programme.period, REPORT_CADENCE)
    .filter((period) => years.includes(period.year))
    .map((period) => ({
      ...period,
      startMs: Date.parse(period.start),
      endMs: Date.parse(period.end),
      dueMs: Date.parse(period.dueDate),
    }));
  const projects = programme.directions.flatMap((direction) =>
    [...walkItems(direction.items)].filter((item) => item.children.length === 0),
  );
  for (const item of projects) {
    for (const unit of unitsOf(item)) projectReports(context, item, unit, periods);
  }
  for (const year of years) attachIndicatorActuals(context, programme, year);
  return { cadence: REPORT_CADENCE, units: unitNames(projects), reports: context.reports };
}

/**
 * Report ids are UUIDs (the report routes accept nothing else) of version 8, whose free digits carry
 * the community's KATOTTG digits (its serial first, so that a generated nation's ids grow in load
 * order), the period and the report's number: unique for every programme a store can hold (one per
 * community and period), never equal to the random version-4 ids of reports made in the app.
 */
function reportIdPrefix(programme: Programme): string {
  const digits = programme.community.katottg.replace(/\D/g, "");
  if (digits.length !== 17)
    throw new Error(`KATOTTG code of 17 digits expected: ${programme.community.katottg}`);
  const { from, to } = programme.period;
  return `${digits.slice(11)}${digits.slice(0, 11)}${String(from % 100).padStart(2, "0")}${to - from}`;
}

function reportId(context: Context): string {
  const payload = `${context.idPrefix}${String(context.reports.length + 1).padStart(6, "0")}0000`;
  const [a, b, c, d, e] = [
    payload.slice(0, 8),
    payload.slice(8, 12),
    payload.slice(12, 15),
    payload.slice(15, 18),
    payload.slice(18),
  ];
  return `${a}-${b}-8${c}-8${d}-${e}`;
}

/** The executor names of a project as org-unit names ("відділ освіти" → "Відділ освіти"). */
function unitsOf(item: Item): string[] {
  const names = item.executors.map((name) => name.replace(/\s+/g, " ").trim()).filter(Boolean);
  return [...new Set(names.map((name) => name.charAt(0).toUpperCase() + name.slice(1)))];
}

function unitNames(projects: Item[]): string[] {
  return [...new Set(projects.flatMap(unitsOf))];
}

function projectReports(context: Context, item: Item, unit: string, periods: Period[]): void {
  let state: ProjectState = { status: "not-started", progress: 0, tendered: false };
  for (const year of new Set(periods.map((period) => period.year))) {
    if (!isActiveInYear(item, year)) continue;
    const ofYear = periods.filter((period) => period.year === year);
    state = yearReports(context, { item, unit, year, periods: ofYear }, state);
  }
}

interface YearScope {
  item: Item;
  unit: string;
  year: number;
  periods: Period[];
}

/** The year's half-year reports, then the annual one summing their (corrected) money. */
function yearReports(context: Context, scope: YearScope, start: ProjectState): ProjectState {
  const { random } = context;
  const planned = plannedActual(scope.item, scope.year);
  const target = spendingTarget(random, planned);
  const halves = scope.periods.filter((period) => period.kind !== "year");
  const sums = planned.map(({ source, label }) => ({ source, label, amount: 0 }));
  let state = start;
  halves.forEach((period, index) => {
    const halvesLeft =
      (lastYear(scope.item, scope.year) - scope.year) * halves.length + halves.length - index;
    state = nextState(random, state, halvesLeft);
    const spent = halfSpending(random, state.status, target, sums, index === halves.length - 1);
    const report = submitted(context, scope, period, state, spent);
    state = { ...state, tendered: maybeTender(random, state, report, period) };
    maybeCorrect(context, report, period).actual.forEach((row, at) => {
      const sum = sums[at];
      if (sum) sum.amount += row.amount;
    });
  });
  const annual = scope.periods.find((period) => period.kind === "year");
  if (annual) maybeCorrect(context, submitted(context, scope, annual, state, sums), annual);
  return state;
}

/** The planned money of the year per source, as zero-amount actual rows in the funding rows' order. */
function plannedActual(item: Item, year: number): (ActualFunding & { planned: Kopecks })[] {
  const planned = plannedForYear(item, year);
  return item.funding.flatMap((row) => {
    const amount = planned[row.source];
    if (!amount || row.source === "total") return [];
    delete planned[row.source];
    return [{ source: row.source, label: row.label, amount: 0, planned: amount }];
  });
}

/** The year's spending per source: close to plan, rarely exactly on it, sometimes over. */
function spendingTarget(random: Random, planned: { planned: Kopecks }[]): Kopecks[] {
  return planned.map(({ planned: amount }) => {
    const factor = random.chance(0.1) ? 1 + random.next() * 0.08 : 0.85 + random.next() * 0.149;
    const spent = Math.round(amount * factor);
    return spent === amount ? amount - 1 : spent;
  });
}

/** The last year of the project's deadline (its reporting year when the deadline names none). */
function lastYear(item: Item, year: number): number {
  return item.deadline?.kind === "years" ? Math.max(year, item.deadline.to) : year;
}

/**
 * The project's status after one more half-year, `halvesLeft` counting this one: progress moves
 * towards 100 at the pace of the deadline; most projects finish in their last half-year. Done and
 * cancelled are final.
 */
function nextState(random: Random, state: ProjectState, halvesLeft: number): ProjectState {
  const { status, progress } = state;
  if (status === "done" || status === "cancelled") return state;
  const roll = random.next();
  if (roll < 0.015) return { ...state, status: "cancelled" };
  if (roll < 0.05) return { ...state, status: "postponed" };
  if (status === "not-started" && halvesLeft > 1 && random.chance(0.25)) return state;
  if (halvesLeft <= 1 && random.chance(0.8)) return { ...state, status: "done", progress: 100 };
  const step = Math.round(((100 - progress) / Math.max(1, halvesLeft)) * (0.5 + random.next() * 0.8));
  return { ...state, status: "in-progress", progress: Math.min(99, Math.max(1, progress + step)) };
}

/** Money of one half-year: a share of the year's target; the last half spends the rest when working. */
function halfSpending(
  random: Random,
  status: ReportStatus,
  target: Kopecks[],
  spentBefore: ActualFunding[],
  isLast: boolean,
): ActualFunding[] {
  const working = status === "in-progress" || status === "done";
  const share = 0.2 + random.next() * 0.4;
  return spentBefore.map((row, at) => {
    const rest = Math.max(0, (target[at] ?? 0) - row.amount);
    const amount = !working ? 0 : isLast ? rest : Math.round(rest * share);
    return { source: row.source, label: row.label, amount };
  });
}

function submitted(
  context: Context,
  scope: YearScope,
  period: Period,
  state: ProjectState,
  actual: ActualFunding[],
): ExecutorReport {
  const at = submissionTime(context.random, period);
  const report: ExecutorReport = {
    id: reportId(context),
    itemId: scope.item.id,
    periodKey: period.key,
    unit: scope.unit,
    status: state.status,
    actual: actual.map(({ source, label, amount }) => ({ source, label, amount })),
    progressPercent: state.progress,
    text: reportText(scope, period, state),
    attachments: [],
    indicatorActuals: [],
    submittedAt: at,
    lockedAt: at,
  };
  context.reports.push(report);
  return report;
}

/** Mostly in the three weeks before the due day, one in ten up to 25 days late; working hours. */
function submissionTime(random: Random, period: Period): string {
  const offset = random.chance(0.1) ? random.int(1, 25) : -random.int(0, 20);
  const hours = random.int(8, 17) * 3_600_000 + random.int(0, 59) * 60_000;
  return new Date(period.dueMs + offset * DAY_MS + hours).toISOString();
}

const STATUS_TEXT: Record<ReportStatus, string> = {
  "not-started": "Виконання заходу ще не розпочато.",
  "in-progress": "Захід виконується",
  done: "Захід виконано",
  postponed: "Виконання заходу перенесено на наступний період.",
  cancelled: "Захід скасовано у зв'язку зі зміною пріоритетів.",
};

function reportText(scope: YearScope, period: Period, state: ProjectState): string {
  const head = period.kind === "year" ? `Підсумок за ${scope.year} рік. ` : "";
  if (state.status === "in-progress")
    return `${head}${STATUS_TEXT["in-progress"]}, виконано ${state.progress}%.`;
  if (state.status === "done") return `${head}${STATUS_TEXT.done}: ${scope.item.expectedResult}.`;
  return `${head}${STATUS_TEXT[state.status]}`;
}

/** The first report that spends money on a project sometimes cites its ProZorro tender. */
function maybeTender(random: Random, state: ProjectState, report: ExecutorReport, period: Period) {
  if (state.tendered || !report.actual.some((row) => row.amount > 0)) return state.tendered;
  if (!random.chance(PROZORRO_SHARE)) return false;
  report.attachments.push(prozorroTender(random, period));
  return true;
}

/**
 * A tender announced within the period and before the earliest day a report is submitted (20 days
 * before the due day): "UA-2026-03-14-004217-b".
 */
function prozorroTender(random: Random, period: Period): Attachment {
  const last = Math.min(period.endMs, period.dueMs - 21 * DAY_MS);
  const day = new Date(
    period.startMs + random.int(0, Math.max(0, (last - period.startMs) / DAY_MS)) * DAY_MS,
  );
  const serial = String(random.int(1, 999_999)).padStart(6, "0");
  const ref = `UA-${day.toISOString().slice(0, 10)}-${serial}-${random.pick(["a", "b", "c"])}`;
  return { kind: "prozorro", ref };
}

/** A few reports are corrected some days later; returns the report in force (the correction if any). */
function maybeCorrect(context: Context, original: ExecutorReport, period: Period): ExecutorReport {
  const { random } = context;
  if (!random.chance(CORRECTION_SHARE)) return original;
  const at = new Date(Date.parse(original.submittedAt ?? period.dueDate) + random.int(3, 30) * DAY_MS);
  const correction: ExecutorReport = {
    ...structuredClone(original),
    id: reportId(context),
    actual: original.actual.map((row) => ({ ...row, amount: adjusted(random, row.amount) })),
    text: `Уточнено: ${original.text}`,
    submittedAt: at.toISOString(),
    lockedAt: at.toISOString(),
    correctionOf: original.id,
  };
  context.reports.push(correction);
  return correction;
}

/** A corrected amount: within ±5 %, whole hryvnias. */
function adjusted(random: Random, amount: Kopecks): Kopecks {
  if (amount === 0) return 0;
  return Math.max(0, Math.round((amount * (0.95 + random.next() * 0.1)) / 100) * 100);
}

/**
 * Indicator values of the year, each in the annual report of one project of the indicator's direction
 * (the newest report in force, so a correction carries it too).
 */
function attachIndicatorActuals(context: Context, programme: Programme, year: number): void {
  const annual = inForce(context.reports.filter((report) => report.periodKey === `${year}-Y`));
  if (annual.length === 0) return;
  const directionOf = new Map(programme.directions.map((direction, at) => [direction.title, `d${at + 1}.`]));
  programme.indicators.forEach((indicator, indicatorIndex) => {
    if (!context.random.chance(INDICATOR_REPORTED_SHARE)) return;
    const prefix = directionOf.get(indicator.direction) ?? "";
    const own = annual.filter((report) => report.itemId.startsWith(prefix));
    const report = context.random.pick(own.length > 0 ? own : annual);
    report.indicatorActuals.push({ indicatorIndex, value: indicatorValue(context.random, indicator, year) });
  });
}

function inForce(reports: ExecutorReport[]): ExecutorReport[] {
  const corrected = new Set(reports.flatMap((report) => (report.correctionOf ? [report.correctionOf] : [])));
  return reports.filter((report) => !corrected.has(report.id));
}

/** Near the year's target: most reach it, some fall short. */
function indicatorValue(random: Random, indicator: Indicator, year: number): string {
  const target = indicator.targets[String(year)] ?? "";
  if (target === "Так" || target === "Ні") {
    const hit = random.chance(0.85);
    return hit === (target === "Так") ? "Так" : "Ні";
  }
  const [baseline, goal] = [Number(indicator.baseline), Number(target)];
  if (!Number.isFinite(baseline) || !Number.isFinite(goal)) return target;
  const value = Math.round(baseline + (goal - baseline) * (0.6 + random.next() * 0.55));
  return String(indicator.unit === "%" ? Math.min(100, value) : value);
}
