import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { TOOL_MESSAGES } from "../../src/import/external.js";
import { importDocument } from "../../src/import/index.js";
import { LIMIT_MESSAGES } from "../../src/import/limits.js";
import { readPdfBlocks } from "../../src/import/pdf/index.js";
import { PDF_MESSAGES } from "../../src/import/pdf/load.js";
import { ocrTools } from "../../src/import/pdf/ocr.js";
import { sofficePath } from "../../src/import/soffice.js";
import { pagesPdf, pdf, stream } from "./pdf-builder.js";
import { renderAll } from "./render.js";

describe("PDF refusals, in Ukrainian and English, before anything is stored", () => {
  it("refuses an encrypted PDF (a user password it does not have)", async () => {
    const hex = (byte: string) => `<${byte.repeat(32)}>`;
    const encrypt = `<< /Filter /Standard /V 1 /R 2 /O ${hex("ab")} /U ${hex("cd")} /P -4 >>`;
    const bytes = pagesPdf(
      1,
      [encrypt],
      "/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]",
    );
    await expect(importDocument(bytes, "secret.pdf")).rejects.toThrow(PDF_MESSAGES.encrypted);
  });

  it("refuses a PDF of 500 pages before reading its pages", async () => {
    await expect(importDocument(pagesPdf(500), "long.pdf")).rejects.toThrow(LIMIT_MESSAGES.pdfPages);
  });

  it("refuses a PDF bomb (objects nested 200 000 deep) with a clear error", async () => {
    const nested = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const bytes = pdf([
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>",
      stream("", Buffer.from("BT ET")),
      `<< /Deep ${nested} >>`,
    ]);
    const refusal = importDocument(bytes, "bomb.pdf");
    await expect(refusal).rejects.toThrow(NotAProgrammeError);
    await expect(refusal).rejects.toThrow(/ \/ [A-Z]/);
  }, 60_000);

  it("refuses a damaged PDF", async () => {
    const bytes = Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog /Pa");
    await expect(importDocument(bytes, "cut.pdf")).rejects.toThrow(NotAProgrammeError);
  });
});

const scratch = mkdtempSync(path.join(tmpdir(), "infoprog-pdf-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const savedTesseract = process.env.INFOPROG_TESSERACT;
afterEach(() => {
  if (savedTesseract === undefined) delete process.env.INFOPROG_TESSERACT;
  else process.env.INFOPROG_TESSERACT = savedTesseract;
});

/** A scan: the first page of a real programme PDF as a grey image, with no text layer. */
function scanOf(programmePdf: Uint8Array): Uint8Array {
  const source = path.join(scratch, "source.pdf");
  writeFileSync(source, programmePdf);
  const tools = ocrTools();
  const out = path.join(scratch, "page");
  spawnSync(tools.pdftoppm ?? "pdftoppm", ["-r", "150", "-gray", "-f", "1", "-l", "1", source, out]);
  const pgm = readFileSync(`${out}-01.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString("latin1", 0, 40));
  if (!header) throw new Error("no PGM");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const image = stream(
    `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
    deflateSync(pixels),
  );
  return pdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
    stream("", Buffer.from("q 842 0 0 595 0 0 cm /Im1 Do Q")),
    image,
  ]);
}

const fixture = readFileSync(
  path.resolve(process.cwd(), "../shared/fixtures/programs/slobozhanska-2025-2027.txt"),
  "utf8",
);
const canScan = sofficePath() !== undefined && ocrTools().pdftoppm !== undefined;
if (!canScan) console.warn("SKIPPED: scanned-PDF tests need soffice and pdftoppm");

describe.skipIf(!canScan)("a scanned PDF", () => {
  it("says what to install when tesseract is missing", async () => {
    const [programmePdf] = await renderAll([fixture], "pdf");
    if (!programmePdf) throw new Error("no pdf");
    process.env.INFOPROG_TESSERACT = path.join(scratch, "no-tesseract");
    await expect(importDocument(scanOf(programmePdf), "scan.pdf")).rejects.toThrow(TOOL_MESSAGES.ocrMissing);
  }, 600_000);

  it.skipIf(!ocrTools().tesseract)(
    "is read by OCR, and marked so",
    async () => {
      const [programmePdf] = await renderAll([fixture], "pdf");
      if (!programmePdf) throw new Error("no pdf");
      const read = await readPdfBlocks(scanOf(programmePdf));
      expect(read.ocr).toBe(true);
      const text = read.blocks.map((block) => (block.kind === "paragraph" ? block.text : "")).join(" ");
      expect(text).toMatch(/РІШЕННЯ|Програм|громад/iu);
    },
    600_000,
  );
});
