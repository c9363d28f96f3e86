/**
 * OpenDocument's list numbering: an item of a numbered `text:list` prints a number the application
 * computes from the list style («1.», «1.2.», «IV.») — not in the paragraph's text. A task table's №
 * column numbered so (LibreOffice keeps Word's automatic numbering this way) would lose its numbers.
 * This walk computes them in document order — levels by nesting, counters carried across lists that
 * continue one another (`text:continue-numbering`, `text:continue-list`), `text:start-value` — and
 * gives each numbered item's first paragraph its number as printed text.
 */

import { LATIN, letters, roman } from "./list-labels.js";

/** The part of an XML tree the numbering needs; the ODT reader's elements have this shape. */
export interface OdfXml {
  name: string;
  attributes: Record<string, string>;
  children: (OdfXml | string)[];
}

interface ListLevel {
  bullet: boolean;
  format: string;
  prefix: string;
  suffix: string;
  /** How many levels the label shows, ending with its own («1.2.» shows two). */
  display: number;
  start: number;
  /** LibreOffice's own template of the label («%1%.%2%.»), when it writes one. */
  template?: string;
}

type ListStyles = Map<string, Map<number, ListLevel>>;

function elementsOf(node: OdfXml): OdfXml[] {
  return node.children.filter((child): child is OdfXml => typeof child !== "string");
}

function positive(text: string | undefined, fallback: number): number {
  const number = Number.parseInt(text ?? "", 10);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

function readLevel(level: OdfXml): ListLevel {
  const attributes = level.attributes;
  const template = attributes["loext:num-list-format"];
  return {
    bullet: level.name !== "text:list-level-style-number" && level.name !== "text:outline-level-style",
    format: attributes["style:num-format"] ?? "1",
    prefix: attributes["style:num-prefix"] ?? "",
    suffix: attributes["style:num-suffix"] ?? "",
    display: positive(attributes["text:display-levels"], 1),
    start: positive(attributes["text:start-value"], 1),
    ...(template ? { template } : {}),
  };
}

/** The headings' numbering (`text:outline-style`), kept beside the list styles under this name. */
const OUTLINE = "#outline";

function levelsOf(style: OdfXml): Map<number, ListLevel> {
  const levels = new Map<number, ListLevel>();
  for (const level of elementsOf(style))
    levels.set(positive(level.attributes["text:level"], 1), readLevel(level));
  return levels;
}

/** Every `text:list-style` in the given trees (automatic styles of the content, styles.xml). */
export function readListStyles(...roots: (OdfXml | undefined)[]): ListStyles {
  const styles: ListStyles = new Map();
  const visit = (node: OdfXml): void => {
    for (const element of elementsOf(node)) {
      if (element.name === "text:outline-style") {
        styles.set(OUTLINE, levelsOf(element));
        continue;
      }
      if (element.name !== "text:list-style") {
        if (element.name.startsWith("office:") || element.name === "#document") visit(element);
        continue;
      }
      styles.set(element.attributes["style:name"] ?? "", levelsOf(element));
    }
  };
  for (const root of roots) if (root) visit(root);
  return styles;
}

const UKRAINIAN = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя";

function formatNumber(number: number, format: string): string {
  if (format === "I") return roman(number);
  if (format === "i") return roman(number).toLowerCase();
  if (format === "A") return letters(number, LATIN).toUpperCase();
  if (format === "a") return letters(number, LATIN);
  if (format.startsWith("А")) return letters(number, UKRAINIAN).toUpperCase();
  if (format.startsWith("а")) return letters(number, UKRAINIAN);
  return String(number);
}

/** The label of an item at `level` (1-based) given the counters of its chain and the list style. */
function label(levels: Map<number, ListLevel>, counts: number[], level: number): string {
  const own = levels.get(level);
  if (!own || own.bullet || own.format === "") return "";
  const numberAt = (at: number) =>
    formatNumber(counts[at - 1] ?? levels.get(at)?.start ?? 1, levels.get(at)?.format ?? "1");
  if (own.template) return own.template.replace(/%([1-9])%/g, (_, digit: string) => numberAt(Number(digit)));
  const shown: string[] = [];
  for (let at = Math.max(1, level - own.display + 1); at <= level; at++) shown.push(numberAt(at));
  return `${own.prefix}${shown.join(".")}${own.suffix}`;
}

/** A heading outside a list numbered by the outline style at its `text:outline-level`. */
function numberHeading(heading: OdfXml, levels: Map<number, ListLevel> | undefined, chain: Chain): void {
  const level = positive(heading.attributes["text:outline-level"], 0);
  if (!levels || level === 0 || heading.attributes["text:is-list-header"] === "true") return;
  printNext(heading, heading, levels, chain, level);
}

/**
 * Counts one more at `level` in `chain` (from `counted`'s start value if it has one; deeper levels start
 * again) and puts the label before `paragraph`'s text.
 */
function printNext(
  counted: OdfXml,
  paragraph: OdfXml,
  levels: Map<number, ListLevel>,
  chain: Chain,
  level: number,
): void {
  const start = counted.attributes["text:start-value"];
  const previous = start
    ? positive(start, 1) - 1
    : (chain.counts[level - 1] ?? (levels.get(level)?.start ?? 1) - 1);
  chain.counts[level - 1] = previous + 1;
  chain.counts.length = level;
  const printed = label(levels, chain.counts, level);
  if (printed !== "") paragraph.children.unshift(`${printed} `);
}

/** Counters of a run of lists numbered as one. */
interface Chain {
  counts: number[];
}

/**
 * Gives every numbered list item under `text` its printed number as the start of its first
 * paragraph's text. `skipped` names the elements whose content is not part of the document.
 */
export function printListNumbers(text: OdfXml, styles: ListStyles, skipped: ReadonlySet<string>): void {
  if (styles.size === 0) return;
  const chains = new Map<string, Chain>();
  const lastOfStyle = new Map<string, Chain>();
  const chainOf = (list: OdfXml, style: string): Chain => {
    const continued = list.attributes["text:continue-list"];
    const chain = (continued ? chains.get(continued) : undefined) ??
      (list.attributes["text:continue-numbering"] === "true" ? lastOfStyle.get(style) : undefined) ?? {
        counts: [],
      };
    const id = list.attributes["xml:id"];
    if (id) chains.set(id, chain);
    lastOfStyle.set(style, chain);
    return chain;
  };
  const visitList = (list: OdfXml, style: string, chain: Chain, level: number): void => {
    const levels = styles.get(style);
    for (const item of elementsOf(list)) {
      if (item.name !== "text:list-item") continue;
      const [first] = elementsOf(item);
      if (levels && first && (first.name === "text:p" || first.name === "text:h"))
        printNext(item, first, levels, chain, level);
      for (const child of elementsOf(item)) {
        if (child.name === "text:list")
          visitList(child, child.attributes["text:style-name"] ?? style, chain, level + 1);
        else if (!skipped.has(child.name)) visit(child);
      }
    }
  };
  const outline: Chain = { counts: [] };
  const visit = (node: OdfXml): void => {
    for (const element of elementsOf(node)) {
      if (skipped.has(element.name)) continue;
      if (element.name === "text:h") numberHeading(element, styles.get(OUTLINE), outline);
      if (element.name === "text:list") {
        const style = element.attributes["text:style-name"] ?? "";
        visitList(element, style, chainOf(element, style), 1);
      } else visit(element);
    }
  };
  visit(text);
}
