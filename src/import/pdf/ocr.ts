/**
 * OCR of a scanned PDF: each page rendered in grey by pdftoppm (poppler-utils), its table borders
 * found in the image and wiped (`scan.ts`), and its words read with their boxes by tesseract (hOCR,
 * Ukrainian, tesseract-ocr-ukr), page by page, within the page cap and a per-page timeout. The words
 * and borders go through the same table rebuilding as a PDF with text (`layout.ts`: ruled tables from
 * the borders, borderless ones from the alignment under their header), then the same cell rules. OCR
 * may misread a letter or a digit, so the import always carries a finding that the text must be checked.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { config } from "../../config.js";
import type { Block } from "../blocks.js";
import {
  findProgram,
  inTempDirectory,
  ProgramMissingError,
  ProgramTimeoutError,
  refuse,
  runProgram,
  SHARED_SLOTS,
  Slots,
  TOOL_MESSAGES,
} from "../external.js";
import { checkDeadline, checkOcrPages, IMPORT_LIMITS, outsideDeadline } from "../limits.js";
import { bilingual } from "../sniff.js";
import type { PageContent } from "./geometry.js";
import { layoutPages } from "./layout.js";
import { findRulings, hocrRuns, parsePgm, scannedPage, wipeRulings, writePgm } from "./scan.js";

const slots = new Slots(IMPORT_LIMITS.maxConcurrentConversions, SHARED_SLOTS.ocr);

export const OCR_MESSAGES = {
  timeout: bilingual(
    "Розпізнавання сторінки скану триває задовго — імпорт зупинено. Завантажте документ з текстом.",
    "OCR of a scanned page took too long, so the import stopped. Upload a document with text.",
  ),
  failed: bilingual(
    "Скан не вдалося розпізнати. Завантажте документ з текстом (DOCX або PDF з текстовим шаром).",
    "The scan could not be read. Upload a document with text (DOCX, or a PDF with a text layer).",
  ),
} as const;

export function ocrTools(): { pdftoppm?: string; tesseract?: string } {
  const { tools } = config();
  return {
    pdftoppm: findProgram(tools.pdftoppm, ["pdftoppm"]),
    tesseract: findProgram(tools.tesseract, ["tesseract"]),
  };
}

async function run(program: string, args: string[], cwd: string): Promise<Buffer> {
  try {
    const result = await runProgram(program, args, { cwd, timeoutMs: IMPORT_LIMITS.maxOcrPageMs });
    if (result.code !== 0) refuse(OCR_MESSAGES.failed);
    return result.stdout;
  } catch (error) {
    if (error instanceof ProgramMissingError) refuse(TOOL_MESSAGES.ocrMissing);
    if (error instanceof ProgramTimeoutError) refuse(OCR_MESSAGES.timeout);
    throw error;
  }
}

/** Tesseract reads small print (8–9 pt table text) reliably from 300 dpi; at 200 it drops digits ("2.1" as "2."). */
const DPI = 300;

/** One page rendered in grey, its rulings found and wiped, and its words read with their boxes. */
async function ocrPage(directory: string, tools: Required<ReturnType<typeof ocrTools>>, page: number) {
  const prefix = path.join(directory, `page-${page}`);
  const pageArgs = ["-r", String(DPI), "-gray", "-f", String(page), "-l", String(page)];
  await run(tools.pdftoppm, [...pageArgs, path.join(directory, "document.pdf"), prefix], directory);
  const rendered = (await readdir(directory)).find((name) => name.startsWith(`page-${page}`));
  if (!rendered) refuse(OCR_MESSAGES.failed);
  const image = parsePgm(await readFile(path.join(directory, rendered)));
  const rulings = findRulings(image, DPI);
  const wiped = path.join(directory, `wiped-${page}.pgm`);
  await writeFile(wiped, writePgm(wipeRulings(image, rulings)));
  const hocr = await run(
    tools.tesseract,
    [wiped, "stdout", "-l", "ukr+eng", "--psm", "6", "hocr"],
    directory,
  );
  return scannedPage(hocrRuns(hocr.toString("utf8"), DPI, image.height), rulings, image, DPI);
}

/** The scan's pages read by OCR, laid out as a text-layer PDF's (tables rebuilt from rulings and alignment). */
export async function ocrPdf(
  bytes: Uint8Array,
  pages: number,
): Promise<{ blocks: Block[]; unframed: number[]; headerless: number[][] }> {
  const { pdftoppm, tesseract } = ocrTools();
  if (!pdftoppm || !tesseract) refuse(TOOL_MESSAGES.ocrMissing);
  checkOcrPages(pages);
  const scanned = await outsideDeadline(() =>
    slots.run(() =>
      inTempDirectory(async (directory) => {
        await writeFile(path.join(directory, "document.pdf"), bytes);
        const contents: PageContent[] = [];
        for (let page = 1; page <= pages; page++) {
          contents.push(await ocrPage(directory, { pdftoppm, tesseract }, page));
        }
        return contents;
      }),
    ),
  );
  checkDeadline();
  return layoutPages(scanned);
}
