/**
 * The importer on the largest fixture in every format, as a ratio to importing the same programme as
 * text in the same run (goals: PDF ≤ 10×, DOCX ≤ 5×). The office files are made as the format tests
 * make them (test/formats/render.ts: a DOCX with real tables, LibreOffice for the rest). LibreOffice's
 * own conversion (DOC/RTF → DOCX), which dominates those imports, is timed and reported separately.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { importDocument } from "../src/import/index.js";
import { withImportLimits } from "../src/import/limits.js";
import { convertWithLibreOffice, sofficePath } from "../src/import/soffice.js";
import { renderAll } from "../test/formats/render.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
/** The import deadline is a guard, not what is measured: on a loaded machine a PDF may pass it. */
const BENCH_DEADLINE_MS = 600_000;

function importOnce(bytes: Uint8Array, name: string) {
  return withImportLimits(() => importDocument(bytes, name), BENCH_DEADLINE_MS);
}

async function medianMs(work: () => Promise<unknown>, rounds = ROUNDS): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  if (!sofficePath()) {
    console.log("SKIPPED: LibreOffice (soffice) is not installed; install libreoffice-writer-nogui");
    return;
  }
  const largest = readdirSync(FIXTURES)
    .filter((name) => name.endsWith(".txt"))
    .map((name) => path.join(FIXTURES, name))
    .reduce((a, b) => (statSync(b).size > statSync(a).size ? b : a));
  const text = readFileSync(largest, "utf8");
  const bytes = Buffer.from(text, "utf8");
  const textMs = await medianMs(() => importOnce(bytes, "programme.txt"));
  console.log(`fixture: ${path.basename(largest)}; text import ${textMs.toFixed(1)} ms (baseline)`);
  console.log("format   import ms   ratio to text   goal");
  for (const [format, goal] of [
    ["docx", "≤ 5×"],
    ["odt", ""],
    ["pdf", "≤ 10×"],
  ] as const) {
    const [document] = await renderAll([text], format);
    if (!document) throw new Error(`${format} not rendered`);
    const ms = await medianMs(() => importOnce(document, `programme.${format}`));
    console.log(
      `${format.padEnd(8)} ${ms.toFixed(1).padStart(9)} ${(ms / textMs).toFixed(1).padStart(14)}×   ${goal}`,
    );
  }
  console.log("\nLibreOffice conversion to DOCX (a fresh profile each time), then the DOCX reader:");
  for (const format of ["doc", "rtf"] as const) {
    const [document] = await renderAll([text], format);
    if (!document) throw new Error(`${format} not rendered`);
    const convertMs = await medianMs(() => convertWithLibreOffice(document, format, "docx"), 2);
    console.log(
      `${format.padEnd(8)} conversion ${convertMs.toFixed(0)} ms (${(convertMs / textMs).toFixed(0)}× text)`,
    );
  }
}

await main();
