/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary folder, its own port), for tests
 * that stop and restart the server: the shared server on 127.0.0.1:5432 serves other suites and is
 * never restarted. Uses the Debian server binaries under /usr/lib/postgresql/<version>/bin; running
 * as root (initdb refuses root), the commands run as the `postgres` user.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./server.js";

const DEBIAN_ROOT = "/usr/lib/postgresql";

/** The newest installed server's bin folder, or undefined when there is none. */
export function postgresBinaries(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = path.join(DEBIAN_ROOT, version, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

interface RunAs {
  uid?: number;
  gid?: number;
}

function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

export interface PrivateCluster {
  /** Connection string of the `postgres` database, trust authentication, over TCP. */
  url: string;
  /** `pg_ctl restart -m fast`: every connection is ended (FATAL 57P01), then the server starts again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its folder. */
  destroy(): void;
}

export async function createPrivateCluster(bin: string): Promise<PrivateCluster> {
  const user = postgresUser();
  const base = mkdtempSync(path.join(tmpdir(), "infoprog-pgcluster-"));
  chmodSync(base, 0o755);
  const data = path.join(base, "data");
  mkdirSync(data, { mode: 0o700 });
  if (user.uid !== undefined && user.gid !== undefined) {
    chownSync(base, user.uid, user.gid);
    chownSync(data, user.uid, user.gid);
  }
  const log = path.join(base, "server.log");
  const port = await freePort();
  const run = async (tool: string, args: string[]) => {
    try {
      await promisify(execFile)(path.join(bin, tool), args, { cwd: base, ...user, timeout: 120_000 });
    } catch (error) {
      const serverLog = existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "";
      throw new Error(`${tool} ${args.join(" ")} failed: ${(error as Error).message}\n${serverLog}`);
    }
  };
  await run("initdb", [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C",
    "--no-sync",
  ]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", log, "-w", "-t", "60", ...args]);
  await pgCtl("-o", options, "start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl("-m", "fast", "restart"),
    stop: () => pgCtl("-m", "fast", "stop"),
    start: () => pgCtl("-o", options, "start"),
    destroy: () => {
      spawnSync(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], {
        cwd: base,
        ...user,
      });
      rmSync(base, { recursive: true, force: true });
    },
  };
}
