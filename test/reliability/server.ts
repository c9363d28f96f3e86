/**
 * The real server as a child process (`src/api/main.ts` under tsx) for crash and soak tests, and a
 * signed-in HTTP client for it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import type { StoreOptions } from "../../src/store/index.js";

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stderr, for failure messages. */
  stderr(): string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

export function databaseEnv(options: StoreOptions): Record<string, string> {
  if (options.databaseUrl) return { DATABASE_URL: options.databaseUrl };
  return { INFOPROG_DATA_DIR: options.dataDir ?? "", DATABASE_URL: "" };
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("server did not become healthy");
}

/**
 * `env`: more variables for the server (they override the test's own); `preload`: modules the server
 * imports first (after tsx, so they may be TypeScript).
 */
export async function startServer(
  options: StoreOptions,
  timeoutMs = 60_000,
  env: Record<string, string> = {},
  preload: string[] = [],
): Promise<ServerProcess> {
  const port = await freePort();
  const imports = preload.flatMap((module) => ["--import", module]);
  const child = spawn(process.execPath, ["--import", "tsx", ...imports, "src/api/main.ts"], {
    env: {
      ...process.env,
      ...databaseEnv(options),
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child, timeoutMs);
  return { url, child, stderr: () => stderr };
}

export async function stopServer(server: ServerProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, "exit");
  server.child.kill(signal);
  await exited;
}

export interface Session {
  headers: Record<string, string>;
}

export async function signIn(url: string, login: string, password: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((each) => each.startsWith("infoprog_session="));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  if (!cookie) throw new Error("no session cookie");
  return { headers: { cookie: cookie.split(";")[0] ?? "", "x-csrf-token": csrfToken } };
}

export interface ImportResponse {
  status: number;
  replayed: boolean;
  body: { programmeId?: number; version?: number; error?: string };
}

export async function postImport(
  url: string,
  session: Session,
  text: string,
  name: string,
  key?: string,
  /** Store a new version even when the programme is identical to the latest (`?saveIdentical=1`). */
  options: { saveIdentical?: boolean } = {},
): Promise<ImportResponse> {
  const query = `name=${encodeURIComponent(name)}${options.saveIdentical ? "&saveIdentical=1" : ""}`;
  const response = await fetch(`${url}/api/import?${query}`, {
    method: "POST",
    headers: {
      ...session.headers,
      "content-type": "text/plain; charset=utf-8",
      ...(key ? { "idempotency-key": key } : {}),
    },
    body: text,
  });
  return {
    status: response.status,
    replayed: response.headers.get("idempotent-replayed") === "true",
    body: (await response.json()) as ImportResponse["body"],
  };
}
