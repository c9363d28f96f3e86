/**
 * First view of the public page on localhost with the largest fixture loaded: a fresh browser context per
 * round (nothing cached), time from navigation to the community's name on screen, and the browser's own
 * first-contentful-paint. Goal: under 1 s. Needs /usr/bin/chromium (`apt-get install chromium`).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { productionBuild } from "../scripts/check-bundle.js";
import { buildApp } from "../src/api/app.js";
import { importDocument } from "../src/import/index.js";
import { openStore } from "../src/store/index.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];

function largestFixture(): string {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith(".txt"));
  return files.reduce((a, b) =>
    statSync(path.join(FIXTURES, b)).size > statSync(path.join(FIXTURES, a)).size ? b : a,
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  await productionBuild({});
  const store = await openStore({ dataDir: ":memory:" });
  const file = largestFixture();
  const result = await importDocument(readFileSync(path.join(FIXTURES, file)), file);
  const { programmeId } = await store.saveImport(result, { name: file, sha256: file });
  await store.setStatus(programmeId, "published");
  const app = buildApp({ store });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const { community, period } = result.programme;
  const url = `${base}/p/${community.katottg}/${period.from}-${period.to}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  const shown: number[] = [];
  const paints: number[] = [];
  try {
    for (let round = 0; round < ROUNDS + 1; round++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(url);
      await page.getByText(community.name).first().waitFor();
      const elapsed = performance.now() - start;
      const fcp = await page.evaluate(
        () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      );
      await context.close();
      if (round === 0) continue; // warm-up: the server's first request compiles its routes
      shown.push(elapsed);
      paints.push(fcp);
    }
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
  console.log(
    `public page of ${file} (${result.programme.directions.length} directions), ${ROUNDS} cold loads`,
  );
  console.log(`first contentful paint: median ${median(paints).toFixed(0)} ms`);
  console.log(`community name on screen: median ${median(shown).toFixed(0)} ms (goal < 1000 ms)`);
}

await main();
