/**
 * Backup and restore round trip: a populated database (the three real programmes, edits, several
 * versions, a status change, a user, idempotency keys) is dumped, restored into an empty database,
 * and every row of every table is compared. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import {
  BackupError,
  backupDatabase,
  describeTables,
  restoreDatabase,
  tableRows,
} from "../../src/store/backup.js";
import { openStore, type Store, sha256 } from "../../src/store/index.js";
import { createUser } from "../../src/store/users.js";
import { FIXTURE_NAMES, readFixture } from "../fuzz/support.js";
import { type TestDatabase, testDatabase } from "../support/db.js";

interface Opened {
  store: Store;
  database: TestDatabase;
}

async function open(): Promise<Opened> {
  const database = await testDatabase();
  return { store: await openStore(database.options), database };
}

async function close(opened: Opened | undefined): Promise<void> {
  await opened?.store.close();
  await opened?.database.drop();
}

async function populate(store: Store): Promise<void> {
  const user = await createUser(store, {
    login: "backup-admin",
    password: "correct horse battery staple",
    displayName: "Адміністратор",
    role: "admin",
  });
  for (const name of FIXTURE_NAMES) {
    const bytes = Buffer.from(readFixture(name));
    const result = await importDocument(bytes, name);
    const source = { name, sha256: sha256(bytes) };
    const first = await store.saveImport(
      result,
      source,
      { userId: user.id },
      { key: `k-${name}`, requestSha256: "x" },
    );
    await store.saveImport(result, source, null, { key: `k-${name}`, requestSha256: "x" });
    const edited = structuredClone(result.programme);
    edited.title = `${edited.title} (редаговано)`;
    edited.directions[0]?.items.pop();
    await store.saveEdit(first.programmeId, edited, result.findings, "правка перед резервною копією");
    await store.saveImport(result, source);
  }
  const [first] = await store.listProgrammes();
  if (first) await store.setStatus(first.id, "published");
}

/** Every row of every data table, as the database renders it, by table. */
async function snapshot(store: Store): Promise<Map<string, string[]>> {
  const db = store.kysely();
  const out = new Map<string, string[]>();
  for (const table of await describeTables(db)) {
    const rows: string[] = [];
    for await (const row of tableRows(db, table)) rows.push(row);
    out.set(table.name, rows);
  }
  return out;
}

describe("backup and restore", () => {
  let source: Opened;
  let target: Opened | undefined;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "infoprog-backup-"));
    file = path.join(dir, "backup.jsonl.gz");
    source = await open();
    await populate(source.store);
  }, 120_000);

  afterAll(async () => {
    await close(source);
    await close(target);
    await rm(dir, { recursive: true, force: true });
  });

  it("restores every row of every table exactly", async () => {
    const summary = await backupDatabase(source.store.kysely(), file);
    target = await open();
    const restored = await restoreDatabase(target.store.kysely(), file);
    expect(restored).toEqual(summary);
    const before = await snapshot(source.store);
    const after = await snapshot(target.store);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
    const total = [...before.values()].reduce((sum, rows) => sum + rows.length, 0);
    expect(total).toBe(summary.rows);
    for (const table of ["programme_versions", "funding_rows", "users", "audit_log", "idempotency_keys"]) {
      expect(before.get(table)?.length ?? 0, table).toBeGreaterThan(0);
    }
    console.log(`backup round trip: ${summary.tables} tables, ${summary.rows} rows compared`);
  }, 120_000);

  it("the restored store reads the same programmes and keeps writing after them", async () => {
    if (!target) throw new Error("restore test did not run");
    const list = await source.store.listProgrammes();
    expect(await target.store.listProgrammes()).toEqual(list);
    for (const summary of list) {
      expect(await target.store.getProgramme(summary.id)).toEqual(
        await source.store.getProgramme(summary.id),
      );
    }
    const name = FIXTURE_NAMES[0] ?? "";
    const bytes = Buffer.from(readFixture(name));
    const saved = await target.store.saveImport(await importDocument(bytes, name), {
      name,
      sha256: sha256(bytes),
    });
    const before = list.find((summary) => summary.id === saved.programmeId);
    expect(saved.version).toBe((before?.latestVersion ?? 0) + 1);
    const replay = await target.store.saveImport(
      await importDocument(bytes, name),
      { name, sha256: "" },
      null,
      {
        key: `k-${name}`,
        requestSha256: "x",
      },
    );
    expect(replay.replayed).toBe(true);
  }, 120_000);

  it("refuses a database that holds data unless forced", async () => {
    if (!target) throw new Error("restore test did not run");
    await expect(restoreDatabase(target.store.kysely(), file)).rejects.toThrow(BackupError);
    await restoreDatabase(target.store.kysely(), file, { force: true });
    const before = await snapshot(source.store);
    const after = await snapshot(target.store);
    for (const [table, rows] of before) expect(after.get(table), table).toEqual(rows);
  }, 120_000);

  it("refuses a truncated backup and leaves the database empty", async () => {
    const lines = gunzipSync(await readFile(file))
      .toString("utf8")
      .split("\n");
    const truncated = path.join(dir, "truncated.jsonl.gz");
    await writeFile(truncated, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
    const empty = await open();
    try {
      await expect(restoreDatabase(empty.store.kysely(), truncated)).rejects.toThrow(BackupError);
      expect(await empty.store.listProgrammes()).toEqual([]);
    } finally {
      await close(empty);
    }
  }, 120_000);
});
