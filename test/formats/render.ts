/**
 * Test-time rendering of a programme text as real office documents: the rows the text reader finds
 * become a Word document with real tables (one table row per logical row, the header rows marked to
 * repeat on every page), built with the `docx` library; LibreOffice turns that DOCX into ODT, DOC,
 * RTF and PDF (a text handed straight to LibreOffice would give paragraphs, not tables). Conversions
 * are cached in one temporary directory per test run.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import {
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Block, Table as BlockTable } from "../../src/import/blocks.js";
import { inTempDirectory, runProgram } from "../../src/import/external.js";
import { type ConvertTarget, sofficePath } from "../../src/import/soffice.js";
import { readTextBlocks } from "../../src/import/text/reader.js";

const FONT = { font: "Liberation Serif", size: 16 };

function paragraphs(text: string): Paragraph[] {
  return text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, ...FONT })] }));
}

const COLUMN_NUMBERS = /^\s*\d{1,2}\s*$/;

/** Rows above the column-number row ("1 2 … N"), with it; else the first row alone. */
function headerRowCount(table: BlockTable): number {
  const numbered = table.rows.findIndex((row) => {
    const filled = row.cells.filter((cell) => cell.trim() !== "");
    return filled.length >= 3 && filled.every((cell) => COLUMN_NUMBERS.test(cell));
  });
  return numbered >= 0 && numbered < 5 ? numbered + 1 : 1;
}

const PAGE_WIDTH_TWIPS = 15_000;

/** Column widths in proportion to each column's longest word, so that no word has to be broken. */
function columnWidths(table: BlockTable, width: number): number[] {
  const longest = Array.from({ length: width }, (_, column) =>
    Math.max(
      4,
      ...table.rows.flatMap((row) => (row.cells[column] ?? "").split(/\s+/).map((word) => word.length + 3)),
    ),
  );
  const total = longest.reduce((sum, each) => sum + each, 0);
  return longest.map((each) => Math.floor((PAGE_WIDTH_TWIPS * each) / total));
}

function wordTable(table: BlockTable): Table {
  const width = Math.max(...table.rows.map((row) => row.cells.length));
  const headers = headerRowCount(table);
  const widths = columnWidths(table, width);
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((sum, each) => sum + each, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: table.rows.map(
      (row, index) =>
        new TableRow({
          tableHeader: index < headers,
          cantSplit: false,
          children: Array.from(
            { length: width },
            (_, column) =>
              new TableCell({
                width: { size: widths[column] ?? 0, type: WidthType.DXA },
                children: paragraphs(row.cells[column] ?? ""),
              }),
          ),
        }),
    ),
  });
}

/** The blocks as a landscape Word document: paragraphs as paragraphs, tables as real tables. */
export async function blocksToDocx(blocks: Block[]): Promise<Uint8Array> {
  const children = blocks.flatMap((block) =>
    block.kind === "paragraph" ? paragraphs(block.text) : [wordTable(block), new Paragraph({ children: [] })],
  );
  const document = new Document({
    sections: [
      {
        properties: {
          page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11_906, height: 16_838 } },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export function textToDocx(text: string): Promise<Uint8Array> {
  return blocksToDocx(readTextBlocks(text));
}

const cacheDirectory = path.join(tmpdir(), `infoprog-formats-${process.pid}`);

function keyOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/**
 * Each text rendered as `format`: DOCX built here, the others converted from it by LibreOffice in one
 * run for all the texts (cached for the test run, keyed by each text's hash).
 */
export async function renderAll(texts: string[], format: "docx" | ConvertTarget): Promise<Uint8Array[]> {
  mkdirSync(cacheDirectory, { recursive: true });
  const target = (text: string, extension: string) =>
    path.join(cacheDirectory, `${keyOf(text)}.${extension}`);
  for (const text of texts) {
    if (!existsSync(target(text, "docx"))) writeFileSync(target(text, "docx"), await textToDocx(text));
  }
  const missing = texts.filter((text) => !existsSync(target(text, format)));
  if (missing.length > 0)
    await convertFiles(
      missing.map((text) => target(text, "docx")),
      format,
    );
  return texts.map((text) => new Uint8Array(readFileSync(target(text, format))));
}

async function convertFiles(inputs: string[], format: ConvertTarget): Promise<void> {
  const program = sofficePath();
  if (!program) throw new Error("soffice is not installed");
  await inTempDirectory(async (directory) => {
    const profile = pathToFileURL(path.join(directory, "profile")).href;
    const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", format];
    await runProgram(program, [...args, "--outdir", cacheDirectory, ...inputs], {
      cwd: directory,
      timeoutMs: 600_000,
    });
  });
}
