import {
  assignItemIds,
  type FundingRow,
  type Item,
  type Programme,
  SOURCE_LABELS_UK,
  type SourceKind,
} from "../../../src/domain/model.js";
import { parseDecimalToKopecks } from "../../../src/domain/money.js";

/**
 * A small made-up programme for developing the UI without the API (no real community's data).
 * Amounts are written the way documents print them, in thousand UAH.
 */
const YEARS = ["2026", "2027", "2028"];

function kopecks(text: string): number {
  const value = parseDecimalToKopecks(text, "thousand");
  if (value === null) throw new Error(`bad demo amount ${text}`);
  return value;
}

function row(source: SourceKind, amounts: string[]): FundingRow {
  const byYear = Object.fromEntries(YEARS.map((year, index) => [year, kopecks(amounts[index] ?? "0")]));
  const total = Object.values(byYear).reduce((sum, value) => sum + value, 0);
  return { source, label: SOURCE_LABELS_UK[source], byYear, total, totalPrinted: true, line: 0 };
}

function item(
  number: string,
  title: string,
  executors: string[],
  funding: FundingRow[],
  children: Item[] = [],
): Item {
  return {
    id: "",
    number,
    title,
    executors,
    deadline: { kind: "years", from: 2026, to: 2028 },
    deadlineText: "2026–2028",
    funding,
    expectedResult: `Виконано: ${title.toLowerCase()}`,
    children,
    line: 0,
  };
}

const IT = "Відділ інформаційних технологій";
const FIN = "Фінансове управління";

export function demoProgramme(): Programme {
  const programme: Programme = {
    title: "Програма інформатизації Демонстраційної територіальної громади на 2026–2028 роки",
    community: { name: "Демонстраційна територіальна громада", katottg: "UA00000000000000000" },
    period: { from: 2026, to: 2028 },
    unit: "thousand",
    passport: {
      fields: [
        {
          number: 1,
          label: "Найменування територіальної громади",
          value: "Демонстраційна територіальна громада",
          line: 0,
        },
        { number: 2, label: "Код за Кодифікатором", value: "UA00000000000000000", line: 0 },
        {
          number: 3,
          label: "Розпорядчий документ про розроблення",
          value: "розпорядження від 12.06.2025 № 1",
          line: 0,
        },
        { number: 4, label: "Дата погодження Генеральним державним замовником", value: "—", line: 0 },
        { number: 5, label: "Ініціатор розроблення", value: "Виконавчий комітет", line: 0 },
        { number: 6, label: "Розробник", value: IT, line: 0 },
        { number: 7, label: "Відповідальний виконавець", value: IT, line: 0 },
        { number: 8, label: "Учасники", value: "Структурні підрозділи виконавчого комітету", line: 0 },
        { number: 9, label: "Строк виконання", value: "2026–2028 роки", line: 0 },
        { number: 10, label: "Обсяг фінансування, тис. грн", value: "5 200,0", line: 0 },
      ],
      funding: { total: kopecks("5200"), byYear: {}, bySource: {}, bySourceByYear: {}, line: 0 },
    },
    sections: [
      {
        key: "general",
        title: "Загальні положення",
        text: "Програма визначає завдання з цифрового розвитку громади.",
        line: 0,
      },
      {
        key: "aims",
        title: "Мета програми",
        text: "Доступні електронні послуги та захищені інформаційні системи.",
        line: 0,
      },
    ],
    directions: [
      {
        number: "1",
        title: "Розвиток інформаційної інфраструктури",
        line: 0,
        declaredTotals: [],
        items: [
          item(
            "1.1",
            "Оновлення комп’ютерної техніки структурних підрозділів",
            [IT],
            [row("local", ["600", "650", "700"])],
          ),
          item(
            "1.2",
            "Модернізація локальної мережі",
            [IT],
            [row("local", ["250,5", "0", "120"])],
            [item("1.2.1", "Заміна комутаторів", [IT], [row("local", ["80", "0", "0"])])],
          ),
          item(
            "1.3",
            "Резервне живлення серверної",
            [IT, FIN],
            [row("state", ["300", "0", "0"]), row("local", ["100", "0", "0"])],
          ),
        ],
      },
      {
        number: "2",
        title: "Електронні послуги та відкриті дані",
        line: 0,
        declaredTotals: [],
        items: [
          item(
            "2.1",
            "Оприлюднення наборів відкритих даних",
            ["Загальний відділ"],
            [row("within-budget", ["0", "0", "0"])],
          ),
          item(
            "2.2",
            "Впровадження системи електронного документообігу",
            [IT],
            [row("local", ["400", "300", "300"]), row("other", ["200", "0", "0"])],
          ),
        ],
      },
      {
        number: "3",
        title: "Кібербезпека",
        line: 0,
        declaredTotals: [],
        items: [
          item("3.1", "Придбання засобів захисту інформації", [IT], [row("local", ["150", "150", "149,5"])]),
        ],
      },
    ],
    declaredTotals: [],
    indicators: [
      {
        number: "1",
        direction: "1",
        name: "Частка оновлених робочих місць",
        unit: "%",
        formula: "",
        baseline: "20",
        targets: { "2026": "40", "2027": "70", "2028": "100" },
        dynamics: "зростання",
        line: 0,
      },
    ],
  };
  assignItemIds(programme);
  return programme;
}

/** A programme with many rows, for checking that the funding table stays quick. */
export function largeDemoProgramme(tasks = 300): Programme {
  const programme = demoProgramme();
  const direction = programme.directions[0];
  if (!direction) return programme;
  for (let index = 0; index < tasks; index++) {
    direction.items.push(
      item(`1.${index + 10}`, `Захід №${index + 1}`, [IT], [row("local", [String(index), "1,5", "0"])]),
    );
  }
  assignItemIds(programme);
  return programme;
}
