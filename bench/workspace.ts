/**
 * A 300-project programme in the staff workspace, in headless Chromium on localhost: entering edit
 * mode, and saving one changed amount from the click on Save to the saved notice on screen, with the
 * bytes of that request and its answer on the wire (CDP network events). For comparison, the same
 * save of two projects (the whole programme PUT and loaded again). A fresh page per round.
 * Goals (issue 13): edit mode < 100 ms; one saved amount < 150 ms and < 5 KB each way.
 * The saved amount's figure is the median of every save (BENCH_SAVES per round, default 3), split by the
 * PATCH's Resource Timing entry and the server's Server-Timing header (bench/server-timing.ts) into
 * the page's work before sending, the server's hooks, SQL and handler, the download, and the page's
 * work from the answer to the painted notice.
 * BENCH_CPU_PROFILE=dir writes a CPU profile of the page for every save.
 * Needs /usr/bin/chromium. BENCH_ROUNDS (default 7), BENCH_PROJECTS (default 300), BENCH_QUICK=1 for CI.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { type Browser, chromium, type Page } from "playwright-core";
import { productionBuild } from "../scripts/check-bundle.js";
import { buildApp } from "../src/api/app.js";
import { validateProgramme } from "../src/domain/validate.js";
import { openStore } from "../src/store/index.js";
import { createUser } from "../src/store/users.js";
import { uk } from "../web/src/i18n/uk.js";
import { checkGoals, median, percentile } from "./goals.js";
import { addServerTiming, timedStore } from "./server-timing.js";
import { largeProgramme } from "./workspace-data.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_QUICK ? 3 : 7));
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 300);
/** Saves of one amount per round: the figure is the median of every round's saves. */
const SAVES = Number(process.env.BENCH_SAVES ?? 3);
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
const LOGIN = { login: "bench-head", password: "bench-password-1" };

/** Runs in the page: clicks the button and waits for the rendered frame after it (rAF, then a task). */
function clickAndPaint(selector: string): Promise<number> {
  const button = document.querySelector<HTMLButtonElement>(selector);
  if (!button) throw new Error(`no ${selector}`);
  const start = performance.now();
  button.click();
  return new Promise((resolve) =>
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0)),
  );
}

/** One save from the click to the painted notice, split by the PATCH's Resource Timing entry. */
interface SaveTiming {
  /** Click to painted notice. */
  ms: number;
  /** Click to the request's start: the page's work before sending (the change, the body). */
  beforeRequest: number;
  /** Request sent to the answer's first byte: loopback and the server. */
  waiting: number;
  /** The server's own figures (Server-Timing): before the handler, SQL, the rest of the handler. */
  server: Record<string, number>;
  /** First byte to last byte of the answer. */
  download: number;
  /** Last byte to the painted notice: parsing the answer, React's render and commit, the paint. */
  afterAnswer: number;
}

/**
 * Runs in the page: clicks Save and waits for the frame that shows the saved notice, then reads the
 * PATCH's Resource Timing entry. (No named inner functions: tsx would wrap them in a helper the page
 * does not have.)
 */
function saveAndWait(labels: { save: string; saved: string }): Promise<SaveTiming> {
  const button = [...document.querySelectorAll("button")].find((each) => each.textContent === labels.save);
  if (!button) throw new Error("no Save button");
  performance.clearResourceTimings();
  const start = performance.now();
  return new Promise((resolve) => {
    new MutationObserver((_records, observer) => {
      if (!document.body.textContent?.includes(labels.saved)) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          const end = performance.now();
          const entry = performance
            .getEntriesByType("resource")
            .filter((each) => each.name.includes("/projects/"))
            .at(-1) as PerformanceResourceTiming | undefined;
          const server = Object.fromEntries(
            (entry?.serverTiming ?? []).map((each) => [each.name, each.duration]),
          );
          resolve({
            ms: end - start,
            beforeRequest: entry ? entry.startTime - start : Number.NaN,
            waiting: entry ? entry.responseStart - entry.requestStart : Number.NaN,
            server,
            download: entry ? entry.responseEnd - entry.responseStart : Number.NaN,
            afterAnswer: entry ? end - entry.responseEnd : Number.NaN,
          });
        }, 0),
      );
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    button.click();
  });
}

/** Runs in the page: the median of a few round trips to the trivial health route. */
async function trivialRoundTrip(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await (await fetch("/api/health", { cache: "no-store" })).json();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] ?? Number.NaN;
}

interface Traffic {
  sent: number;
  received: number;
  requests: number;
  /** From the request sent to the answer's headers received: the server's share (and loopback). */
  waitMs: number;
}

/** Bytes of the API's unsafe requests (headers and body) and of their answers (on the wire). */
async function watchTraffic(page: Page): Promise<() => Promise<Traffic>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const traffic: Traffic = { sent: 0, received: 0, requests: 0, waitMs: 0 };
  const counted = new Set<string>();
  const finished = new Set<string>();
  cdp.on("Network.requestWillBeSent", ({ requestId, request }) => {
    if (request.method === "GET" && !/\/api\/programmes\/\d+$/.test(request.url.split("?")[0] ?? "")) return;
    if (!request.url.includes("/api/programmes/")) return;
    counted.add(requestId);
    traffic.requests++;
    const headers = Object.entries(request.headers).reduce(
      (sum, [k, v]) => sum + k.length + String(v).length + 4,
      0,
    );
    traffic.sent += headers + request.method.length + request.url.length + (request.postData?.length ?? 0);
  });
  cdp.on("Network.responseReceived", ({ requestId, response }) => {
    if (counted.has(requestId) && response.timing) {
      traffic.waitMs += response.timing.receiveHeadersStart - response.timing.sendEnd;
    }
  });
  cdp.on("Network.loadingFinished", ({ requestId, encodedDataLength }) => {
    if (!counted.has(requestId)) return;
    finished.add(requestId);
    traffic.received += encodedDataLength;
  });
  return async () => {
    for (let waited = 0; finished.size < counted.size && waited < 60_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { ...traffic };
  };
}

async function openProgramme(page: Page, base: string, id: number): Promise<void> {
  await page.goto(`${base}/programmes/${id}`);
  await page.locator('[id="ref-item-d1.1"]').waitFor({ timeout: 60_000 });
}

/** Opens a project's fields and types an amount into its first amount input. */
async function typeAmount(page: Page, itemId: string, text: string): Promise<void> {
  const card = page.locator(`[id="ref-item-${itemId}"]`);
  // A card keeps its fields open from one edit mode to the next.
  if ((await card.getByRole("button", { name: uk["edit.closeFields"] }).count()) === 0) {
    await card.getByRole("button", { name: uk["edit.openFields"] }).click();
  }
  await card.locator('input[inputmode="decimal"]').first().fill(text);
}

/**
 * A CPU profile of the page (CDP Profiler, 100 µs sampling) from now to the returned function's call,
 * written to `file` (BENCH_CPU_PROFILE=dir: every save's; open in Chrome's DevTools).
 */
async function startProfile(page: Page): Promise<(file: string) => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  return async (file) => {
    const { profile } = await cdp.send("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    await cdp.detach();
  };
}

interface Round {
  editMs: number;
  /** Every save of one amount in the round (SAVES of them, one after another on the same page). */
  saves: { timing: SaveTiming; traffic: Traffic }[];
  wholeSaveMs: number;
  wholeTraffic: Traffic;
  /** A signed-in GET of a trivial API route from the page: the machine's floor for a round trip. */
  trivialMs: number;
}

async function round(browser: Browser, base: string, id: number, n: number): Promise<Round> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.request.post(`${base}/api/auth/login`, { data: LOGIN });
  const page = await context.newPage();
  const labels = { save: uk["edit.save"], saved: uk["edit.saved"] };
  try {
    await openProgramme(page, base, id);
    const editMs = await page.evaluate(clickAndPaint, "button[aria-pressed]");
    const saves: Round["saves"] = [];
    for (let k = 0; k < SAVES; k++) {
      if (k > 0) {
        // The notice of the save before is closed, so that the next one is the new save's.
        await page.getByRole("status").getByRole("button").click();
        await page.getByRole("status").waitFor({ state: "detached" });
        await page.evaluate(clickAndPaint, "button[aria-pressed]");
      }
      await typeAmount(page, "d1.1", `${100 + n},${k}`);
      const traffic = await watchTraffic(page);
      const profile = PROFILE_DIR ? await startProfile(page) : undefined;
      const timing = await page.evaluate(saveAndWait, labels);
      if (profile) await profile(`${PROFILE_DIR}/save-${n}-${k}.cpuprofile`);
      saves.push({ timing, traffic: await traffic() });
    }
    // Two projects changed: the whole programme is sent and loaded again (the path every save took before).
    await openProgramme(page, base, id);
    await page.evaluate(clickAndPaint, "button[aria-pressed]");
    await typeAmount(page, "d1.2", `${200 + n},${n % 10}`);
    await typeAmount(page, "d1.3", `${300 + n},${n % 10}`);
    const traffic = await watchTraffic(page);
    const wholeSaveMs = (await page.evaluate(saveAndWait, labels)).ms;
    const whole = await traffic();
    const trivialMs = await page.evaluate(trivialRoundTrip);
    return { editMs, saves, wholeSaveMs, wholeTraffic: whole, trivialMs };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  await productionBuild({});
  if (PROFILE_DIR) await mkdir(PROFILE_DIR, { recursive: true });
  const store = await openStore({ dataDir: ":memory:" });
  const programme = largeProgramme(PROJECTS);
  const { programmeId } = await store.saveImport(
    { programme, findings: validateProgramme(programme) },
    { name: "bench", sha256: "bench" },
  );
  const { katottg } = programme.community;
  await createUser(store, { ...LOGIN, displayName: "Bench", role: "head", katottg });
  const timed = timedStore(store);
  const app = buildApp({ store: timed.store });
  addServerTiming(app, timed);
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    const rounds: Round[] = [];
    for (let n = 0; n <= ROUNDS; n++) {
      const result = await round(browser, base, programmeId, n);
      if (n > 0) rounds.push(result); // the first round is a warm-up
    }
    const of = (pick: (each: Round) => number) => median(rounds.map(pick));
    const saves = rounds.flatMap((each) => each.saves);
    const ofSaves = (pick: (each: Round["saves"][number]) => number) => median(saves.map(pick));
    const saveMs = ofSaves((each) => each.timing.ms);
    const bytes = (value: number) => `${(value / 1024).toFixed(1)} KB`;
    console.log(`workspace, ${PROJECTS} projects, ${ROUNDS} rounds (medians):`);
    console.log(`  enter edit mode ${of((r) => r.editMs).toFixed(0)} ms`);
    console.log(
      `  one amount saved (PATCH), median of ${saves.length} saves: ${saveMs.toFixed(0)} ms (p90 ${percentile(
        saves.map((each) => each.timing.ms),
        90,
      ).toFixed(
        0,
      )} ms), sent ${bytes(ofSaves((each) => each.traffic.sent))}, received ${bytes(ofSaves((each) => each.traffic.received))}, ${ofSaves((each) => each.traffic.requests)} request(s)`,
    );
    const phase = (pick: (timing: SaveTiming) => number) => ofSaves((each) => pick(each.timing)).toFixed(1);
    console.log(
      `    the page before sending ${phase((t) => t.beforeRequest)} ms · waiting for the answer ${phase((t) => t.waiting)} ms (server: hooks and body ${phase((t) => t.server.pre ?? Number.NaN)}, SQL ${phase((t) => t.server.sql ?? Number.NaN)}, handler's own work and serialising ${phase((t) => t.server.app ?? Number.NaN)}, total ${phase((t) => t.server.total ?? Number.NaN)}) · download ${phase((t) => t.download)} ms · answer to painted notice ${phase((t) => t.afterAnswer)} ms`,
    );
    console.log(
      `  two projects saved (PUT + reload): ${of((r) => r.wholeSaveMs).toFixed(0)} ms (waiting for the server ${of((r) => r.wholeTraffic.waitMs).toFixed(0)} ms), sent ${bytes(of((r) => r.wholeTraffic.sent))}, received ${bytes(of((r) => r.wholeTraffic.received))}, ${of((r) => r.wholeTraffic.requests)} request(s)`,
    );
    console.log(`  a trivial API round trip from the page: ${of((r) => r.trivialMs).toFixed(1)} ms`);
    console.log(`  one amount saved ÷ trivial round trip: ${(saveMs / of((r) => r.trivialMs)).toFixed(1)}×`);
    checkGoals([
      { name: "enter edit mode (ms)", value: of((r) => r.editMs), goal: 100 },
      { name: "one amount saved, end to end (ms)", value: saveMs, goal: 150 },
      { name: "one amount saved, sent (KB)", value: ofSaves((each) => each.traffic.sent) / 1024, goal: 5 },
      {
        name: "one amount saved, received (KB)",
        value: ofSaves((each) => each.traffic.received) / 1024,
        goal: 5,
      },
    ]);
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
}

await main();
