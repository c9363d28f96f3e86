/**
 * How the template's records are laid out in each format: the XLSX sheets with their columns and the
 * CSV's columns and separator. The writers in src/export and the readers in src/import share it.
 */
import type { Programme } from "../domain/model.js";
import { type MoneyUnit, unitLabel } from "../domain/money.js";
import {
  amountPeriods,
  ITEM_KEYS,
  type RecordKind,
  TARGET_PREFIX,
  targetYears,
  YEAR_PREFIX,
} from "./records.js";

export interface SheetColumn {
  key: string;
  header: string;
  width?: number;
}

/** Stand-ins in a column list for the per-year columns. */
const YEARS = "*years";
const TARGETS = "*targets";

export const SHEET = {
  meta: "Метадані",
  passport: "Паспорт",
  sections: "Розділи",
  directions: "Напрями",
  items: "Завдання",
  totals: "Підсумки",
  indicators: "Показники",
  variables: "Змінні моніторингу",
  annex: "Додаток 1",
} as const;

/**
 * The Паспорт sheet's amount for people, in the unit passport field 10 states its amounts in; its
 * header names the unit («Сума, грн», «Сума, тис. грн», «Сума, млн грн»). Not read back.
 */
export const PASSPORT_AMOUNT_IN_UNIT = "amount_in_unit";
const passportAmountHeader = (unit: MoneyUnit): string => `Сума, ${unitLabel(unit)}`;

/** Values of the Паспорт sheet's "Запис" column. */
export const PASSPORT_RECORD: Record<string, RecordKind> = {
  поле: "passport",
  фінансування: "passport-funding",
};

const FUNDING_COLUMNS: SheetColumn[] = [
  { key: "source", header: "Джерело (код)", width: 14 },
  { key: "source_label", header: "Джерело (як у документі)", width: 30 },
  { key: "total", header: "Всього, коп.", width: 16 },
  { key: YEARS, header: "" },
  { key: "total_printed", header: "Всього надруковано", width: 10 },
  { key: "note", header: "Примітка", width: 24 },
];

export const SHEET_COLUMNS: Record<Exclude<keyof typeof SHEET, "annex">, SheetColumn[]> = {
  meta: [
    { key: "key", header: "Ключ", width: 14 },
    { key: "value", header: "Значення", width: 60 },
    { key: "description", header: "Опис", width: 50 },
  ],
  passport: [
    { key: "record", header: "Запис", width: 14 },
    { key: "number", header: "№ поля", width: 8 },
    { key: "label", header: "Поле", width: 40 },
    { key: "value", header: "Значення", width: 60 },
    { key: "source", header: "Джерело (код)", width: 14 },
    { key: "year", header: "Рік", width: 8 },
    { key: "amount", header: "Сума, коп.", width: 16 },
    { key: PASSPORT_AMOUNT_IN_UNIT, header: passportAmountHeader("thousand"), width: 14 },
    { key: "line", header: "Рядок", width: 8 },
  ],
  sections: [
    { key: "key", header: "Ключ", width: 12 },
    { key: "title", header: "Заголовок", width: 40 },
    { key: "text", header: "Текст", width: 100 },
    { key: "line", header: "Рядок", width: 8 },
  ],
  directions: [
    { key: "direction", header: "№ п/п", width: 8 },
    { key: "number", header: "Номер", width: 8 },
    { key: "title", header: "Назва напряму", width: 60 },
    { key: "line", header: "Рядок", width: 8 },
  ],
  items: [
    { key: "direction", header: "Напрям, № п/п", width: 8 },
    { key: "direction_number", header: "Номер напряму", width: 8 },
    { key: "direction_title", header: "Назва напряму", width: 30 },
    { key: "id", header: "Ід завдання", width: 12 },
    { key: "parent", header: "Ід батьківського", width: 12 },
    { key: "depth", header: "Рівень", width: 7 },
    { key: "number", header: "Номер", width: 8 },
    { key: "title", header: "Назва завдання / проєкту", width: 50 },
    { key: "executors", header: "Виконавці", width: 30 },
    { key: "deadline_text", header: "Строк виконання", width: 16 },
    { key: "deadline", header: "Строк (код)", width: 16 },
    ...FUNDING_COLUMNS.slice(0, 4),
    { key: "total_printed", header: "Всього надруковано", width: 10 },
    { key: "note", header: "Примітка", width: 24 },
    { key: "expected_result", header: "Очікуваний результат", width: 40 },
    { key: "item_line", header: "Рядок завдання", width: 8 },
    { key: "line", header: "Рядок фінансування", width: 8 },
  ],
  totals: [
    { key: "direction", header: "Напрям, № п/п", width: 8 },
    { key: "direction_number", header: "Номер напряму", width: 8 },
    ...FUNDING_COLUMNS,
    { key: "line", header: "Рядок", width: 8 },
  ],
  indicators: [
    { key: "number", header: "Номер", width: 8 },
    { key: "indicator_direction", header: "Напрям", width: 30 },
    { key: "name", header: "Показник", width: 50 },
    { key: "unit", header: "Одиниця виміру", width: 12 },
    { key: "formula", header: "Формула", width: 20 },
    { key: "baseline", header: "Базове значення", width: 12 },
    { key: TARGETS, header: "" },
    { key: "target_years", header: "Роки цілей", width: 16 },
    { key: "dynamics", header: "Динаміка", width: 20 },
    { key: "line", header: "Рядок", width: 8 },
  ],
  variables: [
    { key: "number", header: "Номер", width: 8 },
    { key: "name", header: "Змінна", width: 50 },
    { key: "unit", header: "Одиниця виміру", width: 12 },
    { key: "data_source", header: "Джерело даних", width: 30 },
    { key: "baseline", header: "Базове значення", width: 12 },
    { key: TARGETS, header: "" },
    { key: "target_years", header: "Роки значень", width: 16 },
    { key: "line", header: "Рядок", width: 8 },
  ],
};

export const yearHeader = (year: string): string => `${year}, коп.`;
export const targetHeader = (year: string): string => `Ціль ${year}`;

/**
 * The sheet's columns with the per-year stand-ins expanded for this programme, and the passport's
 * amount for people headed with `passportUnit`.
 */
export function expandColumns(
  columns: SheetColumn[],
  programme: Programme,
  passportUnit: MoneyUnit = programme.unit,
): SheetColumn[] {
  return columns.flatMap((column) => {
    if (column.key === PASSPORT_AMOUNT_IN_UNIT)
      return [{ ...column, header: passportAmountHeader(passportUnit) }];
    if (column.key === YEARS) {
      return amountPeriods(programme).map((year) => ({
        key: `${YEAR_PREFIX}${year}`,
        header: yearHeader(year),
        width: 14,
      }));
    }
    if (column.key === TARGETS) {
      return targetYears(programme).map((year) => ({
        key: `${TARGET_PREFIX}${year}`,
        header: targetHeader(year),
        width: 10,
      }));
    }
    return [column];
  });
}

export const META_DESCRIPTIONS: Record<string, string> = {
  template: "версія шаблону infoprog",
  title: "назва програми",
  community: "назва територіальної громади",
  katottg: "код КАТОТТГ громади",
  period_from: "перший рік дії програми",
  period_to: "останній рік дії програми",
  unit: "одиниця сум у документі: thousand (тис. грн), uah (грн) або million (млн грн)",
};

export const CSV_SEPARATOR = ";";

/** The CSV's columns for a programme, in order. */
export function csvColumns(programme: Programme): string[] {
  return [
    "record",
    "key",
    "value",
    "number",
    "label",
    "year",
    "amount",
    ...ITEM_KEYS.filter((key) => key !== "number"),
    "text",
    "source",
    "source_label",
    "total",
    ...amountPeriods(programme).map((year) => `${YEAR_PREFIX}${year}`),
    "total_printed",
    "note",
    "indicator_direction",
    "name",
    "unit",
    "formula",
    "baseline",
    ...targetYears(programme).map((year) => `${TARGET_PREFIX}${year}`),
    "target_years",
    "dynamics",
    "data_source",
    "line",
  ];
}
