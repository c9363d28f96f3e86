import {
  assignItemIds,
  type Deadline,
  emptyProgramme,
  type FundingRow,
  type Indicator,
  type Item,
  type Programme,
  type SourceKind,
} from "../../src/domain/model.js";
import type { Kopecks } from "../../src/domain/money.js";
import type { ExecutorReport, ReportStatus } from "../../src/domain/monitoring/reports.js";

/** Kopecks from whole hryvnias, to keep hand-computed numbers readable. */
export const uah = (hryvnias: number): Kopecks => hryvnias * 100;

export function funding(source: SourceKind, byYear: Record<string, Kopecks>): FundingRow {
  const total = Object.values(byYear).reduce((sum, amount) => sum + amount, 0);
  return { source, label: source, byYear, total, line: 0 };
}

export function project(
  title: string,
  rows: FundingRow[],
  deadline: Deadline | null = { kind: "years", from: 2026, to: 2028 },
  children: Item[] = [],
): Item {
  return {
    id: "",
    number: "",
    title,
    executors: [`Виконавець: ${title}`],
    deadline,
    deadlineText: deadline?.kind === "years" ? `${deadline.from}-${deadline.to}` : "",
    funding: rows,
    expectedResult: "",
    children,
    line: 0,
  };
}

export function programmeOf(directions: Item[][], indicators: Indicator[] = []): Programme {
  const programme = emptyProgramme();
  programme.title = "Тестова програма";
  programme.period = { from: 2026, to: 2028 };
  programme.directions = directions.map((items, index) => ({
    number: String(index + 1),
    title: `Напрям ${index + 1}`,
    items,
    declaredTotals: [],
    line: 0,
  }));
  programme.indicators = indicators;
  assignItemIds(programme);
  for (const direction of programme.directions) numberItems(direction.items, "");
  return programme;
}

function numberItems(items: Item[], prefix: string): void {
  items.forEach((item, index) => {
    item.number = `${prefix}${index + 1}`;
    numberItems(item.children, `${item.number}.`);
  });
}

let sequence = 0;

export function report(
  itemId: string,
  periodKey: string,
  fields: Partial<ExecutorReport> & { status?: ReportStatus } = {},
): ExecutorReport {
  sequence++;
  return {
    id: `r${sequence}`,
    itemId,
    periodKey,
    unit: "Відділ цифрового розвитку",
    status: "in-progress",
    actual: [],
    text: "",
    attachments: [],
    indicatorActuals: [],
    submittedAt: "2026-07-01T09:00:00Z",
    lockedAt: null,
    ...fields,
  };
}

export function indicator(
  name: string,
  baseline: string,
  targets: Record<string, string>,
  extra: Partial<Indicator> = {},
): Indicator {
  return {
    number: "",
    direction: "",
    name,
    unit: "%",
    formula: "",
    baseline,
    targets,
    dynamics: "",
    line: 0,
    ...extra,
  };
}

/**
 * The programme of the roll-up tests (amounts of 2026):
 * d1.1 local 300 000 + state 100 000; d1.2 local 100 000; d1.3 within-budget, no money;
 * d2.1 is a parent of d2.1.1 (local 200 000) and d2.1.2 (local 500 000 in 2027 only, deadline 2027).
 */
export function sampleProgramme(): Programme {
  return programmeOf([
    [
      project("Придбання комп'ютерної техніки", [
        funding("local", { "2026": uah(300_000) }),
        funding("state", { "2026": uah(100_000) }),
      ]),
      project("Розвиток СЕД", [funding("local", { "2026": uah(100_000) })]),
      project("Навчання цифровій грамотності", [funding("within-budget", {})]),
    ],
    [
      project("Геоінформаційна система", [], null, [
        project("Геопортал", [funding("local", { "2026": uah(200_000) })]),
        project("Містобудівний кадастр", [funding("local", { "2027": uah(500_000) })], {
          kind: "years",
          from: 2027,
          to: 2027,
        }),
      ]),
    ],
  ]);
}
