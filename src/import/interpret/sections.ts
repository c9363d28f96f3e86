import { LETTER } from "../../domain/letters.js";
import type { Section, SectionKey } from "../../domain/model.js";
import type { Block, Paragraph } from "../blocks.js";

/** «ПРОГРАМА» as a word at the start. */
const PROGRAMME_TITLE = new RegExp(String.raw`^ПРОГРАМА(?!${LETTER})`, "u");

/** «ІІ. Назва», «2. Назва», «Розділ 2. Назва», «РОЗДІЛ ІІ Назва» (Roman often typed with the Cyrillic І and Х). */
const HEADING =
  /^(?:(?:Розділ|РОЗДІЛ)\s+(?:[IVXІХ]{1,4}|\d{1,2})\.?\s*[.:–—-]?|(?:[IVXІХ]{1,4}|\d{1,2})\.)\s*(\S.*)$/u;
const ANNEX = /^додаток\s*(?:№\s*)?\d/iu;
const KEYS: [SectionKey, RegExp][] = [
  ["general", /^загальні положення/i],
  ["analysis", /^аналіз/i],
  ["aims", new RegExp(String.raw`^(?:мета(?!${LETTER})|пріоритетн${LETTER}*\s+напрям)`, "iu")],
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
/** The programme named inside a caption: «Додаток 2 до Програми інформатизації …», «Перелік заходів Програми …». */
const PROGRAMME_NAMED = new RegExp(
  String.raw`(?<!${LETTER})програм[аиі](?=\s+(?:інформатизації|цифров\S*\s+(?:розвитку|трансформації)|розвитку\s+цифров))`,
  "iu",
);

/**
 * The programme title: the "ПРОГРАМА …" heading and the lines right under it; else a line naming the
 * programme («ПАСПОРТ Програми …»); else, in an annex published alone, its caption above the first table.
 */
export function readTitle(blocks: Block[]): string {
  const paragraphs = blocks.filter((block): block is Paragraph => block.kind === "paragraph");
  const start = paragraphs.findIndex((block) => PROGRAMME_TITLE.test(block.text));
  const fallback = paragraphs.findIndex((block) => PROGRAMME_NAME.test(block.text));
  const at = start >= 0 ? start : fallback;
  if (at < 0) return captionTitle(blocks);
  const title = withNextLines(paragraphs, at);
  // «ПАСПОРТ / Програми цифрового розвитку …» names it in the genitive: the title is «Програма …».
  return start >= 0 ? title : title.replace(/^(?:паспорт\s+)?програми(?=\s)/i, "Програма");
}

/** A title's last words: its period («на 2026–2028 роки», «на 2027 рік»). */
const ENDS_WITH_PERIOD = /\d{4}\s*(?:рок(?:и|ів)|рік)\.?$/i;
const STARTS_CAPITAL = /^[А-ЯІЇЄҐA-Z]/;

/**
 * The paragraph and the lines right under it (a title wrapped over up to four lines), up to the
 * period that ends a title: a capitalised line after it is the next heading («Перелік заходів …»).
 */
function withNextLines(paragraphs: Paragraph[], at: number): string {
  const parts = [paragraphs[at]?.text ?? ""];
  for (let index = at + 1; index < Math.min(paragraphs.length, at + 4); index++) {
    const next = paragraphs[index];
    const previous = paragraphs[index - 1];
    if (!next || !previous || next.line !== previous.line + 1) break;
    if (ENDS_WITH_PERIOD.test(previous.text.trim()) && STARTS_CAPITAL.test(next.text.trim())) break;
    parts.push(next.text);
  }
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

function captionTitle(blocks: Block[]): string {
  const table = blocks.findIndex((block) => block.kind !== "paragraph");
  const caption = (table < 0 ? blocks : blocks.slice(0, table)).filter(
    (block): block is Paragraph => block.kind === "paragraph",
  );
  const at = caption.findIndex((block) => PROGRAMME_NAMED.test(block.text));
  if (at < 0) return "";
  const text = withNextLines(caption, at);
  const named = PROGRAMME_NAMED.exec(text);
  return named ? `Програма${text.slice(named.index + named[0].length)}` : "";
}
