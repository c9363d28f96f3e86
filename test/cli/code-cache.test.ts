/**
 * bin/infoprog.js on Node 20 runs the CommonJS build (dist/cli/main.cjs) through `vm.Script` with a
 * V8 code cache of its own (issue 13: start-up). Checked on a package of its own: a copy of the bin
 * and stand-in builds that say which ran; the cache may be missing, damaged or another build's, and
 * the output must never change.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";

const ROOT = process.cwd();
const nodeHasCompileCache = Number(process.versions.node.split(".")[0]) >= 22;
let pkg: string;

/** A stand-in CommonJS build: prints its words, then imports a module on demand as the CLI's commands do. */
function writeScript(build: string, words: string): void {
  const file = path.join(pkg, "dist/cli/main.cjs");
  writeFileSync(
    file,
    `// infoprog-build ${build}\n"use strict";\n` +
      `function say() { return ${JSON.stringify(words)} + " " + require("node:path").basename(__filename); }\n` +
      `console.log(say());\n` +
      `__infoprogImport("node:os").then((os) => console.log(typeof os.cpus));\n`,
  );
}

function run(): string {
  const result = spawnSync(process.execPath, [path.join(pkg, "bin/infoprog.js")], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result.stdout.trim();
}

const cacheDir = () => path.join(pkg, "dist/cli/code-cache");
const caches = () => readdirSync(cacheDir()).sort();

describe.skipIf(nodeHasCompileCache)(
  "bin/infoprog.js on Node 20: the CommonJS build with a code cache",
  () => {
    beforeEach(() => {
      pkg = mkdtempSync(path.join(tmpdir(), "infoprog-cache-"));
      mkdirSync(path.join(pkg, "bin"));
      mkdirSync(path.join(pkg, "dist/cli"), { recursive: true });
      cpSync(path.join(ROOT, "bin/infoprog.js"), path.join(pkg, "bin/infoprog.js"));
      symlinkSync(path.join(ROOT, "node_modules"), path.join(pkg, "node_modules"));
      // No src/: a package that ships its build only, which is current by definition.
      writeFileSync(path.join(pkg, "dist/cli/main.js"), 'console.log("module build");\n');
      writeScript("aaaa", "script one");
    });
    afterEach(() => rmSync(pkg, { recursive: true, force: true }));

    it("runs the script, writes its cache at exit, and runs from the cache next time without rewriting it", () => {
      expect(run()).toBe("script one main.cjs\nfunction");
      const [cache] = caches();
      expect(caches()).toHaveLength(1);
      expect(cache).toMatch(new RegExp(`^main-aaaa-\\d+-\\d+-${process.version}-${process.arch}\\.bin$`));
      const written = readFileSync(path.join(cacheDir(), cache as string));
      expect(written.length).toBeGreaterThan(0);
      const old = new Date(Date.now() - 3_600_000);
      utimesSync(path.join(cacheDir(), cache as string), old, old);

      expect(run()).toBe("script one main.cjs\nfunction");
      expect(caches()).toEqual([cache]);
      expect(readFileSync(path.join(cacheDir(), cache as string))).toEqual(written);
      // Not written again: V8 took it.
      expect(statSync(path.join(cacheDir(), cache as string)).mtimeMs).toBeLessThan(Date.now() - 60_000);
    });

    it("gives the same output with a damaged cache, and writes a good one in its place", () => {
      run();
      const [cache = ""] = caches();
      const file = path.join(cacheDir(), cache);
      const good = readFileSync(file);
      for (const damaged of [
        Buffer.from("not a cache at all"),
        good.subarray(0, good.length >> 1),
        Buffer.alloc(0),
      ]) {
        writeFileSync(file, damaged);
        expect(run()).toBe("script one main.cjs\nfunction");
        expect(caches()).toEqual([cache]);
        expect(readFileSync(file).length).toBeGreaterThan(damaged.length);
        expect(run()).toBe("script one main.cjs\nfunction");
      }
    });

    it("never runs an old cache for a rebuilt or edited script: each has its own, and the old one goes", () => {
      run();
      const [first] = caches();
      writeScript("bbbb", "script two");
      expect(run()).toBe("script two main.cjs\nfunction");
      const [second] = caches();
      expect(caches()).toHaveLength(1);
      expect(second).not.toBe(first);

      // Edited by hand, the build line kept: the size and time in the cache's name differ.
      writeScript("bbbb", "script 3!!");
      utimesSync(path.join(pkg, "dist/cli/main.cjs"), new Date(), new Date(Date.now() + 5_000));
      expect(run()).toBe("script 3!! main.cjs\nfunction");
      expect(caches()).toHaveLength(1);
      expect(caches()).not.toEqual([second]);
    });

    it("runs the ES module build when the script is missing or has no build line", () => {
      rmSync(path.join(pkg, "dist/cli/main.cjs"));
      expect(run()).toBe("module build");
      writeFileSync(path.join(pkg, "dist/cli/main.cjs"), 'console.log("unnamed");\n');
      expect(run()).toBe("module build");
    });
  },
);

describe.skipIf(nodeHasCompileCache)("the real CommonJS build on Node 20 (scripts/build-cli.mjs)", () => {
  const FIXTURE = path.resolve(ROOT, "../shared/fixtures/programs/romny-2026-2028.txt");
  let built: string;

  beforeAll(async () => {
    built = mkdtempSync(path.join(tmpdir(), "infoprog-cjs-"));
    mkdirSync(path.join(built, "bin"));
    mkdirSync(path.join(built, "dist/cli"), { recursive: true });
    cpSync(path.join(ROOT, "bin/infoprog.js"), path.join(built, "bin/infoprog.js"));
    symlinkSync(path.join(ROOT, "node_modules"), path.join(built, "node_modules"));
    writeFileSync(path.join(built, "dist/cli/main.js"), 'console.log("module build");\n');
    // Reports every module CommonJS loads that is not one of Node's built-ins.
    writeFileSync(
      path.join(built, "report-packages.cjs"),
      'const M = require("node:module"); const load = M._load; M._load = function (request, ...rest) {\n' +
        "  if (!M.isBuiltin(request)) process.stderr.write('package ' + request + '\\n');\n" +
        "  return load.call(this, request, ...rest);\n};\n",
    );
    const { buildCjs } = (await import(path.join(ROOT, "scripts/build-cli.mjs"))) as {
      buildCjs: (outfile: string) => Promise<unknown>;
    };
    await buildCjs(path.join(built, "dist/cli/main.cjs"));
  }, 120_000);
  afterAll(() => rmSync(built, { recursive: true, force: true }));

  it("imports the largest fixture as the sources do, without and with its cache, loading no package", () => {
    const sources = ["--import", "tsx", "src/cli/main.ts", "import", "--dry-run", "--json", FIXTURE];
    const expected = spawnSync(process.execPath, sources, { encoding: "utf8", cwd: ROOT });
    expect(expected.status).toBe(0);
    const bin = path.join(built, "bin/infoprog.js");
    const hook = path.join(built, "report-packages.cjs");
    for (const round of ["without a cache", "with it"]) {
      const run = spawnSync(process.execPath, ["-r", hook, bin, "import", "--dry-run", "--json", FIXTURE], {
        encoding: "utf8",
      });
      // The bin itself is the one module Node's loader is asked for (the entry).
      const loaded = run.stderr.split("\n").filter((line) => line !== "" && line !== `package ${bin}`);
      expect({ round, loaded, status: run.status }).toEqual({ round, loaded: [], status: 0 });
      expect(run.stdout).toBe(expected.stdout);
      expect(readdirSync(path.join(built, "dist/cli/code-cache"))).toHaveLength(1);
    }
  });
});
