/**
 * The primary expertise's cross-checks between indicators and projects: what a reviewer of the
 * Ministry reads the draft for beyond its arithmetic. Pure; codes and severities from the rule table.
 */
import {
  type Finding,
  type FundingRow,
  type Indicator,
  type Item,
  isSummedSource,
  type Programme,
  ref,
  years,
} from "../model.js";
import { finding, rowName } from "../rules/common.js";
import { indicatorNumber } from "../rules/indicators.js";
import { directionOf, leaves, projectOf } from "./links.js";

function indicatorName(indicator: Indicator): string {
  const name = indicator.name.replace(/\s+/g, " ").trim();
  return `«${name.length > 80 ? `${name.slice(0, 77)}…` : name}»`;
}

function projectName(item: Item): string {
  const title = item.title.replace(/\s+/g, " ").trim();
  return `${item.number} «${title.length > 60 ? `${title.slice(0, 57)}…` : title}»`;
}

const isYes = (text: string) => /^\s*так(?!\p{L})/iu.test(text);
const isBlank = (text: string) => /^[\s\-‐‑–—−]*$/.test(text);

/** The first year the indicator's target moves off its baseline, or null. */
function firstTargetYear(indicator: Indicator, programmeYears: string[]): number | null {
  const baseline = indicatorNumber(indicator.baseline);
  for (const year of programmeYears) {
    const target = indicator.targets[year] ?? "";
    if (isYes(target) && !isYes(indicator.baseline)) return Number(year);
    const value = indicatorNumber(target);
    if (value !== null && value !== 0 && value !== baseline) return Number(year);
  }
  return null;
}

/** The first year any of the project's rows holds money, or null when it has none. */
function firstMoneyYear(item: Item): number | null {
  const moneyYears = item.funding.flatMap((row) =>
    Object.entries(row.byYear)
      .filter(([, amount]) => amount > 0)
      .map(([year]) => Number(year)),
  );
  return moneyYears.length === 0 ? null : Math.min(...moneyYears);
}

/** `expertise.target-before-money`: a service «created» in 2027 whose money is all in 2028. */
function targetBeforeMoney(programme: Programme, indicator: Indicator, index: number): Finding[] {
  const project = projectOf(programme, indicator);
  if (!project) return [];
  const money = firstMoneyYear(project);
  const target = firstTargetYear(indicator, years(programme.period));
  if (money === null || target === null || target >= money) return [];
  return [
    finding(
      "expertise.target-before-money",
      `Індикатор ${indicatorName(indicator)} досягає цілі у ${target} році, а проєкт ${projectName(project)} ` +
        `отримує перші кошти лише у ${money} році.`,
      indicator.line,
      ref.indicator(index),
    ),
  ];
}

const COUNT_WORDS: Record<string, number> = {
  один: 1,
  одна: 1,
  одне: 1,
  одного: 1,
  однієї: 1,
  два: 2,
  дві: 2,
  двох: 2,
  три: 3,
  трьох: 3,
  чотири: 4,
  чотирьох: 4,
  пять: 5,
  пяти: 5,
  шість: 6,
  шести: 6,
  сім: 7,
  семи: 7,
  вісім: 8,
  восьми: 8,
  девять: 9,
  девяти: 9,
  десять: 10,
  десяти: 10,
};

const PER_YEAR_AFTER = /^\s+[^.;,\d]{0,60}?(?:щороку|щорічно|на\s+рік|за\s+рік|кожного\s+року|у\s+рік)/iu;
const AT_LEAST_BEFORE = /не\s+менш[еа]?\s+(?:ніж\s+)?(?:(?:у|в|на)\s+)?$/iu;

/** «не менш ніж у двох публічних місцях щороку» → { count: 2, atLeast: true }. */
export function perYearQuantity(text: string): { count: number; atLeast: boolean } | null {
  const plain = text.replace(/[’'ʼ`]/g, "");
  for (const match of plain.matchAll(/\d+|\p{L}+/gu)) {
    const word = match[0].toLowerCase();
    const count = /^\d+$/.test(word) ? Number(word) : COUNT_WORDS[word];
    const end = match.index + word.length;
    if (count === undefined || count === 0 || !PER_YEAR_AFTER.test(plain.slice(end, end + 80))) continue;
    return { count, atLeast: AT_LEAST_BEFORE.test(plain.slice(Math.max(0, match.index - 30), match.index)) };
  }
  return null;
}

function isCount(indicator: Indicator): boolean {
  return /^(од|шт|осіб|чол|кільк)/i.test(indicator.unit.trim()) || /^кількість/i.test(indicator.name.trim());
}

function numericTargets(indicator: Indicator, programmeYears: string[]): number[] | null {
  const values = programmeYears.map((year) => indicatorNumber(indicator.targets[year] ?? ""));
  return values.every((value) => value !== null) ? (values as number[]) : null;
}

/** Targets are levels reached (cumulative) rather than each year's own count. */
function isCumulative(indicator: Indicator, targets: number[]): boolean {
  const baseline = indicatorNumber(indicator.baseline) ?? 0;
  const dynamics = indicatorNumber(indicator.dynamics);
  const last = targets[targets.length - 1] ?? 0;
  if (dynamics !== null) return Math.abs(dynamics - (last - baseline)) < 1e-9 && baseline > 0;
  return baseline > 0 && targets.every((value, i) => value >= (i === 0 ? baseline : (targets[i - 1] ?? 0)));
}

function yearlyCounts(indicator: Indicator, targets: number[]): number[] {
  if (!isCumulative(indicator, targets)) return targets;
  const baseline = indicatorNumber(indicator.baseline) ?? 0;
  return targets.map((value, i) => value - (i === 0 ? baseline : (targets[i - 1] ?? 0)));
}

/** `expertise.target-contradicts-text`: «two places a year» against targets 57/63/63. */
function targetContradictsText(programme: Programme, indicator: Indicator, index: number): Finding[] {
  const project = projectOf(programme, indicator);
  const quantity = project ? perYearQuantity(`${project.title} ${project.expectedResult}`) : null;
  const targets = numericTargets(indicator, years(programme.period));
  if (!project || !quantity || !targets || !isCount(indicator)) return [];
  const counts = yearlyCounts(indicator, targets);
  const fits = counts.every((count) =>
    quantity.atLeast ? count >= quantity.count : count === quantity.count,
  );
  if (fits) return [];
  const promised = `${quantity.atLeast ? "не менше " : ""}${quantity.count} на рік`;
  return [
    finding(
      "expertise.target-contradicts-text",
      `Проєкт ${projectName(project)} обіцяє ${promised}, а цілі індикатора ${indicatorName(indicator)} ` +
        `дають за роками ${counts.join(" / ")} (цілі ${targets.join(" / ")}).`,
      indicator.line,
      ref.indicator(index),
    ),
  ];
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The readings of a dynamics column programmes use: change from the baseline, level reached, sums. */
function possibleDynamics(baseline: number, targets: number[]): number[] {
  const last = targets[targets.length - 1] ?? baseline;
  const sum = targets.reduce((total, value) => total + value, 0);
  const readings = [last - baseline, last, sum, baseline + sum];
  if (baseline !== 0) readings.push(((last - baseline) / baseline) * 100);
  return readings;
}

/** `expertise.dynamics-mismatch`: a dynamics figure that no reading of the targets gives. */
function dynamicsMismatch(programme: Programme, indicator: Indicator, index: number): Finding[] {
  const dynamics = indicatorNumber(indicator.dynamics);
  const targets = numericTargets(indicator, years(programme.period));
  const baseline = isBlank(indicator.baseline) ? 0 : indicatorNumber(indicator.baseline);
  if (dynamics === null || targets === null || baseline === null) return [];
  const readings = possibleDynamics(baseline, targets);
  if (readings.some((reading) => near(reading, dynamics))) return [];
  return [
    finding(
      "expertise.dynamics-mismatch",
      `Індикатор ${indicatorName(indicator)}: динаміка ${indicator.dynamics.trim()} не випливає з базового ` +
        `значення ${indicator.baseline.trim() || "—"} і цілей ${targets.join(" / ")} ` +
        `(зміна від базового — ${readings[0]}, досягнутий рівень — ${readings[1]}).`,
      indicator.line,
      ref.indicator(index),
    ),
  ];
}

/** `expertise.no-baseline`. */
function noBaseline(indicator: Indicator, index: number): Finding[] {
  if (!isBlank(indicator.baseline)) return [];
  return [
    finding(
      "expertise.no-baseline",
      `Індикатор ${indicatorName(indicator)} не має базового значення.`,
      indicator.line,
      ref.indicator(index),
    ),
  ];
}

/** `expertise.direction-empty`: a direction with no projects, or that no indicator measures. */
function emptyDirections(programme: Programme): Finding[] {
  const measured = new Set(programme.indicators.map((indicator) => directionOf(programme, indicator)));
  return programme.directions.flatMap((direction) => {
    const lacks = [
      ...(leaves(direction.items).length === 0 ? ["проєктів"] : []),
      ...(programme.indicators.length > 0 && !measured.has(direction) ? ["індикаторів"] : []),
    ];
    if (lacks.length === 0) return [];
    return [
      finding(
        "expertise.direction-empty",
        `Напрям ${direction.number} «${direction.title.trim()}» не має ${lacks.join(" і ")}.`,
        direction.line,
        ref.direction(direction.number),
      ),
    ];
  });
}

const NAMED_SOURCES = new Set(["local", "state", "oblast", "district", "other", "mixed"]);

function isNamedWithoutAmount(row: FundingRow): boolean {
  const empty = row.total === 0 && Object.values(row.byYear).every((amount) => amount === 0);
  return NAMED_SOURCES.has(row.source) && isSummedSource(row.source) && empty && !row.note;
}

/** `expertise.source-without-amount`: one finding per project, naming its empty sources. */
function sourcesWithoutAmount(programme: Programme): Finding[] {
  return programme.directions.flatMap((direction) =>
    leaves(direction.items).flatMap((item) => {
      const empty = item.funding.filter(isNamedWithoutAmount);
      if (empty.length === 0) return [];
      return [
        finding(
          "expertise.source-without-amount",
          `Проєкт ${projectName(item)}: джерела ${empty.map(rowName).join(", ")} названо без жодної суми.`,
          empty[0]?.line ?? item.line,
          ref.item(item),
        ),
      ];
    }),
  );
}

/**
 * Every cross-check of the primary expertise. A project above the expertise threshold without the
 * Ministry's expertise is the validator's `expertise.required`, which the report lists with the findings.
 */
export function crossChecks(programme: Programme): Finding[] {
  const perIndicator = programme.indicators.flatMap((indicator, index) => [
    ...noBaseline(indicator, index),
    ...dynamicsMismatch(programme, indicator, index),
    ...targetBeforeMoney(programme, indicator, index),
    ...targetContradictsText(programme, indicator, index),
  ]);
  return [...emptyDirections(programme), ...sourcesWithoutAmount(programme), ...perIndicator];
}
