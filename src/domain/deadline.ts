import type { Deadline } from "./model.js";

export interface YearRange {
  from: number;
  to: number;
}

/** Whether a deadline names a year: a span, a quarter, or the programme's period from or to a year. */
export function namesYears(deadline: Deadline | null): boolean {
  switch (deadline?.kind) {
    case "years":
    case "quarter":
      return true;
    case "programme":
      return deadline.from !== undefined || deadline.to !== undefined;
    default:
      return false;
  }
}

/**
 * The first and last year a deadline covers, an inverted range read as the years it spans, an open end
 * («з 2027 року») closed by the programme's period; null when it names no year.
 */
export function deadlineSpan(deadline: Deadline | null, period: YearRange): YearRange | null {
  switch (deadline?.kind) {
    case "years":
      return { from: Math.min(deadline.from, deadline.to), to: Math.max(deadline.from, deadline.to) };
    case "quarter":
      return { from: deadline.year, to: deadline.year };
    case "programme":
      if (!namesYears(deadline)) return null;
      return { from: deadline.from ?? period.from, to: deadline.to ?? period.to };
    default:
      return null;
  }
}

/** Whether money may fall in `year` by the deadline; a deadline that names no year allows any. */
export function deadlineAllows(deadline: Deadline | null, year: number): boolean {
  switch (deadline?.kind) {
    case "years":
      if (deadline.years) return deadline.years.includes(year);
      return year >= Math.min(deadline.from, deadline.to) && year <= Math.max(deadline.from, deadline.to);
    case "quarter":
      return year === deadline.year;
    case "programme":
      return year >= (deadline.from ?? year) && year <= (deadline.to ?? year);
    default:
      return true;
  }
}
