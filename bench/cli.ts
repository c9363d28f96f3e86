/**
 * Whole-process time of `infoprog import --dry-run` on the largest fixture through the installed bin,
 * as a ratio to bare `node -e 0` in the same run (issue 13: goal ≤ 3×), the commands taking turns
 * round by round. The bin runs the compiled CLI when it is current, so this builds it first
 * (`npm run build:cli`); the same command through tsx (the sources) is printed beside it for
 * comparison. BENCH_ROUNDS (default 9), BENCH_QUICK=1 for CI.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkGoals, median } from "./goals.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_QUICK ? 3 : 9));

function largestFixture(): string {
  const files = readdirSync(FIXTURES).map((name) => path.join(FIXTURES, name));
  return files.reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
}

function timeOnce(args: string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const elapsed = performance.now() - start;
  if (run.status !== 0) throw new Error(`${args.join(" ")}: status ${run.status}\n${run.stderr}`);
  return elapsed;
}

/**
 * Median wall time of each command's whole process, after one warm-up run each (the file system
 * cache). The commands take turns within every round, so a machine whose load moves during the run
 * slows each of them alike instead of whichever ran in the busy minute.
 */
function timeProcesses(commands: string[][]): number[] {
  const times: number[][] = commands.map(() => []);
  for (let round = 0; round < ROUNDS + 1; round++) {
    commands.forEach((args, i) => {
      const elapsed = timeOnce(args);
      if (round > 0) times[i]?.push(elapsed);
    });
  }
  return times.map(median);
}

function main(): void {
  const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build:cli failed");
  const fixture = largestFixture();
  const command = ["import", "--dry-run", fixture];
  const [bare = Number.NaN, bin = Number.NaN, tsx = Number.NaN] = timeProcesses([
    ["-e", "0"],
    [path.join(ROOT, "bin/infoprog.js"), ...command],
    ["--import", "tsx", path.join(ROOT, "src/cli/main.ts"), ...command],
  ]);
  console.log(`infoprog import --dry-run ${path.basename(fixture)}, ${ROUNDS} runs each (median)`);
  console.log(`  node -e 0                 ${bare.toFixed(0).padStart(6)} ms`);
  console.log(`  bin (compiled)            ${bin.toFixed(0).padStart(6)} ms  ${(bin / bare).toFixed(2)}×`);
  console.log(`  sources through tsx       ${tsx.toFixed(0).padStart(6)} ms  ${(tsx / bare).toFixed(2)}×`);
  checkGoals([{ name: "bin ÷ node -e 0", value: bin / bare, goal: 3 }]);
}

main();
