import type { Kysely } from "kysely";
import { geographyOf } from "../domain/geo/placement.js";
import type { Database } from "./schema.js";

/**
 * Gives communities stored without an oblast or a population (imported before the codifier table
 * shipped) theirs, from their code, or from their name when they have no code. Only empty columns are
 * written; the rows to fill are few and read in one query.
 */
export async function fillCommunityGeography(db: Kysely<Database>): Promise<number> {
  const empty = await db
    .selectFrom("communities")
    .select(["katottg", "name", "oblast", "population"])
    .where((eb) => eb.or([eb("oblast", "is", null), eb("population", "is", null)]))
    .execute();
  let filled = 0;
  for (const row of empty) {
    const katottg = row.katottg.startsWith("name:") ? "" : row.katottg;
    const geo = geographyOf({ katottg, name: row.name });
    if (!geo || (row.oblast !== null && (row.population !== null || geo.population === null))) continue;
    await db
      .updateTable("communities")
      .set({ oblast: row.oblast ?? geo.oblast, population: row.population ?? geo.population })
      .where("katottg", "=", row.katottg)
      .execute();
    filled++;
  }
  return filled;
}
