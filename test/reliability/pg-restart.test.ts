/**
 * A PostgreSQL restart under load: the real server (`src/api/main.ts`) on a private cluster of the
 * test's own, 8 clients importing and reading, `pg_ctl restart -m fast` in the middle (every backend
 * ends with FATAL 57P01). The process must survive; requests fail with 503 while the database is
 * down and work again after; no version is half-written, and every import retried with its
 * Idempotency-Key is stored exactly once. Part of the PostgreSQL suite (`npm run test:pg`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import { openStore, sha256 } from "../../src/store/index.js";
import { createUser } from "../../src/store/users.js";
import { FIXTURE_NAMES, readFixture } from "../fuzz/support.js";
import { expectNoOrphans, expectNormalizedRowsMatch, expectVersionsWithoutGaps } from "./consistency.js";
import { createPrivateCluster, type PrivateCluster, postgresBinaries } from "./private-postgres.js";
import {
  type ImportResponse,
  postImport,
  type ServerProcess,
  type Session,
  signIn,
  startServer,
  stopServer,
} from "./server.js";

/** The clients import the same fixtures again and again; each import is to be stored as a version. */
const INSIST = { saveIdentical: true };

const CLIENTS = 8;
const LOGIN = "restart-admin";
const PASSWORD = "restart-test-password-1";
const BIN = postgresBinaries();

interface Sent {
  key: string;
  name: string;
  response?: ImportResponse;
}

/** Every answer the clients got, by status; "network" when no HTTP answer came at all. */
class Answers {
  readonly counts = new Map<string, number>();
  readonly imports: Sent[] = [];

  add(status: number | "network"): void {
    this.counts.set(String(status), (this.counts.get(String(status)) ?? 0) + 1);
  }

  count(status: string): number {
    return this.counts.get(status) ?? 0;
  }

  importsStored(): number {
    return this.imports.filter((sent) => sent.response && sent.response.status < 300).length;
  }

  unexpected(): string[] {
    return [...this.counts.keys()].filter((status) => !["200", "201", "503"].includes(status));
  }
}

async function get(server: ServerProcess, session: Session, path: string): Promise<number> {
  const response = await fetch(`${server.url}${path}`, { headers: session.headers });
  await response.arrayBuffer();
  return response.status;
}

/** One client: imports (fresh key each) and reads, until `running()` turns false. */
async function client(
  server: ServerProcess,
  session: Session,
  answers: Answers,
  index: number,
  running: () => boolean,
): Promise<void> {
  for (let turn = 0; running(); turn++) {
    try {
      if ((turn + index) % 3 === 0) {
        const name = FIXTURE_NAMES[(Math.floor(turn / 3) + index) % FIXTURE_NAMES.length] ?? "";
        const sent: Sent = { key: `restart-${index}-${turn}`, name };
        answers.imports.push(sent);
        sent.response = await postImport(server.url, session, readFixture(name), name, sent.key, INSIST);
        answers.add(sent.response.status);
      } else {
        answers.add(await get(server, session, turn % 2 === 0 ? "/api/programmes" : "/api/programmes/1"));
      }
    } catch {
      answers.add("network");
    }
  }
}

/** Polls `check`; fails at once, with its stderr, when the server process has ended meanwhile. */
async function waitUntil(
  server: ServerProcess,
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 300_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(
        `the server exited (${server.child.exitCode ?? server.child.signalCode}) while waiting until ${what}:\n${server.stderr().slice(-3000)}`,
      );
    }
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe.runIf(process.env.DATABASE_URL)("a PostgreSQL restart under load", () => {
  if (!BIN) {
    it.skip("skipped: no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin", () => {});
    return;
  }

  let cluster: PrivateCluster;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    cluster = await createPrivateCluster(BIN);
    const store = await openStore({ databaseUrl: cluster.url });
    await createUser(store, {
      login: LOGIN,
      password: PASSWORD,
      displayName: "Адміністратор",
      role: "admin",
    });
    // Programme 1, which the clients read.
    const name = FIXTURE_NAMES[0] ?? "";
    const bytes = Buffer.from(readFixture(name));
    await store.saveImport(await importDocument(bytes, name), { name, sha256: sha256(bytes) });
    await store.close();
  }, 180_000);

  afterAll(async () => {
    if (server) await stopServer(server, "SIGKILL");
    cluster?.destroy();
  });

  it("the process survives, answers 503 while the database is down, and loses or halves nothing", async () => {
    server = await startServer({ databaseUrl: cluster.url }, 120_000, {
      INFOPROG_DEMO: "0",
      INFOPROG_UPLOADS_PER_MINUTE: "100000",
      INFOPROG_REQUESTS_PER_MINUTE_PER_IP: "0",
      INFOPROG_REQUESTS_PER_MINUTE_PER_ACCOUNT: "0",
    });
    const live = server;
    const session = await signIn(live.url, LOGIN, PASSWORD);
    const answers = new Answers();
    let running = true;
    const clients = Array.from({ length: CLIENTS }, (_, index) =>
      client(live, session, answers, index, () => running),
    );

    await waitUntil(live, async () => answers.importsStored() >= CLIENTS, "load runs");
    await cluster.restart();
    const afterRestart = answers.importsStored();
    await waitUntil(
      live,
      async () => answers.importsStored() >= afterRestart + CLIENTS,
      "imports work again",
    );
    running = false;
    await Promise.all(clients);

    expect(live.child.exitCode, live.stderr()).toBeNull();
    expect(answers.count("network"), "requests without an HTTP answer").toBe(0);
    expect(answers.unexpected(), JSON.stringify([...answers.counts])).toEqual([]);
    expect(answers.count("503"), "requests cut by the restart").toBeGreaterThan(0);

    // While the database is down every request is a 503 with the usual error body.
    await cluster.stop();
    const down = await fetch(`${live.url}/api/programmes`, { headers: session.headers });
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("5");
    expect(await down.json()).toEqual({ error: expect.stringMatching(/База даних тимчасово недоступна/) });
    const name = FIXTURE_NAMES[1] ?? "";
    const refused = await postImport(live.url, session, readFixture(name), name, "restart-down", INSIST);
    expect(refused.status).toBe(503);
    await cluster.start();
    await waitUntil(
      live,
      async () => (await get(live, session, "/api/programmes")) === 200,
      "reads work again",
    );

    // Every import retried with its key: the acknowledged ones replay, the cut ones land once.
    const sent = [...answers.imports, { key: "restart-down", name, response: refused }];
    for (const request of sent) {
      const retried = await postImport(
        live.url,
        session,
        readFixture(request.name),
        request.name,
        request.key,
        INSIST,
      );
      expect(retried.status, `${request.key}: ${JSON.stringify(retried.body)}`).toBeLessThan(300);
      if (request.response && request.response.status < 300) {
        expect(retried.replayed).toBe(true);
        expect(retried.body).toEqual(request.response.body);
      }
    }
    expect(live.child.exitCode, live.stderr()).toBeNull();
    await stopServer(live);
    server = undefined;

    const store = await openStore({ databaseUrl: cluster.url });
    try {
      await expectVersionsWithoutGaps(store);
      await expectNormalizedRowsMatch(store);
      await expectNoOrphans(store);
      const keys = await store
        .kysely()
        .selectFrom("idempotency_keys")
        .select(["programme_id", "version"])
        .where("key", "like", "restart-%")
        .execute();
      expect(keys).toHaveLength(sent.length);
      expect(new Set(keys.map((row) => `${row.programme_id}:${row.version}`)).size).toBe(sent.length);
      const imports = await store
        .kysely()
        .selectFrom("programme_versions")
        .select("id")
        .where("kind", "=", "import")
        .execute();
      // The one import made before the server started, plus one per key.
      expect(imports).toHaveLength(sent.length + 1);
      console.log(
        `PostgreSQL restart under load: ${[...answers.counts].map(([status, n]) => `${status}×${n}`).join(", ")}; ${sent.length} imports stored once each after retry`,
      );
    } finally {
      await store.close();
    }
  }, 600_000);
});
