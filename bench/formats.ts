/**
 * The importer on the largest fixture in every format, as a ratio to importing the same programme as
 * text in the same run (goals: PDF ≤ 10×, DOCX ≤ 5×). The office files are made as the format tests
 * make them (test/formats/render.ts: a DOCX with real tables, LibreOffice for the rest). LibreOffice's
 * own conversion (DOC/RTF → DOCX), which dominates those imports, is timed and reported separately.
 * Imports run as in a server's import thread: the PDF reader's helper thread (src/import/pdf/helper.ts)
 * is started before timing, as a server's thread has it after its first PDF; the row "pdf, 1 thread"
 * is the PDF read by the importing thread alone, as a one-off CLI import of a short PDF reads it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { importDocument } from "../src/import/index.js";
import { withImportLimits } from "../src/import/limits.js";
import { pagesReadByHelper, warmPageHelper, withoutPageHelper } from "../src/import/pdf/helper.js";
import { convertWithLibreOffice, sofficePath } from "../src/import/soffice.js";
import { renderAll } from "../test/formats/render.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
/** The import deadline is a guard, not what is measured: on a loaded machine a PDF may pass it. */
const BENCH_DEADLINE_MS = 600_000;

function importOnce(bytes: Uint8Array, name: string) {
  return withImportLimits(() => importDocument(bytes, name), BENCH_DEADLINE_MS);
}

interface Timing {
  /** Median wall time of one import, ms. */
  wallMs: number;
  /** Median CPU time of the process during one import (all its threads), ms. */
  cpuMs: number;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * Every import timed once per round, the rounds one after another, so that a load that comes and goes
 * on the machine falls on every format alike (one format's rounds after another's put one format in a
 * busy minute and the next in a quiet one). Wall time and the process's CPU time, which a busy machine
 * inflates much less.
 */
async function interleaved(works: (() => Promise<unknown>)[], rounds = ROUNDS): Promise<Timing[]> {
  for (const work of works) await work();
  const wall = works.map(() => [] as number[]);
  const cpu = works.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (const [index, work] of works.entries()) {
      const startCpu = process.cpuUsage();
      const start = performance.now();
      await work();
      wall[index]?.push(performance.now() - start);
      const used = process.cpuUsage(startCpu);
      cpu[index]?.push((used.user + used.system) / 1000);
    }
  }
  return works.map((_, index) => ({ wallMs: median(wall[index] ?? []), cpuMs: median(cpu[index] ?? []) }));
}

async function medianMs(work: () => Promise<unknown>, rounds: number): Promise<number> {
  const [timing] = await interleaved([work], rounds);
  return timing?.wallMs ?? Number.NaN;
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
  const formats = [
    ["docx", "≤ 5×"],
    ["odt", ""],
    ["pdf", "≤ 10×"],
  ] as const;
  const documents: Uint8Array[] = [];
  for (const [format] of formats) {
    const [document] = await renderAll([text], format);
    if (!document) throw new Error(`${format} not rendered`);
    documents.push(document);
  }
  const pdf = documents[formats.findIndex(([format]) => format === "pdf")] ?? new Uint8Array();
  const rows = [
    ...formats.map(([format, goal], index) => ({
      label: format as string,
      goal: goal as string,
      work: () => importOnce(documents[index] ?? new Uint8Array(), `programme.${format}`),
    })),
    // The PDF read by the importing thread alone, as a one-off CLI import of a short PDF reads it.
    {
      label: "pdf, 1 thread",
      goal: "",
      work: () => withoutPageHelper(() => importOnce(pdf, "programme.pdf")),
    },
  ];
  await warmPageHelper();
  const helpedBefore = pagesReadByHelper();
  const [textTiming, ...timings] = await interleaved([
    () => importOnce(bytes, "programme.txt"),
    ...rows.map((row) => row.work),
  ]);
  if (!textTiming) throw new Error("text not timed");
  console.log(
    `fixture: ${path.basename(largest)}; text import ${textTiming.wallMs.toFixed(1)} ms wall, ` +
      `${textTiming.cpuMs.toFixed(1)} ms CPU (baseline); ${ROUNDS} rounds, interleaved`,
  );
  console.log("format          wall ms   ratio   CPU ms   ratio   goal");
  rows.forEach(({ label, goal }, index) => {
    const timing = timings[index];
    if (!timing) return;
    console.log(
      `${label.padEnd(15)} ${timing.wallMs.toFixed(1).padStart(7)} ${(timing.wallMs / textTiming.wallMs).toFixed(1).padStart(6)}× ` +
        `${timing.cpuMs.toFixed(1).padStart(8)} ${(timing.cpuMs / textTiming.cpuMs).toFixed(1).padStart(6)}×   ${goal}`,
    );
  });
  const helped = (pagesReadByHelper() - helpedBefore) / (ROUNDS + 1);
  console.log(`pdf: the helper thread read ${helped.toFixed(1)} pages of each import on average`);
  console.log("\nLibreOffice conversion to DOCX (a fresh profile each time), then the DOCX reader:");
  for (const format of ["doc", "rtf"] as const) {
    const [document] = await renderAll([text], format);
    if (!document) throw new Error(`${format} not rendered`);
    const convertMs = await medianMs(() => convertWithLibreOffice(document, format, "docx"), 2);
    console.log(
      `${format.padEnd(8)} conversion ${convertMs.toFixed(0)} ms (${(convertMs / textTiming.wallMs).toFixed(0)}× text)`,
    );
  }
}

await main();
