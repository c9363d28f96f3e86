import { readFileSync } from "node:fs";
import path from "node:path";
import {
  type CategoryId,
  type Classification,
  classifyProgramme,
  isCategoryId,
} from "../../src/domain/classify/index.js";
import { allItems } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";

/** One hand-labelled project of test/classify/labelled-sample.json. */
export interface SampleItem {
  fixture: string;
  direction?: string;
  task?: string;
  title: string;
  label: CategoryId;
}

export const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

export function loadSample(): SampleItem[] {
  const file = path.resolve(import.meta.dirname, "labelled-sample.json");
  const parsed = JSON.parse(readFileSync(file, "utf8")) as {
    items: (Omit<SampleItem, "label"> & { label: string })[];
  };
  return parsed.items.map((item) => {
    if (!isCategoryId(item.label)) throw new Error(`unknown label "${item.label}" for "${item.title}"`);
    return { ...item, label: item.label };
  });
}

function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}]/gu, "");
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Shortest shared opening (in letters) for a sample title to count as found among imported leaves. */
const MIN_SHARED_LETTERS = 15;

export interface ImportedOutcome {
  item: SampleItem;
  /** The imported leaf's full title. */
  title: string;
  classification: Classification;
}

/**
 * Imports each fixture with the real importer, classifies its leaves, and pairs every sample item with
 * the leaf whose title shares the longest opening with it (titles wrap differently in the sample).
 */
export function classifyImported(items: SampleItem[]): {
  outcomes: ImportedOutcome[];
  unmatched: SampleItem[];
} {
  const outcomes: ImportedOutcome[] = [];
  const unmatched: SampleItem[] = [];
  for (const fixture of new Set(items.map((item) => item.fixture))) {
    const { programme } = importText(readFileSync(path.join(FIXTURES, fixture), "utf8"));
    const results = classifyProgramme(programme);
    const leaves = allItems(programme).filter((leaf) => results.has(leaf.id));
    for (const item of items.filter((each) => each.fixture === fixture)) {
      const key = letters(item.title);
      let best: { shared: number; id: string; title: string } | undefined;
      for (const leaf of leaves) {
        const shared = commonPrefix(key, letters(leaf.title));
        if (!best || shared > best.shared) best = { shared, id: leaf.id, title: leaf.title };
      }
      const classification = best && results.get(best.id);
      if (best && classification && best.shared >= MIN_SHARED_LETTERS) {
        outcomes.push({ item, title: best.title, classification });
      } else unmatched.push(item);
    }
  }
  return { outcomes, unmatched };
}
