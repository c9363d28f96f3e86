import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { generateCommunities, generateNation } from "../../src/domain/synthetic/index.js";
import { openStore } from "../../src/store/index.js";

const ROOT = process.cwd();

function generate(args: string[], dataDir: string) {
  const run = spawnSync(process.execPath, [path.join(ROOT, "bin/infoprog.js"), "generate", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, INFOPROG_DATA_DIR: dataDir, DATABASE_URL: "" },
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("infoprog generate", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("loads the generated communities, published, with oblast, population and reports, and skips them on a rerun", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "infoprog-generate-"));
    dirs.push(dataDir);
    const first = generate(["--seed", "4", "--communities", "5", "--batch", "2"], dataDir);
    expect(first.code).toBe(0);
    const reports = [...generateNation({ seed: 4, communities: 6 })].map((each) => each.reports.length);
    const firstFive = reports.slice(0, 5).reduce((a, b) => a + b, 0);
    expect(first.stdout).toContain(
      `Завантажено 5 програм, пропущено вже наявних 0; звітів виконавців: ${firstFive};`,
    );
    const again = generate(["--seed", "4", "--communities", "6"], dataDir);
    expect(again.stdout).toContain(
      `Завантажено 1 програм, пропущено вже наявних 5; звітів виконавців: ${reports[5]};`,
    );

    const store = await openStore({ dataDir });
    try {
      const programmes = await store.listProgrammes({ status: "published" });
      expect(programmes).toHaveLength(6);
      const stored = await sql<{ n: number }>`select count(*)::int as n from executor_reports`.execute(
        store.kysely(),
      );
      expect(stored.rows[0]?.n).toBe(reports.reduce((a, b) => a + b, 0));
      const expected = [...generateCommunities({ seed: 4, communities: 6 })];
      const communities = await store
        .kysely()
        .selectFrom("communities")
        .selectAll()
        .orderBy("katottg")
        .execute();
      expect(communities).toEqual(
        expected
          .map(({ katottg, name, oblast, population }) => ({ katottg, name, oblast, population }))
          .sort((a, b) => a.katottg.localeCompare(b.katottg)),
      );
    } finally {
      await store.close();
    }
  }, 120_000);
});
