import { type ByYear, type Finding, type Programme, ref, type YearSpans } from "../model.js";
import {
  capitalize,
  describePlanned,
  factsOf,
  finding,
  hasValidPeriod,
  isPlausibleYear,
  plannedAmounts,
  rowName,
} from "./common.js";
import { passportLine } from "./passport.js";

/** Programmes run for 3 years; more than this many is unusual. */
const LONGEST_USUAL_PERIOD = 5;

/** `period.invalid` / `period.long`. */
export function checkPeriod(programme: Programme): Finding[] {
  const { from, to } = programme.period;
  const line = passportLine(programme, 9);
  const at = ref.passport(9);
  if (!isPlausibleYear(from) || !isPlausibleYear(to)) {
    const message = `Строк виконання програми не визначено (прочитано ${from}–${to}); очікувалися роки, наприклад 2026–2028.`;
    return [finding("period.invalid", message, line, at)];
  }
  if (from > to) {
    const message = `Строк виконання програми починається ${from} роком, а закінчується раніше — ${to} роком; очікувалося, що рік початку не пізніший за рік завершення.`;
    return [finding("period.invalid", message, line, at)];
  }
  const length = to - from + 1;
  if (length <= LONGEST_USUAL_PERIOD) return [];
  const message =
    `Строк виконання програми ${from}–${to} триває ${length} років; програми інформатизації зазвичай ` +
    `розраховані на 3 роки, очікувалося не більше ${LONGEST_USUAL_PERIOD}.`;
  return [finding("period.long", message, line, at)];
}

/** `period.year-outside`: money in a year the programme does not cover. */
export function checkYearsOutsidePeriod(programme: Programme, facts = factsOf(programme)): Finding[] {
  if (!hasValidPeriod(programme)) return [];
  const rows = facts.allRows().flatMap((located) => {
    const text = describeOutside(programme, located.row);
    if (text === "") return [];
    const message = `${capitalize(located.where)}, рядок ${rowName(located.row)}: ${text}.`;
    return [finding("period.year-outside", message, located.row.line, located.ref)];
  });
  return [...rows, ...checkPassportYears(programme)];
}

function checkPassportYears(programme: Programme): Finding[] {
  const funding = programme.passport.funding;
  const sides = [
    funding.byYear,
    ...Object.values(funding.bySourceByYear).filter((side) => side !== undefined),
  ];
  const text =
    sides.map((side) => describeOutside(programme, { byYear: side })).find((each) => each !== "") ?? "";
  if (text === "") return [];
  const line = funding.line || passportLine(programme, 10);
  return [finding("period.year-outside", `Паспорт, поле 10: ${text}.`, line, ref.passport(10))];
}

/** A row's or the passport's money in years, or spans of years, reaching beyond the programme's. */
function describeOutside(programme: Programme, row: { byYear: ByYear; spans?: YearSpans }): string {
  const { from, to } = programme.period;
  const outside = plannedAmounts(row).filter((planned) => planned.from < from || planned.to > to);
  if (outside.length === 0) return "";
  const amounts = outside.map((planned) => describePlanned(planned, programme.unit)).join(", ");
  return `кошти заплановано поза строком програми ${from}–${to}: ${amounts}`;
}
