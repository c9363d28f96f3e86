/** The head's dashboard as the API returns it (GET /api/programmes/:id/dashboard), and its grouping. */
import type { Dashboard } from "../../../src/contract/dashboard.js";
import type { Lang } from "../lib/format.js";

export type { Dashboard };
export type MissingEntry = Dashboard["notReported"][number];
export type GroupFigures = Dashboard["programme"];
export type DirectionFigures = Dashboard["directions"][number];
export type IndicatorRow = Dashboard["indicators"][number];

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

/** "63,4 %" (Ukrainian) or "63.4%" (English), or "—". */
export function formatProgress(progress: number | null, lang: Lang = "uk"): string {
  if (progress === null) return "—";
  return lang === "uk" ? `${progress.toFixed(1).replace(".", ",")} %` : `${progress.toFixed(1)}%`;
}
