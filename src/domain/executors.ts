/**
 * Executors as the task table prints them, turned into organisational units: the same unit is written
 * with and without its owner («… виконавчого комітету Роменської міської ради», «… РМР»), in any case,
 * with any quote or apostrophe. Pure functions.
 */
import { isPerson, personThenPost } from "./executor-split.js";
import { editDistance } from "./geo/names.js";
import { allItems, type Programme } from "./model.js";

const OWNER_TAIL = new RegExp(
  [
    // «… Сумської області» after the council
    "(?:\\s+[а-яіїєґ'-]+\\s+області)$",
    // «… (виконавчого комітету) (Роменської) міської/селищної/сільської ради»
    "(?:\\s+виконавч(?:ого|ий)\\s+комітет(?:у)?)?(?:\\s+[а-яіїєґ']+(?:ської|цької|зької))?\\s+(?:міської|селищної|сільської)\\s+ради$",
    "(?:\\s+виконавч(?:ого|ий)\\s+комітет(?:у)?)$",
  ].join("|"),
);
const AGREEMENT = /\s*\(?\s*за\s+згодою\s*\)?\s*$/;

/** Lower case, one apostrophe, no quotes, dashes as hyphens, single spaces, no trailing punctuation. */
function flatten(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[ʼ’‘`ʹ′]/g, "'")
    .replace(/["«»“”„]/g, "")
    .replace(/[‐‑–—−-]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/[\s.,;:]+$/, "")
    .trim();
}

/**
 * The key two spellings of one executor share: «Відділ освіти Роменської міської ради Сумської
 * області», «відділ освіти» and «ВІДДІЛ ОСВІТИ виконавчого комітету міської ради» all give «відділ
 * освіти»; a council's abbreviation at the end («КП «Міськводоканал» РМР») is dropped too.
 */
export function executorKey(name: string): string {
  // A council's abbreviation: «РМР» (Роменська міська рада).
  const original = name.trim().replace(/\s+[А-ЯІЇЄҐ]{1,3}Р$/, "");
  let key = flatten(original).replace(AGREEMENT, "");
  for (let previous = ""; previous !== key; ) {
    previous = key;
    key = key
      .replace(OWNER_TAIL, "")
      .replace(/[\s.,;:]+$/, "")
      .trim();
  }
  return key === "" ? flatten(name) : key;
}

export interface ExecutorGroup {
  key: string;
  /** The spelling to name the unit by: the one printed most often, then the shortest. */
  name: string;
  /** Every spelling printed, with how many projects name it. */
  spellings: { text: string; count: number }[];
  /** Ids of the projects that name it. */
  itemIds: string[];
}

function tidy(text: string): string {
  const spaced = text.replace(/\s+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

type Gender = "masculine" | "neuter" | "feminine";

/** A unit's kind in the genitive, as a post names it: its nominative and its gender. */
const KIND_OF_POST: Record<string, [string, Gender]> = {
  відділу: ["відділ", "masculine"],
  управління: ["управління", "neuter"],
  сектору: ["сектор", "masculine"],
  служби: ["служба", "feminine"],
  центру: ["центр", "masculine"],
  департаменту: ["департамент", "masculine"],
  комітету: ["комітет", "masculine"],
  апарату: ["апарат", "masculine"],
};
/** Genitive adjective endings and the nominative ones by gender: "фінансового" → "фінансовий". */
const ADJECTIVE_ENDINGS: [RegExp, Record<Gender, string>][] = [
  [/ього$/u, { masculine: "ій", neuter: "є", feminine: "я" }],
  [/ого$/u, { masculine: "ий", neuter: "е", feminine: "а" }],
  [/ьої$/u, { masculine: "ій", neuter: "є", feminine: "я" }],
  [/ої$/u, { masculine: "ий", neuter: "е", feminine: "а" }],
];
const POST = /^(?:\p{Ll}[\p{L}'’ʼ-]*\s+)+/u;
/** `[adjectives] kind [rest]` in the genitive: "фінансового управління", "відділу освіти". */
const POST_UNIT =
  /(?<!\p{L})((?:[\p{L}'’ʼ-]+(?:ого|ої)\s+){0,2})(відділу|управління|сектору|служби|центру|департаменту|комітету|апарату)(?:\s+(\S.*))?$/u;
/** "Відділ освіти (Іваненко І.І.)", "Іваненко І.І. (начальник відділу освіти)". */
const BRACKETED = /^(.*?\S)\s*\(([^()]+)\)$/u;

/** A name typed in capitals as a name is written: "ІВАНЕНКО І.І." → "Іваненко І.І.". */
function nameCase(text: string): string {
  return text.replace(
    /(?<!\p{L})(\p{Lu})(\p{Lu}+)(?!\p{L})/gu,
    (_, first: string, rest: string) => first + rest.toLowerCase(),
  );
}

function nominative(adjective: string, gender: Gender): string {
  const ending = ADJECTIVE_ENDINGS.find(([pattern]) => pattern.test(adjective));
  return ending ? adjective.replace(ending[0], ending[1][gender]) : adjective;
}

/**
 * The unit a post names, in the nominative: "начальник відділу освіти" → "Відділ освіти", "начальник
 * фінансового управління" → "Фінансове управління"; null when it names none ("начальник відділу").
 */
function unitOfPost(post: string): string | null {
  const named = POST_UNIT.exec(post.trim());
  const [kind, gender] = KIND_OF_POST[named?.[2] ?? ""] ?? [];
  if (!named || kind === undefined || gender === undefined) return null;
  const adjectives = (named[1] ?? "").split(/\s+/).filter((word) => word !== "");
  if (adjectives.length === 0 && named[3] === undefined) return null;
  const words = [...adjectives.map((word) => nominative(word, gender)), kind, named[3] ?? ""];
  return tidy(words.join(" "));
}

/**
 * The organisational unit an executor names: the executor itself; for a person, the unit their post
 * names, before or after the name ("начальник відділу освіти Іваненко І.І.", "Іваненко І.І., начальник
 * відділу освіти" → "Відділ освіти"); for a unit with its person in brackets, the unit ("Відділ освіти
 * (Іваненко І.І.)"); null for a person alone ("Іваненко І.І."), who is no unit of their own.
 */
export function unitOfExecutor(text: string): string | null {
  const clean = text.trim();
  if (clean === "") return null;
  const [, outside = "", inside = ""] = BRACKETED.exec(clean) ?? [];
  if (isPerson(inside) || isPerson(nameCase(inside))) return unitOfExecutor(outside);
  if (isPerson(outside)) return unitOfPost(inside);
  const named = personThenPost(clean);
  if (named) return unitOfPost(named.post);
  if (!isPerson(clean)) return text;
  return unitOfPost(POST.exec(clean)?.[0] ?? "");
}

/**
 * The distinct executors of a programme that are units, grouped by `executorKey`, in order of first
 * appearance; a person counts as the unit their post names, or is left out (`unitOfExecutor`).
 */
export function executorGroups(programme: Programme): ExecutorGroup[] {
  const groups = new Map<string, { spellings: Map<string, number>; itemIds: Set<string> }>();
  for (const item of allItems(programme)) {
    for (const text of item.executors) {
      const unit = unitOfExecutor(text);
      if (unit === null) continue;
      const key = executorKey(unit);
      const group = groups.get(key) ?? { spellings: new Map(), itemIds: new Set() };
      const spelling = unit.replace(/\s+/g, " ").trim();
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
      group.itemIds.add(item.id);
      groups.set(key, group);
    }
  }
  return [...groups.entries()].map(([key, group]) => {
    const spellings = [...group.spellings.entries()].map(([text, count]) => ({ text, count }));
    const best = [...spellings].sort((a, b) => b.count - a.count || a.text.length - b.text.length)[0];
    return { key, name: tidy(best?.text ?? key), spellings, itemIds: [...group.itemIds] };
  });
}

/**
 * Pairs of unit names that are probably one unit spelt two ways (a typo, or one name the start of the
 * other): suggestions for the head to merge, never merged without them.
 */
export function similarUnits<T extends { name: string }>(units: readonly T[]): [T, T][] {
  const keys = units.map((unit) => executorKey(unit.name));
  const out: [T, T][] = [];
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const [a, b] = [keys[i] ?? "", keys[j] ?? ""];
      const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
      const typo = editDistance(a, b, 2) <= (shorter.length >= 12 ? 2 : 1);
      const prefix = shorter.length >= 8 && longer.startsWith(`${shorter} `);
      if (typo || prefix) out.push([units[i] as T, units[j] as T]);
    }
  }
  return out;
}
