import type { CategoryId } from "./categories.js";
import type { Classification } from "./classify.js";

/** A label set by staff; it wins over the automatic one. */
export interface CategoryOverride {
  itemId: string;
  category: CategoryId;
  /** Who set it (user name or id). */
  by: string;
  /** ISO 8601 timestamp. */
  at: string;
}

export interface EffectiveCategory {
  category: CategoryId;
  source: "auto" | "override";
}

export function effectiveCategory(
  auto: Classification | CategoryId,
  override?: CategoryOverride,
): EffectiveCategory {
  if (override) return { category: override.category, source: "override" };
  return { category: typeof auto === "string" ? auto : auto.category, source: "auto" };
}

/** The latest override per item (by `at`), for applying a stored history of corrections. */
export function latestOverrides(overrides: Iterable<CategoryOverride>): Map<string, CategoryOverride> {
  const latest = new Map<string, CategoryOverride>();
  for (const override of overrides) {
    const current = latest.get(override.itemId);
    if (!current || Date.parse(override.at) >= Date.parse(current.at)) latest.set(override.itemId, override);
  }
  return latest;
}
