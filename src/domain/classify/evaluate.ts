import { CATEGORY_IDS, type CategoryId } from "./categories.js";

export interface LabelledPair {
  expected: CategoryId;
  predicted: CategoryId;
}

export interface CategoryScore {
  category: CategoryId;
  /** How many items carry this label by hand. */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** null when undefined (nothing predicted / nothing labelled). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Evaluation {
  perCategory: CategoryScore[];
  /** Micro-averaged over all categories; in single-label classification this equals accuracy. */
  micro: { precision: number; recall: number; f1: number };
  /** Micro-averaged over the real categories only ("other" excluded): how well the rules find topics. */
  microWithoutOther: { precision: number; recall: number; f1: number };
  total: number;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function f1Of(precision: number | null, recall: number | null): number | null {
  if (precision === null || recall === null) return null;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

function scoreCategory(pairs: LabelledPair[], category: CategoryId): CategoryScore {
  const truePositives = pairs.filter((p) => p.expected === category && p.predicted === category).length;
  const falsePositives = pairs.filter((p) => p.expected !== category && p.predicted === category).length;
  const falseNegatives = pairs.filter((p) => p.expected === category && p.predicted !== category).length;
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  return {
    category,
    support: truePositives + falseNegatives,
    truePositives,
    falsePositives,
    falseNegatives,
    precision,
    recall,
    f1: f1Of(precision, recall),
  };
}

function microOf(scores: CategoryScore[]): Evaluation["micro"] {
  const tp = scores.reduce((sum, s) => sum + s.truePositives, 0);
  const fp = scores.reduce((sum, s) => sum + s.falsePositives, 0);
  const fn = scores.reduce((sum, s) => sum + s.falseNegatives, 0);
  const precision = ratio(tp, tp + fp) ?? 0;
  const recall = ratio(tp, tp + fn) ?? 0;
  return { precision, recall, f1: f1Of(precision, recall) ?? 0 };
}

export function evaluate(pairs: LabelledPair[]): Evaluation {
  const perCategory = CATEGORY_IDS.map((category) => scoreCategory(pairs, category));
  return {
    perCategory,
    micro: microOf(perCategory),
    microWithoutOther: microOf(perCategory.filter((s) => s.category !== "other")),
    total: pairs.length,
  };
}

function cell(value: number | null): string {
  return value === null ? "—" : value.toFixed(2);
}

/** A Markdown table of the evaluation, for the report script and docs/classification.md. */
export function evaluationTable(evaluation: Evaluation): string {
  const header =
    "| category | support | TP | FP | FN | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|---:|";
  const rows = evaluation.perCategory.map(
    (s) =>
      `| ${s.category} | ${s.support} | ${s.truePositives} | ${s.falsePositives} | ${s.falseNegatives} | ` +
      `${cell(s.precision)} | ${cell(s.recall)} | ${cell(s.f1)} |`,
  );
  const micro = (name: string, m: Evaluation["micro"]) =>
    `| **${name}** | ${evaluation.total} | | | | ${cell(m.precision)} | ${cell(m.recall)} | ${cell(m.f1)} |`;
  return [
    header,
    ...rows,
    micro("micro (all)", evaluation.micro),
    micro("micro (without other)", evaluation.microWithoutOther),
  ].join("\n");
}
