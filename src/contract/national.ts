/** The national comparison's answers (GET /api/v1/compare, /api/v1/national), shared by the API and the web app. */
import { z } from "zod";
import { CATEGORY_IDS } from "../domain/classify/categories.js";
import { COMMUNITY_KINDS } from "../domain/geo/full-name.js";

const category = z.enum(CATEGORY_IDS);
const kopecks = z.number().int();

export const compareCell = z.object({
  category,
  label: z.string(),
  /** Null: the whole period. */
  year: z.number().int().nullable(),
  amount_kopecks: kopecks,
  per_resident_kopecks: kopecks.nullable(),
});
export type CompareCell = z.infer<typeof compareCell>;

export const compareProgramme = z.object({
  programme_id: z.number().int(),
  title: z.string(),
  period_from: z.number().int(),
  period_to: z.number().int(),
  total_kopecks: kopecks,
  per_resident_kopecks: kopecks.nullable(),
  by_category: z.array(compareCell),
});
export type CompareProgramme = z.infer<typeof compareProgramme>;

export const compareCommunity = z.object({
  katottg: z.string(),
  name: z.string(),
  oblast: z.string().nullable(),
  population: z.number().int().nullable(),
  programmes: z.array(compareProgramme),
});
export type CompareCommunity = z.infer<typeof compareCommunity>;

/** Null where no community of the group has a known population. */
export const spreadOut = z.object({
  median: z.number().nullable(),
  q1: z.number().nullable(),
  q3: z.number().nullable(),
});
export type SpreadOut = z.infer<typeof spreadOut>;

/**
 * Communities listed by the national view, column by column: the i-th community, a position in the
 * view's `community_names` (its code, name and oblast), goes with the i-th per-resident sum.
 */
export const listedCommunities = z.object({
  community: z.array(z.number().int()),
  per_resident_kopecks: z.array(z.number()),
});
export type ListedCommunities = z.infer<typeof listedCommunities>;

/** One listed community, as the web page reads it from `ListedCommunities` and `community_names`. */
export interface Outlier {
  katottg: string;
  per_resident_kopecks: number;
}

/**
 * Every community the view lists (in `outliers` and `top_communities`), named once however many lists
 * have it, column by column: the i-th code, kind, oblast and name go together. The official name is
 * `name` followed by the kind's word and «територіальна громада» (`name` «Озерянська», `kind` "village":
 * «Озерянська сільська територіальна громада»); with a null kind, `name` is the whole name. `oblast` is a
 * position in the view's `oblast_names` (null: the community has no oblast).
 */
export const listedNames = z.object({
  katottg: z.array(z.string()),
  kind: z.array(z.enum(COMMUNITY_KINDS).nullable()),
  oblast: z.array(z.number().int().nullable()),
  name: z.array(z.string()),
});
export type ListedNames = z.infer<typeof listedNames>;

/** A category by its id only: the labels are in docs/classification.md (the web page names it in its language). */
export const categoryStats = z.object({
  category,
  total_kopecks: kopecks,
  /** Per-resident spend over the communities with a population (0 where they plan nothing). */
  per_resident: spreadOut,
  /** How many communities lie outside the IQR fences. */
  outlier_count: z.number().int(),
  /** The most extreme of them, farthest from the median first (at most OUTLIERS_SHOWN). */
  outliers: listedCommunities,
});
export type CategoryStats = z.infer<typeof categoryStats>;

/**
 * The oblasts ranked by median per-resident spend, highest first, column by column: the i-th entry of
 * every column is the oblast of rank i + 1, named by the view's `oblast_names[i]` (its categories: the
 * national view with `oblast`). Medians and quartiles are null where no community of the oblast has a
 * known population.
 */
export const oblastRanking = z.object({
  communities: z.array(z.number().int()),
  total_kopecks: z.array(kopecks),
  median: z.array(z.number().nullable()),
  q1: z.array(z.number().nullable()),
  q3: z.array(z.number().nullable()),
});
export type OblastRanking = z.infer<typeof oblastRanking>;

/** One oblast of the ranking, as the web page reads it from `OblastRanking`. */
export interface OblastRank {
  oblast: string;
  rank: number;
  communities: number;
  total_kopecks: number;
  per_resident: SpreadOut;
}

export const nationalView = z.object({
  year: z.number().int(),
  /** Every year some published programme plans money for, ascending: what else can be asked for. */
  years: z.array(z.number().int()),
  communities: z.number().int(),
  total_kopecks: kopecks,
  per_resident: spreadOut,
  categories: z.array(categoryStats),
  /** Top 10 communities by per-resident spend, highest first. */
  top_communities: listedCommunities,
  /** Empty columns in an oblast's view. */
  oblasts: oblastRanking,
  community_names: listedNames,
  /** Null: the whole country; else the view of one oblast's communities. */
  oblast: z.string().nullable(),
  /**
   * The oblasts the view names: in the country's view those of the ranking, in its order ("—": the
   * communities without an oblast); in an oblast's view that oblast alone. The names (these, `oblast`
   * and `community_names.name`), the view's only non-ASCII text, come last: a client decodes everything
   * before them on its ASCII fast path.
   */
  oblast_names: z.array(z.string()),
});
export type NationalView = z.infer<typeof nationalView>;
