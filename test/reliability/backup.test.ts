/**
 * Backup and restore round trip: a populated database (the three real programmes, edits, several
 * versions, a status change, a user and their session, idempotency keys) is dumped, restored into
 * an empty database, and every row of every table is compared — values and which columns are SQL
 * NULL — except sessions, which a backup leaves out. Runs on PGlite, and on PostgreSQL with
 * DATABASE_URL.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import { createSession } from "../../src/store/auth.js";
import {
  BackupError,
  backupDatabase,
  describeTables,
  restoreDatabase,
  type TableInfo,
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
  await createSession(store, user);
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

/**
 * Which columns of each row are SQL NULL, in primary-key order: the rows' JSON alone cannot tell an
 * SQL NULL from a JSON null in a jsonb column.
 */
async function nullColumns(store: Store, table: TableInfo): Promise<string[]> {
  const db = store.kysely();
  let query = db
    .selectFrom(`${table.name} as r` as never)
    .select(
      sql<string>`concat_ws(',', ${sql.join(table.columns.map((column) => sql`case when ${sql.ref(`r.${column}`)} is null then ${column}::text end`))})`.as(
        "nulls",
      ),
    );
  for (const column of table.key.length > 0 ? table.key : table.columns)
    query = query.orderBy(sql.ref(`r.${column}`));
  return (await query.execute()).map((row) => (row as { nulls: string }).nulls);
}

/** Every row of every data table, as the database renders it and with its SQL NULLs, by table. */
async function snapshot(store: Store): Promise<Map<string, string[]>> {
  const db = store.kysely();
  const out = new Map<string, string[]>();
  for (const table of await describeTables(db)) {
    const rows: string[] = [];
    for await (const row of tableRows(db, table)) rows.push(row);
    const nulls = await nullColumns(store, table);
    out.set(
      table.name,
      rows.map((row, index) => `${row} nulls: ${nulls[index]}`),
    );
  }
  return out;
}

/** A backup leaves the sessions out; every other table must come back as it was. */
function withoutSessions(tables: Map<string, string[]>): Map<string, string[]> {
  return new Map([...tables].filter(([table]) => table !== "sessions"));
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

  it("restores every row of every table exactly, JSON nulls included, and leaves sessions out", async () => {
    const summary = await backupDatabase(source.store.kysely(), file);
    target = await open();
    const restored = await restoreDatabase(target.store.kysely(), file);
    expect(restored).toEqual(summary);
    const before = await snapshot(source.store);
    const after = await snapshot(target.store);
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect(before.get("sessions")).toHaveLength(1);
    expect(after.get("sessions")).toEqual([]);
    for (const [table, rows] of withoutSessions(before)) expect(after.get(table), table).toEqual(rows);
    const total = [...withoutSessions(before).values()].reduce((sum, rows) => sum + rows.length, 0);
    expect(total).toBe(summary.rows);
    for (const table of ["programme_versions", "funding_rows", "users", "audit_log", "idempotency_keys"]) {
      expect(before.get(table)?.length ?? 0, table).toBeGreaterThan(0);
    }
    // The audit rows of the first imports have before = JSON null, which must stay JSON null.
    const jsonNulls = sql<{
      count: number;
    }>`select count(*)::int as count from audit_log where jsonb_typeof(before) = 'null'`;
    const sourceNulls = (await jsonNulls.execute(source.store.kysely())).rows[0]?.count ?? 0;
    expect(sourceNulls).toBeGreaterThan(0);
    expect((await jsonNulls.execute(target.store.kysely())).rows[0]?.count).toBe(sourceNulls);
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
    // The latest version already holds this document: insist on the new version this test counts on.
    const saved = await target.store.saveImport(
      await importDocument(bytes, name),
      { name, sha256: sha256(bytes) },
      null,
      undefined,
      { saveIdentical: true },
    );
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
    for (const [table, rows] of withoutSessions(before)) expect(after.get(table), table).toEqual(rows);
  }, 120_000);

  it("writes the backup readable by its owner only, with no session in it", async () => {
    const existing = path.join(dir, "existing.jsonl.gz");
    await writeFile(existing, "an older backup", { mode: 0o644 });
    await backupDatabase(source.store.kysely(), existing);
    for (const each of [file, existing]) expect((await stat(each)).mode & 0o777, each).toBe(0o600);
    const text = gunzipSync(await readFile(existing)).toString("utf8");
    expect(text).not.toMatch(/"table":"sessions"/);
    const [session] = await source.store
      .kysely()
      .selectFrom("sessions" as never)
      .select("id" as never)
      .execute();
    expect(text).not.toContain((session as { id: string } | undefined)?.id ?? "no session");
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
