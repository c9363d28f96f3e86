/**
 * One thread of the import pool (`pool.ts`): parses the documents it is sent, one at a time, and
 * answers the result or the error. Its LibreOffice and OCR slots are the pool's main thread's, asked
 * for by message, and it reports the programs and temporary directories it starts, so that the main
 * thread can clean up after it if it is ended mid-task.
 */
import { parentPort } from "node:worker_threads";
import { adoptConfigEnvironment } from "../config.js";
import { linkToPool } from "./external.js";
import { importDocument } from "./index.js";
import { keepPageHelper } from "./pdf/helper.js";
import {
  type ParseAnswer,
  type ParseRequest,
  type SlotGranted,
  type ThreadNote,
  toThreadError,
} from "./pool.js";

const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread of the import pool");
// A server's import thread reads PDFs for as long as the server runs.
keepPageHelper();
const note = (message: ThreadNote) => port.postMessage(message);

const granted = new Map<number, () => void>();
let tickets = 0;
linkToPool({
  acquire: (slot, limit) =>
    new Promise<void>((resolve) => {
      const ticket = ++tickets;
      granted.set(ticket, resolve);
      note({ type: "acquire", ticket, slot, limit });
    }),
  release: (slot) => note({ type: "release", slot }),
  track: (leftover, present) => note({ type: "track", leftover, present }),
});

async function parse({ id, bytes, fileName, options, env }: ParseRequest): Promise<ParseAnswer> {
  try {
    adoptConfigEnvironment(env);
    return { id, result: await importDocument(bytes, fileName, options) };
  } catch (error) {
    return { id, error: toThreadError(error) };
  }
}

port.on("message", async (message: ParseRequest | SlotGranted) => {
  if ("type" in message) {
    granted.get(message.ticket)?.();
    granted.delete(message.ticket);
    return;
  }
  port.postMessage(await parse(message));
});
note({ type: "ready" });
