/**
 * Dates and numbers as Ukrainian documents print them (money is in money.ts: integer kopecks shown in the
 * document's unit). Pure: the reports, the reminders and the web app share these.
 */

/** "2026-07-05" (or a timestamp starting so) → "05.07.2026"; anything else is returned as it is. */
export function ukrainianDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : isoDate;
}

const percentFormat = new Intl.NumberFormat("uk-UA", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 84 → "84,0". */
export function formatPercent(value: number): string {
  return percentFormat.format(value);
}

/** A 0–1 share as per cent text, "—" when there is nothing to divide by. */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${formatPercent(share * 100)} %`;
}
