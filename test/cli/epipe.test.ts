import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const FIXTURE = path.resolve(ROOT, "../shared/fixtures/programs/romny-2026-2028.txt");

/** Runs the CLI and closes its stdout after the first chunk, as `| head -c …` does. */
function closeAfterFirstChunk(
  args: string[],
): Promise<{ code: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin/infoprog.js"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: "" },
    });
    let stderr = "";
    let read = 0;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.once("data", (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, read }));
  });
}

describe("infoprog writing into a pipe that closes", () => {
  it("stops quietly with status 0, without an EPIPE stack trace", async () => {
    // The JSON of the largest fixture is far longer than a pipe's buffer, so writing it meets EPIPE.
    const run = await closeAfterFirstChunk(["import", "--json", "--dry-run", FIXTURE]);
    expect(run.read).toBeGreaterThan(0);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  }, 120_000);
});
