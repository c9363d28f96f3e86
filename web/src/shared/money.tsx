import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { Kopecks, MoneyUnit } from "../../../src/domain/money.js";
import { useI18n } from "../i18n/index.js";
import { formatAmountIn, formatMoney, type Lang, unitName } from "../lib/format.js";

/**
 * The unit of the programme on screen — the one its document prints amounts in — for everything inside
 * it that shows an amount: the workspace, the public page, the import preview. No default: a view that
 * forgets to name its programme's unit fails loudly instead of showing thousands of a «грн» programme.
 */
const ProgrammeUnit = createContext<MoneyUnit | null>(null);

export function ProgrammeUnitProvider({ unit, children }: { unit: MoneyUnit; children?: ReactNode }) {
  return <ProgrammeUnit.Provider value={unit}>{children}</ProgrammeUnit.Provider>;
}

/** Formatters of one programme's amounts in its unit and the reader's language. */
export interface Money {
  unit: MoneyUnit;
  /** «тис. грн», «грн», «млн грн» (or the English names). */
  unitName: string;
  /** The number alone: "36 112,5". */
  amount: (kopecks: Kopecks) => string;
  /** The number and the unit: "36 112,5 тис. грн". */
  money: (kopecks: Kopecks) => string;
}

export function moneyIn(unit: MoneyUnit, lang: Lang): Money {
  return {
    unit,
    unitName: unitName(unit, lang),
    amount: (kopecks) => formatAmountIn(kopecks, unit, lang),
    money: (kopecks) => formatMoney(kopecks, unit, lang),
  };
}

export function useMoney(): Money {
  const unit = useContext(ProgrammeUnit);
  const { lang } = useI18n();
  const money = useMemo(() => (unit === null ? null : moneyIn(unit, lang)), [unit, lang]);
  if (money === null) throw new Error("useMoney outside ProgrammeUnitProvider");
  return money;
}
