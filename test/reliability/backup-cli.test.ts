/** `infoprog backup` and `infoprog restore` as a user runs them: exit codes, messages, the data. */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import { openStore, type StoreOptions, sha256 } from "../../src/store/index.js";
import { FIXTURE_NAMES, readFixture } from "../fuzz/support.js";
import { type TestDatabase, testDatabase } from "../support/db.js";
import { databaseEnv } from "./server.js";

function cli(options: StoreOptions, ...args: string[]) {
  // The installed command: compiled when the build is current, else the sources through tsx.
  const run = spawnSync(process.execPath, ["bin/infoprog.js", ...args], {
    env: { ...process.env, ...databaseEnv(options) },
    encoding: "utf8",
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function titles(options: StoreOptions): Promise<string[]> {
  const store = await openStore(options);
  try {
    return (await store.listProgrammes()).map((summary) => summary.title).sort();
  } finally {
    await store.close();
  }
}

describe("infoprog backup / restore", () => {
  const databases: TestDatabase[] = [];
  let dir = "";

  afterAll(async () => {
    for (const database of databases) await database.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("backs up, restores into an empty database, refuses a full one unless --force", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "infoprog-cli-backup-"));
    const file = path.join(dir, "copy.jsonl.gz");
    const source = await testDatabase({ persistent: true });
    // Empty, never opened: restore must set up a database from nothing.
    const target = await testDatabase({ persistent: true, empty: true });
    databases.push(source, target);
    const store = await openStore(source.options);
    for (const name of FIXTURE_NAMES) {
      const bytes = Buffer.from(readFixture(name));
      await store.saveImport(await importDocument(bytes, name), { name, sha256: sha256(bytes) });
    }
    await store.close();

    const backup = cli(source.options, "backup", file);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Резервну копію збережено: .*рядків: \d+/);
    const restore = cli(target.options, "restore", file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await titles(target.options)).toEqual(await titles(source.options));
    expect(await titles(target.options)).toHaveLength(FIXTURE_NAMES.length);

    const again = cli(target.options, "restore", file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("не порожня");
    const forced = cli(target.options, "restore", file, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(await titles(target.options)).toEqual(await titles(source.options));
  }, 180_000);
});
