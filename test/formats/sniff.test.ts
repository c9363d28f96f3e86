import { describe, expect, it } from "vitest";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { exportDocx } from "../../src/export/docx.js";
import { exportXlsx } from "../../src/export/xlsx.js";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { importDocument } from "../../src/import/index.js";
import { FORMAT_MESSAGES, sniffFormat } from "../../src/import/sniff.js";
import { makeZip } from "./zip.js";

const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file's first bytes and, further on, a directory entry naming one stream. */
function oleWithStream(stream: string): Uint8Array {
  const name = Buffer.from(stream, "utf16le");
  const bytes = new Uint8Array(2048);
  bytes.set(OLE_HEADER, 0);
  bytes.set(name, 1024 + 64);
  return bytes;
}

function openDocument(mimetype: string): Uint8Array {
  return makeZip([
    { name: "mimetype", data: Buffer.from(mimetype) },
    { name: "content.xml", data: Buffer.from("<office:document-content/>") },
  ]);
}

describe("sniffFormat tells the format by content, whatever the name says", () => {
  it("recognises each readable format", async () => {
    expect(sniffFormat(await exportDocx(demoProgramme()))).toBe("docx");
    expect(sniffFormat(await exportXlsx(demoProgramme()))).toBe("xlsx");
    expect(sniffFormat(openDocument("application/vnd.oasis.opendocument.text"))).toBe("odt");
    expect(sniffFormat(oleWithStream("WordDocument"))).toBe("doc");
    expect(sniffFormat(Buffer.from("{\\rtf1\\ansi Привіт}"))).toBe("rtf");
    expect(sniffFormat(Buffer.from("%PDF-1.7\n%âãÏÓ\n"))).toBe("pdf");
    expect(sniffFormat(Buffer.from(`${"\n".repeat(100)}%PDF-1.4\n`))).toBe("pdf");
    expect(sniffFormat(Buffer.from("ПАСПОРТ\tпрограми\n"))).toBe("text");
  });

  it("refuses what it cannot read with a Ukrainian and an English reason", () => {
    const refusals: [Uint8Array, string][] = [
      [openDocument("application/vnd.oasis.opendocument.spreadsheet"), FORMAT_MESSAGES.spreadsheetOds],
      [openDocument("application/vnd.oasis.opendocument.presentation"), FORMAT_MESSAGES.otherOpenDocument],
      [makeZip([{ name: "photo.jpg", data: new Uint8Array(10) }]), FORMAT_MESSAGES.otherZip],
      [oleWithStream("Workbook"), FORMAT_MESSAGES.xls],
      [oleWithStream("EncryptedPackage"), FORMAT_MESSAGES.encryptedOffice],
      [oleWithStream("PowerPoint Document"), FORMAT_MESSAGES.otherOle],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), FORMAT_MESSAGES.image],
      [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), FORMAT_MESSAGES.image],
    ];
    for (const [bytes, message] of refusals) {
      expect(() => sniffFormat(bytes)).toThrow(NotAProgrammeError);
      expect(() => sniffFormat(bytes)).toThrow(message);
      expect(message).toMatch(/^\p{Script=Cyrillic}.* \/ [A-Z][A-Za-z ]+/u);
    }
  });

  it("imports a DOCX named .pdf and refuses an image named .docx", async () => {
    const docx = await exportDocx(demoProgramme());
    const asNamed = await importDocument(docx, "programme.docx");
    const misnamed = await importDocument(docx, "programme.pdf");
    expect(misnamed).toEqual(asNamed);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await expect(importDocument(png, "programme.docx")).rejects.toThrow(FORMAT_MESSAGES.image);
  });

  it("refuses an oversized upload before sniffing or parsing it", async () => {
    const huge = new Uint8Array(21 * 1024 * 1024);
    huge.set(OLE_HEADER, 0);
    await expect(importDocument(huge, "a.doc")).rejects.toThrow(/завеликий/);
  });
});
