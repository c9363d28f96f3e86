#!/usr/bin/env node
// The installed CLI runs compiled JavaScript: dist/cli/main.js, which `npm install` builds (the `prepare`
// script, scripts/build-cli.mjs) and `npm run build:cli` rebuilds. In a checkout whose sources changed
// since that build (or that was never built) it runs the TypeScript through tsx instead, never stale.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";

// Node 22 keeps the compiled code of the modules loaded next on disk. Node 20 has no such cache: there
// the bin runs the CommonJS build with a code cache of its own (runWithCodeCache, below).
const nodeCompileCache = module.enableCompileCache !== undefined;
module.enableCompileCache?.();

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const compiled = path.join(root, "dist/cli/main.js");
/** The sources the build read (scripts/build-cli.mjs writes it): a file outside them cannot change it. */
const sourcesList = path.join(root, "dist/cli/sources.json");

const modified = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs;

/**
 * Current when no source the build read changed since (a removed one counts as changed). Stats those
 * files only, no walk of src/: a fraction of a millisecond instead of several. Without src/ (a package
 * that ships dist only) the build is current by definition.
 */
function compiledIsCurrent() {
  const builtAt = modified(compiled);
  if (builtAt === undefined) return false;
  if (modified(path.join(root, "src")) === undefined) return true;
  let sources;
  try {
    sources = JSON.parse(readFileSync(sourcesList, "utf8"));
  } catch {
    return false;
  }
  // The build writes the list's paths normalised, relative to the root: joined by hand, since
  // path.join's normalising of 145 paths, still interpreted at start, took 3–4 times the stats' CPU.
  const prefix = root + path.sep;
  return sources.every((source) => (modified(prefix + source) ?? Number.POSITIVE_INFINITY) <= builtAt);
}

/**
 * Runs dist/cli/main.cjs (the whole CLI as one CommonJS script) through `vm.Script` with V8's code
 * cache, which Node 20 does not keep for modules: compiling the bundle was the largest part of a dry
 * run's start. The cache is written at the exit of a run that had none (or whose cache V8 refused),
 * after the command ran, so it holds the functions that run compiled too. Its name carries the
 * build's hash (main.cjs's first line), the script's size and modification time, Node's version and
 * the architecture: a rebuilt or edited script or another Node never meets an old cache. A cache V8
 * refuses (damaged, or V8's flags differ) only costs the compile, and is written again. Returns false
 * when there is no such build or it cannot run here; then the ES module build runs.
 */
function runWithCodeCache() {
  const script = path.join(root, "dist/cli/main.cjs");
  let source;
  let stats;
  try {
    source = readFileSync(script, "utf8");
    stats = statSync(script);
  } catch {
    return false;
  }
  const build = /^\/\/ infoprog-build ([0-9a-f]+)\n/.exec(source)?.[1];
  if (build === undefined) return false;
  const cacheDir = path.join(root, "dist/cli/code-cache");
  const key = `${build}-${stats.size}-${Math.trunc(stats.mtimeMs)}-${process.version}-${process.arch}`;
  const cacheFile = path.join(cacheDir, `main-${key}.bin`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The build calls __infoprogImport where the sources import a package on demand (scripts/build-cli.mjs):
  // a script's own import() needs vm's experimental loader, which Node 20 loses with a cached script.
  const wrapper = `(function (exports, require, module, __filename, __dirname, __infoprogImport) {${source}\n})`;
  const compiledScript = new vm.Script(wrapper, { filename: script, cachedData });
  if (cachedData === undefined || compiledScript.cachedDataRejected) {
    process.once("exit", () => {
      try {
        mkdirSync(cacheDir, { recursive: true });
        for (const old of readdirSync(cacheDir)) rmSync(path.join(cacheDir, old), { force: true });
        // Written whole, then renamed: a process starting meanwhile never reads half a cache.
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, compiledScript.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // A read-only installation: every run compiles, as without the cache.
      }
    });
  }
  const cjsModule = { exports: {} };
  compiledScript
    .runInThisContext()
    .call(
      cjsModule.exports,
      cjsModule.exports,
      module.createRequire(script),
      cjsModule,
      script,
      path.dirname(script),
      (specifier) => import(specifier),
    );
  return true;
}

if (compiledIsCurrent()) {
  if (nodeCompileCache || !runWithCodeCache()) await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
