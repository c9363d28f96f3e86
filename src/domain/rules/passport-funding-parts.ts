import {
  type ByYear,
  type DeclaredFunding,
  type Finding,
  type Programme,
  ref,
  SOURCE_LABELS_UK,
  type SourceKind,
} from "../model.js";
import type { Kopecks, MoneyUnit } from "../money.js";
import { type Facts, factsOf, finding, money, unionYears } from "./common.js";
import { isPassportAbsent } from "./passport.js";
import { fundingLine, hasTaskTable } from "./passport-funding.js";

/** One sum field 10 prints (`stated`) against the parts it prints for it. */
interface PartsCheck {
  /** Ukrainian: "загальний обсяг", "2026 рік", "джерело «місцевий бюджет»". */
  stated: string;
  amount: Kopecks;
  /** Ukrainian: "сума за роками", "сума джерел". */
  partsName: string;
  parts: [string, Kopecks][];
}

/**
 * `passport.funding-parts`: field 10 against itself (its total, years and sources add up), when there
 * is no task table to compare it with. With projects, `passport.funding-*` compare every number of
 * field 10 with the table's sums, and any disagreement within field 10 shows there already.
 */
export function checkPassportFundingParts(
  programme: Programme,
  facts: Facts = factsOf(programme),
): Finding[] {
  if (isPassportAbsent(programme) || hasTaskTable(facts)) return [];
  const funding = programme.passport.funding;
  return [...againstTotal(funding), ...sourcesAgainstYears(funding)]
    .filter((check) => check.parts.length > 0 && sum(check.parts) !== check.amount)
    .map((check) => emit(programme, check));
}

function emit(programme: Programme, check: PartsCheck): Finding {
  const unit = programme.unit;
  const message =
    `Поле 10 паспорта не сходиться саме з собою: ${check.stated} — ${money(check.amount, unit)}, ` +
    `а ${check.partsName} (${listParts(check.parts, unit)}) — ${money(sum(check.parts), unit)}; вони мають збігатися.`;
  return finding("passport.funding-parts", message, fundingLine(programme), ref.passport(10));
}

function sum(parts: [string, Kopecks][]): Kopecks {
  return parts.reduce((total, [, amount]) => total + amount, 0);
}

function listParts(parts: [string, Kopecks][], unit: MoneyUnit): string {
  return parts.map(([name, amount]) => `${name} – ${money(amount, unit)}`).join(", ");
}

function yearParts(byYear: ByYear): [string, Kopecks][] {
  return Object.keys(byYear)
    .sort()
    .map((year) => [`${year} рік`, byYear[year] ?? 0]);
}

function namedSources(funding: DeclaredFunding): SourceKind[] {
  const named = [...Object.keys(funding.bySource), ...Object.keys(funding.bySourceByYear)] as SourceKind[];
  return [...new Set(named)].filter((source) => source !== "total");
}

/** What each source the field names gives: its amount as printed, else the sum of its years. */
function sourceParts(funding: DeclaredFunding): [string, Kopecks][] {
  return namedSources(funding).map((source) => [
    SOURCE_LABELS_UK[source],
    funding.bySource[source] ?? sum(yearParts(funding.bySourceByYear[source] ?? {})),
  ]);
}

/** The total against its years and against its sources; with no total printed, the years against the sources. */
function againstTotal(funding: DeclaredFunding): PartsCheck[] {
  const sources = sourceParts(funding);
  const years = yearParts(funding.byYear);
  if (funding.total === null) {
    if (years.length === 0) return [];
    return [{ stated: "сума за роками", amount: sum(years), partsName: "сума джерел", parts: sources }];
  }
  return [
    { stated: "загальний обсяг", amount: funding.total, partsName: "сума за роками", parts: years },
    { stated: "загальний обсяг", amount: funding.total, partsName: "сума джерел", parts: sources },
  ];
}

/** Each source's amount against its years, and each year against the sources' amounts in it. */
function sourcesAgainstYears(funding: DeclaredFunding): PartsCheck[] {
  const sources = namedSources(funding);
  const ofSources = sources.flatMap((source): PartsCheck[] => {
    const amount = funding.bySource[source];
    if (amount === undefined) return [];
    const parts = yearParts(funding.bySourceByYear[source] ?? {});
    return [{ stated: `джерело «${SOURCE_LABELS_UK[source]}»`, amount, partsName: "сума за роками", parts }];
  });
  // A year adds up only when the field prints it and every source it names says what it gives by year.
  const byYears = sources.map((source) => funding.bySourceByYear[source]);
  if (Object.keys(funding.byYear).length === 0 || !byYears.every((each) => each !== undefined))
    return ofSources;
  const ofYears = unionYears(funding.byYear, ...byYears).map(
    (year): PartsCheck => ({
      stated: `${year} рік`,
      amount: funding.byYear[year] ?? 0,
      partsName: "сума джерел",
      parts: sources.map((source, index) => [SOURCE_LABELS_UK[source], byYears[index]?.[year] ?? 0]),
    }),
  );
  return [...ofSources, ...ofYears];
}
