/**
 * One process at a time on an embedded (PGlite) data folder. Two processes on one folder — the
 * server and `infoprog import`, say — each keep their own copy of the database in memory and write
 * over each other's files: a version is lost silently or the folder is corrupted.
 *
 * The lock is proper-lockfile's: an atomic `mkdir` of `<folder>.lock` whose mtime the holder
 * refreshes; a lock not refreshed for `STALE_MS` is taken over. It is released by `close()`, and on
 * exit and on SIGINT/SIGTERM by proper-lockfile's exit hook. Next to it an owner file records the
 * holder's process id, so a lock left by a process that is gone (SIGKILL, a crash) is taken over at
 * once instead of after `STALE_MS`, and the refusal can say who holds the folder.
 */
import { rmSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";

/** A holder's event loop may stall for seconds under load; only then would its lock look abandoned. */
const STALE_MS = 30_000;
const UPDATE_MS = 5_000;

interface Owner {
  pid: number;
  host: string;
  since: string;
}

/** Another live process holds the data folder. The message is for the person at the terminal. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";

  constructor(
    readonly dataDir: string,
    readonly owner: Owner | undefined,
  ) {
    const who = owner
      ? `процес ${owner.pid}, відкрито ${new Date(owner.since).toLocaleString("uk-UA")}`
      : "інший процес";
    super(
      `База даних у теці ${dataDir} зараз відкрита іншим процесом infoprog (${who}) — ` +
        "найімовірніше, запущеним сервером. Одночасна робота двох процесів із тією самою текою пошкодила б дані.",
    );
  }
}

const lockPath = (dataDir: string) => `${path.resolve(dataDir)}.lock`;
const ownerPath = (dataDir: string) => `${lockPath(dataDir)}.owner.json`;

async function readOwner(dataDir: string): Promise<Owner | undefined> {
  try {
    return JSON.parse(await readFile(ownerPath(dataDir), "utf8")) as Owner;
  } catch {
    return undefined;
  }
}

function isGone(owner: Owner | undefined): boolean {
  if (!owner || owner.host !== hostname() || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function onCompromised(dataDir: string) {
  return (error: Error) => {
    console.error(`infoprog: блокування теки бази даних ${dataDir} втрачено (${error.message}); зупиняюся.`);
    // Writing on without the lock could corrupt the folder another process has now opened.
    process.exit(70);
  };
}

function acquire(dataDir: string): Promise<() => Promise<void>> {
  return lockfile.lock(path.resolve(dataDir), {
    lockfilePath: lockPath(dataDir),
    realpath: false,
    stale: STALE_MS,
    update: UPDATE_MS,
    onCompromised: onCompromised(dataDir),
  });
}

async function acquireOrTakeOver(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await acquire(dataDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    const owner = await readOwner(dataDir);
    if (!isGone(owner)) throw new DataDirLockedError(dataDir, owner);
    await rm(lockPath(dataDir), { recursive: true, force: true });
    try {
      return await acquire(dataDir);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== "ELOCKED") throw again;
      throw new DataDirLockedError(dataDir, await readOwner(dataDir));
    }
  }
}

/**
 * Takes the data folder for this process; throws `DataDirLockedError` while another live process
 * holds it. Returns the release function (idempotent).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const release = await acquireOrTakeOver(dataDir);
  const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  await writeFile(ownerPath(dataDir), JSON.stringify(owner));
  // proper-lockfile removes the lock itself on exit; the owner file goes with it.
  const forget = () => rmSync(ownerPath(dataDir), { force: true });
  process.once("exit", forget);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    process.removeListener("exit", forget);
    await rm(ownerPath(dataDir), { force: true });
    await release();
  };
}
