import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URL_MESSAGES } from "../../src/import/fetch-url.js";
import { startUrlServer, type UrlServer } from "../support/url-server.js";

const ROOT = process.cwd();
const programme = readFileSync(path.resolve(ROOT, "../shared/fixtures/programs/romny-2026-2028.txt"));
const dataDir = mkdtempSync(path.join(tmpdir(), "infoprog-cli-url-"));

/** Runs the CLI without blocking this process, so the test's server can answer it. */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "bin/infoprog.js"), ...args],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, INFOPROG_DATA_DIR: dataDir, DATABASE_URL: "" },
        timeout: 60_000,
      },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

describe("infoprog import https://…", () => {
  let server: UrlServer;
  beforeAll(async () => {
    server = await startUrlServer({
      "/romny.txt": (_request, response) => response.writeHead(200).end(programme),
    });
  });
  afterAll(() => server.close());

  it("refuses a loopback address in Ukrainian with exit code 2, without connecting", async () => {
    const url = server.url("/romny.txt");
    const run = await cli(["import", url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`infoprog: ${url}: ${URL_MESSAGES.privateAddress("127.0.0.1")}\n`);
    expect(run.stdout).toBe("");
    expect(server.hits).toEqual([]);
  }, 60_000);

  it("refuses a non-http address", async () => {
    const run = await cli(["import", "ftp://rada.example/programa.pdf", "--dry-run"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(URL_MESSAGES.scheme("ftp"));
  }, 60_000);

  it("validate takes an address too, and refuses the IPv6 loopback", async () => {
    const run = await cli(["validate", "http://[::1]:9/programme.pdf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(URL_MESSAGES.privateAddress("::1"));
  }, 60_000);
});
