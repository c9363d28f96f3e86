/**
 * Times the importer on every fixture against a baseline measured in the same run: decoding the same
 * bytes and splitting them into lines and cells. Goal (issue 11): the import of the largest fixture
 * takes at most 20× the baseline, and under 50 ms. Ratios, not absolute timings, are what to compare
 * across machines. Two ratios: the wall ratio of median single calls (the figure of earlier runs), and
 * the CPU ratio of the process's CPU time over all calls, each side with its own garbage collection.
 * On a loaded machine the wall ratio is inflated (a 40 ms import is preempted, a 1 ms baseline seldom
 * is); the CPU ratio much less so.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { importDocument } from "../src/import/index.js";
import { checkGoals, median } from "./goals.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
/** Small tables of one layout family each (2–10 KB): printed too, the goal is the largest programme's. */
const LAYOUTS = path.resolve(process.cwd(), "../shared/fixtures/layouts");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
/**
 * Untimed calls first, for each side: V8 optimises the importer's hundreds of functions over the first
 * few dozen calls of a layout family, on background threads whose CPU time the CPU ratio would count
 * (5 warm-up calls left 6 ms a call of it in a 40-call run). The baseline is warm after one call.
 */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 40);
const RATIO_GOAL = 20;
const LARGEST_MS_GOAL = 50;

function baseline(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8").decode(bytes);
  let cells = 0;
  for (const line of text.split(/\r?\n/)) cells += line.split("\t").length;
  return cells;
}

interface Timing {
  /** Median wall time of one call. */
  wallMs: number;
  /** The process's CPU time over all timed calls, per call. */
  cpuMs: number;
}

async function timed(work: () => unknown | Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < WARMUP; i++) await work();
  const samples: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  const used = process.cpuUsage(cpu);
  return { wallMs: median(samples), cpuMs: (used.user + used.system) / 1000 / ROUNDS };
}

interface Row {
  file: string;
  kb: number;
  baseline: Timing;
  import: Timing;
}

async function measure(directory: string, file: string): Promise<Row> {
  const bytes = readFileSync(path.join(directory, file));
  const baselineTiming = await timed(() => baseline(bytes));
  const importTiming = await timed(() => importDocument(bytes, file));
  return { file, kb: Math.round(bytes.length / 1024), baseline: baselineTiming, import: importTiming };
}

function textsIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".txt"))
    .sort();
}

function print(rows: Row[]): void {
  console.log("fixture                              KB   baseline ms   import ms   wall ratio   CPU ratio");
  for (const row of rows) {
    const wall = row.import.wallMs / row.baseline.wallMs;
    const cpu = row.import.cpuMs / row.baseline.cpuMs;
    console.log(
      `${row.file.padEnd(36)} ${String(row.kb).padStart(4)} ${row.baseline.wallMs.toFixed(3).padStart(12)} ${row.import.wallMs
        .toFixed(3)
        .padStart(11)} ${wall.toFixed(1).padStart(11)}× ${cpu.toFixed(1).padStart(10)}×`,
    );
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const file of textsIn(FIXTURES)) rows.push(await measure(FIXTURES, file));
  const layouts: Row[] = [];
  for (const file of textsIn(LAYOUTS)) layouts.push(await measure(LAYOUTS, file));
  print([...rows, ...layouts]);
  const largest = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
  console.log(
    `\nlargest fixture: ${largest.file} (goals: ≤ ${RATIO_GOAL}× reading and splitting its bytes, < ${LARGEST_MS_GOAL} ms)`,
  );
  checkGoals([
    {
      name: "import ÷ read-and-split, CPU time",
      value: largest.import.cpuMs / largest.baseline.cpuMs,
      goal: RATIO_GOAL,
    },
    {
      name: "import ÷ read-and-split, wall time",
      value: largest.import.wallMs / largest.baseline.wallMs,
      goal: RATIO_GOAL,
    },
    { name: "import, wall ms", value: largest.import.wallMs, goal: LARGEST_MS_GOAL },
  ]);
}

await main();
