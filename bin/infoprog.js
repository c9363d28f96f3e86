#!/usr/bin/env node
// The installed CLI runs compiled JavaScript: dist/cli/main.js, which `npm install` builds (the `prepare`
// script, scripts/build-cli.mjs) and `npm run build:cli` rebuilds. In a checkout whose sources changed
// since that build (or that was never built) it runs the TypeScript through tsx instead, never stale.
import { existsSync, readdirSync, statSync } from "node:fs";
import module from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// Node 22 keeps the compiled code of the modules loaded next on disk (Node 20 has no such cache).
module.enableCompileCache?.();

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const compiled = path.join(root, "dist/cli/main.js");
const sources = path.join(root, "src");

/** The newest modification time of any file under a folder (a few milliseconds for src/). */
function newestChange(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(file) : statSync(file).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (!existsSync(compiled)) return false;
  return !existsSync(sources) || newestChange(sources) <= statSync(compiled).mtimeMs;
}

if (compiledIsCurrent()) {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
