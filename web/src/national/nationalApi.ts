import type { NationalView } from "../../../src/export/opendata/aggregates.js";
import { candidateYears } from "./nationalData.js";

/** The open-data API the national page reads; `apiBase` "" = same origin. */
async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The years around `current` covered by at least one published programme (one tiny request each). */
export async function yearsWithData(apiBase: string, current: number): Promise<number[]> {
  const found = await Promise.all(
    candidateYears(current).map(async (year) => {
      const page = await getJson<{ data: unknown[] }>(`${apiBase}/api/v1/programmes?year=${year}&limit=1`);
      return page.data.length > 0 ? year : null;
    }),
  );
  return found.filter((year): year is number => year !== null);
}

export function loadNationalView(apiBase: string, year: number): Promise<NationalView> {
  return getJson<NationalView>(`${apiBase}/api/v1/national?year=${year}`);
}
