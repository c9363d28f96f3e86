import {
  type Deadline,
  type Direction,
  emptyProgramme,
  type FundingRow,
  type Indicator,
  type Item,
  type Programme,
  type SourceKind,
} from "../../src/domain/model.js";
import { type Kopecks, parseDecimalToKopecks } from "../../src/domain/money.js";

/** "1 774,0" thousand UAH → kopecks; throws on a typo so that a test never runs on a null. */
export function th(text: string): Kopecks {
  const kopecks = parseDecimalToKopecks(text, "thousand");
  if (kopecks === null) throw new Error(`not an amount: ${text}`);
  return kopecks;
}

/** Years 2026, 2027, 2028 in order; "" or "-" leaves a year out. */
export type YearCells = [string, string, string] | [string, string];

export function row(source: SourceKind, years: YearCells, line: number, printedTotal?: string): FundingRow {
  const byYear: Record<string, Kopecks> = {};
  years.forEach((cell, index) => {
    if (cell !== "" && cell !== "-") byYear[String(2026 + index)] = th(cell);
  });
  const summed = Object.values(byYear).reduce((sum, amount) => sum + amount, 0);
  return {
    source,
    label: source === "total" ? "Загальний обсяг, у тому числі:" : source,
    byYear,
    total: printedTotal === undefined ? summed : th(printedTotal),
    totalPrinted: printedTotal !== undefined,
    line,
  };
}

export function item(fields: Partial<Item> & Pick<Item, "id" | "line">): Item {
  return {
    number: fields.id.replace(/^d/, ""),
    title: `Захід ${fields.id}`,
    executors: ["відділ цифрового розвитку"],
    deadline: { kind: "years", from: 2026, to: 2028 },
    deadlineText: "2026-2028 роки",
    funding: [],
    expectedResult: "очікуваний результат",
    children: [],
    ...fields,
  };
}

export function years(from: number, to: number): Deadline {
  return { kind: "years", from, to };
}

function directions(): Direction[] {
  const computers = item({
    id: "d1.1.1",
    line: 102,
    title: "закупівля комп’ютерного обладнання",
    funding: [row("local", ["444,0", "630,0", "700,0"], 102, "1774,0")],
  });
  const licences = item({
    id: "d1.1.2",
    line: 104,
    title: "придбання ліцензій",
    deadline: years(2026, 2027),
    deadlineText: "2026-2027 роки",
    funding: [
      row("total", ["500,0", "490,0"], 104, "990,0"),
      row("local", ["50,0", "40,0"], 105, "90,0"),
      row("other", ["450,0", "450,0"], 106, "900,0"),
    ],
  });
  // The task states nothing itself: its projects do (a common layout).
  const task = item({
    id: "d1.1",
    line: 101,
    title: "оновлення обладнання",
    executors: [],
    deadline: null,
    deadlineText: "",
    expectedResult: "",
    children: [computers, licences],
  });
  const centre = item({
    id: "d2.1",
    line: 121,
    title: "модернізація ЦНАП",
    deadline: years(2028, 2028),
    deadlineText: "2028 рік",
    funding: [row("other", ["-", "-", "800,0"], 121, "800,0")],
  });
  const training = item({
    id: "d2.2",
    line: 123,
    title: "навчання працівників",
    deadline: { kind: "programme" },
    deadlineText: "протягом дії Програми",
    funding: [row("none", ["-", "-", "-"], 123)],
  });
  return [
    {
      number: "1",
      title: "Цифрова трансформація управління",
      items: [task],
      declaredTotals: [
        row("total", ["944,0", "1120,0", "700,0"], 110, "2764,0"),
        row("local", ["494,0", "670,0", "700,0"], 111, "1864,0"),
        row("other", ["450,0", "450,0", "-"], 112, "900,0"),
      ],
      line: 100,
    },
    {
      number: "2",
      title: "Цифровізація публічних послуг",
      items: [centre, training],
      declaredTotals: [row("other", ["-", "-", "800,0"], 125, "800,0")],
      line: 120,
    },
  ];
}

const FIELD_VALUES = [
  "Демонстраційна міська територіальна громада",
  "UA12020010000012345",
  "розпорядження від 01.06.2025 № 1",
  "02.02.2026",
  "цифровий розвиток громади",
  "робоча група",
  "заступник міського голови",
  "структурні підрозділи міської ради",
  "2026-2028 роки",
  "див. таблицю",
];

export function indicator(fields: Partial<Indicator> = {}): Indicator {
  return {
    number: "1",
    direction: "цифрова трансформація",
    name: "% комп’ютерів віком до 5 років",
    unit: "%",
    formula: "",
    baseline: "37,5",
    targets: { "2026": "39,0", "2027": "41,0", "2028": "43,0" },
    dynamics: "+5,5",
    line: 200,
    ...fields,
  };
}

/**
 * A small programme where everything reconciles, worked out by hand (thousand UAH):
 * direction 1 = 1 774,0 local + (90,0 local + 900,0 other) = 2 764,0; direction 2 = 800,0 other;
 * programme 3 564,0 = 944,0 (2026) + 1 120,0 (2027) + 1 500,0 (2028) = local 1 864,0 + other 1 700,0.
 */
export function validProgramme(): Programme {
  const programme = emptyProgramme();
  programme.title = "Програма інформатизації на 2026-2028 роки";
  programme.community = { name: FIELD_VALUES[0] ?? "", katottg: "UA12020010000012345" };
  programme.period = { from: 2026, to: 2028 };
  programme.passport.fields = FIELD_VALUES.map((value, index) => ({
    number: index + 1,
    label: `Поле ${index + 1}`,
    value,
    line: 21 + index,
  }));
  programme.passport.funding = {
    total: th("3564,0"),
    byYear: { "2026": th("944,0"), "2027": th("1120,0"), "2028": th("1500,0") },
    bySource: { local: th("1864,0"), other: th("1700,0") },
    bySourceByYear: {
      local: { "2026": th("494,0"), "2027": th("670,0"), "2028": th("700,0") },
      other: { "2026": th("450,0"), "2027": th("450,0"), "2028": th("800,0") },
    },
    line: 30,
  };
  programme.directions = directions();
  programme.declaredTotals = [
    row("total", ["944,0", "1120,0", "1500,0"], 130, "3564,0"),
    row("local", ["494,0", "670,0", "700,0"], 131, "1864,0"),
    row("other", ["450,0", "450,0", "800,0"], 132, "1700,0"),
  ];
  programme.indicators = [indicator()];
  return programme;
}

/** Lookup helpers that fail loudly when the builder's shape changes. */
export function itemById(programme: Programme, id: string): Item {
  const visit = (items: Item[]): Item | undefined => {
    for (const each of items) {
      if (each.id === id) return each;
      const found = visit(each.children);
      if (found) return found;
    }
    return undefined;
  };
  const found = programme.directions.map((direction) => visit(direction.items)).find(Boolean);
  if (!found) throw new Error(`no item ${id}`);
  return found;
}

export function fundingRow(
  owner: { funding?: FundingRow[]; declaredTotals?: FundingRow[] },
  index: number,
): FundingRow {
  const rows = owner.funding ?? owner.declaredTotals ?? [];
  const found = rows[index];
  if (!found) throw new Error(`no row ${index}`);
  return found;
}
