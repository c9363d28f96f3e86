import { allItems, type Finding, isSummedSource, type Programme, ref } from "../../domain/model.js";
import { formatAmount, type Kopecks, type MoneyUnit } from "../../domain/money.js";
import { severityOf } from "../../domain/rules/table.js";
import { programmeTotals } from "../../domain/totals.js";

/**
 * The unit of the whole task table, checked against the evidence that its amounts are plainly UAH
 * under a «тис. грн» header (`amount.unit-suspect`, one error for the programme). Evidence:
 * - every amount is printed with two decimals «,00» and a typical amount read in thousands is beyond
 *   any community informatization project (10 million UAH and more a year);
 * - the total read in thousands is implausible for the community's kind (a village or settlement
 *   community: 200 million UAH; a city: 2 billion UAH);
 * - the table's total is exactly 1000 times the passport's (field 10).
 */
export interface UnitEvidence {
  programme: Programme;
  /** The printed text of every amount the task table placed in the model. */
  amountTexts: string[];
  /** The text that names the community (passport field 1, the title, the heading of an annex). */
  communityText: string;
  /** The table's first line, where the finding points. */
  line: number;
}

const KOPECKS_PER_UAH = 100;
const THOUSAND = 1000;
/** 10 million UAH, in kopecks: a year of one project beyond which thousands are implausible. */
const TYPICAL_CEILING: Kopecks = 10_000_000 * KOPECKS_PER_UAH;
const TOTAL_CEILING: Record<"village" | "city", Kopecks> = {
  village: 200_000_000 * KOPECKS_PER_UAH,
  city: 2_000_000_000 * KOPECKS_PER_UAH,
};
const CENTS = /[.,]00$/;
const MIN_AMOUNTS = 3;

function communityKind(text: string): "village" | "city" {
  return /сільськ|селищн/i.test(text) && !/міськ/i.test(text) ? "village" : "city";
}

function median(values: Kopecks[]): Kopecks {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function uah(kopecks: Kopecks): string {
  return `${formatAmount(kopecks, "uah")} грн`;
}

/** The reasons to think the amounts are UAH; empty when the thousands reading is plausible. */
export function unitEvidence({ programme, amountTexts, communityText }: UnitEvidence): string[] {
  if (programme.unit !== "thousand") return [];
  const amounts = allItems(programme)
    .flatMap((item) => item.funding)
    .filter((row) => isSummedSource(row.source))
    .flatMap((row) => Object.values(row.byYear))
    .filter((amount) => amount > 0);
  const total = programmeTotals(programme).total;
  const reasons: string[] = [];
  const printed = amountTexts.filter((text) => !/^[\s0.,]*$/.test(text));
  if (printed.length >= MIN_AMOUNTS && printed.every((text) => CENTS.test(text.trim()))) {
    if (amounts.length > 0 && median(amounts) >= TYPICAL_CEILING) {
      reasons.push(
        `усі суми надруковано з копійками («,00»), а типова сума за рік у тисячах становила б ${uah(median(amounts))}`,
      );
    }
  }
  const kind = communityKind(communityText);
  if (total > TOTAL_CEILING[kind]) {
    const who = kind === "village" ? "сільської чи селищної громади" : "громади";
    reasons.push(`загальна сума в тисячах (${uah(total)}) неймовірна для програми інформатизації ${who}`);
  }
  const passport = programme.passport.funding.total;
  if (passport !== null && passport > 0 && total === passport * THOUSAND) {
    reasons.push(`сума таблиці в 1000 разів більша за загальний обсяг у паспорті (поле 10)`);
  }
  return reasons;
}

/**
 * One `amount.unit-suspect` error for the whole programme naming both readings in UAH, or none. The
 * reading stays the header's; the user accepts the other (CLI `--unit uah`, API `?unit=uah`, the
 * import preview's button), which imports the same document again as a new version.
 */
export function checkProgrammeUnit(evidence: UnitEvidence): Finding | null {
  const reasons = unitEvidence(evidence);
  if (reasons.length === 0) return null;
  const total = programmeTotals(evidence.programme).total;
  const asUah = Math.round(total / THOUSAND);
  const message =
    `Суми таблиці завдань схожі на гривні під заголовком «тис. грн»: ${reasons.join("; ")}. ` +
    `У тисячах (як у заголовку) програма коштує ${uah(total)}; у гривнях — ${uah(asUah)}. ` +
    "Прочитано в тисячах, як у заголовку; щоб прийняти прочитання в гривнях, імпортуйте з «--unit uah» " +
    "(API: ?unit=uah) або оберіть «Суми в гривнях» у перегляді імпорту.";
  const code = "amount.unit-suspect";
  return {
    code,
    severity: severityOf(code),
    message,
    location: { line: evidence.line, ref: ref.programme() },
  };
}

export type { MoneyUnit };
