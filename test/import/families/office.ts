import fc from "fast-check";
import type { ImportResult } from "../../../src/domain/model.js";
import { importDocument } from "../../../src/import/index.js";
import { sofficePath } from "../../../src/import/soffice.js";
import { convertAll, convertOne } from "../../support/office-cache.js";
import { type WordBlock, type WordLook, wordDocument } from "../../support/word-document.js";
import { OFFICE_PROPERTY_RUNS } from "./word.js";

/** Imports a family's rows rendered as a real Word document. */
export async function importWord(blocks: WordBlock[]): Promise<ImportResult> {
  return importDocument(await wordDocument(blocks), "programme.docx");
}

export type OfficeFormat = "odt" | "pdf";

/** A family's Word document, in a council's look if given, as LibreOffice saves it in `format` (test/support/office-cache.ts). */
export async function wordAs(
  blocks: WordBlock[],
  format: OfficeFormat,
  look?: WordLook,
): Promise<Uint8Array> {
  return convertOne(await wordDocument(blocks, look), "docx", format);
}

/** A family's rows and the look to print them in. */
export interface LookedWord {
  blocks: WordBlock[];
  look: WordLook;
}

/** Imports a family's Word document as LibreOffice saves it in `format`. */
export async function importConverted(blocks: WordBlock[], format: OfficeFormat): Promise<ImportResult> {
  return importDocument(await wordAs(blocks, format), `programme.${format}`);
}

/**
 * Converts, in one LibreOffice run per format, the Word documents of every run a property over
 * `words` will make with `parameters` (fc.sample gives fc.assert's values for the same seed), so
 * that the property finds them converted. Without a fixed seed there is nothing to foresee.
 */
export async function convertAhead(
  properties: fc.Arbitrary<WordBlock[] | LookedWord>[],
  formats: OfficeFormat[],
  parameters: { numRuns: number; seed?: number } = OFFICE_PROPERTY_RUNS,
): Promise<void> {
  if (parameters.seed === undefined) return;
  const words = properties.flatMap((words) => fc.sample(words, parameters));
  const documents = await Promise.all(
    words.map((word) => (Array.isArray(word) ? wordDocument(word) : wordDocument(word.blocks, word.look))),
  );
  for (const format of formats) await convertAll(documents, "docx", format);
}

/** Whether LibreOffice is here; says loudly, once per file, which tests it skips when it is not. */
export function hasSoffice(file: string): boolean {
  if (sofficePath()) return true;
  console.warn(
    `\n*** SKIPPED the ODT/PDF renderings in ${file}: LibreOffice (soffice) is not installed. ` +
      "Install libreoffice-writer-nogui (CI does). ***\n",
  );
  return false;
}
