/**
 * The names of the ten fields of the standard programme passport (Resolution No. 119), one entry a
 * field: a new spelling of a field's name is added here, to both of its patterns, and every reader of
 * the passport sees it.
 */
import { LETTER } from "../domain/letters.js";

export interface PassportFieldName {
  number: number;
  /** How the whole name begins in a paragraph or a cell ("1. Найменування територіальної громади: …"). */
  phrase: RegExp;
  /**
   * How the name's first word is printed on the first line of a narrow name column, however the rest
   * of the name wraps (`src/import/text/spaced-passport.ts`).
   */
  firstWord: RegExp;
  /**
   * Another passport form's name for the field (`Ініціатор розроблення програми` for the developer):
   * it stands for the field in a table that prints no field numbers, and only where the field's own
   * name is not printed.
   */
  standIn?: RegExp;
}

export const PASSPORT_FIELD_NAMES: readonly PassportFieldName[] = [
  {
    number: 1,
    phrase: /^найменування територіальної громади/i,
    firstWord: new RegExp(String.raw`^Найменування(?!${LETTER})`, "u"),
  },
  { number: 2, phrase: /^код за кодифікатором/i, firstWord: new RegExp(String.raw`^Код(?!${LETTER})`, "u") },
  {
    number: 3,
    phrase: /^заголовок, дата, номер/i,
    firstWord: new RegExp(String.raw`^Заголовок(?!${LETTER})`, "u"),
  },
  { number: 4, phrase: /^дата погодження/i, firstWord: new RegExp(String.raw`^Дата(?!${LETTER})`, "u") },
  { number: 5, phrase: /^мета програми/i, firstWord: new RegExp(String.raw`^Мета(?!${LETTER})`, "u") },
  {
    number: 6,
    phrase: /^розробник/i,
    firstWord: /^Розробник/u,
    standIn: /^ініціатор розроблення/i,
  },
  { number: 7, phrase: /^керівник/i, firstWord: /^Керівник/u },
  { number: 8, phrase: /^відповідальні за виконання/i, firstWord: /^Відповідальн/u },
  { number: 9, phrase: /^строк(?:и)? виконання/i, firstWord: /^Строк/u },
  {
    number: 10,
    phrase: /^джерела (?:та|і) обсяги фінансування/i,
    firstWord: new RegExp(String.raw`^Джерела(?!${LETTER})`, "u"),
  },
];

/**
 * The field a label names, by its own name or else (`standIns`) by another form's name for it;
 * null for a label that names none.
 */
export function fieldNamed(label: string, { standIns = false } = {}): number | null {
  const text = label.trim();
  const named = PASSPORT_FIELD_NAMES.find(
    (field) => field.phrase.test(text) || (standIns && field.standIn?.test(text)),
  );
  return named?.number ?? null;
}
