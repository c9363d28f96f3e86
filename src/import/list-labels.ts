/** Numbers as lists print them, shared by the DOCX and ODT numbering: Roman numerals and letters. */

const ROMAN: [number, string][] = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** 4 → «IV». */
export function roman(number: number): string {
  let rest = number;
  let text = "";
  for (const [size, letters] of ROMAN) {
    while (rest >= size) {
      text += letters;
      rest -= size;
    }
  }
  return text;
}

const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10 };

/** "IV" → 4, with Cyrillic І and Х read as Latin; null when the letters are no Roman number. */
export function romanNumber(text: string): number | null {
  const latin = text.replace(/І/g, "I").replace(/Х/g, "X");
  const values = [...latin].map((letter) => ROMAN_DIGITS[letter] ?? 0);
  const total = values.reduce((sum, value, index) => {
    return sum + (value < (values[index + 1] ?? 0) ? -value : value);
  }, 0);
  return /^X{0,3}(?:IX|IV|V?I{0,3})$/.test(latin) && total > 0 ? total : null;
}

export const LATIN = "abcdefghijklmnopqrstuvwxyz";

/** 2 → «b»; past the alphabet's end the letter repeats («aa»), as word processors print it. */
export function letters(number: number, alphabet: string): string {
  const index = (number - 1) % alphabet.length;
  return (alphabet[index] ?? "").repeat(Math.floor((number - 1) / alphabet.length) + 1);
}
