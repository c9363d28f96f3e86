import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { decodeText, importDocument, importText } from "../../src/import/index.js";
import { interpretBlocks } from "../../src/import/interpret/index.js";
import { readTextBlocks } from "../../src/import/text/reader.js";
import { FIXTURES } from "./support.js";

const PARAGRAPH =
  "Весна прийшла до села рано. Діти бігали берегом річки, а старий мірошник лагодив колесо млина й розповідав про давні часи, коли вода була чистіша.";

describe("not a programme", () => {
  it.each([
    ["empty text", ""],
    ["blank lines", "\n \n\t\n"],
    ["a random Ukrainian paragraph", PARAGRAPH],
    ["text with NUL bytes", "ПРОГРАМА\u0000\u0001"],
  ])("%s → NotAProgrammeError with a Ukrainian message", (_, text) => {
    expect(() => importText(text)).toThrow(NotAProgrammeError);
    expect(() => importText(text)).toThrow(/[а-яіїє]/i);
  });

  it.each([
    ["empty bytes", new Uint8Array(), "a.txt"],
    ["binary bytes", new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]), "a.bin"],
    ["a PDF", new TextEncoder().encode("%PDF-1.7\n..."), "programme.pdf"],
    ["a random paragraph", new TextEncoder().encode(PARAGRAPH), "notes.txt"],
  ])("importDocument rejects %s", async (_, bytes, name) => {
    await expect(importDocument(bytes, name)).rejects.toThrow(NotAProgrammeError);
  });
});

describe("importDocument", () => {
  const romny = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"));

  it("imports UTF-8 text and keeps the importer's findings before the validator's", async () => {
    const { programme, findings } = await importDocument(new Uint8Array(romny), "romny.txt");
    expect(programme.community.katottg).toBe("UA59060110000049734");
    const own = interpretBlocks(readTextBlocks(romny.toString("utf8"))).findings;
    expect(findings.slice(0, own.length)).toEqual(own);
  });

  it("decodes windows-1251 text when the bytes are not UTF-8", () => {
    const cp1251 = new Uint8Array([0xcf, 0xd0, 0xce, 0xc3, 0xd0, 0xc0, 0xcc, 0xc0, 0x20, 0xb2, 0xbf, 0xba]);
    expect(decodeText(cp1251)).toBe("ПРОГРАМА Іїє");
    expect(decodeText(new TextEncoder().encode("\uFEFFПаспорт"))).toBe("Паспорт");
  });
});

describe("CSV template sniffing", () => {
  it("sends a file whose first line names the record column to the CSV reader", async () => {
    const csv = new TextEncoder().encode("record;id\nnonsense;1\n");
    // The CSV reader (csv.ts) rejects a template without a meta record; plain text would say "not a programme" differently.
    await expect(importDocument(csv, "upload")).rejects.toThrow(/шаблон|meta|record/i);
  });
});
