import { LATIN_LOOK_ALIKE } from "../look-alikes.js";
import type { Indicator, MonitoringVariable } from "../model.js";
import { tryCompileFormula } from "./formula.js";
import { parseIndicatorValue } from "./indicators.js";

/**
 * Indicator values computed from the monitoring variables their formulas name: a formula cell such as
 * «$(A/B)*100$, де А – показник 1.1, В – показник 1.2» is an expression over letters, and a legend
 * tying each letter to a variable of the monitoring annex.
 */

/**
 * A name in its canonical spelling (Latin where a Cyrillic letter looks the same): documents mix «А» in
 * the legend with "A" in the formula. «у» stays: the shared table has no pair for it.
 */
export function canonicalName(name: string): string {
  return [...name].map((letter) => LATIN_LOOK_ALIKE[letter] ?? letter).join("");
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

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What the legend says each name stands for when it describes the variable rather than numbering it
 * («де А – кількість підключених осіб, В – загальна кількість осіб»): name (canonical) → description,
 * up to the next name of the expression followed by a dash.
 */
export function legendDescriptions(formula: string, names: readonly string[]): Record<string, string> {
  const original = formula
    .split(/(?<![\p{L}])де\s+/u)
    .slice(1)
    .join(" ");
  // One letter for one letter, so positions in the canonical legend are positions in the original.
  const legend = canonicalName(original);
  const starts = names
    .flatMap((name) => {
      const at = new RegExp(`(?<![\\p{L}\\p{N}])${escaped(name)}\\s*[–—−-]\\s*`, "u").exec(legend);
      return at ? [{ name, from: at.index, text: at.index + at[0].length }] : [];
    })
    .sort((a, b) => a.from - b.from);
  const out: Record<string, string> = {};
  starts.forEach(({ name, text }, index) => {
    const end = starts[index + 1]?.from ?? legend.length;
    out[name] = original
      .slice(text, end)
      .replace(/[\s,;.]+$/u, "")
      .trim();
  });
  return out;
}

/**
 * A name's words, lowercase and in canonical letters (as the legend is read), each cut to its stem
 * (Ukrainian endings vary: «підключених», «підключені»).
 */
function stems(text: string): Set<string> {
  const words = canonicalName(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.map((word) => word.slice(0, 6)));
}

function likeness(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared / (a.size + b.size - shared || 1);
}

/** The variable a description names: the one whose name shares most of its words (stems), if clearly so. */
export function variableByDescription(
  description: string,
  variables: readonly MonitoringVariable[],
): MonitoringVariable | undefined {
  const wanted = stems(description);
  if (wanted.size === 0) return undefined;
  const scored = variables
    .map((variable) => ({ variable, score: likeness(wanted, stems(variable.name)) }))
    .sort((a, b) => b.score - a.score);
  const [best, next] = scored;
  if (!best || best.score < 0.6 || (next && next.score === best.score)) return undefined;
  return best.variable;
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
 * names, by number («А – показник 1.1») or by description («А – кількість підключених осіб», matched to
 * the variable's name word by word); null when the formula is not arithmetic or names a variable the annex does not have.
 */
export function computeIndicator(
  indicator: Pick<Indicator, "formula" | "targets">,
  variables: readonly MonitoringVariable[],
): ComputedValues | null {
  const compiled = tryCompileFormula(canonicalName(formulaExpression(indicator.formula)));
  const bindings = formulaBindings(indicator.formula);
  if (!compiled || compiled.variables.length === 0) return null;
  const byNumber = new Map(variables.map((variable) => [numberKey(variable.number), variable]));
  const descriptions = legendDescriptions(indicator.formula, compiled.variables);
  const bound = compiled.variables.map((name) =>
    bindings[name] !== undefined
      ? byNumber.get(numberKey(bindings[name] ?? ""))
      : variableByDescription(descriptions[name] ?? "", variables),
  );
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
