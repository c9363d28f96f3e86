/**
 * Other programs the importer runs on an upload: LibreOffice for DOC and RTF, pdftoppm and tesseract
 * for scanned PDFs. Each runs in a private temporary directory (deleted afterwards), with its own
 * HOME, a timeout after which its whole process group is killed, and a cap on how many run at once.
 */
import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { config } from "../config.js";
import { NotAProgrammeError } from "./blocks.js";
import { bilingual } from "./sniff.js";

/** The first executable of `names` on PATH, or the configured path when it is set. */
export function findProgram(configured: string | undefined, names: readonly string[]): string | undefined {
  if (configured) return configured;
  for (const directory of config().tools.path.split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(directory || ".", name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * The slots capped per server, by kind. With imports parsed on a pool of worker threads (`pool.ts`),
 * each thread has its own module state, and a cap counted per thread would multiply by the pool's
 * size: there the pool's main thread owns the slots (`SlotBroker`, `pool-threads.ts`).
 */
export const SHARED_SLOTS = { soffice: 0, ocr: 1 } as const;

/** What a thread leaves behind if it dies mid-task: a program's process group, a temporary directory. */
export type Leftover = { pid: number } | { directory: string };

/**
 * A thread of the import pool's line to the pool's main thread: slots are asked of it and given back
 * to it, and what the thread starts outside itself is reported, so that a thread ended mid-task
 * (out of memory, past its time, crashed) leaks no slot, process or directory.
 */
export interface PoolLink {
  acquire(slot: number, limit: number): Promise<void>;
  release(slot: number): void;
  track(leftover: Leftover, present: boolean): void;
}

let poolLink: PoolLink | undefined;

/** In a pool's thread: its slots and leftovers go through `link` from now on. */
export function linkToPool(link: PoolLink): void {
  poolLink = link;
}

/**
 * Runs at most `limit` tasks at once; the rest wait in order. With `shared` (a kind of
 * `SHARED_SLOTS`), in a thread of the import pool the limit holds across all the pool's threads.
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limit: number,
    private readonly shared?: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (poolLink && this.shared !== undefined) return this.runShared(poolLink, this.shared, task);
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private async runShared<T>(link: PoolLink, slot: number, task: () => Promise<T>): Promise<T> {
    await link.acquire(slot, this.limit);
    try {
      return await task();
    } finally {
      link.release(slot);
    }
  }
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

export class ProgramTimeoutError extends Error {
  override name = "ProgramTimeoutError";
}

export class ProgramMissingError extends Error {
  override name = "ProgramMissingError";
}

const OUTPUT_CAP = 64 * 1024 * 1024;

/**
 * Runs `program` in `cwd` with a minimal environment. Past `timeoutMs` the process group is killed
 * and `ProgramTimeoutError` thrown; a program that cannot be started throws `ProgramMissingError`.
 */
export function runProgram(
  program: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: config().tools.path,
        HOME: options.cwd,
        LANG: "C.UTF-8",
        TMPDIR: options.cwd,
      },
    });
    const pid = child.pid;
    if (pid) poolLink?.track({ pid }, true);
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = "";
    let timedOut = false;
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.byteLength;
      if (stdoutBytes > OUTPUT_CAP) kill();
      else stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString("utf8");
    });
    const ended = () => {
      clearTimeout(timer);
      if (pid) poolLink?.track({ pid }, false);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      ended();
      reject(error.code === "ENOENT" || error.code === "EACCES" ? new ProgramMissingError(program) : error);
    });
    child.on("close", (code) => {
      ended();
      if (timedOut) reject(new ProgramTimeoutError(program));
      else resolve({ code, stdout: Buffer.concat(stdout), stderr });
    });
  });
}

/** A private temporary directory for `work`, removed afterwards whatever happens. */
export async function inTempDirectory<T>(work: (directory: string) => Promise<T>): Promise<T> {
  const directory = await mkdtemp(path.join(tmpdir(), "infoprog-import-"));
  poolLink?.track({ directory }, true);
  try {
    return await work(directory);
  } finally {
    await rm(directory, { recursive: true, force: true });
    poolLink?.track({ directory }, false);
  }
}

export const TOOL_MESSAGES = {
  sofficeMissing: bilingual(
    "Для документів DOC і RTF потрібен LibreOffice, але його не знайдено. Встановіть пакет libreoffice-writer-nogui (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) або вкажіть шлях до soffice у INFOPROG_SOFFICE. Або збережіть документ як DOCX.",
    "DOC and RTF documents need LibreOffice, which was not found. Install the libreoffice-writer-nogui package (Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or set INFOPROG_SOFFICE to soffice's path. Or save the document as DOCX.",
  ),
  ocrMissing: bilingual(
    "Цей PDF — скан без текстового шару. Щоб розпізнати текст, на сервері потрібні tesseract з українською мовою та pdftoppm (Debian/Ubuntu: apt-get install tesseract-ocr-ukr poppler-utils). Або завантажте документ з текстом: DOCX чи PDF, збережений з текстового редактора.",
    "This PDF is a scan with no text layer. Reading it needs tesseract with Ukrainian and pdftoppm on the server (Debian/Ubuntu: apt-get install tesseract-ocr-ukr poppler-utils). Or upload a document with text: DOCX, or a PDF saved from a word processor.",
  ),
} as const;

export function refuse(message: string): never {
  throw new NotAProgrammeError(message);
}
