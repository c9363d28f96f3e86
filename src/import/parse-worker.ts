/**
 * One thread of the import pool (`pool.ts`): parses the documents it is sent, one at a time, and
 * answers the result or the error. Its LibreOffice and OCR slots count in the pool's shared counters.
 */
import { parentPort, workerData } from "node:worker_threads";
import { adoptConfigEnvironment } from "../config.js";
import { shareSlots } from "./external.js";
import { importDocument } from "./index.js";
import { type ParseAnswer, type ParseRequest, type ThreadNote, toThreadError } from "./pool.js";

const port = parentPort;
if (!port) throw new Error("parse-worker.ts runs as a worker thread of the import pool");
shareSlots((workerData as { counters: SharedArrayBuffer }).counters);

port.on("message", async ({ id, bytes, fileName, options, env }: ParseRequest) => {
  let answer: ParseAnswer;
  try {
    adoptConfigEnvironment(env);
    answer = { id, result: await importDocument(bytes, fileName, options) };
  } catch (error) {
    answer = { id, error: toThreadError(error) };
  }
  port.postMessage(answer);
});
port.postMessage({ type: "ready" } satisfies ThreadNote);
