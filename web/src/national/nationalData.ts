import type {
  CategoryStats,
  ListedCommunities,
  NationalView,
  OblastRank,
  Outlier,
} from "../../../src/contract/national.js";
import { type CategoryId, categoryInfo } from "../../../src/domain/classify/categories.js";
import { joinCommunityName } from "../../../src/domain/geo/full-name.js";
import { formatAmount } from "../../../src/domain/money.js";
import { type Lang, localeOf } from "../lib/format.js";

/** What the comparison page accepts at most (GET /api/v1/compare takes 2–10 codes). */
export const COMPARE_MAX = 10;
export const COMPARE_MIN = 2;

/** Per-resident figures are null when no community of the group has a known population: a dash. */
export function known(kopecks: number | null | undefined): kopecks is number {
  return typeof kopecks === "number" && Number.isFinite(kopecks);
}

/** "1 234,56 грн" — kopecks per resident in hryvnias, uk-UA grouping and decimal comma. */
export function formatPerResident(kopecks: number | null, lang: Lang = "uk"): string {
  if (!known(kopecks)) return "—";
  return `${formatAmount(kopecks, "uah", localeOf(lang))} ${lang === "uk" ? "грн" : "UAH"}`;
}

/** Hryvnias as a plain number, for chart axes only (never for sums). */
export function toHryvniaNumber(kopecks: number | null): number | null {
  return known(kopecks) ? kopecks / 100 : null;
}

export function categoryLabel(id: CategoryId, lang: Lang): string {
  const info = categoryInfo(id);
  return lang === "uk" ? info.labelUk : info.labelEn;
}

export interface CategoryRange {
  id: CategoryId;
  label: string;
  q1: number;
  median: number;
  q3: number;
  outlierCount: number;
}

/**
 * Each category's per-resident quartiles, highest median first (ties: the higher upper quartile first);
 * categories without per-resident figures are left out.
 */
export function categoryRanges(categories: CategoryStats[], lang: Lang): CategoryRange[] {
  return categories
    .flatMap(({ per_resident: { median, q1, q3 }, ...stats }) =>
      known(median) && known(q1) && known(q3) ? [{ ...stats, median, q1, q3 }] : [],
    )
    .map((stats) => ({
      id: stats.category,
      label: categoryLabel(stats.category, lang),
      q1: stats.q1,
      median: stats.median,
      q3: stats.q3,
      outlierCount: stats.outlier_count,
    }))
    .sort((a, b) => b.median - a.median || b.q3 - a.q3 || a.label.localeCompare(b.label, "uk"));
}

/** The view's column-by-column list as one row per community, by its code in `community_names`. */
export function listedRows(
  listed: ListedCommunities,
  view: Pick<NationalView, "community_names">,
): Outlier[] {
  return listed.community.map((at, index) => ({
    katottg: view.community_names.katottg[at] ?? "",
    per_resident_kopecks: listed.per_resident_kopecks[index] ?? Number.NaN,
  }));
}

/** The view's column-by-column oblast ranking as one row per oblast, named from `oblast_names`, ranked from 1. */
export function oblastRows(view: Pick<NationalView, "oblasts" | "oblast_names">): OblastRank[] {
  const ranking = view.oblasts;
  return ranking.communities.map((communities, index) => ({
    oblast: view.oblast_names[index] ?? NO_OBLAST,
    rank: index + 1,
    communities,
    total_kopecks: ranking.total_kopecks[index] ?? 0,
    per_resident: {
      median: ranking.median[index] ?? null,
      q1: ranking.q1[index] ?? null,
      q3: ranking.q3[index] ?? null,
    },
  }));
}

/** A listed community with the name and oblast the view gives once in `community_names`. */
export interface NamedCommunity extends Outlier {
  name: string;
  oblast: string | null;
}

/** Names the view's listed communities from its `community_names` (a code it does not name: the code). */
export function namer(
  view: Pick<NationalView, "community_names" | "oblast_names">,
): (listed: Outlier) => NamedCommunity {
  const { katottg, kind, oblast, name } = view.community_names;
  const named = new Map(
    katottg.map((code, index) => {
      const at = oblast[index] ?? null;
      const parts = { name: name[index] ?? code, kind: kind[index] ?? null };
      return [
        code,
        { name: joinCommunityName(parts), oblast: at === null ? null : (view.oblast_names[at] ?? null) },
      ];
    }),
  );
  return (listed) => ({
    ...listed,
    ...(named.get(listed.katottg) ?? { name: listed.katottg, oblast: null }),
  });
}

/** The top communities in the API's order, named. */
export function topRows(view: NationalView): NamedCommunity[] {
  return listedRows(view.top_communities, view).map(namer(view));
}

export interface OutlierRow extends NamedCommunity {
  category: CategoryId;
  categoryLabel: string;
  /** Above the category's national median, or below it. */
  above: boolean;
}

/** The outliers of every category listed by the API, in category order then as the API ranks them. */
export function outlierRows(view: NationalView, lang: Lang): OutlierRow[] {
  const named = namer(view);
  return view.categories.flatMap((stats) =>
    listedRows(stats.outliers, view).map((outlier) => ({
      ...named(outlier),
      category: stats.category,
      categoryLabel: categoryLabel(stats.category, lang),
      above: outlier.per_resident_kopecks > (stats.per_resident.median ?? 0),
    })),
  );
}

/** The year to open: the current one when it has data, else the latest year before it, else the first. */
export function defaultYear(years: readonly number[], current: number): number | null {
  if (years.length === 0) return null;
  if (years.includes(current)) return current;
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.filter((year) => year < current).at(-1) ?? sorted[0] ?? null;
}

/** The years the selector offers: those the API lists, and the shown one even when it has no data. */
export function yearOptions(view: Pick<NationalView, "year" | "years">): number[] {
  return [...new Set([...view.years, view.year])].sort((a, b) => a - b);
}

/** What the national page shows: a year (null: by `defaultYear`) and an oblast (null: the country). */
export interface NationalPlace {
  year: number | null;
  oblast: string | null;
}

/** "?year=2026&oblast=…" → the place; anything else in the query is ignored. */
export function parseNationalSearch(search: string): NationalPlace {
  const query = new URLSearchParams(search);
  const year = query.get("year")?.trim() ?? "";
  const oblast = query.get("oblast")?.trim() ?? "";
  return { year: /^\d{4}$/.test(year) ? Number(year) : null, oblast: oblast || null };
}

/** The page's address for a place: shareable, and a history entry of its own. */
export function nationalPath(place: NationalPlace): string {
  const query = new URLSearchParams();
  if (place.year !== null) query.set("year", String(place.year));
  if (place.oblast !== null) query.set("oblast", place.oblast);
  const search = query.toString();
  return search ? `/national?${search}` : "/national";
}

/** The ranking's row for communities without an oblast (see oblastRanking in the API): not openable. */
export const NO_OBLAST = "—";

export function canOpenOblast(oblast: string): boolean {
  return oblast !== NO_OBLAST;
}

export interface Chosen {
  katottg: string;
  name: string;
}

/** Adds the community, or removes it when already chosen; never more than COMPARE_MAX. */
export function toggleChosen(chosen: readonly Chosen[], community: Chosen): Chosen[] {
  if (chosen.some((each) => each.katottg === community.katottg))
    return chosen.filter((each) => each.katottg !== community.katottg);
  return chosen.length >= COMPARE_MAX ? [...chosen] : [...chosen, community];
}

/** The comparison page with these communities filled in. */
export function comparePath(codes: readonly string[]): string {
  return `/compare?katottg=${codes.map(encodeURIComponent).join(",")}`;
}
