import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.js";

export interface PublishedCommunity {
  katottg: string;
  name: string;
  oblast: string | null;
  population: number | null;
}

/** Every community with a published programme (at most the country's 1 469, a few hundred KB). */
export async function publishedCommunities(db: Kysely<Database>): Promise<PublishedCommunity[]> {
  const { rows } = await sql<PublishedCommunity>`
    select c.katottg, c.name, c.oblast, c.population from communities c
    where exists (select 1 from programmes p where p.katottg = c.katottg and p.status = 'published')
    order by c.katottg`.execute(db);
  return rows;
}
