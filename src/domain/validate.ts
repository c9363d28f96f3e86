/**
 * The validator: every rule a community informatization programme (Resolution No. 119) is checked
 * against. Pure functions without Node APIs, shared by the importer, the API and the web app (which
 * runs them on every edit). One file per family under `rules/`; every code, its severity and grounds are
 * in the one rule table `rules/table.ts` (published as docs/rules.md).
 * Sums are always computed from the task table (`totals.ts`); printed totals are only compared.
 * Locations: `ref` from `model.ts` (`indicator:<i>` is the 0-based index in `programme.indicators`),
 * `line` = the source line of the row, item or passport field concerned.
 */
import type { Finding, Programme } from "./model.js";
import { checkNoneWithAmounts, checkSourceSums, checkYearSums } from "./rules/amounts.js";
import { factsOf, type Rule } from "./rules/common.js";
import {
  checkDeadlinesInPeriod,
  checkInvertedDeadlines,
  checkMoneyOutsideDeadline,
} from "./rules/deadlines.js";
import { checkExpertise } from "./rules/expertise.js";
import { checkHeadRank } from "./rules/head-rank.js";
import { checkIndicatorScale, checkIndicatorTargets } from "./rules/indicators.js";
import { checkItemCompleteness } from "./rules/items.js";
import { checkAgreement, checkKatottg, checkMissingFields } from "./rules/passport.js";
import { checkPassportFunding } from "./rules/passport-funding.js";
import { checkPassportFundingParts } from "./rules/passport-funding-parts.js";
import { checkPeriod, checkYearsOutsidePeriod } from "./rules/period.js";
import { checkResources } from "./rules/resources.js";
import { checkDirectionSubtotals, checkProgrammeTotal, checkTotalAsItem } from "./rules/subtotals.js";
import { checkUnitSuspect } from "./rules/unit.js";

export { RULES, type RuleCode, type RuleEntry, ruleOf } from "./rules/table.js";

const CHECKS: Rule[] = [
  checkYearSums,
  checkSourceSums,
  checkDirectionSubtotals,
  checkProgrammeTotal,
  checkTotalAsItem,
  checkPassportFunding,
  checkPassportFundingParts,
  checkResources,
  checkUnitSuspect,
  checkMissingFields,
  checkAgreement,
  checkKatottg,
  checkHeadRank,
  checkPeriod,
  checkYearsOutsidePeriod,
  checkInvertedDeadlines,
  checkDeadlinesInPeriod,
  checkMoneyOutsideDeadline,
  checkItemCompleteness,
  checkNoneWithAmounts,
  checkIndicatorScale,
  checkIndicatorTargets,
  checkExpertise,
];

/**
 * Runs every validation rule on a programme. Pure and free of Node APIs: the importer, the API and the
 * web app (on every edit) share it. Findings are ordered by source line, then code.
 */
export function validateProgramme(programme: Programme): Finding[] {
  const facts = factsOf(programme);
  const findings = CHECKS.flatMap((check) => check(programme, facts));
  return findings.sort(
    (a, b) => a.location.line - b.location.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
