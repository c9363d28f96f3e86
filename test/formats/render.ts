/**
 * Test-time rendering of a programme text as real office documents: the rows the text reader finds
 * become a Word document with real tables (one table row per logical row, the header rows marked to
 * repeat on every page), built with the `docx` library; LibreOffice turns that DOCX into ODT, DOC,
 * RTF and PDF (a text handed straight to LibreOffice would give paragraphs, not tables), all the texts
 * in one run, through the conversion cache of test/support/office-cache.ts.
 */
import type { ConvertTarget } from "../../src/import/soffice.js";
import { readTextBlocks } from "../../src/import/text/reader.js";
import { convertAll } from "../support/office-cache.js";
import { blocksToDocx } from "../support/word-document.js";

export function textToDocx(text: string): Promise<Uint8Array> {
  return blocksToDocx(readTextBlocks(text));
}

/** Each text rendered as `format`: DOCX built here, the others converted from it by LibreOffice. */
export async function renderAll(texts: string[], format: "docx" | ConvertTarget): Promise<Uint8Array[]> {
  const documents = await Promise.all(texts.map(textToDocx));
  return format === "docx" ? documents : convertAll(documents, "docx", format);
}
