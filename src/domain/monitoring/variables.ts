import type { Indicator, MonitoringVariable } from "../model.js";
import { tryCompileFormula } from "./formula.js";
import { parseIndicatorValue } from "./indicators.js";

/**
 * Indicator values computed from the monitoring variables their formulas name: a formula cell such as
 * «$(A/B)*100$, де А – показник 1.1, В – показник 1.2» is an expression over letters, and a legend
 * tying each letter to a variable of the monitoring annex.
 */

/** Cyrillic letters that print like Latin ones: documents mix «А» in the legend with "A" in the formula. */
const LOOK_ALIKES: Record<string, string> = {
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  І: "I",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Т: "T",
  Х: "X",
  а: "a",
  с: "c",
  е: "e",
  і: "i",
  о: "o",
  р: "p",
  х: "x",
};

/** A name in its canonical spelling (Latin where a Cyrillic letter looks the same). */
export function canonicalName(name: string): string {
  return [...name].map((letter) => LOOK_ALIKES[letter] ?? letter).join("");
}

const LEGEND =
  /(?<![\p{L}\p{N}])([\p{L}][\p{L}\p{N}_]*)\s*[–—−-]\s*(?:показник|змінн\p{L}*)\s*(?:№\s*)?(\d+(?:\.\d+)*)\.?/gu;

/** The expression part of a formula cell: the text between `$…$`, or before «, де …». */
export function formulaExpression(formula: string): string {
  const dollars = /\$([^$]+)\$/.exec(formula);
  if (dollars) return (dollars[1] ?? "").trim();
  return formula.split(/,?\s+де\s+/u)[0]?.trim() ?? "";
}

/** The legend of a formula cell: letter (canonical) → number of the monitoring variable it stands for. */
export function formulaBindings(formula: string): Record<string, string> {
  const legend = formula
    .split(/(?<![\p{L}])де\s+/u)
    .slice(1)
    .join(" ");
  const out: Record<string, string> = {};
  for (const match of legend.matchAll(LEGEND)) out[canonicalName(match[1] ?? "")] = match[2] ?? "";
  return out;
}

function numberKey(number: string): string {
  return number.trim().replace(/\.$/, "");
}

function numeric(text: string | undefined): number | null {
  const value = parseIndicatorValue(text);
  return value.kind === "number" ? value.value : null;
}

export interface ComputedValues {
  baseline: number | null;
  targets: Record<string, number | null>;
}

/**
 * The indicator's baseline and per-year values computed from the monitoring variables its formula
 * names; null when the formula is not arithmetic or names a variable the annex does not have.
 */
export function computeIndicator(
  indicator: Pick<Indicator, "formula" | "targets">,
  variables: readonly MonitoringVariable[],
): ComputedValues | null {
  const compiled = tryCompileFormula(canonicalName(formulaExpression(indicator.formula)));
  const bindings = formulaBindings(indicator.formula);
  if (!compiled || compiled.variables.length === 0) return null;
  const byNumber = new Map(variables.map((variable) => [numberKey(variable.number), variable]));
  const bound = compiled.variables.map((name) => byNumber.get(numberKey(bindings[name] ?? "")));
  if (bound.some((variable) => variable === undefined)) return null;
  const evaluate = (pick: (variable: MonitoringVariable) => string | undefined): number | null => {
    const values: Record<string, number> = {};
    for (const [index, name] of compiled.variables.entries()) {
      const value = numeric(pick(bound[index] as MonitoringVariable));
      if (value === null) return null;
      values[name] = value;
    }
    return compiled.evaluate(values);
  };
  const targets: Record<string, number | null> = {};
  for (const year of Object.keys(indicator.targets))
    targets[year] = evaluate((variable) => variable.values[year]);
  return { baseline: evaluate((variable) => variable.baseline), targets };
}
