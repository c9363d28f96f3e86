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

/**
 * Rewrites the national sums of the given programmes from their summaries: rows while published, none
 * otherwise. Run inside the transaction that changed their summaries or their status.
 */
export async function refreshNationalSums(db: Db, programmeIds: readonly number[]): Promise<void> {
  if (programmeIds.length === 0) return;
  await db.deleteFrom("national_sums").where("programme_id", "in", programmeIds).execute();
  await sql`
    insert into national_sums (year, katottg, category, programme_id, version, amount_kopecks)
    select s.year, p.katottg, s.category, p.id,
      (select max(v.version) from programme_versions v where v.programme_id = p.id), sum(s.amount_kopecks)
    from programme_summaries s join programmes p on p.id = s.programme_id
    where p.id in (${sql.join(programmeIds)}) and p.status = 'published' and s.year is not null
    group by s.year, p.katottg, s.category, p.id`.execute(db);
}

export interface CommunityCategorySum {
  katottg: string;
  name: string;
  oblast: string | null;
  population: number | null;
  category: string;
  amount: string | number;
}

/**
 * Each community's planned money of the year by category (of the oblast), with its name, oblast and
 * population: one read of the year's rows of the precomputed national sums.
 */
export async function categorySumsOfYear(
  db: Db,
  year: number,
  oblast?: string,
): Promise<CommunityCategorySum[]> {
  const inOblast = oblast === undefined ? sql`true` : sql`c.oblast = ${oblast}`;
  // Summed narrow first (programmes of one community together), then joined: grouping by the
  // community's columns too costs several times as much.
  const { rows } = await sql<CommunityCategorySum>`
    select n.katottg, c.name, c.oblast, c.population, n.category, n.amount
    from (select katottg, category, sum(amount_kopecks) as amount from national_sums
          where year = ${year} group by katottg, category) n
    join communities c on c.katottg = n.katottg
    where ${inOblast}
    order by n.katottg, n.category`.execute(db);
  return rows;
}

/** Every year some published programme plans money for, ascending. */
export async function publishedYears(db: Db): Promise<number[]> {
  const { rows } = await sql<{ year: number }>`select distinct year from national_sums order by year`.execute(
    db,
  );
  return rows.map((row) => Number(row.year));
}
