/**
 * Cold first view of the public page on localhost with the largest fixture loaded, against a trivial
 * static page on the same server in the same run: a fresh browser context per round (nothing cached);
 * time from navigation to the community's name on screen, the browser's first-contentful-paint, and the
 * bytes on the wire. Then the same with DevTools' "Slow 4G" network throttling (CDP).
 * Goals (issue 13): name on screen ≤ 1.5× the trivial page; ≤ 2 s on slow 4G; < 200 KB transferred.
 * Needs /usr/bin/chromium (`apt-get install chromium`). BENCH_ROUNDS (default 9), BENCH_QUICK=1 for CI.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type Browser, chromium } from "playwright-core";
import { productionBuild } from "../scripts/check-bundle.js";
import { buildApp } from "../src/api/app.js";
import { NAME_TIMING } from "../src/api/public-page.js";
import { importDocument } from "../src/import/index.js";
import { openStore } from "../src/store/index.js";
import { checkGoals, type Goal, median } from "./goals.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_QUICK ? 3 : 9));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const TRIVIAL_PATH = "/bench-trivial";

/** Chrome DevTools' "Slow 4G" preset (its NetworkManager): 1.6 Mbit/s down, 750 kbit/s up, 562.5 ms. */
const SLOW_4G = {
  offline: false,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
  latency: 150 * 3.75,
};

function largestFixture(): string {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith(".txt"));
  return files.reduce((a, b) =>
    statSync(path.join(FIXTURES, b)).size > statSync(path.join(FIXTURES, a)).size ? b : a,
  );
}

function trivialPage(name: string): string {
  return `<!doctype html><html lang="uk"><head><meta charset="utf-8"><title>${name}</title></head><body><h1 elementtiming="${NAME_TIMING}">${name}</h1></body></html>`;
}

/** Runs in the page: the render time of the element marked `elementtiming="<identifier>"`, if any. */
function nameRenderTime(identifier: string): Promise<number | null> {
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      const entry = list
        .getEntries()
        .find((each) => (each as unknown as { identifier: string }).identifier === identifier);
      if (entry) resolve((entry as unknown as { renderTime: number }).renderTime || entry.startTime);
    });
    observer.observe({ type: "element", buffered: true });
    setTimeout(() => resolve(null), 500);
  });
}

interface View {
  shownMs: number;
  fcpMs: number;
  bytes: number;
}

/** One cold view: navigation to the text on screen, FCP, and the encoded bytes of every response. */
async function coldView(browser: Browser, url: string, text: string, slow: boolean): Promise<View> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (slow) await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  let bytes = 0;
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength;
  });
  const start = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.getByText(text).first().waitFor({ timeout: 60_000 });
  const polledMs = performance.now() - start;
  await page.waitForLoadState("networkidle");
  // When the page marks the name (elementtiming), the browser's own paint time of it; otherwise (a page
  // rendered only by its script) the moment Playwright's polling found it, which a busy page delays.
  const paintedMs = await page.evaluate(nameRenderTime, NAME_TIMING);
  const shownMs = paintedMs ?? polledMs;
  const fcpMs = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
  );
  await context.close();
  return { shownMs, fcpMs, bytes };
}

/**
 * Cold views of each page, the pages taking turns round by round: a machine whose load moves during
 * the run slows the page and its baseline alike, instead of whichever was measured in the busy minute.
 */
async function views(browser: Browser, urls: string[], text: string, slow: boolean): Promise<View[][]> {
  const result: View[][] = urls.map(() => []);
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const [i, url] of urls.entries()) {
      const view = await coldView(browser, url, text, slow);
      if (round > 0) result[i]?.push(view); // the first round is a warm-up: the server compiles its routes
    }
  }
  return result;
}

type Summary = View;
const summary = (list: View[]): Summary => ({
  shownMs: median(list.map((view) => view.shownMs)),
  fcpMs: median(list.map((view) => view.fcpMs)),
  bytes: median(list.map((view) => view.bytes)),
});

async function main(): Promise<void> {
  await productionBuild({});
  const store = await openStore({ dataDir: ":memory:" });
  const file = largestFixture();
  const result = await importDocument(readFileSync(path.join(FIXTURES, file)), file);
  const { programmeId } = await store.saveImport(result, { name: file, sha256: file });
  await store.setStatus(programmeId, "published");
  const { community, period } = result.programme;
  const app = buildApp({ store });
  app.get(TRIVIAL_PATH, (_request, reply) => reply.type("text/html").send(trivialPage(community.name)));
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `${base}/p/${community.katottg}/${period.from}-${period.to}`;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    const [trivial, fast] = (await views(browser, [base + TRIVIAL_PATH, url], community.name, false)).map(
      summary,
    ) as [Summary, Summary];
    const [slowTrivial, slow] = (await views(browser, [base + TRIVIAL_PATH, url], community.name, true)).map(
      summary,
    ) as [Summary, Summary];
    console.log(
      `public page of ${file} (${result.programme.directions.length} directions), ${ROUNDS} cold loads each`,
    );
    const row = (label: string, view: Summary) =>
      console.log(
        `${label.padEnd(26)} name on screen ${view.shownMs.toFixed(0).padStart(5)} ms, FCP ${view.fcpMs.toFixed(0).padStart(5)} ms, ${(view.bytes / 1024).toFixed(1)} KB on the wire`,
      );
    row("trivial page", trivial);
    row("public page", fast);
    row("trivial page, slow 4G", slowTrivial);
    row("public page, slow 4G", slow);
    const goals: Goal[] = [
      { name: "name on screen ÷ trivial page", value: fast.shownMs / trivial.shownMs, goal: 1.5 },
      { name: "FCP ÷ trivial page", value: fast.fcpMs / trivial.fcpMs, goal: 1.5 },
      { name: "name on screen on slow 4G (s)", value: slow.shownMs / 1000, goal: 2 },
      { name: "transfer (KB)", value: fast.bytes / 1024, goal: 200 },
    ];
    checkGoals(goals);
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
}

await main();
