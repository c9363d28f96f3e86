/**
 * ODT reader: `content.xml` of an OpenDocument text, read into the same blocks as the DOCX reader's
 * (body paragraphs and table rows in document order, one running line number each).
 *
 * How ODF spells what DOCX spells otherwise:
 * - a horizontal span is `table:number-columns-spanned` followed by `table:covered-table-cell`s, and a
 *   vertical merge is a covered cell in the rows below: covered cells read as empty, like DOCX's
 *   padding and `vMerge` continuations, so columns stay aligned the same way;
 * - `table:number-columns-repeated` repeats a cell, `table:table-header-rows` holds repeated header
 *   rows (read in place, as DOCX's `tblHeader` rows), `table:table-row-group`/`table:table-rows` only
 *   group rows;
 * - spaces are `text:s`, tabs `text:tab`, line breaks `text:line-break`; tracked deletions live in
 *   `text:tracked-changes` (skipped: the text flow already is the accepted text), notes in `text:note`
 *   (skipped, as DOCX footnotes are).
 */
import { SaxesParser } from "saxes";
import { type Block, NotAProgrammeError, type TableRow } from "./blocks.js";
import { checkRow, checkText, checkXmlDepth, IMPORT_LIMITS } from "./limits.js";
import { printListNumbers, readListStyles } from "./odt-numbering.js";
import { bilingual } from "./sniff.js";
import { unzipSafely } from "./zip.js";

const NOT_ODT = bilingual(
  "Файл не є документом ODT: архів пошкоджений або в ньому немає тексту документа.",
  "The file is not an ODT document: the archive is damaged or holds no document text.",
);
const BAD_XML = bilingual(
  "Документ ODT пошкоджений: неправильний XML.",
  "The ODT document is damaged: its XML is malformed.",
);

interface OdfElement {
  name: string;
  attributes: Record<string, string>;
  children: OdfNode[];
}
type OdfNode = OdfElement | string;

function parseContent(xml: string): OdfElement {
  const parser = new SaxesParser();
  const root: OdfElement = { name: "#document", attributes: {}, children: [] };
  const stack: OdfElement[] = [root];
  parser.on("opentag", (tag) => {
    const element: OdfElement = { name: tag.name, attributes: {}, children: [] };
    for (const [key, value] of Object.entries(tag.attributes)) element.attributes[key] = String(value);
    stack.at(-1)?.children.push(element);
    stack.push(element);
    checkXmlDepth(stack.length);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("text", (text) => {
    stack.at(-1)?.children.push(text);
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof NotAProgrammeError) throw error;
    throw new NotAProgrammeError(BAD_XML);
  }
  return root;
}

function childElements(node: OdfElement): OdfElement[] {
  return node.children.filter((child): child is OdfElement => typeof child !== "string");
}

function find(node: OdfElement | undefined, name: string): OdfElement | undefined {
  return node ? childElements(node).find((child) => child.name === name) : undefined;
}

/** Never part of the visible text flow. */
const SKIPPED = new Set([
  "text:note",
  "text:tracked-changes",
  "office:annotation",
  "text:bookmark-ref",
  "draw:frame",
  "text:sequence-decls",
  "table:table-columns",
  "table:table-column",
  "table:table-column-group",
]);

function count(node: OdfElement, attribute: string): number {
  const value = Number.parseInt(node.attributes[attribute] ?? "", 10);
  return Number.isFinite(value) && value > 0 ? Math.min(value, IMPORT_LIMITS.maxCellsPerRow + 1) : 1;
}

/** A paragraph's text: XML whitespace collapses to one space (ODF's rule), `text:s` adds spaces. */
function inlineText(node: OdfElement): string {
  let text = "";
  for (const child of node.children) {
    if (typeof child === "string") text += child.replace(/[ \t\r\n]+/g, " ");
    else if (child.name === "text:s") text += " ".repeat(count(child, "text:c"));
    else if (child.name === "text:tab") text += "\t";
    else if (child.name === "text:line-break") text += "\n";
    else if (!SKIPPED.has(child.name)) text += inlineText(child);
  }
  return text;
}

/** Cell content: its paragraphs (and lists of them) as lines, a nested table as tab-separated lines. */
function cellText(cell: OdfElement): string {
  const lines: string[] = [];
  const visit = (node: OdfElement): void => {
    for (const child of childElements(node)) {
      if (child.name === "text:p" || child.name === "text:h") lines.push(inlineText(child).trim());
      else if (child.name === "table:table") lines.push(nestedTableText(child));
      else if (!SKIPPED.has(child.name)) visit(child);
    }
  };
  visit(cell);
  return lines.join("\n").trim();
}

function nestedTableText(table: OdfElement): string {
  return readRows(table, { next: () => 0 })
    .map((row) => row.cells.join("\t").replace(/\t+$/, ""))
    .join("\n");
}

/** A cell merged down over the rows below it: its text, and how many rows below it still covers. */
interface OpenMerge {
  text: string;
  rowsLeft: number;
}

/**
 * A row's cells, and the text of the merged cell above each covered cell that continues one (a covered
 * cell under a cell with `table:number-rows-spanned`); `open` carries those merges from row to row.
 */
function rowCells(
  row: OdfElement,
  open: Map<number, OpenMerge>,
): { cells: string[]; merged: Record<number, string> } {
  const cells: string[] = [];
  const merged: Record<number, string> = {};
  for (const cell of childElements(row)) {
    const covered = cell.name === "table:covered-table-cell";
    if (!covered && cell.name !== "table:table-cell") continue;
    const text = covered ? "" : cellText(cell);
    const repeated = count(cell, "table:number-columns-repeated");
    for (let index = 0; index < repeated; index++) {
      const column = cells.length;
      const above = open.get(column);
      if (covered && above && above.rowsLeft > 0) merged[column] = above.text;
      if (!covered) {
        const rows = count(cell, "table:number-rows-spanned");
        if (rows > 1) open.set(column, { text, rowsLeft: rows - 1 });
        else open.delete(column);
      }
      cells.push(text);
    }
    if (cells.length > IMPORT_LIMITS.maxCellsPerRow) break;
  }
  for (const [column, above] of open) {
    if (column in merged) above.rowsLeft--;
    if (above.rowsLeft <= 0) open.delete(column);
  }
  return { cells, merged };
}

interface LineCounter {
  next(): number;
}

const ROW_GROUPS = new Set([
  "table:table-header-rows",
  "table:table-row-group",
  "table:table-rows",
  "text:soft-page-break",
]);

function readRows(table: OdfElement, lines: LineCounter): TableRow[] {
  const rows: TableRow[] = [];
  const open = new Map<number, OpenMerge>();
  const visit = (node: OdfElement): void => {
    for (const child of childElements(node)) {
      if (child.name === "table:table-row") {
        const { cells, merged } = rowCells(child, open);
        while (cells.length < width) cells.push("");
        const mergedFromAbove = Object.keys(merged).length > 0 ? merged : undefined;
        for (let index = count(child, "table:number-rows-repeated"); index > 0; index--) {
          checkRow(cells);
          const line = lines.next();
          rows.push(
            mergedFromAbove ? { cells: [...cells], line, mergedFromAbove } : { cells: [...cells], line },
          );
        }
      } else if (ROW_GROUPS.has(child.name)) visit(child);
    }
  };
  const width = columnCount(table);
  visit(table);
  return rows;
}

/** The table's declared column count (`table:table-column`s, possibly repeated), as DOCX's `tblGrid`. */
function columnCount(table: OdfElement): number {
  let columns = 0;
  const visit = (node: OdfElement): void => {
    for (const child of childElements(node)) {
      if (child.name === "table:table-column") columns += count(child, "table:number-columns-repeated");
      else if (child.name.startsWith("table:table-column") || child.name === "table:table-header-columns")
        visit(child);
    }
  };
  visit(table);
  return Math.min(columns, IMPORT_LIMITS.maxCellsPerRow + 1);
}

function readText(text: OdfElement): Block[] {
  const blocks: Block[] = [];
  let line = 0;
  const lines: LineCounter = { next: () => ++line };
  const visit = (node: OdfElement): void => {
    for (const child of childElements(node)) {
      if (child.name === "text:p" || child.name === "text:h") {
        const paragraph = inlineText(child).trim();
        checkText(paragraph);
        const at = lines.next();
        if (paragraph !== "") blocks.push({ kind: "paragraph", text: paragraph, line: at });
      } else if (child.name === "table:table") {
        const rows = readRows(child, lines);
        if (rows.length > 0) blocks.push({ kind: "table", rows, line: rows[0]?.line ?? line });
      } else if (!SKIPPED.has(child.name)) visit(child);
    }
  };
  visit(text);
  return blocks;
}

/**
 * Reads an ODT into blocks in document order, the same shape `readDocxBlocks` gives; numbered lists'
 * numbers printed into their items' text, as the application shows them.
 */
export async function readOdtBlocks(bytes: Uint8Array): Promise<Block[]> {
  const files = unzipSafely(bytes, (name) => name === "content.xml" || name === "styles.xml");
  const content = files.get("content.xml");
  if (!content) throw new NotAProgrammeError(NOT_ODT);
  const root = parseContent(decode(content));
  const document = find(root, "office:document-content");
  const text = find(find(document, "office:body"), "office:text");
  if (!text) throw new NotAProgrammeError(NOT_ODT);
  const styles = files.get("styles.xml");
  const listStyles = readListStyles(
    find(document, "office:automatic-styles"),
    styles ? find(parseContent(decode(styles)), "office:document-styles") : undefined,
  );
  printListNumbers(text, listStyles, SKIPPED);
  return readText(text);
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
