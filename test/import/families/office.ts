import type { ImportResult } from "../../../src/domain/model.js";
import { importDocument } from "../../../src/import/index.js";
import { convertWithLibreOffice, sofficePath } from "../../../src/import/soffice.js";
import { type WordBlock, wordDocument } from "../../support/word-document.js";

/** Imports a family's rows rendered as a real Word document. */
export async function importWord(blocks: WordBlock[]): Promise<ImportResult> {
  return importDocument(await wordDocument(blocks), "programme.docx");
}

export type OfficeFormat = "odt" | "pdf";

/** Imports a family's Word document as LibreOffice saves it in `format`. */
export async function importConverted(blocks: WordBlock[], format: OfficeFormat): Promise<ImportResult> {
  const converted = await convertWithLibreOffice(await wordDocument(blocks), "docx", format, 120_000);
  return importDocument(converted, `programme.${format}`);
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
