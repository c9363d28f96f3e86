/** Starts a compiled server entry as production would, on a port the system chooses, against one database. */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export async function startServerProcess(
  entry: string,
  databaseUrl: string,
  cwd?: string,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [entry], {
    cwd,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      INFOPROG_DEMO: "0",
      LOG_LEVEL: "warn",
      // The load comes from one address: the general limit per address would answer 429.
      INFOPROG_REQUESTS_PER_MINUTE_PER_IP: "0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  for await (const line of createInterface({ input: child.stdout as NodeJS.ReadableStream })) {
    const origin = /http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
    if (origin) return { child, port: Number(origin[1]) };
  }
  throw new Error(`${entry} exited before listening`);
}
