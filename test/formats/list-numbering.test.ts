import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
} from "docx";
import { describe, expect, it } from "vitest";
import { readDocxBlocks } from "../../src/import/docx.js";
import { importDocument } from "../../src/import/index.js";
import { readOdtBlocks } from "../../src/import/odt.js";
import { sofficePath } from "../../src/import/soffice.js";
import { convertAll } from "../support/office-cache.js";
import { makeZip } from "./zip.js";

/** A task table whose № column Word numbers itself: directions at level 1, measures at level 2. */
async function autoNumberedProgramme(): Promise<Uint8Array> {
  const cell = (text: string, level?: number) =>
    new TableCell({
      children: [
        new Paragraph(level === undefined ? { text } : { text, numbering: { reference: "tasks", level } }),
      ],
    });
  const row = (...cells: TableCell[]) => new TableRow({ children: cells });
  const header = [
    "№ з/п",
    "Назва заходу",
    "Виконавці",
    "Термін виконання",
    "Джерела фінансування",
    "2026",
    "2027",
    "2028",
    "Очікуваний результат",
  ];
  const measure = (title: string, amounts: string[]) =>
    row(
      cell("", 1),
      cell(title),
      cell("Відділ цифрового розвитку"),
      cell("2026-2028"),
      cell("Бюджет громади"),
      ...amounts.map((amount) => cell(amount)),
      cell("Зроблено"),
    );
  const direction = (title: string) =>
    row(cell("", 0), new TableCell({ columnSpan: 8, children: [new Paragraph(title)] }));
  const document = new Document({
    numbering: {
      config: [
        {
          reference: "tasks",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: "%1.%2.", alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: "sections",
          levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: "%1.", alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph(
            "Програма цифрового розвитку Тестової міської територіальної громади на 2026-2028 роки",
          ),
          new Paragraph({ text: "Загальні положення", numbering: { reference: "sections", level: 0 } }),
          new Paragraph({
            text: "Завдання і заходи Програми",
            numbering: { reference: "sections", level: 0 },
          }),
          new Table({
            width: { size: 9600, type: WidthType.DXA },
            columnWidths: [700, 1900, 1300, 900, 1200, 800, 800, 800, 1200],
            rows: [
              row(...header.map((text) => cell(text))),
              direction("Цифрова інфраструктура"),
              measure("Закупівля техніки", ["100,0", "50,0", "50,0"]),
              measure("Модернізація мережі", ["80,0", "-", "-"]),
              direction("Електронні послуги"),
              measure("Електронна черга", ["-", "60,0", "-"]),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

async function directionsOf(bytes: Uint8Array, name: string) {
  const { programme } = await importDocument(bytes, name);
  return programme.directions.map((direction) => ({
    number: direction.number,
    title: direction.title,
    items: direction.items.map((item) => [item.number, item.title]),
  }));
}

const NUMBERED_DIRECTIONS = [
  {
    number: "1",
    title: "Цифрова інфраструктура",
    items: [
      ["1.1.", "Закупівля техніки"],
      ["1.2.", "Модернізація мережі"],
    ],
  },
  { number: "2", title: "Електронні послуги", items: [["2.1.", "Електронна черга"]] },
];

describe("Word's automatic numbering (w:numPr), in a DOCX made with the docx library", () => {
  it("prints the numbers Word shows, so numbered rows head directions and number measures", async () => {
    expect(await directionsOf(await autoNumberedProgramme(), "programme.docx")).toEqual(NUMBERED_DIRECTIONS);
  });

  // LibreOffice keeps the numbering as lists: ODT's numbered `text:list`s, and w:numPr again in the DOCX
  // it makes of an RTF. (Its DOC of this document loses the table itself — LibreOffice's own PDF of that
  // DOC runs the cells together — so a DOC says nothing here.)
  it.skipIf(!sofficePath()).each(["odt", "rtf"] as const)(
    "reads the same numbers from LibreOffice's %s of it",
    async (format) => {
      const [converted] = await convertAll([await autoNumberedProgramme()], "docx", format);
      expect(await directionsOf(converted as Uint8Array, `programme.${format}`)).toEqual(NUMBERED_DIRECTIONS);
    },
    120_000,
  );

  it("numbers section headings in Roman numerals", async () => {
    const blocks = await readDocxBlocks(await autoNumberedProgramme());
    const paragraphs = blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
    expect(paragraphs).toContain("I. Загальні положення");
    expect(paragraphs).toContain("II. Завдання і заходи Програми");
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const xml = (root: string, body: string) =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:${root} ${W}>${body}</w:${root}>`, "utf8");
const level = (ilvl: number, format: string, text: string, extra = "") =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const numbered = (text: string, numId: number, ilvl = 0) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const styled = (text: string, style: string) =>
  `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** Paragraph texts of a DOCX with the given numbering definitions, styles and body. */
async function paragraphsOf(numbering: string, styles: string, body: string): Promise<string[]> {
  const docx = makeZip([
    { name: "word/document.xml", data: xml("document", `<w:body>${body}</w:body>`) },
    { name: "word/numbering.xml", data: xml("numbering", numbering) },
    { name: "word/styles.xml", data: xml("styles", styles) },
  ]);
  const blocks = await readDocxBlocks(docx);
  return blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
}

describe("Word's numbering definitions, hand-written", () => {
  const NUMBERING = [
    `<w:abstractNum w:abstractNumId="10">${level(0, "decimal", "%1.")}${level(1, "lowerLetter", "%2)")}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="11">${level(0, "bullet", "•")}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="12">${level(0, "upperRoman", "Розділ %1.")}${level(1, "decimal", "%1.%2", '<w:isLgl/><w:suff w:val="space"/>')}</w:abstractNum>`,
    `<w:abstractNum w:abstractNumId="13">${level(0, "russianLower", "%1)")}</w:abstractNum>`,
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>',
    '<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>',
    '<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>',
    '<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
    '<w:num w:numId="5"><w:abstractNumId w:val="13"/></w:num>',
  ].join("");
  const STYLES = [
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>',
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>',
  ].join("");

  it("counts levels, restarts the deeper ones, and prints each level in its own format", async () => {
    const body = [
      numbered("Перший", 1),
      numbered("підпункт", 1, 1),
      numbered("ще підпункт", 1, 1),
      numbered("Другий", 1),
      numbered("знову підпункт", 1, 1),
    ].join("");
    expect(await paragraphsOf(NUMBERING, STYLES, body)).toEqual([
      "1. Перший",
      "a) підпункт",
      "b) ще підпункт",
      "2. Другий",
      "a) знову підпункт",
    ]);
  });

  it("takes numbering from a paragraph's style and the style it is based on; legal numbering in decimal", async () => {
    const body = [
      styled("Вступ", "Heading1"),
      styled("Мета", "Heading2"),
      styled("Завдання", "Heading2"),
    ].join("");
    expect(await paragraphsOf(NUMBERING, STYLES, body)).toEqual([
      "Розділ I. Вступ",
      "1.1 Мета",
      "1.2 Завдання",
    ]);
  });

  it("restarts a list at its instance's start override; bullets, numId 0 and Cyrillic letters", async () => {
    const body = [
      numbered("один", 1),
      numbered("п'ять", 4),
      numbered("шість", 4),
      numbered("пункт", 2),
      numbered("без номера", 0),
      numbered("перша літера", 5),
      numbered("друга літера", 5),
    ].join("");
    expect(await paragraphsOf(NUMBERING, STYLES, body)).toEqual([
      "1. один",
      "5. п'ять",
      "6. шість",
      "пункт",
      "без номера",
      "а) перша літера",
      "б) друга літера",
    ]);
  });
});

const ODF = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
].join(" ");

/** Paragraph texts of an ODT whose automatic styles hold the given list styles (and styles.xml `styles`). */
async function odtParagraphs(listStyles: string, body: string, styles = ""): Promise<string[]> {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF}><office:automatic-styles>${listStyles}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`;
  const stylesXml = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${ODF}><office:styles>${styles}</office:styles></office:document-styles>`;
  const odt = makeZip([
    { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.text") },
    { name: "content.xml", data: Buffer.from(xml, "utf8") },
    { name: "styles.xml", data: Buffer.from(stylesXml, "utf8") },
  ]);
  const blocks = await readOdtBlocks(odt);
  return blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));
}

describe("OpenDocument numbered lists, hand-written", () => {
  const STYLES = [
    '<text:list-style style:name="L1">',
    '<text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>',
    '<text:list-level-style-number text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2"/>',
    "</text:list-style>",
    '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="I" style:num-prefix="Розділ " style:num-suffix="."/></text:list-style>',
    '<text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>',
  ].join("");
  const item = (text: string) => `<text:list-item><text:p>${text}</text:p></text:list-item>`;
  const nested = (text: string) => `<text:list-item><text:list>${item(text)}</text:list></text:list-item>`;

  it("numbers levels by nesting, and an item holding only a nested list does not count", async () => {
    const body = `<text:list text:style-name="L1">${item("Перший")}${nested("підпункт")}${nested("ще")}${item("Другий")}${nested("знову")}</text:list>`;
    expect(await odtParagraphs(STYLES, body)).toEqual([
      "1. Перший",
      "1.1. підпункт",
      "1.2. ще",
      "2. Другий",
      "2.1. знову",
    ]);
  });

  it("continues numbering across lists that say so, restarts the others, honours start values and prefixes", async () => {
    const body = [
      `<text:list xml:id="a" text:style-name="L1">${item("один")}</text:list>`,
      `<table:table><table:table-row><table:table-cell><text:list text:continue-numbering="true" text:style-name="L1">${item("два")}</text:list></table:table-cell></table:table-row></table:table>`,
      `<text:list text:style-name="L1">${item("знову один")}</text:list>`,
      `<text:list text:continue-list="a" text:style-name="L1">${item("три")}</text:list>`,
      `<text:list text:style-name="L1"><text:list-item text:start-value="7"><text:p>сім</text:p></text:list-item></text:list>`,
      `<text:list text:style-name="L2">${item("Вступ")}${item("Заходи")}</text:list>`,
      `<text:list text:style-name="B">${item("пункт")}</text:list>`,
    ].join("");
    const paragraphs = await odtParagraphs(STYLES, body);
    expect(paragraphs).toEqual([
      "1. один",
      "1. знову один",
      "3. три",
      "7. сім",
      "Розділ I. Вступ",
      "Розділ II. Заходи",
      "пункт",
    ]);
  });

  it("numbers headings by the document's outline style (styles.xml), levels restarting under a new parent", async () => {
    const outline = [
      '<text:outline-style style:name="Outline">',
      '<text:outline-level-style text:level="1" style:num-format="1" style:num-suffix="."/>',
      '<text:outline-level-style text:level="2" style:num-format="1" style:num-suffix="." text:display-levels="2"/>',
      "</text:outline-style>",
    ].join("");
    const h = (level: number, text: string) => `<text:h text:outline-level="${level}">${text}</text:h>`;
    const body = [
      h(1, "Загальні положення"),
      h(2, "Мета"),
      h(2, "Завдання"),
      h(1, "Фінансування"),
      h(2, "Джерела"),
    ].join("");
    expect(await odtParagraphs("", body, outline)).toEqual([
      "1. Загальні положення",
      "1.1. Мета",
      "1.2. Завдання",
      "2. Фінансування",
      "2.1. Джерела",
    ]);
  });
});
