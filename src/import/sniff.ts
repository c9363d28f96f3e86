/**
 * Tells a document's format by its content, never by its file name: councils' sites serve PDFs named
 * ".doc", Word saves RTF as ".doc", and a renamed file must still be read (or refused) for what it is.
 */
import { NotAProgrammeError } from "./blocks.js";
import { unzipSafely } from "./zip.js";

export type DocumentFormat = "docx" | "xlsx" | "odt" | "doc" | "rtf" | "pdf" | "text";

/** A refusal in Ukrainian first and English second, as every message the importer shows. */
export function bilingual(uk: string, en: string): string {
  return `${uk} / ${en}`;
}

export const FORMAT_MESSAGES = {
  spreadsheetOds: bilingual(
    "Таблиці ODS не підтримуються: збережіть файл як XLSX або CSV.",
    "ODS spreadsheets are not supported: save the file as XLSX or CSV.",
  ),
  otherOpenDocument: bilingual(
    "Цей документ OpenDocument не є текстовим документом (ODT): збережіть програму як ODT, DOCX або PDF.",
    "This OpenDocument file is not a text document (ODT): save the programme as ODT, DOCX or PDF.",
  ),
  otherZip: bilingual(
    "Архів ZIP не є документом DOCX, ODT чи XLSX: завантажте сам документ програми.",
    "This ZIP archive is not a DOCX, ODT or XLSX document: upload the programme document itself.",
  ),
  xls: bilingual(
    "Старий формат Excel (.xls) не підтримується: збережіть таблицю як XLSX або CSV.",
    "The old Excel format (.xls) is not supported: save the sheet as XLSX or CSV.",
  ),
  encryptedOffice: bilingual(
    "Документ захищено паролем: відкрийте його, зніміть пароль і збережіть знову.",
    "The document is password-protected: open it, remove the password and save it again.",
  ),
  otherOle: bilingual(
    "Файл у форматі Microsoft Office, але не документ Word: збережіть програму як DOCX або PDF.",
    "A Microsoft Office file that is not a Word document: save the programme as DOCX or PDF.",
  ),
  image: bilingual(
    "Це зображення, а не документ: відскануйте програму в PDF або завантажте її текстовий документ.",
    "This is an image, not a document: scan the programme into a PDF or upload its text document.",
  ),
  brokenPdf: bilingual(
    "PDF пошкоджений: його не вдалося прочитати.",
    "The PDF is damaged and could not be read.",
  ),
} as const;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RTF = [0x7b, 0x5c, 0x72, 0x74, 0x66]; // "{\rtf"
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
/** The PDF header may follow some junk; readers accept it within the first kilobyte. */
const PDF_HEADER_WINDOW = 1024;
const IMAGES = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x49, 0x49, 0x2a, 0x00], // TIFF, little-endian
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF, big-endian
];

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  return magic.every((byte, index) => bytes[at + index] === byte);
}

function indexOf(bytes: Uint8Array, magic: readonly number[], within: number): number {
  const last = Math.min(bytes.length - magic.length, within);
  for (let at = 0; at <= last; at++) if (startsWith(bytes, magic, at)) return at;
  return -1;
}

const OPEN_DOCUMENT = "application/vnd.oasis.opendocument.";

function sniffZip(bytes: Uint8Array): DocumentFormat {
  const names = new Set<string>();
  const files = unzipSafely(bytes, (name) => {
    names.add(name);
    return name === "mimetype";
  });
  if (names.has("word/document.xml")) return "docx";
  if (names.has("xl/workbook.xml")) return "xlsx";
  const mimetype = files.get("mimetype")?.toString("ascii").trim() ?? "";
  if (mimetype === `${OPEN_DOCUMENT}text`) return "odt";
  if (mimetype === `${OPEN_DOCUMENT}spreadsheet`)
    throw new NotAProgrammeError(FORMAT_MESSAGES.spreadsheetOds);
  if (mimetype.startsWith(OPEN_DOCUMENT)) throw new NotAProgrammeError(FORMAT_MESSAGES.otherOpenDocument);
  throw new NotAProgrammeError(FORMAT_MESSAGES.otherZip);
}

/** A stream name as an OLE directory stores it: UTF-16LE. */
function oleName(name: string): number[] {
  return [...name].flatMap((letter) => [letter.charCodeAt(0), 0]);
}

/**
 * An OLE compound file is Word 97–2003, Excel 97–2003, or an encrypted OOXML document; the names
 * of its streams tell which. The directory may sit anywhere in the file, so the whole file is searched.
 */
function sniffOle(bytes: Uint8Array): DocumentFormat {
  const has = (name: string) => indexOf(bytes, oleName(name), bytes.length) >= 0;
  if (has("EncryptedPackage")) throw new NotAProgrammeError(FORMAT_MESSAGES.encryptedOffice);
  if (has("WordDocument")) return "doc";
  if (has("Workbook") || has("Book")) throw new NotAProgrammeError(FORMAT_MESSAGES.xls);
  throw new NotAProgrammeError(FORMAT_MESSAGES.otherOle);
}

/**
 * The document's format from its first bytes (and, for archives and OLE files, their directory).
 * Plain text is what is left; the text reader refuses binary data itself.
 */
export function sniffFormat(bytes: Uint8Array): DocumentFormat {
  if (startsWith(bytes, ZIP)) return sniffZip(bytes);
  if (startsWith(bytes, OLE)) return sniffOle(bytes);
  if (startsWith(bytes, RTF)) return "rtf";
  if (indexOf(bytes, PDF, PDF_HEADER_WINDOW) >= 0) return "pdf";
  if (IMAGES.some((magic) => startsWith(bytes, magic))) throw new NotAProgrammeError(FORMAT_MESSAGES.image);
  return "text";
}

/** What an executor may attach to a report (a contract, an act, a photo), told by content. */
export const ATTACHMENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  jpeg: "image/jpeg",
  png: "image/png",
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function zipDocumentType(bytes: Uint8Array): AttachmentType | null {
  try {
    const format = sniffZip(bytes);
    return format === "docx" || format === "odt" ? format : null;
  } catch {
    return null;
  }
}

/** The attachment's type by its first bytes (and a ZIP's directory); null for anything else. */
export function attachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, PNG)) return "png";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, ZIP)) return zipDocumentType(bytes);
  return null;
}
