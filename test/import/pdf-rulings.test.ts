import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPdfPages } from "../../src/import/pdf/load.js";
import { PdfObjects, Unread } from "../../src/import/pdf/objects.js";
import { pdfjs } from "../../src/import/pdf/pdfjs.js";
import { contentRulings, operatorListRulings, type Rulings } from "../../src/import/pdf/rulings.js";
import { pdf, stream } from "../formats/pdf-builder.js";
import { renderAll } from "../formats/render.js";
import { convertAll } from "../support/office-cache.js";
import { type WordBlock, wordDocument } from "../support/word-document.js";
import { hasSoffice } from "./families/office.js";
import { wordLook } from "./families/word.js";

/**
 * The rulings read from a page's content streams (rulings.ts) are the ones pdf.js's operator list gives,
 * number for number, on LibreOffice's PDFs of the fixtures and of councils' looks, and on hand-written
 * content that uses what LibreOffice does not (transforms, forms, rectangles, closing paints, curves,
 * an unmatched Q, a stream split in two, Flate, a cross-reference stream with object streams). What the
 * reader does not follow (an inline image) it leaves to pdf.js, and the import's rulings stay the same.
 */

interface PageRulings {
  byOperatorList: Rulings;
  byContent: Rulings | "unread";
}

async function bothRulings(bytes: Uint8Array): Promise<PageRulings[]> {
  const pdfjsLib = await pdfjs();
  const task = pdfjsLib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  const document = await task.promise;
  const objects = new PdfObjects(bytes);
  const pages: PageRulings[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const byOperatorList = operatorListRulings(await page.getOperatorList(), pdfjsLib.OPS);
      let byContent: Rulings | "unread";
      try {
        byContent = contentRulings(objects, page.ref ?? { num: 0, gen: 0 });
      } catch (error) {
        if (!(error instanceof Unread)) throw error;
        byContent = "unread";
      }
      pages.push({ byOperatorList, byContent });
    }
  } finally {
    await task.destroy();
  }
  return pages;
}

async function expectSameRulings(bytes: Uint8Array): Promise<number> {
  const pages = await bothRulings(bytes);
  for (const { byOperatorList, byContent } of pages) expect(byContent).toEqual(byOperatorList);
  return pages.reduce(
    (sum, { byOperatorList: { horizontal, vertical } }) => sum + horizontal.length + vertical.length,
    0,
  );
}

const PAGE = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const CATALOG = "<< /Type /Catalog /Pages 2 0 R >>";

/** Content that exercises what pdf.js's evaluator does to paths and transforms. */
const CONTENT = [
  "0.5 w 72.05 523.053 m 822.45 523.053 l S",
  "q 1 0 0 1 10.5 -3.25 cm 100 400 m 300 400 l 300 380 l S Q",
  "q 2 0 0 2 0 0 cm 50 50 100 0.8 re f Q",
  "q 0.5 0 0 0.5 20 20 cm q 1 0 0 1 3 3 cm 60 100 0.9 80 re f* Q 60 300 m 260 300 l h S Q",
  "100 100 0 50 re S 100 100 40 0 re S",
  "120 200 m 220 200 l 220 260 l 120 260 l s",
  "130 210 m 230 210 l 230 270 l b",
  "140 220 m 240 220 l 240 280 l 140 280 l B",
  "10 10 m 20 20 30 30 40 10 c 140 10 l 140 12 30 30 y 240 12 l S",
  "q 400 400 m 450 400 l Q 450 450 l S",
  "/P << /MCID 3 >> BDC [(a) 3 (b)] TJ EMC",
  "1 0 0 RG 0 g /GS1 gs [3 2] 0 d",
  "q 1 0 0 1 5 5 cm /Fm1 Do Q",
  "Q 300 500 m 500 500 l S",
].join("\n");

const FORM = "q 1 0 0 1 2 2 cm 0 0 m 100 0 l S 0 0 0.7 60 re f";

function pagePdf(content: string | Buffer[], extraObjects: string[] = [], filter = ""): Uint8Array {
  const parts = Array.isArray(content) ? content : [Buffer.from(content)];
  const contentRefs = parts.map((_, index) => `${6 + extraObjects.length + index} 0 R`).join(" ");
  return pdf([
    CATALOG,
    PAGE,
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources 4 0 R /Contents [${contentRefs}] >>`,
    "<< /XObject << /Fm1 5 0 R >> /ExtGState << /GS1 << /LW 1 >> >> >>",
    stream(
      "/Type /XObject /Subtype /Form /BBox [0 0 200 200] /Matrix [1.5 0 0 1.5 7.3 9.1] /Resources << >>",
      Buffer.from(FORM),
    ).toString("latin1"),
    ...extraObjects,
    ...parts.map((part) => stream(filter, part).toString("latin1")),
  ]);
}

/** A PDF 1.5 whose objects sit in an object stream, found through a cross-reference stream (PNG «Up» rows). */
function objectStreamPdf(content: string): Uint8Array {
  const objects = [CATALOG, PAGE, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>"];
  const header: string[] = [];
  let body = "";
  objects.forEach((object, index) => {
    header.push(`${index + 1} ${body.length}`);
    body += `${object}\n`;
  });
  const first = header.join(" ").length + 1;
  const objectStream = Buffer.concat([Buffer.from(header.join(" ")), Buffer.from("\n"), Buffer.from(body)]);
  const chunks: Buffer[] = [Buffer.from("%PDF-1.5\n")];
  const offsets: number[] = [];
  const add = (num: number, dictionary: string, data: Buffer) => {
    offsets[num] = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    chunks.push(Buffer.from(`${num} 0 obj\n`), stream(dictionary, data), Buffer.from("\nendobj\n"));
  };
  add(4, "/Filter /FlateDecode", deflateSync(Buffer.from(content)));
  add(5, `/Type /ObjStm /N 3 /First ${first} /Filter /FlateDecode`, deflateSync(objectStream));
  const rows = [
    [0, 0, 255],
    [2, 5, 0],
    [2, 5, 1],
    [2, 5, 2],
    [1, offsets[4] ?? 0, 0],
    [1, offsets[5] ?? 0, 0],
    [1, 0, 0],
  ];
  const xrefOffset = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  rows[6] = [1, xrefOffset, 0];
  let previous = [0, 0, 0, 0, 0, 0];
  const data = Buffer.concat(
    rows.map(([type = 0, second = 0, third = 0]) => {
      const row = [
        type,
        (second >> 24) & 255,
        (second >> 16) & 255,
        (second >> 8) & 255,
        second & 255,
        third,
      ];
      const up = row.map((byte, index) => (byte - (previous[index] ?? 0) + 256) & 255);
      previous = row;
      return Buffer.from([2, ...up]);
    }),
  );
  add(
    6,
    "/Type /XRef /Size 7 /W [1 4 1] /Root 1 0 R /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 6 >>",
    deflateSync(data),
  );
  chunks.push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

describe("a page's rulings read from its content streams", () => {
  it("are pdf.js's, number for number, on transforms, forms, rectangles, closing paints and curves", async () => {
    const bytes = pagePdf(CONTENT);
    const pages = await bothRulings(bytes);
    expect(pages[0]?.byContent).not.toBe("unread");
    expect(await expectSameRulings(bytes)).toBeGreaterThan(20);
  });

  it("on a page whose content is two Flate streams cut in the middle of an operator", async () => {
    const cut = CONTENT.indexOf("re f Q") + 1;
    const parts = [CONTENT.slice(0, cut), CONTENT.slice(cut)].map((part) => deflateSync(Buffer.from(part)));
    const bytes = pagePdf(parts, [], "/Filter /FlateDecode");
    expect((await bothRulings(bytes))[0]?.byContent).not.toBe("unread");
    expect(await expectSameRulings(bytes)).toBeGreaterThan(20);
  });

  it("on a PDF 1.5 of object streams and a cross-reference stream", async () => {
    const bytes = objectStreamPdf(CONTENT.replace("q 1 0 0 1 5 5 cm /Fm1 Do Q", ""));
    expect((await bothRulings(bytes))[0]?.byContent).not.toBe("unread");
    expect(await expectSameRulings(bytes)).toBeGreaterThan(15);
  });

  it("leave to pdf.js what they do not follow (an inline image), and the import's rulings stay pdf.js's", async () => {
    const bytes = pagePdf(
      `${CONTENT}\nq 10 0 0 10 0 0 cm BI /W 1 /H 1 /BPC 8 /CS /G ID \x80 EI Q 0 0 m 99 0 l S`,
    );
    const [page] = await bothRulings(bytes);
    expect(page?.byContent).toBe("unread");
    const [loaded] = await loadPdfPages(bytes);
    expect({ horizontal: loaded?.horizontal, vertical: loaded?.vertical }).toEqual(page?.byOperatorList);
  });

  it("leave to pdf.js a stream whose length is itself, and the import still reads the page", async () => {
    const bytes = pdf([
      CATALOG,
      PAGE,
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>",
      "<< /Length 4 0 R >>\nstream\n0 0 m 99 0 l S\nendstream",
    ]);
    const [page] = await bothRulings(bytes);
    expect(page?.byContent).toBe("unread");
    const [loaded] = await loadPdfPages(bytes);
    expect({ horizontal: loaded?.horizontal, vertical: loaded?.vertical }).toEqual(page?.byOperatorList);
  });
});

const soffice = hasSoffice("test/import/pdf-rulings.test.ts");
const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

/** A ruled task table over a page break, as the council-look families print them. */
const TABLE: WordBlock[] = [
  { kind: "paragraph", text: "Перелік завдань, проєктів, робіт з інформатизації на 2026-2028 роки" },
  {
    kind: "table",
    headerRows: 1,
    rows: [
      ["№", "Назва завдання", "Джерела фінансування", "2026", "2027", "2028"],
      ...Array.from({ length: 40 }, (_, index) => [
        `${index + 1}`,
        `Завдання ${index + 1}: закупівля обладнання та програмного забезпечення`,
        "місцевий бюджет",
        `${(index + 1) * 10},0`,
        `${(index + 1) * 20},5`,
        "",
      ]),
    ],
  },
];

describe.skipIf(!soffice)("on LibreOffice's PDFs", () => {
  it("of the fixture programmes: every page read here, and pdf.js's rulings", async () => {
    const texts = readdirSync(FIXTURES)
      .filter((name) => name.endsWith(".txt"))
      .map((name) => readFileSync(path.join(FIXTURES, name), "utf8"));
    const documents = await renderAll(texts, "pdf");
    for (const document of documents) {
      const pages = await bothRulings(document);
      expect(pages.filter(({ byContent }) => byContent === "unread")).toEqual([]);
      expect(await expectSameRulings(document)).toBeGreaterThan(100);
    }
  }, 120_000);

  it("of a task table in councils' looks (all borders, none, horizontal only)", async () => {
    const looks = fc.sample(wordLook, { seed: 17, numRuns: 8 });
    const words = await Promise.all(looks.map((look) => wordDocument(TABLE, look)));
    const documents = await convertAll(words, "docx", "pdf");
    for (const document of documents) {
      const pages = await bothRulings(document);
      expect(pages.filter(({ byContent }) => byContent === "unread")).toEqual([]);
      await expectSameRulings(document);
    }
  }, 120_000);
});
