import type { Kopecks, MoneyUnit } from "./money.js";

/**
 * The model of a community informatization programme (Resolution No. 119 of 02.02.2024).
 * Every money value is integer kopecks. `line` is the 1-based line in the source document
 * (for DOCX/XLSX: the paragraph or row index the reader assigns), 0 when unknown.
 */

export const SOURCE_KINDS = [
  "total", // "Загальний обсяг, у тому числі": a printed sum of the source rows below it
  "local", // місцевий бюджет / бюджет громади
  "state", // державний бюджет
  "oblast", // обласний бюджет
  "district", // районний бюджет
  "other", // інші джерела
  "mixed", // one row naming several sources without splitting the amount
  "none", // не потребує фінансування
  "within-budget", // в межах бюджетних асигнувань / в межах фінансування
  "unspecified", // a row without a named source
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_LABELS_UK: Record<SourceKind, string> = {
  total: "загальний обсяг",
  local: "місцевий бюджет",
  state: "державний бюджет",
  oblast: "обласний бюджет",
  district: "районний бюджет",
  other: "інші джерела",
  mixed: "кілька джерел",
  none: "не потребує фінансування",
  "within-budget": "в межах бюджетних асигнувань",
  unspecified: "джерело не зазначено",
};

/** Year as a string key ("2026") so that the model serialises to the JSON contract unchanged. */
/** Sources whose amounts count towards totals ("total" rows are printed sums, checked but not added). */
export function isSummedSource(source: SourceKind): boolean {
  return source !== "total";
}

/** Year as a string key ("2026") so that the model serialises to the JSON contract unchanged. */
export type ByYear = Record<string, Kopecks>;

export interface FundingRow {
  source: SourceKind;
  /** The source exactly as printed. */
  label: string;
  byYear: ByYear;
  total: Kopecks;
  /** True when the document printed the total; false when the importer summed the years. */
  totalPrinted?: boolean;
  /** Free text printed instead of amounts ("в межах фінансування"). */
  note?: string;
  /**
   * Amounts printed for several years at once, by span ("2026-2027" → kopecks): they count in `total`
   * but belong to no single year of `byYear`.
   */
  spans?: YearSpans;
  line: number;
}

/** Amounts of several years printed in one cell, keyed by the span as "2026-2027". */
export type YearSpans = Record<string, Kopecks>;

export type Deadline =
  | {
      kind: "years";
      from: number;
      to: number;
      /** The years themselves when some between `from` and `to` are skipped: «2026, 2028». */
      years?: number[];
    }
  | {
      /** «протягом дії Програми»: the programme's years, or part of them from or to a year. */
      kind: "programme";
      /** «з 2027 року»: begins that year and runs to the programme's end. */
      from?: number;
      /** «до 2027 року»: runs from the programme's start to that year. */
      to?: number;
    }
  | { kind: "quarter"; quarter: 1 | 2 | 3 | 4; year: number }
  | { kind: "text" };

export interface Item {
  /** Stable key within the programme: "d<direction index>.<position>.<position>…", 1-based. */
  id: string;
  /** Number as printed ("1.2", "3)"), or a generated one ("1.3.2") where the document had none. */
  number: string;
  title: string;
  executors: string[];
  deadline: Deadline | null;
  deadlineText: string;
  funding: FundingRow[];
  expectedResult: string;
  children: Item[];
  line: number;
}

export interface Direction {
  number: string;
  title: string;
  items: Item[];
  /** "Всього за напрямом" rows as printed, for validation against the items. */
  declaredTotals: FundingRow[];
  line: number;
}

export interface PassportField {
  number: number; // 1..10
  label: string;
  value: string;
  line: number;
}

export interface DeclaredFunding {
  total: Kopecks | null;
  byYear: ByYear;
  bySource: Partial<Record<SourceKind, Kopecks>>;
  /** bySource per year, where the document prints it. */
  bySourceByYear: Partial<Record<SourceKind, ByYear>>;
  line: number;
}

export interface Passport {
  fields: PassportField[];
  funding: DeclaredFunding;
}

export interface Indicator {
  number: string;
  direction: string;
  name: string;
  unit: string;
  formula: string;
  baseline: string;
  targets: Record<string, string>;
  dynamics: string;
  line: number;
}

/**
 * A variable of the monitoring annex («Показники моніторингу»): what is counted to compute the
 * indicators. An indicator's formula names it by its number («$(A/B)*100$, де А – показник 1.1»);
 * `monitoring/variables.ts` computes indicator values from these.
 */
export interface MonitoringVariable {
  /** As printed: "1.1". */
  number: string;
  name: string;
  unit: string;
  /** Where the value comes from («Джерело даних»): a register, a report, a department. */
  source: string;
  baseline: string;
  /** Value per year as printed ("1 685 692 235", "35,95", "-"). */
  values: Record<string, string>;
  line: number;
}

export const SECTION_KEYS = ["general", "analysis", "aims", "results", "monitoring", "other"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export interface Section {
  key: SectionKey;
  title: string;
  text: string;
  line: number;
}

export interface Programme {
  title: string;
  community: { name: string; katottg: string };
  period: { from: number; to: number };
  /** The unit the task table prints amounts in. */
  unit: MoneyUnit;
  passport: Passport;
  sections: Section[];
  directions: Direction[];
  /** The grand total rows of the task table ("Всього за програмою"), as printed. */
  declaredTotals: FundingRow[];
  indicators: Indicator[];
  /** The monitoring-variables annex, when the document has one. */
  monitoring?: MonitoringVariable[];
  /**
   * The programme's funding by source and year as a table of its own states it («Ресурсне
   * забезпечення Програми»), when the document has one: a row per source and the total row, as printed.
   */
  resources?: FundingRow[];
}

export type Severity = "error" | "warning";

export interface Finding {
  code: string;
  severity: Severity;
  /** Ukrainian, for people. */
  message: string;
  location: { line: number; ref: string };
}

/**
 * How many numbers the importer found in the tables it read, how many landed in the model and how many
 * it named in findings (`import.unread-number`): seen = placed + flagged.
 */
export interface ImportCoverage {
  numbersSeen: number;
  numbersPlaced: number;
  numbersFlagged: number;
}

export interface ImportResult {
  programme: Programme;
  findings: Finding[];
  /** Present for documents read from tables (text, DOCX); the templates (XLSX, CSV) are exact by design. */
  coverage?: ImportCoverage;
}

export function years(period: { from: number; to: number }): string[] {
  const out: string[] = [];
  for (let year = period.from; year <= period.to; year++) out.push(String(year));
  return out;
}

/** Every item in document order, depth first. */
export function* walkItems(items: Item[]): Generator<Item> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.children);
  }
}

export function allItems(programme: Programme): Item[] {
  return programme.directions.flatMap((direction) => [...walkItems(direction.items)]);
}

export function emptyProgramme(): Programme {
  return {
    title: "",
    community: { name: "", katottg: "" },
    period: { from: 0, to: 0 },
    unit: "thousand",
    passport: {
      fields: [],
      funding: { total: null, byYear: {}, bySource: {}, bySourceByYear: {}, line: 0 },
    },
    sections: [],
    directions: [],
    declaredTotals: [],
    indicators: [],
  };
}

/** An item with nothing but its number and title; ids are assigned later by `assignItemIds`. */
export function emptyItem(number: string, title: string, line = 0): Item {
  return {
    id: "",
    number,
    title,
    executors: [],
    deadline: null,
    deadlineText: "",
    funding: [],
    expectedResult: "",
    children: [],
    line,
  };
}

/** (Re)assigns item ids from their positions; call after the tree changes shape. */
export function assignItemIds(programme: Programme): void {
  const visit = (items: Item[], prefix: string): void => {
    items.forEach((item, index) => {
      item.id = `${prefix}.${index + 1}`;
      visit(item.children, item.id);
    });
  };
  for (const [index, direction] of programme.directions.entries()) visit(direction.items, `d${index + 1}`);
}

/** Finding location refs, so that the UI can jump to the place a finding concerns. */
export const ref = {
  programme: () => "programme",
  passport: (field: number) => `passport:${field}`,
  direction: (number: string) => `direction:${number}`,
  item: (item: Pick<Item, "id">) => `item:${item.id}`,
  indicator: (index: number) => `indicator:${index}`,
  section: (key: SectionKey) => `section:${key}`,
};
