import { geographyFindings } from "../domain/geo/placement.js";
import { type Finding, type ImportResult, type Item, type Programme, ref } from "../domain/model.js";
import type { MoneyUnit } from "../domain/money.js";
import { severityOf } from "../domain/rules/table.js";
import { programmeSchema } from "../domain/schema.js";
import { validateProgramme } from "../domain/validate.js";
import { type Block, NotAProgrammeError } from "./blocks.js";
import { interpretBlocks } from "./interpret/index.js";

/** What the user decided about the document before importing it. */
export interface ImportOptions {
  /** The unit of the task table's amounts, accepted against the header's (see `amount.unit-suspect`). */
  unit?: MoneyUnit;
}

import { checkDeadline, checkUploadSize, withImportLimits } from "./limits.js";
import { MAX_SKEW } from "./pdf/scan.js";
import { sniffFormat } from "./sniff.js";
import { delimiterOf, readDelimitedBlocks, tableDelimiterOf } from "./text/delimited.js";
import { readTextBlocks } from "./text/reader.js";
import { readSpacedBlocks } from "./text/spaced.js";
import { readSpacedPassport, withPassportTable } from "./text/spaced-passport.js";

export { NotAProgrammeError } from "./blocks.js";

const NO_PERIOD =
  "Не вдалося визначити строк виконання програми: ні в паспорті (поле 9), ні в назві, ні в таблиці завдань немає років.";

/** What the importer returns must be a programme the API and the editor accept back. */
function assertImportable(result: ImportResult): void {
  if (result.programme.period.from === 0 || result.programme.period.to === 0) {
    throw new NotAProgrammeError(NO_PERIOD);
  }
  const parsed = programmeSchema.safeParse(result.programme);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join(".") ?? "";
    throw new NotAProgrammeError(`Документ прочитано з неправильною структурою (${where}).`);
  }
}

function withValidation(result: ImportResult): ImportResult {
  assertImportable(result);
  return {
    ...result,
    findings: [
      ...result.findings,
      ...geographyFindings(result.programme),
      ...validateProgramme(result.programme),
    ],
  };
}

/** Imports a programme from text extracted from its published document. */
export function importText(text: string, options: ImportOptions = {}): ImportResult {
  return withImportLimits(() => importTextWithinLimits(text, options));
}

function importTextWithinLimits(text: string, options: ImportOptions): ImportResult {
  if (text.trim() === "") throw new NotAProgrammeError("Файл порожній: у ньому немає тексту програми");
  if (text.includes("\u0000"))
    throw new NotAProgrammeError("Файл не є текстовим документом (містить двійкові дані)");
  const blocks = readTextOrDelimited(text);
  checkDeadline();
  return withValidation(interpretBlocks(blocks, options));
}

/**
 * Text as the text reader rebuilds it; a table saved as CSV with `;` or `,` (a header line naming the
 * task table's columns, no tabs) as the rows of cells its delimiter makes, when the text reader found
 * no table in it; a table aligned with spaces (`pdftotext -layout`) as its columns place its runs; a
 * passport aligned with spaces as the passport table it prints.
 */
function readTextOrDelimited(text: string): Block[] {
  const passport = readSpacedPassport(text);
  return passport ? withPassportTable(readTablesOf(passport.rest), passport.table) : readTablesOf(text);
}

function readTablesOf(text: string): Block[] {
  const blocks = readTextBlocks(text);
  if (blocks.some((block) => block.kind === "table")) return blocks;
  const spaced = readSpacedBlocks(text);
  if (spaced) return spaced;
  const delimiter = tableDelimiterOf(text);
  return delimiter ? readDelimitedBlocks(text, delimiter) : blocks;
}

/** The first line of infoprog's CSV template names a "record" column. */
const CSV_TEMPLATE = /^\uFEFF?[^\n]*(?:^|[;,])"?record"?(?:[;,]|\r?$)/;
function extensionOf(fileName: string): string {
  return /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
}

const UTF16_BOMS = [
  { bom: [0xff, 0xfe], encoding: "utf-16le" },
  { bom: [0xfe, 0xff], encoding: "utf-16be" },
] as const;

/**
 * Text as Windows "Unicode" saves it: UTF-16 with a byte-order mark (its ASCII letters have zero
 * bytes, so it must be recognised before the binary check).
 */
function decodeUtf16(bytes: Uint8Array): string | undefined {
  const found = UTF16_BOMS.find(({ bom }) => bom.every((byte, index) => bytes[index] === byte));
  if (!found) return undefined;
  try {
    return new TextDecoder(found.encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new NotAProgrammeError("Файл у кодуванні UTF-16 пошкоджений: його не вдалося прочитати як текст");
  }
}

/**
 * UTF-16 with a byte-order mark, UTF-8 (with or without one), or windows-1251 when the bytes are not
 * valid UTF-8 (older Ukrainian documents).
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = decodeUtf16(bytes);
  if (utf16 !== undefined) return utf16;
  if (bytes.includes(0))
    throw new NotAProgrammeError("Файл не є текстовим документом (містить двійкові дані)");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}

async function importBlocks(blocks: Promise<Block[]>, options: ImportOptions): Promise<ImportResult> {
  const read = await blocks;
  checkDeadline();
  return withValidation(interpretBlocks(read, options));
}

/**
 * Imports an uploaded document, its format sniffed from its content (`sniff.ts`); the file name only
 * tells CSV from text. Throws `NotAProgrammeError` for anything else.
 */
export function importDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  return withImportLimits(() => importDocumentWithinLimits(bytes, fileName, options));
}

async function importDocumentWithinLimits(
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions,
): Promise<ImportResult> {
  checkUploadSize(bytes.length);
  if (bytes.length === 0) throw new NotAProgrammeError("Файл порожній: у ньому немає тексту програми");
  const format = sniffFormat(bytes);
  switch (format) {
    case "docx":
      return importBlocks(docxBlocks(bytes), options);
    case "xlsx": {
      const { readXlsx } = await import("./xlsx.js");
      const read = await readXlsx(bytes);
      return read.kind === "template"
        ? withValidation(read.result)
        : importBlocks(Promise.resolve(read.blocks), options);
    }
    case "odt": {
      const { readOdtBlocks } = await import("./odt.js");
      return importBlocks(readOdtBlocks(bytes), options);
    }
    case "doc":
    case "rtf": {
      const { convertWithLibreOffice } = await import("./soffice.js");
      return importBlocks(convertWithLibreOffice(bytes, format, "docx").then(docxBlocks), options);
    }
    case "text":
      return importPlainText(bytes, extensionOf(fileName), options);
    case "pdf":
      return importPdf(bytes, options);
  }
}

// Each format's reader is loaded when a document of that format comes: a text import (the CLI's most
// common) loads none of the zip, XML, spreadsheet and PDF code.
async function docxBlocks(bytes: Uint8Array): Promise<Block[]> {
  const { readDocxBlocks } = await import("./docx.js");
  return readDocxBlocks(bytes);
}

const OCR_FINDING: Finding = {
  code: "import.ocr-text",
  severity: severityOf("import.ocr-text"),
  message:
    "Текст програми розпізнано зі скану (OCR): звірте назви, суми й індикатори з документом — цифри могли бути прочитані хибно.",
  location: { line: 0, ref: ref.programme() },
};

/**
 * Rows of a table without borders that the PDF reader could not frame (no header it knows, no columns
 * in their alignment), read as text, or framed from their alignment but read by no rule.
 */
function unframedFinding(lines: number[]): Finding {
  return {
    code: "import.pdf-unframed-table",
    severity: severityOf("import.pdf-unframed-table"),
    message:
      `У PDF є таблиця без рамок, заголовок якої не розпізнано (рядки ${lines.join(", ")}): її клітинки ` +
      "прочитано як суцільний текст або як таблицю, якої не впізнало жодне правило, тож дані з неї (поля " +
      "паспорта, суми, індикатори) могли не потрапити до програми. Імпортуйте DOCX цього документа або " +
      "звірте ці рядки з програмою.",
    location: { line: lines[0] ?? 0, ref: ref.programme() },
  };
}

/** Pages of a scan that OCR read as they lay, crooked or turned: their text is likely misread or missing. */
function crookedFinding(pages: number[]): Finding {
  return {
    code: "import.ocr-crooked-page",
    severity: severityOf("import.ocr-crooked-page"),
    message:
      `Сторінки скану ${pages.join(", ")} не вдалося вирівняти: перекіс понад ${MAX_SKEW}° або не визначено, ` +
      "де в них верх. Їх розпізнано як є, тож текст і суми з них могли бути прочитані хибно чи пропущені: " +
      "звірте їх з документом або завантажте рівний скан.",
    location: { line: 0, ref: ref.programme() },
  };
}

/** A refusal of a PDF whose unframed table may hold what was missing says so. */
function withUnframedNote(error: unknown, lines: number[]): unknown {
  if (!(error instanceof NotAProgrammeError)) return error;
  return new NotAProgrammeError(
    `${error.message} Можлива причина: таблицю без рамок у PDF (рядки ${lines.join(", ")}) не розпізнано ` +
      "й прочитано як суцільний текст. Імпортуйте DOCX цього документа або PDF, де таблиці мають рамки.",
  );
}

/** Every line the programme read something from: passport fields, field 10, directions, items, indicators. */
function linesRead(programme: Programme): Set<number> {
  const lines = new Set<number>([programme.passport.funding.line]);
  for (const field of programme.passport.fields) lines.add(field.line);
  const items = (list: Item[]): void => {
    for (const item of list) {
      lines.add(item.line);
      items(item.children);
    }
  };
  for (const direction of programme.directions) {
    lines.add(direction.line);
    items(direction.items);
  }
  for (const each of [...programme.indicators, ...(programme.monitoring ?? [])]) lines.add(each.line);
  return lines;
}

/**
 * The lines of the tables read from their alignment alone (no borders, no header the interpreter
 * knows) that the programme read nothing from: regions still not understood, named like the lines
 * read as text.
 */
function unreadHeaderless(programme: Programme, tables: number[][]): number[] {
  const read = linesRead(programme);
  return tables.filter((lines) => !lines.some((line) => read.has(line))).flat();
}

async function importPdf(bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { readPdfBlocks } = await import("./pdf/index.js");
  const read = await readPdfBlocks(bytes);
  try {
    const result = await importBlocks(Promise.resolve(read.blocks), options);
    const unframed = [...read.unframed, ...unreadHeaderless(result.programme, read.headerless)].sort(
      (a, b) => a - b,
    );
    const notes = [
      ...(read.ocr ? [OCR_FINDING] : []),
      ...(read.crooked.length > 0 ? [crookedFinding(read.crooked)] : []),
      ...(unframed.length > 0 ? [unframedFinding(unframed)] : []),
    ];
    return notes.length > 0 ? { ...result, findings: [...notes, ...result.findings] } : result;
  } catch (error) {
    const unframed = [...read.unframed, ...read.headerless.flat()].sort((a, b) => a - b);
    throw unframed.length > 0 ? withUnframedNote(error, unframed) : error;
  }
}

async function importPlainText(
  bytes: Uint8Array,
  extension: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const text = decodeText(bytes);
  if (CSV_TEMPLATE.test(text) && extension !== "txt") {
    const { readCsvProgramme } = await import("./csv.js");
    return withValidation(readCsvProgramme(text));
  }
  if (extension === "csv") {
    // A CSV that is not infoprog's template: a table saved from a spreadsheet or Word.
    const delimiter = delimiterOf(text);
    if (delimiter) return withValidation(interpretBlocks(readDelimitedBlocks(text, delimiter), options));
    const { readCsvProgramme } = await import("./csv.js");
    return withValidation(readCsvProgramme(text));
  }
  return importTextWithinLimits(text, options);
}
