import { LETTER } from "../../domain/letters.js";
import type { Section, SectionKey } from "../../domain/model.js";
import type { Block, Paragraph } from "../blocks.js";

/** «ПРОГРАМА» as a word at the start. */
const PROGRAMME_TITLE = new RegExp(String.raw`^ПРОГРАМА(?!${LETTER})`, "u");

const HEADING = /^(?:[IVXІ]{1,4}|\d{1,2})\.\s*(\S.*)$/;
const ANNEX = /^додаток\s*(?:№\s*)?\d/iu;
const KEYS: [SectionKey, RegExp][] = [
  ["general", /^загальні положення/i],
  ["analysis", /^аналіз/i],
  ["aims", new RegExp(String.raw`^мета(?!${LETTER})`, "iu")],
  ["results", /^очікуван\S* результат/i],
  ["monitoring", /^моніторинг/i],
];

function headingKey(text: string): SectionKey | null {
  const match = HEADING.exec(text);
  if (!match || text.length > 300) return null;
  const rest = match[1] ?? "";
  return KEYS.find(([, pattern]) => pattern.test(rest))?.[0] ?? null;
}

/**
 * The narrative sections (general provisions, analysis, aims, expected results, monitoring), each
 * from its numbered heading to the next heading or the first annex. `stop` is the index of the
 * first block that belongs to the annexes (the task table), when known.
 */
export function readSections(blocks: Block[], stop: number): Section[] {
  const sections: Section[] = [];
  let current: (Section & { parts: string[] }) | null = null;
  for (const block of blocks.slice(0, stop)) {
    if (block.kind !== "paragraph") continue;
    if (ANNEX.test(block.text)) break;
    const key = headingKey(block.text);
    if (key && !sections.some((section) => section.key === key)) {
      current = { key, title: block.text, text: "", line: block.line, parts: [] };
      sections.push(current);
    } else if (current) current.parts.push(block.text);
  }
  return sections.map((section) => {
    const { parts, ...rest } = section as Section & { parts?: string[] };
    return { ...rest, text: (parts ?? []).join("\n") };
  });
}

/** "Програма (Програми) інформатизації / цифрового розвитку / цифрової трансформації …", after «ПАСПОРТ» maybe. */
const PROGRAMME_NAME =
  /^(?:паспорт\s+)?програм[аи]\s+(?:інформатизації|цифров\S*\s+(?:розвитку|трансформації)|розвитку\s+цифров)/i;

/** The programme title: the "ПРОГРАМА …" heading and the lines right under it. */
export function readTitle(blocks: Block[]): string {
  const paragraphs = blocks.filter((block): block is Paragraph => block.kind === "paragraph");
  const start = paragraphs.findIndex((block) => PROGRAMME_TITLE.test(block.text));
  const fallback = paragraphs.findIndex((block) => PROGRAMME_NAME.test(block.text));
  const at = start >= 0 ? start : fallback;
  const first = paragraphs[at];
  if (!first) return "";
  const parts = [first.text];
  for (let index = at + 1; index < Math.min(paragraphs.length, at + 4); index++) {
    const next = paragraphs[index];
    const previous = paragraphs[index - 1];
    if (!next || !previous || next.line !== previous.line + 1) break;
    parts.push(next.text);
  }
  // «ПАСПОРТ / Програми цифрового розвитку …» names it in the genitive: the title is «Програма …».
  const title = parts.join(" ").replace(/\s+/g, " ").trim();
  return start >= 0 ? title : title.replace(/^(?:паспорт\s+)?програми(?=\s)/i, "Програма");
}
