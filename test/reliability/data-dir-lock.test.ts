/**
 * One process at a time on an embedded (PGlite) data folder, with real second processes: the server
 * (`src/api/main.ts`) or a process holding the store, and the CLI (`bin/infoprog.js`) started
 * beside it on the same folder.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_NAMES } from "../fuzz/support.js";
import { copyMigratedPglite } from "../support/pglite-template.js";
import { type ServerProcess, signIn, startServer, stopServer } from "./server.js";

const ROOT = process.cwd();
const FIXTURE = path.resolve(ROOT, "../shared/fixtures/programs", FIXTURE_NAMES[0] ?? "");

function cli(args: string[], dataDir: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [path.join(ROOT, "bin/infoprog.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, INFOPROG_DATA_DIR: dataDir, DATABASE_URL: "", ...env },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function holdStore(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/reliability/hold-store.ts"], {
    cwd: ROOT,
    env: { ...process.env, INFOPROG_DATA_DIR: dataDir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [chunk] = (await once(child.stdout as NodeJS.ReadableStream, "data")) as [Buffer];
  expect(chunk.toString()).toContain("ready");
  return child;
}

async function signalAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const exited = once(child, "exit");
  child.kill(signal);
  await exited;
}

async function programmeVersions(server: ServerProcess): Promise<number[]> {
  const session = await signIn(server.url, "admin", "demo");
  const response = await fetch(`${server.url}/api/programmes`, { headers: session.headers });
  const list = (await response.json()) as { items?: { versionCount: number }[] } | { versionCount: number }[];
  const items = Array.isArray(list) ? list : (list.items ?? []);
  return items.map((item) => item.versionCount).sort((a, b) => a - b);
}

describe.runIf(!process.env.DATABASE_URL)("the embedded database folder is one process's at a time", () => {
  let dir: string;
  let dataDir: string;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "infoprog-lock-"));
    dataDir = path.join(dir, "pglite");
    // Migrated already: these tests are about who holds the folder, not about setting one up.
    await copyMigratedPglite(dataDir);
  }, 180_000);

  afterAll(async () => {
    if (server) await stopServer(server);
    await rm(dir, { recursive: true, force: true });
  });

  it("while the server runs, the CLI refuses plainly with exit code 3 and writes nothing", async () => {
    server = await startServer({ dataDir }, 120_000);
    const before = await programmeVersions(server);
    const run = cli(["import", FIXTURE], dataDir);
    expect(run.stderr).toContain("зараз відкрита іншим процесом infoprog");
    expect(run.stderr).toContain(`процес ${server.child.pid}`);
    expect(run.stderr).toContain("--server");
    expect(run.code).toBe(3);
    expect(run.stdout).not.toContain("Збережено");
    expect(await programmeVersions(server)).toEqual(before);
    expect(server.child.exitCode).toBeNull();
  }, 180_000);

  it("with --server the CLI sends the import through the server's API", async () => {
    if (!server) throw new Error("the server did not start");
    const before = await programmeVersions(server);
    const run = cli(["import", FIXTURE, "--json", "--server", server.url, "--login", "admin"], dataDir, {
      INFOPROG_PASSWORD: "demo",
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const stored = JSON.parse(run.stdout).stored;
    expect(stored).toMatchObject({ version: 1, created: true });
    expect(await programmeVersions(server)).toEqual([...before, 1].sort((a, b) => a - b));
    // Again: the server finds it identical to version 1 and stores nothing; the CLI says so.
    const again = cli(["import", FIXTURE, "--server", server.url, "--login", "admin"], dataDir, {
      INFOPROG_PASSWORD: "demo",
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("Цей документ ідентичний версії 1 — нову версію не створено.");
    expect(await programmeVersions(server)).toEqual([...before, 1].sort((a, b) => a - b));
    const wrong = cli(["import", FIXTURE, "--server", server.url, "--login", "admin"], dataDir, {
      INFOPROG_PASSWORD: "not the password",
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^infoprog: сервер не впустив admin/);
  }, 180_000);

  it("after SIGTERM the lock is gone and the CLI opens the folder, with the server's import in it", async () => {
    if (!server) throw new Error("the server did not start");
    await stopServer(server, "SIGTERM");
    server = undefined;
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const run = cli(["import", FIXTURE, "--json", "--save-identical"], dataDir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).stored).toMatchObject({ version: 2, created: false });
  }, 180_000);

  it("a process holding the store keeps the CLI out; SIGINT releases the lock", async () => {
    const holder = await holdStore(dataDir);
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const refused = cli(["import", FIXTURE], dataDir);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(`процес ${holder.pid}`);
    await signalAndWait(holder, "SIGINT");
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    expect(cli(["import", FIXTURE, "--save-identical"], dataDir).code).toBe(0);
  }, 180_000);

  it("a lock left by a killed process (SIGKILL) is taken over at once", async () => {
    const holder = await holdStore(dataDir);
    await signalAndWait(holder, "SIGKILL");
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
    const run = cli(["import", FIXTURE, "--json", "--save-identical"], dataDir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).stored).toMatchObject({ version: 4 });
  }, 180_000);

  it("a lock whose holder is unknown is taken over once it is stale, not before", async () => {
    await mkdir(`${dataDir}.lock`);
    expect(cli(["import", FIXTURE], dataDir).code).toBe(3);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(`${dataDir}.lock`, longAgo, longAgo);
    const run = cli(["import", FIXTURE, "--json", "--save-identical"], dataDir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).stored).toMatchObject({ version: 5 });
  }, 180_000);
});
