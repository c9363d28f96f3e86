/** The head's dashboard as the API returns it (GET /api/programmes/:id/dashboard), and its grouping. */
import type { Kopecks } from "../../../src/domain/money.js";

export interface MissingEntry {
  itemId: string;
  number: string;
  title: string;
  periodKey: string;
  dueDate: string;
  overdue: boolean;
  units: string[];
}

export interface GroupFigures {
  plannedTotal: Kopecks;
  actualTotal: Kopecks;
  progress: number | null;
}

export interface DirectionFigures extends GroupFigures {
  index: number;
  number: string;
  title: string;
  projectCount: number;
}

export interface IndicatorRow {
  index: number;
  number: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
  actual: string | null;
  status: "reached" | "not-reached" | "no-data";
}

export interface Dashboard {
  year: number;
  today: string;
  notReported: MissingEntry[];
  overdue: MissingEntry[];
  directions: DirectionFigures[];
  programme: GroupFigures;
  years: (GroupFigures & { year: number })[];
  indicators: IndicatorRow[];
}

export interface UnitOverdue {
  unit: string;
  entries: MissingEntry[];
}

const NO_UNIT = "—";

/** Overdue reports grouped by the unit that owes them, most overdue first; no unit known: "—", last. */
export function overdueByUnit(overdue: MissingEntry[]): UnitOverdue[] {
  const groups = new Map<string, MissingEntry[]>();
  for (const entry of overdue) {
    for (const unit of entry.units.length > 0 ? entry.units : [NO_UNIT]) {
      groups.set(unit, [...(groups.get(unit) ?? []), entry]);
    }
  }
  return [...groups]
    .map(([unit, entries]) => ({ unit, entries }))
    .sort(
      (a, b) =>
        Number(a.unit === NO_UNIT) - Number(b.unit === NO_UNIT) ||
        b.entries.length - a.entries.length ||
        a.unit.localeCompare(b.unit, "uk"),
    );
}

/** "63,4 %" or "—". */
export function formatProgress(progress: number | null): string {
  return progress === null ? "—" : `${progress.toFixed(1).replace(".", ",")} %`;
}
