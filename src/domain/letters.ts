/**
 * Letters for regular expressions, spelled as explicit ranges instead of Unicode property classes.
 *
 * V8 compiles `\p{L}`, `\p{Lu}` and `\p{Ll}` into hundreds of ranges on a pattern's first use:
 * 0.3–1.6 ms each (more with the `i` flag), tens of milliseconds of a CLI run that imports one
 * programme (issue 13). These classes hold the same letters within the blocks a programme is written
 * in — Basic Latin, Latin-1 Supplement, Latin Extended-A, Spacing Modifier Letters (ʼ, the Ukrainian
 * apostrophe, is a letter: U+02BC) and the whole Cyrillic block U+0400–U+04FF — and nothing outside
 * them but Μ and ẞ (below; test/domain/letters.test.ts checks every code point of those blocks against
 * `\p{…}`, with and without the `i` flag). A letter of another script (Greek, Arabic…) is not a letter here.
 *
 * `…_CHARS` are a class's contents, to combine inside brackets (`[${LETTER_CHARS}'’-]`, or negated
 * `[^${LETTER_CHARS}]`); `LETTER`, `UPPER` and `LOWER` are the whole classes. Source strings for
 * `new RegExp(…, "u")`; they also work without the `u` flag (BMP only).
 */

/** `\p{L}` within those blocks, and Μ and ẞ as in `UPPER_CHARS`. */
export const LETTER_CHARS =
  "A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u017f\\u02b0-\\u02c1\\u02c6-\\u02d1\\u02e0-\\u02e4\\u02ec\\u02ee\\u0400-\\u0481\\u048a-\\u04ff\\u039c\\u1e9e";

/**
 * Alternate code points from `first` to `last` (Latin Extended-A and the Cyrillic block's historic and
 * non-Slavic letters pair capital and small letter so).
 */
function everyOther(first: number, last: number): string {
  let chars = "";
  for (let code = first; code <= last; code += 2) chars += `\\u${code.toString(16).padStart(4, "0")}`;
  return chars;
}

/**
 * `\p{Lu}` within those blocks, and the two capitals outside them whose small letter is in them: Greek
 * Μ (U+039C, µ's) and ẞ (U+1E9E, ß's), so that with the `i` flag, too, the class matches what `\p{Lu}`
 * matches (µ and ß).
 */
export const UPPER_CHARS = [
  "A-Z\\u00c0-\\u00d6\\u00d8-\\u00de",
  everyOther(0x100, 0x136),
  everyOther(0x139, 0x147),
  everyOther(0x14a, 0x176),
  "\\u0178\\u0179\\u017b\\u017d",
  "\\u0400-\\u042f",
  everyOther(0x460, 0x480),
  everyOther(0x48a, 0x4c0),
  everyOther(0x4c1, 0x4cd),
  everyOther(0x4d0, 0x4fe),
  "\\u039c\\u1e9e",
].join("");

/** `\p{Ll}` within those blocks. */
export const LOWER_CHARS = [
  "a-z\\u00b5\\u00df-\\u00f6\\u00f8-\\u00ff",
  everyOther(0x101, 0x137),
  everyOther(0x138, 0x148),
  everyOther(0x149, 0x177),
  "\\u017a\\u017c\\u017e\\u017f",
  "\\u0430-\\u045f",
  everyOther(0x461, 0x481),
  everyOther(0x48b, 0x4bf),
  everyOther(0x4c2, 0x4ce),
  everyOther(0x4cf, 0x4ff),
].join("");

/** A letter: `\p{L}` within those blocks. */
export const LETTER = `[${LETTER_CHARS}]`;
/** A capital letter: `\p{Lu}` within those blocks. */
export const UPPER = `[${UPPER_CHARS}]`;
/** A small letter: `\p{Ll}` within those blocks. */
export const LOWER = `[${LOWER_CHARS}]`;
