/**
 * A synthetic programme of a made-up community, for the demo database and for tests. Every name,
 * number and sentence here is invented; nothing is taken from a real programme.
 */
import {
  assignItemIds,
  type Deadline,
  type FundingRow,
  type Item,
  type Programme,
  type SourceKind,
} from "../model.js";
import { assertKopecks, formatAmount, type MoneyUnit, parseDecimalToKopecks, unitLabel } from "../money.js";
import { directionTotals } from "../totals.js";

const YEARS = ["2026", "2027", "2028"] as const;
const WHOLE_PERIOD: Deadline = { kind: "years", from: 2026, to: 2028 };

function thousand(text: string): number {
  const kopecks = parseDecimalToKopecks(text, "thousand");
  if (kopecks === null) throw new Error(`bad demo amount: ${text}`);
  return kopecks;
}

/** A row with amounts in thousand UAH for 2026, 2027, 2028. */
function money(source: SourceKind, label: string, amounts: [string, string, string]): FundingRow {
  const byYear: Record<string, number> = {};
  YEARS.forEach((year, index) => {
    byYear[year] = thousand(amounts[index] ?? "0");
  });
  const total = assertKopecks(Object.values(byYear).reduce((sum, amount) => sum + amount, 0));
  return { source, label, byYear, total, totalPrinted: true, line: 0 };
}

const local = (amounts: [string, string, string]) => money("local", "Бюджет громади", amounts);
const other = (amounts: [string, string, string]) => money("other", "Інші джерела", amounts);
const noFunding = (): FundingRow => ({
  source: "none",
  label: "Не потребує фінансування",
  byYear: {},
  total: 0,
  note: "не потребує фінансування",
  line: 0,
});

interface ItemSpec {
  number: string;
  title: string;
  executors: string[];
  funding: FundingRow[];
  result: string;
  deadline?: Deadline;
  children?: Item[];
}

function item(spec: ItemSpec): Item {
  const deadline = spec.deadline ?? WHOLE_PERIOD;
  return {
    id: "",
    number: spec.number,
    title: spec.title,
    executors: spec.executors,
    deadline,
    deadlineText:
      deadline.kind === "years" ? `${deadline.from}–${deadline.to} роки` : "Протягом дії Програми",
    funding: spec.funding,
    expectedResult: spec.result,
    children: spec.children ?? [],
    line: 0,
  };
}

export const IT_DEPT = "Відділ цифрового розвитку міської ради";
export const CNAP = "Центр надання адміністративних послуг";
const EDU = "Управління освіти міської ради";

function infrastructure(): Item[] {
  return [
    item({
      number: "1.1",
      title: "Оновлення серверного обладнання міської ради",
      executors: [IT_DEPT],
      funding: [local(["850", "420", "300"])],
      result: "Сервери замінено, час простою систем скорочено",
      children: [
        item({
          number: "1.1.1",
          title: "Закупівля джерел безперебійного живлення для серверної",
          executors: [IT_DEPT],
          funding: [local(["185.5", "0", "0"])],
          result: "Серверна працює до 4 годин без зовнішнього живлення",
          deadline: { kind: "quarter", quarter: 2, year: 2026 },
        }),
      ],
    }),
    item({
      number: "1.2",
      title: "Побудова оптичної мережі між адміністративними будівлями громади",
      executors: [IT_DEPT, "Комунальне підприємство «Демоміськсвітло»"],
      funding: [local(["1200", "900", "0"]), other(["500", "500", "0"])],
      result: "Дванадцять будівель з'єднано власною мережею",
    }),
    item({
      number: "1.3",
      title: "Організація публічних точок доступу до Інтернету в старостинських округах",
      executors: [IT_DEPT, "Старости старостинських округів"],
      funding: [local(["96", "96", "96"])],
      result: "Точки доступу працюють у шести старостинських округах",
    }),
    item({
      number: "1.4",
      title: "Інвентаризація комп'ютерної техніки виконавчих органів",
      executors: [IT_DEPT],
      funding: [noFunding()],
      result: "Реєстр техніки ведеться в електронному вигляді",
      deadline: { kind: "programme" },
    }),
  ];
}

function services(): Item[] {
  return [
    item({
      number: "2.1",
      title: "Розвиток електронних послуг центру надання адміністративних послуг",
      executors: [CNAP],
      funding: [],
      result: "Частка послуг, замовлених онлайн, зросла",
      children: [
        item({
          number: "2.1.1",
          title: "Супровід системи електронної черги",
          executors: [CNAP],
          funding: [local(["64.8", "68", "71.4"])],
          result: "Черга працює без перерв",
        }),
        item({
          number: "2.1.2",
          title: "Облаштування віддаленого робочого місця адміністратора",
          executors: [CNAP, "Старости старостинських округів"],
          funding: [local(["140", "0", "0"]), other(["210", "0", "0"])],
          result: "Послуги доступні у найвіддаленішому селі громади",
          deadline: { kind: "years", from: 2026, to: 2026 },
        }),
      ],
    }),
    item({
      number: "2.2",
      title: "Запровадження електронного документообігу в комунальних закладах",
      executors: [IT_DEPT, "Керівники комунальних закладів"],
      funding: [local(["310", "275", "240"])],
      result: "Документи між закладами та радою передаються лише в електронній формі",
    }),
    item({
      number: "2.3",
      title: "Оновлення офіційного вебсайту громади з версією для людей з порушеннями зору",
      executors: [IT_DEPT, "Відділ інформаційної політики"],
      funding: [local(["0", "150", "35"])],
      result: "Вебсайт відповідає вимогам доступності",
    }),
  ];
}

function security(): Item[] {
  return [
    item({
      number: "3.1",
      title: "Придбання ліцензій антивірусного захисту",
      executors: [IT_DEPT],
      funding: [local(["72.6", "76.2", "80"])],
      result: "Усі робочі станції захищено",
    }),
    item({
      number: "3.2",
      title: "Створення комплексної системи захисту інформації",
      executors: [IT_DEPT, "Уповноважена особа з питань захисту інформації"],
      funding: [local(["0", "640", "120"])],
      result: "Атестат відповідності системи отримано",
      children: [
        item({
          number: "3.2.1",
          title: "Обстеження середовищ функціонування автоматизованих систем",
          executors: [IT_DEPT],
          funding: [noFunding()],
          result: "Акт обстеження складено",
          deadline: { kind: "quarter", quarter: 4, year: 2026 },
        }),
      ],
    }),
    item({
      number: "3.3",
      title: "Резервне копіювання реєстрів громади до захищеного сховища",
      executors: [IT_DEPT],
      funding: [local(["45", "45", "45"]), other(["30", "0", "0"])],
      result: "Копії реєстрів відновлюються протягом доби",
    }),
  ];
}

function skills(): Item[] {
  return [
    item({
      number: "4.1",
      title: "Навчання працівників виконавчих органів цифровій грамотності",
      executors: [IT_DEPT, "Відділ кадрової роботи"],
      funding: [local(["25", "25", "25"])],
      result: "Щороку навчання проходять не менше 60 працівників",
    }),
    item({
      number: "4.2",
      title: "Облаштування хабу цифрової освіти в публічній бібліотеці",
      executors: [EDU, "Публічна бібліотека громади"],
      funding: [local(["180", "0", "0"]), other(["320", "0", "0"])],
      result: "Хаб цифрової освіти відкрито",
      deadline: { kind: "years", from: 2026, to: 2026 },
    }),
  ];
}

/** The 10 passport fields in the order of Resolution No. 119 of 02.02.2024. */
const PASSPORT_FIELDS: [string, string][] = [
  ["Найменування територіальної громади", "Демонстраційна міська територіальна громада"],
  [
    "Код за Кодифікатором адміністративно-територіальних одиниць та територій територіальних громад",
    "UA99000000000000001",
  ],
  [
    "Заголовок, дата, номер розпорядчого документа про розроблення проєкту Програми",
    "Розпорядження міського голови від 14.08.2025 № 101-р «Про розроблення програми інформатизації»",
  ],
  [
    "Дата погодження проєкту Програми Генеральним державним замовником Національної програми інформатизації",
    "10.11.2025",
  ],
  ["Мета Програми", "Доступні електронні послуги, захищені дані та цифрово грамотні працівники громади"],
  ["Розробник Програми", IT_DEPT],
  [
    "Керівник Програми",
    "Заступник міського голови з питань діяльності виконавчих органів ради Олена ДЕМЧЕНКО",
  ],
  ["Відповідальні за виконання заходів Програми", `${IT_DEPT}; ${CNAP}; ${EDU}`],
  ["Строк виконання Програми", "2026-2028 роки"],
  [
    "Джерела та обсяги фінансування",
    "Загальний обсяг 8 436,5 тис. грн, у тому числі бюджет громади — 6 876,5 тис. грн, інші джерела — 1 560,0 тис. грн",
  ],
];

const SECTIONS: Programme["sections"] = [
  {
    key: "general",
    title: "1. Загальні положення",
    text: "Програму розроблено для розвитку цифрової інфраструктури та електронних послуг Демонстраційної міської територіальної громади.",
    line: 0,
  },
  {
    key: "analysis",
    title: "2. Аналіз стану інформатизації громади",
    text: "Частина серверного обладнання відпрацювала понад десять років; адміністративні будівлі не мають спільної мережі; у старостинських округах бракує точок доступу до Інтернету.",
    line: 0,
  },
  {
    key: "aims",
    title: "3. Мета і завдання програми",
    text: "Мета програми — зробити послуги громади доступними онлайн і захистити інформацію, якою опікуються її органи.",
    line: 0,
  },
  {
    key: "results",
    title: "4. Очікувані результати",
    text: "Виконання програми дасть змогу отримувати більшість послуг онлайн і скоротить витрати на обслуговування техніки.",
    line: 0,
  },
  {
    key: "monitoring",
    title: "5. Моніторинг та оцінка результативності виконання Програми",
    text: "Відповідальний виконавець щопівроку звітує виконавчому комітету про стан виконання програми.",
    line: 0,
  },
];

const INDICATORS: Programme["indicators"] = [
  {
    number: "1",
    direction: "2",
    name: "Частка адміністративних послуг, замовлених в електронній формі",
    unit: "%",
    formula: "послуги, замовлені онлайн / усі надані послуги × 100",
    baseline: "18",
    targets: { "2026": "25", "2027": "35", "2028": "45" },
    dynamics: "зростання",
    line: 0,
  },
  {
    number: "2",
    direction: "4",
    name: "Кількість працівників, які пройшли навчання з цифрової грамотності",
    unit: "осіб",
    formula: "сума за звітний рік",
    baseline: "40",
    targets: { "2026": "60", "2027": "60", "2028": "60" },
    dynamics: "стабільно",
    line: 0,
  },
];

/** The passport's declared funding, as the document prints it (checked against the task table in tests). */
function passportFunding(): Programme["passport"]["funding"] {
  return {
    total: thousand("8436.5"),
    byYear: { "2026": thousand("4228.9"), "2027": thousand("3195.2"), "2028": thousand("1012.4") },
    bySource: { local: thousand("6876.5"), other: thousand("1560"), none: 0 },
    bySourceByYear: {
      local: { "2026": thousand("3168.9"), "2027": thousand("2695.2"), "2028": thousand("1012.4") },
      other: { "2026": thousand("1060"), "2027": thousand("500"), "2028": thousand("0") },
    },
    line: 0,
  };
}

export function demoProgramme(): Programme {
  const directions: Programme["directions"] = [
    ["1", "Розвиток цифрової інфраструктури", infrastructure()],
    ["2", "Електронні послуги та електронне врядування", services()],
    ["3", "Кібербезпека та захист інформації", security()],
    ["4", "Цифрові навички", skills()],
  ].map(([number, title, items]) => ({
    number: number as string,
    title: title as string,
    items: items as Item[],
    declaredTotals: [],
    line: 0,
  }));
  const programme: Programme = {
    title: "Програма інформатизації Демонстраційної міської територіальної громади на 2026–2028 роки",
    community: { name: "Демонстраційна міська територіальна громада", katottg: "UA99000000000000001" },
    period: { from: 2026, to: 2028 },
    unit: "thousand",
    passport: {
      fields: PASSPORT_FIELDS.map(([label, value], index) => ({ number: index + 1, label, value, line: 0 })),
      funding: passportFunding(),
    },
    sections: SECTIONS,
    directions,
    declaredTotals: [],
    indicators: INDICATORS,
  };
  assignItemIds(programme);
  for (const direction of programme.directions) {
    const sums = directionTotals(direction);
    direction.declaredTotals = [
      { source: "total", label: "Всього за напрямом", byYear: sums.byYear, total: sums.total, line: 0 },
    ];
  }
  return programme;
}

/**
 * The demo programme as a document printing its amounts in `unit` would read: the unit on the
 * programme, and passport field 10's sentence in that unit («Загальний обсяг 8 436 500,00 грн, …»).
 */
export function demoProgrammeIn(unit: MoneyUnit): Programme {
  const programme = demoProgramme();
  const { funding } = programme.passport;
  const inUnit = (kopecks: number | null | undefined) =>
    `${formatAmount(kopecks ?? 0, unit).replace(/\u00a0/g, " ")} ${unitLabel(unit)}`;
  const field = programme.passport.fields.find((each) => each.number === 10);
  if (field)
    field.value =
      `Загальний обсяг ${inUnit(funding.total)}, у тому числі бюджет громади — ` +
      `${inUnit(funding.bySource.local)}, інші джерела — ${inUnit(funding.bySource.other)}`;
  return { ...programme, unit };
}
