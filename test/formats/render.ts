/**
 * Test-time rendering of a programme text as real office documents: the rows the text reader finds
 * become a Word document with real tables (one table row per logical row, the header rows marked to
 * repeat on every page), built with the `docx` library; LibreOffice turns that DOCX into ODT, DOC,
 * RTF and PDF (a text handed straight to LibreOffice would give paragraphs, not tables). Conversions
 * are cached in one temporary directory per test run.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { inTempDirectory, runProgram } from "../../src/import/external.js";
import { type ConvertTarget, sofficePath } from "../../src/import/soffice.js";
import { readTextBlocks } from "../../src/import/text/reader.js";
import { blocksToDocx } from "../support/word-document.js";

export function textToDocx(text: string): Promise<Uint8Array> {
  return blocksToDocx(readTextBlocks(text));
}

const cacheDirectory = path.join(tmpdir(), `infoprog-formats-${process.pid}`);

function keyOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * Each text rendered as `format`: DOCX built here, the others converted from it by LibreOffice in one
 * run for all the texts (cached for the test run, keyed by each text's hash).
 */
export async function renderAll(texts: string[], format: "docx" | ConvertTarget): Promise<Uint8Array[]> {
  mkdirSync(cacheDirectory, { recursive: true });
  const target = (text: string, extension: string) =>
    path.join(cacheDirectory, `${keyOf(text)}.${extension}`);
  for (const text of texts) {
    if (!existsSync(target(text, "docx"))) writeFileSync(target(text, "docx"), await textToDocx(text));
  }
  const missing = texts.filter((text) => !existsSync(target(text, format)));
  if (missing.length > 0)
    await convertFiles(
      missing.map((text) => target(text, "docx")),
      format,
    );
  return texts.map((text) => new Uint8Array(readFileSync(target(text, format))));
}

async function convertFiles(inputs: string[], format: ConvertTarget): Promise<void> {
  const program = sofficePath();
  if (!program) throw new Error("soffice is not installed");
  await inTempDirectory(async (directory) => {
    const profile = pathToFileURL(path.join(directory, "profile")).href;
    const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format];
    await runProgram(program, [...args, "--outdir", cacheDirectory, ...inputs], {
      cwd: directory,
      timeoutMs: 600_000,
    });
  });
}
