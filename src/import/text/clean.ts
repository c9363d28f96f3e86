/** Markup that survives text extraction: Word bookmarks, stray HTML paragraphs, Markdown bold. */
const MARKUP = /\[bookmark:[^\]]*\]|<\/?(?:p|br|span|b|i|strong|em)\b[^>]*>|\*\*/gi;

export function stripMarkup(line: string): string {
  return line.replace(MARKUP, "");
}

/** First parts of real compound words that are written with a hyphen ("онлайн-запис", "веб-сайт"). */
const COMPOUND_PREFIXES = new Set([
  "онлайн",
  "офлайн",
  "веб",
  "чат",
  "смарт",
  "відео",
  "аудіо",
  "фото",
  "теле",
  "кібер",
  "штрих",
  "коворкінг",
  "міст",
  "осіб",
  "бізнес",
  "інтернет",
  "медіа",
  "прес",
  "екс",
  "віце",
  "топ",
  "гео",
  "дизайн",
  "контент",
  "бренд",
  "блок",
]);

/** Adverb-like first parts of compound adjectives: "соціально-", "науково-", "історико-". */
const COMPOUND_STEM = /(?:но|во|ко|чно|ьно)$/;
const VOWELS = /[аеєиіїоуюяaeiouy]$/i;

function isLineWrapHyphen(before: string, after: string): boolean {
  if (!SMALL_FIRST.test(after)) return false; // "Дія-Центр", "Wi-Fi", "QR-код"
  if (/[0-9a-z]/i.test(before + after)) return false;
  if (before.length <= 1) return false; // "е-демократія"
  if (before.length >= 2 && before === before.toUpperCase()) return false; // "ІТ-сектор"
  const lower = before.toLowerCase();
  if (COMPOUND_PREFIXES.has(lower)) return false;
  if (!VOWELS.test(lower)) return true; // "впровад-ження": a syllable fragment
  return !(lower.length >= 5 && COMPOUND_STEM.test(lower));
}

/**
 * Joins words a Word layout hyphenated at a line wrap inside a table cell ("цифро-візації",
 * "Стро-ки"), keeping real compounds ("онлайн-запису", "соціально-економічний", "Дія-Центр").
 */

import { LETTER, LETTER_CHARS, LOWER } from "../../domain/letters.js";

/** Starts with a small letter. */
const SMALL_FIRST = new RegExp(String.raw`^${LOWER}`, "u");
/** Ends with a hyphen after a letter or digit. */
const HYPHEN_AFTER_WORD = new RegExp(String.raw`[${LETTER_CHARS}\d]-$`, "u");
export function joinHyphenatedWords(text: string): string {
  // Only whitespace-separated tokens with a hyphen can match: scanning every word with the regex is
  // slow, and so is cutting the whole text into tokens. Each hyphen's token is found around it.
  let hyphen = text.indexOf("-");
  if (hyphen < 0) return text;
  let joined = "";
  let done = 0;
  while (hyphen >= 0) {
    let start = hyphen;
    while (start > done && !SPACE.test(text[start - 1] ?? "")) start--;
    NEXT_SPACE.lastIndex = hyphen;
    const end = NEXT_SPACE.exec(text)?.index ?? text.length;
    joined += text.slice(done, start) + text.slice(start, end).replace(HYPHENATED_WORD, joinWordParts);
    done = end;
    hyphen = text.indexOf("-", end);
  }
  return joined + text.slice(done);
}

const SPACE = /\s/;
const NEXT_SPACE = /\s/g;

const HYPHENATED_WORD = new RegExp(String.raw`[${LETTER_CHARS}\d]+(?:-[${LETTER_CHARS}\d]+)+`, "gu");

function joinWordParts(word: string): string {
  const parts = word.split("-");
  let result = parts[0] ?? "";
  let segment = result;
  for (const part of parts.slice(1)) {
    if (isLineWrapHyphen(segment, part)) {
      result += part;
      segment += part;
    } else {
      result += `-${part}`;
      segment = part;
    }
  }
  return result;
}

/** "організаційно- інформаційної": a wrapped hyphen left a space ("тепло- та водопостачання" stays). */
const HYPHEN_SPACE = new RegExp(
  String.raw`(${LETTER})-\s+(?!(?:та|і|й|або|чи)(?!${LETTER}))(?=${LOWER})`,
  "gu",
);

/** Cleans the text of a table cell: wrapped hyphens closed up, line-wrap hyphenation joined. */
export function cleanCellText(text: string): string {
  return joinHyphenatedWords(text.includes("-") ? text.replace(HYPHEN_SPACE, "$1-") : text);
}

/** Joins two pieces of one cell; a piece ending in a hyphen continues the word ("2026-" + "2028"). */
export function joinPieces(first: string, second: string, separator = " "): string {
  const a = first.trimEnd();
  const b = second.trim();
  if (a === "") return b;
  if (b === "") return a;
  if (HYPHEN_AFTER_WORD.test(a)) return joinHyphenatedWords(a + b);
  return `${a}${separator}${b}`;
}
