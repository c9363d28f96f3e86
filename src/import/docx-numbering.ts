/**
 * Word's automatic numbering: a paragraph with `w:numPr` (its own or its style's) prints a number
 * Word computes — «1.», «1.2.», «IV.» — that is not in the paragraph's text. Councils number the
 * task table's № column, the passport's fields and the section headings so; without the numbers a
 * direction row reads as a measure. This walk computes the numbers in document order as Word does
 * (counters per abstract list, deeper levels restarting, `%1.%2.` level texts, a numbering instance's
 * start override restarting it) and gives each numbered paragraph its number as printed text.
 */

import { LATIN, letters, roman } from "./list-labels.js";

/** The part of an XML tree the numbering needs; the DOCX reader's elements have this shape. */
export interface NumberedXml {
  name: string;
  attributes: Record<string, string>;
  children: (NumberedXml | string)[];
}

interface Level {
  start: number;
  format: string;
  text: string;
  /** «Legal» numbering: every level's number printed in decimal. */
  legal: boolean;
  /** What follows the number: a tab or a space (printed as a space), or nothing. */
  suffix: string;
  style?: string;
}

interface Numbering {
  /** Abstract list id → its levels by `ilvl`. */
  abstracts: Map<string, Map<number, Level>>;
  /** Numbering instance (`numId`) → its abstract list and the levels it restarts at a value. */
  instances: Map<string, { abstract: string; starts: Map<number, number> }>;
  /** Paragraph style → the numbering it carries (`numId`, `ilvl`), following `basedOn`. */
  styles: Map<string, { numId?: string; level?: number; basedOn?: string }>;
}

function elementsOf(node: NumberedXml, name?: string): NumberedXml[] {
  return node.children.filter(
    (child): child is NumberedXml => typeof child !== "string" && (name === undefined || child.name === name),
  );
}

function child(node: NumberedXml | undefined, name: string): NumberedXml | undefined {
  return node ? elementsOf(node, name)[0] : undefined;
}

function value(node: NumberedXml | undefined): string | undefined {
  return node?.attributes.val;
}

function integer(text: string | undefined, fallback: number): number {
  const number = Number.parseInt(text ?? "", 10);
  return Number.isFinite(number) ? number : fallback;
}

function readLevel(level: NumberedXml): Level {
  const suffix = value(child(level, "suff"));
  const legal = child(level, "isLgl");
  const style = value(child(level, "pStyle"));
  return {
    start: integer(value(child(level, "start")), 1),
    format: value(child(level, "numFmt")) ?? "decimal",
    text: value(child(level, "lvlText")) ?? "",
    legal: legal !== undefined && value(legal) !== "0" && value(legal) !== "false",
    suffix: suffix === "nothing" ? "" : " ",
    ...(style ? { style } : {}),
  };
}

function readAbstracts(numbering: NumberedXml): Map<string, Map<number, Level>> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const abstract of elementsOf(numbering, "abstractNum")) {
    const levels = new Map<number, Level>();
    for (const level of elementsOf(abstract, "lvl"))
      levels.set(integer(level.attributes.ilvl, 0), readLevel(level));
    abstracts.set(abstract.attributes.abstractNumId ?? "", levels);
  }
  return abstracts;
}

function readInstances(numbering: NumberedXml): Numbering["instances"] {
  const instances: Numbering["instances"] = new Map();
  for (const instance of elementsOf(numbering, "num")) {
    const starts = new Map<number, number>();
    for (const override of elementsOf(instance, "lvlOverride")) {
      const start = value(child(override, "startOverride"));
      if (start !== undefined) starts.set(integer(override.attributes.ilvl, 0), integer(start, 1));
    }
    instances.set(instance.attributes.numId ?? "", {
      abstract: value(child(instance, "abstractNumId")) ?? "",
      starts,
    });
  }
  return instances;
}

function readStyles(styles: NumberedXml | undefined): Numbering["styles"] {
  const read: Numbering["styles"] = new Map();
  for (const style of styles ? elementsOf(styles, "style") : []) {
    const numbered = child(child(style, "pPr"), "numPr");
    const numId = value(child(numbered, "numId"));
    const level = value(child(numbered, "ilvl"));
    const basedOn = value(child(style, "basedOn"));
    read.set(style.attributes.styleId ?? "", {
      ...(numId !== undefined ? { numId } : {}),
      ...(level !== undefined ? { level: integer(level, 0) } : {}),
      ...(basedOn !== undefined ? { basedOn } : {}),
    });
  }
  return read;
}

/** The numbering definitions of `word/numbering.xml` and the paragraph styles of `word/styles.xml`. */
export function readNumbering(
  numberingRoot: NumberedXml | undefined,
  stylesRoot?: NumberedXml,
): Numbering | null {
  const numbering = numberingRoot ? child(numberingRoot, "numbering") : undefined;
  if (!numbering) return null;
  return {
    abstracts: readAbstracts(numbering),
    instances: readInstances(numbering),
    styles: readStyles(stylesRoot ? child(stylesRoot, "styles") : undefined),
  };
}

/** Word's «russianLower» list letters (also what Ukrainian documents get from it). */
const CYRILLIC = "абвгдежзиклмнопрстуфхцчшщэюя";

function formatNumber(number: number, format: string): string {
  if (number <= 0) return String(number);
  switch (format) {
    case "upperRoman":
      return roman(number);
    case "lowerRoman":
      return roman(number).toLowerCase();
    case "upperLetter":
      return letters(number, LATIN).toUpperCase();
    case "lowerLetter":
      return letters(number, LATIN);
    case "russianUpper":
      return letters(number, CYRILLIC).toUpperCase();
    case "russianLower":
      return letters(number, CYRILLIC);
    case "decimalZero":
      return String(number).padStart(2, "0");
    case "none":
      return "";
    default:
      return String(number);
  }
}

/** Counts numbered paragraphs in document order and prints each one's number. */
class Counter {
  private readonly counts = new Map<string, number[]>();
  private readonly begun = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  /** The printed number of a paragraph in list `numId` at level `level`, or "" (a bullet, no list). */
  label(numId: string, level: number): string {
    const instance = this.numbering.instances.get(numId);
    const levels = instance ? this.numbering.abstracts.get(instance.abstract) : undefined;
    const own = levels?.get(level);
    if (!instance || !levels || !own || own.format === "bullet") return "";
    const counts = this.countsOf(numId, instance.abstract, instance.starts);
    const startOf = (at: number) => instance.starts.get(at) ?? levels.get(at)?.start ?? 1;
    counts[level] = (counts[level] ?? startOf(level) - 1) + 1;
    counts.length = level + 1;
    const text = own.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const format = own.legal ? "decimal" : (levels.get(at)?.format ?? "decimal");
      return formatNumber(counts[at] ?? startOf(at), format);
    });
    return text === "" ? "" : text + own.suffix;
  }

  /** An instance that restarts levels at a value starts its abstract list afresh where it first appears. */
  private countsOf(numId: string, abstract: string, starts: Map<number, number>): number[] {
    let counts = this.counts.get(abstract);
    if (!counts || (starts.size > 0 && !this.begun.has(numId))) {
      counts = [];
      this.counts.set(abstract, counts);
    }
    this.begun.add(numId);
    return counts;
  }
}

/** The list and level a paragraph's own `w:numPr` or its style (and the styles it is based on) give. */
function paragraphList(
  paragraph: NumberedXml,
  numbering: Numbering,
): { numId: string; level: number } | null {
  const properties = child(paragraph, "pPr");
  const own = child(properties, "numPr");
  let numId = value(child(own, "numId"));
  let level = value(child(own, "ilvl")) === undefined ? undefined : integer(value(child(own, "ilvl")), 0);
  const styleId = value(child(properties, "pStyle"));
  for (let style = styleId, depth = 0; style !== undefined && depth < 10; depth++) {
    const read = numbering.styles.get(style);
    numId ??= read?.numId;
    level ??= read?.level;
    style = read?.basedOn;
  }
  if (numId === undefined || numId === "0") return null;
  return { numId, level: level ?? styleLevel(numbering, numId, styleId) };
}

/** A heading style tied to a list level (`w:pStyle` in the level): that level. */
function styleLevel(numbering: Numbering, numId: string, styleId: string | undefined): number {
  const abstract = numbering.abstracts.get(numbering.instances.get(numId)?.abstract ?? "");
  for (const [level, definition] of abstract ?? []) if (styleId && definition.style === styleId) return level;
  return 0;
}

/**
 * Gives every numbered paragraph under `body` its printed number as the first run of its text.
 * `skipped` names the elements whose content is not part of the document (deleted text, fallbacks).
 */
export function printNumbers(body: NumberedXml, numbering: Numbering, skipped: ReadonlySet<string>): void {
  const counter = new Counter(numbering);
  const visit = (node: NumberedXml): void => {
    for (const element of elementsOf(node)) {
      if (skipped.has(element.name)) continue;
      if (element.name === "p") number(element);
      visit(element);
    }
  };
  const number = (paragraph: NumberedXml): void => {
    const list = paragraphList(paragraph, numbering);
    const label = list ? counter.label(list.numId, list.level) : "";
    if (label === "") return;
    const text: NumberedXml = { name: "t", attributes: {}, children: [label] };
    paragraph.children.unshift({ name: "r", attributes: {}, children: [text] });
  };
  visit(body);
}
