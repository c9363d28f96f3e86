/**
 * A PDF's pages read by two threads at once: this one from the front, a helper thread from the back
 * (`page-worker.ts`, its own pdf.js on its own copy of the document), each page once (`claims.ts`).
 * pdf.js's reading of the pages is most of a PDF import and one page needs nothing of another, so a
 * second core takes a good part of it off the wait (the largest fixture: pdf.js's text 69 → 48 ms).
 *
 * The helper only ever helps: it takes pages only once it has loaded pdf.js and opened the document,
 * so a slow start costs this thread no wait; pages it took and did not give back (it failed, died or
 * hung) are read here. Its start (loading pdf.js, a core for a tenth of a second or more) pays off in
 * a thread that reads PDFs for a while — an import pool's thread says so (`keepPageHelper`), and there
 * the first document of a few pages starts it — or for a long document; a one-off import of a short
 * one (the CLI) starts none. One helper per thread, ended when idle for a minute.
 */
import { resourceLimits, type Worker } from "node:worker_threads";
import { checkDeadline, deadlineLeftMs, refuseAtDeadline } from "../limits.js";
import { workerEntry } from "../thread-entry.js";
import { type Claims, newClaims, takeFront, takenFromBack, takeRest } from "./claims.js";
import type { PageContent } from "./geometry.js";

/** Fewer pages than this are read here alone: the helper's messages would cost about what it saves. */
export const HELP_FROM_PAGES = 4;
/** A document this long starts a helper in any thread: its pages take longer than the helper's start. */
export const START_FROM_PAGES = 40;
/**
 * The helper's JavaScript heap: a quarter of this thread's own limit (an import pool's thread has one,
 * `config().importWorker.memoryMb`; 1 GB else), at least 128 MB, so that a document read by two threads
 * takes at most a quarter more memory than read by one. Past it the helper dies and its pages are read
 * here, under this thread's limit, as with no helper.
 */
const HELPER_HEAP_MB = Math.max(128, Math.floor((resourceLimits.maxOldGenerationSizeMb ?? 1024) / 4));
/** A helper idle this long is ended (its pdf.js and heap given back). */
const HELPER_IDLE_MS = 60_000;

/** A PDF open in pdf.js (`openPdf`). */
export interface OpenPdf {
  pages: number;
  /** One page's text runs and rulings (pages from 1). */
  read(number: number): Promise<PageContent>;
  close(): Promise<void>;
}

/** What the helper is sent: a document to help with. */
export interface HelpRequest {
  job: number;
  bytes: Uint8Array;
  pages: number;
  claims: Claims;
  /** When to stop taking pages (Date.now()): this thread's import gives up then. */
  deadline: number;
}

/** What the helper answers: that it has loaded pdf.js, a page it read, or that it takes no more pages of a document. */
export type HelpAnswer =
  | { ready: true }
  | { job: number; number: number; page: PageContent }
  | { job: number; done: true }
  | { job: number; failed: true };

/** One document's help: the pages given so far, and whether the helper still gives more. */
class Job {
  readonly given = new Map<number, PageContent>();
  ended = false;
  private changed = () => {};

  constructor(readonly id: number) {}

  update(): void {
    this.changed();
  }

  /** Waits until the last `count` pages are given or the helper gives no more; at most `ms`. */
  async settle(pages: number, count: number, ms: number): Promise<boolean> {
    const settled = () => this.ended || this.hasLast(pages, count);
    if (settled()) return true;
    let timer: NodeJS.Timeout | undefined;
    const done = await new Promise<boolean>((resolve) => {
      this.changed = () => settled() && resolve(true);
      timer = setTimeout(() => resolve(false), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    });
    clearTimeout(timer);
    return done;
  }

  private hasLast(pages: number, count: number): boolean {
    for (let number = pages - count + 1; number <= pages; number++) if (!this.given.has(number)) return false;
    return true;
  }
}

/** This thread's helper thread, started on first use and ended when idle or when it fails. */
class Helper {
  private worker: Worker | undefined;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 1;
  private idle: NodeJS.Timeout | undefined;
  private ready: Promise<void> | undefined;
  private becameReady = () => {};

  get started(): boolean {
    return this.worker !== undefined;
  }

  /** Starts the helper if it is not running; resolves once it has loaded pdf.js, or failed to. */
  async warm(): Promise<void> {
    const worker = this.running();
    if (!worker) return;
    // Held open meanwhile: an unreferenced thread's messages alone would let the process end first.
    worker.ref();
    try {
      await this.ready;
    } finally {
      worker.unref();
    }
  }

  /** Asks the helper to read pages of `bytes` from the back; undefined when no helper can start. */
  ask(bytes: Uint8Array, pages: number, claims: Claims): Job | undefined {
    const worker = this.running();
    if (!worker) return undefined;
    clearTimeout(this.idle);
    const job = new Job(this.nextJob++);
    const request: HelpRequest = {
      job: job.id,
      bytes,
      pages,
      claims,
      deadline: Date.now() + deadlineLeftMs(),
    };
    this.jobs.set(job.id, job);
    worker.postMessage(request);
    return job;
  }

  /** The job is over for this thread: its later pages, if any, are dropped. */
  forget(job: Job): void {
    this.jobs.delete(job.id);
    if (this.jobs.size === 0 && this.worker) {
      this.idle = setTimeout(() => this.stop(), HELPER_IDLE_MS);
      this.idle.unref();
    }
  }

  /** Ends the helper (hung past a deadline, or idle); its jobs give no more pages. */
  stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.becameReady();
    this.ready = undefined;
    this.endJobs();
    void worker?.terminate();
  }

  private running(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = workerEntry(import.meta.url, "page-worker")({ maxOldGenerationSizeMb: HELPER_HEAP_MB });
      this.ready = new Promise((resolve) => {
        this.becameReady = resolve;
      });
      worker.on("message", (answer: HelpAnswer) => this.receive(answer));
      // A helper that failed to start or died: its jobs' pages are read here, and the next document starts another.
      const lost = () => {
        if (this.worker === worker) this.stop();
      };
      worker.on("error", lost);
      worker.on("exit", lost);
      // After the listeners: a message listener holds the process open again.
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      return undefined;
    }
  }

  private receive(answer: HelpAnswer): void {
    if ("ready" in answer) {
      this.becameReady();
      return;
    }
    const job = this.jobs.get(answer.job);
    if (!job) return;
    if ("page" in answer) job.given.set(answer.number, answer.page);
    else job.ended = true;
    job.update();
  }

  private endJobs(): void {
    for (const job of this.jobs.values()) {
      job.ended = true;
      job.update();
    }
    this.jobs.clear();
  }
}

const helper = new Helper();
let kept = false;
let helped = 0;

/** Pages the helper has read for this thread so far (a benchmark says how many of its pages it read). */
export function pagesReadByHelper(): number {
  return helped;
}

/**
 * This thread reads PDFs for a while (an import pool's thread): the first document of a few pages
 * starts the helper, and the helper is started again when it was ended.
 */
export function keepPageHelper(): void {
  kept = true;
}

/** `keepPageHelper`, and the helper started now; resolves once it can take pages (a benchmark, before timing). */
export function warmPageHelper(): Promise<void> {
  kept = true;
  return helper.warm();
}

let suspended = 0;

/** `work` with every PDF read by this thread alone (a benchmark's one-thread figure). */
export async function withoutPageHelper<T>(work: () => Promise<T>): Promise<T> {
  suspended++;
  try {
    return await work();
  } finally {
    suspended--;
  }
}

function worthHelp(pages: number): boolean {
  if (suspended > 0 || pages < HELP_FROM_PAGES) return false;
  return kept || helper.started || pages >= START_FROM_PAGES;
}

/** Every page of an open PDF, read here from the front and, for a document worth it, by the helper from the back. */
export async function readPages(
  pdf: OpenPdf,
  bytes: Uint8Array,
  claims: Claims = newClaims(),
): Promise<PageContent[]> {
  const job = worthHelp(pdf.pages) ? helper.ask(bytes, pdf.pages, claims) : undefined;
  const pages = new Array<PageContent | undefined>(pdf.pages);
  try {
    for (
      let number = takeFront(claims, pdf.pages);
      number !== undefined;
      number = takeFront(claims, pdf.pages)
    ) {
      checkDeadline();
      pages[number - 1] = await pdf.read(number);
    }
    if (job && !(await job.settle(pdf.pages, takenFromBack(claims), deadlineLeftMs()))) {
      // Refused here, not by `checkDeadline`: a timer may fire a millisecond before `Date.now()` says so.
      helper.stop();
      refuseAtDeadline();
    }
  } finally {
    takeRest(claims, pdf.pages);
    if (job) helper.forget(job);
  }
  for (const [number, page] of job?.given ?? []) pages[number - 1] = page;
  helped += job?.given.size ?? 0;
  return readMissing(pdf, pages);
}

/** The pages the helper took and did not give back, read here. */
async function readMissing(pdf: OpenPdf, pages: (PageContent | undefined)[]): Promise<PageContent[]> {
  const read: PageContent[] = [];
  for (const [index, page] of pages.entries()) {
    if (page) read.push(page);
    else {
      checkDeadline();
      read.push(await pdf.read(index + 1));
    }
  }
  return read;
}

/** Ends this thread's helper now (tests; a process that is done with PDFs). */
export function stopPageHelper(): void {
  helper.stop();
}
