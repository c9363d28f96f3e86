import {
  allItems,
  type Deadline,
  type FundingRow,
  type Item,
  type Programme,
  walkItems,
} from "../../../src/domain/model.js";

/** A project as the layout expectations and the family generators state it: amounts in kopecks. */
export interface ProjectView {
  number: string;
  title: string;
  executors: string;
  deadline: string;
  /** "Не потребує фінансування" / "В межах бюджетних асигнувань" as printed, or null. */
  fundingNote: string | null;
  /** Source → year → kopecks, only the amounts that are not zero. */
  funding: Record<string, Record<string, number>>;
  result: string;
}

export interface DirectionView {
  number: string;
  title: string;
  projects: ProjectView[];
}

const NOTE_SOURCES = new Set(["none", "within-budget"]);

/** "1.1." and "1.1" are one number; "3)" under direction 2 is project 2.3. */
export function canonicalNumber(number: string, direction: string): string {
  const bracket = /^(\d+)\)$/.exec(number);
  if (bracket) return `${direction}.${bracket[1]}`;
  return number.replace(/\.$/, "");
}

function fundingView(rows: FundingRow[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    if (row.source === "total" || NOTE_SOURCES.has(row.source)) continue;
    for (const [year, amount] of Object.entries(row.byYear)) {
      if (amount === 0) continue;
      out[row.source] = { ...out[row.source], [year]: amount };
    }
  }
  return out;
}

function projectView(item: Item, direction: string): ProjectView {
  const note = item.funding.find((row) => NOTE_SOURCES.has(row.source));
  return {
    number: canonicalNumber(item.number, direction),
    title: item.title,
    executors: item.executors.join(", "),
    deadline: item.deadlineText,
    fundingNote: note ? note.label : null,
    funding: fundingView(item.funding),
    result: item.expectedResult,
  };
}

/** The task table of an imported programme in the shape of the layout expectations: leaves as projects. */
export function taskTableView(programme: Programme): DirectionView[] {
  return programme.directions.map((direction) => ({
    number: direction.number,
    title: direction.title,
    projects: [...walkItems(direction.items)]
      .filter((item) => item.children.length === 0)
      .map((item) => projectView(item, direction.number)),
  }));
}

export { allItems };

/** Each project's executors as read, one by one, by project number ("1.1"): what `executors` joins. */
export function executorsView(programme: Programme): Record<string, string[]> {
  return Object.fromEntries(
    programme.directions.flatMap((direction) =>
      [...walkItems(direction.items)]
        .filter((item) => item.children.length === 0)
        .map((item) => [canonicalNumber(item.number, direction.number), item.executors]),
    ),
  );
}

/** Each project's deadline as parsed, by project number, for the numbers `wanted` names. */
export function deadlinesView(
  programme: Programme,
  wanted: Record<string, unknown>,
): Record<string, Deadline | null> {
  return Object.fromEntries(
    programme.directions.flatMap((direction) =>
      [...walkItems(direction.items)]
        .filter((item) => item.children.length === 0)
        .map((item) => [canonicalNumber(item.number, direction.number), item.deadline] as const)
        .filter(([number]) => number in wanted),
    ),
  );
}
