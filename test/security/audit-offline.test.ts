import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

type Event = { introduced?: string; fixed?: string; last_affected?: string };

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function advisory(
  id: string,
  name: string,
  severity: string,
  events: Event[],
  extra: object = {},
  affectedFields: object = {},
) {
  return {
    schema_version: "1.4.0",
    id,
    summary: `summary of ${id}`,
    affected: [
      { package: { ecosystem: "npm", name }, ranges: [{ type: "ECOSYSTEM", events }], ...affectedFields },
    ],
    database_specific: { severity },
    ...extra,
  };
}

/** A production tree: app > web@2.1.0 > parser@1.4.2, and lib@3.0.0 at the top. */
const tree = {
  name: "app",
  dependencies: {
    web: { version: "2.1.0", dependencies: { parser: { version: "1.4.2" } } },
    lib: { version: "3.0.0" },
  },
};

function runAudit(advisories: object[]) {
  const dir = mkdtempSync(join(tmpdir(), "audit-offline-"));
  dirs.push(dir);
  const db = join(dir, "advisories", "github-reviewed", "2026", "01");
  mkdirSync(db, { recursive: true });
  advisories.forEach((a, i) => {
    writeFileSync(join(db, `advisory-${i}.json`), JSON.stringify(a, null, 2));
  });
  writeFileSync(join(dir, "tree.json"), JSON.stringify(tree));
  const result = spawnSync(
    "node",
    ["scripts/audit-offline.mjs", join(dir, "advisories"), "--tree", join(dir, "tree.json")],
    {
      encoding: "utf8",
    },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe("scripts/audit-offline.mjs", () => {
  it("fails on a high advisory whose range holds a nested dependency, naming the path and the fix", () => {
    const { code, out } = runAudit([
      advisory("GHSA-high", "parser", "HIGH", [{ introduced: "0" }, { fixed: "1.4.3" }]),
    ]);
    expect(code).toBe(1);
    expect(out).toContain("HIGH\tparser@1.4.2\tGHSA-high");
    expect(out).toContain("fixed in 1.4.3; via web > parser");
    expect(out).toContain("1 findings, 1 high or critical");
  });

  it("passes when the installed version is at or past the fix, or before the introduction", () => {
    const { code, out } = runAudit([
      advisory("GHSA-fixed", "parser", "CRITICAL", [{ introduced: "0" }, { fixed: "1.4.2" }]),
      advisory("GHSA-later", "lib", "HIGH", [{ introduced: "3.1.0" }, { fixed: "3.2.0" }]),
    ]);
    expect(out).toContain("0 findings, 0 high or critical");
    expect(code).toBe(0);
  });

  it("reports a moderate finding without failing", () => {
    const { code, out } = runAudit([
      advisory("GHSA-mod", "lib", "MODERATE", [{ introduced: "2.0.0" }, { fixed: "3.0.1" }]),
    ]);
    expect(out).toContain("MODERATE\tlib@3.0.0\tGHSA-mod");
    expect(code).toBe(0);
  });

  it("treats last_affected as inclusive and stops after it", () => {
    const inclusive = runAudit([
      advisory("GHSA-last", "web", "HIGH", [{ introduced: "2.0.0" }, { last_affected: "2.1.0" }]),
    ]);
    expect(inclusive.code).toBe(1);
    const past = runAudit([
      advisory("GHSA-last", "web", "HIGH", [{ introduced: "2.0.0" }, { last_affected: "2.0.9" }]),
    ]);
    expect(past.code).toBe(0);
  });

  it("checks every introduced–fixed interval of a range, in version order", () => {
    const events = [{ introduced: "3.0.0" }, { introduced: "1.0.0" }, { fixed: "3.0.1" }, { fixed: "1.2.0" }];
    const { code, out } = runAudit([advisory("GHSA-two", "lib", "HIGH", events)]);
    expect(out).toContain("lib@3.0.0\tGHSA-two");
    expect(code).toBe(1);
  });

  it("ignores withdrawn advisories and other ecosystems' packages of the same name", () => {
    const pypi = advisory(
      "GHSA-pypi",
      "lib",
      "CRITICAL",
      [{ introduced: "0" }],
      {},
      {
        package: { ecosystem: "PyPI", name: "lib" },
      },
    );
    const { code, out } = runAudit([
      pypi,
      advisory("GHSA-gone", "lib", "CRITICAL", [{ introduced: "0" }], { withdrawn: "2026-01-02T00:00:00Z" }),
      advisory("GHSA-other", "not-installed", "CRITICAL", [{ introduced: "0" }]),
    ]);
    expect(out).toContain("0 findings");
    expect(code).toBe(0);
  });

  it("matches an explicit list of affected versions", () => {
    const listed = advisory("GHSA-list", "lib", "HIGH", [], {}, { ranges: [], versions: ["2.9.9", "3.0.0"] });
    expect(runAudit([listed]).code).toBe(1);
  });

  it("refuses a directory that holds no npm advisory instead of passing an empty check", () => {
    const { code, err } = runAudit([]);
    expect(err).toContain("nothing was checked");
    expect(code).toBe(2);
  });

  it("refuses to run without an advisory directory", () => {
    const result = spawnSync("node", ["scripts/audit-offline.mjs"], { encoding: "utf8" });
    expect(result.status).toBe(2);
  });
});
