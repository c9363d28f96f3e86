const APOSTROPHES = /[’ʼ'`´‘′ʹ]/g;
const SOFT_HYPHEN = /\u00ad/g;
/** A hyphen between two Cyrillic letters: a line-break artifact ("цифро-візації") or a compound ("е-послуги"). */
const INNER_HYPHEN = /(?<=[а-яіїєґ'])[-‐‑]\s*(?=[а-яіїєґ])/g;
const MARKUP = /<\/?[a-z][^>]*>|\[bookmark:[^\]]*\]/gi;

/**
 * The text rules see: lower case, one apostrophe ('), markup gone, hyphens inside Cyrillic words removed
 * (so "обслу-говування" and "е-послуги" read "обслуговування", "епослуги"), whitespace collapsed.
 */
export function normalizeText(text: string): string {
  return text
    .replace(MARKUP, " ")
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(SOFT_HYPHEN, "")
    .replace(INNER_HYPHEN, "")
    .replace(/\s+/g, " ")
    .trim();
}
