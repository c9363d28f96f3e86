/**
 * A process that opens the embedded database in INFOPROG_DATA_DIR, says "ready" on stdout and keeps
 * it open until it is signalled: the second process of the data-folder lock test.
 */
import { openStore } from "../../src/store/index.js";

const store = await openStore({ dataDir: process.env.INFOPROG_DATA_DIR ?? "" });
process.stdout.write("ready\n");
// Keeps the event loop alive; SIGINT/SIGTERM end the process with their default action.
setInterval(() => store, 60_000);
