/**
 * Every fixture programme as a real Word document with real tables (built with the `docx` library
 * from the rows the text reader finds): it imports to exactly the model, findings and coverage of the
 * text. As the ODT, DOC, RTF and PDF LibreOffice makes of that DOCX: the same model as the DOCX (the
 * PDF: every project, its amounts, the directions and the period exactly, and the whole model, its
 * findings and coverage with spacing aside: `withoutSpacing` names what a PDF loses). Each layout file
 * of shared/fixtures/layouts too. The LibreOffice part needs
 * soffice (CI installs it) and is skipped loudly without it.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { allItems, type ImportResult, type Programme } from "../../src/domain/model.js";
import { itemOwnTotals } from "../../src/domain/totals.js";
import { importDocument, importText } from "../../src/import/index.js";
import { sofficePath } from "../../src/import/soffice.js";
import { renderAll } from "./render.js";

/** The fixture programmes and the layout files: every text the repository is given. */
const FOLDERS = ["programs", "layouts"].map((folder) =>
  path.resolve(process.cwd(), "../shared/fixtures", folder),
);
const paths = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => path.join(folder, file)),
);
const files = paths.map((file) => path.basename(file));
const texts = paths.map((file) => readFileSync(file, "utf8"));

const soffice = sofficePath();
if (!soffice) {
  console.warn(
    "\n*** SKIPPED test/formats/every-format.test.ts: LibreOffice (soffice) is not installed — " +
      "ODT/DOC/RTF/PDF fixtures cannot be rendered. Install libreoffice-writer-nogui. ***\n",
  );
}

/** The model without source line numbers, which differ between formats by construction. */
function withoutLines(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, inner) => (key === "line" ? 0 : inner));
}

function findingKeys(result: ImportResult): string[] {
  return result.findings.map((finding) => `${finding.code} ${finding.location.ref}`).sort();
}

/**
 * The model with every text's spacing dropped: what a PDF cannot keep. A PDF has no paragraphs, only
 * lines, so a paragraph's line breaks differ, and a word the printer broke in a narrow cell without a
 * hyphen («територіальн» over «ої») reads as two words: the letters are all there, in order.
 */
function withoutSpacing(value: unknown): unknown {
  return JSON.parse(JSON.stringify(withoutLines(value)), (_key, inner) =>
    typeof inner === "string" ? inner.replace(/\s+/g, "") : inner,
  );
}

/** What a PDF must keep: every project's number, title (spacing aside) and own amounts. */
function projects(programme: Programme) {
  return allItems(programme).map((item) => ({
    number: item.number,
    title: item.title.replace(/\s+/g, " "),
    totals: itemOwnTotals(item),
  }));
}

const rendered = new Map<string, Uint8Array[]>();
const FORMATS = ["docx", "odt", "doc", "rtf", "pdf"] as const;

describe("every fixture as a Word document with real tables", () => {
  it.each(files.map((file, index) => ({ file, index })))(
    "$file as DOCX imports to exactly the model and findings of its text",
    async ({ index }) => {
      const text = importText(texts[index] ?? "");
      const [bytes] = await renderAll([texts[index] ?? ""], "docx");
      if (!bytes) throw new Error("docx not rendered");
      const back = await importDocument(bytes, "programme.docx");
      expect(withoutLines(back.programme)).toEqual(withoutLines(text.programme));
      expect(findingKeys(back)).toEqual(findingKeys(text));
      expect(back.coverage).toEqual(text.coverage);
    },
    300_000,
  );
});

describe.skipIf(!soffice)("every fixture in every format LibreOffice writes", () => {
  beforeAll(async () => {
    for (const format of FORMATS) rendered.set(format, await renderAll(texts, format));
  }, 900_000);

  const cases = files.flatMap((file, index) => FORMATS.map((format) => ({ file, index, format })));

  it.each(cases.filter(({ format }) => format === "odt" || format === "doc" || format === "rtf"))(
    "$file as $format imports to the same model and findings as the DOCX it was saved from",
    async ({ index, format }) => {
      const docx = rendered.get("docx")?.[index];
      const bytes = rendered.get(format)?.[index];
      if (!docx || !bytes) throw new Error(`${format} not rendered`);
      const expected = await importDocument(docx, "programme.docx");
      const back = await importDocument(bytes, `programme.${format}`);
      expect(withoutLines(back.programme)).toEqual(withoutLines(expected.programme));
      expect(findingKeys(back)).toEqual(findingKeys(expected));
    },
    300_000,
  );

  it.each(cases.filter(({ format }) => format === "pdf"))(
    "$file as PDF imports to the model, findings and coverage of its text, spacing aside",
    async ({ index }) => {
      const text = importText(texts[index] ?? "").programme;
      const bytes = rendered.get("pdf")?.[index];
      if (!bytes) throw new Error("pdf not rendered");
      const read = await importDocument(bytes, "programme.pdf");
      const back = read.programme;
      expect(allItems(back).length).toBeGreaterThan(1);
      expect(projects(back)).toEqual(projects(text));
      expect(back.period).toEqual(text.period);
      expect(back.directions.map((direction) => direction.number)).toEqual(
        text.directions.map((direction) => direction.number),
      );
      // Everything else too (indicators, passport, sections, findings, coverage), spacing aside.
      const fromText = importText(texts[index] ?? "");
      expect(withoutSpacing(back)).toEqual(withoutSpacing(fromText.programme));
      expect(findingKeys(read)).toEqual(findingKeys(fromText));
      expect(read.coverage).toEqual(fromText.coverage);
    },
    300_000,
  );
});
