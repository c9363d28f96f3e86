/**
 * GET /api/programmes/:id/audit stays flat as the audit log grows: the same pages are timed with a
 * small log (the baseline, in the same run) and with 100 000 rows, and the heap each page costs is
 * measured. Prints the ratios (large / baseline); near 1 means the route reads an index range, not the
 * whole log. Run: `npm run bench:audit` (AUDIT_ROWS, BENCH_ROUNDS to change the sizes).
 */
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { buildApp } from "../src/api/app.js";
import { demoProgramme } from "../src/domain/synthetic/demo.js";
import { openStore, type Store } from "../src/store/index.js";
import { type Client, userClient } from "../test/monitoring-api/support.js";

const LARGE = Number(process.env.AUDIT_ROWS ?? 100_000);
const BASELINE = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const LIMIT = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Fills the log up to `total` rows: a third the programme's own, the rest other programmes' and sign-ins. */
async function growLog(store: Store, programmeId: number, total: number): Promise<void> {
  const { rows } = await sql<{ count: string | number }>`select count(*) as count from audit_log`.execute(
    store.kysely(),
  );
  const have = Number(rows[0]?.count ?? 0);
  if (have >= total) return;
  await sql`insert into audit_log (action, entity, entity_id, after)
    select 'update', case when n % 3 = 0 then 'programme' else 'user' end,
      case when n % 3 = 0 then ${String(programmeId)}::text else (n % 500)::text end, jsonb_build_object('n', n)
    from generate_series(${have + 1}::int, ${total}::int) as n`.execute(store.kysely());
}

const heapUsed = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};

interface Measure {
  firstPageMs: number;
  middlePageMs: number;
  heapPerPageKb: number;
}

async function measure(admin: Client, programmeId: number): Promise<Measure> {
  const url = `/api/programmes/${programmeId}/audit?limit=${LIMIT}`;
  const first = await admin.inject(url);
  if (first.statusCode !== 200) throw new Error(`audit route answered ${first.statusCode}: ${first.body}`);
  const all = await admin.inject(`${url.replace(`limit=${LIMIT}`, "limit=1000")}`);
  const ids = (all.json() as { data: { id: number }[] }).data.map((entry) => entry.id);
  const middle = `${url}&after=${ids[Math.floor(ids.length / 2)] ?? 0}`;
  const time = async (target: string) => {
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      await admin.inject(target);
      samples.push(performance.now() - start);
    }
    return median(samples);
  };
  const firstPageMs = await time(url);
  const middlePageMs = await time(middle);
  const before = heapUsed();
  const kept = [];
  for (let round = 0; round < ROUNDS; round++) kept.push(await admin.inject(middle));
  const heapPerPageKb = (heapUsed() - before) / ROUNDS / 1024;
  return { firstPageMs, middlePageMs, heapPerPageKb: Math.max(heapPerPageKb, 1) };
}

async function main(): Promise<void> {
  const store = await openStore({ dataDir: ":memory:" });
  const app = buildApp({ store });
  const programmeId = (
    await store.saveImport({ programme: demoProgramme(), findings: [] }, { name: "bench", sha256: "bench" })
  ).programmeId;
  const admin = await userClient(app, store, "bench-admin", "admin");
  await growLog(store, programmeId, BASELINE);
  await measure(admin, programmeId); // warm-up: the first requests compile the route and its queries
  const small = await measure(admin, programmeId);
  await growLog(store, programmeId, LARGE);
  const large = await measure(admin, programmeId);
  const ratio = (key: keyof Measure) => (large[key] / small[key]).toFixed(2);
  console.log(`audit route, page of ${LIMIT}, median of ${ROUNDS} (gc ${globalThis.gc ? "on" : "off"})`);
  console.log(`                 ${BASELINE} rows   ${LARGE} rows   ratio`);
  for (const key of ["firstPageMs", "middlePageMs", "heapPerPageKb"] as const) {
    console.log(
      `${key.padEnd(15)} ${small[key].toFixed(1).padStart(10)} ${large[key].toFixed(1).padStart(12)} ${ratio(key).padStart(7)}`,
    );
  }
  await app.close();
  await store.close();
}

await main();
