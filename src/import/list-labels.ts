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

export const LATIN = "abcdefghijklmnopqrstuvwxyz";

/** 2 → «b»; past the alphabet's end the letter repeats («aa»), as word processors print it. */
export function letters(number: number, alphabet: string): string {
  const index = (number - 1) % alphabet.length;
  return (alphabet[index] ?? "").repeat(Math.floor((number - 1) / alphabet.length) + 1);
}
