import { describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { readOdtBlocks } from "../../src/import/odt.js";
import { makeZip } from "./zip.js";

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
].join(" ");

function odt(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  return makeZip([
    { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text") },
    { name: "content.xml", data: Buffer.from(xml, "utf8") },
  ]);
}

const p = (text: string) => `<text:p>${text}</text:p>`;
const cell = (content: string, attributes = "") =>
  `<table:table-cell ${attributes}>${content}</table:table-cell>`;
const covered = "<table:covered-table-cell/>";

const BODY = [
  p("Додаток   1"),
  "<text:p/>",
  '<table:table table:name="T1">',
  '<table:table-column table:number-columns-repeated="3"/><table:table-column/>',
  "<table:table-header-rows><table:table-row>",
  cell(p("Напрям 1"), 'table:number-columns-spanned="2"'),
  covered,
  cell(p("A")),
  cell(p("B")),
  "</table:table-row></table:table-header-rows>",
  "<table:table-row>",
  cell(p("Завдання"), 'table:number-rows-spanned="2"'),
  cell(p('Проєкт<text:s text:c="2"/>1')),
  cell(p("10,0")),
  cell(p("x<text:tab/>y<text:line-break/>z")),
  "</table:table-row>",
  "<text:soft-page-break/>",
  "<table:table-row>",
  covered,
  cell(p("Проєкт 2<text:note><text:note-body>виноска</text:note-body></text:note>")),
  cell(
    '<table:table><table:table-column table:number-columns-repeated="2"/><table:table-row>' +
      `${cell(p("a"))}${cell(p("b"))}</table:table-row><table:table-row>${cell(p("c"))}${cell(p("d"))}` +
      "</table:table-row></table:table>",
  ),
  cell(p("перший") + p("<text:span>другий</text:span>")),
  "</table:table-row>",
  `<table:table-row>${cell("", 'table:number-columns-repeated="2"')}${cell(p("c3"))}</table:table-row>`,
  "</table:table>",
  "<text:list><text:list-item>",
  p("У списку &amp; «лапки»"),
  "</text:list-item></text:list>",
  "<text:tracked-changes><text:changed-region><text:deletion>",
  p("видалене"),
  "</text:deletion></text:changed-region></text:tracked-changes>",
].join("");

describe("readOdtBlocks", () => {
  it("reads tables into the same cells the DOCX reader gives: spans and covered cells empty", async () => {
    expect(await readOdtBlocks(odt(BODY))).toEqual([
      { kind: "paragraph", text: "Додаток 1", line: 1 },
      {
        kind: "table",
        line: 3,
        rows: [
          { cells: ["Напрям 1", "", "A", "B"], line: 3 },
          { cells: ["Завдання", "Проєкт  1", "10,0", "x\ty\nz"], line: 4 },
          {
            cells: ["", "Проєкт 2", "a\tb\nc\td", "перший\nдругий"],
            line: 5,
            mergedFromAbove: { 0: "Завдання" },
          },
          { cells: ["", "", "c3", ""], line: 6 },
        ],
      },
      { kind: "paragraph", text: "У списку & «лапки»", line: 7 },
    ]);
  });

  it("refuses a damaged ODT", async () => {
    await expect(readOdtBlocks(odt("<text:p>не закрито"))).rejects.toThrow(/ODT.*XML/);
    const empty = makeZip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text") },
    ]);
    await expect(readOdtBlocks(empty)).rejects.toThrow(NotAProgrammeError);
    await expect(readOdtBlocks(odt("").subarray(0, 60))).rejects.toThrow(NotAProgrammeError);
  });

  it("refuses a row wider than the limit without building it", async () => {
    const row = `<table:table-row>${cell(p("x"), 'table:number-columns-repeated="1000000"')}</table:table-row>`;
    await expect(readOdtBlocks(odt(`<table:table>${row}</table:table>`))).rejects.toThrow(/клітинок/);
  });
});
