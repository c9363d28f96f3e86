/** The national comparison's queries (src/opendata/aggregates.ts sums and ranks what they return). */
import { sql } from "kysely";
import { toKopecks } from "./convert.js";
import type { Db } from "./schema.js";

export interface SummaryRow {
  programme_id: number;
  katottg: string;
  name: string;
  oblast: string | null;
  population: number | null;
  title: string;
  period_from: number;
  period_to: number;
  year: number | null;
  category: string;
  amount: number;
}

/** Money of the communities' published programmes by programme, year and category. */
export async function summaryRows(db: Db, katottg: string[]): Promise<SummaryRow[]> {
  const where = sql`p.katottg in (${sql.join(katottg)})`;
  const { rows } = await sql<Omit<SummaryRow, "amount"> & { amount: string | number }>`
    select p.id as programme_id, p.katottg, c.name, c.oblast, c.population, p.title, p.period_from, p.period_to,
      s.year, s.category, sum(s.amount_kopecks) as amount
    from programmes p join communities c on c.katottg = p.katottg
    join programme_summaries s on s.programme_id = p.id
    where p.status = 'published' and ${where}
    group by p.id, p.katottg, c.name, c.oblast, c.population, p.title, p.period_from, p.period_to, s.year, s.category
    order by p.katottg, p.period_from, s.category, s.year`.execute(db);
  return rows.map((row) => ({ ...row, amount: toKopecks(row.amount) }));
}

/** A community's planned money of the year in one category (kopecks as the database returns them). */
export async function categorySumsOfYear(
  db: Db,
  year: number,
  oblast?: string,
): Promise<{ katottg: string; category: string; amount: string | number }[]> {
  const inOblast = oblast === undefined ? sql`true` : sql`c.oblast = ${oblast}`;
  const sums = await sql<{ katottg: string; category: string; amount: string | number }>`
    select p.katottg, s.category, sum(s.amount_kopecks) as amount
    from programme_summaries s join programmes p on p.id = s.programme_id
    join communities c on c.katottg = p.katottg
    where p.status = 'published' and s.year = ${year} and ${inOblast}
    group by p.katottg, s.category order by p.katottg, s.category`.execute(db);
  return sums.rows;
}

/** The communities (of the oblast) with a published programme. */
export async function publishedCommunities(
  db: Db,
  oblast?: string,
): Promise<{ katottg: string; name: string; oblast: string | null; population: number | null }[]> {
  const inOblast = oblast === undefined ? sql`true` : sql`c.oblast = ${oblast}`;
  const meta = await sql<{ katottg: string; name: string; oblast: string | null; population: number | null }>`
    select c.katottg, c.name, c.oblast, c.population from communities c
    where ${inOblast} and exists (select 1 from programmes p where p.katottg = c.katottg and p.status = 'published')`.execute(
    db,
  );
  return meta.rows;
}

/** Every year some published programme plans money for, ascending. */
export async function publishedYears(db: Db): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`
    select distinct s.year from programme_summaries s join programmes p on p.id = s.programme_id
    where p.status = 'published' and s.year is not null order by s.year`.execute(db);
  return rows.map((row) => Number(row.year));
}
