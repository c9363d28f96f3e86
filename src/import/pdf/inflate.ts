/**
 * pdf.js inflates every Flate stream it reads (each page's content, each font) through the web's
 * `DecompressionStream`, which Node runs as a zlib stream on its thread pool behind stream adapters:
 * for the largest fixture's 24 streams about 10 ms of CPU per import for about 1 ms of inflating.
 * While a PDF is read, pdf.js is given a `DecompressionStream` that inflates a "deflate" stream in one
 * synchronous zlib call when its input ends: the same zlib and the same bytes out. A stream zlib
 * refuses errors the readable side, as Node's does, and pdf.js then decodes it with its own inflater.
 * Other formats go to Node's own class.
 */
import { inflateSync } from "node:zlib";
import { IMPORT_LIMITS } from "../limits.js";

type Decompression = typeof DecompressionStream;

/**
 * "deflate" inflated whole, at the end of its input: the part of a `DecompressionStream` pdf.js uses
 * (a writer's `ready`, `write` and `close`; the readable iterated), without the web streams behind
 * one, which cost pdf.js about three times the inflating itself.
 */
function wholeInflate() {
  const chunks: Uint8Array[] = [];
  let end = () => {};
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  const writer = {
    ready: Promise.resolve(),
    write: async (chunk: Uint8Array) => {
      chunks.push(chunk);
    },
    close: async () => end(),
  };
  async function* inflated() {
    await ended;
    const input = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
    // A stream that would inflate past the cap errors, and pdf.js's own inflater meets the same bytes.
    yield inflateSync(input, { maxOutputLength: IMPORT_LIMITS.maxInflatedBytes });
  }
  return { writable: { getWriter: () => writer }, readable: inflated() };
}

function wholeDecompression(native: Decompression): Decompression {
  return function decompression(format: ConstructorParameters<Decompression>[0]) {
    return format === "deflate" ? wholeInflate() : new native(format);
  } as unknown as Decompression;
}

let readers = 0;
let native: Decompression | undefined;

/**
 * Runs `work` (a PDF read by pdf.js) with the whole-stream inflater in place of the global
 * `DecompressionStream`; the global is Node's own again once no read is running.
 */
export async function withWholeInflate<T>(work: () => Promise<T>): Promise<T> {
  if (readers++ === 0) {
    native = globalThis.DecompressionStream;
    if (native) globalThis.DecompressionStream = wholeDecompression(native);
  }
  try {
    return await work();
  } finally {
    if (--readers === 0 && native) globalThis.DecompressionStream = native;
  }
}
