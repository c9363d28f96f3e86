/**
 * Prints the precision/recall table of the classifier over the hand-labelled sample
 * (test/classify/labelled-sample.json) and the misclassified items. Paste its output into
 * docs/classification.md. Run: npx tsx scripts/classification-report.ts [--misses]
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type CategoryId,
  classifyText,
  evaluate,
  evaluationTable,
  isCategoryId,
} from "../src/domain/classify/index.js";

interface SampleItem {
  fixture: string;
  direction?: string;
  task?: string;
  title: string;
  label: string;
}

export function loadSample(
  file = path.resolve(process.cwd(), "test/classify/labelled-sample.json"),
): SampleItem[] {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { items: SampleItem[] };
  for (const item of parsed.items) {
    if (!isCategoryId(item.label)) throw new Error(`unknown label "${item.label}" for "${item.title}"`);
  }
  return parsed.items;
}

const items = loadSample();
const results = items.map((item) => ({
  item,
  expected: item.label as CategoryId,
  classification: classifyText({ title: item.title, task: item.task, direction: item.direction }),
}));
const evaluation = evaluate(
  results.map((r) => ({ expected: r.expected, predicted: r.classification.category })),
);
console.log(
  `Sample: ${evaluation.total} hand-labelled projects from ${new Set(items.map((i) => i.fixture)).size} programmes.\n`,
);
console.log(evaluationTable(evaluation));
if (process.argv.includes("--misses")) {
  console.log("\nMisclassified:");
  for (const r of results.filter((each) => each.expected !== each.classification.category)) {
    const fired = r.classification.firedRules
      .map((f) => `${f.ruleId}:${f.matchedText}@${f.where}`)
      .join(", ");
    console.log(`- [${r.expected} → ${r.classification.category}] ${r.item.title.slice(0, 90)} (${fired})`);
  }
}
