#!/usr/bin/env node
// The installed CLI runs compiled JavaScript: dist/cli/main.js, which `npm install` builds (the `prepare`
// script, scripts/build-cli.mjs) and `npm run build:cli` rebuilds. In a checkout whose sources changed
// since that build (or that was never built) it runs the TypeScript through tsx instead, never stale.
import { readFileSync, statSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Node 22 keeps the compiled code of the modules loaded next on disk (Node 20 has no such cache).
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

if (compiledIsCurrent()) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
