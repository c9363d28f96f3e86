/**
 * Reading a PDF with pdfjs-dist (Mozilla's PDF.js, Apache-2.0; chosen over mupdf, whose JavaScript
 * build is AGPL, and because it needs no native code): each page's text runs from `getTextContent`
 * and its straight ruling lines from the operator list, with the graphics state's transform applied.
 */
import type { PDFDocumentProxy, PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { NotAProgrammeError } from "../blocks.js";
import { checkDeadline, checkPdfPages } from "../limits.js";
import { bilingual, FORMAT_MESSAGES } from "../sniff.js";
import type { PageContent, Ruling, TextRun } from "./geometry.js";
import { pdfjs } from "./pdfjs.js";

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

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** pdf.js's path opcodes inside a `constructPath` (DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE = 4;

/** The operators that paint a path: made at the first path, once pdf.js (OPS) is loaded. */
let PAINTS: Set<number> | undefined;
/** A filled rectangle thinner than this is a ruling drawn as a bar (Word's PDFs draw borders so). */
const BAR = 2.5;

/** The polygons of a pdf.js path: its points, subpath by subpath. */
function subpaths(data: ArrayLike<number>): [number, number][][] {
  const paths: [number, number][][] = [];
  let current: [number, number][] = [];
  for (let at = 0; at < data.length; ) {
    const op = data[at] ?? CLOSE;
    if (op === MOVE_TO) {
      if (current.length > 0) paths.push(current);
      current = [[data[at + 1] ?? 0, data[at + 2] ?? 0]];
      at += 3;
    } else if (op === LINE_TO) {
      current.push([data[at + 1] ?? 0, data[at + 2] ?? 0]);
      at += 3;
    } else if (op === CURVE_TO) at += 7;
    else if (op === QUADRATIC_TO) at += 5;
    else {
      if (current[0]) current.push(current[0]);
      at += 1;
    }
  }
  if (current.length > 0) paths.push(current);
  return paths;
}

interface Rulings {
  horizontal: Ruling[];
  vertical: Ruling[];
}

function addSegment(out: Rulings, [x1, y1]: [number, number], [x2, y2]: [number, number]): void {
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > 1) {
    out.horizontal.push({ at: y1, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  } else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > 1) {
    out.vertical.push({ at: x1, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
}

/** A filled thin rectangle is one ruling along its middle; a stroked path, each straight side. */
function addPath(out: Rulings, points: [number, number][], filled: boolean): void {
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [left, right, bottom, top] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (filled && top - bottom < BAR && right - left > 1) {
    out.horizontal.push({ at: (top + bottom) / 2, from: left, to: right });
    return;
  }
  if (filled && right - left < BAR && top - bottom > 1) {
    out.vertical.push({ at: (left + right) / 2, from: bottom, to: top });
    return;
  }
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1];
    const to = points[index];
    if (from && to) addSegment(out, from, to);
  }
}

async function pageRulings(page: PDFPageProxy): Promise<Rulings> {
  const list = await page.getOperatorList();
  const out: Rulings = { horizontal: [], vertical: [] };
  const stack: Matrix[] = [];
  let matrix = IDENTITY;
  for (let index = 0; index < list.fnArray.length; index++) {
    const fn = list.fnArray[index];
    const args = list.argsArray[index] as unknown[] | null;
    if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore) matrix = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform) matrix = multiply(matrix, args as unknown as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(matrix);
      const form = args?.[0] as Matrix | null | undefined;
      if (form) matrix = multiply(matrix, form);
    } else if (fn === OPS.paintFormXObjectEnd) matrix = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      PAINTS ??= new Set([
        OPS.stroke,
        OPS.closeStroke,
        OPS.fill,
        OPS.eoFill,
        OPS.fillStroke,
        OPS.eoFillStroke,
      ]);
      if (!PAINTS.has(paint)) continue;
      const filled = paint !== OPS.stroke && paint !== OPS.closeStroke;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const current = matrix;
      for (const points of subpaths(data)) {
        addPath(
          out,
          points.map(([x, y]) => apply(current, x, y)),
          filled,
        );
      }
    }
  }
  return out;
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

async function readPage(document: PDFDocumentProxy, number: number): Promise<PageContent> {
  const page = await document.getPage(number);
  const [, , width, height] = page.view as [number, number, number, number];
  const text = await page.getTextContent();
  const rulings = await pageRulings(page);
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

/** Every page's text runs and rulings; refuses encrypted, damaged and overlong PDFs. */
export async function loadPdfPages(bytes: Uint8Array): Promise<PageContent[]> {
  const pdf = await pdfjs();
  OPS = pdf.OPS;
  const task = pdf.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: false,
    // Only the members above are used by pdf.js's font loader in Node (no FontFace API there).
    ownerDocument: FONTLESS_DOCUMENT as unknown as OwnerDocument,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let document: PDFDocumentProxy;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    if (isPasswordError(error)) throw new NotAProgrammeError(PDF_MESSAGES.encrypted);
    throw new NotAProgrammeError(PDF_MESSAGES.broken);
  }
  try {
    checkPdfPages(document.numPages);
    const pages: PageContent[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      checkDeadline();
      pages.push(await readPage(document, number));
    }
    return pages;
  } catch (error) {
    if (error instanceof NotAProgrammeError) throw error;
    throw new NotAProgrammeError(PDF_MESSAGES.broken);
  } finally {
    await task.destroy();
  }
}
