/**
 * Reporting periods and due dates of programme monitoring (Resolution No. 119 of 02.02.2024 and the
 * monitoring sections of the programmes themselves):
 * - executors report every half-year or quarter by the 5th of the month after the period;
 * - executors report on the whole year by 31 January of the next year;
 * - the programme head reports to the General State Customer by 1 March of the next year.
 *
 * Decision: the year's last half/quarter keeps its own report due on 5 January, and the annual report
 * ("2026-Y", due 31 January) comes in addition to it. The programmes require both in the same words,
 * and an executor who files the annual report early does not thereby file the H2/Q4 one.
 */

/** A calendar date, "YYYY-MM-DD". Timestamps ("2026-07-05T10:00:00Z") are compared by their date part. */
export type IsoDate = string;

export type Cadence = "half-year" | "quarter";
export type PeriodKind = Cadence | "year";

export interface ReportingPeriod {
  /** "2026-H1", "2026-Q3", "2026-Y". */
  key: string;
  kind: PeriodKind;
  year: number;
  start: IsoDate;
  end: IsoDate;
  dueDate: IsoDate;
}

const pad = (value: number): string => String(value).padStart(2, "0");

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad(month)}-${pad(day)}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The 5th of the month after `month` (1-based), rolling into January of the next year. */
function fifthOfNextMonth(year: number, month: number): IsoDate {
  return month === 12 ? isoDate(year + 1, 1, 5) : isoDate(year, month + 1, 5);
}

function subPeriod(year: number, kind: Cadence, index: number): ReportingPeriod {
  const months = kind === "quarter" ? 3 : 6;
  const firstMonth = (index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  return {
    key: `${year}-${kind === "quarter" ? "Q" : "H"}${index}`,
    kind,
    year,
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, lastMonth, lastDayOfMonth(year, lastMonth)),
    dueDate: fifthOfNextMonth(year, lastMonth),
  };
}

export function annualPeriod(year: number): ReportingPeriod {
  return {
    key: `${year}-Y`,
    kind: "year",
    year,
    start: isoDate(year, 1, 1),
    end: isoDate(year, 12, 31),
    dueDate: isoDate(year + 1, 1, 31),
  };
}

/** Every executor reporting period of the programme, year by year: the sub-periods, then the year. */
export function reportingPeriods(period: { from: number; to: number }, cadence: Cadence): ReportingPeriod[] {
  const count = cadence === "quarter" ? 4 : 2;
  const out: ReportingPeriod[] = [];
  for (let year = period.from; year <= period.to; year++) {
    for (let index = 1; index <= count; index++) out.push(subPeriod(year, cadence, index));
    out.push(annualPeriod(year));
  }
  return out;
}

/** The programme head's two reports for `year` are due to the General State Customer by this date. */
export function headReportDue(year: number): IsoDate {
  return isoDate(year + 1, 3, 1);
}

export function datePart(value: string): IsoDate {
  return value.slice(0, 10);
}

export type SubmissionState = "on-time" | "late" | "overdue" | "pending";

/**
 * What `today` knows about one report: "on-time" / "late" when submitted (on or before the due day /
 * after it), "overdue" when not submitted and the due day has passed, "pending" otherwise.
 * A submission dated after `today` is not yet known and counts as not submitted.
 */
export function submissionState(
  period: Pick<ReportingPeriod, "dueDate">,
  submittedAt: string | null,
  today: IsoDate,
): SubmissionState {
  const day = datePart(today);
  const submitted = submittedAt === null ? null : datePart(submittedAt);
  if (submitted !== null && submitted <= day) return submitted <= period.dueDate ? "on-time" : "late";
  return day > period.dueDate ? "overdue" : "pending";
}

/** True when the report has not been submitted and its due day is over (the due day itself is not overdue). */
export function isOverdue(
  period: Pick<ReportingPeriod, "dueDate">,
  submittedAt: string | null,
  today: IsoDate,
): boolean {
  return submissionState(period, submittedAt, today) === "overdue";
}

export function periodByKey(periods: ReportingPeriod[], key: string): ReportingPeriod | undefined {
  return periods.find((period) => period.key === key);
}

/**
 * Sort key of a period key: by end date, the annual report after the year's last sub-period;
 * unknown keys first.
 */
export function periodOrder(key: string): string {
  const period = parsePeriodKey(key);
  if (!period) return "";
  return `${period.end}${period.kind === "year" ? "~" : ""}`;
}

export function comparePeriodKeys(a: string, b: string): number {
  const [x, y] = [periodOrder(a), periodOrder(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Parses "2026-H1" / "2026-Q3" / "2026-Y" back to its period; null for anything else. */
export function parsePeriodKey(key: string): ReportingPeriod | null {
  const match = /^(\d{4})-(?:([HQ])([1-4])|Y)$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (!match[2]) return annualPeriod(year);
  const kind: Cadence = match[2] === "Q" ? "quarter" : "half-year";
  const index = Number(match[3]);
  if (kind === "half-year" && index > 2) return null;
  return subPeriod(year, kind, index);
}
