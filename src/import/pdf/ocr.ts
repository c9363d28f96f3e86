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
import {
  findRulings,
  findSkew,
  type GreyImage,
  hocrConfidence,
  hocrRuns,
  parsePgm,
  STRAIGHT_ENOUGH,
  scannedPage,
  straightenImage,
  turnImage,
  wipeRulings,
  writePgm,
} from "./scan.js";

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

async function run(program: string, args: string[], cwd: string, tolerant = false): Promise<Buffer> {
  try {
    const result = await runProgram(program, args, { cwd, timeoutMs: IMPORT_LIMITS.maxOcrPageMs });
    if (result.code !== 0) {
      if (tolerant) return Buffer.alloc(0);
      refuse(OCR_MESSAGES.failed);
    }
    return result.stdout;
  } catch (error) {
    if (error instanceof ProgramMissingError) refuse(TOOL_MESSAGES.ocrMissing);
    if (error instanceof ProgramTimeoutError) refuse(OCR_MESSAGES.timeout);
    throw error;
  }
}

/** Tesseract reads small print (8–9 pt table text) reliably from 300 dpi; at 200 it drops digits ("2.1" as "2."). */
const DPI = 300;

/**
 * Below this confidence (`hocrConfidence`) a page read as it lay may be upside down or sideways: an
 * upright page of print reads above 90, one turned over around 30–60.
 */
const UPRIGHT_CONFIDENCE = 70;
/** Below this ratio of sharpness across lines to across columns (`findSkew`) a page may lie sideways; an upright page of text is near 2. */
const SIDEWAYS_LINES = 1;
/** OSD less sure than this (tesseract's orientation confidence) is no answer: a page of few letters. */
const MIN_OSD_CONFIDENCE = 2;
const OSD_ROTATE = /Rotate:\s*(\d+)/;
const OSD_CONFIDENCE = /Orientation confidence:\s*([\d.]+)/;

type Tools = Required<ReturnType<typeof ocrTools>>;

/**
 * The quarter turns (clockwise) that put the page upright, by tesseract's orientation detection
 * (`--psm 0`, osd.traineddata), or undefined when it cannot tell (too few letters, no OSD data).
 */
async function uprightTurns(directory: string, tools: Tools, image: GreyImage, page: number) {
  const file = path.join(directory, `osd-${page}.pgm`);
  await writeFile(file, writePgm(image));
  const answer = (await run(tools.tesseract, [file, "stdout", "--psm", "0"], directory, true)).toString();
  const rotate = OSD_ROTATE.exec(answer);
  const confidence = Number(OSD_CONFIDENCE.exec(answer)?.[1] ?? 0);
  if (!rotate || !(confidence >= MIN_OSD_CONFIDENCE)) return undefined;
  return Math.round(Number(rotate[1]) / 90) % 4;
}

/** A page read: its content, how sure tesseract was of its words, and whether it could be straightened. */
interface PageRead {
  content: PageContent;
  confidence: number;
  straight: boolean;
}

/** The image straightened (when crooked by more than `STRAIGHT_ENOUGH`), its rulings found and wiped, and its words read. */
async function readImage(
  directory: string,
  tools: Tools,
  image: GreyImage,
  page: number,
  skew = findSkew(image, DPI),
): Promise<PageRead> {
  const level =
    skew.found && Math.abs(skew.degrees) >= STRAIGHT_ENOUGH ? straightenImage(image, skew.degrees) : image;
  const rulings = findRulings(level, DPI);
  const wiped = path.join(directory, `wiped-${page}.pgm`);
  await writeFile(wiped, writePgm(wipeRulings(level, rulings)));
  const hocr = (
    await run(tools.tesseract, [wiped, "stdout", "-l", "ukr+eng", "--psm", "6", "hocr"], directory)
  ).toString("utf8");
  return {
    content: scannedPage(hocrRuns(hocr, DPI, level.height), rulings, level, DPI),
    confidence: hocrConfidence(hocr),
    straight: skew.found,
  };
}

/**
 * One page rendered in grey, put upright and straightened, its rulings found and wiped, and its words
 * read. An upright page costs one tesseract run: only a page whose ink runs in columns rather than
 * lines (`findSkew`: sideways) or whose words read poorly (upside down) asks tesseract's orientation
 * detection which way is up, and is read again turned when that finds it turned (the better read kept).
 */
async function ocrPage(directory: string, tools: Tools, page: number): Promise<PageRead> {
  const prefix = path.join(directory, `page-${page}`);
  const pageArgs = ["-r", String(DPI), "-gray", "-f", String(page), "-l", String(page)];
  await run(tools.pdftoppm, [...pageArgs, path.join(directory, "document.pdf"), prefix], directory);
  const rendered = (await readdir(directory)).find((name) => name.startsWith(`page-${page}`));
  if (!rendered) refuse(OCR_MESSAGES.failed);
  const image = parsePgm(await readFile(path.join(directory, rendered)));
  const skew = findSkew(image, DPI);
  const sideways = skew.lines < SIDEWAYS_LINES;
  const turns = sideways ? await uprightTurns(directory, tools, image, page) : 0;
  const first = turns
    ? await readImage(directory, tools, turnImage(image, turns), page)
    : await readImage(directory, tools, image, page, skew);
  if (first.confidence >= UPRIGHT_CONFIDENCE) return first;
  // Read poorly: upside down (or sideways the other way), or only a poor scan.
  const upright = sideways ? turns : await uprightTurns(directory, tools, image, page);
  if (upright === undefined || upright === (turns ?? 0))
    return { ...first, straight: first.straight && upright !== undefined };
  const second = await readImage(directory, tools, turnImage(image, upright), page);
  return second.confidence > first.confidence ? second : first;
}

/** The scan's pages read by OCR, laid out as a text-layer PDF's (tables rebuilt from rulings and alignment). */
export async function ocrPdf(
  bytes: Uint8Array,
  pages: number,
): Promise<{ blocks: Block[]; unframed: number[]; headerless: number[][]; crooked: number[] }> {
  const { pdftoppm, tesseract } = ocrTools();
  if (!pdftoppm || !tesseract) refuse(TOOL_MESSAGES.ocrMissing);
  checkOcrPages(pages);
  const scanned = await outsideDeadline(() =>
    slots.run(() =>
      inTempDirectory(async (directory) => {
        await writeFile(path.join(directory, "document.pdf"), bytes);
        const read: PageRead[] = [];
        for (let page = 1; page <= pages; page++) {
          read.push(await ocrPage(directory, { pdftoppm, tesseract }, page));
        }
        return read;
      }),
    ),
  );
  checkDeadline();
  const crooked = scanned.flatMap((page, index) => (page.straight ? [] : [index + 1]));
  return { ...layoutPages(scanned.map((page) => page.content)), crooked };
}
