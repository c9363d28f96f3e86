/**
 * Times the importer on every fixture against a baseline measured in the same run: decoding the same
 * bytes and splitting them into lines and cells. Prints the ratio; goal ≤ 20× and < 50 ms for the
 * largest fixture. Ratios, not absolute timings, are what to compare across machines.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { importDocument } from "../src/import/index.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);

function baseline(bytes: Uint8Array): number {
  const text = new TextDecoder("utf-8").decode(bytes);
  let cells = 0;
  for (const line of text.split(/\r?\n/)) cells += line.split("\t").length;
  return cells;
}

async function medianMs(work: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const files = readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".txt"))
    .sort();
  const rows: { file: string; kb: number; baselineMs: number; importMs: number; ratio: number }[] = [];
  for (const file of files) {
    const bytes = readFileSync(path.join(FIXTURES, file));
    const baselineMs = await medianMs(() => baseline(bytes));
    const importMs = await medianMs(() => importDocument(bytes, file));
    rows.push({
      file,
      kb: Math.round(bytes.length / 1024),
      baselineMs,
      importMs,
      ratio: importMs / baselineMs,
    });
  }
  console.log("fixture                              KB   baseline ms   import ms   ratio");
  for (const row of rows) {
    console.log(
      `${row.file.padEnd(36)} ${String(row.kb).padStart(4)} ${row.baselineMs.toFixed(3).padStart(12)} ${row.importMs
        .toFixed(3)
        .padStart(11)} ${row.ratio.toFixed(1).padStart(7)}×`,
    );
  }
  const largest = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(`\nlargest fixture: ${largest.file}, ${largest.importMs.toFixed(2)} ms (goal < 50 ms)`);
  console.log(`worst ratio: ${worst.ratio.toFixed(1)}× on ${worst.file} (goal ≤ 20×)`);
}

await main();
