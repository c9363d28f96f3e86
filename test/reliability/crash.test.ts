/**
 * Durability: the server is SIGKILLed in the middle of a batch of imports, restarted on the same
 * database, and every import is retried with its Idempotency-Key. Afterwards the database must be
 * consistent — versions 1..n without gaps, normalized rows equal to the latest version's document,
 * no orphan rows — and every key must map to exactly one stored version, the acknowledged ones to
 * the version the client was told about. The batch repeats the fixtures, so every import insists on
 * its new version (`saveIdentical`): otherwise a repeat is answered "identical" and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { createUser } from "../../src/store/users.js";
import { FIXTURE_NAMES, readFixture } from "../fuzz/support.js";
import { type TestDatabase, testDatabase } from "../support/db.js";
import { expectNoOrphans, expectNormalizedRowsMatch, expectVersionsWithoutGaps } from "./consistency.js";
import {
  type ImportResponse,
  postImport,
  type ServerProcess,
  signIn,
  startServer,
  stopServer,
} from "./server.js";

const REQUESTS = 40;
const LOGIN = "crash-admin";
const PASSWORD = "crash-test-password-1";

interface Sent {
  key: string;
  name: string;
  text: string;
  response?: ImportResponse;
}

function batch(): Sent[] {
  return Array.from({ length: REQUESTS }, (_, index) => {
    const name = FIXTURE_NAMES[index % FIXTURE_NAMES.length] ?? "";
    return { key: `crash-key-${index}`, name, text: readFixture(name) };
  });
}

/** Fires every request at once; SIGKILLs the server once `killAfter` have been answered. */
async function fireAndKill(server: ServerProcess, sent: Sent[], killAfter: number): Promise<void> {
  const session = await signIn(server.url, LOGIN, PASSWORD);
  let answered = 0;
  await Promise.allSettled(
    sent.map(async (request) => {
      const response = await postImport(server.url, session, request.text, request.name, request.key, {
        saveIdentical: true,
      });
      if (response.status < 300) request.response = response;
      answered++;
      if (answered === killAfter) server.child.kill("SIGKILL");
    }),
  );
}

describe("crash and retry", () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await testDatabase({ persistent: true });
    const store = await openStore(database.options);
    await createUser(store, {
      login: LOGIN,
      password: PASSWORD,
      displayName: "Адміністратор",
      role: "admin",
    });
    await store.close();
  }, 60_000);

  afterAll(async () => {
    if (server) await stopServer(server, "SIGKILL");
    await database.drop();
  });

  it("a SIGKILL mid-batch loses nothing acknowledged, and retries with the same keys add no duplicates", async () => {
    const sent = batch();
    server = await startServer(database.options);
    await fireAndKill(server, sent, 4);
    const acknowledged = sent.filter((request) => request.response);
    expect(acknowledged.length).toBeGreaterThanOrEqual(3);
    expect(acknowledged.length).toBeLessThan(REQUESTS);

    server = await startServer(database.options);
    const session = await signIn(server.url, LOGIN, PASSWORD);
    const retried: ImportResponse[] = [];
    for (const request of sent)
      retried.push(
        await postImport(server.url, session, request.text, request.name, request.key, {
          saveIdentical: true,
        }),
      );
    const again = await postImport(
      server.url,
      session,
      sent[0]?.text ?? "",
      sent[0]?.name ?? "",
      sent[0]?.key,
      { saveIdentical: true },
    );
    await stopServer(server);
    server = undefined;

    expect(retried.map((response) => response.status < 300)).toEqual(sent.map(() => true));
    sent.forEach((request, index) => {
      if (!request.response) return;
      expect(retried[index]?.replayed).toBe(true);
      expect(retried[index]?.body).toEqual(request.response.body);
    });
    expect(again.replayed).toBe(true);

    const store = await openStore(database.options);
    try {
      await expectVersionsWithoutGaps(store);
      await expectNormalizedRowsMatch(store);
      await expectNoOrphans(store);
      const keys = await store
        .kysely()
        .selectFrom("idempotency_keys")
        .select(["programme_id", "version"])
        .where("key", "like", "crash-%")
        .execute();
      expect(keys).toHaveLength(REQUESTS);
      expect(new Set(keys.map((row) => `${row.programme_id}:${row.version}`)).size).toBe(REQUESTS);
      const imports = await store
        .kysely()
        .selectFrom("programme_versions")
        .select("id")
        .where("kind", "=", "import")
        .where("source_name", "in", FIXTURE_NAMES)
        .execute();
      expect(imports).toHaveLength(REQUESTS);
      const committedUnanswered = retried.filter(
        (response, index) => response.replayed && !sent[index]?.response,
      );
      console.log(
        `crash test: ${REQUESTS} imports, ${acknowledged.length} acknowledged before SIGKILL, ${committedUnanswered.length} committed but unanswered, all ${REQUESTS} stored exactly once after retry`,
      );
    } finally {
      await store.close();
    }
  }, 300_000);
});
