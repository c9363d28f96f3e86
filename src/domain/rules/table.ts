import type { Severity } from "../model.js";

/**
 * The one table of finding codes: severity, what each checks, on what grounds and where. The validator
 * and the importer take a finding's severity from here, `docs/rules.md` is generated from it
 * (`npx tsx scripts/rules-doc.ts`) and the web app's legend reads it. A new rule is one entry here plus
 * its check; codes are part of the API (the importer, the API and the web app show and filter by them).
 */

/** Ukrainian first, English second. */
export interface Text {
  uk: string;
  en: string;
}

/** What a finding of the rule points at. */
export type RuleScope =
  | "row"
  | "item"
  | "direction"
  | "programme"
  | "passport"
  | "indicator"
  | "document"
  | "cell";

export const SCOPES: Record<RuleScope, Text> = {
  row: { uk: "рядок фінансування", en: "funding row" },
  item: { uk: "завдання чи проєкт", en: "task or project" },
  direction: { uk: "напрям", en: "direction" },
  programme: { uk: "програма в цілому", en: "whole programme" },
  passport: { uk: "паспорт програми", en: "programme passport" },
  indicator: { uk: "індикатор", en: "indicator" },
  document: { uk: "документ, що імпортується", en: "imported document" },
  cell: { uk: "комірка шаблону XLSX/CSV", en: "XLSX/CSV template cell" },
};

/**
 * Who emits the code: the validator (on every programme, on every edit), the importer (on reading), or
 * the primary expertise (the cross-checks a reviewer starts from, on a submitted draft or an amendment).
 */
export type RuleStage = "validator" | "importer" | "expertise";

export interface RuleEntry {
  code: string;
  severity: Severity;
  stage: RuleStage;
  /** One line: what the rule checks. */
  message: Text;
  /** The norm, form or reasoning the rule rests on. */
  basis: Text;
  appliesTo: readonly RuleScope[];
}

const RESOLUTION_119 = "постанова КМУ від 02.02.2024 № 119";
const RESOLUTION_119_EN = "Cabinet Resolution No. 119 of 02.02.2024";
const ORDER_160 = "наказ Мінцифри від 28.10.2024 № 160";
const ORDER_160_EN = "Ministry of Digital Transformation order No. 160 of 28.10.2024";

/** The grounds rules share. */
const BASIS = {
  passport: {
    uk: `${RESOLUTION_119}: форма паспорта програми інформатизації (поля 1–10)`,
    en: `${RESOLUTION_119_EN}: the programme passport form (fields 1–10)`,
  },
  passportFunding: {
    uk: `${RESOLUTION_119}: поле 10 паспорта — обсяги фінансування, що відповідають заходам програми`,
    en: `${RESOLUTION_119_EN}: passport field 10, funding that matches the programme's projects`,
  },
  passportFundingParts: {
    uk: `${RESOLUTION_119}: поле 10 паспорта — джерела та обсяги фінансування; загальний обсяг дорівнює сумі джерел і сумі за роками`,
    en: `${RESOLUTION_119_EN}: passport field 10, funding sources and amounts; the total equals the sum of the sources and the sum of the years`,
  },
  table: {
    uk: `${ORDER_160}: типова таблиця завдань і заходів (виконавці, строк, джерела, суми за роками, результат)`,
    en: `${ORDER_160_EN}: the model table of tasks and projects (executors, deadline, sources, amounts by year, result)`,
  },
  arithmetic: {
    uk: `${ORDER_160}: таблиця завдань і заходів; підсумки дорівнюють сумам рядків, з яких складаються`,
    en: `${ORDER_160_EN}: the table of tasks and projects; totals equal the sums of the rows they add up`,
  },
  period: {
    uk: `${RESOLUTION_119}: строк виконання програми (поле 9 паспорта) обмежує роки заходів і фінансування`,
    en: `${RESOLUTION_119_EN}: the programme's term (passport field 9) bounds its projects' years and money`,
  },
  indicators: {
    uk: `${RESOLUTION_119}: індикатори виконання програми з цільовими значеннями на кожен рік`,
    en: `${RESOLUTION_119_EN}: performance indicators with a target for every year`,
  },
  expertise: {
    uk: `${RESOLUTION_119}: експертиза проєктів інформатизації Мінцифри як Генеральним державним замовником`,
    en: `${RESOLUTION_119_EN}: the Ministry's expertise of informatization projects as General State Customer`,
  },
  katottg: {
    uk: "Кодифікатор адміністративно-територіальних одиниць та територій територіальних громад (КАТОТТГ), наказ Мінрегіону від 26.11.2020 № 290",
    en: "The codifier of administrative-territorial units and territories of communities (KATOTTG), Ministry for Communities and Territories order No. 290 of 26.11.2020",
  },
  heuristic: {
    uk: "Евристика infoprog: типова ознака помилки в документі, а не вимога норми",
    en: "infoprog heuristic: a common sign of a slip in the document, not a legal requirement",
  },
  reading: {
    uk: "Імпорт infoprog: документ прочитано не повністю або з припущенням",
    en: "infoprog import: the document was read only in part or with an assumption",
  },
  template: {
    uk: "Шаблон infoprog XLSX/CSV (docs/template.md)",
    en: "The infoprog XLSX/CSV template (docs/template.md)",
  },
} as const satisfies Record<string, Text>;

export const RULES = [
  {
    code: "amount.year-sum",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Графа «Всього» рядка не дорівнює сумі за роками.",
      en: "A row's «Total» is not the sum of its years.",
    },
    basis: BASIS.arithmetic,
    appliesTo: ["row"],
  },
  {
    code: "amount.source-sum",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Рядок «Загальний обсяг» проєкту не дорівнює сумі його джерел фінансування (усього чи за роком).",
      en: "A project's «Total amount» row is not the sum of its funding sources (overall or in a year).",
    },
    basis: BASIS.arithmetic,
    appliesTo: ["item"],
  },
  {
    code: "amount.total-as-item",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Захід без виконавця й строку коштує стільки ж, скільки всі інші заходи напряму чи програми разом: схоже, це підсумковий рядок з нерозпізнаною назвою, і його суми пораховано двічі.",
      en: "A measure with no executor and no deadline costs as much as all the other measures of its direction or programme together: most likely a total row whose label was not recognised, its money counted twice.",
    },
    basis: BASIS.arithmetic,
    appliesTo: ["item"],
  },
  {
    code: "direction.subtotal",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Підсумок напряму (загальний чи за джерелом) не дорівнює сумі заходів напряму.",
      en: "A direction's subtotal (overall or by source) is not the sum of its projects.",
    },
    basis: BASIS.arithmetic,
    appliesTo: ["direction"],
  },
  {
    code: "programme.total",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Підсумок програми не дорівнює сумі всіх заходів.",
      en: "The programme's total is not the sum of all its projects.",
    },
    basis: BASIS.arithmetic,
    appliesTo: ["programme"],
  },
  {
    code: "passport.funding-total",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Загальний обсяг фінансування в паспорті (поле 10) не дорівнює сумі заходів.",
      en: "The passport's total funding (field 10) is not the sum of the projects.",
    },
    basis: BASIS.passportFunding,
    appliesTo: ["passport"],
  },
  {
    code: "passport.funding-year",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Обсяг фінансування за роком у паспорті не дорівнює сумі заходів за цей рік.",
      en: "A year's funding in the passport is not the sum of the projects for that year.",
    },
    basis: BASIS.passportFunding,
    appliesTo: ["passport"],
  },
  {
    code: "passport.funding-source",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Обсяг фінансування за джерелом у паспорті не дорівнює сумі заходів за цим джерелом.",
      en: "A source's funding in the passport is not the sum of the projects from that source.",
    },
    basis: BASIS.passportFunding,
    appliesTo: ["passport"],
  },
  {
    code: "passport.funding-parts",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Поле 10 паспорта не сходиться саме з собою: загальний обсяг не дорівнює сумі за роками чи сумі джерел, або джерело чи рік — сумі своїх частин (перевіряється, коли таблиці завдань немає; з нею поле 10 звіряють passport.funding-*).",
      en: "Passport field 10 does not add up by itself: the total is not the sum of the years or of the sources, or a source or a year is not the sum of its parts (checked when there is no task table; with one, passport.funding-* compare field 10 with it).",
    },
    basis: BASIS.passportFundingParts,
    appliesTo: ["passport"],
  },
  {
    code: "passport.funding-missing",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Паспорт не містить обсягів фінансування (сум), хоча вони потрібні.",
      en: "The passport states no funding amounts although they are required.",
    },
    basis: BASIS.passportFunding,
    appliesTo: ["passport"],
  },
  {
    code: "resources.mismatch",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Таблиця ресурсного забезпечення програми (обсяги за джерелами й роками) не збігається із сумами заходів чи з полем 10 паспорта: знахідка називає рядок, рік (чи «усього») і обидві суми.",
      en: "The programme's resources table (amounts by source and year) differs from the projects' sums or from passport field 10: the finding names the row, the year (or the total) and both amounts.",
    },
    basis: BASIS.passportFunding,
    appliesTo: ["programme"],
  },
  {
    code: "amount.unit-suspect",
    severity: "error",
    stage: "validator",
    message: {
      uk:
        "Суми схожі на гривні під заголовком «тис. грн» чи на тисячі під «млн грн» (у 1000 разів завеликі): для всієї " +
        "таблиці (усі суми з «,00», неймовірна загальна сума для громади, ×1000 проти паспорта; знахідка називає обидва " +
        "прочитання в гривнях, імпорт з --unit чи в перегляді приймає інше) або для одного рядка серед сум таблиці.",
      en:
        "Amounts look like UAH under a «thousand UAH» header, or thousands under «million UAH» (1000 times too big): for " +
        "the whole table (every amount ends in ,00, an implausible total for the community, ×1000 against the passport; " +
        "the finding names both readings in UAH, and --unit or the import preview accepts the other) or for one row.",
    },
    basis: BASIS.heuristic,
    appliesTo: ["programme", "row"],
  },
  {
    code: "passport.absent",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Паспорта програми немає (документ містить лише таблицю завдань): одна знахідка замість однієї на кожне поле.",
      en: "The programme has no passport (the document is a task table only): one finding instead of one per field.",
    },
    basis: BASIS.passport,
    appliesTo: ["passport"],
  },
  {
    code: "passport.missing-field",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Обов’язкове поле паспорта (1–10, крім 4) відсутнє або порожнє.",
      en: "A required passport field (1–10 except 4) is absent or empty.",
    },
    basis: BASIS.passport,
    appliesTo: ["passport"],
  },
  {
    code: "passport.head-rank",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Керівник програми (поле 7 паспорта) обіймає посаду нижчу за заступника сільського, селищного, міського голови; керівник програми має бути щонайменше заступником голови.",
      en: "The programme head (passport field 7) holds a post below deputy head of the council; the programme head must be at least a deputy head.",
    },
    basis: {
      uk: `${RESOLUTION_119}, п. 3: керівник програми — посадова особа не нижче заступника сільського, селищного, міського голови (начальника військової адміністрації чи його заступника)`,
      en: `${RESOLUTION_119_EN}, para. 3: the programme head holds a post not lower than deputy head of the village, settlement or city council (or head or deputy head of the military administration)`,
    },
    appliesTo: ["passport"],
  },
  {
    code: "passport.not-agreed",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Поле 4 паспорта порожнє: програму ще не погоджено з Генеральним державним замовником.",
      en: "Passport field 4 is empty: the programme is not yet agreed with the General State Customer.",
    },
    basis: BASIS.passport,
    appliesTo: ["passport"],
  },
  {
    code: "katottg.invalid",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Код громади за КАТОТТГ не має вигляду «UA» + 17 цифр.",
      en: "The community's KATOTTG code is not «UA» followed by 17 digits.",
    },
    basis: BASIS.katottg,
    appliesTo: ["passport"],
  },
  {
    code: "period.invalid",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Строк виконання програми не визначено або рік початку пізніший за рік завершення.",
      en: "The programme's term is missing, or it starts after it ends.",
    },
    basis: BASIS.period,
    appliesTo: ["passport"],
  },
  {
    code: "period.long",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Строк виконання програми довший за 5 років.",
      en: "The programme's term is longer than 5 years.",
    },
    basis: BASIS.heuristic,
    appliesTo: ["passport"],
  },
  {
    code: "period.year-outside",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Кошти заплановано на рік (чи кілька років разом) поза строком програми.",
      en: "Money is planned in a year (or a span of years) outside the programme's term.",
    },
    basis: BASIS.period,
    appliesTo: ["row", "passport"],
  },
  {
    code: "deadline.inverted",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Строк виконання заходу перевернуто (рік початку пізніший за рік завершення).",
      en: "A project's deadline is inverted (it starts after it ends).",
    },
    basis: BASIS.table,
    appliesTo: ["item"],
  },
  {
    code: "deadline.outside-period",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Строк виконання заходу виходить за строк програми.",
      en: "A project's deadline reaches beyond the programme's term.",
    },
    basis: BASIS.period,
    appliesTo: ["item"],
  },
  {
    code: "deadline.money-outside",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Кошти заходу заплановано на рік (чи кілька років разом) поза його власним строком виконання.",
      en: "A project's money is planned in a year (or a span of years) outside its own deadline.",
    },
    basis: BASIS.table,
    appliesTo: ["row"],
  },
  {
    code: "item.no-executor",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "У заході не зазначено відповідальних за виконання.",
      en: "A project names no one responsible for it.",
    },
    basis: BASIS.table,
    appliesTo: ["item"],
  },
  {
    code: "item.no-deadline",
    severity: "warning",
    stage: "validator",
    message: { uk: "У заході не зазначено строк виконання.", en: "A project states no deadline." },
    basis: BASIS.table,
    appliesTo: ["item"],
  },
  {
    code: "item.no-result",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "У заході не зазначено очікуваний результат.",
      en: "A project states no expected result.",
    },
    basis: BASIS.table,
    appliesTo: ["item"],
  },
  {
    code: "funding.none-with-amounts",
    severity: "error",
    stage: "validator",
    message: {
      uk: "Рядок «не потребує фінансування» містить суми.",
      en: "A «needs no funding» row holds amounts.",
    },
    basis: BASIS.table,
    appliesTo: ["row"],
  },
  {
    code: "indicator.formula-scale",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Відсотковий індикатор має значення-частки (≤ 1) замість відсотків або значення понад 100 %.",
      en: "A percentage indicator holds fractions (≤ 1) instead of percentages, or values above 100 %.",
    },
    basis: BASIS.heuristic,
    appliesTo: ["indicator"],
  },
  {
    code: "indicator.target-missing",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Індикатор не має цільового значення на якийсь рік програми.",
      en: "An indicator has no target for some year of the programme.",
    },
    basis: BASIS.indicators,
    appliesTo: ["indicator"],
  },
  {
    code: "expertise.required",
    severity: "warning",
    stage: "validator",
    message: {
      uk: "Проєкт вартістю від 1 млн грн (комп’ютерне обладнання — від 5 млн грн) потребує експертизи Мінцифри.",
      en: "A project of 1 million UAH or more (computer equipment: 5 million) needs the Ministry's expertise.",
    },
    basis: BASIS.expertise,
    appliesTo: ["item"],
  },
  {
    code: "amendment.needs-agreement",
    severity: "warning",
    stage: "expertise",
    message: {
      uk: "Зміни завдань, проєктів, їхніх обсягів чи індикаторів чинної програми потребують нового погодження з Мінцифри; зміни лише текстів — ні.",
      en: "Changes to the tasks, projects, amounts or indicators of a programme in force need a new agreement with the Ministry; changes to texts only do not.",
    },
    basis: {
      uk: "Положення про Національну програму інформатизації, п. 8",
      en: "Regulation on the National Informatization Programme, para. 8",
    },
    appliesTo: ["programme", "item"],
  },
  {
    code: "expertise.target-before-money",
    severity: "warning",
    stage: "expertise",
    message: {
      uk: "Індикатор досягає цілі раніше, ніж його проєкт отримує кошти.",
      en: "An indicator reaches its target before its project receives any money.",
    },
    basis: BASIS.indicators,
    appliesTo: ["indicator", "item"],
  },
  {
    code: "expertise.target-contradicts-text",
    severity: "warning",
    stage: "expertise",
    message: {
      uk: "Цільові значення індикатора суперечать кількості, названій у тексті проєкту.",
      en: "An indicator's targets contradict the quantity the project's text names.",
    },
    basis: BASIS.indicators,
    appliesTo: ["indicator", "item"],
  },
  {
    code: "expertise.dynamics-mismatch",
    severity: "warning",
    stage: "expertise",
    message: {
      uk: "Динаміка індикатора не випливає з базового й цільових значень.",
      en: "An indicator's dynamics do not follow from its baseline and targets.",
    },
    basis: BASIS.indicators,
    appliesTo: ["indicator"],
  },
  {
    code: "expertise.direction-empty",
    severity: "warning",
    stage: "expertise",
    message: {
      uk: "Пріоритетний напрям без проєктів або без індикаторів.",
      en: "A priority direction with no projects or no indicators.",
    },
    basis: BASIS.indicators,
    appliesTo: ["direction"],
  },
  {
    code: "expertise.no-baseline",
    severity: "warning",
    stage: "expertise",
    message: {
      uk: "Індикатор без базового значення.",
      en: "An indicator with no baseline.",
    },
    basis: BASIS.indicators,
    appliesTo: ["indicator"],
  },
  {
    code: "expertise.source-without-amount",
    severity: "warning",
    stage: "expertise",
    message: {
      uk: "Джерело фінансування назване без жодної суми.",
      en: "A funding source is named with no amount.",
    },
    basis: BASIS.table,
    appliesTo: ["row"],
  },
  {
    code: "import.unread-number",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Число з таблиці (завдань, поля 10 паспорта чи індикаторів) не потрапило до програми; названо рядок і клітинку.",
      en: "A number in a table (tasks, passport field 10 or indicators) did not land in the programme; its line and cell are named.",
    },
    basis: BASIS.reading,
    appliesTo: ["document"],
  },
  {
    code: "import.ocr-text",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Текст документа розпізнано зі скану (OCR): звірте назви, суми й індикатори з документом.",
      en: "The document's text was read from a scan by OCR: check titles, amounts and indicators against it.",
    },
    basis: BASIS.table,
    appliesTo: ["document"],
  },
  {
    code: "import.ocr-crooked-page",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Сторінку скану не вдалося вирівняти (перекіс понад 5° або не визначено, де верх): її розпізнано як є, тож текст і суми з неї могли бути прочитані хибно чи пропущені.",
      en: "A scanned page could not be straightened (skewed by more than 5°, or which way is up was not found): it was read as it lay, so its text and amounts may be misread or missing.",
    },
    basis: BASIS.reading,
    appliesTo: ["document"],
  },
  {
    code: "import.pdf-unframed-table",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "У PDF є таблиця без рамок, заголовок якої не розпізнано: її рядки прочитано як текст, і дані з неї могли не потрапити до програми.",
      en: "The PDF has a table without borders whose header was not recognised: its rows were read as text, and their data may be missing from the programme.",
    },
    basis: BASIS.table,
    appliesTo: ["document"],
  },
  {
    code: "import.no-task-table",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Таблицю завдань (додаток 1) не знайдено; таблицю з обсягами фінансування, стовпців якої не розпізнано, названо рядком, а її числа — окремо.",
      en: "No table of tasks (annex 1) was found; a table of amounts whose columns were not recognised is named by its line, and its numbers one by one.",
    },
    basis: BASIS.table,
    appliesTo: ["document"],
  },
  {
    code: "import.passport-old-form",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Паспорт складено за формою типової місцевої програми, а не примірної програми інформатизації; його поля прочитано за назвами.",
      en: "The passport follows the typical local programme's form, not the model informatization programme's; its fields were read by name.",
    },
    basis: BASIS.passport,
    appliesTo: ["passport"],
  },
  {
    code: "import.no-community",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "У паспорті не знайдено назви громади (поле 1).",
      en: "No community name was found in the passport (field 1).",
    },
    basis: BASIS.passport,
    appliesTo: ["passport"],
  },
  {
    code: "import.katottg-by-name",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Коду КАТОТТГ немає; громаду, її область і населення визначено за назвою — підтвердіть.",
      en: "No KATOTTG code; the community, its oblast and population were found by name: please confirm.",
    },
    basis: BASIS.katottg,
    appliesTo: ["passport"],
  },
  {
    code: "import.katottg-not-community",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Код КАТОТТГ — код населеного пункту, а не громади; область і населення взято від його громади.",
      en: "The KATOTTG code is a settlement's, not a community's; oblast and population come from its community.",
    },
    basis: BASIS.katottg,
    appliesTo: ["passport"],
  },
  {
    code: "import.katottg-unknown",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Коду КАТОТТГ немає серед громад кодифікатора; область і населення невідомі.",
      en: "The KATOTTG code is not among the codifier's communities; oblast and population are unknown.",
    },
    basis: BASIS.katottg,
    appliesTo: ["passport"],
  },
  {
    code: "import.no-katottg",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "У паспорті не знайдено коду КАТОТТГ (поле 2).",
      en: "No KATOTTG code was found in the passport (field 2).",
    },
    basis: BASIS.katottg,
    appliesTo: ["passport"],
  },
  {
    code: "import.no-period",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Строк виконання (поле 9) не прочитано; роки взято з таблиці завдань.",
      en: "The term (field 9) was not read; the years come from the table of tasks.",
    },
    basis: BASIS.reading,
    appliesTo: ["passport"],
  },
  {
    code: "import.no-amounts",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Таблиця завдань або поле 10 паспорта не містить жодної суми; або поле 10 містить суми, але жодної не прочитано (ці числа названо в import.unread-number).",
      en: "The table of tasks or passport field 10 holds no amount at all; or field 10 holds amounts but none was read (those numbers are named in import.unread-number).",
    },
    basis: BASIS.reading,
    appliesTo: ["programme", "passport"],
  },
  {
    code: "import.unit-unknown",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Заголовок таблиці завдань не вказує одиниць, і не кожна сума називає свою; прийнято тис. грн.",
      en: "The table of tasks names no unit, nor does every amount name its own; thousand UAH assumed.",
    },
    basis: BASIS.reading,
    appliesTo: ["programme"],
  },
  {
    code: "import.unit-mixed",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Суми рядка надруковано в іншій одиниці, ніж решта таблиці («200 000,00 грн» серед «тис. грн»): кожну прочитано в одиниці, яку вона називає; перевірте рядок.",
      en: "A row's amounts are printed in another unit than the rest of the table («200 000.00 UAH» among «thousand UAH»): each is read in the unit it names; check the row.",
    },
    basis: BASIS.reading,
    appliesTo: ["row"],
  },
  {
    code: "import.no-directions",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "У таблиці завдань не знайдено напрямів.",
      en: "No directions were found in the table of tasks.",
    },
    basis: BASIS.reading,
    appliesTo: ["programme"],
  },
  {
    code: "import.task-subtotal",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Підсумок завдання («Разом за завданням» чи суми в рядку завдання над його проєктами) не дорівнює сумі його проєктів; враховано суми проєктів.",
      en: "A task's stated subtotal (its «total for task N» row, or the amounts in the task's own row above its projects) differs from the sum of its projects; the projects' amounts are counted.",
    },
    basis: BASIS.reading,
    appliesTo: ["item"],
  },
  {
    code: "import.no-direction",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Завдання стоїть перед першим напрямом; його віднесено до напряму 1.",
      en: "A task comes before the first direction; it is put under direction 1.",
    },
    basis: BASIS.reading,
    appliesTo: ["programme"],
  },
  {
    code: "import.orphan-row",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Рядок таблиці завдань без назви завдання чи проєкту пропущено.",
      en: "A row of the table of tasks without a task or project title was skipped.",
    },
    basis: BASIS.reading,
    appliesTo: ["programme"],
  },
  {
    code: "import.maybe-merged",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "У таблиці PDF без меж клітинка заходу (виконавці, строк чи джерело) порожня під заповненою: її могло бути об’єднано на кілька заходів, цього не видно, тож текст не перенесено.",
      en: "In a PDF table without borders a measure's cell (executors, deadline or source) is blank under a filled one: it may be merged over several measures, which cannot be seen, so its text is not carried down.",
    },
    basis: BASIS.reading,
    appliesTo: ["item"],
  },
  {
    code: "import.task-cell-missing",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Назву проєкту надруковано в стовпці завдання; рядок прочитано як проєкт попереднього завдання.",
      en: "A project's title is printed in the task column; the row was read as a project of the task above.",
    },
    basis: BASIS.reading,
    appliesTo: ["item"],
  },
  {
    code: "import.total-unlabelled",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Рядок без номера, назви, виконавця й строку має суми всіх заходів над ним: прочитано як підсумковий рядок з нерозпізнаною назвою, не як ще одне джерело заходу.",
      en: "A row with no number, title, executor or deadline holds the sums of all the measures above it: read as a total row whose label was not recognised, not as one more source of a measure.",
    },
    basis: BASIS.reading,
    appliesTo: ["programme"],
  },
  {
    code: "import.mixed-source",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Рядок називає кілька джерел фінансування; суму між ними розподілити неможливо.",
      en: "A row names several funding sources; its amount cannot be split between them.",
    },
    basis: BASIS.reading,
    appliesTo: ["row"],
  },
  {
    code: "import.unknown-source",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Джерело фінансування не розпізнано.",
      en: "A funding source was not recognised.",
    },
    basis: BASIS.reading,
    appliesTo: ["row"],
  },
  {
    code: "import.amounts-ambiguous",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Суми поля 10 паспорта можна прочитати по-різному, і ні загальний обсяг, ні таблиця завдань не вирішують, як: числа, розділені пробілами (пробіл розділяє числа чи групи розрядів), прочитано першим способом; одну суму після кількох років (щороку чи за всі роки разом) не розміщено. Перевірте суми за роками.",
      en: "Amounts of passport field 10 read more than one way, and neither a total nor the task table decides which: space-separated numbers (a space between numbers or between digit groups) are read the first way; one amount after several years (each year's, or all the years' together) is not placed. Check the amounts by year.",
    },
    basis: BASIS.reading,
    appliesTo: ["passport"],
  },
  {
    code: "import.years-guessed",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "У рядку менше клітинок сум, ніж стовпців у шапці: роки сум визначено зліва, перевірте їх.",
      en: "The row has fewer amount cells than the header has columns: the amounts' years are read from the left; check them.",
    },
    basis: BASIS.reading,
    appliesTo: ["row"],
  },
  {
    code: "import.years-not-split",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Суми надруковано не за окремими роками (стовпці лише за джерелами або один стовпець на кілька років): їх враховано в загальних сумах, а порівняння за роками для них неможливе.",
      en: "Amounts are not printed per year (columns by source only, or one column for several years): they count in the totals, but cannot be compared year by year.",
    },
    basis: BASIS.reading,
    appliesTo: ["row", "programme"],
  },
  {
    code: "import.expense-kinds-sum",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Суми за видами видатків (капітальні вкладення, поточні видатки …) не дорівнюють сумі свого джерела в рядку: до програми враховано суми за джерелами, розбивку за видами перевірте.",
      en: "A row's amounts by expense kind (capital investment, current expenditure …) do not add up to their source's amount: the amounts by source are counted; check the breakdown by kind.",
    },
    basis: BASIS.reading,
    appliesTo: ["row"],
  },
  {
    code: "import.passport-years-sum",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Поле 10 паспорта наводить роки лише за джерелами (рядки 10.1, 10.2 …): роки поля 10 прочитано як суми джерел, а їх сума не дорівнює його загальному обсягу.",
      en: "Passport field 10 gives years only by source (rows 10.1, 10.2 …): field 10's years are read as the sources' sums, and their sum is not its printed total.",
    },
    basis: BASIS.passportFundingParts,
    appliesTo: ["passport"],
  },
  {
    code: "import.source-from-passport",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Таблиця завдань не називає джерела фінансування, а паспорт (поле 10) називає лише одне: суми таблиці віднесено до цього джерела.",
      en: "The task table names no funding source and the passport (field 10) names one only: the table's amounts are taken as that source's.",
    },
    basis: BASIS.reading,
    appliesTo: ["programme"],
  },
  {
    code: "import.deadline-text",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Строк виконання заходу не прочитано як роки, квартал, півріччя чи «протягом дії Програми»: його збережено текстом, як надруковано, а кошти заходу зі строком не звірено.",
      en: "A project's deadline reads as no years, quarter, half-year or «throughout the programme»: it is kept as printed text, and the project's money is not checked against it.",
    },
    basis: BASIS.reading,
    appliesTo: ["item"],
  },
  {
    code: "import.amount-text",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Замість суми надруковано текст; суму не прочитано.",
      en: "Text is printed instead of an amount; no amount was read.",
    },
    basis: BASIS.reading,
    appliesTo: ["row"],
  },
  {
    code: "import.amount-scaled",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Суму записано словом («0,3 млн грн»); її прочитано як точну суму в одиницях таблиці, перевірте перерахунок.",
      en: "An amount is written with a word (“0.3 million UAH”); it was read as the exact amount in the table's unit; check the conversion.",
    },
    basis: BASIS.reading,
    appliesTo: ["row"],
  },
  {
    code: "import.unknown-record",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Запис CSV невідомого виду пропущено.",
      en: "A CSV record of an unknown kind was skipped.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.bad-number",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Комірка шаблону не містить цілого числа (суми — у копійках).",
      en: "A template cell holds no whole number (amounts are in kopecks).",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.bad-source",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Комірка шаблону називає невідоме джерело фінансування.",
      en: "A template cell names an unknown funding source.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.year-outside-period",
    severity: "warning",
    stage: "importer",
    message: {
      uk: "Стовпець року в шаблоні лежить поза строком програми.",
      en: "A year column of the template lies outside the programme's term.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.bad-unit",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Одиниця в шаблоні не thousand, не uah і не million.",
      en: "The template's unit is none of thousand, uah and million.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.bad-year",
    severity: "error",
    stage: "importer",
    message: { uk: "Комірка року в шаблоні не містить року.", en: "A template year cell holds no year." },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.unknown-item",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Рядок фінансування шаблону посилається на невідомий захід.",
      en: "A template funding row refers to an unknown project.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.bad-deadline",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Строк заходу в шаблоні не прочитано.",
      en: "A project's deadline in the template could not be read.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.unknown-parent",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Захід у шаблоні посилається на невідоме батьківське завдання.",
      en: "A template project refers to an unknown parent task.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.unknown-direction",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Захід у шаблоні посилається на невідомий напрям.",
      en: "A template project refers to an unknown direction.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
  {
    code: "import.bad-section",
    severity: "error",
    stage: "importer",
    message: {
      uk: "Текстовий розділ шаблону має невідомий ключ.",
      en: "A text section of the template has an unknown key.",
    },
    basis: BASIS.template,
    appliesTo: ["cell"],
  },
] as const satisfies readonly RuleEntry[];

export type RuleCode = (typeof RULES)[number]["code"];

/** The importer's codes without their "import." prefix, as the importer's finding log takes them. */
export type ImportRuleName = RuleCode extends infer Code
  ? Code extends `import.${infer Name}`
    ? Name
    : never
  : never;

/** The importer's codes that the table makes warnings, without their prefix. */
export type ImportWarningName = Extract<
  (typeof RULES)[number],
  { severity: "warning" }
>["code"] extends infer Code
  ? Code extends `import.${infer Name}`
    ? Name
    : never
  : never;

const BY_CODE: ReadonlyMap<string, RuleEntry> = new Map(RULES.map((rule) => [rule.code, rule]));

/** The table's entry for a code; undefined for a code the table does not know (e.g. from an old version). */
export function ruleOf(code: string): RuleEntry | undefined {
  return BY_CODE.get(code);
}

export function severityOf(code: RuleCode): Severity {
  return (BY_CODE.get(code) as RuleEntry).severity;
}
