import { deadlineAllows, deadlineSpan, type YearRange } from "../deadline.js";
import { type Deadline, type Finding, type Item, type Programme, ref } from "../model.js";
import {
  capitalize,
  describePlanned,
  factsOf,
  finding,
  hasValidPeriod,
  itemName,
  plannedAmounts,
  rowName,
} from "./common.js";

function yearsPhrase(deadline: Deadline | null, range: YearRange): string {
  if (deadline?.kind === "years" && deadline.years) return `у ${deadline.years.join(", ")} роках`;
  return range.from === range.to ? `у ${range.from} році` : `у ${range.from}–${range.to} роках`;
}

function isInverted(deadline: Deadline | null): boolean {
  return deadline?.kind === "years" && deadline.from > deadline.to;
}

function deadlineShown(item: Item, period: YearRange): string {
  const text = item.deadlineText.trim();
  if (text !== "") return `«${text}»`;
  const range = deadlineSpan(item.deadline, period);
  return range ? `${range.from}–${range.to}` : "не зазначено";
}

/** `deadline.inverted`: "2026-2025 роки". */
export function checkInvertedDeadlines(programme: Programme, facts = factsOf(programme)): Finding[] {
  return facts.items().flatMap((item) => {
    const deadline = item.deadline;
    if (deadline?.kind !== "years" || !isInverted(deadline)) return [];
    const message =
      `${capitalize(itemName(item))}: строк виконання ${deadlineShown(item, programme.period)} починається ${deadline.from} роком, ` +
      `а закінчується раніше — ${deadline.to} роком; очікувалося, наприклад, «${deadline.to}-${deadline.from} роки».`;
    return [finding("deadline.inverted", message, item.line, ref.item(item))];
  });
}

/** `deadline.outside-period`: a deadline reaching beyond the programme's years. */
export function checkDeadlinesInPeriod(programme: Programme, facts = factsOf(programme)): Finding[] {
  if (!hasValidPeriod(programme)) return [];
  const { from, to } = programme.period;
  return facts.items().flatMap((item) => {
    if (isInverted(item.deadline)) return []; // `deadline.inverted` says it; its years are guesswork
    const range = deadlineSpan(item.deadline, programme.period);
    if (!range || (range.from >= from && range.to <= to)) return [];
    const message =
      `${capitalize(itemName(item))}: строк виконання ${deadlineShown(item, programme.period)} виходить за строк програми ` +
      `${from}–${to}; очікувалися роки в цих межах.`;
    return [finding("deadline.outside-period", message, item.line, ref.item(item))];
  });
}

/** `deadline.money-outside`: money planned in a year outside the item's own deadline. */
export function checkMoneyOutsideDeadline(programme: Programme, facts = factsOf(programme)): Finding[] {
  return facts.items().flatMap((item) => {
    const { deadline } = item;
    const range = deadlineSpan(deadline, programme.period);
    if (!range) return [];
    return item.funding.flatMap((row) => {
      const outside = plannedAmounts(row).filter(
        (planned) => !deadlineAllows(deadline, planned.from) || !deadlineAllows(deadline, planned.to),
      );
      if (outside.length === 0) return [];
      const amounts = outside.map((planned) => describePlanned(planned, programme.unit));
      const message =
        `${capitalize(itemName(item))}, рядок ${rowName(row)}: кошти заплановано поза строком виконання ` +
        `${deadlineShown(item, programme.period)} (${amounts.join(", ")}); ` +
        `очікувалися кошти лише ${yearsPhrase(deadline, range)}.`;
      return [finding("deadline.money-outside", message, row.line, ref.item(item))];
    });
  });
}
