/**
 * A scanned page as the table rebuilder wants it (`geometry.ts`'s PageContent): the ruling lines of
 * its tables found in the grey image, and the words tesseract read (hOCR) as positioned text runs.
 * - a ruling is a stroke of dark pixels at most `MAX_THICKNESS` thick and at least `MIN_RULING`
 *   long (a vertical one: running from a horizontal ruling to another, or `MIN_FREE` long), cut
 *   where horizontal ones cross it (a filled area, a stamp or a photo, is no ruling); the rulings are wiped from the image
 *   before OCR, so that tesseract does not read table borders as letters (`|`, `І`, `1`); a word
 *   of bars alone that is still read is a border's remnant and dropped;
 * - a word's baseline is its hOCR line's baseline under it, and its size the line's x_size;
 * - Latin letters that look like Cyrillic ones (`p`, `c`, `y`, `I`…) are read as Cyrillic where the
 *   word has Cyrillic letters too, or stands alone as one letter ("2026 p.", "y", "c."): a Ukrainian
 *   document has no such mixed words, and tesseract mixes the scripts (`ocrWord`);
 * - pixels (y down) become points (y up) at the rendering's resolution.
 */
import { CYRILLIC_LOOK_ALIKE } from "../../domain/look-alikes.js";
import type { PageContent, Ruling, TextRun } from "./geometry.js";

export interface GreyImage {
  width: number;
  height: number;
  /** One byte a pixel, row by row; 0 is black. */
  pixels: Uint8Array;
}

/** Darker than this is ink. */
const INK = 160;
/** Rulings shorter than this (points) are strokes of letters. */
const MIN_RULING = 12;
/**
 * A shorter vertical stroke (points) is a border when it runs from a horizontal ruling to another:
 * the cell borders of a one-line row, under a heading row that spans the table.
 */
const MIN_BORDER = 4;
/** A vertical stroke with an end that meets no horizontal one is a ruling from this long (points). */
const MIN_FREE = 20;
/** How near (points) a border's end comes to the border it meets; a letter keeps off a border by more. */
const TOUCH = 0.75;
/** Strokes thicker than this (points) are filled areas, not rulings. */
const MAX_THICKNESS = 3;

const PGM_HEADER = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/;

/** A binary PGM (what `pdftoppm -gray` writes) as a grey image. */
export function parsePgm(bytes: Uint8Array): GreyImage {
  const header = PGM_HEADER.exec(Buffer.from(bytes.subarray(0, 64)).toString("latin1"));
  if (header?.[3] !== "255" || !header) throw new Error("not an 8-bit binary PGM");
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = bytes.subarray(header[0].length, header[0].length + width * height);
  if (pixels.length < width * height) throw new Error("PGM is cut short");
  return { width, height, pixels };
}

export function writePgm(image: GreyImage): Uint8Array {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, "latin1");
  return new Uint8Array(Buffer.concat([header, image.pixels]));
}

/** A stroke in pixels: rows (or columns) `first`..`last`, running from `from` to `to` along them. */
interface Stroke {
  first: number;
  last: number;
  from: number;
  to: number;
  /** Its run on its last line. */
  run: Run;
}

interface Run {
  from: number;
  to: number;
}

/** Runs of ink at least `minLength` long on each row of the image. */
function rowRuns({ width, height, pixels }: GreyImage, minLength: number): Run[][] {
  const lines: Run[][] = [];
  for (let y = 0; y < height; y++) {
    const runs: Run[] = [];
    const base = y * width;
    for (let x = 0; x < width; x++) {
      if ((pixels[base + x] ?? 255) >= INK) continue;
      const from = x;
      while (x < width && (pixels[base + x] ?? 255) < INK) x++;
      if (x - from >= minLength) runs.push({ from, to: x - 1 });
    }
    lines.push(runs);
  }
  return lines;
}

/** Runs of ink at least `minLength` long on each column, read row by row (the image's order, and fast). */
function columnRuns({ width, height, pixels }: GreyImage, minLength: number): Run[][] {
  const lines: Run[][] = Array.from({ length: width }, () => []);
  const start = new Int32Array(width).fill(-1);
  const close = (x: number, y: number) => {
    const from = start[x] ?? -1;
    if (from >= 0 && y - from >= minLength) lines[x]?.push({ from, to: y - 1 });
    start[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const base = y * width;
    for (let x = 0; x < width; x++) {
      if ((pixels[base + x] ?? 255) < INK) {
        if ((start[x] ?? -1) < 0) start[x] = y;
      } else if ((start[x] ?? -1) >= 0) close(x, y);
    }
  }
  for (let x = 0; x < width; x++) close(x, height);
  return lines;
}

/** Runs on neighbouring lines that overlap, joined into strokes. */
function strokes(lines: Run[][]): Stroke[] {
  const done: Stroke[] = [];
  let open: Stroke[] = [];
  lines.forEach((runs, line) => {
    const next: Stroke[] = [];
    for (const run of runs) {
      // Joined to the stroke whose run on the line before overlaps this one (not its whole extent,
      // which would let a letter next to a border join the border further along).
      const touching = open.find((stroke) => stroke.run.from <= run.to && run.from <= stroke.run.to);
      if (touching) {
        open = open.filter((stroke) => stroke !== touching);
        const [from, to] = [Math.min(run.from, touching.from), Math.max(run.to, touching.to)];
        next.push({ first: touching.first, last: line, from, to, run });
      } else next.push({ first: line, last: line, ...run, run });
    }
    done.push(...open);
    open = next;
  });
  return [...done, ...open];
}

/**
 * A vertical stroke cut where horizontal strokes cross it, keeping the pieces that run from a
 * crossing to a crossing (a cell's border) and those at least `minFree` long; a letter touching a
 * border (the stem of a `р` under the line that ends a column's border) goes on no ruling.
 */
function borderPieces(vertical: Stroke, horizontal: Stroke[], reach: number, minFree: number): Stroke[] {
  const crossings = horizontal
    .filter(
      (line) =>
        line.from - reach <= vertical.first &&
        vertical.last <= line.to + reach &&
        line.last + reach >= vertical.from &&
        line.first - reach <= vertical.to,
    )
    .map((line) => (line.first + line.last) / 2)
    .sort((a, b) => a - b);
  const crossed = (y: number) => crossings.some((at) => Math.abs(at - y) <= reach);
  const cuts = [...new Set([vertical.from, ...crossings, vertical.to].map(Math.round))].sort((a, b) => a - b);
  return cuts.slice(1).flatMap((to, index) => {
    const from = cuts[index] ?? to;
    const bordered = crossed(from) && crossed(to);
    const long = to - from >= minFree;
    return (bordered && to - from > 2 * reach) || long ? [{ ...vertical, from, to }] : [];
  });
}

export interface ImageRulings {
  /** In pixels, for wiping. */
  strokes: { horizontal: Stroke[]; vertical: Stroke[] };
  horizontal: Ruling[];
  vertical: Ruling[];
}

/** The ruling lines of a page image, in points (y up) at `dpi`. */
export function findRulings(image: GreyImage, dpi: number): ImageRulings {
  const { height } = image;
  const points = (px: number) => (px * 72) / dpi;
  const minLength = Math.round((MIN_RULING * dpi) / 72);
  const maxThickness = Math.max(2, Math.round((MAX_THICKNESS * dpi) / 72));
  const thin = (stroke: Stroke) => stroke.last - stroke.first < maxThickness;
  const horizontal = strokes(rowRuns(image, minLength)).filter(thin);
  const shortest = Math.round((MIN_BORDER * dpi) / 72);
  const touch = Math.max(2, Math.round((TOUCH * dpi) / 72));
  const vertical = strokes(columnRuns(image, shortest))
    .filter(thin)
    .flatMap((stroke) => borderPieces(stroke, horizontal, touch, Math.round((MIN_FREE * dpi) / 72)));
  const middle = (stroke: Stroke) => (stroke.first + stroke.last + 1) / 2;
  return {
    strokes: { horizontal, vertical },
    horizontal: horizontal.map((stroke) => ({
      at: points(height - middle(stroke)),
      from: points(stroke.from),
      to: points(stroke.to + 1),
    })),
    vertical: vertical.map((stroke) => ({
      at: points(middle(stroke)),
      from: points(height - stroke.to - 1),
      to: points(height - stroke.from),
    })),
  };
}

/** The image with the rulings' strokes (and a pixel around them) painted white. */
export function wipeRulings(image: GreyImage, rulings: ImageRulings): GreyImage {
  const pixels = new Uint8Array(image.pixels);
  const paint = (x0: number, x1: number, y0: number, y1: number) => {
    for (let y = Math.max(0, y0); y <= Math.min(image.height - 1, y1); y++)
      pixels.fill(
        255,
        y * image.width + Math.max(0, x0),
        y * image.width + Math.min(image.width - 1, x1) + 1,
      );
  };
  for (const stroke of rulings.strokes.horizontal)
    paint(stroke.from, stroke.to, stroke.first - 2, stroke.last + 2);
  for (const stroke of rulings.strokes.vertical)
    paint(stroke.first - 2, stroke.last + 2, stroke.from, stroke.to);
  return { ...image, pixels };
}

/**
 * Latin letters tesseract reads for Cyrillic ones of the same shape: the shared table, and "y" for «у»
 * (alike in print, though a variable name never folds them).
 */
const LOOKALIKES: Record<string, string> = { ...CYRILLIC_LOOK_ALIKE, y: "у" };
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * A word read by OCR with its Latin look-alikes made Cyrillic: in each run of letters (split at `-`,
 * `'`, `.`) that mixes the scripts, and in a word of one letter ("p.", "y").
 */
export function ocrWord(text: string): string {
  const lone = text.replace(/\P{L}/gu, "").length === 1;
  return text.replace(/\p{L}+/gu, (part) => {
    const letters = [...part];
    if (!letters.every((letter) => CYRILLIC.test(letter) || LOOKALIKES[letter])) return part;
    const mixed =
      letters.some((letter) => CYRILLIC.test(letter)) && letters.some((letter) => LATIN.test(letter));
    if (!mixed && !lone) return part;
    return letters.map((letter) => LOOKALIKES[letter] ?? letter).join("");
  });
}

const BOX = /bbox (\d+) (\d+) (\d+) (\d+)/;
const BASELINE = /baseline (-?[\d.]+) (-?[\d.]+)/;
const X_SIZE = /x_size ([\d.]+)/;
const LINE =
  /<span class=['"]ocr_(?:line|caption|header|textfloat)['"][^>]*title=["']([^"']*)["'][^>]*>([\s\S]*?)(?=<span class=['"]ocr_(?:line|caption|header|textfloat)['"]|<\/div>|$)/g;
const WORD = /<span class=['"]ocrx_word['"][^>]*title=["']([^"']*)["'][^>]*>([\s\S]*?)<\/span>/g;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function unescapeHtml(text: string): string {
  return text.replace(/<[^>]*>/g, "").replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** A word of nothing but bars is a piece of a table border tesseract read as text (or nothing at all). */
const BORDER_MARKS = /^[|¦‖]*$/;

const numbers = (match: RegExpExecArray | null): number[] => (match ? match.slice(1).map(Number) : []);

/** The words of tesseract's hOCR as text runs in points (y up) on a page `heightPx` tall at `dpi`. */
export function hocrRuns(hocr: string, dpi: number, heightPx: number): TextRun[] {
  const points = (px: number) => (px * 72) / dpi;
  const runs: TextRun[] = [];
  for (const line of hocr.matchAll(LINE)) {
    const [left = 0, , , bottom = 0] = numbers(BOX.exec(line[1] ?? ""));
    const [slope = 0, offset = 0] = numbers(BASELINE.exec(line[1] ?? ""));
    const [xSize = 0] = numbers(X_SIZE.exec(line[1] ?? ""));
    for (const word of (line[2] ?? "").matchAll(WORD)) {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = numbers(BOX.exec(word[1] ?? ""));
      const text = ocrWord(unescapeHtml(word[2] ?? "").trim());
      if (BORDER_MARKS.test(text)) continue;
      const baseline = bottom + offset + slope * (x0 - left);
      const size = xSize > 0 ? xSize : y1 - y0;
      runs.push({
        text,
        x: points(x0),
        y: points(heightPx - baseline),
        width: points(x1 - x0),
        size: points(size),
      });
    }
  }
  return runs;
}

/** A scanned page as text runs and rulings, in points. */
export function scannedPage(
  runs: TextRun[],
  rulings: ImageRulings,
  image: GreyImage,
  dpi: number,
): PageContent {
  return {
    runs,
    horizontal: rulings.horizontal,
    vertical: rulings.vertical,
    width: (image.width * 72) / dpi,
    height: (image.height * 72) / dpi,
  };
}
