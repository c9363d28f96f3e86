/**
 * Cyrillic and Latin letters that print alike («А» and "A", «р» and "p"): one table, read in either
 * direction. Monitoring variables fold the Cyrillic letter to the Latin one (a legend's «А» is the
 * formula's "A"); the OCR of scanned pages makes a Latin letter Cyrillic in a Cyrillic word.
 */
const PAIRS: readonly (readonly [cyrillic: string, latin: string])[] = [
  ["А", "A"],
  ["В", "B"],
  ["С", "C"],
  ["Е", "E"],
  ["Н", "H"],
  ["І", "I"],
  ["К", "K"],
  ["М", "M"],
  ["О", "O"],
  ["Р", "P"],
  ["Т", "T"],
  ["Х", "X"],
  ["а", "a"],
  ["с", "c"],
  ["е", "e"],
  ["і", "i"],
  ["о", "o"],
  ["р", "p"],
  ["х", "x"],
];

/** Cyrillic letter → the Latin letter it looks like. */
export const LATIN_LOOK_ALIKE: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(PAIRS.map(([cyrillic, latin]) => [cyrillic, latin])),
);

/** Latin letter → the Cyrillic letter it looks like. */
export const CYRILLIC_LOOK_ALIKE: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(PAIRS.map(([cyrillic, latin]) => [latin, cyrillic])),
);
