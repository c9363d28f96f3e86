/**
 * Import limits on real inputs: text saved as UTF-16 or UTF-8 with a byte-order mark reads like the
 * UTF-8 original; a zip bomb is told by its expansion ratio and inflated size, not by its number of
 * entries; and a million-row XLSX is refused while it streams, long before its last row.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocxBlocks, unzipSafely } from "../../src/import/docx.js";
import { importDocument, NotAProgrammeError } from "../../src/import/index.js";
import { IMPORT_LIMITS, LIMIT_MESSAGES } from "../../src/import/limits.js";
import { streamXlsxRows } from "../../src/import/xlsx.js";
import { makeZip } from "../formats/zip.js";
import { FIXTURE_NAMES, readFixture } from "../fuzz/support.js";

const MB = 1024 * 1024;
const name = FIXTURE_NAMES[0] ?? "";

function utf16be(text: string): Buffer {
  return Buffer.from(text, "utf16le").swap16();
}

describe("plain text with a byte-order mark", () => {
  it.each([
    ["UTF-16LE", (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["UTF-16BE", (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ["UTF-8", (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])],
  ])("%s reads as the same programme as the UTF-8 original", async (_encoding, encode) => {
    const text = readFixture(name);
    const original = await importDocument(Buffer.from(text, "utf8"), name);
    expect(await importDocument(encode(text), name)).toEqual(original);
  });

  it("a UTF-16 file cut in the middle of a character is refused with a message", async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from("Програма", "utf16le"),
      Buffer.from([0x41]),
    ]);
    await expect(importDocument(bytes, "cut.txt")).rejects.toThrow(/UTF-16/);
  });
});

/** A DOCX of one paragraph, plus `extra` small entries (pictures, custom XML…). */
function docxWith(extra: number): Uint8Array {
  const documentXml = Buffer.from(
    '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      "<w:body><w:p><w:r><w:t>Програма інформатизації</w:t></w:r></w:p></w:body></w:document>",
  );
  const entries = Array.from({ length: extra }, (_, index) => ({
    name: `customXml/item${index}.xml`,
    data: Buffer.from(`<item n="${index}"/>`),
  }));
  return makeZip([{ name: "word/document.xml", data: documentXml }, ...entries]);
}

describe("zip bombs, by ratio and size rather than by entry count", () => {
  it("reads a DOCX with 10 000 entries like the same DOCX with none", async () => {
    const plain = await readDocxBlocks(docxWith(0));
    expect(await readDocxBlocks(docxWith(10_000))).toEqual(plain);
  });

  it("refuses one entry inflating more than the ratio allows, though far under the size cap", () => {
    const zeros = new Uint8Array(10 * MB);
    const bomb = makeZip([{ name: "word/document.xml", data: zeros }]);
    expect(bomb.byteLength * IMPORT_LIMITS.maxInflateRatio).toBeLessThan(zeros.byteLength);
    expect(() => unzipSafely(bomb, () => true)).toThrow(/zip-бомба/);
  });

  it("takes an entry under the ratio, and refuses entries under it whose total passes the size cap", () => {
    // Pseudo-random decimal digits compress about 2:1, far under the ratio.
    const digits = (seed: number) => {
      const out = Buffer.alloc(2 * MB);
      let state = seed + 1;
      for (let index = 0; index < out.length; index++) {
        state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
        out[index] = 48 + (Math.floor(state / 65_536) % 10);
      }
      return out;
    };
    const one = makeZip([{ name: "a.xml", data: digits(1) }]);
    expect(unzipSafely(one, () => true).get("a.xml")?.byteLength).toBe(2 * MB);
    const many = makeZip(
      Array.from({ length: 26 }, (_, index) => ({ name: `f${index}.xml`, data: digits(index) })),
    );
    expect(() => unzipSafely(many, () => true)).toThrow(/zip-бомба/);
  });
});

const MILLION = 1_000_000;
const CACHE = path.join(tmpdir(), "infoprog-test-cache");

/**
 * A workbook of a million one-number rows, written by exceljs's streaming writer and cached. exceljs
 * writes optional attributes on every row (`spans`, `x14ac:dyDescent`), 80 bytes a row; without
 * them, as other writers (openpyxl) write, the sheet stays under the archive cap, so it is the row
 * limit and not the archive cap that must stop it.
 */
async function millionRowXlsx(): Promise<Buffer> {
  const file = path.join(CACHE, "million-rows-compact-1.xlsx");
  if (existsSync(file)) return readFileSync(file);
  mkdirSync(CACHE, { recursive: true });
  const written = `${file}.${process.pid}.exceljs`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: written, useStyles: false });
  const sheet = workbook.addWorksheet("Завдання");
  sheet.addRow(["direction_number", "title"]).commit();
  for (let row = 2; row <= MILLION; row++) sheet.addRow([row % 97]).commit();
  await sheet.commit();
  await workbook.commit();
  const entries = unzipSync(readFileSync(written));
  const sheetXml = Buffer.from(entries["xl/worksheets/sheet1.xml"] ?? new Uint8Array())
    .toString("utf8")
    .replace(/ spans="[^"]*"| x14ac:dyDescent="[^"]*"/g, "");
  entries["xl/worksheets/sheet1.xml"] = Buffer.from(sheetXml);
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, zipSync(entries, { level: 6 }));
  renameSync(partial, file);
  rmSync(written, { force: true });
  return readFileSync(file);
}

describe("a million-row XLSX", () => {
  it("is refused at the row limit while streaming, its later rows never read", async () => {
    const bytes = await millionRowXlsx();
    // Nothing before the streaming reader stops it: under the upload cap, the archive cap and ratio.
    expect(bytes.byteLength).toBeLessThan(IMPORT_LIMITS.maxUploadBytes);
    const inflated = [...unzipSafely(bytes, () => true).values()].reduce(
      (sum, data) => sum + data.byteLength,
      0,
    );
    expect(inflated).toBeLessThan(IMPORT_LIMITS.maxInflatedBytes);

    let rows = 0;
    const reading = streamXlsxRows(bytes, {
      sheet: () => {},
      row: () => {
        rows++;
      },
    });
    await expect(reading).rejects.toThrow(LIMIT_MESSAGES.sheetRows);
    expect(rows).toBe(IMPORT_LIMITS.maxSheetRows);
    expect(rows).toBeLessThan(MILLION / 4);

    await expect(importDocument(bytes, "million.xlsx")).rejects.toThrow(NotAProgrammeError);
    await expect(importDocument(bytes, "million.xlsx")).rejects.toThrow(LIMIT_MESSAGES.sheetRows);
  }, 600_000);
});
