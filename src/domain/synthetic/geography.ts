import type { Random } from "./prng.js";

/** The 24 oblasts with their first two KATOTTG digits. */
export const OBLASTS: readonly { code: string; name: string }[] = [
  { code: "05", name: "Вінницька" },
  { code: "07", name: "Волинська" },
  { code: "12", name: "Дніпропетровська" },
  { code: "14", name: "Донецька" },
  { code: "18", name: "Житомирська" },
  { code: "21", name: "Закарпатська" },
  { code: "23", name: "Запорізька" },
  { code: "26", name: "Івано-Франківська" },
  { code: "32", name: "Київська" },
  { code: "35", name: "Кіровоградська" },
  { code: "44", name: "Луганська" },
  { code: "46", name: "Львівська" },
  { code: "48", name: "Миколаївська" },
  { code: "51", name: "Одеська" },
  { code: "53", name: "Полтавська" },
  { code: "56", name: "Рівненська" },
  { code: "59", name: "Сумська" },
  { code: "61", name: "Тернопільська" },
  { code: "63", name: "Харківська" },
  { code: "65", name: "Херсонська" },
  { code: "68", name: "Хмельницька" },
  { code: "71", name: "Черкаська" },
  { code: "73", name: "Чернівецька" },
  { code: "74", name: "Чернігівська" },
];

/** Feminine adjectives: "<name> міська територіальна громада". */
const NAMES = [
  "Березівська",
  "Вишнівська",
  "Дубрівська",
  "Зеленодольська",
  "Кам'янобрідська",
  "Липовецька",
  "Новосільська",
  "Озерянська",
  "Поліська",
  "Рясненська",
  "Соснівська",
  "Старосільська",
  "Тополівська",
  "Ярмолинецька",
  "Калинівська",
  "Вербівська",
  "Горохівська",
  "Яблунівська",
  "Кленівська",
  "Білокриницька",
  "Городищенська",
  "Миролюбівська",
  "Красносільська",
  "Світлодольська",
  "Лісівська",
  "Степівська",
  "Медвежанська",
  "Ставищенська",
  "Любомирська",
  "Орлівська",
];

export type CommunityKind = "міська" | "селищна" | "сільська";

export interface SyntheticCommunity {
  katottg: string;
  name: string;
  oblast: string;
  population: number;
}

const KIND_WEIGHTS: [CommunityKind, number][] = [
  ["міська", 0.28],
  ["селищна", 0.3],
  ["сільська", 0.42],
];
/** Median population by kind; the spread is log-normal. */
const MEDIAN_POPULATION: Record<CommunityKind, number> = { міська: 35_000, селищна: 11_000, сільська: 6_000 };

function pickKind(random: Random): CommunityKind {
  let roll = random.next();
  for (const [kind, weight] of KIND_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return "сільська";
}

/**
 * KATOTTG code: "UA", oblast (2), district (2), community (3), "0000", then a 6-digit serial made from
 * the community's index, so codes are unique across the whole generated nation.
 */
export function katottgCode(oblastCode: string, district: number, index: number): string {
  const community = String((index % 999) + 1).padStart(3, "0");
  const serial = String(index).padStart(6, "0");
  return `UA${oblastCode}${String(district).padStart(2, "0")}${community}0000${serial}`;
}

export function generateCommunity(random: Random, index: number): SyntheticCommunity {
  const oblast = OBLASTS[index % OBLASTS.length] ?? OBLASTS[0];
  if (!oblast) throw new Error("no oblasts");
  const kind = pickKind(random);
  const adjective = random.pick(NAMES);
  const population = Math.max(1_500, Math.round(MEDIAN_POPULATION[kind] * Math.exp(0.7 * random.normal())));
  return {
    katottg: katottgCode(oblast.code, random.int(1, 8), index),
    name: `${adjective} ${kind} територіальна громада`,
    oblast: `${oblast.name} область`,
    population,
  };
}
