import {
  allItems,
  type Finding,
  type FundingRow,
  type Item,
  isSummedSource,
  type Programme,
  ref,
} from "../../domain/model.js";
import { formatAmount, type Kopecks, type MoneyUnit, smallerUnit, unitLabel } from "../../domain/money.js";
import { severityOf } from "../../domain/rules/table.js";
import { programmeTotals } from "../../domain/totals.js";
import type { FindingLog } from "./findings.js";

/**
 * The unit of the whole task table, checked against the evidence that its amounts are in the unit a
 * thousand times smaller than its header's: UAH under «тис. грн», thousands under «млн грн»
 * (`amount.unit-suspect`, one error for the programme). Evidence:
 * - (under «тис. грн» only) every amount is printed with two decimals «,00» and a typical amount read in
 *   thousands is beyond any community informatization project (10 million UAH and more a year);
 * - the total read in the header's unit is implausible for the community's kind (a village or settlement
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

/** One row holds most of the total: that row's unit is in doubt (the row check), not the table's. */
function oneRowDominates(programme: Programme, total: Kopecks): boolean {
  const rows = allItems(programme).flatMap((item) =>
    item.funding.filter((row) => isSummedSource(row.source)),
  );
  return rows.some((row) => row.total * 2 > total);
}

function uah(kopecks: Kopecks): string {
  return `${formatAmount(kopecks, "uah")} грн`;
}

/** How the amounts would be named in a message: «в тисячах», «у гривнях». */
const IN_UNIT: Record<MoneyUnit, string> = { million: "мільйонах", thousand: "тисячах", uah: "гривнях" };
/** What the amounts look like: «схожі на гривні». */
const LIKE_UNIT: Record<MoneyUnit, string> = { million: "мільйони", thousand: "тисячі", uah: "гривні" };

/** The reasons to think the amounts are in the smaller unit; empty when the header's reading is plausible. */
export function unitEvidence({ programme, amountTexts, communityText }: UnitEvidence): string[] {
  if (smallerUnit(programme.unit) === null) return [];
  const reasons = programme.unit === "thousand" ? centsEvidence(programme, amountTexts) : [];
  const total = programmeTotals(programme).total;
  const kind = communityKind(communityText);
  if (total > TOTAL_CEILING[kind] && !oneRowDominates(programme, total)) {
    const who = kind === "village" ? "сільської чи селищної громади" : "громади";
    reasons.push(
      `загальна сума в ${IN_UNIT[programme.unit]} (${uah(total)}) неймовірна для програми інформатизації ${who}`,
    );
  }
  const passport = programme.passport.funding.total;
  if (passport !== null && passport > 0 && total === passport * THOUSAND) {
    reasons.push(`сума таблиці в 1000 разів більша за загальний обсяг у паспорті (поле 10)`);
  }
  return reasons;
}

/** Every amount printed with «,00» and a typical one beyond any project when read in thousands. */
function centsEvidence(programme: Programme, amountTexts: string[]): string[] {
  const amounts = allItems(programme)
    .flatMap((item) => item.funding)
    .filter((row) => isSummedSource(row.source))
    .flatMap((row) => Object.values(row.byYear))
    .filter((amount) => amount > 0);
  const reasons: string[] = [];
  const printed = amountTexts.filter((text) => !/^[\s0.,]*$/.test(text));
  if (printed.length >= MIN_AMOUNTS && printed.every((text) => CENTS.test(text.trim()))) {
    if (amounts.length > 0 && median(amounts) >= TYPICAL_CEILING) {
      reasons.push(
        `усі суми надруковано з копійками («,00»), а типова сума за рік у тисячах становила б ${uah(median(amounts))}`,
      );
    }
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
  const header = evidence.programme.unit;
  const smaller = smallerUnit(header);
  if (reasons.length === 0 || smaller === null) return null;
  const total = programmeTotals(evidence.programme).total;
  const asSmaller = Math.round(total / THOUSAND);
  const message =
    `Суми таблиці завдань схожі на ${LIKE_UNIT[smaller]} під заголовком «${unitLabel(header)}»: ${reasons.join("; ")}. ` +
    `У ${IN_UNIT[header]} (як у заголовку) програма коштує ${uah(total)}; у ${IN_UNIT[smaller]} — ${uah(asSmaller)}. ` +
    `Прочитано в ${IN_UNIT[header]}, як у заголовку; щоб прийняти прочитання в ${IN_UNIT[smaller]}, імпортуйте з ` +
    `«--unit ${smaller}» (API: ?unit=${smaller}) або оберіть «Суми в ${SHORT_LABEL[smaller]}» у перегляді імпорту.`;
  const code = "amount.unit-suspect";
  return {
    code,
    severity: severityOf(code),
    message,
    location: { line: evidence.line, ref: ref.programme() },
  };
}

const SHORT_LABEL: Record<MoneyUnit, string> = { million: "млн грн", thousand: "тис. грн", uah: "гривнях" };

export type { MoneyUnit };

/** "50 000,00": whole UAH with kopecks, as a table in UAH prints them. */
const UAH_STYLE = /^\d{1,3}(?:[\s\u00a0]\d{3})+[.,]00$|^\d{4,}[.,]00$/;
const ROW_FACTOR = 100;
const MIN_OTHER_ROWS = 3;
/** The validator's own row check (src/domain/rules/unit.ts) takes over from 100 000,0 thousand UAH. */
const VALIDATOR_FLOOR: Kopecks = 100_000 * 100_000;

interface PrintedRow {
  item: Item;
  row: FundingRow;
  texts: string[];
  largest: Kopecks;
}

function printedRows(programme: Programme, rowTexts: Map<FundingRow, string[]>): PrintedRow[] {
  return allItems(programme).flatMap((item) =>
    item.funding.flatMap((row) => {
      const texts = (rowTexts.get(row) ?? []).filter((text) => !/^[\s0.,]*$/.test(text));
      const largest = Math.max(0, ...Object.values(row.byYear), row.total);
      return isSummedSource(row.source) && texts.length > 0 && largest > 0
        ? [{ item, row, texts, largest }]
        : [];
    }),
  );
}

/**
 * One project in UAH among thousands: its amounts are printed as whole UAH with kopecks ("50 000,00")
 * while the other rows are not, and they are at least 100 times the other rows' typical amount. Rows the
 * validator's own check reaches (100 000,0 thousand UAH and more) are left to it.
 */
export function checkRowUnits(
  programme: Programme,
  rowTexts: Map<FundingRow, string[]>,
  log: FindingLog,
): void {
  if (programme.unit !== "thousand") return;
  const rows = printedRows(programme, rowTexts);
  const inUahStyle = (each: PrintedRow) => each.texts.every((text) => UAH_STYLE.test(text.trim()));
  const others = rows.filter((each) => !inUahStyle(each));
  if (others.length < MIN_OTHER_ROWS) return;
  const typical = median(others.map((each) => each.largest));
  for (const each of rows) {
    if (!inUahStyle(each) || each.largest < ROW_FACTOR * typical || each.largest >= VALIDATOR_FLOOR) continue;
    const message =
      `Рядок ${each.row.label ? `«${each.row.label}» ` : ""}надруковано як гривні з копійками (${each.texts.join("; ")}) ` +
      `серед сум у тисячах: у тисячах це ${uah(each.largest)}, у ${ROW_FACTOR}+ разів більше за типову суму рядка ` +
      `${uah(typical)}; у гривнях — ${uah(Math.round(each.largest / THOUSAND))}. Перевірте одиниці цього рядка.`;
    log.addRule("amount.unit-suspect", message, each.row.line, each.item);
  }
}
