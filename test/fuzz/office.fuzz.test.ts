/** Malformed DOCX/XLSX/CSV through importDocument (see support.ts). */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Programme } from "../../src/domain/model.js";
import { exportCsv } from "../../src/export/csv.js";
import { exportDocx } from "../../src/export/docx.js";
import { exportXlsx } from "../../src/export/xlsx.js";
import { unzipSafely } from "../../src/import/docx.js";
import { importDocument, importText } from "../../src/import/index.js";
import { docxWithBody, makeZip } from "../formats/zip.js";
import { expectImportsOrRefuses, readFixture, runs, tally } from "./support.js";

let programme: Programme;
let docx: Uint8Array;
let xlsx: Uint8Array;
let csv: string;

beforeAll(async () => {
  programme = importText(readFixture("romny-2026-2028.txt")).programme;
  docx = await exportDocx(programme);
  xlsx = await exportXlsx(programme);
  csv = exportCsv(programme);
});

afterAll(() => {
  console.log(`fuzz office: ${tally.imported} imported, ${tally.refused} refused`);
});

const flips = fc.array(fc.record({ at: fc.nat(), byte: fc.nat(255) }), { minLength: 1, maxLength: 8 });

function corrupt(bytes: Uint8Array, changes: { at: number; byte: number }[]): Uint8Array {
  const copy = new Uint8Array(bytes);
  for (const change of changes) copy[change.at % copy.length] = change.byte;
  return copy;
}

/** The archive with one entry's content replaced (or added). */
function withEntry(archive: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const entries = unzipSafely(archive, () => true);
  entries.set(name, Buffer.from(data));
  return makeZip([...entries].map(([entryName, entryData]) => ({ name: entryName, data: entryData })));
}

describe("importer fuzz: office formats", () => {
  for (const [kind, name] of [
    ["docx", "a.docx"],
    ["xlsx", "a.xlsx"],
  ] as const) {
    it(`a truncated ${kind} imports or is refused`, async () => {
      const bytes = kind === "docx" ? docx : xlsx;
      await fc.assert(
        fc.asyncProperty(fc.nat(bytes.length - 1), async (length) => {
          await expectImportsOrRefuses(() => importDocument(bytes.subarray(0, length), name));
        }),
        { numRuns: runs(kind === "docx" ? 200 : 100) },
      );
    });

    it(`a ${kind} with random bytes overwritten imports or is refused`, async () => {
      const bytes = kind === "docx" ? docx : xlsx;
      await fc.assert(
        fc.asyncProperty(flips, async (changes) => {
          await expectImportsOrRefuses(() => importDocument(corrupt(bytes, changes), name));
        }),
        { numRuns: runs(kind === "docx" ? 200 : 100) },
      );
    });
  }

  it("random DOCX bodies of nested tables, rows and cells import or are refused", async () => {
    const text = fc.constantFrom("Паспорт", "1.", "Всього", "місцевий бюджет", "12,5", "Завдання", "<&>");
    const escapeXml = (value: string) =>
      value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const cellXml = text.map((value) => `<w:tc><w:p><w:r><w:t>${escapeXml(value)}</w:t></w:r></w:p></w:tc>`);
    const span = fc.nat(3000).map((n) => `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr></w:tc>`);
    const rowXml = fc
      .array(fc.oneof(cellXml, span), { maxLength: 12 })
      .map((cells) => `<w:tr>${cells.join("")}</w:tr>`);
    const tableXml = fc.array(rowXml, { maxLength: 30 }).map((rows) => `<w:tbl>${rows.join("")}</w:tbl>`);
    const paragraph = text.map((value) => `<w:p><w:r><w:t>${escapeXml(value)}</w:t></w:r></w:p>`);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(tableXml, paragraph), { maxLength: 10 }), async (blocks) => {
        await expectImportsOrRefuses(() => importDocument(docxWithBody(blocks.join("")), "a.docx"));
      }),
      { numRuns: runs(200) },
    );
  });

  it("CSV with a stray quote or separator imports or is refused", async () => {
    const insert = fc.record({ at: fc.nat(), text: fc.constantFrom('"', ";", "\n", '""', "\r", ",") });
    await fc.assert(
      fc.asyncProperty(fc.array(insert, { minLength: 1, maxLength: 5 }), async (inserts) => {
        let text = csv;
        for (const { at, text: piece } of inserts) {
          const where = at % text.length;
          text = text.slice(0, where) + piece + text.slice(where);
        }
        await expectImportsOrRefuses(() => importDocument(Buffer.from(text), "a.csv"));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe("importer limits: office formats", () => {
  it("a zip bomb that lies about its size", async () => {
    const zeros = new Uint8Array(80 * 1024 * 1024);
    const bomb = makeZip([{ name: "word/document.xml", data: zeros, declaredSize: 1000 }]);
    await expectImportsOrRefuses(() => importDocument(bomb, "a.docx"));
    await expectImportsOrRefuses(() => importDocument(bomb, "a.xlsx"));
  });

  it("deeply nested XML", async () => {
    const depth = 100_000;
    const body = `${"<w:sdt><w:sdtContent>".repeat(depth)}${"</w:sdtContent></w:sdt>".repeat(depth)}`;
    await expectImportsOrRefuses(() => importDocument(docxWithBody(body), "a.docx"));
  });

  it("an XML entity bomb", async () => {
    const entities = Array.from(
      { length: 10 },
      (_, level) => `<!ENTITY e${level + 1} "${`&e${level};`.repeat(10)}">`,
    ).join("");
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e0 "ха">${entities}]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&e10;</w:t></w:r></w:p></w:body></w:document>`;
    const bytes = makeZip([{ name: "word/document.xml", data: Buffer.from(xml) }]);
    await expectImportsOrRefuses(() => importDocument(bytes, "a.docx"));
  });

  it("huge sharedStrings in an XLSX", async () => {
    const strings = Array.from({ length: 200_000 }, (_, index) => `<si><t>рядок ${index}</t></si>`).join("");
    const xml = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="200000" uniqueCount="200000">${strings}</sst>`;
    await expectImportsOrRefuses(() =>
      importDocument(withEntry(xlsx, "xl/sharedStrings.xml", Buffer.from(xml)), "a.xlsx"),
    );
  });

  it("CSV whose quote never closes", async () => {
    await expectImportsOrRefuses(() =>
      importDocument(Buffer.from(`record;title\nmeta;"${"х".repeat(100_000)}`), "a.csv"),
    );
  });

  it("a DOCX cell spanning thousands of grid columns in every row", async () => {
    const row = '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000"/></w:tcPr><w:p/></w:tc></w:tr>';
    await expectImportsOrRefuses(() =>
      importDocument(docxWithBody(`<w:tbl>${row.repeat(2000)}</w:tbl>`), "a.docx"),
    );
  });
});
