import fc from "fast-check";
import type { DirectionView, ProjectView } from "./view.js";

/**
 * A random programme's task table, as the family generators render it and the importer must read it
 * back (`taskTableView`). Amounts are whole UAH in kopecks, so both units print them exactly.
 */
export interface TaskTableModel {
  years: string[];
  directions: DirectionView[];
}

/** How many generated programmes each family test reads: 200 in `npm test`, more in `npm run test:layouts`. */
export const RUNS = Number(process.env.INFOPROG_LAYOUT_RUNS ?? 200);

const NOUNS = [
  "Впровадження",
  "Оновлення",
  "Створення",
  "Розвиток",
  "Модернізація",
  "Супровід",
  "Придбання",
  "Навчання",
  "Облаштування",
  "Побудова",
];
const WORDS = [
  "системи",
  "електронного",
  "документообігу",
  "комп'ютерної",
  "техніки",
  "геопорталу",
  "громади",
  "мережі",
  "серверного",
  "обладнання",
  "працівників",
  "послуг",
  "онлайн-запису",
  "захисту",
  "інформації",
  "старостинських",
  "округів",
  "закладів",
  "освіти",
  "реєстрів",
];
const EXECUTORS = [
  "Відділ цифрового розвитку",
  "Фінансовий відділ",
  "Центр надання адміністративних послуг",
  "Управління освіти",
  "Відділ земельних відносин та архітектури",
  "Відділ кадрової роботи",
];
const DEADLINES = ["2026-2028 роки", "Протягом дії Програми", "2027 рік", "2026-2027 роки", "2028 рік"];
const RESULTS = ["Працюють", "Підключено", "Забезпечено", "Оновлено", "Навчено"];
const DIRECTION_TITLES = [
  "Цифрове врядування",
  "Цифрові послуги для мешканців",
  "Кібербезпека та інфраструктура",
  "Електронна освіта",
  "Відкриті дані",
];
export const NOTES = ["Не потребує фінансування", "В межах бюджетних асигнувань"];
export const SOURCES = ["local", "other", "state"] as const;

const phrase = (head: fc.Arbitrary<string>, min: number, max: number) =>
  fc
    .tuple(head, fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }))
    .map(([first, rest]) => [first, ...rest].join(" "));

function projectArbitrary(years: string[]): fc.Arbitrary<Omit<ProjectView, "number">> {
  const amounts = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999_999 })), {
    minLength: years.length,
    maxLength: years.length,
  });
  const byYear = amounts.map((values) =>
    Object.fromEntries(
      values.flatMap((uah, index) => (uah === 0 ? [] : [[years[index] as string, uah * 100]])),
    ),
  );
  const funding = fc
    .subarray([...SOURCES], { minLength: 1 })
    .chain((sources) => fc.tuple(...sources.map((source) => byYear.map((years) => [source, years] as const))))
    .map((entries) => Object.fromEntries(entries.filter(([, years]) => Object.keys(years).length > 0)))
    .filter((funding) => Object.keys(funding).length > 0);
  return fc
    .record({
      title: phrase(fc.constantFrom(...NOUNS), 1, 7),
      executors: fc
        .subarray(EXECUTORS, { minLength: 1, maxLength: 2 })
        .map((units) => units.map((unit, index) => (index === 0 ? unit : unit.toLowerCase())).join(", ")),
      deadline: fc.constantFrom(...DEADLINES),
      fundingNote: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...NOTES) },
      ),
      funding,
      result: phrase(fc.constantFrom(...RESULTS), 1, 6),
    })
    .map((project) =>
      project.fundingNote ? { ...project, funding: {} } : { ...project, fundingNote: null },
    );
}

export const taskTableModel: fc.Arbitrary<TaskTableModel> = fc
  .record({ from: fc.integer({ min: 2025, max: 2027 }), span: fc.integer({ min: 2, max: 3 }) })
  .map(({ from, span }) => Array.from({ length: span }, (_, index) => String(from + index)))
  .chain((years) =>
    fc
      .array(fc.array(projectArbitrary(years), { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 3,
      })
      .chain((directions) =>
        fc
          .shuffledSubarray(DIRECTION_TITLES, { minLength: directions.length, maxLength: directions.length })
          .map((titles) => ({
            years,
            directions: directions.map((projects, index) => ({
              number: String(index + 1),
              title: titles[index] as string,
              projects: projects.map((project, position) => ({
                number: `${index + 1}.${position + 1}`,
                ...project,
              })),
            })),
          })),
      ),
  );

/** The sum of a project's sources for a year, in kopecks. */
export function yearTotal(project: ProjectView, year: string): number {
  return Object.values(project.funding).reduce((sum, years) => sum + (years[year] ?? 0), 0);
}

/** Kopecks of whole UAH printed in a unit: "281,000" (thousand UAH) or "281 000,00" (UAH). */
export function printAmount(kopecks: number, unit: "thousand" | "uah", grouped: boolean): string {
  const uah = kopecks / 100;
  if (unit === "thousand") {
    const whole = Math.floor(uah / 1000);
    const fraction = String(uah % 1000).padStart(3, "0");
    return `${group(whole, grouped)},${fraction}`;
  }
  return `${group(uah, grouped)},00`;
}

function group(value: number, grouped: boolean): string {
  return grouped ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ") : String(value);
}
