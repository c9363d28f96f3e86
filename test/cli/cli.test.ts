import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMigratedPglite } from "../support/pglite-template.js";

const ROOT = process.cwd();
const FIXTURES = path.resolve(ROOT, "../shared/fixtures/programs");
const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith(".txt"));

function cli(args: string[], dataDir: string) {
  const run = spawnSync(process.execPath, [path.join(ROOT, "bin/infoprog.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, INFOPROG_DATA_DIR: dataDir, DATABASE_URL: "" },
    // Generous: on a loaded machine a first import into a fresh data folder (migrations) is slow.
    timeout: 180_000,
  });
  // A process ended by a signal has no status: the signal and stderr say why.
  return { code: run.status ?? run.signal, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A data folder holding a migrated, empty database, for tests about what the CLI stores rather than
 * about setting up a folder (the JSON-contract tests import into a fresh one): spares initdb.
 */
async function migratedDataDir(): Promise<string> {
  const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "infoprog-cli-")), "pglite");
  await copyMigratedPglite(dataDir);
  return dataDir;
}

const isKopecks = (value: unknown) => typeof value === "number" && Number.isSafeInteger(value);

describe("infoprog import --json", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "infoprog-cli-"));

  it.each(fixtures)(
    "prints the JSON contract for %s and exits 0",
    (name) => {
      const run = cli(["import", path.join(FIXTURES, name), "--json"], dataDir);
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.community.katottg).toMatch(/^UA\d{17}$/);
      expect(json.community.name).toMatch(/територіальна громада/);
      expect(json.period.to - json.period.from).toBe(2);
      expect(json.passport.fields).toHaveLength(10);
      expect(Object.keys(json.passport.funding)).toEqual(
        expect.arrayContaining(["total", "byYear", "bySource"]),
      );
      expect(json.directions.length).toBeGreaterThan(2);
      for (const direction of json.directions) {
        expect(direction).toHaveProperty("number");
        expect(direction).toHaveProperty("title");
        for (const item of direction.items) {
          expect(Object.keys(item)).toEqual(
            expect.arrayContaining([
              "number",
              "title",
              "executors",
              "deadline",
              "funding",
              "expectedResult",
              "children",
            ]),
          );
          for (const row of item.funding) {
            expect(isKopecks(row.total)).toBe(true);
            expect(Object.values(row.byYear).every(isKopecks)).toBe(true);
          }
        }
      }
      for (const finding of json.findings) {
        expect(finding.severity).toMatch(/^(error|warning)$/);
        expect(typeof finding.message).toBe("string");
        expect(finding.location).toHaveProperty("line");
        expect(finding.location).toHaveProperty("ref");
      }
      expect(json.stored.programmeId).toBeGreaterThan(0);
      // The first one sets up the fresh data folder (initdb, migrations): as long as the spawn may take.
    },
    180_000,
  );

  it("re-importing the same document stores nothing and says so; --save-identical adds a version", async () => {
    const file = path.join(FIXTURES, fixtures[0] ?? "");
    const dir = await migratedDataDir();
    const first = JSON.parse(cli(["import", file, "--json"], dir).stdout).stored;
    expect(first).toMatchObject({ version: 1, created: true });

    const again = cli(["import", file], dir);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      "Цей документ ідентичний версії 1 — нову версію не створено. / This document is identical to version 1 — no new version was created.",
    );
    expect(again.stdout).toContain("--save-identical");
    expect(again.stdout).not.toContain("Збережено");
    const json = JSON.parse(cli(["import", file, "--json"], dir).stdout).stored;
    expect(json).toEqual({ programmeId: first.programmeId, version: 1, created: false, identicalTo: 1 });

    const insisted = cli(["import", file, "--save-identical"], dir);
    expect(insisted.code, insisted.stderr).toBe(0);
    expect(insisted.stdout).toContain(`Збережено версію 2 (id ${first.programmeId}).`);
    const after = JSON.parse(cli(["import", file, "--json"], dir).stdout).stored;
    expect(after).toMatchObject({ programmeId: first.programmeId, version: 2, identicalTo: 2 });
  }, 600_000);
});

describe("infoprog on files that are not programmes", () => {
  const cases: [string, string | Uint8Array][] = [
    ["empty.txt", ""],
    ["binary.txt", new Uint8Array([0, 159, 146, 150, 0, 1, 2, 255, 254, 0])],
    ["prose.txt", "Сьогодні сонячно. Ми пішли до парку й годували качок.\n"],
    ["fake.docx", "це не docx"],
  ];

  it.each(cases)("%s: exits non-zero with one line and stores nothing", (name, content) => {
    const dir = mkdtempSync(path.join(tmpdir(), "infoprog-bad-"));
    const file = path.join(dir, name);
    writeFileSync(file, content);
    const dataDir = path.join(dir, "db");
    const run = cli(["import", file, "--json"], dataDir);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^infoprog: /);
    // The store is opened only after a document was read, so a rejected file leaves no database behind.
    expect(existsSync(dataDir)).toBe(false);
  });

  it("a missing file is a one-line error", () => {
    const run = cli(["import", "/nonexistent/programme.txt"], mkdtempSync(path.join(tmpdir(), "x-")));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^infoprog: не вдалося прочитати файл/);
  });
});

describe("infoprog validate and import-dir", () => {
  it("validate prints a readable report and exits 1 only when there are errors", () => {
    for (const name of fixtures) {
      const dir = mkdtempSync(path.join(tmpdir(), "infoprog-v-"));
      const run = cli(["validate", path.join(FIXTURES, name)], dir);
      const json = JSON.parse(cli(["import", path.join(FIXTURES, name), "--json", "--dry-run"], dir).stdout);
      const errors = json.findings.filter((f: { severity: string }) => f.severity === "error").length;
      expect(run.code).toBe(errors > 0 ? 1 : 0);
      expect(run.stdout).toContain(name);
    }
  });

  it("import-dir imports every fixture and summarises", async () => {
    const dir = await migratedDataDir();
    const run = cli(["import-dir", FIXTURES], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Прочитано ${fixtures.length} з ${fixtures.length}`);
    expect(run.stderr).toMatch(/Імпорт/);
    expect(run.stdout).not.toContain("ідентичний");
    // The same folder again: every document is read, none stored again, each line says why.
    const again = cli(["import-dir", FIXTURES], dir);
    expect(again.code).toBe(0);
    const identical = again.stdout.split("\n").filter((line) => line.includes("ідентичний версії 1"));
    expect(identical).toHaveLength(fixtures.length);
  }, 600_000);
});
