/**
 * Reading a PDF with pdfjs-dist (Mozilla's PDF.js, Apache-2.0; chosen over mupdf, whose JavaScript
 * build is AGPL, and because it needs no native code): each page's text runs from `getTextContent`;
 * its straight ruling lines from its content streams read here (`rulings.ts`), or from pdf.js's
 * operator list where those hold what this reader leaves to pdf.js.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { NotAProgrammeError } from "../blocks.js";
import { checkPdfPages } from "../limits.js";
import { bilingual, FORMAT_MESSAGES } from "../sniff.js";
import type { PageContent, TextRun } from "./geometry.js";
import { type OpenPdf, readPages } from "./helper.js";
import { withWholeInflate } from "./inflate.js";
import { PdfObjects } from "./objects.js";
import { pdfjs, pdfWorker } from "./pdfjs.js";
import { contentRulings, operatorListRulings, type Rulings } from "./rulings.js";

type PdfJs = Awaited<ReturnType<typeof pdfjs>>;
/**
 * pdf.js's operator codes, set by `loadPdfPages` (which loads pdf.js) before any page is read. Not a
 * top-level await: the CLI's CommonJS build (Node 20's code cache, scripts/build-cli.mjs) has none.
 */
let OPS: PdfJs["OPS"];
/** pdf.js types it as the DOM's document, which the server build (no DOM lib) does not know. */
type OwnerDocument = Extract<
  Parameters<PdfJs["getDocument"]>[0],
  { ownerDocument?: unknown }
>["ownerDocument"];

export const PDF_MESSAGES = {
  encrypted: bilingual(
    "PDF захищено паролем: відкрийте його, зніміть захист і збережіть знову (або завантажте DOCX).",
    "The PDF is password-protected: open it, remove the protection and save it again (or upload the DOCX).",
  ),
  broken: FORMAT_MESSAGES.brokenPdf,
} as const;

/** The page's rulings from its content streams; from pdf.js's operator list where those are not read here. */
async function pageRulings(page: PDFPageProxy, objects: PdfObjects | undefined): Promise<Rulings> {
  if (objects && page.ref) {
    try {
      return contentRulings(objects, page.ref);
    } catch {
      // Unread: something pdf.js reads its own way (or damage it mends); it reads the page below.
    }
  }
  return operatorListRulings(await page.getOperatorList(), OPS);
}

/** The document's objects for `contentRulings`, or none when its structure is left to pdf.js. */
function pdfObjects(bytes: Uint8Array): PdfObjects | undefined {
  try {
    return new PdfObjects(bytes);
  } catch {
    return undefined;
  }
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

function pageRuns(items: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    const { str, transform, width } = item as TextItemLike;
    if (typeof str !== "string" || str.trim() === "" || !transform) continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = transform;
    runs.push({ text: str, x, y, width, size: Math.hypot(a, b) || 1 });
  }
  return runs;
}

async function readPage(
  document: PDFDocumentProxy,
  number: number,
  objects: PdfObjects | undefined,
): Promise<PageContent> {
  const page = await document.getPage(number);
  const [, , width, height] = page.view as [number, number, number, number];
  const text = await page.getTextContent();
  const rulings = await pageRulings(page, objects);
  page.cleanup();
  return { runs: pageRuns(text.items), ...rulings, width, height };
}

/**
 * The document pdf.js loads a PDF's fonts into (its `ownerDocument` option). This reader draws
 * nothing, so the fonts are not needed as fonts; but with no document (`disableFontFace`, the only
 * other way in Node) pdf.js compiles every glyph the text uses into a path while it builds each
 * operator list — about a third of the operator list's time, only to be thrown away here. With
 * this document pdf.js hands it each font as a `@font-face` rule, which it keeps nowhere.
 */
const FONTLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

function isPasswordError(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "PasswordException";
}

/** Opens a PDF in pdf.js (inside `withWholeInflate`); refuses an encrypted, damaged or overlong one. */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  const pdf = await pdfjs();
  OPS = pdf.OPS;
  const worker = await pdfWorker();
  const task = pdf.getDocument({
    data: new Uint8Array(bytes),
    worker,
    isEvalSupported: false,
    disableFontFace: false,
    // Only the members above are used by pdf.js's font loader in Node (no FontFace API there).
    ownerDocument: FONTLESS_DOCUMENT as unknown as OwnerDocument,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const close = async () => {
    await task.destroy();
    worker.destroy();
  };
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await close();
    if (isPasswordError(error)) throw new NotAProgrammeError(PDF_MESSAGES.encrypted);
    throw new NotAProgrammeError(PDF_MESSAGES.broken);
  }
  // The page limit before this reader parses the document's objects itself.
  try {
    checkPdfPages(document.numPages);
  } catch (error) {
    await close();
    throw error;
  }
  const objects = pdfObjects(bytes);
  return { pages: document.numPages, read: (number) => readPage(document, number, objects), close };
}

/** Every page's text runs and rulings; refuses encrypted, damaged and overlong PDFs. */
export function loadPdfPages(bytes: Uint8Array): Promise<PageContent[]> {
  return withWholeInflate(() => readPdfPages(bytes));
}

async function readPdfPages(bytes: Uint8Array): Promise<PageContent[]> {
  const pdf = await openPdf(bytes);
  try {
    return await readPages(pdf, bytes);
  } catch (error) {
    if (error instanceof NotAProgrammeError) throw error;
    throw new NotAProgrammeError(PDF_MESSAGES.broken);
  } finally {
    await pdf.close();
  }
}
