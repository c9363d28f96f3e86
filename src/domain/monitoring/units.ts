/** Structural units (executors) of a programme and how their reports for a period stand. */
import { allItems, type Programme } from "../model.js";
import { type ReportingPeriod, type SubmissionState, submissionState } from "./periods.js";
import { type ExecutorReport, firstSubmissions, submissionKey } from "./reports.js";
import { isActiveInYear } from "./rollup.js";

/** Which structural unit executes a project (a project may have several). */
export interface ItemUnit {
  itemId: string;
  orgUnitId: number;
}

export interface UnitPeriodState {
  orgUnitId: number;
  unit: string;
  projects: number;
  submitted: number;
  overdue: number;
  /** The worst state of the unit's projects: overdue > pending > late > on-time. */
  state: SubmissionState | "none";
}

const STATE_RANK: Record<SubmissionState, number> = { overdue: 3, pending: 2, late: 1, "on-time": 0 };

/**
 * Per unit, how its projects active in the period stand: how many, submitted, overdue, and the worst
 * state. The head's view of who has reported for a period.
 */
export function unitStates(
  programme: Programme,
  reports: readonly ExecutorReport[],
  period: ReportingPeriod,
  links: readonly ItemUnit[],
  units: ReadonlyMap<number, string>,
  today: string,
): UnitPeriodState[] {
  const firsts = firstSubmissions(reports);
  const active = new Set(
    allItems(programme)
      .filter((item) => item.children.length === 0 && isActiveInYear(item, period.year))
      .map((item) => item.id),
  );
  return [...units].map(([orgUnitId, unit]) => {
    const states = links
      .filter((link) => link.orgUnitId === orgUnitId && active.has(link.itemId))
      .map((link) =>
        submissionState(period, firsts.get(submissionKey(link.itemId, period.key)) ?? null, today),
      );
    const worst = states.reduce<SubmissionState | "none">(
      (acc, state) => (acc === "none" || STATE_RANK[state] > STATE_RANK[acc] ? state : acc),
      "none",
    );
    const submitted = states.filter((state) => state === "on-time" || state === "late").length;
    const overdue = states.filter((state) => state === "overdue").length;
    return { orgUnitId, unit, projects: states.length, submitted, overdue, state: worst };
  });
}
