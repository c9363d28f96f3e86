/**
 * pdfjs-dist, loaded once, on the first PDF import, with its worker code in this thread.
 *
 * pdf.js's legacy build (the one for Node) bundles core-js polyfills, and on Node 20 (V8 11.3) some
 * of them replace built-ins that work: `Array.prototype.push` (for an edge case of a non-writable
 * `length`) and `JSON.parse`/`JSON.stringify` (for the JSON source-text proposal) become plain
 * JavaScript versions, several times slower, for the whole process from then on — pdf.js itself,
 * the importer after it, and a server that once imported a PDF. Measured on the largest fixture, the
 * slow `push` alone was about a seventh of a PDF import. So the built-ins are taken before loading
 * pdf.js and put back after: pdf.js needs neither replacement (it uses no non-writable `length` and
 * no `JSON.rawJSON`).
 *
 * The worker module is loaded here too and handed to pdf.js as `globalThis.pdfjsWorker` (its
 * documented way to run the worker in the main thread), so that its polyfills land inside the same
 * save-and-restore instead of at the first `getDocument`.
 */
import { SnapshotPort } from "./port.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
/** pdf.js types it as the DOM's `Worker`, which the server build (no DOM lib) does not know. */
type WorkerPort = NonNullable<ConstructorParameters<PdfJs["PDFWorker"]>[0]>["port"];

/** Built-ins that the legacy build's polyfills overwrite on some Node versions. */
const GUARDED: [object, PropertyKey][] = [
  [Array.prototype, "push"],
  [JSON, "parse"],
  [JSON, "stringify"],
];

/** The part of pdf.js's worker module used here. */
interface WorkerCode {
  WorkerMessageHandler: { initializeFromPort(port: SnapshotPort): void };
}

let loading: Promise<PdfJs> | undefined;
let workerCode: WorkerCode | undefined;

async function loadGuarded(): Promise<PdfJs> {
  const saved = GUARDED.map(
    ([owner, key]) => [owner, key, Object.getOwnPropertyDescriptor(owner, key)] as const,
  );
  try {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // @ts-expect-error pdfjs-dist ships no types for its worker module; only its export is used.
    const worker: WorkerCode = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    workerCode = worker;
    return pdfjs;
  } finally {
    for (const [owner, key, descriptor] of saved) {
      if (descriptor) Object.defineProperty(owner, key, descriptor);
    }
  }
}

/** pdf.js, loaded on first use, with the process's built-ins as they were. */
export function pdfjs(): Promise<PdfJs> {
  loading ??= loadGuarded();
  return loading;
}

/** A pdf.js worker for one document: its code in this thread, its messages over a `SnapshotPort`. */
export async function pdfWorker(): Promise<InstanceType<PdfJs["PDFWorker"]>> {
  const api = await pdfjs();
  const port = new SnapshotPort();
  workerCode?.WorkerMessageHandler.initializeFromPort(port);
  // verbosity 0 as `getDocument` is given: pdf.js warns of what it mends, which the import reports its own way.
  return new api.PDFWorker({ port: port as unknown as WorkerPort, verbosity: 0 });
}
