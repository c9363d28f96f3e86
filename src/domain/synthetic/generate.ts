import type { CategoryId } from "../classify/categories.js";
import {
  assignItemIds,
  type Direction,
  emptyItem,
  emptyProgramme,
  type Indicator,
  type Item,
  type PassportField,
  type Programme,
  type Section,
  SOURCE_LABELS_UK,
  type SourceKind,
  years,
} from "../model.js";
import { formatAmount, type Kopecks } from "../money.js";
import { directionTotals, programmeTotals } from "../totals.js";
import { declaredRows, drawFunding } from "./funding.js";
import { generateCommunity, type SyntheticCommunity } from "./geography.js";
import { createRandom, mixSeed, type Random } from "./prng.js";
import { generateReports, type ProgrammeReports } from "./reports.js";
import {
  DIRECTIONS,
  EXECUTORS,
  EXPECTED_RESULTS,
  INDICATOR_TEMPLATES,
  type IndicatorUnit,
  PASSPORT_FIELD_LABELS,
  SLOTS,
  TASK_TEMPLATES,
  TITLE_TEMPLATES,
} from "./templates.js";

export interface NationOptions {
  seed: number;
  /** 1 469 territorial communities in Ukraine. */
  communities?: number;
}

/** A programme to load; the reports are optional, so that tests can hand-make programmes without them. */
export interface SyntheticProgramme extends Partial<ProgrammeReports> {
  community: SyntheticCommunity;
  programme: Programme;
}

export type GeneratedProgramme = SyntheticProgramme & ProgrammeReports;

export const PROJECTS_PER_PROGRAMME = { min: 40, max: 150 } as const;
export const INDICATORS_PER_PROGRAMME = { min: 10, max: 30 } as const;
const FIRST_YEARS = [2024, 2025, 2026] as const;
/** Mixed into a community's seed for the stream its reports are drawn from. */
const REPORTS_STREAM = 0x5e907;
/** Share of programmes whose projects sit under tasks (the rest list projects flat). */
const NESTED_SHARE = 0.3;

/**
 * Synthetic programmes for a whole nation, with their executors' reports of the first two years.
 * Community i depends only on (seed, i), so the first n of a large run equal a run of n, and the same
 * seed gives identical output. Reports come from a stream of their own: the programmes are what they
 * were before reports existed.
 */
export function* generateNation(options: NationOptions): Generator<GeneratedProgramme> {
  const count = options.communities ?? 1469;
  for (let index = 0; index < count; index++) {
    const random = createRandom(mixSeed(options.seed, index));
    const community = generateCommunity(random, index);
    const programme = generateProgramme(random, community);
    const reports = generateReports(
      createRandom(mixSeed(mixSeed(options.seed, index), REPORTS_STREAM)),
      programme,
    );
    yield { community, programme, ...reports };
  }
}

/** The communities of `generateNation` alone (cheap): the same seed gives the same communities. */
export function* generateCommunities(options: NationOptions): Generator<SyntheticCommunity> {
  const count = options.communities ?? 1469;
  for (let index = 0; index < count; index++) {
    yield generateCommunity(createRandom(mixSeed(options.seed, index)), index);
  }
}

export function fillTemplate(random: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => random.pick(SLOTS[slot] ?? [slot]));
}

export function generateProgramme(random: Random, community: SyntheticCommunity): Programme {
  const programme = emptyProgramme();
  const from = random.pick(FIRST_YEARS);
  programme.period = { from, to: from + 2 };
  programme.community = { name: community.name, katottg: community.katottg };
  programme.title = `Програма інформатизації ${genitive(community.name)} на ${from}–${from + 2} роки`;
  programme.directions = generateDirections(random, programme.period);
  assignItemIds(programme);
  for (const direction of programme.directions) {
    direction.declaredTotals = declaredRows(directionTotals(direction), years(programme.period));
  }
  programme.declaredTotals = declaredRows(programmeTotals(programme), years(programme.period));
  programme.indicators = generateIndicators(random, programme);
  programme.sections = generateSections(community);
  programme.passport = generatePassport(random, programme, community);
  return programme;
}

/** "Березівська міська територіальна громада" → "Березівської міської територіальної громади". */
function genitive(name: string): string {
  return name
    .split(" ")
    .map((word) => word.replace(/ька$/, "ької").replace(/на$/, "ної").replace(/да$/, "ди"))
    .join(" ");
}

function generateDirections(random: Random, period: { from: number; to: number }): Direction[] {
  const chosen = random.sample(DIRECTIONS, random.int(3, 5));
  const projectCount = random.int(PROJECTS_PER_PROGRAMME.min, PROJECTS_PER_PROGRAMME.max);
  const counts = chosen.map(() => 3);
  for (let i = counts.length * 3; i < projectCount; i++) {
    const at = random.int(0, counts.length - 1);
    counts[at] = (counts[at] ?? 0) + 1;
  }
  // Like Romny's table, some programmes list projects under tasks; others, like Starokostiantyniv's, flat.
  const nested = random.chance(NESTED_SHARE);
  return chosen.map((spec, index) => ({
    number: String(index + 1),
    title: spec.title,
    items: nested
      ? generateTasks(random, spec.categories, counts[index] ?? 0, String(index + 1), period)
      : Array.from({ length: counts[index] ?? 0 }, (_, position) =>
          generateProject(random, random.pick(spec.categories), `${index + 1}.${position + 1}`, period),
        ),
    declaredTotals: [],
    line: 0,
  }));
}

/** Tasks of one direction holding `projectCount` projects, 1–3 per task, of the task's category. */
function generateTasks(
  random: Random,
  categories: CategoryId[],
  projectCount: number,
  prefix: string,
  period: { from: number; to: number },
): Item[] {
  const tasks: Item[] = [];
  for (let left = projectCount; left > 0; ) {
    const size = Math.min(left, random.int(1, 3));
    const category = random.pick(categories);
    const number = `${prefix}.${tasks.length + 1}`;
    const children = Array.from({ length: size }, (_, position) =>
      generateProject(random, category, `${number}.${position + 1}`, period),
    );
    tasks.push({ ...emptyItem(number, random.pick(TASK_TEMPLATES[category])), children });
    left -= size;
  }
  return tasks;
}

function generateProject(
  random: Random,
  category: CategoryId,
  number: string,
  period: { from: number; to: number },
): Item {
  const start = random.chance(0.5) ? period.from : random.int(period.from, period.to);
  const end = random.chance(0.6) ? period.to : random.int(start, period.to);
  const projectYears = years({ from: start, to: end });
  return {
    id: "",
    number,
    title: fillTemplate(random, random.pick(TITLE_TEMPLATES[category])),
    executors: [random.pick(EXECUTORS)],
    deadline: { kind: "years", from: start, to: end },
    deadlineText: start === end ? `${start} рік` : `${start}-${end} роки`,
    funding: drawFunding(random, projectYears),
    expectedResult: random.pick(EXPECTED_RESULTS),
    children: [],
    line: 0,
  };
}

function indicatorValues(random: Random, unit: IndicatorUnit, yearKeys: string[]) {
  if (unit === "Так/Ні") {
    const switchAt = random.int(0, yearKeys.length - 1);
    const targets = Object.fromEntries(yearKeys.map((year, i) => [year, i >= switchAt ? "Так" : "Ні"]));
    return { baseline: "Ні", targets, dynamics: "+" };
  }
  const cap = unit === "%" ? 100 : Number.POSITIVE_INFINITY;
  const baseline = unit === "%" ? random.int(0, 60) : random.int(0, 12);
  let value = baseline;
  const targets: Record<string, string> = {};
  for (const year of yearKeys) {
    value = Math.min(cap, value + random.int(1, unit === "%" ? 15 : 5));
    targets[year] = String(value);
  }
  return { baseline: String(baseline), targets, dynamics: `+${value - baseline}` };
}

function generateIndicators(random: Random, programme: Programme): Indicator[] {
  const count = random.int(INDICATORS_PER_PROGRAMME.min, INDICATORS_PER_PROGRAMME.max);
  const yearKeys = years(programme.period);
  return random.sample(INDICATOR_TEMPLATES, count).map((template, index) => ({
    number: String(index + 1),
    direction: programme.directions[index % programme.directions.length]?.title ?? "",
    name: template.name,
    unit: template.unit,
    formula: template.unit === "%" ? "відношення кількості до загальної кількості × 100" : "",
    ...indicatorValues(random, template.unit, yearKeys),
    line: 0,
  }));
}

function generateSections(community: SyntheticCommunity): Section[] {
  const text = (what: string) => `${what} ${genitive(community.name)}.`;
  return [
    {
      key: "general",
      title: "I. Загальні положення",
      text: text("Програма визначає завдання інформатизації"),
      line: 0,
    },
    { key: "analysis", title: "II. Аналіз стану інформатизації", text: text("Стан інформатизації"), line: 0 },
    {
      key: "aims",
      title: "III. Мета, пріоритетні напрями та завдання",
      text: text("Мета і завдання"),
      line: 0,
    },
    { key: "results", title: "IV. Очікувані результати", text: text("Очікувані результати"), line: 0 },
    {
      key: "monitoring",
      title: "V. Моніторинг та оцінка результативності",
      text: text("Моніторинг"),
      line: 0,
    },
  ];
}

function fundingText(total: Kopecks, bySource: Partial<Record<SourceKind, Kopecks>>): string {
  const parts = (Object.entries(bySource) as [SourceKind, Kopecks][])
    .filter(([, amount]) => amount !== 0)
    .map(([source, amount]) => `${SOURCE_LABELS_UK[source]} — ${formatAmount(amount, "thousand")} тис. грн`);
  const head = `Загальний обсяг — ${formatAmount(total, "thousand")} тис. грн`;
  return parts.length > 0 ? `${head}, у тому числі: ${parts.join("; ")}` : head;
}

function generatePassport(random: Random, programme: Programme, community: SyntheticCommunity) {
  const totals = programmeTotals(programme);
  const { from, to } = programme.period;
  const values = [
    community.name,
    community.katottg,
    `Розпорядження голови від ${random.int(1, 28)}.${String(random.int(1, 12)).padStart(2, "0")}.${from - 1} № ${random.int(10, 400)}`,
    `${random.int(1, 28)}.${String(random.int(1, 12)).padStart(2, "0")}.${from - 1}`,
    "Підвищення ефективності управління громадою та якості публічних послуг засобами інформатизації",
    "Відділ цифрового розвитку виконавчого комітету",
    "Заступник голови з питань діяльності виконавчих органів",
    "Виконавчі органи ради, комунальні підприємства та установи",
    `${from}–${to} роки`,
    fundingText(totals.total, totals.bySource),
  ];
  const fields: PassportField[] = PASSPORT_FIELD_LABELS.map((label, index) => ({
    number: index + 1,
    label,
    value: values[index] ?? "",
    line: 0,
  }));
  const bySource = Object.fromEntries(Object.entries(totals.bySource).filter(([, amount]) => amount !== 0));
  const bySourceByYear = Object.fromEntries(
    Object.entries(totals.bySourceByYear).filter(([source]) => source in bySource),
  );
  return {
    fields,
    funding: { total: totals.total, byYear: totals.byYear, bySource, bySourceByYear, line: 0 },
  };
}
