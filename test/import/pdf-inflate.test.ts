import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { withWholeInflate } from "../../src/import/pdf/inflate.js";
import { pdf, stream } from "../formats/pdf-builder.js";

const nodes = globalThis.DecompressionStream;

/** What a `DecompressionStream` made now gives for `bytes`, read as pdf.js reads it: all of it, or that it failed. */
async function inflated(bytes: Uint8Array<ArrayBuffer>): Promise<Buffer | "error"> {
  const { readable, writable } = new DecompressionStream("deflate");
  const writer = writable.getWriter();
  writer
    .write(bytes)
    .then(() => writer.close())
    .catch(() => undefined);
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of readable) chunks.push(chunk);
    return Buffer.concat(chunks);
  } catch {
    // pdf.js reads no message: on any error it decodes the stream with its own inflater.
    return "error";
  }
}

const CONTENT = Buffer.from("BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n".repeat(40));
const DEFLATED = deflateSync(CONTENT);
// Node 22's own stream errors on bytes after the end, where Node 20's gives the content; pdf.js's own
// inflater, which it then uses, gives the content too. So the content is the answer there.
const CASES: [string, Buffer, Buffer | "error"][] = [
  ["whole", DEFLATED, CONTENT],
  ["bytes after its end", Buffer.concat([DEFLATED, Buffer.from("\r\njunk")]), CONTENT],
  ["cut short", DEFLATED.subarray(0, DEFLATED.length - 10), "error"],
  ["not deflate", Buffer.from("plain text"), "error"],
  [
    "a wrong checksum",
    Buffer.concat([DEFLATED.subarray(0, -1), Buffer.from([(DEFLATED.at(-1) ?? 0) ^ 1])]),
    "error",
  ],
];

describe("pdf.js's Flate streams inflated whole", () => {
  it.each(CASES)("gives for a stream %s what pdf.js reads from it", async (_, bytes, expected) => {
    expect(await withWholeInflate(() => inflated(new Uint8Array(bytes)))).toEqual(expected);
  });

  it("is in place while a PDF is read, reads are overlapping too, and Node's own afterwards", async () => {
    let release = () => {};
    const first = withWholeInflate(
      () =>
        new Promise<typeof DecompressionStream>((resolve) => {
          release = () => resolve(globalThis.DecompressionStream);
        }),
    );
    const second = await withWholeInflate(async () => globalThis.DecompressionStream);
    release();
    expect(second).not.toBe(nodes);
    expect(await first).toBe(second);
    expect(globalThis.DecompressionStream).toBe(nodes);
  });

  it("reads a page whose content is a Flate stream", async () => {
    const { loadPdfPages } = await import("../../src/import/pdf/load.js");
    const document = pdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      stream("/Filter /FlateDecode", deflateSync("BT /F1 12 Tf 72 700 Td (Hello) Tj ET")),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]);
    const [page] = await loadPdfPages(document);
    expect(page?.runs.map((run) => run.text)).toEqual(["Hello"]);
    expect(globalThis.DecompressionStream).toBe(nodes);
  });
});
