/**
 * Soak test: the real server (child process) under mixed load from 50 concurrent clients on
 * loopback for SOAK_SECONDS (default 60): programme lists and reads, edits (one project by PATCH, a
 * share of whole-programme PUTs), and imports with idempotency keys. Each client pauses SOAK_THINK_MS
 * on average (default 2000; 0 for back-to-back requests) between its requests. Fails (exit 1) on any error response, on a lost submission (acknowledged writes
 * ≠ versions stored), or when memory grows: the median RSS of the last quarter of samples may exceed
 * the first quarter's by at most SOAK_RSS_GROWTH (default 1.3×) or 64 MB, whichever is larger.
 *
 *   npm run soak                       # 60 s on embedded PGlite in a temporary folder
 *   SOAK_SECONDS=1800 npm run soak     # the longer job
 *   DATABASE_URL=postgres://… npm run soak
 *   SOAK_CONNECTION_TIMING=1 npm run soak   # also how long each kind of request holds PGlite's connection
 */
import { readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Item, Programme } from "../src/domain/model.js";
import { openStore, type StoreOptions } from "../src/store/index.js";
import { createUser } from "../src/store/users.js";
import { postImport, type Session, signIn, startServer, stopServer } from "../test/reliability/server.js";
import { testDatabase } from "../test/support/db.js";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CLIENTS = Number(process.env.SOAK_CLIENTS ?? 50);
/** Mean pause between one client's requests (see docs/reliability.md, «Load and soak»); 0: none. */
const THINK_MS = Number(process.env.SOAK_THINK_MS ?? 2000);
/** Share of edits saved as the whole programme (PUT); the rest save one project (PATCH), as the web does. */
const PUT_SHARE = Number(process.env.SOAK_PUT_SHARE ?? 0.2);
const EDIT_ATTEMPTS = 20;
const RSS_GROWTH = Number(process.env.SOAK_RSS_GROWTH ?? 1.3);
const RSS_SLACK_BYTES = 64 * 1024 * 1024;
const SAMPLE_MS = 2000;
const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
const NAMES = ["romny-2026-2028.txt", "slobozhanska-2025-2027.txt", "starokostiantyniv-2026-2028.txt"];
const LOGIN = "soak-admin";
const PASSWORD = "soak-test-password-1";
/** PGlite only: measure the connection's turns per kind of request (bench/connection-timing.ts). */
const CONNECTION_TIMING = Boolean(process.env.SOAK_CONNECTION_TIMING) && !process.env.DATABASE_URL;

type Operation = "list" | "read" | "edit" | "import";
const MIX: [Operation, number][] = [
  ["list", 0.55],
  ["read", 0.3],
  ["edit", 0.1],
  ["import", 0.05],
];

interface Stats {
  latencies: Record<Operation, number[]>;
  errors: { operation: Operation; status: number; body: string }[];
  writesAcknowledged: number;
  /** Edits made on a version replaced meanwhile (409), then reloaded and made again. */
  conflicts: number;
}

function pick(): Operation {
  let roll = Math.random();
  for (const [operation, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return operation;
  }
  return "list";
}

interface Context {
  url: string;
  session: Session;
  ids: number[];
  texts: { name: string; text: string }[];
  stats: Stats;
  sequence: number;
}

async function fetchText(url: string, init: RequestInit): Promise<{ status: number; body: string }> {
  const response = await fetch(url, init);
  return { status: response.status, body: await response.text() };
}

interface Detail {
  programme: Programme;
  version: { version: number };
}

/** A project of the programme, picked at random (the web's workspace edits one project at a time). */
function someProject(programme: Programme): Item | undefined {
  const items = programme.directions.flatMap((direction) => direction.items);
  return items[Math.floor(Math.random() * items.length)];
}

/** The programme as the workspace loads it, then one project's title saved (PATCH) on that version. */
async function patchProject(context: Context, id: number): Promise<{ status: number; body: string }> {
  const { url, session } = context;
  const current = (await (
    await fetch(`${url}/api/programmes/${id}`, { headers: session.headers })
  ).json()) as Detail;
  const item = someProject(current.programme);
  if (!item) return { status: 0, body: "no project to edit" };
  const { id: itemId, children: _children, ...fields } = item;
  const title = `${fields.title.replace(/ \[soak \d+\]$/, "")} [soak ${context.sequence++}]`;
  return fetchText(`${url}/api/programmes/${id}/projects/${encodeURIComponent(itemId)}`, {
    method: "PATCH",
    headers: { ...session.headers, "content-type": "application/json" },
    body: JSON.stringify({
      baseVersion: current.version.version,
      project: { ...fields, title },
      note: "soak",
    }),
  });
}

/** The whole programme saved again (PUT), as the web does for edits across projects. */
async function putProgramme(context: Context, id: number): Promise<{ status: number; body: string }> {
  const { url, session } = context;
  const current = (await (
    await fetch(`${url}/api/programmes/${id}`, { headers: session.headers })
  ).json()) as Detail;
  const programme = {
    ...current.programme,
    title: `${current.programme.title.replace(/ \[soak \d+\]$/, "")} [soak ${context.sequence++}]`,
  };
  return fetchText(`${url}/api/programmes/${id}?note=soak&baseVersion=${current.version.version}`, {
    method: "PUT",
    headers: { ...session.headers, "content-type": "application/json" },
    body: JSON.stringify(programme),
  });
}

/**
 * An edit as a user makes it: load, change, save. A save made on a version another client
 * replaced meanwhile answers 409 and writes nothing; the web then reloads, and so does the soak
 * (counted in `conflicts`, the whole operation timed).
 */
async function edit(context: Context, id: number): Promise<{ status: number; body: string }> {
  const save = Math.random() < PUT_SHARE ? putProgramme : patchProject;
  for (let attempt = 1; ; attempt++) {
    const answer = await save(context, id);
    if (answer.status !== 409 || attempt === EDIT_ATTEMPTS) return answer;
    context.stats.conflicts++;
  }
}

async function request(context: Context, operation: Operation): Promise<void> {
  const { url, session, ids } = context;
  const id = ids[Math.floor(Math.random() * ids.length)] ?? 0;
  const started = performance.now();
  let answer: { status: number; body: string };
  if (operation === "list" || operation === "read") {
    const address = `${url}/api/programmes${operation === "read" ? `/${id}` : ""}`;
    answer = await fetchText(address, { headers: session.headers });
  } else if (operation === "edit") {
    answer = await edit(context, id);
  } else {
    const document = context.texts[context.sequence % context.texts.length] ?? { name: "", text: "" };
    const key = `soak-${process.pid}-${context.sequence++}`;
    // Each import is a write to count: a repeat of an unchanged document insists on its new version.
    const response = await postImport(url, session, document.text, document.name, key, {
      saveIdentical: true,
    });
    answer = { status: response.status, body: JSON.stringify(response.body) };
  }
  context.stats.latencies[operation].push(performance.now() - started);
  const { status, body } = answer;
  if (status >= 300 || status === 0)
    context.stats.errors.push({ operation, status, body: body.slice(0, 300) });
  else if (operation === "edit" || operation === "import") context.stats.writesAcknowledged++;
}

/** A pause between one user's requests: uniform over 0 … 2 × THINK_MS (mean THINK_MS). */
function think(): Promise<void> {
  return THINK_MS > 0 ? sleep(Math.random() * 2 * THINK_MS) : Promise.resolve();
}

async function client(context: Context, until: number): Promise<void> {
  while (Date.now() < until) {
    const operation = pick();
    try {
      await request(context, operation);
      await think();
    } catch (error) {
      context.stats.errors.push({ operation, status: 0, body: String(error) });
    }
  }
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kilobytes * 1024;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

async function versionsStored(url: string, session: Session): Promise<number> {
  const list = (await (await fetch(`${url}/api/programmes`, { headers: session.headers })).json()) as {
    versionCount: number;
  }[];
  return list.reduce((sum, summary) => sum + summary.versionCount, 0);
}

/** A temporary PGlite folder, or a fresh schema of DATABASE_URL's database (dropped afterwards). */
async function prepareDatabase(): Promise<{ options: StoreOptions; cleanup(): Promise<void> }> {
  const database = await testDatabase({ persistent: true });
  const store = await openStore(database.options);
  await createUser(store, { login: LOGIN, password: PASSWORD, displayName: "Soak", role: "admin" });
  await store.close();
  return { options: database.options, cleanup: () => database.drop() };
}

async function main(): Promise<void> {
  // The load is 50 clients on one address and one account: the server's rate limits would answer 429.
  process.env.INFOPROG_UPLOADS_PER_MINUTE ??= "100000";
  process.env.INFOPROG_REQUESTS_PER_MINUTE_PER_IP ??= "0";
  process.env.INFOPROG_REQUESTS_PER_MINUTE_PER_ACCOUNT ??= "0";
  const database = await prepareDatabase();
  const timingFile = path.join(tmpdir(), `soak-connection-${process.pid}.json`);
  // A loaded machine needs more than the tests' minute to compile and start the server.
  const server = await startServer(
    database.options,
    Number(process.env.SOAK_START_TIMEOUT_MS ?? 300_000),
    CONNECTION_TIMING ? { SOAK_CONNECTION_TIMING: timingFile } : {},
    CONNECTION_TIMING ? ["./bench/connection-timing.ts"] : [],
  );
  const pid = server.child.pid ?? 0;
  try {
    const session = await signIn(server.url, LOGIN, PASSWORD);
    const texts = await Promise.all(
      NAMES.map(async (name) => ({ name, text: await readFile(path.join(FIXTURES, name), "utf8") })),
    );
    for (const document of texts) await postImport(server.url, session, document.text, document.name);
    const list = (await (
      await fetch(`${server.url}/api/programmes`, { headers: session.headers })
    ).json()) as {
      id: number;
    }[];
    const versionsBefore = await versionsStored(server.url, session);
    const stats: Stats = {
      latencies: { list: [], read: [], edit: [], import: [] },
      errors: [],
      writesAcknowledged: 0,
      conflicts: 0,
    };
    const context: Context = {
      url: server.url,
      session,
      ids: list.map((each) => each.id),
      texts,
      stats,
      sequence: 0,
    };
    const samples: number[] = [await rssOf(pid)];
    const sampler = setInterval(() => {
      rssOf(pid).then(
        (rss) => samples.push(rss),
        () => {},
      );
    }, SAMPLE_MS);
    const loadBefore = loadavg()[0] ?? 0;
    const started = Date.now();
    const until = started + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, () => client(context, until)));
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;
    const versionsAfter = await versionsStored(server.url, session);
    const all = Object.values(stats.latencies).flat();
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const rssFirst = median(samples.slice(0, quarter));
    const rssLast = median(samples.slice(-quarter));
    const report = {
      seconds: Math.round(elapsed),
      clients: CLIENTS,
      thinkMeanMs: THINK_MS,
      loadAverageBefore: Number(loadBefore.toFixed(2)),
      loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
      requests: all.length,
      requestsPerSecond: Math.round(all.length / elapsed),
      errors: stats.errors.length,
      errorRate: stats.errors.length / Math.max(1, all.length),
      p50ms: Math.round(quantile(all, 0.5)),
      p99ms: Math.round(quantile(all, 0.99)),
      byOperation: Object.fromEntries(
        Object.entries(stats.latencies).map(([operation, values]) => [
          operation,
          {
            count: values.length,
            p50ms: Math.round(quantile(values, 0.5)),
            p99ms: Math.round(quantile(values, 0.99)),
          },
        ]),
      ),
      writesAcknowledged: stats.writesAcknowledged,
      editConflictsRetried: stats.conflicts,
      versionsAdded: versionsAfter - versionsBefore,
      rssFirstQuarterMb: Math.round(rssFirst / 2 ** 20),
      rssLastQuarterMb: Math.round(rssLast / 2 ** 20),
      rssSamples: samples.length,
    };
    console.log(JSON.stringify(report, null, 2));
    const problems: string[] = [];
    if (stats.errors.length > 0) problems.push(`errors: ${JSON.stringify(stats.errors.slice(0, 5))}`);
    if (report.versionsAdded !== stats.writesAcknowledged)
      problems.push("acknowledged writes ≠ versions stored");
    if (rssLast > Math.max(rssFirst * RSS_GROWTH, rssFirst + RSS_SLACK_BYTES)) problems.push("memory grew");
    if (problems.length > 0) {
      console.error(`SOAK FAILED: ${problems.join("; ")}\n${server.stderr().slice(-2000)}`);
      process.exitCode = 1;
    } else console.log("SOAK OK");
  } finally {
    await stopServer(server);
    await database.cleanup();
  }
  if (CONNECTION_TIMING) {
    console.log(JSON.stringify(connectionTiming(await readFile(timingFile, "utf8")), null, 2));
    await rm(timingFile, { force: true });
  }
}

interface RequestTurns {
  kind: string;
  turns: number;
  waitedMs: number;
  heldMs: number;
  inStatementsMs: number;
  cpuMs: number;
  statements: number;
}

/** Per kind of request: the connection's held time, and what filled it, per request. */
function connectionTiming(json: string) {
  const requests = JSON.parse(json) as RequestTurns[];
  const kinds = [...new Set(requests.map((each) => each.kind))].sort();
  const mean = (values: number[]) =>
    values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    connectionPerRequest: Object.fromEntries(
      kinds.map((kind) => {
        const of = requests.filter((each) => each.kind === kind);
        const held = of.map((each) => each.heldMs);
        return [
          kind,
          {
            count: of.length,
            heldMeanMs: round(mean(held)),
            heldP50Ms: round(quantile(held, 0.5)),
            heldP99Ms: round(quantile(held, 0.99)),
            inStatementsMeanMs: round(mean(of.map((each) => each.inStatementsMs))),
            cpuWhileHeldMeanMs: round(mean(of.map((each) => each.cpuMs))),
            statementsMean: round(mean(of.map((each) => each.statements))),
            turnsMean: round(mean(of.map((each) => each.turns))),
            waitedP50Ms: round(
              quantile(
                of.map((each) => each.waitedMs),
                0.5,
              ),
            ),
            waitedP99Ms: round(
              quantile(
                of.map((each) => each.waitedMs),
                0.99,
              ),
            ),
          },
        ];
      }),
    ),
    heldTotalMs: Math.round(requests.reduce((sum, each) => sum + each.heldMs, 0)),
  };
}

await main();
