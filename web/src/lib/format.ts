import type { Deadline } from "../../../src/domain/model.js";
import { formatAmount, type Kopecks, type MoneyUnit } from "../../../src/domain/money.js";

export type Lang = "uk" | "en";

const LOCALES: Record<Lang, string> = { uk: "uk-UA", en: "en-GB" };
const UNIT_NAMES: Record<Lang, Record<MoneyUnit, string>> = {
  uk: { uah: "грн", thousand: "тис. грн", million: "млн грн" },
  en: { uah: "UAH", thousand: "UAH thousand", million: "UAH million" },
};

/**
 * The one unit of views that set communities' programmes side by side (compare, national, the list of
 * programmes): each programme's own unit would make their columns unreadable.
 */
export const CROSS_COMMUNITY_UNIT: MoneyUnit = "thousand";

export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/** «тис. грн», «грн», «млн грн»; "UAH thousand", "UAH", "UAH million". */
export function unitName(unit: MoneyUnit, lang: Lang = "uk"): string {
  return UNIT_NAMES[lang][unit];
}

/** "36 112,5" (thousand), "1 774 000,00" (UAH), "3,45" (million): exact, grouped, decimal comma for uk. */
export function formatAmountIn(kopecks: Kopecks, unit: MoneyUnit, lang: Lang = "uk"): string {
  return formatAmount(kopecks, unit, LOCALES[lang]);
}

/** "36 112,5 тис. грн", "1 774 000,00 грн", "3,45 млн грн". */
export function formatMoney(kopecks: Kopecks, unit: MoneyUnit, lang: Lang = "uk"): string {
  return `${formatAmountIn(kopecks, unit, lang)} ${unitName(unit, lang)}`;
}

const DAY = { day: "2-digit", month: "2-digit", year: "numeric" } as const;
const DAY_AND_TIME = { ...DAY, hour: "2-digit", minute: "2-digit" } as const;
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** A date in the language's locale and the browser's time zone; "—" for a missing or broken one. */
function formatInstant(iso: string | null | undefined, lang: Lang, withTime: boolean): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  const key = `${LOCALES[lang]} ${withTime}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[lang], withTime ? DAY_AND_TIME : DAY);
    dateFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** "23.11.2026" for uk; null-safe for missing or broken dates. */
export function formatDate(iso: string | null | undefined, lang: Lang = "uk"): string {
  return formatInstant(iso, lang, false);
}

/** "06.12.2026, 14:05" in the browser's time zone; "—" for nothing. */
export function formatDateTime(iso: string | null | undefined, lang: Lang = "uk"): string {
  return formatInstant(iso, lang, true);
}

export function formatPeriod(period: { from: number; to: number }): string {
  return period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
}

/** The deadline as people read it; falls back to the printed text. */
export function formatDeadline(deadline: Deadline | null, text: string, lang: Lang = "uk"): string {
  if (!deadline) return text || "—";
  switch (deadline.kind) {
    case "years":
      return deadline.years ? deadline.years.join(", ") : formatPeriod(deadline);
    case "quarter":
      return lang === "uk"
        ? `${deadline.quarter} кв. ${deadline.year}`
        : `Q${deadline.quarter} ${deadline.year}`;
    case "programme":
      return text || programmePart(deadline, lang);
    default:
      return text || "—";
  }
}

function programmePart(deadline: { from?: number; to?: number }, lang: Lang): string {
  const uk = lang === "uk";
  if (deadline.from !== undefined) return uk ? `з ${deadline.from} р.` : `from ${deadline.from}`;
  if (deadline.to !== undefined) return uk ? `до ${deadline.to} р.` : `until ${deadline.to}`;
  return uk ? "протягом дії Програми" : "during the programme";
}
