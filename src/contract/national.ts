/** The national comparison's answers (GET /api/v1/compare, /api/v1/national), shared by the API and the web app. */
import { z } from "zod";
import { CATEGORY_IDS } from "../domain/classify/categories.js";

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

/** A community listed by the national view: its name and oblast are in the view's `community_names`. */
export const outlier = z.object({
  katottg: z.string(),
  per_resident_kopecks: z.number(),
});
export type Outlier = z.infer<typeof outlier>;

/**
 * The communities of one oblast (null: without an oblast) that the view lists, each named once however
 * many lists it is in: name by KATOTTG code.
 */
export const oblastNames = z.object({
  oblast: z.string().nullable(),
  communities: z.record(z.string(), z.string()),
});
export type OblastNames = z.infer<typeof oblastNames>;

/** A category by its id only: the labels are in docs/classification.md (the web page names it in its language). */
export const categoryStats = z.object({
  category,
  total_kopecks: kopecks,
  /** Per-resident spend over the communities with a population (0 where they plan nothing). */
  per_resident: spreadOut,
  /** How many communities lie outside the IQR fences. */
  outlier_count: z.number().int(),
  /** The most extreme of them, farthest from the median first (at most OUTLIERS_SHOWN). */
  outliers: z.array(outlier),
});
export type CategoryStats = z.infer<typeof categoryStats>;

/** An oblast's place in the national ranking (its categories: the national view with `oblast`). */
export const oblastRank = z.object({
  oblast: z.string(),
  rank: z.number().int(),
  communities: z.number().int(),
  total_kopecks: kopecks,
  per_resident: spreadOut,
});
export type OblastRank = z.infer<typeof oblastRank>;

export const nationalView = z.object({
  year: z.number().int(),
  /** Every year some published programme plans money for, ascending: what else can be asked for. */
  years: z.array(z.number().int()),
  /** Null: the whole country; else the view of one oblast's communities. */
  oblast: z.string().nullable(),
  communities: z.number().int(),
  total_kopecks: kopecks,
  per_resident: spreadOut,
  categories: z.array(categoryStats),
  /** Ranked by median per-resident spend, highest first; empty in an oblast's view. */
  oblasts: z.array(oblastRank),
  /** Communities ranked by per-resident spend, highest first (top 10). */
  top_communities: z.array(outlier),
  /**
   * The name and oblast of every community in `outliers` and `top_communities`, grouped by oblast (in
   * Ukrainian alphabetical order, without an oblast last): named once, not in every list that has it.
   */
  community_names: z.array(oblastNames),
});
export type NationalView = z.infer<typeof nationalView>;
