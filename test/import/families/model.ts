import fc from "fast-check";
import type { Deadline } from "../../../src/domain/model.js";
import type { MoneyUnit } from "../../../src/domain/money.js";
import type { DirectionView, ProjectView } from "./view.js";

/**
 * A random programme's task table, as the family generators render it and the importer must read it
 * back (`taskTableView`). Amounts are whole UAH in kopecks, so both units print them exactly.
 */
export interface TaskTableModel {
  years: string[];
  directions: DirectionView[];
  /**
   * Each project's executors cell as printed, by project number: the executors the importer must read
   * (`ProjectView.executors` joins them with ", ") and the joiner the document put between them.
   */
  executorCells: Record<string, ExecutorsCell>;
}

/** The executors of a project and how the cell joins them: ", ", " та ", " / ", "; ". */
export interface ExecutorsCell {
  executors: string[];
  joiner: string;
}

/** Each project's executors one by one, by project number: what the importer must split its cell into. */
export function modelExecutors(model: TaskTableModel): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(model.executorCells).map(([number, cell]) => [number, cell.executors]),
  );
}

/** The executors cell as printed. */
export function printExecutors(cell: ExecutorsCell): string {
  return cell.executors.join(cell.joiner);
}

/**
 * The executors cell cut by a page break after its first joiner ("Відділ освіти та" | "фінансовий
 * відділ"), or the whole cell and "" when it has one executor.
 */
export function cutExecutors(cell: ExecutorsCell): [string, string] {
  const printed = printExecutors(cell);
  if (cell.executors.length < 2) return [printed, ""];
  const first = cell.executors[0] ?? "";
  return [`${first}${cell.joiner}`.trim(), printed.slice(first.length + cell.joiner.length)];
}

/** "Фінансовий відділ" → "фінансовий відділ"; an abbreviation ("КП «…»", "ЦНАП") or a person keeps its capital. */
function lowerFirst(unit: string): string {
  if (PEOPLE.includes(unit) || PROPER.includes(unit) || !/^\p{Lu}\p{Ll}/u.test(unit)) return unit;
  return unit.charAt(0).toLowerCase() + unit.slice(1);
}

/** How many generated programmes each family test reads: 200 in `npm test`, more in `npm run test:layouts`. */
export const RUNS = Number(process.env.INFOPROG_LAYOUT_RUNS ?? 200);

/**
 * The property runs of every family test: `npm test` reads the same 200 programmes every time (a fixed
 * seed, so CI is repeatable); `npm run test:layouts` explores new ones on every run (a random seed, or
 * INFOPROG_LAYOUT_SEED to replay one that fast-check reported).
 */
export const PROPERTY_RUNS: { numRuns: number; seed?: number } = {
  numRuns: RUNS,
  ...(process.env.INFOPROG_LAYOUT_SEED
    ? { seed: Number(process.env.INFOPROG_LAYOUT_SEED) }
    : process.env.INFOPROG_LAYOUT_RUNS
      ? {}
      : { seed: 20_261_205 }),
};

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
/** Units; some have «та», «і» or a comma in their own name, and must stay one executor. */
const EXECUTORS = [
  "Відділ цифрового розвитку",
  "Фінансовий відділ",
  "Центр надання адміністративних послуг",
  "Управління освіти",
  "Відділ земельних відносин та архітектури",
  "Відділ кадрової роботи",
  "Відділ освіти, молоді та спорту",
  "Управління культури, національностей та релігій",
  "Відділ житлово-комунального господарства та будівництва",
  "КП «Благоустрій та озеленення»",
  "Служба у справах дітей",
  "ЦНАП",
  // Named by an abbreviation after adjectives, proper or not, and a unit that names no kind.
  "Роменська ЖЕК",
  "Міський ЦНАП",
  "ОСББ «Світанок»",
  "Молодіжна рада",
  // Capitals in a department's name that name no organisation, and an organisation's abbreviation alone.
  "Відділ з питань НС та ЦЗ",
  "Сектор з питань внутрішньої політики та ЗМІ",
  "ДРАЦС",
  // A council typed in capitals, and a unit with its person in brackets.
  "ВИКОНАВЧИЙ КОМІТЕТ РОМЕНСЬКОЇ МІСЬКОЇ РАДИ",
  "Відділ освіти (Іваненко І.І.)",
];
/** Proper adjectives keep their capital after the first executor. */
const PROPER = ["Роменська ЖЕК"];
/** People, as an executors cell may name them: initials before or after, Є, І, Ї, Ґ and apostrophes. */
const PEOPLE = [
  "Іваненко І.І.",
  "Петренко П. П.",
  "Ґудзь Є.Ї.",
  "О.В. Мар'яненко",
  "Коваль-Їжак Ю.Ґ.",
  "Шевчук Ярослава Іванівна",
  // The post after the name, with a comma in it.
  "Бондар О.О., начальник відділу освіти",
  "Гнатюк Т. Т., начальник фінансового управління",
];
const UNIT_JOINERS = [", ", " та ", " і ", " / ", "/", "; "];
const PEOPLE_JOINERS = [", ", " та ", "; "];

/**
 * Bodies that are no department: "робоча група", named by a word that names a unit alone, and bodies
 * named by an organisation's kind ("молодіжний парламент", "громадські організації", "волонтери",
 * "ініціативна група", "батьківські комітети"),
 * each an executor of its own after a `;`, a comma or «та»; a page break may cut the cell right after
 * either (`cutExecutors`).
 */
const bodyAfterUnits = fc
  .tuple(
    fc.shuffledSubarray(EXECUTORS, { minLength: 1, maxLength: 2 }),
    fc.constantFrom(
      { body: "Молодіжний парламент", joiner: "; " },
      { body: "Робоча група", joiner: "; " },
      { body: "Робоча група", joiner: ", " },
      { body: "Молодіжний парламент", joiner: " та " },
      { body: "Громадські організації", joiner: ", " },
      { body: "Громадські організації", joiner: " та " },
      { body: "Заклади освіти громади", joiner: ", " },
      { body: "Волонтери", joiner: ", " },
      { body: "Громадськість", joiner: " і " },
      { body: "Ініціативна група", joiner: " та " },
      { body: "Батьківські комітети", joiner: " та " },
    ),
  )
  .map(([units, { body, joiner }]) => ({ executors: [...units, body], joiner }));

/**
 * One to three units, or one to three people, joined as a cell might join them; the second and later
 * units begin in lower case, as in running text.
 */
const executorsCell: fc.Arbitrary<ExecutorsCell> = fc
  .oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        executors: fc.shuffledSubarray(EXECUTORS, { minLength: 1, maxLength: 3 }),
        joiner: fc.constantFrom(...UNIT_JOINERS),
      }),
    },
    { weight: 1, arbitrary: bodyAfterUnits },
    {
      weight: 1,
      arbitrary: fc.record({
        executors: fc.shuffledSubarray(PEOPLE, { minLength: 1, maxLength: 3 }),
        joiner: fc.constantFrom(...PEOPLE_JOINERS),
      }),
    },
  )
  .map(({ executors, joiner }) => ({
    executors: executors.map((unit, index) => (index === 0 ? unit : lowerFirst(unit))),
    joiner,
  }));
const DEADLINES = ["2026-2028 роки", "Протягом дії Програми", "2027 рік", "2026-2027 роки", "2028 рік"];

const years = (from: number, to: number): Deadline => ({ kind: "years", from, to });

/** A printed deadline that means something else than the one drawn: years apart, an open end. */
interface Reshaped {
  text: string;
  deadline: Deadline;
}

/**
 * What each drawn deadline means, and the other ways councils print the same deadline: days, months,
 * a list of years, «протягом …», «щорічно …», a remark in brackets. Each
 * spelling must read as the same Deadline; a `Reshaped` one prints a deadline of its own shape in its
 * place («2026, 2028», «з 2027 року», «до 2027 року»).
 */
const DEADLINE_SPELLINGS: Record<string, { deadline: Deadline; others: (string | Reshaped)[] }> = {
  "2026-2028 роки": {
    deadline: years(2026, 2028),
    others: [
      "протягом 2026-2028 років",
      "з 01.01.2026 по 31.12.2028",
      "2026, 2027, 2028",
      "2026–2028 рр. (щороку)",
      "щорічно протягом 2026-2028 рр.",
      { text: "2026, 2028", deadline: { kind: "years", from: 2026, to: 2028, years: [2026, 2028] } },
      { text: "з 2027 року", deadline: { kind: "programme", from: 2027 } },
    ],
  },
  "Протягом дії Програми": {
    deadline: { kind: "programme" },
    others: ["Постійно", "протягом строку дії програми", "щороку до 1 березня"],
  },
  "2027 рік": { deadline: years(2027, 2027), others: ["у 2027 році", "вересень–грудень 2027", "2027 р."] },
  "2026-2027 роки": {
    deadline: years(2026, 2027),
    others: [
      "2026, 2027",
      "з 01.03.2026 по 30.11.2027",
      "протягом 2026-2027 років",
      { text: "до 2027 року", deadline: { kind: "programme", to: 2027 } },
      "2026-2027 рр. (за потреби)",
    ],
  },
  "2028 рік": { deadline: years(2028, 2028), others: ["2028", "січень–грудень 2028 р."] },
};

const printed = (other: string | Reshaped): string => (typeof other === "string" ? other : other.text);

/** Every spelling the model prints, and the Deadline it means. */
const DEADLINE_OF = new Map(
  Object.values(DEADLINE_SPELLINGS).flatMap(({ deadline, others }) =>
    others.map((other) => [printed(other), typeof other === "string" ? deadline : other.deadline] as const),
  ),
);
for (const [text, { deadline }] of Object.entries(DEADLINE_SPELLINGS)) DEADLINE_OF.set(text, deadline);

/**
 * A drawn deadline in another spelling for a third of the projects, chosen by the lengths of their
 * drawn title and result (no new draw: the seeded samples keep their other values).
 */
function spelled(deadline: string, title: string, result: string): string {
  const others = DEADLINE_SPELLINGS[deadline]?.others ?? [];
  if (title.length % 3 !== 0 || others.length === 0) return deadline;
  const other = others[result.length % others.length];
  return other === undefined ? deadline : printed(other);
}

/**
 * The model with its projects' deadlines in other spellings (`spelled`). Family 1 prints them, and so
 * does the space-aligned family, where a spelling wraps over lines in its narrow column («вересень–
 * грудень» over «2027», «протягом» over «2026-2028» over «років»).
 */
export function withSpelledDeadlines(model: TaskTableModel): TaskTableModel {
  const directions = model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) => ({
      ...project,
      deadline: spelled(project.deadline, project.title, project.result),
    })),
  }));
  return { ...model, directions };
}

/**
 * The Deadline each project's printed deadline means, by project number (projects whose deadline a
 * family printed otherwise are left out): the importer must parse the spelling, not just keep its text.
 */
export function modelDeadlines(model: TaskTableModel): Record<string, Deadline> {
  return Object.fromEntries(
    model.directions.flatMap((direction) =>
      direction.projects.flatMap((project) => {
        const deadline = DEADLINE_OF.get(project.deadline);
        return deadline ? [[project.number, deadline]] : [];
      }),
    ),
  );
}
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

type GeneratedProject = Omit<ProjectView, "number"> & { cell: ExecutorsCell };

function projectArbitrary(years: string[]): fc.Arbitrary<GeneratedProject> {
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
      cell: executorsCell,
      deadline: fc.constantFrom(...DEADLINES),
      fundingNote: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...NOTES) },
      ),
      funding,
      result: phrase(fc.constantFrom(...RESULTS), 1, 6),
    })
    .map(({ cell, ...project }) => {
      const view = { ...project, executors: cell.executors.join(", "), cell };
      return view.fundingNote ? { ...view, funding: {} } : { ...view, fundingNote: null };
    });
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
          .map((titles) => {
            const executorCells: Record<string, ExecutorsCell> = {};
            const numbered = directions.map((projects, index) => ({
              number: String(index + 1),
              title: titles[index] as string,
              projects: projects.map(({ cell, ...project }, position) => {
                const number = `${index + 1}.${position + 1}`;
                executorCells[number] = cell;
                return { number, ...project };
              }),
            }));
            return { years, directions: numbered, executorCells };
          }),
      ),
  );

/**
 * Executors as councils print them, drawn by the direction-column family only (the other families'
 * seeded PDF samples stay as they are): one body's «та» («Відділ освіти та молоді») and a state body's
 * or an organisation's abbreviation («ГУДКУ», «ГУ ДСНС у Сумській області», «УСЗН», «КНП «ЦПМСД»»).
 */
export const COUNCIL_EXECUTORS = [
  "Відділ освіти та молоді",
  "ГУДКУ",
  "ГУ ДСНС у Сумській області",
  "УСЗН",
  "КНП «ЦПМСД»",
];

/** The model with one more executor after the first project's, joined as its cell joins them. */
export function withExecutor(model: TaskTableModel, executor: string | null): TaskTableModel {
  const [first] = model.directions.flatMap((direction) => direction.projects);
  const cell = first && model.executorCells[first.number];
  if (!executor || !first || !cell) return model;
  const executors = [...cell.executors, lowerFirst(executor)];
  const directions = model.directions.map((direction) => ({
    ...direction,
    projects: direction.projects.map((project) =>
      project === first ? { ...project, executors: executors.join(", ") } : project,
    ),
  }));
  return {
    ...model,
    directions,
    executorCells: { ...model.executorCells, [first.number]: { ...cell, executors } },
  };
}

/** The sum of a project's sources for a year, in kopecks. */
export function yearTotal(project: ProjectView, year: string): number {
  return Object.values(project.funding).reduce((sum, years) => sum + (years[year] ?? 0), 0);
}

/** Kopecks of whole UAH printed in a unit: "281,000" (thousand UAH) or "281 000,00" (UAH). */
export function printAmount(kopecks: number, unit: MoneyUnit, grouped: boolean): string {
  const uah = kopecks / 100;
  if (unit === "million") {
    if (uah % 1000 !== 0) throw new RangeError(`${kopecks} kopecks are no whole thousand UAH`);
    const thousands = uah / 1000;
    return `${group(Math.floor(thousands / 1000), grouped)},${String(thousands % 1000).padStart(3, "0")}`;
  }
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

/**
 * Bodies outside the vocabulary, named by an adjective and a noun in the nominative (each an executor
 * of its own after a comma or «та»), and units whose name goes on with a field of work in capitals no
 * organisation has ("Відділ освіти, ПДР": one executor).
 */
const BODIES_BY_PHRASE = [
  "Учнівське самоврядування",
  "Волонтерський рух",
  "Активна молодь",
  "Місцеве самоврядування",
];
const FIELD_OF_WORK_UNITS = ["Відділ освіти, ПДР", "Управління ЖКГ, ПДР", "Служба у справах дітей, БДР"];

/**
 * The model with the first project's executors cell drawn again from these (a draw after the model's
 * own, so the models drawn before it stay as they were).
 */
export const executorGapsModel: fc.Arbitrary<TaskTableModel> = fc
  .tuple(
    taskTableModel,
    fc.constantFrom(...FIELD_OF_WORK_UNITS),
    fc.constantFrom(...BODIES_BY_PHRASE),
    fc.constantFrom(", ", " та "),
    fc.boolean(),
  )
  .map(([model, unit, body, joiner, fieldFirst]) => {
    const first = model.directions[0]?.projects[0];
    if (!first) return model;
    const executors = fieldFirst ? [unit, lowerFirst(body)] : [body, unit];
    const cell = { executors, joiner };
    const directions = model.directions.map((direction, index) =>
      index === 0
        ? {
            ...direction,
            projects: direction.projects.map((project, position) =>
              position === 0 ? { ...project, executors: executors.join(", ") } : project,
            ),
          }
        : direction,
    );
    return { ...model, directions, executorCells: { ...model.executorCells, [first.number]: cell } };
  });

/** A one-year programme's task table: a single year column under the amounts heading. */
export const oneYearModel: fc.Arbitrary<TaskTableModel> = fc.integer({ min: 2025, max: 2027 }).chain((year) =>
  fc.array(projectArbitrary([String(year)]), { minLength: 1, maxLength: 4 }).map((projects) => {
    const executorCells: Record<string, ExecutorsCell> = {};
    const numbered = projects.map(({ cell, ...project }, position) => {
      const number = `1.${position + 1}`;
      executorCells[number] = cell;
      return { number, ...project };
    });
    return {
      years: [String(year)],
      directions: [{ number: "1", title: DIRECTION_TITLES[0] as string, projects: numbered }],
      executorCells,
    };
  }),
);
