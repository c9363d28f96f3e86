/**
 * Community names compared as people type them: case, apostrophes (ʼ ' ’ ‘ ` ʹ), quotes, dashes and
 * spacing do not matter, and the words around the name ("міська територіальна громада", "ТГ", "рада")
 * are set aside. Latin text is compared with the names' official transliteration (Cabinet Resolution
 * No. 55 of 27.01.2010), so "Romenska" finds «Роменська». Pure functions.
 */

const APOSTROPHES = /[ʼ'’‘`ʹ′]/g;
const QUOTES = /["«»“”„]/g;

/** Lower case, one apostrophe, no quotes, dashes as spaces, single spaces. */
export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(APOSTROPHES, "'")
    .replace(QUOTES, "")
    .replace(/[‐-―-]/g, " ")
    .replace(/[.,;:()]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Words that name the kind of body, not the community. */
const NOISE = new Set([
  "територіальна",
  "територіальної",
  "громада",
  "громади",
  "об'єднана",
  "об'єднаної",
  "тг",
  "отг",
  "рада",
  "ради",
  "міська",
  "селищна",
  "сільська",
  "міської",
  "селищної",
  "сільської",
  "м",
  "та",
  "hromada",
  "territorial",
  "community",
  "city",
  "settlement",
  "village",
  "rural",
  "urban",
  "council",
  "miska",
  "selyshchna",
  "silska",
]);

/** The community's own name in a longer title: «Роменська міська територіальна громада» → «роменська». */
export function coreName(text: string): string {
  return normalizeName(text)
    .split(" ")
    .filter((word) => word !== "" && !NOISE.has(word))
    .join(" ");
}

/** The kind a title names, if any. */
export function kindOf(text: string): "міська" | "селищна" | "сільська" | null {
  const words = normalizeName(text).split(" ");
  for (const kind of ["міська", "селищна", "сільська"] as const) {
    if (words.includes(kind) || words.includes(kind.replace(/а$/, "ої"))) return kind;
  }
  return null;
}

/** Cabinet Resolution No. 55 of 27.01.2010: the first-letter forms at the start of a word, «зг» as "zgh". */
const LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ie",
  ж: "zh",
  з: "z",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ю: "iu",
  я: "ia",
  ь: "",
  "'": "",
};
const LATIN_FIRST: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

/** Ukrainian letters in Latin letters (lower case); other characters are kept. */
export function transliterate(text: string): string {
  let out = "";
  let previous = " ";
  for (const char of text.toLowerCase()) {
    const first = !/[а-яіїєґ']/.test(previous);
    if (char === "г" && previous === "з") out += "gh";
    else out += (first ? LATIN_FIRST[char] : undefined) ?? LATIN[char] ?? char;
    previous = char;
  }
  return out;
}

/** Edit distance with adjacent transpositions (optimal string alignment), stopping past `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Typos allowed for a word of this length: none under 4 letters, one under 8, then two. */
export function typosAllowed(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}
