/**
 * Ukraine's 1 469 territorial communities: KATOTTG code, name, kind, raion, oblast and population
 * (`communities-data.ts`, built from the official codifier and KSE's dataset: docs/geography.md).
 * Parsed once, on first use. Pure: no I/O.
 */
import { COMMUNITIES_TSV } from "./communities-data.js";
import { coreName, editDistance, kindOf, normalizeName, transliterate, typosAllowed } from "./names.js";

export interface GeoCommunity {
  katottg: string;
  /** As the codifier writes it: «Роменська». */
  name: string;
  kind: "міська" | "селищна" | "сільська" | null;
  raion: string;
  oblast: string;
  /** On 1 January 2022 (State Statistics Service); null where no source has it. */
  population: number | null;
}

interface Indexed extends GeoCommunity {
  /** The name as `coreName` compares it; computed on the first search by name, not for a code's lookup. */
  core?: string;
}

let table: { list: Indexed[]; byCode: Map<string, Indexed>; byPrefix: Map<string, Indexed> } | undefined;

/** The first nine characters ("UA" and seven digits: oblast, raion, community) name the community. */
const communityPrefix = (code: string) => code.slice(0, 9);

function parseLine(line: string): Indexed {
  const [katottg = "", name = "", kind = "", raion = "", oblast = "", population = ""] = line.split("\t");
  return {
    katottg,
    name,
    kind: kind === "міська" || kind === "селищна" || kind === "сільська" ? kind : null,
    raion,
    oblast,
    population: population === "" ? null : Number(population),
  };
}

function load() {
  if (table) return table;
  const list: Indexed[] = COMMUNITIES_TSV.split("\n").map(parseLine);
  table = {
    list,
    byCode: new Map(list.map((each) => [each.katottg, each])),
    byPrefix: new Map(list.map((each) => [communityPrefix(each.katottg), each])),
  };
  return table;
}

const plain = ({ core: _core, ...community }: Indexed): GeoCommunity => community;

/** The table with every community's `core` name: normalising 1 469 names takes ICU's case and NFC data. */
function withCores(): Indexed[] {
  const { list } = load();
  for (const each of list) each.core ??= coreName(each.name);
  return list;
}

/** The communities by `core` name, in the table's order: built on the first search by name. */
let byCore: Map<string, Indexed[]> | undefined;

function communitiesByCore(): Map<string, Indexed[]> {
  if (byCore) return byCore;
  byCore = new Map();
  for (const each of withCores()) {
    const core = each.core ?? "";
    const group = byCore.get(core);
    if (group) group.push(each);
    else byCore.set(core, [each]);
  }
  return byCore;
}

export function allCommunities(): GeoCommunity[] {
  return load().list.map(plain);
}

const CODE = /^UA\d{17}$/;

/**
 * Lookups by code answered from the text before the table is built: building it (1 469 lines split,
 * two maps) costs a dry run's one or two lookups several milliseconds; a server's many use the maps.
 */
const LOOKUPS_IN_TEXT = 8;
let lookupsInText = 0;

/** The table's line that starts with `key`, found in the text itself. */
function lineStartingWith(key: string): string | undefined {
  let at = 0;
  if (!COMMUNITIES_TSV.startsWith(key)) {
    const found = COMMUNITIES_TSV.indexOf(`\n${key}`);
    if (found === -1) return undefined;
    at = found + 1;
  }
  const end = COMMUNITIES_TSV.indexOf("\n", at);
  return COMMUNITIES_TSV.slice(at, end === -1 ? COMMUNITIES_TSV.length : end);
}

/** Every code of the table is of the codifier's shape, and each community's prefix is its own. */
function communityOfCodeInText(code: string): { community: GeoCommunity; exact: boolean } | null {
  if (!CODE.test(code)) return null;
  const own = lineStartingWith(`${code}\t`);
  if (own) return { community: plain(parseLine(own)), exact: true };
  const within = lineStartingWith(communityPrefix(code));
  return within ? { community: plain(parseLine(within)), exact: false } : null;
}

/** The community of a code: its own, or the one a settlement's code (level 4 and below) lies in. */
export function communityOfCode(code: string): { community: GeoCommunity; exact: boolean } | null {
  if (!table && lookupsInText < LOOKUPS_IN_TEXT) {
    lookupsInText += 1;
    return communityOfCodeInText(code);
  }
  const { byCode, byPrefix } = load();
  const exact = byCode.get(code);
  if (exact) return { community: plain(exact), exact: true };
  const within = CODE.test(code) ? byPrefix.get(communityPrefix(code)) : undefined;
  return within ? { community: plain(within), exact: false } : null;
}

/**
 * The communities a document's community title names exactly (its own name, apostrophes, case and
 * the words "міська територіальна громада" set aside); narrowed by the kind the title names.
 */
export function communitiesNamed(title: string): GeoCommunity[] {
  const core = coreName(title);
  if (core === "") return [];
  const named = communitiesByCore().get(core) ?? [];
  const kind = kindOf(title);
  const ofKind = kind ? named.filter((each) => each.kind === kind) : named;
  return (ofKind.length > 0 ? ofKind : named).map(plain);
}

export interface NameMatch<T> {
  item: T;
  /** 0: the name itself; higher: further away (a typo, a prefix, a word further in). */
  score: number;
}

/** How near a query's words come to a name's words: null when some query word matches no name word. */
function wordScore(queryWords: string[], nameWords: string[]): number | null {
  let total = 0;
  for (const word of queryWords) {
    let best: number | null = null;
    for (const candidate of nameWords) {
      let score: number | null = null;
      if (candidate === word) score = 0;
      else if (candidate.startsWith(word)) score = 0.5;
      else {
        const allowed = typosAllowed(word.length);
        const head = candidate.slice(0, word.length);
        const whole = editDistance(word, candidate, allowed);
        const prefix = editDistance(word, head, allowed);
        const typos = Math.min(whole, prefix + 0.5);
        if (typos <= allowed) score = 1 + typos;
      }
      if (score !== null && (best === null || score < best)) best = score;
    }
    if (best === null) return null;
    total += best;
  }
  return total;
}

/**
 * Ranks names against what someone typed: Ukrainian or Latin letters, any case and apostrophe, a
 * prefix of a word, a typo or two (one in a word of 4–7 letters, two in longer ones). Best first.
 */
export function matchNames<T>(
  query: string,
  items: readonly T[],
  nameOf: (item: T) => string,
): NameMatch<T>[] {
  const normalized = normalizeName(query);
  if (normalized === "") return [];
  const words = (coreName(query) || normalized).split(" ");
  const latin = /[a-z]/.test(normalized);
  const out: NameMatch<T>[] = [];
  for (const item of items) {
    const name = normalizeName(nameOf(item));
    const nameWords = name.split(" ");
    const score = wordScore(words, latin ? nameWords.map(transliterate) : nameWords);
    // A name with words the query does not have («Петрівсько-Роменська» for «Роменська») comes later.
    const extra = Math.max(0, nameWords.length - words.length) * 0.1;
    if (score !== null) out.push({ item, score: score + extra });
  }
  return out.sort((a, b) => a.score - b.score || nameOf(a.item).localeCompare(nameOf(b.item), "uk"));
}

/** The codifier's communities that match a query, best first. */
export function searchCommunities(query: string, limit = 20): GeoCommunity[] {
  return matchNames(query, load().list, (each) => each.name)
    .slice(0, limit)
    .map(({ item }) => plain(item));
}
