/**
 * Prints the precision/recall tables of the classifier over the hand-labelled sample
 * (test/classify/labelled-sample.json): once on the stored short titles, once on the importer's output
 * for the same projects (full titles, real task context). Paste the output into docs/classification.md.
 * Run: npx tsx scripts/classification-report.ts [--misses]
 */
import {
  type Classification,
  classifyText,
  evaluate,
  evaluationTable,
} from "../src/domain/classify/index.js";
import { classifyImported, loadSample, type SampleItem } from "../test/classify/sample.js";

interface Outcome {
  item: SampleItem;
  shownTitle: string;
  classification: Classification;
}

function onSample(items: SampleItem[]): Outcome[] {
  return items.map((item) => ({ item, shownTitle: item.title, classification: classifyText(item) }));
}

function onImported(items: SampleItem[]): Outcome[] {
  const { outcomes, unmatched } = classifyImported(items);
  for (const item of unmatched)
    console.log(`not found among imported leaves: ${item.fixture}: ${item.title}`);
  return outcomes.map((o) => ({ item: o.item, shownTitle: o.title, classification: o.classification }));
}

function report(title: string, outcomes: Outcome[], misses: boolean): void {
  const pairs = outcomes.map((o) => ({ expected: o.item.label, predicted: o.classification.category }));
  console.log(`### ${title} (${outcomes.length} projects)\n\n${evaluationTable(evaluate(pairs))}\n`);
  if (!misses) return;
  console.log("Misclassified (expected → predicted, rules of the predicted category):\n");
  for (const o of outcomes.filter((each) => each.item.label !== each.classification.category)) {
    const fired = o.classification.firedRules
      .map((f) => `${f.ruleId} «${f.matchedText}» @${f.where}`)
      .join(", ");
    console.log(`- ${o.item.label} → ${o.classification.category}: ${o.shownTitle.slice(0, 90)} (${fired})`);
  }
  console.log("");
}

const sample = loadSample();
const misses = process.argv.includes("--misses");
report("Stored short titles", onSample(sample), misses);
report("Importer output for the same projects", onImported(sample), misses);
