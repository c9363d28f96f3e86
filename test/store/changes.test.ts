import { sql } from "kysely";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { openStore, type Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { changeStatus } from "../../src/store/publication.js";
import { type TestDatabase, testDatabase } from "../support/db.js";

const opened: Store[] = [];
let database: TestDatabase | undefined;

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  await database?.drop();
  database = undefined;
});

async function open(): Promise<Store> {
  database ??= await testDatabase();
  const store = await openStore(database.options);
  opened.push(store);
  return store;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("DataChanges", () => {
  it("moves on this process's writes, not on its reads", async () => {
    const store = await open();
    const db = store.kysely();
    const before = store.changes.generation;
    await db.selectFrom("programmes").selectAll().execute();
    await sql`select count(*) from communities`.execute(db);
    expect(store.changes.generation).toBe(before);
    await db.insertInto("communities").values({ katottg: "UA01", name: "Перша" }).execute();
    const afterInsert = store.changes.generation;
    expect(afterInsert).toBeGreaterThan(before);
    await sql`update communities set population = 10 where katottg = 'UA01'`.execute(db);
    expect(store.changes.generation).toBeGreaterThan(afterInsert);
  });

  it("an open-data ETag moves at once after a write in the same process", async () => {
    const store = await open();
    const app = buildApp({ store, webDist: "/nonexistent", logger: false });
    const first = await app.inject("/api/v1/programmes");
    await loadProgrammes(store.kysely(), generateNation({ seed: 3, communities: 2 }));
    const second = await app.inject({
      url: "/api/v1/programmes",
      headers: { "if-none-match": String(first.headers.etag) },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().data).toHaveLength(2);
    await app.close();
  });

  it.runIf(process.env.DATABASE_URL)(
    "hears another process's writes through PostgreSQL NOTIFY, and the ETag follows",
    async () => {
      const reader = await open();
      const writer = await open();
      const app = buildApp({ store: reader, webDist: "/nonexistent", logger: false });
      const first = await app.inject("/api/v1/programmes");
      await until(() => reader.changes.maxAgeMs > 1_000, "the LISTEN connection");
      const heard = reader.changes.generation;
      await loadProgrammes(writer.kysely(), generateNation({ seed: 4, communities: 1 }));
      await until(() => reader.changes.generation > heard, "the notification");
      const second = await app.inject({
        url: "/api/v1/programmes",
        headers: { "if-none-match": String(first.headers.etag) },
      });
      expect(second.statusCode).toBe(200);
      expect(second.json().data).toHaveLength(1);
      await app.close();
    },
  );

  it.runIf(process.env.DATABASE_URL)(
    "a national answer kept ready in one process changes when another process publishes",
    async () => {
      const reader = await open();
      const writer = await open();
      const nation = [...generateNation({ seed: 7, communities: 2 })];
      await loadProgrammes(writer.kysely(), nation.slice(0, 1));
      await loadProgrammes(writer.kysely(), nation.slice(1), { status: "adopted" });
      const app = buildApp({ store: reader, webDist: "/nonexistent", logger: false });
      const national = async () => (await app.inject("/api/v1/national?year=2026")).json().communities;
      expect(await national()).toBe(1);
      await until(() => reader.changes.maxAgeMs > 1_000, "the LISTEN connection");
      expect([await national(), await national()]).toEqual([1, 1]);
      const { id } = await writer
        .kysely()
        .selectFrom("programmes")
        .select("id")
        .where("status", "=", "adopted")
        .executeTakeFirstOrThrow();
      expect((await changeStatus(writer, id, "published", null, "test")).outcome).toBe("changed");
      // Well within the minute a heard process trusts a ready answer: the NOTIFY moved it on.
      await vi.waitFor(async () => expect(await national()).toBe(2), { timeout: 5_000, interval: 50 });
      await app.close();
    },
  );
});
