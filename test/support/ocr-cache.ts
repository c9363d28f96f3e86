/**
 * Test-side scans and a caching tesseract, kept in node_modules/.cache/infoprog-ocr (delete the
 * folder to clear it):
 * - `scanOf(pdf)`: every page of a PDF rendered in grey by pdftoppm and wrapped as an image-only PDF
 *   (no text layer: what a scanner gives), cached by the PDF's content and the resolution;
 * - `cachingTesseract()`: a wrapper script for INFOPROG_TESSERACT that runs the installed tesseract
 *   once per image, language and output and then answers from the cache (the key: tesseract's version
 *   line, its options and the image's bytes), so the importer's own rendering, ruling detection and
 *   layout run on every test while OCR, seconds a page, runs only when the image changes.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { findProgram } from "../../src/import/external.js";
import { type GreyImage, parsePgm } from "../../src/import/pdf/scan.js";
import { pdf, stream } from "../formats/pdf-builder.js";

export const OCR_CACHE = fileURLToPath(new URL("../../node_modules/.cache/infoprog-ocr", import.meta.url));

function writeAtomically(file: string, data: string | Uint8Array): void {
  mkdirSync(OCR_CACHE, { recursive: true });
  const partial = path.join(OCR_CACHE, `.${randomUUID()}.partial`);
  writeFileSync(partial, data);
  renameSync(partial, file);
}

const sha256 = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
};

/**
 * The program installed on PATH, never the one INFOPROG_TESSERACT names: that may be one of these
 * wrappers (the caching or the misreading tesseract), and a wrapper made over it would call itself.
 */
function tool(name: "pdftoppm" | "tesseract"): string {
  const program = findProgram(undefined, [name]);
  if (!program) throw new Error(`${name} is not installed`);
  return program;
}

/**
 * How a page lies on the scanner: as printed, turned a quarter anticlockwise (a landscape page
 * scanned in portrait), upside down, or fed crooked by a few degrees (positive: anticlockwise, so
 * its lines run up to the right).
 */
export type ScanLay = "upright" | "sideways" | "upside-down" | { tilt: number };

/**
 * The page image as it lies (nearest pixel, white where the page brings in nothing; written here
 * rather than taken from the importer's own turning, which it is to test).
 */
function laid(image: GreyImage, lay: ScanLay): GreyImage {
  if (lay === "upright") return image;
  const { width, height, pixels } = image;
  if (lay === "sideways" || lay === "upside-down") {
    const sideways = lay === "sideways";
    const [w, h] = sideways ? [height, width] : [width, height];
    const out = new Uint8Array(width * height);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        // Anticlockwise: the new page's (x, y) shows the old (width-1-y, x); upside down (width-1-x, height-1-y).
        const [sx, sy] = sideways ? [width - 1 - y, x] : [width - 1 - x, height - 1 - y];
        out[y * w + x] = pixels[sy * width + sx] ?? 255;
      }
    return { width: w, height: h, pixels: out };
  }
  const angle = (lay.tilt * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [cx, cy] = [width / 2, height / 2];
  const out = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      // Turned anticlockwise on the glass (y down): the point shown at (x, y) came from turning it back.
      const sx = Math.round(cx + (x - cx) * cos - (y - cy) * sin);
      const sy = Math.round(cy + (x - cx) * sin + (y - cy) * cos);
      if (sx >= 0 && sy >= 0 && sx < width && sy < height)
        out[y * width + x] = pixels[sy * width + sx] ?? 255;
    }
  return { width, height, pixels: out };
}

/** Grey images of a PDF's pages at `dpi`, laid as `lay`, as an image-only PDF of the pages' sizes. */
function imageOnlyPdf(source: Uint8Array, dpi: number, lay: ScanLay): Uint8Array {
  const directory = path.join(tmpdir(), `infoprog-scan-${randomUUID()}`);
  mkdirSync(directory);
  writeFileSync(path.join(directory, "source.pdf"), source);
  execFileSync(tool("pdftoppm"), ["-r", String(dpi), "-gray", "source.pdf", "page"], { cwd: directory });
  const images = readdirSync(directory)
    .filter((name) => name.endsWith(".pgm"))
    .sort()
    .map((name) => laid(parsePgm(readFileSync(path.join(directory, name))), lay));
  spawnSync("rm", ["-rf", directory]);
  const objects: (string | Buffer)[] = ["<< /Type /Catalog /Pages 2 0 R >>", ""];
  const kids: string[] = [];
  for (const image of images) {
    const [width, height] = [(image.width * 72) / dpi, (image.height * 72) / dpi].map((v) => v.toFixed(2));
    const first = objects.length + 1;
    kids.push(`${first} 0 R`);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Contents ${first + 1} 0 R /Resources << /XObject << /Im1 ${first + 2} 0 R >> >> >>`,
      stream("", Buffer.from(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`)),
      stream(
        `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
        deflateSync(image.pixels),
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(" ")}] /Count ${kids.length} >>`;
  return pdf(objects);
}

/** A PDF as a scanner would give it back: its pages as grey images at `dpi`, laid as `lay`, no text layer. */
export function scanOf(source: Uint8Array, dpi = 200, lay: ScanLay = "upright"): Uint8Array {
  const laidAs = lay === "upright" ? "" : `${JSON.stringify(lay)}\0`;
  const file = path.join(OCR_CACHE, `${sha256(`scan\0${dpi}\0${laidAs}`, source)}.scan.pdf`);
  if (!existsSync(file)) writeAtomically(file, imageOnlyPdf(source, dpi, lay));
  return new Uint8Array(readFileSync(file));
}

/** A tesseract that answers images it has read before from the cache; its path, for INFOPROG_TESSERACT. */
export function cachingTesseract(): string {
  const real = tool("tesseract");
  const version = execFileSync(real, ["--version"], { encoding: "utf8" }).split("\n")[0] ?? "";
  const script = path.join(OCR_CACHE, `tesseract-${sha256(real, "\0", version).slice(0, 16)}.sh`);
  if (existsSync(script)) return script;
  const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
  // Called as the importer calls tesseract: IMAGE stdout OPTIONS…
  const body = [
    "#!/bin/sh",
    "set -e",
    `cache=${quote(OCR_CACHE)}`,
    'image="$1"; shift',
    `key=$( { printf '%s\\n' ${quote(version)} "$@"; cat "$image"; } | sha256sum | cut -c1-64)`,
    'if [ ! -f "$cache/$key.ocr" ]; then',
    `  ${quote(real)} "$image" "$@" > "$cache/.$key.$$.partial"`,
    '  mv "$cache/.$key.$$.partial" "$cache/$key.ocr"',
    "fi",
    'cat "$cache/$key.ocr"',
    "",
  ].join("\n");
  writeAtomically(script, body);
  chmodSync(script, 0o755);
  return script;
}
