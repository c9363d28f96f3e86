/**
 * The paged list routes stay flat as their table grows: GET /api/programmes/:id/audit and
 * GET /api/programmes/:id/reports (unfiltered, and an executor's unit and period) are timed on two
 * databases side by side, one whose table holds 1 000 rows (the baseline) and one with 100 000, a
 * request to each in turn so that the machine's load falls on both alike; the heap each page costs is
 * measured too. Prints each ratio (large / baseline) beside its goal (`goals.ts`); near 1 means the
 * route reads an index range, not the whole table. Run: `npm run bench:audit` (LIST_ROWS, BENCH_ROUNDS).
 */
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { buildApp } from "../src/api/app.js";
import { demoProgramme } from "../src/domain/synthetic/demo.js";
import { openStore, type Store } from "../src/store/index.js";
import { ensureOrgUnit } from "../src/store/users.js";
import { type Client, userClient } from "../test/monitoring-api/support.js";
import { checkGoals, type Goal, median } from "./goals.js";

const LARGE = Number(process.env.LIST_ROWS ?? process.env.AUDIT_ROWS ?? 100_000);
const BASELINE = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_QUICK ? 5 : 15));
const LIMIT = 100;
/** A page may cost at most this much more, in time or heap, when its table is 100× larger. */
const GOAL_RATIO = 1.5;

interface ListRoute {
  name: string;
  /** The first page's URL, `limit` included. */
  url: string;
  /** Fills the route's table up to `total` rows. */
  grow(total: number): Promise<void>;
  /** The id of the entry in the middle of the whole list (a full page still after it): the `after` of a page. */
  middle(): Promise<string>;
}

async function countRows(store: Store, table: "audit_log" | "executor_reports"): Promise<number> {
  const { rows } = await sql<{
    count: string | number;
  }>`select count(*) as count from ${sql.table(table)}`.execute(store.kysely());
  return Number(rows[0]?.count ?? 0);
}

/** A third of the log the programme's own entries, the rest other programmes' and sign-ins. */
function auditRoute(store: Store, programmeId: number): ListRoute {
  const db = store.kysely();
  const entityId = String(programmeId);
  return {
    name: "audit",
    url: `/api/programmes/${programmeId}/audit?limit=${LIMIT}`,
    grow: async (total) => {
      const have = await countRows(store, "audit_log");
      if (have >= total) return;
      await sql`insert into audit_log (action, entity, entity_id, after)
        select 'update', case when n % 3 = 0 then 'programme' else 'user' end,
          case when n % 3 = 0 then ${entityId}::text else (n % 500)::text end, jsonb_build_object('n', n)
        from generate_series(${have + 1}::int, ${total}::int) as n`.execute(db);
    },
    middle: async () => {
      const own = db
        .selectFrom("audit_log")
        .where("entity", "=", "programme")
        .where("entity_id", "=", entityId);
      const { count } = await own
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      const row = await own
        .select("id")
        .orderBy("id")
        .offset(middleOffset(Number(count)))
        .limit(1)
        .executeTakeFirstOrThrow();
      return String(row.id);
    },
  };
}

/** Reports spread over two units and the four half-years of 2026–2027, one a second. */
function reportRoute(
  store: Store,
  programmeId: number,
  units: [number, number],
  filter: { orgUnitId?: number; periodKey?: string },
): ListRoute {
  const db = store.kysely();
  const query = new URLSearchParams({ limit: String(LIMIT) });
  if (filter.orgUnitId !== undefined) query.set("orgUnitId", String(filter.orgUnitId));
  if (filter.periodKey !== undefined) query.set("periodKey", filter.periodKey);
  return {
    name: filter.orgUnitId === undefined ? "reports" : "reports of a unit and period",
    url: `/api/programmes/${programmeId}/reports?${query}`,
    grow: async (total) => {
      const have = await countRows(store, "executor_reports");
      if (have >= total) return;
      await sql`insert into executor_reports
          (id, programme_id, item_id, period_key, org_unit_id, status, actual, text, attachments,
           indicator_actuals, created_at)
        select gen_random_uuid()::text, ${programmeId}::int, 'd1.' || (n % 40 + 1),
          (2026 + n % 4 / 2)::text || '-H' || (n % 2 + 1),
          case when n / 4 % 2 = 0 then ${units[0]}::int else ${units[1]}::int end, 'in-progress',
          '[]'::jsonb, 'звіт ' || n, '[]'::jsonb, '[]'::jsonb,
          timestamptz '2026-01-01T00:00:00Z' + n * interval '1 second'
        from generate_series(${have + 1}::int, ${total}::int) as n`.execute(db);
    },
    middle: async () => {
      let selected = db.selectFrom("executor_reports").where("programme_id", "=", programmeId);
      if (filter.orgUnitId !== undefined) selected = selected.where("org_unit_id", "=", filter.orgUnitId);
      if (filter.periodKey !== undefined) selected = selected.where("period_key", "=", filter.periodKey);
      const { count } = await selected
        .select((eb) => eb.fn.countAll<number>().as("count"))
        .executeTakeFirstOrThrow();
      const row = await selected
        .select("id")
        .orderBy("created_at")
        .orderBy("id")
        .offset(middleOffset(Number(count)))
        .limit(1)
        .executeTakeFirstOrThrow();
      return row.id;
    },
  };
}

const middleOffset = (count: number) => Math.max(0, Math.min(Math.floor(count / 2), count - LIMIT - 1));

const heapUsed = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

/** Median times of `url` on each side, one request to each side in turn. */
async function timePair(sides: Side[], url: (side: Side) => string): Promise<number[]> {
  const samples: number[][] = sides.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, side] of sides.entries()) {
      const start = performance.now();
      await side.client.inject(url(side));
      samples[index]?.push(performance.now() - start);
    }
  }
  return samples.map(median);
}

async function heapPerPage(client: Client, url: string): Promise<number> {
  const before = heapUsed();
  const kept = [];
  for (let round = 0; round < ROUNDS; round++) kept.push(await client.inject(url));
  return Math.max((heapUsed() - before) / ROUNDS / 1024, 1);
}

/** One database filled to `rows` in the measured route's table, with the route's middle page found. */
interface Side {
  rows: number;
  client: Client;
  route: ListRoute;
  middle: string;
  close(): Promise<void>;
}

type RouteOf = (store: Store, programmeId: number, units: [number, number]) => ListRoute;

async function openSide(rows: number, routeOf: RouteOf): Promise<Side> {
  const store = await openStore({ dataDir: ":memory:" });
  const app = buildApp({ store });
  const programme = demoProgramme();
  const { programmeId } = await store.saveImport({ programme, findings: [] }, { name: "bench", sha256: "b" });
  const katottg = programme.community.katottg;
  const units: [number, number] = [
    (await ensureOrgUnit(store, katottg, "Відділ цифрового розвитку")).id,
    (await ensureOrgUnit(store, katottg, "Відділ культури")).id,
  ];
  const client = await userClient(app, store, "bench-admin", "admin");
  const route = routeOf(store, programmeId, units);
  await route.grow(rows);
  // Planner statistics, as PostgreSQL's autovacuum would gather them after such a load (PGlite runs
  // none; the synthetic loader analyzes after loading too). Without them it guesses the cursor's
  // range to be a few dozen rows, and sorts the whole range instead of reading the index in order.
  await sql`analyze`.execute(store.kysely());
  const middle = `${route.url}&after=${await route.middle()}`;
  for (const url of [route.url, middle]) {
    const page = await client.inject(url);
    if (page.statusCode !== 200) throw new Error(`${route.name} answered ${page.statusCode}: ${page.body}`);
    if ((page.json() as { data: unknown[] }).data.length !== LIMIT)
      throw new Error(`${route.name}: short page`);
  }
  const close = async () => {
    await app.close();
    await store.close();
  };
  return { rows, client, route, middle, close };
}

async function compare(routeOf: RouteOf): Promise<Goal[]> {
  const sides = [await openSide(BASELINE, routeOf), await openSide(LARGE, routeOf)];
  const [small, large] = sides as [Side, Side];
  await timePair(sides, (side) => side.middle); // warm-up: the first requests compile the route and its queries
  const first = await timePair(sides, (side) => side.route.url);
  const middle = await timePair(sides, (side) => side.middle);
  const heap = [await heapPerPage(small.client, small.middle), await heapPerPage(large.client, large.middle)];
  const name = small.route.name;
  console.log(`${name}:`.padEnd(32), `${BASELINE} rows`.padStart(12), `${LARGE} rows`.padStart(12));
  const figures: [string, number[]][] = [
    ["first page, ms", first],
    ["middle page, ms", middle],
    ["heap per page, KB", heap],
  ];
  for (const [label, [before = 0, after = 0]] of figures) {
    console.log(`  ${label.padEnd(30)}`, before.toFixed(1).padStart(12), after.toFixed(1).padStart(12));
  }
  for (const side of sides) await side.close();
  return figures.map(([label, [before = 1, after = 0]]) => ({
    name: `${name}, ${label.replace(/, .*$/, "")} ratio`,
    value: after / before,
    goal: GOAL_RATIO,
  }));
}

async function main(): Promise<void> {
  console.log(
    `paged list routes, page of ${LIMIT}, median of ${ROUNDS} (gc ${globalThis.gc ? "on" : "off"})`,
  );
  const goals = [
    ...(await compare((store, id) => auditRoute(store, id))),
    ...(await compare((store, id, units) => reportRoute(store, id, units, {}))),
    ...(await compare((store, id, units) =>
      reportRoute(store, id, units, { orgUnitId: units[0], periodKey: "2026-H2" }),
    )),
  ];
  console.log(`ratios, ${LARGE} rows / ${BASELINE} rows:`);
  checkGoals(goals);
}

await main();
