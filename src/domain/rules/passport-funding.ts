import {
  type ByYear,
  type DeclaredFunding,
  type Finding,
  type Programme,
  ref,
  SOURCE_LABELS_UK,
  type SourceKind,
} from "../model.js";
import type { Kopecks } from "../money.js";
import type { Totals, Unsplit } from "../totals.js";
import {
  compareAmounts,
  describeMismatches,
  type Facts,
  factsOf,
  finding,
  type Mismatch,
  money,
} from "./common.js";
import { isPassportAbsent, passportLine } from "./passport.js";
import type { RuleCode } from "./table.js";

const CODE = {
  total: "passport.funding-total",
  year: "passport.funding-year",
  source: "passport.funding-source",
  missing: "passport.funding-missing",
} as const;

function passportHasAmounts(funding: DeclaredFunding): boolean {
  return funding.total !== null || Object.keys(funding.byYear).length > 0;
}

/** Whether the programme has projects (a task table) for field 10 to be compared with. */
export function hasTaskTable(facts: Facts): boolean {
  return facts.items().length > 0;
}

/**
 * `passport.funding-*`: field 10 against the task table's sums. A passport without amounts is not
 * compared; it gets `passport.funding-missing` when the task table has amounts (the passport should state
 * them) or when the passport names no sums at all, not even per source. Without a task table there is
 * nothing to compare with: `passport.funding-parts` checks field 10 against itself instead.
 */
export function checkPassportFunding(programme: Programme, facts = factsOf(programme)): Finding[] {
  if (isPassportAbsent(programme)) return []; // `passport.absent` says it once
  const funding = programme.passport.funding;
  const computed = facts.totals();
  if (!passportHasAmounts(funding)) return missingFunding(programme, computed);
  if (!hasTaskTable(facts)) return [];
  return [
    ...checkTotal(programme, computed),
    ...checkYears(programme, computed, facts.unsplit()),
    ...checkSources(programme, computed, facts.unsplit()),
  ];
}

/** The line of field 10's amounts as read, else the field's own line. */
export function fundingLine(programme: Programme): number {
  return programme.passport.funding.line || passportLine(programme, 10);
}

function emit(programme: Programme, code: RuleCode, message: string): Finding {
  return finding(code, message, fundingLine(programme), ref.passport(10));
}

function missingFunding(programme: Programme, computed: Totals): Finding[] {
  const namesSums = Object.values(programme.passport.funding.bySource).some((amount) => amount !== undefined);
  const tableHasAmounts = computed.total !== 0;
  if (!tableHasAmounts && namesSums) return [];
  const message = tableHasAmounts
    ? `Поле 10 паспорта не наводить загального обсягу фінансування (ні всього, ні за роками), хоча за завданнями програми заплановано ` +
      `${money(computed.total, programme.unit)}; очікувалося, що паспорт наведе цю суму, зокрема за роками.`
    : "Поле 10 паспорта не називає жодних сум фінансування (ні загальної, ні за роками, ні за джерелами); " +
      "очікувалися обсяги фінансування програми.";
  return [emit(programme, CODE.missing, message)];
}

function checkTotal(programme: Programme, computed: Totals): Finding[] {
  const declared = programme.passport.funding.total;
  if (declared === null || declared === computed.total) return [];
  const message =
    `Загальний обсяг фінансування в паспорті (поле 10) — ${money(declared, programme.unit)}, а сума заходів ` +
    `програми — ${money(computed.total, programme.unit)}; вони мають збігатися.`;
  return [emit(programme, CODE.total, message)];
}

function checkYears(programme: Programme, computed: Totals, unsplit: Unsplit): Finding[] {
  const declared = { total: null, byYear: programme.passport.funding.byYear };
  const mismatches = compareAmounts(declared, { ...computed, unsplit: unsplit.total });
  if (mismatches.length === 0) return [];
  const message =
    "Обсяги фінансування за роками в паспорті (поле 10) не збігаються із сумами заходів: " +
    `${describeMismatches(mismatches, programme.unit, "сума заходів")}.`;
  return [emit(programme, CODE.year, message)];
}

/** Every source the passport names, plus every source with money in the task table. */
function sourcesToCompare(funding: DeclaredFunding, computed: Totals): SourceKind[] {
  const named = [...Object.keys(funding.bySource), ...Object.keys(funding.bySourceByYear)] as SourceKind[];
  if (named.length === 0) return [];
  const withMoney = (Object.keys(computed.bySource) as SourceKind[]).filter(
    (source) => (computed.bySource[source] ?? 0) !== 0,
  );
  // Money of rows naming several sources ("бюджет громади, інші джерела") is no single source's: it is
  // compared only when the passport names such a mix itself.
  return [...new Set([...named, ...withMoney])].filter(
    (source) => source !== "total" && (source !== "mixed" || named.includes("mixed")),
  );
}

/** Rows naming several sources may hold the difference: a declared amount above the source's own sum by
 * at most the mixed rows' money of that year (or in all) may be that source's share of it. */
function coveredByMixed(mismatch: Mismatch, mixed: { total: Kopecks; byYear: ByYear }): boolean {
  const room = mismatch.year === undefined ? mixed.total : (mixed.byYear[mismatch.year] ?? 0);
  const excess = mismatch.declared - mismatch.computed;
  return excess > 0 && excess <= room;
}

function checkSources(programme: Programme, computed: Totals, unsplit: Unsplit): Finding[] {
  const funding = programme.passport.funding;
  const mixed = { total: computed.bySource.mixed ?? 0, byYear: computed.bySourceByYear.mixed ?? {} };
  return sourcesToCompare(funding, computed).flatMap((source) => {
    const compared = compareAmounts(
      { total: funding.bySource[source] ?? null, byYear: funding.bySourceByYear[source] ?? {} },
      {
        total: computed.bySource[source] ?? 0,
        byYear: computed.bySourceByYear[source] ?? {},
        unsplit: unsplit.bySource[source] ?? 0,
      },
    );
    const mismatches =
      source === "mixed" ? compared : compared.filter((mismatch) => !coveredByMixed(mismatch, mixed));
    if (!(source in funding.bySource) && !(source in funding.bySourceByYear)) {
      mismatches.unshift({ what: "усього", declared: 0, computed: computed.bySource[source] ?? 0 });
    }
    if (mismatches.length === 0) return [];
    const message =
      `Джерело «${SOURCE_LABELS_UK[source]}» у паспорті (поле 10) не збігається із сумами заходів: ` +
      `${describeMismatches(mismatches, programme.unit, "сума заходів")}.`;
    return [emit(programme, CODE.source, message)];
  });
}
