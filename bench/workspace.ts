/**
 * A 300-project programme in the staff workspace, in headless Chromium on localhost: entering edit
 * mode, and saving one changed amount from the click on Save to the saved notice on screen, with the
 * bytes of that request and its answer on the wire (CDP network events). For comparison, the same
 * save of two projects (the whole programme PUT and loaded again). A fresh page per round.
 * Goals (issue 13): edit mode < 100 ms; one saved amount < 150 ms and < 5 KB each way.
 * Needs /usr/bin/chromium. BENCH_ROUNDS (default 7), BENCH_PROJECTS (default 300), BENCH_QUICK=1 for CI.
 */
import { type Browser, chromium, type Page } from "playwright-core";
import { productionBuild } from "../scripts/check-bundle.js";
import { buildApp } from "../src/api/app.js";
import { validateProgramme } from "../src/domain/validate.js";
import { openStore } from "../src/store/index.js";
import { createUser } from "../src/store/users.js";
import { uk } from "../web/src/i18n/uk.js";
import { checkGoals, median } from "./goals.js";
import { largeProgramme } from "./workspace-data.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (process.env.BENCH_QUICK ? 3 : 7));
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 300);
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

/**
 * Runs in the page: clicks Save and waits for the frame that shows the saved notice. (No named inner
 * functions: tsx would wrap them in a helper the page does not have.)
 */
function saveAndWait(labels: { save: string; saved: string }): Promise<number> {
  const button = [...document.querySelectorAll("button")].find((each) => each.textContent === labels.save);
  if (!button) throw new Error("no Save button");
  const start = performance.now();
  return new Promise((resolve) => {
    new MutationObserver((_records, observer) => {
      if (!document.body.textContent?.includes(labels.saved)) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
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
  await card.getByRole("button", { name: uk["edit.openFields"] }).click();
  await card.locator('input[inputmode="decimal"]').first().fill(text);
}

interface Round {
  editMs: number;
  saveMs: number;
  traffic: Traffic;
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
    await typeAmount(page, "d1.1", `${100 + n},${n % 10}`);
    let traffic = await watchTraffic(page);
    const saveMs = await page.evaluate(saveAndWait, labels);
    const one = await traffic();
    // Two projects changed: the whole programme is sent and loaded again (the path every save took before).
    await openProgramme(page, base, id);
    await page.evaluate(clickAndPaint, "button[aria-pressed]");
    await typeAmount(page, "d1.2", `${200 + n},${n % 10}`);
    await typeAmount(page, "d1.3", `${300 + n},${n % 10}`);
    traffic = await watchTraffic(page);
    const wholeSaveMs = await page.evaluate(saveAndWait, labels);
    const whole = await traffic();
    const trivialMs = await page.evaluate(trivialRoundTrip);
    return { editMs, saveMs, traffic: one, wholeSaveMs, wholeTraffic: whole, trivialMs };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  await productionBuild({});
  const store = await openStore({ dataDir: ":memory:" });
  const programme = largeProgramme(PROJECTS);
  const { programmeId } = await store.saveImport(
    { programme, findings: validateProgramme(programme) },
    { name: "bench", sha256: "bench" },
  );
  const { katottg } = programme.community;
  await createUser(store, { ...LOGIN, displayName: "Bench", role: "head", katottg });
  const app = buildApp({ store });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
  try {
    const rounds: Round[] = [];
    for (let n = 0; n <= ROUNDS; n++) {
      const result = await round(browser, base, programmeId, n);
      if (n > 0) rounds.push(result); // the first round is a warm-up
    }
    const of = (pick: (each: Round) => number) => median(rounds.map(pick));
    const bytes = (value: number) => `${(value / 1024).toFixed(1)} KB`;
    console.log(`workspace, ${PROJECTS} projects, ${ROUNDS} rounds (medians):`);
    console.log(`  enter edit mode ${of((r) => r.editMs).toFixed(0)} ms`);
    console.log(
      `  one amount saved (PATCH): ${of((r) => r.saveMs).toFixed(0)} ms (waiting for the server ${of((r) => r.traffic.waitMs).toFixed(0)} ms), sent ${bytes(of((r) => r.traffic.sent))}, received ${bytes(of((r) => r.traffic.received))}, ${of((r) => r.traffic.requests)} request(s)`,
    );
    console.log(
      `  two projects saved (PUT + reload): ${of((r) => r.wholeSaveMs).toFixed(0)} ms (waiting for the server ${of((r) => r.wholeTraffic.waitMs).toFixed(0)} ms), sent ${bytes(of((r) => r.wholeTraffic.sent))}, received ${bytes(of((r) => r.wholeTraffic.received))}, ${of((r) => r.wholeTraffic.requests)} request(s)`,
    );
    console.log(`  a trivial API round trip from the page: ${of((r) => r.trivialMs).toFixed(1)} ms`);
    console.log(
      `  one amount saved ÷ trivial round trip: ${(of((r) => r.saveMs) / of((r) => r.trivialMs)).toFixed(1)}×`,
    );
    checkGoals([
      { name: "enter edit mode (ms)", value: of((r) => r.editMs), goal: 100 },
      { name: "one amount saved, end to end (ms)", value: of((r) => r.saveMs), goal: 150 },
      { name: "one amount saved, sent (KB)", value: of((r) => r.traffic.sent) / 1024, goal: 5 },
      { name: "one amount saved, received (KB)", value: of((r) => r.traffic.received) / 1024, goal: 5 },
    ]);
  } finally {
    await browser.close();
    await app.close();
    await store.close();
  }
}

await main();
