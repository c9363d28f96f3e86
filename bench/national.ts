/**
 * National-scale benchmark (npm run bench:national). Needs DATABASE_URL (PostgreSQL); every size gets
 * a fresh database infoprog_bench_<size>, dropped afterwards; BENCH_KEEP=1 keeps it, and a later run with
 * BENCH_KEEP=1 measures a kept, fully loaded database again without reloading it.
 *
 * For each size (BENCH_SIZES, default "100,1469,14690"): load `generateNation` (programmes and two years
 * of executors' reports) with the batch loader and time it; start the compiled server (`npm run
 * build:server`) as production runs it — the whole application, then the open-data-only process — in a
 * child process; run autocannon on loopback, 100 connections, against the trivial GET /api/health of the
 * same server, GET /api/v1/national and GET /api/v1/compare (plain, gzip, and with If-None-Match, as a
 * CDN revalidates); report p50/p99 latency, throughput relative to the trivial route, and the server's
 * RSS (current and peak). Without DATABASE_URL it says so and does nothing.
 */
import { type ChildProcess, spawnSync } from "node:child_process";
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import autocannon from "autocannon";
import cliProgress from "cli-progress";
import { sql } from "kysely";
import pg from "pg";
import { generateCommunities, generateNation } from "../src/domain/synthetic/index.js";
import { openStore } from "../src/store/index.js";
import { loadProgrammes } from "../src/store/loader.js";
import { refreshSummaries } from "../src/store/summaries.js";
import { startServerProcess } from "./server-process.js";

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const SEED = 1;
const YEAR = 2026;
/** What browsers and CDNs send. */
const GZIP = { "accept-encoding": "gzip" };

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function load(url: string, communities: number, reuse: boolean) {
  const store = await openStore({ databaseUrl: url });
  const db = store.kysely();
  const loaded = reuse ? await loadedProgrammes(db) : 0;
  const result =
    loaded === communities
      ? { loaded: 0, skipped: loaded, loadSeconds: null }
      : await loadNation(db, communities);
  const counts = await sql<{ funding: string; items: string; reports: string; size: string }>`
    select (select count(*) from funding_rows)::text as funding, (select count(*) from items)::text as items,
      (select count(*) from executor_reports)::text as reports,
      pg_size_pretty(pg_database_size(current_database())) as size`.execute(db);
  const refresh = await timeSummaryRefresh(db);
  await store.close();
  return { ...result, ...counts.rows[0], ...refresh };
}

type Db = ReturnType<Awaited<ReturnType<typeof openStore>>["kysely"]>;

async function loadedProgrammes(db: Db): Promise<number> {
  const row = await db
    .selectFrom("programmes")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

async function loadNation(db: Db, communities: number) {
  const started = performance.now();
  const progress = new cliProgress.SingleBar(
    { stream: process.stderr, format: `  load {bar} {value}/{total} programmes, {eta_formatted}` },
    cliProgress.Presets.shades_classic,
  );
  progress.start(communities, 0);
  const result = await loadProgrammes(db, generateNation({ seed: SEED, communities }), {
    onBatch: (loaded, skipped) => progress.update(loaded + skipped),
  });
  progress.stop();
  return { ...result, loadSeconds: (performance.now() - started) / 1000 };
}

/** The per-programme refresh done on every write vs refreshing a materialized view of all programmes. */
async function timeSummaryRefresh(db: Db) {
  const some = await db.selectFrom("programmes").select("id").orderBy("id").limit(7).execute();
  const times: number[] = [];
  for (const { id } of some) {
    const started = performance.now();
    await db.transaction().execute((trx) => refreshSummaries(trx, [id]));
    times.push(performance.now() - started);
  }
  const perProgrammeMs = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  await sql`create materialized view bench_summaries as
    select f.programme_id, f.year, f.source, coalesce(o.category, i.category, 'other') as category,
      sum(f.amount_kopecks) as amount_kopecks
    from funding_rows f join items i on i.programme_id = f.programme_id and i.id = f.item_id
    left join category_overrides o on o.programme_id = f.programme_id and o.item_id = f.item_id
    where f.source <> 'total' group by 1, 2, 3, 4`.execute(db);
  const started = performance.now();
  await sql`refresh materialized view bench_summaries`.execute(db);
  const materializedViewMs = performance.now() - started;
  await sql`drop materialized view bench_summaries`.execute(db);
  return { perProgrammeRefreshMs: perProgrammeMs, materializedViewRefreshMs: materializedViewMs };
}

const SERVER_ENTRIES = { full: "dist/server/api/main.js", lean: "dist/server/api/public-main.js" };
const ROOT = new URL("..", import.meta.url).pathname;

function buildServer(): void {
  const run = spawnSync("npm", ["run", "build:server"], { cwd: ROOT, stdio: "inherit" });
  if (run.status !== 0) throw new Error("npm run build:server failed");
}

/** The compiled server as production starts it, on a port the system chooses; its origin from its log. */
async function startServer(url: string, lean = false): Promise<{ child: ChildProcess; port: number }> {
  return startServerProcess(SERVER_ENTRIES[lean ? "lean" : "full"], url, ROOT);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await exited;
}

async function memoryOf(pid: number): Promise<{ rssMb: number; peakRssMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: Math.round(kb("VmRSS") / 1024), peakRssMb: Math.round(kb("VmHWM") / 1024) };
}

interface Measured {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
}

async function hammer(url: string, headers: Record<string, string> = {}): Promise<Measured> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: Math.round(result.requests.average),
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function firstRequestMs(url: string): Promise<{ ms: number; etag: string; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, etag: response.headers.get("etag") ?? "", bytes };
}

async function measureHttp(url: string, communities: number) {
  const { child, port } = await startServer(url);
  const base = `http://127.0.0.1:${port}`;
  const codes = [...generateCommunities({ seed: SEED, communities })].slice(0, 5).map((each) => each.katottg);
  const national = `${base}/api/v1/national?year=${YEAR}`;
  const compare = `${base}/api/v1/compare?katottg=${codes.join(",")}`;
  try {
    const idle = child.pid ? await memoryOf(child.pid) : { rssMb: 0, peakRssMb: 0 };
    const cold = { national: await firstRequestMs(national), compare: await firstRequestMs(compare) };
    const trivial = await hammer(`${base}/api/health`);
    const nationalRun = await hammer(national);
    const compareRun = await hammer(compare);
    const nationalGzip = await hammer(national, GZIP);
    const compareGzip = await hammer(compare, GZIP);
    const nationalRevalidate = await hammer(national, { "if-none-match": cold.national.etag });
    const memory = child.pid ? await memoryOf(child.pid) : { rssMb: 0, peakRssMb: 0 };
    return {
      coldMs: { national: Math.round(cold.national.ms), compare: Math.round(cold.compare.ms) },
      trivial,
      national: { ...nationalRun, ratio: nationalRun.rps / trivial.rps },
      compare: { ...compareRun, ratio: compareRun.rps / trivial.rps },
      nationalGzip: { ...nationalGzip, ratio: nationalGzip.rps / trivial.rps },
      compareGzip: { ...compareGzip, ratio: compareGzip.rps / trivial.rps },
      nationalIfNoneMatch: { ...nationalRevalidate, ratio: nationalRevalidate.rps / trivial.rps },
      bodyBytes: cold.national.bytes,
      idleRssMb: idle.rssMb,
      ...memory,
    };
  } finally {
    await stop(child);
  }
}

/** A process with only the open-data routes: its memory, and national/compare with gzip. */
async function measureLean(url: string, communities: number) {
  const { child, port } = await startServer(url, true);
  const base = `http://127.0.0.1:${port}`;
  const codes = [...generateCommunities({ seed: SEED, communities })].slice(0, 5).map((each) => each.katottg);
  try {
    const idle = child.pid ? await memoryOf(child.pid) : { rssMb: 0, peakRssMb: 0 };
    const trivial = await hammer(`${base}/api/health`);
    const national = await hammer(`${base}/api/v1/national?year=${YEAR}`, GZIP);
    const compare = await hammer(`${base}/api/v1/compare?katottg=${codes.join(",")}`, GZIP);
    const memory = child.pid ? await memoryOf(child.pid) : { rssMb: 0, peakRssMb: 0 };
    return {
      idleRssMb: idle.rssMb,
      ...memory,
      trivial,
      nationalGzip: { ...national, ratio: national.rps / trivial.rps },
      compareGzip: { ...compare, ratio: compare.rps / trivial.rps },
    };
  } finally {
    await stop(child);
  }
}

async function runSize(base: string, communities: number) {
  // BENCH_DB_PREFIX: sessions sharing one server keep their databases apart.
  const name = `${process.env.BENCH_DB_PREFIX ?? "infoprog_bench"}_${communities}`;
  const keep = Boolean(process.env.BENCH_KEEP);
  const exists = await admin(base, async (client) => {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount && !keep) await client.query(`drop database ${name} with (force)`);
    if (!found.rowCount || !keep) await client.query(`create database ${name}`);
    return Boolean(found.rowCount) && keep;
  });
  const url = databaseUrl(base, name);
  try {
    const loaded = await load(url, communities, exists);
    const http = await measureHttp(url, communities);
    const lean = process.env.BENCH_LEAN === "0" ? undefined : await measureLean(url, communities);
    return { communities, ...loaded, ...http, lean };
  } finally {
    if (!keep) await admin(base, (client) => client.query(`drop database ${name} with (force)`));
  }
}

function report(result: Awaited<ReturnType<typeof runSize>>): string {
  const line = (label: string, run: Measured & { ratio?: number }) =>
    `  ${label.padEnd(26)} p50 ${String(run.p50).padStart(4)} ms  p99 ${String(run.p99).padStart(4)} ms  ${String(run.rps).padStart(6)} req/s${run.ratio === undefined ? "" : `  ${(run.ratio * 100).toFixed(0)} % of trivial`}${run.non2xx ? `  non-2xx ${run.non2xx}` : ""}`;
  return [
    `${result.communities} communities: ${result.loaded + result.skipped} programmes, ${result.items} items, ${result.funding} funding rows, ${result.reports} executor reports, ${result.size}`,
    `  load ${result.loadSeconds === null ? "(kept from an earlier run)" : `${result.loadSeconds.toFixed(1)} s`}; summary refresh: one programme (median of 7) ${result.perProgrammeRefreshMs.toFixed(1)} ms, materialized view of all ${result.materializedViewRefreshMs.toFixed(0)} ms`,
    `  cold first request: national ${result.coldMs.national} ms, compare ${result.coldMs.compare} ms`,
    line("trivial route", result.trivial),
    line("national", result.national),
    line("compare (5 communities)", result.compare),
    line("national, gzip", result.nationalGzip),
    line("compare, gzip", result.compareGzip),
    line("national, If-None-Match", result.nationalIfNoneMatch),
    ...(result.lean
      ? [
          `  open-data-only process: RSS idle ${result.lean.idleRssMb} MB, after ${result.lean.rssMb} MB (peak ${result.lean.peakRssMb} MB)`,
          line("  trivial route", result.lean.trivial),
          line("  national, gzip", result.lean.nationalGzip),
          line("  compare, gzip", result.lean.compareGzip),
        ]
      : []),
    `  national body ${result.bodyBytes} bytes; server RSS idle ${result.idleRssMb} MB, after load ${result.rssMb} MB (peak ${result.peakRssMb} MB)`,
  ].join("\n");
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    process.stdout.write(
      "National benchmark skipped: it needs PostgreSQL — DATABASE_URL=postgres://user@host/db npm run bench\n",
    );
    return;
  }
  buildServer();
  const sizes = (process.env.BENCH_SIZES ?? "100,1469,14690").split(",").map(Number);
  const results = [];
  for (const size of sizes) {
    const result = await runSize(base, size);
    results.push(result);
    process.stdout.write(`${report(result)}\n`);
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

await main();
