/** `infoprog`: bin/infoprog.js runs this file's build (dist/cli/main.js), or the file through tsx. */
import { main } from "./program.js";

await main();
