/**
 * Reads the entries of a zip archive (DOCX, ODT, XLSX) with every byte capped: the inflated total,
 * each entry's expansion ratio, the count of entries. Its own module, without the XML reader, so
 * telling a document's format (sniff.ts) loads no XML parser for a plain-text import.
 */
import { NotAProgrammeError } from "./blocks.js";
import { IMPORT_LIMITS, inflatedEntryCap } from "./limits.js";

export interface ZipLimits {
  /** Cap on the sum of uncompressed sizes of the entries we inflate. */
  maxTotalBytes: number;
  maxEntries: number;
}

/** Bombs are told by size and expansion ratio (`inflatedEntryCap`); any count of entries a zip can hold is fine. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: IMPORT_LIMITS.maxInflatedBytes,
  maxEntries: 0xffff,
};

export const NOT_DOCX = "Файл не є документом DOCX чи XLSX: архів пошкоджений або це інший формат.";
const TOO_BIG = "Архів документа завеликий після розпакування — можливо, це «zip-бомба».";

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

function findEndOfCentralDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new NotAProgrammeError(NOT_DOCX);
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (bytes.byteLength < 22) throw new NotAProgrammeError(NOT_DOCX);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  if (count > limits.maxEntries) throw new NotAProgrammeError(TOO_BIG);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new NotAProgrammeError(NOT_DOCX);
    }
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + skip;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new NotAProgrammeError(NOT_DOCX);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new NotAProgrammeError(NOT_DOCX);
  return bytes.subarray(start, end);
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Buffer {
  if (entry.flags & 1) throw new NotAProgrammeError("Документ зашифровано — відкрийте його без пароля.");
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (data.byteLength > budget) throw new NotAProgrammeError(TOO_BIG);
    return Buffer.from(data);
  }
  if (entry.method !== 8) throw new NotAProgrammeError(NOT_DOCX);
  // zlib is loaded by the first entry to inflate, not by every import that only tells a format.
  const { inflateRawSync } = process.getBuiltinModule("node:zlib");
  try {
    return inflateRawSync(data, {
      maxOutputLength: Math.max(1, Math.min(budget, inflatedEntryCap(data.byteLength))),
    });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") {
      throw new NotAProgrammeError(TOO_BIG);
    }
    throw new NotAProgrammeError(NOT_DOCX);
  }
}

/**
 * Inflates the entries `wanted` selects, refusing archives whose inflated size (declared or
 * actual) passes the cap. Throws NotAProgrammeError for anything that is not a readable zip.
 */
export function unzipSafely(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Buffer> {
  const entries = readCentralDirectory(bytes, limits).filter((entry) => wanted(entry.name));
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxTotalBytes) throw new NotAProgrammeError(TOO_BIG);
  const out = new Map<string, Buffer>();
  let budget = limits.maxTotalBytes;
  for (const entry of entries) {
    const data = inflateEntry(bytes, entry, budget);
    budget -= data.byteLength;
    out.set(entry.name, data);
  }
  return out;
}
