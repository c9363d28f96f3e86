/**
 * Imports parsed on worker threads, so that the server's event loop answers other requests while a
 * document is read (a DOCX or PDF of a programme takes a core for 0.1–1 s, longer under load). A
 * worker does what `importDocument` does — bytes to programme, findings and coverage — and the
 * caller stores the result. A tiny pool of our own: a fixed number of threads started on demand, one
 * import at a time each, the rest queued in order; a thread that dies fails its import and is
 * replaced. The CLI keeps parsing in its own thread (`importDocument`).
 *
 * The worker is `parse-worker.js` beside this module when compiled (dist/server), else
 * `parse-worker.ts` through tsx (`npm start`, the tests).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { configEnvironment } from "../config.js";
import { InvalidKatottgError } from "../domain/katottg.js";
import type { ImportResult } from "../domain/model.js";
import { NotAProgrammeError } from "./blocks.js";
import { slotCounters } from "./external.js";
import { type ImportOptions, importDocument } from "./index.js";
import { checkUploadSize } from "./limits.js";

export type ImportDocumentFunction = (
  bytes: Uint8Array,
  fileName: string,
  options?: ImportOptions,
) => Promise<ImportResult>;

/** What the pool sends a worker. */
export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  options: ImportOptions;
  /** The caller's configuration variables now (a test may point INFOPROG_SOFFICE elsewhere). */
  env: Record<string, string | undefined>;
}

/** An error as it crosses threads: enough to throw the same error (class, message, status) again. */
export interface ThreadError {
  name: string;
  message: string;
  stack?: string;
  /** InvalidKatottgError's code, or a system error's. */
  code?: unknown;
  statusCode?: unknown;
}

/** What a worker answers. */
export type ParseAnswer = { id: number; result: ImportResult } | { id: number; error: ThreadError };

export function toThreadError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return { name: error.name, message: error.message, stack: error.stack, code, statusCode };
}

/**
 * The error the worker threw, as the API's error handler knows it: `NotAProgrammeError` (and its
 * subclasses, by name) answer 422 with their message, `InvalidKatottgError` too; anything else keeps
 * its message, stack and status code (a 500 unless it carried one).
 */
export function fromThreadError(thrown: ThreadError): Error {
  let error: Error;
  if (thrown.name === "InvalidKatottgError" && typeof thrown.code === "string") {
    error = new InvalidKatottgError(thrown.code);
  } else if (thrown.name.endsWith("NotAProgrammeError") || thrown.name === "UrlFetchError") {
    error = new NotAProgrammeError(thrown.message);
  } else {
    error = new Error(thrown.message);
    error.name = thrown.name;
    if (thrown.code !== undefined) Object.assign(error, { code: thrown.code });
    if (thrown.statusCode !== undefined) Object.assign(error, { statusCode: thrown.statusCode });
  }
  if (thrown.stack) error.stack = thrown.stack;
  return error;
}

export interface ImportPool {
  /** `importDocument` on a worker thread: the same result, the same errors. */
  importDocument: ImportDocumentFunction;
  /** Starts the threads now rather than on the first imports (a server, once listening). */
  warm(): void;
  /** Ends the threads; imports still waiting fail. */
  close(): Promise<void>;
}

interface Task {
  request: ParseRequest;
  resolve(result: ImportResult): void;
  reject(error: Error): void;
}

const here = import.meta.url;

/** How to start a worker here: the compiled file, or the source under tsx; undefined: neither found. */
function workerEntry(): (workerData: unknown) => Worker {
  const compiled = new URL("./parse-worker.js", here);
  if (here.endsWith(".js") && existsSync(fileURLToPath(compiled))) {
    return (workerData) => new Worker(compiled, { workerData });
  }
  const source = new URL("./parse-worker.ts", here);
  if (!existsSync(fileURLToPath(source))) {
    throw new Error(`The import worker is missing beside ${fileURLToPath(here)}`);
  }
  // tsx's loader, registered in the worker itself: the worker does not get it from a test runner's
  // thread, and under `tsx` (which passes it in execArgv) it would be registered twice.
  // Its ES module (tsx's CommonJS build of the API cannot register from an evaluated script), which
  // tsx's exports put beside the CommonJS one.
  const tsxApi = createRequire(here)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const bootstrap = `import(${JSON.stringify(pathToFileURL(tsxApi).href)})
    .then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })
    .catch((error) => { process.nextTick(() => { throw error; }); });`;
  return (workerData) => new Worker(bootstrap, { eval: true, execArgv: [], workerData });
}

class WorkerPool implements ImportPool {
  private readonly start = workerEntry();
  private readonly counters = slotCounters();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private sequence = 0;
  private closed = false;

  constructor(private readonly size: number) {}

  importDocument: ImportDocumentFunction = (bytes, fileName, options = {}) => {
    return new Promise<ImportResult>((resolve, reject) => {
      // The limits checked before any parsing stay in this thread: a refused upload is not copied.
      checkUploadSize(bytes.length);
      if (this.closed) throw new Error("The import pool is closed");
      // A copy: the caller still needs its bytes (the version's checksum), and the copy can be moved.
      const copy = new Uint8Array(bytes);
      const request = { id: ++this.sequence, bytes: copy, fileName, options, env: configEnvironment() };
      this.queue.push({ request, resolve, reject });
      this.dispatch();
    });
  };

  warm(): void {
    while (!this.closed && this.idle.length + this.busy.size < this.size) {
      const worker = this.spawn();
      worker.unref();
      this.idle.push(worker);
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift() as Task;
      this.busy.set(worker, task);
      worker.ref();
      worker.postMessage(task.request, [task.request.bytes.buffer as ArrayBuffer]);
    }
  }

  private spawn(): Worker {
    const worker = this.start({ counters: this.counters });
    worker.on("message", (answer: ParseAnswer) => {
      const task = this.busy.get(worker);
      if (!task || task.request.id !== answer.id) return;
      this.busy.delete(worker);
      worker.unref();
      this.idle.push(worker);
      if ("result" in answer) task.resolve(answer.result);
      else task.reject(fromThreadError(answer.error));
      this.dispatch();
    });
    const lost = (error: Error) => {
      const task = this.busy.get(worker);
      this.busy.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      task?.reject(error);
      if (!this.closed) this.dispatch();
    };
    worker.on("error", lost);
    worker.on("exit", (code) => lost(new Error(`The import worker stopped (exit code ${code})`)));
    return worker;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error("The import pool is closed"));
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

/**
 * A pool of `size` worker threads for imports; `size` 0: no threads, documents are parsed on the
 * caller's (`importDocument` itself).
 */
export function createImportPool(size: number): ImportPool {
  if (size <= 0) return { importDocument, warm: () => {}, close: async () => {} };
  return new WorkerPool(size);
}
