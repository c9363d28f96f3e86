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
}

export const PASSPORT_FIELD_NAMES: readonly PassportFieldName[] = [
  {
    number: 1,
    phrase: /^(?:найменування|назва)\s+територіальної\s+громади/i,
    firstWord: new RegExp(String.raw`^(?:Найменування|Назва)(?!${LETTER})`, "u"),
  },
  {
    number: 2,
    phrase: /^код\s+(?:за\s+)?(?:кодифікатор|катоттг)/i,
    firstWord: new RegExp(String.raw`^Код(?!${LETTER})`, "u"),
  },
  {
    number: 3,
    phrase: /^заголовок, дата, номер|^розпорядч\S*\s+документ/i,
    firstWord: new RegExp(String.raw`^(?:Заголовок|Розпорядч${LETTER}*)(?!${LETTER})`, "u"),
  },
  { number: 4, phrase: /^дата погодження/i, firstWord: new RegExp(String.raw`^Дата(?!${LETTER})`, "u") },
  { number: 5, phrase: /^мета програми/i, firstWord: new RegExp(String.raw`^Мета(?!${LETTER})`, "u") },
  { number: 6, phrase: /^розробник/i, firstWord: /^Розробник/u },
  { number: 7, phrase: /^керівник/i, firstWord: /^Керівник/u },
  { number: 8, phrase: /^відповідальні\s+(?:за\s+виконання|виконавці)/i, firstWord: /^Відповідальн/u },
  { number: 9, phrase: /^строк(?:и)?\s+(?:виконання|реалізації)/i, firstWord: /^Строк/u },
  {
    number: 10,
    phrase: /^джерела\s+(?:та|і)\s+обсяги\s+фінансування|^обсяги?\s+(?:(?:та|і)\s+джерела\s+)?фінансування/i,
    firstWord: new RegExp(String.raw`^(?:Джерела|Обсяги?)(?!${LETTER})`, "u"),
  },
];

/** The field a label names by its name; null for a label that names none. */
export function fieldNamed(label: string): number | null {
  const text = label.trim();
  return PASSPORT_FIELD_NAMES.find((field) => field.phrase.test(text))?.number ?? null;
}

/**
 * The passport of a typical local programme, the older form many councils still print («Ініціатор
 * розроблення програми», «Термін реалізації», «Загальний обсяг фінансових ресурсів»): each of its
 * fields by name, with the model passport's field that says the same (null: no such field there).
 */
export const OLD_FORM_FIELDS: readonly { phrase: RegExp; number: number | null }[] = [
  { phrase: /^ініціатор/i, number: null },
  // «Дата, номер і назва розпорядчого документа … про розроблення програми»: the model's field 3.
  { phrase: /^дата,? номер/i, number: 3 },
  { phrase: /^розробник/i, number: 6 },
  { phrase: /^співрозробник/i, number: null },
  { phrase: /^відповідальний виконавець/i, number: null },
  { phrase: /^учасник/i, number: 8 },
  { phrase: /^мета/i, number: 5 },
  { phrase: /^(?:термін|строк)(?:и)? (?:реалізації|виконання)/i, number: 9 },
  { phrase: /^етапи виконання/i, number: null },
  { phrase: /^перелік (?:місцевих )?бюджетів/i, number: null },
  { phrase: /^загальний обсяг фінансових ресурсів/i, number: 10 },
];
