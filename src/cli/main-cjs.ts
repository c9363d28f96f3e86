/**
 * `infoprog` as one CommonJS script (dist/cli/main.cjs, scripts/build-cli.mjs), which bin/infoprog.js
 * runs on Node 20 with a V8 code cache; CommonJS has no top-level await, so a failure of `main` is
 * thrown as an uncaught exception, as src/cli/main.ts's rejected top-level await is: printed, status 1.
 */
import { main } from "./program.js";

main().catch((error: unknown) => {
  setImmediate(() => {
    throw error;
  });
});
