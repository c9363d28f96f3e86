import type { NationalView } from "../../../src/contract/national.js";
import { defaultYear, type NationalPlace } from "./nationalData.js";

/** The open-data API the national page reads; `apiBase` "" = same origin. */
async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** One year's view of the country, or of one oblast's communities. */
export function loadNationalView(
  apiBase: string,
  year: number,
  oblast: string | null = null,
): Promise<NationalView> {
  const query = new URLSearchParams({ year: String(year) });
  if (oblast !== null) query.set("oblast", oblast);
  return getJson<NationalView>(`${apiBase}/api/v1/national?${query}`);
}

/**
 * The view of a place; without a year, the current one is asked first and its `years` (the years with
 * published data) decide by `defaultYear` whether another year is shown instead.
 */
export async function loadNationalPlace(
  apiBase: string,
  place: NationalPlace,
  current: number,
): Promise<NationalView> {
  if (place.year !== null) return loadNationalView(apiBase, place.year, place.oblast);
  const first = await loadNationalView(apiBase, current, place.oblast);
  const year = defaultYear(first.years, current);
  return year === null || year === current ? first : loadNationalView(apiBase, year, place.oblast);
}
