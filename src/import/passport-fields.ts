/**
 * The names of the ten fields of the standard programme passport (Resolution No. 119), one entry a
 * field: a new spelling of a field's name is added here, to both of its patterns, and every reader of
 * the passport sees it.
 */
export interface PassportFieldName {
  number: number;
  /** How the whole name begins in a paragraph or a cell ("1. Найменування територіальної громади: …"). */
  phrase: RegExp;
  /**
   * How the name's first word is printed on the first line of a narrow name column, however the rest
   * of the name wraps (`src/import/text/spaced-passport.ts`).
   */
  firstWord: RegExp;
}

export const PASSPORT_FIELD_NAMES: readonly PassportFieldName[] = [
  { number: 1, phrase: /^найменування територіальної громади/i, firstWord: /^Найменування(?!\p{L})/u },
  { number: 2, phrase: /^код за кодифікатором/i, firstWord: /^Код(?!\p{L})/u },
  { number: 3, phrase: /^заголовок, дата, номер/i, firstWord: /^Заголовок(?!\p{L})/u },
  { number: 4, phrase: /^дата погодження/i, firstWord: /^Дата(?!\p{L})/u },
  { number: 5, phrase: /^мета програми/i, firstWord: /^Мета(?!\p{L})/u },
  { number: 6, phrase: /^розробник/i, firstWord: /^Розробник/u },
  { number: 7, phrase: /^керівник/i, firstWord: /^Керівник/u },
  { number: 8, phrase: /^відповідальні за виконання/i, firstWord: /^Відповідальн/u },
  { number: 9, phrase: /^строк(?:и)? виконання/i, firstWord: /^Строк/u },
  { number: 10, phrase: /^джерела (?:та|і) обсяги фінансування/i, firstWord: /^Джерела(?!\p{L})/u },
];
