/**
 * The one definition of every open-data column: the v1 API rows, the CSV headers, the Table Schemas of
 * datapackage.json and the field dictionary in docs/open-data.md are all made from it.
 */
import { REPORT_STATUSES } from "../domain/monitoring/reports.js";

export type FieldType = "string" | "integer" | "number" | "date" | "datetime";

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Ukrainian, for people reading the dataset. */
  description: string;
  /** False when the value may be empty (null in JSON, an empty cell in CSV). */
  required: boolean;
  /** The closed list of values, when there is one. */
  enum?: readonly string[];
}

export interface ForeignKeyDef {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface ResourceDef {
  /** Resource name in datapackage.json and the CSV file name (name.csv). */
  name: string;
  title: string;
  description: string;
  fields: FieldDef[];
  primaryKey: string[];
  foreignKeys: ForeignKeyDef[];
}

const f = (
  name: string,
  type: FieldType,
  description: string,
  options: { required?: boolean; enum?: readonly string[] } = {},
): FieldDef => ({
  name,
  type,
  description,
  required: options.required ?? true,
  ...(options.enum ? { enum: options.enum } : {}),
});

const toProgramme: ForeignKeyDef = {
  fields: ["programme_id"],
  reference: { resource: "programmes", fields: ["programme_id"] },
};

const toDirection: ForeignKeyDef = {
  fields: ["programme_id", "direction_position"],
  reference: { resource: "directions", fields: ["programme_id", "position"] },
};

const toProject: ForeignKeyDef = {
  fields: ["programme_id", "item_id"],
  reference: { resource: "projects", fields: ["programme_id", "item_id"] },
};

/**
 * A `datetime` value as Table Schema's default format reads it: ISO 8601 in UTC to the second,
 * "2026-12-05T04:51:18Z" (the format has no fractional seconds).
 */
export function openDataDatetime(value: Date | string): string {
  return `${new Date(value).toISOString().slice(0, 19)}Z`;
}

const PROGRAMME_ID = f("programme_id", "integer", "Ідентифікатор програми в цьому наборі даних.");
const AMOUNT_KOPECKS = f("amount_kopecks", "integer", "Сума в копійках (ціле число, без округлення).");
const AMOUNT_UAH = f("amount_uah", "number", "Та сама сума в гривнях, крапка — десятковий роздільник.");

export const PROGRAMMES: ResourceDef = {
  name: "programmes",
  title: "Програми інформатизації",
  description: "Оприлюднені програми інформатизації територіальних громад (остання версія кожної).",
  primaryKey: ["programme_id"],
  foreignKeys: [],
  fields: [
    PROGRAMME_ID,
    f("katottg", "string", "Код громади за КАТОТТГ (або name:<назва>, якщо документ коду не містить)."),
    f("community_name", "string", "Назва територіальної громади."),
    f("oblast", "string", "Область, до якої належить громада.", { required: false }),
    f("population", "integer", "Кількість населення громади.", { required: false }),
    f("title", "string", "Назва програми, як у документі.", { required: false }),
    f("period_from", "integer", "Перший рік дії програми."),
    f("period_to", "integer", "Останній рік дії програми."),
    f("version", "integer", "Номер останньої версії (кожен імпорт чи редагування — нова версія)."),
    f("total_kopecks", "integer", "Загальний обсяг фінансування заходів у копійках (сума рядків заходів)."),
    f("total_uah", "number", "Загальний обсяг фінансування в гривнях."),
    f("updated_at", "datetime", "Час останньої зміни програми (ISO 8601, UTC)."),
  ],
};

export const DIRECTIONS: ResourceDef = {
  name: "directions",
  title: "Напрями програм",
  description: "Пріоритетні напрями кожної програми в порядку документа.",
  primaryKey: ["programme_id", "position"],
  foreignKeys: [toProgramme],
  fields: [
    PROGRAMME_ID,
    f("position", "integer", "Порядковий номер напряму в програмі, від 1."),
    f("number", "string", "Номер напряму, як у документі.", { required: false }),
    f("title", "string", "Назва напряму.", { required: false }),
  ],
};

export const PROJECTS: ResourceDef = {
  name: "projects",
  title: "Завдання і проєкти",
  description: "Завдання та проєкти (заходи) програм з категорією інформатизації.",
  primaryKey: ["programme_id", "item_id"],
  // parent_item_id has no key of its own: a top-level project's (programme_id, empty parent) would be
  // checked as a whole and match no project.
  foreignKeys: [toDirection],
  fields: [
    PROGRAMME_ID,
    f("item_id", "string", "Ключ заходу в програмі: d<напрям>.<позиція>.<позиція>…"),
    f("parent_item_id", "string", "Ключ завдання, до якого належить проєкт.", { required: false }),
    f("direction_position", "integer", "Порядковий номер напряму (див. directions.position)."),
    f("number", "string", "Номер заходу, як у документі.", { required: false }),
    f("title", "string", "Назва завдання чи проєкту."),
    f("executors", "string", "Виконавці через «; ».", { required: false }),
    f("expected_result", "string", "Очікуваний результат.", { required: false }),
    f("depth", "integer", "Рівень вкладеності: 0 — завдання чи проєкт напряму, 1 — проєкт завдання."),
    f("category", "string", "Категорія інформатизації (див. docs/classification.md).", { required: false }),
    f("category_source", "string", "auto — автоматична класифікація, override — виправлено працівником.", {
      enum: ["auto", "override"],
    }),
  ],
};

export const FUNDING: ResourceDef = {
  name: "funding",
  title: "Фінансування заходів",
  description:
    "Рядки фінансування заходів за джерелами: рядок із порожнім роком — обсяг за весь строк, інші — за рік. " +
    "Суму, яку документ подає за кілька років разом (стовпець «2026-2027»), містить лише рядок із порожнім " +
    "роком: на роки її не ділять, тож сума річних рядків може бути меншою за обсяг за весь строк.",
  primaryKey: ["funding_id"],
  foreignKeys: [toProject],
  fields: [
    f(
      "funding_id",
      "integer",
      "Ідентифікатор рядка (змінюється, коли програму перезаписують новою версією).",
    ),
    PROGRAMME_ID,
    f("item_id", "string", "Ключ заходу (див. projects.item_id)."),
    f("source", "string", "Вид джерела фінансування.", {
      enum: [
        "total",
        "local",
        "state",
        "oblast",
        "district",
        "other",
        "mixed",
        "none",
        "within-budget",
        "unspecified",
      ],
    }),
    f("source_label", "string", "Джерело, як написано в документі.", { required: false }),
    f(
      "year",
      "integer",
      "Рік; порожньо — обсяг за весь строк (разом із сумами, поданими за кілька років разом).",
      { required: false },
    ),
    AMOUNT_KOPECKS,
    AMOUNT_UAH,
  ],
};

export const INDICATORS: ResourceDef = {
  name: "indicators",
  title: "Показники результативності",
  description: "Показники результативності програм із цільовими значеннями за роками.",
  primaryKey: ["programme_id", "position"],
  foreignKeys: [toProgramme],
  fields: [
    PROGRAMME_ID,
    f("position", "integer", "Порядковий номер показника, від 1."),
    f("number", "string", "Номер показника, як у документі.", { required: false }),
    f("direction", "string", "Напрям, до якого належить показник.", { required: false }),
    f("name", "string", "Назва показника."),
    f("unit", "string", "Одиниця виміру.", { required: false }),
    f("baseline", "string", "Базове значення.", { required: false }),
    f("targets", "string", 'Цільові значення за роками, JSON-об\'єкт {"рік": "значення"}.'),
  ],
};

/** Cabinet Resolution No. 835 of 21.10.2015: the dataset "перелік цільових програм". */
export const TARGETED_PROGRAMMES: ResourceDef = {
  name: "targeted-programmes",
  title: "Перелік цільових програм",
  description:
    "Набір даних за постановою КМУ № 835: цільові програми інформатизації — назва, дата прийняття, ким прийнято, посилання.",
  primaryKey: ["programme_id"],
  foreignKeys: [toProgramme],
  fields: [
    PROGRAMME_ID,
    f("name", "string", "Назва програми."),
    f("adoption_date", "date", "Дата розпорядчого документа з паспорта програми (поле 3).", {
      required: false,
    }),
    f("adoption_document", "string", "Розпорядчий документ, як у паспорті програми (поле 3).", {
      required: false,
    }),
    f("issuer", "string", "Ким прийнято: рада (орган місцевого самоврядування) громади."),
    f("katottg", "string", "Код громади за КАТОТТГ."),
    f("period", "string", "Строк дії програми, роки: «2025–2027»."),
    f("status", "string", "Стан програми.", { enum: ["published"] }),
    f("amended_at", "datetime", "Час останньої зміни (прийняття, зміни, звіту), ISO 8601, UTC."),
    f("last_report_at", "datetime", "Час останнього поданого звіту виконавця про виконання програми.", {
      required: false,
    }),
    f("link", "string", "Постійне посилання на програму в API."),
  ],
};

const ACTUAL_SOURCES = FUNDING.fields
  .find((field) => field.name === "source")
  ?.enum?.filter((source) => source !== "total");

/** Executors' submitted reports: one row per report that no later correction replaces. */
export const REPORTS: ResourceDef = {
  name: "reports",
  title: "Звіти виконавців",
  description:
    "Подані звіти виконавців про виконання заходів оприлюднених програм за звітні періоди: лише чинні (останні в ланцюжку виправлень), із фактичними видатками поруч із запланованими на рік.",
  primaryKey: ["report_id"],
  // No key to projects: a later version of the programme may have dropped the item reported on.
  foreignKeys: [toProgramme],
  fields: [
    f("report_id", "string", "Ідентифікатор звіту (UUID); виправлення має власний ідентифікатор."),
    PROGRAMME_ID,
    f("katottg", "string", "Код громади за КАТОТТГ (див. programmes.katottg)."),
    f("community_name", "string", "Назва територіальної громади."),
    f("oblast", "string", "Область, до якої належить громада.", { required: false }),
    f("item_id", "string", "Ключ заходу, про який звіт (див. projects.item_id)."),
    f("item_number", "string", "Номер заходу, як у документі; порожньо, якщо заходу вже немає в програмі.", {
      required: false,
    }),
    f("item_title", "string", "Назва заходу; порожньо, якщо заходу вже немає в програмі.", {
      required: false,
    }),
    f("direction_position", "integer", "Порядковий номер напряму заходу (див. directions.position).", {
      required: false,
    }),
    f("category", "string", "Категорія інформатизації заходу (див. projects.category).", { required: false }),
    f("unit", "string", "Структурний підрозділ-виконавець, що подав звіт."),
    f("period_key", "string", "Звітний період: РРРР-H1/H2 (півріччя), РРРР-Q1…Q4 (квартал), РРРР-Y (рік)."),
    f("period_year", "integer", "Рік звітного періоду."),
    f("status", "string", "Стан виконання заходу за звітом.", { enum: REPORT_STATUSES }),
    f("progress_percent", "number", "Відсоток виконання заходу, 0–100.", { required: false }),
    f("actual_kopecks", "integer", "Фактичні видатки за звітний період, усього, у копійках."),
    f("actual_uah", "number", "Фактичні видатки за звітний період, усього, у гривнях."),
    f(
      "actual_by_source_kopecks",
      "string",
      `Фактичні видатки за джерелами, JSON-об'єкт {"джерело": копійки}; джерела — як funding.source (${(ACTUAL_SOURCES ?? []).join(", ")}).`,
    ),
    f(
      "planned_kopecks",
      "integer",
      "Заплановано на захід на рік звітного періоду (сума рядків funding цього року без рядків total), у копійках; порожньо — на цей рік нічого не заплановано.",
      { required: false },
    ),
    f("planned_uah", "number", "Те саме заплановане в гривнях.", { required: false }),
    f(
      "planned_by_source_kopecks",
      "string",
      'Заплановане на рік за джерелами, JSON-об\'єкт {"джерело": копійки}, як actual_by_source_kopecks.',
      { required: false },
    ),
    f(
      "prozorro_tender_ids",
      "string",
      "Ідентифікатори закупівель ProZorro (UA-РРРР-ММ-ДД-NNNNNN-x) через «; ».",
      {
        required: false,
      },
    ),
    f("text", "string", "Текст звіту: що зроблено за період.", { required: false }),
    f("correction_of", "string", "Ідентифікатор звіту, який цей звіт виправляє; порожньо — перше подання.", {
      required: false,
    }),
    f("submitted_at", "datetime", "Час подання звіту (для виправлення — час виправлення), ISO 8601, UTC."),
  ],
};

const annualLink = (form: string, what: string) =>
  f(form.replace(".", "_"), "string", `Шлях (від адреси сайту) до ${what}: …/annual/<рік>/${form}.`);

/** Where the head's annual reports of each published programme and year are. */
export const ANNUAL_REPORTS: ResourceDef = {
  name: "annual-reports",
  title: "Річні звіти про виконання програм",
  description:
    "Посилання на річні звіти керівника кожної оприлюдненої програми за кожен рік її строку: звіт про хід виконання та звіт про результати (DOCX, XLSX, JSON), складені з поданих звітів виконавців у момент запиту.",
  primaryKey: ["programme_id", "year"],
  foreignKeys: [toProgramme],
  fields: [
    PROGRAMME_ID,
    f("year", "integer", "Звітний рік (у межах строку програми)."),
    f("katottg", "string", "Код громади за КАТОТТГ (див. programmes.katottg)."),
    f("community_name", "string", "Назва територіальної громади."),
    annualLink("progress.docx", "звіту про хід виконання програми, DOCX"),
    annualLink("progress.xlsx", "звіту про хід виконання програми, XLSX"),
    annualLink("progress.json", "звіту про хід виконання програми, JSON"),
    annualLink("results.docx", "звіту про результати виконання програми, DOCX"),
    annualLink("results.xlsx", "звіту про результати виконання програми, XLSX"),
    annualLink("results.json", "звіту про результати виконання програми, JSON"),
  ],
};

export const RESOURCES: readonly ResourceDef[] = [
  PROGRAMMES,
  DIRECTIONS,
  PROJECTS,
  FUNDING,
  INDICATORS,
  REPORTS,
  ANNUAL_REPORTS,
  TARGETED_PROGRAMMES,
];

export type ResourceName =
  | "programmes"
  | "directions"
  | "projects"
  | "funding"
  | "indicators"
  | "reports"
  | "annual-reports"
  | "targeted-programmes";

export function resourceDef(name: ResourceName): ResourceDef {
  const def = RESOURCES.find((resource) => resource.name === name);
  if (!def) throw new Error(`unknown resource ${name}`);
  return def;
}

export type CellValue = string | number | null;
export type OpenRow = Record<string, CellValue>;
