/**
 * Imports parsed on worker threads, so that the server's event loop answers other requests while a
 * document is read (a DOCX or PDF of a programme takes a core for 0.1–1 s, longer under load). A
 * worker does what `importDocument` does — bytes to programme, findings and coverage — and the
 * caller stores the result. A tiny pool of our own: a fixed number of threads started on demand, one
 * import at a time each, the rest queued in order; a thread that dies fails its import and is
 * replaced. Each thread has a heap limit (`resourceLimits`) and each import a wall-clock limit (its
 * waits for a LibreOffice/OCR slot aside): past either the thread is ended, the import refused with a
 * Ukrainian message (422, as the importer's other limits), and a new thread started in its place. The
 * CLI keeps parsing in its own thread (`importDocument`).
 *
 * The worker is `parse-worker.js` beside this module when compiled (dist/server), else
 * `parse-worker.ts` through tsx (`npm start`, the tests).
 */
import type { Worker } from "node:worker_threads";
import { configEnvironment } from "../config.js";
import { InvalidKatottgError } from "../domain/katottg.js";
import type { ImportResult } from "../domain/model.js";
import { NotAProgrammeError } from "./blocks.js";
import type { Leftover } from "./external.js";
import { type ImportOptions, importDocument } from "./index.js";
import { checkUploadSize, WORKER_MESSAGES } from "./limits.js";
import { Leftovers, SlotBroker } from "./pool-threads.js";
import { workerEntry } from "./thread-entry.js";

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

/**
 * What a worker says besides its answers: that it has loaded the importer and takes documents; that
 * it asks for a LibreOffice/OCR slot (`ticket`: answered by `SlotGranted`) or gives one back; that it
 * has started or ended a program or a temporary directory.
 */
export type ThreadNote =
  | { type: "ready" }
  | { type: "acquire"; ticket: number; slot: number; limit: number }
  | { type: "release"; slot: number }
  | { type: "track"; leftover: Leftover; present: boolean };

/** The main thread's answer to an `acquire`: the slot is the worker's. */
export interface SlotGranted {
  type: "granted";
  ticket: number;
}

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
  /** The threads running now, busy or idle. */
  threads(): number;
}

/** What one thread may take (`config().importWorker`). */
export interface WorkerLimits {
  /** Its JavaScript heap, old generation (`resourceLimits.maxOldGenerationSizeMb`). */
  memoryMb: number;
  /** One import's wall-clock time on it. */
  timeoutMs: number;
}

export const DEFAULT_WORKER_LIMITS: WorkerLimits = { memoryMb: 1024, timeoutMs: 600_000 };

interface Task {
  request: ParseRequest;
  resolve(result: ImportResult): void;
  reject(error: Error): void;
}

/** A timer that can be paused (while its thread waits for a LibreOffice/OCR slot). */
class Stopwatch {
  private handle: NodeJS.Timeout | undefined;
  private since = 0;

  constructor(
    private remainingMs: number,
    private readonly expire: () => void,
  ) {
    this.resume();
  }

  pause(): void {
    if (!this.handle) return;
    clearTimeout(this.handle);
    this.handle = undefined;
    this.remainingMs -= Date.now() - this.since;
  }

  resume(): void {
    if (this.handle) return;
    this.since = Date.now();
    this.handle = setTimeout(this.expire, Math.max(0, this.remainingMs));
  }

  stop(): void {
    clearTimeout(this.handle);
    this.handle = undefined;
  }
}

/** Why a thread stopped, as its import's refusal: out of memory, past its time, or another end. */
function lossError(error: Error, limits: WorkerLimits): Error {
  if ((error as { code?: unknown }).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return new NotAProgrammeError(WORKER_MESSAGES.memory(limits.memoryMb));
  }
  return error;
}

class WorkerPool implements ImportPool {
  private readonly start = workerEntry(import.meta.url, "parse-worker");
  /** The LibreOffice/OCR slots, held here so that a thread's death gives its slots back. */
  private readonly slots = new SlotBroker<Worker>();
  private readonly leftovers = new Map<Worker, Leftovers>();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  /** Threads that have loaded the importer: one that dies after that is replaced. */
  private readonly ready = new WeakSet<Worker>();
  private readonly clocks = new Map<Worker, Stopwatch>();
  /** Why a thread the pool ended was ended, for its import's refusal. */
  private readonly endedFor = new Map<Worker, Error>();
  private readonly queue: Task[] = [];
  private sequence = 0;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly limits: WorkerLimits,
  ) {}

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

  threads(): number {
    return this.idle.length + this.busy.size;
  }

  warm(): void {
    while (!this.closed && this.threads() < this.size) this.idle.push(this.spawn());
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.busy.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const task = this.queue.shift() as Task;
      this.busy.set(worker, task);
      worker.ref();
      if (this.ready.has(worker)) this.startClock(worker);
      worker.postMessage(task.request, [task.request.bytes.buffer as ArrayBuffer]);
    }
  }

  /** The import's time counts from when its thread has loaded the importer, not while it starts. */
  private startClock(worker: Worker): void {
    this.clocks.set(worker, new Stopwatch(this.limits.timeoutMs, () => this.timeOut(worker)));
  }

  /** Ends a thread whose import ran past its time; its import is refused and the thread replaced. */
  private timeOut(worker: Worker): void {
    const seconds = Math.round(this.limits.timeoutMs / 1000);
    this.endedFor.set(worker, new NotAProgrammeError(WORKER_MESSAGES.time(seconds)));
    void worker.terminate();
  }

  private answered(worker: Worker, answer: ParseAnswer | ThreadNote): void {
    if ("type" in answer) {
      this.noted(worker, answer);
      return;
    }
    const task = this.busy.get(worker);
    if (!task || task.request.id !== answer.id) return;
    this.release(worker);
    this.idle.push(worker);
    if ("result" in answer) task.resolve(answer.result);
    else task.reject(fromThreadError(answer.error));
    this.dispatch();
  }

  private noted(worker: Worker, note: ThreadNote): void {
    if (note.type === "ready") {
      this.ready.add(worker);
      if (this.busy.has(worker)) this.startClock(worker);
    } else if (note.type === "acquire") {
      this.acquireSlot(worker, note);
    } else if (note.type === "release") {
      this.slots.release(worker, note.slot);
    } else {
      const leftovers = this.leftovers.get(worker) ?? new Leftovers();
      this.leftovers.set(worker, leftovers);
      leftovers.track(note.leftover, note.present);
    }
  }

  /** A slot for the thread; its import's clock stands still while it waits. */
  private acquireSlot(
    worker: Worker,
    { ticket, slot, limit }: { ticket: number; slot: number; limit: number },
  ) {
    const clock = this.clocks.get(worker);
    clock?.pause();
    void this.slots.acquire(worker, slot, limit).then(() => {
      if (clock && this.clocks.get(worker) === clock) clock.resume();
      worker.postMessage({ type: "granted", ticket } satisfies SlotGranted);
    });
  }

  /** The thread is no longer busy: its clock stopped, the process free to exit. */
  private release(worker: Worker): Task | undefined {
    const task = this.busy.get(worker);
    this.busy.delete(worker);
    this.clocks.get(worker)?.stop();
    this.clocks.delete(worker);
    worker.unref();
    return task;
  }

  private lost(worker: Worker, error: Error): void {
    this.slots.forget(worker);
    this.leftovers.get(worker)?.clear();
    this.leftovers.delete(worker);
    const task = this.release(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    task?.reject(this.endedFor.get(worker) ?? lossError(error, this.limits));
    this.endedFor.delete(worker);
    if (this.closed) return;
    // A thread that never got ready (it cannot even load the importer) is not replaced in a loop.
    if (this.ready.delete(worker) && this.threads() < this.size) this.idle.push(this.spawn());
    this.dispatch();
  }

  private spawn(): Worker {
    const worker = this.start({ maxOldGenerationSizeMb: this.limits.memoryMb });
    worker.unref();
    worker.on("message", (answer: ParseAnswer | ThreadNote) => this.answered(worker, answer));
    worker.on("error", (error: Error) => this.lost(worker, error));
    worker.on("exit", (code) =>
      this.lost(worker, new Error(`The import worker stopped (exit code ${code})`)),
    );
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
 * A pool of `size` worker threads for imports, each within `limits`; `size` 0: no threads, documents
 * are parsed on the caller's (`importDocument` itself).
 */
export function createImportPool(size: number, limits: WorkerLimits = DEFAULT_WORKER_LIMITS): ImportPool {
  if (size <= 0) return { importDocument, warm: () => {}, close: async () => {}, threads: () => 0 };
  return new WorkerPool(size, limits);
}
