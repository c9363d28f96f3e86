import type {
  CategoryStats,
  CompareCommunity,
  CompareProgramme,
  ListedCommunities,
  ListedNames,
  NationalView,
  OblastRanking,
  SpreadOut,
} from "../contract/national.js";
import { CATEGORY_IDS, type CategoryId, categoryInfo } from "../domain/classify/index.js";
import { splitCommunityName } from "../domain/geo/full-name.js";
import { toKopecks } from "../store/convert.js";
import { categorySumsOfYear, publishedYears, summaryRows } from "../store/national.js";
import type { Db } from "../store/schema.js";
import { isOutlier, type Spread, spread } from "./stats.js";

/** Per-resident amounts are kopecks per person, rounded to whole kopecks only for output. */
const round = (value: number) => Math.round(value);
const perResident = (amount: number, population: number | null) =>
  population && population > 0 ? amount / population : null;

/** Each published programme of the communities: money by category and year, per resident when known. */
export async function compareCommunities(db: Db, katottg: string[]): Promise<CompareCommunity[]> {
  const rows = await summaryRows(db, katottg);
  const communities = new Map<string, CompareCommunity>();
  const programmes = new Map<number, CompareProgramme>();
  for (const row of rows) {
    let community = communities.get(row.katottg);
    if (!community) {
      community = {
        katottg: row.katottg,
        name: row.name,
        oblast: row.oblast,
        population: row.population,
        programmes: [],
      };
      communities.set(row.katottg, community);
    }
    let programme = programmes.get(row.programme_id);
    if (!programme) {
      programme = {
        programme_id: row.programme_id,
        title: row.title,
        period_from: row.period_from,
        period_to: row.period_to,
        total_kopecks: 0,
        per_resident_kopecks: null,
        by_category: [],
      };
      programmes.set(row.programme_id, programme);
      community.programmes.push(programme);
    }
    const category = row.category as CategoryId;
    const share = perResident(row.amount, row.population);
    programme.by_category.push({
      category,
      label: categoryInfo(category).labelUk,
      year: row.year,
      amount_kopecks: row.amount,
      per_resident_kopecks: share === null ? null : round(share),
    });
    if (row.year === null) programme.total_kopecks += row.amount;
  }
  for (const community of communities.values()) {
    for (const programme of community.programmes) {
      const share = perResident(programme.total_kopecks, community.population);
      programme.per_resident_kopecks = share === null ? null : round(share);
    }
  }
  return katottg.flatMap((code) => communities.get(code) ?? []);
}

interface CommunityYear {
  katottg: string;
  name: string;
  oblast: string | null;
  population: number | null;
  total: number;
  byCategory: Map<CategoryId, number>;
}

/**
 * Each community's planned money of the year by category: one narrow row per community and category
 * from the precomputed national sums (refreshed on publish and on every new version of a published
 * programme), with the community's name, oblast and population.
 */
async function communityYears(db: Db, year: number, oblast?: string): Promise<CommunityYear[]> {
  const out = new Map<string, CommunityYear>();
  for (const row of await categorySumsOfYear(db, year, oblast)) {
    let community = out.get(row.katottg);
    if (!community) {
      community = {
        katottg: row.katottg,
        name: row.name,
        oblast: row.oblast,
        population: row.population,
        total: 0,
        byCategory: new Map(),
      };
      out.set(row.katottg, community);
    }
    const amount = toKopecks(row.amount);
    const category = row.category as CategoryId;
    community.total += amount;
    community.byCategory.set(category, (community.byCategory.get(category) ?? 0) + amount);
  }
  return [...out.values()];
}

const known = (value: number) => (Number.isNaN(value) ? null : round(value));
const outSpread = (of: Spread): SpreadOut => ({
  median: known(of.median),
  q1: known(of.q1),
  q3: known(of.q3),
});
/** Groups without a known population rank last. */
const rankValue = (of: Spread) => (Number.isNaN(of.median) ? Number.NEGATIVE_INFINITY : of.median);

/** Communities by code with their per-resident values, column by column; positions replace the codes at the end. */
interface CodedList {
  katottg: string[];
  per_resident_kopecks: number[];
}

function listedOf(ranked: { community: CommunityYear; value: number }[]): CodedList {
  return {
    katottg: ranked.map(({ community }) => community.katottg),
    per_resident_kopecks: ranked.map(({ value }) => round(value)),
  };
}

/** Each listed community named once, in the order the lists first give it; its oblast by position in `oblastNames`. */
function communityNames(
  communities: CommunityYear[],
  listed: CodedList[],
  oblastNames: string[],
): ListedNames {
  const byCode = new Map(communities.map((community) => [community.katottg, community]));
  const named = [...new Set(listed.flatMap((each) => each.katottg))].flatMap((katottg) => {
    const community = byCode.get(katottg);
    return community ? [community] : [];
  });
  const parts = named.map((community) => splitCommunityName(community.name));
  return {
    katottg: named.map((community) => community.katottg),
    kind: parts.map((each) => each.kind),
    oblast: named.map(({ oblast }) => (oblast === null ? null : oblastNames.indexOf(oblast))),
    name: parts.map((each) => each.name),
  };
}

/** A list with each community as its position in `names`. */
function byPosition(list: CodedList, names: ListedNames): ListedCommunities {
  const position = new Map(names.katottg.map((katottg, index) => [katottg, index]));
  return {
    community: list.katottg.map((katottg) => position.get(katottg) ?? -1),
    per_resident_kopecks: list.per_resident_kopecks,
  };
}

/** Outliers listed per category, and communities in the top list. */
export const OUTLIERS_SHOWN = 10;

type CodedStats = Omit<CategoryStats, "outliers"> & { outliers: CodedList };

function categoryStats(communities: CommunityYear[]): CodedStats[] {
  const withPopulation = communities.filter((community) => community.population);
  return CATEGORY_IDS.map((category) => {
    const values = withPopulation.map(
      (community) => (community.byCategory.get(category) ?? 0) / (community.population ?? 1),
    );
    const of = spread(values);
    const outliers = withPopulation
      .map((community, index) => ({ community, value: values[index] ?? 0 }))
      .filter(({ value }) => isOutlier(value, of))
      .sort((a, b) => Math.abs(b.value - of.median) - Math.abs(a.value - of.median));
    const total = communities.reduce((sum, community) => sum + (community.byCategory.get(category) ?? 0), 0);
    return {
      category,
      total_kopecks: total,
      per_resident: outSpread(of),
      outlier_count: outliers.length,
      outliers: listedOf(outliers.slice(0, OUTLIERS_SHOWN)),
    };
  }).filter((stats) => stats.total_kopecks !== 0);
}

function perResidentSpread(communities: CommunityYear[]): Spread {
  return spread(
    communities.filter((each) => each.population).map((each) => each.total / (each.population ?? 1)),
  );
}

/**
 * The national view of one year: the year's planned money of every community with a published
 * programme covering it, per resident — medians and quartiles by category, the oblasts ranked, IQR
 * outliers. With `oblast`, the same view of that oblast's communities (without the oblast ranking).
 */
export async function nationalView(db: Db, year: number, oblast?: string): Promise<NationalView> {
  const communities = await communityYears(db, year, oblast);
  const years = await publishedYears(db);
  const top = listedOf(
    communities
      .filter((each) => each.population)
      .map((community) => ({ community, value: community.total / (community.population ?? 1) }))
      .sort((a, b) => b.value - a.value)
      .slice(0, OUTLIERS_SHOWN),
  );
  const categories = categoryStats(communities);
  const listed = [...categories.map((stats) => stats.outliers), top];
  const ranked = oblast === undefined ? rankedOblasts(communities) : [];
  const oblastNames = oblast === undefined ? ranked.map((each) => each.oblast) : [oblast];
  const names = communityNames(communities, listed, oblastNames);
  return {
    year,
    years,
    communities: communities.length,
    total_kopecks: communities.reduce((sum, each) => sum + each.total, 0),
    per_resident: outSpread(perResidentSpread(communities)),
    categories: categories.map((stats) => ({ ...stats, outliers: byPosition(stats.outliers, names) })),
    top_communities: byPosition(top, names),
    oblasts: oblastRanking(ranked),
    community_names: names,
    oblast: oblast ?? null,
    oblast_names: oblastNames,
  };
}

/** The oblasts by median per-resident spend, highest first ("—": the communities without an oblast). */
function rankedOblasts(communities: CommunityYear[]) {
  const byOblast = new Map<string, CommunityYear[]>();
  for (const community of communities) {
    const oblast = community.oblast ?? "—";
    byOblast.set(oblast, [...(byOblast.get(oblast) ?? []), community]);
  }
  return [...byOblast.entries()]
    .map(([oblast, members]) => ({ oblast, members, of: perResidentSpread(members) }))
    .sort((a, b) => rankValue(b.of) - rankValue(a.of) || a.oblast.localeCompare(b.oblast, "uk"))
    .map(({ oblast, members, of }) => ({ oblast, members, of: outSpread(of) }));
}

function oblastRanking(ranked: ReturnType<typeof rankedOblasts>): OblastRanking {
  return {
    communities: ranked.map(({ members }) => members.length),
    total_kopecks: ranked.map(({ members }) => members.reduce((sum, each) => sum + each.total, 0)),
    median: ranked.map(({ of }) => of.median),
    q1: ranked.map(({ of }) => of.q1),
    q3: ranked.map(({ of }) => of.q3),
  };
}
