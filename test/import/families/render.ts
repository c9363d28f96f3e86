import fc from "fast-check";

/** Shared pieces of the family generators for passport field 10 (family 3) and the indicator annexes (family 4). */

/** Runs per property: 200 in `npm test`, more with INFOPROG_LAYOUT_RUNS (the nightly-size run). */
export const RUNS = Math.max(200, Number(process.env.INFOPROG_LAYOUT_RUNS ?? 0) || 0);

export const T = "\t";

/** "1685692235" → "1 685 692 235" (grouped) or as is. */
export function groupThousands(digits: string, grouped: boolean, separator = " "): string {
  if (!grouped) return digits;
  return digits.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** A decimal number as a council prints it: a comma, optional thousands groups, trailing zeros kept or not. */
export function printDecimal(whole: bigint, fraction: string, grouped: boolean, keepZeros: boolean): string {
  const digits = groupThousands(whole.toString(), grouped);
  const shown = keepZeros ? fraction : fraction.replace(/0+$/, "");
  return shown === "" ? digits : `${digits},${shown}`;
}

/** The minimal passport around the tables (fields 1, 2, 7, 9), so that the document is a programme. */
export function passportHead(from: number, to: number): string[] {
  return [
    "ПАСПОРТ",
    "Програми цифрового розвитку Тестової сільської територіальної громади",
    "",
    `1.${T}Найменування територіальної громади${T}Тестова сільська територіальна громада`,
    `2.${T}Код за Кодифікатором адміністративно-територіальних одиниць${T}UA01020030040050060`,
    `7.${T}Керівник Програми${T}Заступник сільського голови Олена Приклад`,
    `9.${T}Строк виконання Програми${T}${from}–${to} роки`,
  ];
}

/** Random words for names, so that names vary in length and where they break. */
export const WORDS = [
  "цифрових",
  "послуг",
  "посадових",
  "осіб",
  "мешканців",
  "громади",
  "систем",
  "електронного",
  "документообігу",
  "закладів",
  "освіти",
  "точок",
  "доступу",
  "серверів",
  "комп'ютерів",
  "наборів",
  "відкритих",
  "даних",
  "ЦНАП",
  "Wi-Fi",
];

export const phrase = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((words) => words.join(" "));
