/**
 * How to start one of the importer's worker threads (the import pool's, the PDF reader's helper):
 * the compiled file beside the module that starts it (dist/server, dist/cli), or its TypeScript
 * source through tsx (`npm start`, the tests).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/** Spelled apart so that the CLI's CommonJS build, which rewrites the code's own dynamic imports, leaves the bootstrap's alone. */
const IMPORT = "import";

export type StartWorker = (resourceLimits: WorkerOptions["resourceLimits"]) => Worker;

/** How to start the worker `name` (a module beside `here`, the caller's `import.meta.url`). */
export function workerEntry(here: string, name: string): StartWorker {
  const compiled = new URL(`./${name}.js`, here);
  if (/\.c?js$/.test(here) && existsSync(fileURLToPath(compiled))) {
    return (resourceLimits) => new Worker(compiled, { resourceLimits });
  }
  const source = new URL(`./${name}.ts`, here);
  if (!existsSync(fileURLToPath(source))) {
    throw new Error(`The worker ${name} is missing beside ${fileURLToPath(here)}`);
  }
  // tsx's loader, registered in the worker itself: the worker does not get it from a test runner's
  // thread, and under `tsx` (which passes it in execArgv) it would be registered twice.
  // Its ES module (tsx's CommonJS build of the API cannot register from an evaluated script), which
  // tsx's exports put beside the CommonJS one.
  const tsxApi = createRequire(here)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const bootstrap = `${IMPORT}(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((tsx) => { tsx.register(); return ${IMPORT}(${JSON.stringify(source.href)}); })
    .catch((error) => { process.nextTick(() => { throw error; }); });`;
  return (resourceLimits) => new Worker(bootstrap, { eval: true, execArgv: [], resourceLimits });
}
