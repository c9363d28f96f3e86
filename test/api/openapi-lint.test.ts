/**
 * Clients' own tool accepts our OpenAPI document: `redocly lint` with its recommended rules, on the
 * document the whole application serves at /api/docs/json, with no errors.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { openStore } from "../../src/store/index.js";

const REDOCLY = path.resolve("node_modules/.bin/redocly");

async function servedDocument(): Promise<string> {
  const store = await openStore({ dataDir: ":memory:" });
  const app = buildApp({ store, webDist: "/nonexistent" });
  try {
    const response = await app.inject("/api/docs/json");
    expect(response.statusCode).toBe(200);
    return response.body;
  } finally {
    await app.close();
    await store.close();
  }
}

describe("the OpenAPI document", () => {
  it("passes redocly lint (recommended rules) with no errors", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "infoprog-openapi-"));
    try {
      const file = path.join(dir, "openapi.json");
      await writeFile(file, await servedDocument());
      const run = spawnSync(REDOCLY, ["lint", file, "--extends=recommended", "--format=stylish"], {
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        timeout: 240_000,
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stdout + run.stderr).toMatch(/valid/i);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
