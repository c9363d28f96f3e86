import { isKatottg } from "../katottg.js";
import type { Finding, PassportField, Programme } from "../model.js";
import { ref } from "../model.js";
import { finding } from "./common.js";

/** Passport field labels of the template (Resolution No. 119), for fields the document lacks. */
export const PASSPORT_LABELS: Record<number, string> = {
  1: "Найменування територіальної громади",
  2: "Код за Кодифікатором адміністративно-територіальних одиниць (КАТОТТГ)",
  3: "Заголовок, дата, номер розпорядчого документа про розроблення проєкту Програми",
  4: "Дата погодження проєкту Програми Генеральним державним замовником Національної програми інформатизації",
  5: "Мета Програми",
  6: "Розробник Програми",
  7: "Керівник Програми",
  8: "Відповідальні за виконання заходів Програми",
  9: "Строк виконання Програми",
  10: "Джерела та обсяги фінансування",
};

function fieldOf(programme: Programme, number: number): PassportField | undefined {
  return programme.passport.fields.find((field) => field.number === number);
}

function isFilled(programme: Programme, number: number): boolean {
  const field = fieldOf(programme, number);
  if (field && field.value.trim() !== "") return true;
  if (number !== 10) return false;
  const funding = programme.passport.funding;
  return funding.total !== null || Object.keys(funding.byYear).length > 0;
}

/** The line to point at for a passport field: its own, else the first field's, else 0. */
export function passportLine(programme: Programme, number: number): number {
  return fieldOf(programme, number)?.line ?? programme.passport.fields[0]?.line ?? 0;
}

/** A programme read from a document that is a task table only (an annex published alone). */
export function isPassportAbsent(programme: Programme): boolean {
  return programme.passport.fields.length === 0;
}

/**
 * `passport.missing-field`: fields 1–10 must be filled, except field 4 (see `passport.not-agreed`).
 * Without any passport, one `passport.absent` stands for all of them.
 */
export function checkMissingFields(programme: Programme): Finding[] {
  if (isPassportAbsent(programme)) {
    const message =
      "Паспорта програми немає: документ містить лише таблицю завдань. Додайте паспорт (поля 1–10) або " +
      "імпортуйте повний текст програми.";
    return [finding("passport.absent", message, 0, ref.passport(1))];
  }
  const out: Finding[] = [];
  for (let number = 1; number <= 10; number++) {
    if (number === 4 || isFilled(programme, number)) continue;
    const present = fieldOf(programme, number) !== undefined;
    const label = PASSPORT_LABELS[number];
    const message = present
      ? `Поле ${number} паспорта «${label}» порожнє; його потрібно заповнити.`
      : `У паспорті немає поля ${number} «${label}»; воно обов’язкове.`;
    out.push(
      finding("passport.missing-field", message, passportLine(programme, number), ref.passport(number)),
    );
  }
  return out;
}

/** `passport.not-agreed`: field 4 (agreement with the General State Customer) is empty. */
export function checkAgreement(programme: Programme): Finding[] {
  if (isPassportAbsent(programme) || isFilled(programme, 4)) return [];
  const message =
    "Поле 4 паспорта (дата погодження проєкту Програми Генеральним державним замовником) порожнє: " +
    "програму ще не погоджено.";
  return [finding("passport.not-agreed", message, passportLine(programme, 4), ref.passport(4))];
}

/** `katottg.invalid`: the community code must be "UA" followed by 17 digits. */
export function checkKatottg(programme: Programme): Finding[] {
  const code = programme.community.katottg.trim();
  if (isKatottg(code) || isPassportAbsent(programme)) return [];
  const shown = code === "" ? "не зазначено" : `«${code}»`;
  const message = `Код громади за КАТОТТГ ${shown}; очікувалося «UA» і 17 цифр (наприклад, UA12020010000012345).`;
  return [finding("katottg.invalid", message, passportLine(programme, 2), ref.passport(2))];
}
