/**
 * bin/infoprog.js runs the compiled CLI only while no source the build read changed since the build
 * (dist/cli/sources.json), else the sources through tsx. Checked on a checkout of its own: a copy of
 * the bin, a stand-in build and stand-in sources that say which of them ran.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const ROOT = process.cwd();
let checkout: string;

function write(file: string, text: string, modified: Date): void {
  const full = path.join(checkout, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  utimesSync(full, modified, modified);
}

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

function whichRan(): string {
  const run = spawnSync(process.execPath, [path.join(checkout, "bin/infoprog.js")], { encoding: "utf8" });
  expect(run.stderr).toBe("");
  return run.stdout.trim();
}

describe("bin/infoprog.js: the compiled CLI or the sources", () => {
  beforeEach(() => {
    checkout = mkdtempSync(path.join(tmpdir(), "infoprog-bin-"));
    cpSync(path.join(ROOT, "bin/infoprog.js"), path.join(checkout, "bin/infoprog.js"));
    symlinkSync(path.join(ROOT, "node_modules"), path.join(checkout, "node_modules"));
    write("src/cli/main.ts", 'console.log("sources");\n', hoursAgo(3));
    write("src/cli/helper.ts", "export {};\n", hoursAgo(3));
    write("src/api/app.ts", "export {};\n", hoursAgo(3));
    write("dist/cli/main.js", 'console.log("compiled");\n', hoursAgo(2));
    write("dist/cli/sources.json", '["src/cli/helper.ts","src/cli/main.ts"]\n', hoursAgo(2));
  });
  afterEach(() => rmSync(checkout, { recursive: true, force: true }));

  it("runs the build while no source it read changed since", () => {
    expect(whichRan()).toBe("compiled");
  });

  it("runs the sources when one the build read changed since", () => {
    write("src/cli/helper.ts", "export const changed = 1;\n", hoursAgo(1));
    expect(whichRan()).toBe("sources");
  });

  it("is not misled by a change to a file the build never read", () => {
    write("src/api/app.ts", "export const changed = 1;\n", hoursAgo(1));
    expect(whichRan()).toBe("compiled");
  });

  it("runs the sources when a source the build read is gone, or the list of them is", () => {
    rmSync(path.join(checkout, "src/cli/helper.ts"));
    expect(whichRan()).toBe("sources");
    write("src/cli/helper.ts", "export {};\n", hoursAgo(3));
    rmSync(path.join(checkout, "dist/cli/sources.json"));
    expect(whichRan()).toBe("sources");
  });

  it("runs the build in a package without sources", () => {
    rmSync(path.join(checkout, "src"), { recursive: true });
    expect(whichRan()).toBe("compiled");
  });
});
