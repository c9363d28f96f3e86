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
            width: { size: 100, type: WidthType.PERCENTAGE },
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

describe("Word's automatic numbering (w:numPr), in a DOCX made with the docx library", () => {
  it("prints the numbers Word shows, so numbered rows head directions and number measures", async () => {
    const { programme } = await importDocument(await autoNumberedProgramme(), "programme.docx");
    expect(
      programme.directions.map((direction) => ({
        number: direction.number,
        title: direction.title,
        items: direction.items.map((item) => [item.number, item.title]),
      })),
    ).toEqual([
      {
        number: "1",
        title: "Цифрова інфраструктура",
        items: [
          ["1.1.", "Закупівля техніки"],
          ["1.2.", "Модернізація мережі"],
        ],
      },
      { number: "2", title: "Електронні послуги", items: [["2.1.", "Електронна черга"]] },
    ]);
  });

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
