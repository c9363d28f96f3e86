/**
 * DOCX reader: the document's real tables and paragraphs as neutral blocks.
 *
 * We read `word/document.xml` ourselves instead of going through mammoth: mammoth inflates the
 * whole archive with jszip without any size cap (a zip bomb would exhaust memory before we could
 * refuse it), and its HTML output turns vertical merges into `rowspan`, dropping the continuation
 * cells the interpreter relies on ("empty first cell = same task as above") and the row positions
 * we number for findings. A small streaming XML walk keeps both and lets us cap every byte.
 */
import { SaxesParser } from "saxes";
import { type Block, NotAProgrammeError, type Paragraph, type Table, type TableRow } from "./blocks.js";
import { printNumbers, readNumbering } from "./docx-numbering.js";
import { checkRow, checkText, checkXmlDepth } from "./limits.js";
import { NOT_DOCX, unzipSafely } from "./zip.js";

export { DEFAULT_ZIP_LIMITS, unzipSafely, type ZipLimits } from "./zip.js";

/** A minimal element tree: only what the block walk needs (names, attributes, w:t text). */
interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
type XmlNode = XmlElement | string;

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "#document", attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: localName(tag.name), attributes: {}, children: [] };
    for (const [key, value] of Object.entries(tag.attributes)) {
      element.attributes[localName(key)] = String(value);
    }
    stack.at(-1)?.children.push(element);
    stack.push(element);
    checkXmlDepth(stack.length);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (text) => {
    const parent = stack.at(-1);
    if (parent?.name === "t") parent.children.push(text);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof NotAProgrammeError) throw error;
    throw new NotAProgrammeError("Документ DOCX пошкоджений: неправильний XML.");
  }
  return root;
}

function elements(node: XmlElement, name?: string): XmlElement[] {
  return node.children.filter(
    (child): child is XmlElement => typeof child !== "string" && (name === undefined || child.name === name),
  );
}

function firstElement(node: XmlElement | undefined, name: string): XmlElement | undefined {
  return node ? elements(node, name)[0] : undefined;
}

/** Containers whose content belongs to the surrounding flow (content controls, tracked insertions…). */
const TRANSPARENT = new Set([
  "sdt",
  "sdtContent",
  "customXml",
  "ins",
  "moveTo",
  "smartTag",
  "hyperlink",
  "fldSimple",
]);
/** Never part of the visible text. */
const SKIPPED = new Set([
  "del",
  "moveFrom",
  "Fallback",
  "instrText",
  "delText",
  "pPr",
  "rPr",
  "tblPr",
  "trPr",
]);

/** Plain text of a paragraph: runs' text, tabs as "\t", line breaks as "\n". */
function paragraphText(node: XmlElement): string {
  let text = "";
  for (const child of node.children) {
    if (typeof child === "string") text += child;
    else if (child.name === "tab") text += "\t";
    else if (child.name === "br" || child.name === "cr") text += "\n";
    else if (child.name === "noBreakHyphen") text += "-";
    else if (child.name === "tbl") text += `\n${nestedTableText(child)}\n`;
    else if (!SKIPPED.has(child.name)) text += paragraphText(child);
  }
  return text;
}

/**
 * A table inside a cell is flattened into the cell's text: its rows as lines, its cells separated
 * by tabs, which is how the text readers see such tables too.
 */
function nestedTableText(table: XmlElement): string {
  return readRows(table, { next: () => 0 })
    .map((row) => row.cells.join("\t").replace(/\t+$/, ""))
    .join("\n");
}

function cellText(cell: XmlElement): string {
  const parts: string[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of elements(node)) {
      if (child.name === "p") parts.push(paragraphText(child));
      else if (child.name === "tbl") parts.push(nestedTableText(child));
      else if (TRANSPARENT.has(child.name)) visit(child);
    }
  };
  visit(cell);
  return parts.join("\n").trim();
}

function intAttribute(node: XmlElement | undefined, fallback: number): number {
  const value = Number.parseInt(node?.attributes.val ?? "", 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 1000) : fallback;
}

/** A row's cell texts by grid column, and how each cell takes part in a vertical merge. */
interface RowCells {
  cells: string[];
  merges: Map<number, "start" | "continue">;
}

function rowCells(row: XmlElement): RowCells {
  const properties = firstElement(row, "trPr");
  const cells: string[] = Array(intAttribute(firstElement(properties, "gridBefore"), 0)).fill("");
  const merges = new Map<number, "start" | "continue">();
  const visit = (node: XmlElement): void => {
    for (const child of elements(node)) {
      if (child.name === "tc") {
        const merge = verticalMerge(child);
        if (merge) merges.set(cells.length, merge);
        cells.push(...cellTexts(child));
      } else if (TRANSPARENT.has(child.name)) visit(child);
    }
  };
  visit(row);
  cells.push(...Array(intAttribute(firstElement(properties, "gridAfter"), 0)).fill(""));
  return { cells, merges };
}

function verticalMerge(cell: XmlElement): "start" | "continue" | undefined {
  const merged = firstElement(firstElement(cell, "tcPr"), "vMerge");
  if (merged === undefined) return undefined;
  return merged.attributes.val === "restart" ? "start" : "continue";
}

/** One text per grid column the cell covers: its text, then empty padding for a horizontal span. */
function cellTexts(cell: XmlElement): string[] {
  const properties = firstElement(cell, "tcPr");
  const span = intAttribute(firstElement(properties, "gridSpan"), 1);
  // vMerge continues the cell above; hMerge (Word 97 era) continues the cell to the left.
  const horizontal = firstElement(properties, "hMerge");
  const vertical = verticalMerge(cell);
  const continuation = vertical
    ? vertical === "continue"
    : horizontal !== undefined && horizontal.attributes.val !== "restart";
  return [continuation ? "" : cellText(cell), ...Array<string>(span - 1).fill("")];
}

/**
 * Follows vertical merges down a table: a `vMerge` continuation keeps the text of the cell that
 * started the merge in its column.
 */
class MergeTracker {
  private readonly open = new Map<number, string>();

  follow({ cells, merges }: RowCells): Record<number, string> | undefined {
    let merged: Record<number, string> | undefined;
    cells.forEach((text, column) => {
      const merge = merges.get(column);
      const started = this.open.get(column);
      if (merge === "start") this.open.set(column, text);
      else if (merge === "continue" && started !== undefined) {
        merged ??= {};
        merged[column] = started;
      } else this.open.delete(column);
    });
    return merged;
  }
}

interface LineCounter {
  next(): number;
}

function readRows(table: XmlElement, lines: LineCounter): TableRow[] {
  const width = elements(firstElement(table, "tblGrid") ?? table, "gridCol").length;
  const rows: TableRow[] = [];
  const merges = new MergeTracker();
  const visit = (node: XmlElement): void => {
    for (const child of elements(node)) {
      if (child.name === "tr") {
        const read = rowCells(child);
        const cells = read.cells;
        while (cells.length < width) cells.push("");
        checkRow(cells);
        const mergedFromAbove = merges.follow(read);
        rows.push(
          mergedFromAbove ? { cells, line: lines.next(), mergedFromAbove } : { cells, line: lines.next() },
        );
      } else if (TRANSPARENT.has(child.name)) visit(child);
    }
  };
  visit(table);
  return rows;
}

function readBody(body: XmlElement): Block[] {
  const blocks: Block[] = [];
  let line = 0;
  const lines: LineCounter = { next: () => ++line };
  const visit = (node: XmlElement): void => {
    for (const child of elements(node)) {
      if (child.name === "p") {
        const paragraph: Paragraph = {
          kind: "paragraph",
          text: paragraphText(child).trim(),
          line: lines.next(),
        };
        checkText(paragraph.text);
        if (paragraph.text !== "") blocks.push(paragraph);
      } else if (child.name === "tbl") {
        const rows = readRows(child, lines);
        const table: Table = { kind: "table", rows, line: rows[0]?.line ?? line };
        if (rows.length > 0) blocks.push(table);
      } else if (TRANSPARENT.has(child.name)) visit(child);
    }
  };
  visit(body);
  return blocks;
}

/**
 * Reads a DOCX into blocks in document order. Every body paragraph and every table row takes the
 * next running line number. Horizontal spans are padded with empty cells so columns stay aligned;
 * vertical-merge continuation cells are empty. Word's automatic numbers («1.», «1.2.») are printed
 * into their paragraphs' text, as Word shows them.
 */
export async function readDocxBlocks(bytes: Uint8Array): Promise<Block[]> {
  const files = unzipSafely(bytes, (name) => DOCX_PARTS.includes(name));
  const documentXml = files.get("word/document.xml");
  if (!documentXml) throw new NotAProgrammeError(NOT_DOCX);
  const root = parseXml(decode(documentXml));
  const body = firstElement(firstElement(root, "document"), "body");
  if (!body) throw new NotAProgrammeError(NOT_DOCX);
  const numberingXml = files.get("word/numbering.xml");
  const stylesXml = files.get("word/styles.xml");
  const numbering = numberingXml
    ? readNumbering(parseXml(decode(numberingXml)), stylesXml ? parseXml(decode(stylesXml)) : undefined)
    : null;
  if (numbering) printNumbers(body, numbering, SKIPPED);
  return readBody(body);
}

/** The document, and the numbering definitions and styles its automatic numbers come from. */
const DOCX_PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml"];

function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
