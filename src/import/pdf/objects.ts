/**
 * A small reader of a PDF's objects, enough to reach a page's content streams: the cross-reference
 * (tables, streams and object streams, with their updates), objects by reference, and streams stored
 * plain or Flate-compressed. Anything else it meets — encryption, another filter, a cross-reference
 * that does not point at its objects, nesting deeper than a document needs — it leaves to pdf.js by
 * throwing `Unread`, and so does every value it cannot be sure it reads as pdf.js would.
 */
import { inflateSync } from "node:zlib";
import { IMPORT_LIMITS } from "../limits.js";

export class Unread extends Error {}

export class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

export class Name {
  constructor(readonly name: string) {}
}

/** A string: its bytes are never needed here, only that a value was one. */
export class PdfString {}
const STRING = new PdfString();

export type PdfDict = Map<string, PdfValue>;

export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array,
  ) {}
}

export type PdfValue = number | boolean | null | Name | Ref | PdfString | PdfStream | PdfValue[] | PdfDict;

/** A bare word of the syntax: `obj`, `R`, `stream`, or a content stream's operator. */
export class Keyword {
  constructor(readonly word: string) {}
}

/** Deeper arrays and dictionaries than this are not a document's (a bomb is): pdf.js reads them. */
const MAX_DEPTH = 64;

const SPACE = new Uint8Array(256);
for (const byte of [0, 9, 10, 12, 13, 32]) SPACE[byte] = 1;
const DELIMITER = new Uint8Array(256);
for (const byte of Buffer.from("()<>[]{}/%")) DELIMITER[byte] = 1;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

export function isSpace(byte: number): boolean {
  return SPACE[byte] === 1;
}

export function isRegular(byte: number): boolean {
  return SPACE[byte] !== 1 && DELIMITER[byte] !== 1;
}

/** Reads values from `bytes`, starting at `at`. */
export class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
  ) {}

  skipSpace(): void {
    const { bytes } = this;
    while (this.at < bytes.length) {
      const byte = bytes[this.at] ?? 0;
      if (SPACE[byte] === 1) this.at++;
      else if (byte === 0x25 /* % */) {
        while (this.at < bytes.length && bytes[this.at] !== 0x0a && bytes[this.at] !== 0x0d) this.at++;
      } else return;
    }
  }

  /** A run of regular characters: a number or a keyword. */
  word(): string {
    const start = this.at;
    while (this.at < this.bytes.length && isRegular(this.bytes[this.at] ?? 0)) this.at++;
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, this.at - start).toString("latin1");
  }

  /** Past a literal string `( … )`, whose parentheses nest unless escaped. */
  skipString(): void {
    const { bytes } = this;
    let depth = 0;
    for (; this.at < bytes.length; this.at++) {
      const byte = bytes[this.at];
      if (byte === 0x5c /* \ */) this.at++;
      else if (byte === 0x28) depth++;
      else if (byte === 0x29 && --depth === 0) {
        this.at++;
        return;
      }
    }
    throw new Unread("unterminated string");
  }

  /** Past a hexadecimal string `< … >`. */
  skipHex(): void {
    const end = this.bytes.indexOf(0x3e, this.at);
    if (end < 0) throw new Unread("unterminated hex string");
    for (let at = this.at + 1; at < end; at++) {
      const byte = this.bytes[at] ?? 0;
      if (!isSpace(byte) && !isHexDigit(byte)) throw new Unread("not a hex string");
    }
    this.at = end + 1;
  }

  name(): Name {
    this.at++;
    const raw = this.word();
    return new Name(
      raw.includes("#")
        ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
        : raw,
    );
  }

  /** The next value or keyword; `undefined` at the end. `refs`: `n g R` is a reference (objects, not content). */
  next(refs: boolean, depth = 0): PdfValue | Keyword | undefined {
    if (depth > MAX_DEPTH) throw new Unread("nested too deep");
    this.skipSpace();
    const byte = this.bytes[this.at];
    if (byte === undefined) return undefined;
    if (byte === 0x2f /* / */) return this.name();
    if (byte === 0x28 /* ( */) {
      this.skipString();
      return STRING;
    }
    if (byte === 0x3c /* < */) {
      if (this.bytes[this.at + 1] !== 0x3c) {
        this.skipHex();
        return STRING;
      }
      this.at += 2;
      return this.dictionary(refs, depth);
    }
    if (byte === 0x5b /* [ */) {
      this.at++;
      return this.array(refs, depth);
    }
    if (!isRegular(byte)) throw new Unread(`unexpected ${String.fromCharCode(byte)}`);
    const word = this.word();
    if (NUMBER.test(word)) {
      const value = Number(word);
      return refs && Number.isInteger(value) ? this.maybeRef(value) : value;
    }
    if (word === "true") return true;
    if (word === "false") return false;
    if (word === "null") return null;
    return new Keyword(word);
  }

  private maybeRef(num: number): number | Ref {
    const start = this.at;
    this.skipSpace();
    const genStart = this.at;
    const gen = this.word();
    if (/^\d+$/.test(gen) && this.at > genStart) {
      this.skipSpace();
      if (this.bytes[this.at] === 0x52 /* R */ && !isRegular(this.bytes[this.at + 1] ?? 0x20)) {
        this.at++;
        return new Ref(num, Number(gen));
      }
    }
    this.at = start;
    return num;
  }

  private array(refs: boolean, depth: number): PdfValue[] {
    const items: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.at] === 0x5d /* ] */) {
        this.at++;
        return items;
      }
      const item = this.next(refs, depth + 1);
      if (item === undefined || item instanceof Keyword) throw new Unread("broken array");
      items.push(item);
    }
  }

  private dictionary(refs: boolean, depth: number): PdfDict {
    const dict: PdfDict = new Map();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
        this.at += 2;
        return dict;
      }
      const key = this.next(refs, depth + 1);
      if (!(key instanceof Name)) throw new Unread("broken dictionary");
      const value = this.next(refs, depth + 1);
      if (value === undefined || value instanceof Keyword) throw new Unread("broken dictionary");
      dict.set(key.name, value);
    }
  }

  expectKeyword(word: string): void {
    const token = this.next(false);
    if (!(token instanceof Keyword) || token.word !== word) throw new Unread(`expected ${word}`);
  }
}

function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

type XrefEntry = { offset: number; gen: number } | { stream: number; index: number };

/** The tail of a file that `startxref` is looked for in. */
const TAIL = 1024;

/** A PDF's objects, by reference, read on demand. */
export class PdfObjects {
  private readonly xref = new Map<number, XrefEntry>();
  private readonly cache = new Map<number, PdfValue>();
  /** Objects being read: one whose reading needs itself (a stream's length, an object stream) is pdf.js's. */
  private readonly reading = new Set<number>();
  private readonly objectStreams = new Map<number, { bytes: Uint8Array; offsets: number[]; first: number }>();

  constructor(private readonly bytes: Uint8Array) {
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - TAIL))).toString("latin1");
    const found = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!found) throw new Unread("no startxref at the end");
    const seen = new Set<number>();
    let offset: number | undefined = Number(found[1]);
    while (offset !== undefined) {
      if (seen.has(offset)) throw new Unread("cross-reference loop");
      seen.add(offset);
      offset = this.readSection(offset);
    }
  }

  /** One cross-reference section (a table or a stream); the offset of the one it updates, if any. */
  private readSection(offset: number): number | undefined {
    const lexer = new Lexer(this.bytes, offset);
    lexer.skipSpace();
    let trailer: PdfDict;
    if (Buffer.from(this.bytes.subarray(lexer.at, lexer.at + 4)).toString("latin1") === "xref") {
      lexer.at += 4;
      trailer = this.readTable(lexer);
      const hybrid = trailer.get("XRefStm");
      if (typeof hybrid === "number") this.readStreamSection(hybrid);
    } else trailer = this.readStreamSection(offset);
    if (trailer.has("Encrypt")) throw new Unread("encrypted");
    const previous = trailer.get("Prev");
    return typeof previous === "number" ? previous : undefined;
  }

  private readTable(lexer: Lexer): PdfDict {
    for (;;) {
      const token = lexer.next(false);
      if (token instanceof Keyword && token.word === "trailer") break;
      const count = lexer.next(false);
      if (typeof token !== "number" || typeof count !== "number") throw new Unread("broken xref table");
      for (let index = 0; index < count; index++) {
        const offset = lexer.next(false);
        const gen = lexer.next(false);
        const kind = lexer.next(false);
        if (typeof offset !== "number" || typeof gen !== "number" || !(kind instanceof Keyword)) {
          throw new Unread("broken xref entry");
        }
        const num = token + index;
        if (this.xref.has(num)) continue;
        if (kind.word === "n") this.xref.set(num, { offset, gen });
        else if (kind.word === "f") this.xref.set(num, { offset: -1, gen });
        else throw new Unread("broken xref entry");
      }
    }
    const trailer = lexer.next(true);
    if (!(trailer instanceof Map)) throw new Unread("no trailer");
    return trailer;
  }

  private readStreamSection(offset: number): PdfDict {
    const stream = this.objectAt(offset, undefined);
    if (!(stream instanceof PdfStream) || !isName(stream.dict.get("Type"), "XRef")) {
      throw new Unread("not a cross-reference stream");
    }
    const data = this.decode(stream);
    const widths = numbers(stream.dict.get("W"));
    const size = stream.dict.get("Size");
    const index = stream.dict.has("Index") ? numbers(stream.dict.get("Index")) : [0, size];
    if (widths.length !== 3 || typeof size !== "number") throw new Unread("broken xref stream");
    const [typeWidth = 0, secondWidth = 0, thirdWidth = 0] = widths as number[];
    const rowWidth = typeWidth + secondWidth + thirdWidth;
    let at = 0;
    for (let range = 0; range + 1 < index.length; range += 2) {
      const [start, count] = [index[range], index[range + 1]];
      if (typeof start !== "number" || typeof count !== "number") throw new Unread("broken xref index");
      for (let entry = 0; entry < count; entry++, at += rowWidth) {
        if (at + rowWidth > data.length) throw new Unread("short xref stream");
        const type = typeWidth === 0 ? 1 : readInt(data, at, typeWidth);
        const second = readInt(data, at + typeWidth, secondWidth);
        const third = readInt(data, at + typeWidth + secondWidth, thirdWidth);
        const num = start + entry;
        if (this.xref.has(num)) continue;
        if (type === 0) this.xref.set(num, { offset: -1, gen: third });
        else if (type === 1) this.xref.set(num, { offset: second, gen: third });
        else if (type === 2) this.xref.set(num, { stream: second, index: third });
        else throw new Unread("unknown xref entry type");
      }
    }
    return stream.dict;
  }

  /** The object `num gen obj … endobj` written at `offset`; `expected` checks its number. */
  private objectAt(offset: number, expected: Ref | undefined): PdfValue {
    const lexer = new Lexer(this.bytes, offset);
    const num = lexer.next(false);
    const gen = lexer.next(false);
    if (typeof num !== "number" || typeof gen !== "number") throw new Unread("no object there");
    if (expected && (num !== expected.num || gen !== expected.gen)) throw new Unread("xref points elsewhere");
    lexer.expectKeyword("obj");
    const value = lexer.next(true);
    if (value === undefined || value instanceof Keyword) throw new Unread("broken object");
    lexer.skipSpace();
    if (!(value instanceof Map) || !this.startsWith(lexer.at, "stream")) return value;
    return new PdfStream(value, this.streamData(value, lexer.at + "stream".length));
  }

  private startsWith(at: number, word: string): boolean {
    return Buffer.from(this.bytes.subarray(at, at + word.length)).toString("latin1") === word;
  }

  /** A stream's bytes, after `stream` and its end of line, `Length` long and followed by `endstream`. */
  private streamData(dict: PdfDict, afterKeyword: number): Uint8Array {
    let start = afterKeyword;
    if (this.bytes[start] === 0x0d) start++;
    if (this.bytes[start] === 0x0a) start++;
    else if (start === afterKeyword) throw new Unread("no end of line after stream");
    const length = this.resolve(dict.get("Length"));
    if (typeof length !== "number" || !Number.isInteger(length) || length < 0)
      throw new Unread("no stream length");
    const end = start + length;
    const after = new Lexer(this.bytes, end);
    after.skipSpace();
    if (!this.startsWith(after.at, "endstream")) throw new Unread("stream length is wrong");
    return this.bytes.subarray(start, end);
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof Ref ? this.fetch(value) : value;
  }

  fetch(ref: Ref): PdfValue {
    const cached = this.cache.get(ref.num);
    if (cached !== undefined) return cached;
    const entry = this.xref.get(ref.num);
    if (!entry) throw new Unread("object not in the xref");
    if (this.reading.has(ref.num)) throw new Unread("an object that needs itself");
    this.reading.add(ref.num);
    let value: PdfValue;
    try {
      if ("offset" in entry) {
        if (entry.offset < 0 || entry.gen !== ref.gen) throw new Unread("free object");
        value = this.objectAt(entry.offset, ref);
      } else value = this.fromObjectStream(entry.stream, entry.index, ref.num);
    } finally {
      this.reading.delete(ref.num);
    }
    this.cache.set(ref.num, value);
    return value;
  }

  private fromObjectStream(streamNum: number, index: number, num: number): PdfValue {
    let parsed = this.objectStreams.get(streamNum);
    if (!parsed) {
      const stream = this.fetch(new Ref(streamNum, 0));
      if (!(stream instanceof PdfStream) || !isName(stream.dict.get("Type"), "ObjStm")) {
        throw new Unread("not an object stream");
      }
      const bytes = this.decode(stream);
      const count = stream.dict.get("N");
      const first = stream.dict.get("First");
      if (typeof count !== "number" || typeof first !== "number") throw new Unread("broken object stream");
      const header = new Lexer(bytes, 0);
      const offsets: number[] = [];
      for (let item = 0; item < count; item++) {
        const itemNum = header.next(false);
        const itemOffset = header.next(false);
        if (typeof itemNum !== "number" || typeof itemOffset !== "number")
          throw new Unread("broken object stream");
        offsets.push(itemNum, itemOffset);
      }
      parsed = { bytes, offsets, first };
      this.objectStreams.set(streamNum, parsed);
    }
    const [itemNum, itemOffset] = [parsed.offsets[index * 2], parsed.offsets[index * 2 + 1]];
    if (itemNum !== num || itemOffset === undefined) throw new Unread("object stream index is wrong");
    const value = new Lexer(parsed.bytes, parsed.first + itemOffset).next(true);
    if (value === undefined || value instanceof Keyword) throw new Unread("broken object");
    return value;
  }

  /** A stream's data: stored plain, or Flate-compressed (with a PNG predictor, as cross-reference streams are). */
  decode(stream: PdfStream): Uint8Array {
    const filter = this.resolve(stream.dict.get("Filter"));
    const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
    if (filters.length === 0) return stream.raw;
    if (filters.length > 1 || !isName(filters[0], "FlateDecode")) throw new Unread("another filter");
    let data: Uint8Array;
    try {
      data = inflateSync(stream.raw, { maxOutputLength: IMPORT_LIMITS.maxInflatedBytes });
    } catch {
      throw new Unread("Flate data pdf.js may mend");
    }
    const parameters = this.resolve(stream.dict.get("DecodeParms"));
    const single = Array.isArray(parameters) ? this.resolve(parameters[0]) : parameters;
    if (single === undefined || single === null) return data;
    if (!(single instanceof Map)) throw new Unread("broken decode parameters");
    const predictor = single.get("Predictor") ?? 1;
    if (predictor === 1) return data;
    if (typeof predictor !== "number" || predictor < 10) throw new Unread("another predictor");
    return unpredictPng(data, single);
  }
}

/** The rows of a PNG-predicted stream, each row's filter undone (cross-reference streams use "Up"). */
function unpredictPng(data: Uint8Array, parameters: PdfDict): Uint8Array {
  const colors = parameters.get("Colors") ?? 1;
  const bits = parameters.get("BitsPerComponent") ?? 8;
  const columns = parameters.get("Columns") ?? 1;
  if (typeof colors !== "number" || typeof bits !== "number" || typeof columns !== "number") {
    throw new Unread("broken predictor parameters");
  }
  if (bits !== 8) throw new Unread("predictor bits");
  const pixel = colors;
  const row = colors * columns;
  if (data.length % (row + 1) !== 0) throw new Unread("predicted rows do not fit");
  const rows = data.length / (row + 1);
  const out = new Uint8Array(rows * row);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (row + 1)];
    const source = r * (row + 1) + 1;
    const target = r * row;
    for (let i = 0; i < row; i++) {
      const raw = data[source + i] ?? 0;
      const left = i >= pixel ? (out[target + i - pixel] ?? 0) : 0;
      const up = r > 0 ? (out[target + i - row] ?? 0) : 0;
      const upLeft = r > 0 && i >= pixel ? (out[target + i - row - pixel] ?? 0) : 0;
      let value: number;
      if (type === 0) value = raw;
      else if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) value = raw + paeth(left, up, upLeft);
      else throw new Unread("unknown PNG filter");
      out[target + i] = value & 0xff;
    }
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const [toLeft, toUp, toUpLeft] = [
    Math.abs(estimate - left),
    Math.abs(estimate - up),
    Math.abs(estimate - upLeft),
  ];
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

function readInt(data: Uint8Array, at: number, width: number): number {
  let value = 0;
  for (let index = 0; index < width; index++) value = value * 256 + (data[at + index] ?? 0);
  return value;
}

function numbers(value: PdfValue | undefined): (number | PdfValue)[] {
  if (!Array.isArray(value)) throw new Unread("not an array");
  return value;
}

export function isName(value: PdfValue | undefined, name: string): boolean {
  return value instanceof Name && value.name === name;
}
