import { type Item, type Programme, walkItems } from "../model.js";
import { type CategoryId, tiePriority } from "./categories.js";
import { normalizeText } from "./normalize.js";
import { RULES, type Rule } from "./rules.js";

export interface FiredRule {
  ruleId: string;
  category: CategoryId;
  stem: string;
  /** The text the stem matched, from the normalised text. */
  matchedText: string;
  /** Where it matched: the item's own title, its parent task's title, or the direction's title. */
  where: TextPart;
  /** Rule weight × the part's factor × the head/tail factor: what this rule added to its category. */
  contribution: number;
}

export interface Classification {
  category: CategoryId;
  score: number;
  firedRules: FiredRule[];
  /** Other categories that scored, best first. */
  alternatives: { category: CategoryId; score: number }[];
}

export type TextPart = "title" | "task" | "direction";

/** How much a match counts, by where it is: the project's own words weigh most. */
export const PART_FACTORS: Record<TextPart, number> = { title: 1, task: 0.5, direction: 0.25 };

/**
 * Titles put what is done first and whom it serves after ("придбання комп'ютерів для ЦНАП"): a match
 * after the head clause — past the first comma, colon, semicolon, bracket, or " для ", " у ", " в " —
 * counts this much.
 */
export const TAIL_FACTOR = 0.5;
const HEAD_END = /[,;:(]| (?:для|у|в) /u;

function headLength(text: string): number {
  const end = HEAD_END.exec(text);
  return end ? end.index : text.length;
}

export interface ClassifyInput {
  title: string;
  /** Title of the parent task, when the project is a sub-item. */
  task?: string;
  direction?: string;
}

interface CompiledStem {
  stem: string;
  pattern: RegExp;
}

const WORD_CHAR = "[\\p{L}\\d']";

function compileStem(stem: string): CompiledStem {
  let source = stem.replaceAll("\\w", WORD_CHAR);
  if (source.startsWith("^")) source = `(?<!${WORD_CHAR})(?:${source.slice(1)})`;
  if (source.endsWith("$")) source = `(?:${source.slice(0, -1)})(?!${WORD_CHAR})`;
  return { stem, pattern: new RegExp(source, "u") };
}

const COMPILED: { rule: Rule; stems: CompiledStem[] }[] = RULES.map((rule) => ({
  rule,
  stems: rule.stems.map(compileStem),
}));

/** Every stem of every rule that occurs in each part; a rule counts once, at its best part. */
function fireRules(parts: [TextPart, string][]): FiredRule[] {
  const fired: FiredRule[] = [];
  for (const { rule, stems } of COMPILED) {
    let best: FiredRule | undefined;
    for (const [where, text] of parts) {
      const head = headLength(text);
      for (const { stem, pattern } of stems) {
        const match = pattern.exec(text);
        if (!match) continue;
        const contribution = rule.weight * PART_FACTORS[where] * (match.index < head ? 1 : TAIL_FACTOR);
        if (!best || contribution > best.contribution) {
          best = {
            ruleId: rule.id,
            category: rule.category,
            stem,
            matchedText: match[0],
            where,
            contribution,
          };
        }
      }
    }
    if (best) fired.push(best);
  }
  return fired;
}

function rankCategories(fired: FiredRule[]): { category: CategoryId; score: number }[] {
  const scores = new Map<CategoryId, number>();
  for (const rule of fired) scores.set(rule.category, (scores.get(rule.category) ?? 0) + rule.contribution);
  return [...scores.entries()]
    .map(([category, score]) => ({ category, score }))
    .sort((a, b) => b.score - a.score || tiePriority(a.category) - tiePriority(b.category));
}

/** Classifies a project from its title, with its task's and direction's titles as weaker evidence. */
export function classifyText(input: ClassifyInput): Classification {
  const parts: [TextPart, string][] = [["title", normalizeText(input.title)]];
  if (input.task) parts.push(["task", normalizeText(input.task)]);
  if (input.direction) parts.push(["direction", normalizeText(input.direction)]);
  const fired = fireRules(parts);
  const [best, ...alternatives] = rankCategories(fired);
  if (!best) return { category: "other", score: 0, firedRules: [], alternatives: [] };
  return {
    category: best.category,
    score: best.score,
    firedRules: fired.filter((rule) => rule.category === best.category),
    alternatives,
  };
}

/** Classifies one item; pass its parent task's title when the item is a project under a task. */
export function classifyItem(
  item: Pick<Item, "title">,
  directionTitle?: string,
  taskTitle?: string,
): Classification {
  return classifyText({ title: item.title, task: taskTitle, direction: directionTitle });
}

/** Classifies every leaf item of a programme (a task without projects counts as a project), by item id. */
export function classifyProgramme(programme: Programme): Map<string, Classification> {
  const out = new Map<string, Classification>();
  for (const direction of programme.directions) {
    for (const top of direction.items) {
      for (const item of walkItems([top])) {
        if (item.children.length > 0) continue;
        const task = item === top ? undefined : top.title;
        out.set(item.id, classifyItem(item, direction.title, task));
      }
    }
  }
  return out;
}

/**
 * The automatic category of every item, by item id: leaves as `classifyProgramme` labels them, and a
 * task with projects under it by its own title (its own funding rows, if any, need a label too).
 */
export function autoCategories(programme: Programme): Map<string, CategoryId> {
  const out = new Map<string, CategoryId>();
  for (const [id, classification] of classifyProgramme(programme)) out.set(id, classification.category);
  for (const direction of programme.directions) {
    for (const item of walkItems(direction.items)) {
      if (!out.has(item.id)) out.set(item.id, classifyItem(item, direction.title).category);
    }
  }
  return out;
}

/**
 * The automatic category of one item, as `autoCategories` gives it, without classifying the rest of
 * the programme (an item's label depends only on its own, its task's and its direction's titles).
 */
export function autoCategoryOf(programme: Programme, id: string): CategoryId | undefined {
  for (const direction of programme.directions) {
    for (const top of direction.items) {
      if (top.id !== id && !id.startsWith(`${top.id}.`)) continue;
      for (const item of walkItems([top])) {
        if (item.id !== id) continue;
        const task = item.children.length > 0 || item === top ? undefined : top.title;
        return classifyItem(item, direction.title, task).category;
      }
    }
  }
  return undefined;
}
