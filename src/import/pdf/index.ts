/**
 * PDF reader. A PDF with a text layer is rebuilt from glyph positions and table borders
 * (`layout.ts`); a scan (no text layer) is OCR'd (`ocr.ts`) when tesseract is installed, and the
 * import then carries a finding that its text must be checked against the document.
 */
import type { Block } from "../blocks.js";
import type { PageContent } from "./geometry.js";
import { layoutPages } from "./layout.js";
import { ocrPdf } from "./ocr.js";

export interface PdfRead {
  blocks: Block[];
  /** True when the text came from OCR. */
  ocr: boolean;
  /** Lines holding rows of tables without borders whose header was not recognised, read as text. */
  unframed: number[];
  /** Pages of a scan that could not be straightened (crooked beyond what is looked for, or no way up found). */
  crooked: number[];
  /**
   * The rows' lines of each table without borders read from its alignment alone (no header the
   * interpreter knows): a passport, an annex's rows after a page break, or a table no rule reads.
   */
  headerless: number[][];
}

/** Fewer letters than this on an average page: no text layer to speak of (a scan, maybe with a stamp). */
const SCAN_LETTERS_PER_PAGE = 40;

function isScan(pages: PageContent[]): boolean {
  const letters = pages.reduce(
    (sum, page) => sum + page.runs.reduce((count, run) => count + run.text.replace(/\s/g, "").length, 0),
    0,
  );
  return letters < SCAN_LETTERS_PER_PAGE * Math.max(1, pages.length);
}

export async function readPdfBlocks(bytes: Uint8Array): Promise<PdfRead> {
  // pdfjs-dist is loaded by a PDF import only: the CLI and the server start without it (issue 13).
  const { loadPdfPages } = await import("./load.js");
  const pages = await loadPdfPages(bytes);
  if (!isScan(pages)) return { ...layoutPages(pages), ocr: false, crooked: [] };
  return { ...(await ocrPdf(bytes, pages.length)), ocr: true };
}
