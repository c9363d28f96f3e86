/**
 * The validator: every rule a community informatization programme (Resolution No. 119) is checked
 * against. Pure functions without Node APIs, shared by the importer, the API and the web app (which
 * runs them on every edit). One file per family under `rules/`:
 * - `amounts.ts`: `amount.year-sum`, `amount.source-sum`, `funding.none-with-amounts`
 * - `subtotals.ts`: `direction.subtotal`, `programme.total`
 * - `passport-funding.ts`: `passport.funding-total` / `-year` / `-source` / `-missing`
 * - `unit.ts`: `amount.unit-suspect` (UAH typed under a thousand-UAH header; the heuristic is explained there)
 * - `passport.ts`: `passport.missing-field`, `passport.not-agreed`, `katottg.invalid`
 * - `period.ts`: `period.invalid`, `period.long`, `period.year-outside`
 * - `deadlines.ts`: `deadline.inverted`, `deadline.outside-period`, `deadline.money-outside`
 * - `items.ts`: `item.no-executor`, `item.no-deadline`, `item.no-result`
 * - `indicators.ts`: `indicator.formula-scale`, `indicator.target-missing`
 * - `expertise.ts`: `expertise.required`
 * Sums are always computed from the task table (`totals.ts`); printed totals are only compared.
 * Locations: `ref` from `model.ts` (`indicator:<i>` is the 0-based index in `programme.indicators`),
 * `line` = the source line of the row, item or passport field concerned.
 */
import type { Finding, Programme, Severity } from "./model.js";
import { checkNoneWithAmounts, checkSourceSums, checkYearSums } from "./rules/amounts.js";
import { factsOf, type Rule } from "./rules/common.js";
import {
  checkDeadlinesInPeriod,
  checkInvertedDeadlines,
  checkMoneyOutsideDeadline,
} from "./rules/deadlines.js";
import { checkExpertise } from "./rules/expertise.js";
import { checkIndicatorScale, checkIndicatorTargets } from "./rules/indicators.js";
import { checkItemCompleteness } from "./rules/items.js";
import { checkAgreement, checkKatottg, checkMissingFields } from "./rules/passport.js";
import { checkPassportFunding } from "./rules/passport-funding.js";
import { checkPeriod, checkYearsOutsidePeriod } from "./rules/period.js";
import { checkDirectionSubtotals, checkProgrammeTotal } from "./rules/subtotals.js";
import { checkUnitSuspect } from "./rules/unit.js";

export interface RuleInfo {
  code: string;
  severity: Severity;
  /** One line, Ukrainian. */
  description: string;
}

/**
 * Every finding code the validator emits, with its severity and what it checks. Codes are part of the
 * API (the importer, the API and the web app show and filter by them).
 */
export const RULES: readonly RuleInfo[] = [
  {
    code: "amount.year-sum",
    severity: "error",
    description: "Графа «Всього» рядка не дорівнює сумі за роками.",
  },
  {
    code: "amount.source-sum",
    severity: "error",
    description:
      "Рядок «Загальний обсяг» проєкту не дорівнює сумі його джерел фінансування (усього чи за роком).",
  },
  {
    code: "direction.subtotal",
    severity: "error",
    description: "Підсумок напряму (загальний чи за джерелом) не дорівнює сумі заходів напряму.",
  },
  {
    code: "programme.total",
    severity: "error",
    description: "Підсумок програми не дорівнює сумі всіх заходів.",
  },
  {
    code: "passport.funding-total",
    severity: "error",
    description: "Загальний обсяг фінансування в паспорті (поле 10) не дорівнює сумі заходів.",
  },
  {
    code: "passport.funding-year",
    severity: "error",
    description: "Обсяг фінансування за роком у паспорті не дорівнює сумі заходів за цей рік.",
  },
  {
    code: "passport.funding-source",
    severity: "error",
    description: "Обсяг фінансування за джерелом у паспорті не дорівнює сумі заходів за цим джерелом.",
  },
  {
    code: "passport.funding-missing",
    severity: "warning",
    description: "Паспорт не містить обсягів фінансування (сум), хоча вони потрібні.",
  },
  {
    code: "amount.unit-suspect",
    severity: "warning",
    description: "Сума схожа на гривні під заголовком «тис. грн» (у 1000 разів завелика).",
  },
  {
    code: "passport.missing-field",
    severity: "error",
    description: "Обов’язкове поле паспорта (1–10, крім 4) відсутнє або порожнє.",
  },
  {
    code: "passport.not-agreed",
    severity: "warning",
    description: "Поле 4 паспорта порожнє: програму ще не погоджено з Генеральним державним замовником.",
  },
  {
    code: "katottg.invalid",
    severity: "error",
    description: "Код громади за КАТОТТГ не має вигляду «UA» + 17 цифр.",
  },
  {
    code: "period.invalid",
    severity: "error",
    description: "Строк виконання програми не визначено або рік початку пізніший за рік завершення.",
  },
  { code: "period.long", severity: "warning", description: "Строк виконання програми довший за 5 років." },
  {
    code: "period.year-outside",
    severity: "error",
    description: "Кошти заплановано на рік поза строком програми.",
  },
  {
    code: "deadline.inverted",
    severity: "error",
    description: "Строк виконання заходу перевернуто (рік початку пізніший за рік завершення).",
  },
  {
    code: "deadline.outside-period",
    severity: "warning",
    description: "Строк виконання заходу виходить за строк програми.",
  },
  {
    code: "deadline.money-outside",
    severity: "warning",
    description: "Кошти заходу заплановано на рік поза його власним строком виконання.",
  },
  {
    code: "item.no-executor",
    severity: "warning",
    description: "У заході не зазначено відповідальних за виконання.",
  },
  { code: "item.no-deadline", severity: "warning", description: "У заході не зазначено строк виконання." },
  { code: "item.no-result", severity: "warning", description: "У заході не зазначено очікуваний результат." },
  {
    code: "funding.none-with-amounts",
    severity: "error",
    description: "Рядок «не потребує фінансування» містить суми.",
  },
  {
    code: "indicator.formula-scale",
    severity: "warning",
    description:
      "Відсотковий індикатор має значення-частки (≤ 1) замість відсотків або значення понад 100 %.",
  },
  {
    code: "indicator.target-missing",
    severity: "warning",
    description: "Індикатор не має цільового значення на якийсь рік програми.",
  },
  {
    code: "expertise.required",
    severity: "warning",
    description:
      "Проєкт вартістю від 1 млн грн (комп’ютерне обладнання — від 5 млн грн) потребує експертизи Мінцифри.",
  },
];

const CHECKS: Rule[] = [
  checkYearSums,
  checkSourceSums,
  checkDirectionSubtotals,
  checkProgrammeTotal,
  checkPassportFunding,
  checkUnitSuspect,
  checkMissingFields,
  checkAgreement,
  checkKatottg,
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
