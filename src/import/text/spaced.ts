/**
 * A table whose columns are aligned with spaces, as `pdftotext -layout` writes a PDF's table or as text
 * copied from a PDF viewer: no tabs, no pipes, cells separated by runs of two or more spaces. Each
 * line's runs become positioned text runs (x = character column, y = line), so the PDF reader's
 * borderless-table rebuilder (`../pdf/aligned.ts`) finds the header and the column edges and sorts the
 * runs into cells, and its page layout (`../pdf/layout.ts`) joins the pages: the rows come out as the
 * same rows of cells every other reader gives the layout rules.
 * - a page is the text between two printings of the header (a form feed alone does not break the
 *   table: the rows under it go on in the same columns);
 * - page numbers and "Продовження додатка 1" lines after the header are dropped;
 * - the columns were not found with confidence, and the reading is refused rather than rows silently
 *   misread, when a line stays outside every table after the first header and still looks like a
 *   table row (three or more runs, an amount among them), when a task table's header cell names
 *   two columns (two headings one space apart, so the edges after it are guesses), or when the header
 *   printed again on a later page makes other columns than the first (a heading or the year row
 *   wrapped or cut otherwise), or when an amount stands under none of the header's headings (printed
 *   at the far side of a wide column, it could be read into the next one).
 */
import { type Block, NotAProgrammeError } from "../blocks.js";
import { isColumnNumberRow } from "../interpret/columns.js";
import { INDICATOR_COLUMNS } from "../interpret/indicators.js";
import { isDirectionHeading, TASK_COLUMNS } from "../interpret/tasks.js";
import { checkDeadline, checkLineCount, checkRowWidth } from "../limits.js";
import { type AlignedTable, alignedTables } from "../pdf/aligned.js";
import type { PageContent, TextRun } from "../pdf/geometry.js";
import { groupLines, layoutPages, lineText } from "../pdf/layout.js";

/**
 * A character is 1 wide and `SIZE` high: runs 2 apart are two cells (the rebuilder splits at gaps of
 * 0.7 × size), and a space (0.25 × size) is wider than its fitting slack, so a word that did not fit on
 * the line above reads as wrapped.
 */
const SIZE = 2.5;
/** Baseline step of one line; a blank line adds half a step (the table goes on), two end it. */
const STEP = SIZE * 1.2;
const RUN = /\S+(?: \S+)*/g;
/**
 * Lone page numbers and "Продовження додатка 1" lines a page break leaves inside a table. No page
 * number opens with a zero: «000» alone is an amount's last group that the break cut off («1» | «000»).
 */
const PAGE_FURNITURE = /^\s*(?:[-–]?\s*[1-9]\d{0,2}\s*[-–]?|продовження(?:\s+\S+){0,4})\s*$/i;
const AMOUNT = /^-?\d{1,3}(?:[  ]?\d{3})*(?:,\d+)?$|^\d+(?:,\d+)?$/;

interface Line {
  text: string;
  /** Its line number in the document. */
  number: number;
  blanksBefore: number;
  /** A form feed (a page break) stood on it or on a blank line just above it. */
  feed: boolean;
  /** It opens a table under another on the page (`opensHeaderBand`): its page's `headedTop`. */
  heads?: boolean;
}

function runsOf(text: string, y: number): TextRun[] {
  const matches = [...text.matchAll(RUN)];
  checkRowWidth(matches.length);
  return matches.map((match) => ({
    text: match[0],
    x: match.index ?? 0,
    y,
    width: match[0].length,
    size: SIZE,
    monospace: true,
  }));
}

const normalised = (text: string): string => text.replace(/\s+/g, " ").trim();

function toPage(lines: Line[]): PageContent {
  let y = 0;
  const placed = lines.map((line) => {
    y -= STEP * (1 + Math.min(line.blanksBefore, 2) / 2);
    return runsOf(line.text, y);
  });
  const height = -y + STEP;
  const runs = placed.flat().map((run) => ({ ...run, y: run.y + height }));
  const page: PageContent = { runs, horizontal: [], vertical: [], width: 0, height };
  return lines[0]?.heads ? { ...page, headedTop: true } : page;
}

/** A page's baselines (as `toPage` sets them) to the document's line numbers. */
function lineNumbers(lines: Line[]): Map<number, number> {
  const page = toPage(lines.map((line) => ({ ...line, text: "x" })));
  return new Map(page.runs.map((run, index) => [run.y, lines[index]?.number ?? 0]));
}

/**
 * A line that no table row continues: an annex's heading ("Додаток 3"), a table's caption ("Таблиця 3.
 * Ресурсне забезпечення Програми") or a footnote under a table ("*** – дані за попередній рік"); it is
 * placed as after two blank lines, which end a table.
 */
const AFTER_TABLE = /^\s*(?:(?:додаток|таблиця)\s*(?:№\s*)?\d|\*+\s*[-–—]\s)/iu;

/**
 * The document's lines without blanks (counted on the next line), form feeds (noted on the next line)
 * and tabs as spaces.
 */
function linesOf(text: string): Line[] {
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  checkLineCount(raw.length);
  const lines: Line[] = [];
  let blanks = 0;
  let feed = false;
  for (const [index, line] of raw.entries()) {
    feed ||= line.includes("\f");
    const text = line
      .replace(/\f/g, "")
      .replace(/[\t\u00a0]/g, "  ")
      .trimEnd();
    if (text.trim() === "") blanks++;
    else {
      const after = AFTER_TABLE.test(text) ? Math.max(blanks, 2) : blanks;
      lines.push({ text, number: index + 1, blanksBefore: after, feed });
      blanks = 0;
      feed = false;
    }
  }
  return lines;
}

/** Lines tried as the table's first header line: at most this many, each with the lines under it. */
const CANDIDATES = 50;
const HEADER_WINDOW = 8;

/** Runs that may start a header: two task-table columns, or three of an indicator annex's. */
function namesColumns(cells: string[]): boolean {
  return columnsNamed(cells) >= 2 || namesIndicatorColumns(cells);
}

/** Cells naming three or more of an indicator annex's columns («Назва показника | Одиниця | Базове»). */
function namesIndicatorColumns(cells: string[]): boolean {
  const roles = new Set(
    cells.flatMap((cell) =>
      INDICATOR_COLUMNS.filter((rule) => rule.pattern.test(cell)).map((rule) => rule.role),
    ),
  );
  return roles.size >= 3;
}

/**
 * The first line of the first header the rebuilder finds, normalised, or null: tried at the lines
 * whose runs name two or more task-table columns, each with the few lines under it.
 */
function headerLine(lines: Line[]): string | null {
  const candidates = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => namesColumns(line.text.trim().split(/\s{2,}/)))
    .slice(0, CANDIDATES);
  for (const { line, index } of candidates) {
    checkDeadline();
    const page = toPage(lines.slice(index, index + HEADER_WINDOW));
    const grouped = groupLines(page.runs);
    const { tables } = alignedTables(grouped, lineText, lineText);
    if (tables[0] && tables[0].top === grouped[0]?.[0]?.y) return normalised(line.text);
  }
  return null;
}

const startsHeader = (line: Line, header: string): boolean =>
  normalised(line.text) === header || isHeaderLine(line.text);

/** Whether some run of one line overlaps some run of the other, side by side. */
function standsUnder(line: Line, above: Line): boolean {
  const runs = (text: string) =>
    [...text.matchAll(RUN)].map((match) => [match.index, match.index + match[0].length]);
  const upper = runs(above.text);
  return runs(line.text).some(([x = 0, right = 0]) =>
    upper.some(([ax = 0, aright = 0]) => x < aright && ax < right),
  );
}

/**
 * A page number or a "Продовження додатка 1" line. A lone short number or dashed value right under
 * a table's line and under its text (no blank line or form feed before it: a page's foot stands apart
 * from its body) is a cell's wrapped rest («2027 – 0; 2028» over «– 0», «2028: 1 000» over «000»),
 * even as a page's last line before the header printed again.
 */
function isFurniture(lines: Line[], index: number): boolean {
  const line = lines[index];
  if (!line || !PAGE_FURNITURE.test(normalised(line.text))) return false;
  if (/^\s*продовження/i.test(line.text)) return true;
  const above = lines[index - 1];
  return line.blanksBefore > 0 || line.feed || !above || !standsUnder(line, above);
}

/**
 * Pages at each printing of the header after the first (its first line again, or any line whose runs
 * name four columns of the task table: the text extraction may space a page's header otherwise), and
 * at each printing again of another table's header line (a line naming its columns, seen before: the
 * monitoring annex's header after a page break), and at another table's first header line under the
 * task table's rows (`opensHeaderBand`: an indicator annex, a resources table); furniture after the
 * first header dropped.
 */
function pagesOf(lines: Line[], header: string): Line[][] {
  const pages: Line[][] = [[]];
  const headings = new Set<string>();
  let seen = false;
  let afterHeading = false;
  // From a header's first line to the first line of a row: its band of headings.
  let inBand = false;
  lines.forEach((line, index) => {
    if (index % 256 === 0) checkDeadline();
    const text = normalised(line.text);
    // A header's later lines may name columns too: only its first line starts a page.
    const again = headings.has(text) && !afterHeading;
    const cells = line.text.trim().split(/\s{2,}/);
    const repeated = startsHeader(line, header) || again;
    // Another table's header under the task table's rows on the same page starts a table of its own.
    const opensTable = seen && !inBand && !repeated && opensHeaderBand(cells);
    afterHeading = namesColumns(cells);
    if (afterHeading) headings.add(text);
    if (repeated || opensTable) {
      if (seen) pages.push([]);
      seen = true;
      inBand = true;
    } else if (seen && isFurniture(lines, index)) return;
    // A header band ends at its row of years, or, with none, at the first row.
    if (cells.some(isRowCell) || yearHeadings(cells) >= 2) inBand = false;
    pages.at(-1)?.push(opensTable ? { ...line, heads: true } : line);
  });
  return pages.filter((page) => page.length > 0);
}

/** A cell no heading is: an amount, a dash, an item's number («1.1.», «2)», «2.3 Назва»), a direction. */
const isRowCell = (cell: string): boolean =>
  isAmountText(cell) ||
  /^[-–—]$/.test(cell) ||
  /^\d{1,3}(?:\.\d{1,3})*[.)](?:\s|$)|^\d{1,3}(?:\.\d{1,3})+(?:\s|$)/.test(cell) ||
  isDirectionHeading(cell);

const YEAR_HEADING = /^(?:19|20)\d\d(?:\s*(?:р\.|рік))?$/;

const yearHeadings = (cells: string[]): number => cells.filter((cell) => YEAR_HEADING.test(cell)).length;
const TOTAL_HEADING = /^(?:всього|усього|разом)/iu;

/**
 * A line of a new table's headings: an indicator annex's columns named, or two or more years as
 * headings of their own beside a heading in words, among no amounts («Обсяг коштів | 2026 | 2027 |
 * 2028 | Усього», a resources table's header; not «Всього | 2026 | 2027», a task table's row of years).
 */
function opensHeaderBand(cells: string[]): boolean {
  if (namesIndicatorColumns(cells)) return true;
  const named = cells.some((cell) => !YEAR_HEADING.test(cell) && !TOTAL_HEADING.test(cell));
  return yearHeadings(cells) >= 2 && named && !cells.some(isAmountText);
}

/** A line left outside the tables that still reads as a table row. */
function looksLikeRow(line: TextRun[]): boolean {
  return line.length >= 3 && line.some((run) => AMOUNT.test(run.text));
}

/** The task table's columns a header cell names; a project's name ("Назва проєкту") is one. */
function rolesNamed(text: string): Set<string> {
  const roles = new Set(TASK_COLUMNS.filter((rule) => rule.pattern.test(text)).map((rule) => rule.role));
  if (roles.has("project")) roles.delete("task");
  return roles;
}

/**
 * A header cell of a task table that names two columns: two headings that only one space kept
 * apart ("Назва проєкту Відповідальні за"), so every column edge after it is a guess.
 */
function mergedHeading(header: string[]): string | undefined {
  if (!isTaskHeader(header)) return undefined;
  return header.find((cell) => rolesNamed(cell).size >= 2);
}

const REFUSAL = "Таблицю, вирівняну пробілами, не вдалося прочитати впевнено";
const ADVICE = "Збережіть таблицю з табуляціями (наприклад, скопіюйте її з Word) або завантажте PDF чи DOCX";

/** How many of the task table's columns the cells name, a task's and a project's name as one. */
function columnsNamed(cells: string[]): number {
  const roles = new Set(cells.flatMap((cell) => [...rolesNamed(cell)]));
  if (roles.has("project")) roles.delete("task");
  return roles.size;
}

/**
 * A task table's header: its first row's cells name three or more of the task table's columns, and no
 * baseline or target (an indicator annex's «№ | Назва індикатора | Пріоритетний напрям | Базове значення»).
 */
function isTaskHeader(header: string[]): boolean {
  return columnsNamed(header) >= 3 && !header.some(namesIndicatorValue);
}

/** A heading of an indicator's baseline or targets, by the indicator annex's own column rules. */
const namesIndicatorValue = (cell: string): boolean =>
  INDICATOR_COLUMNS.some(
    (rule) => (rule.role === "baseline" || rule.role === "targets") && rule.pattern.test(cell),
  );

/** A line that prints a task table's header again: its runs name four or more columns. */
function isHeaderLine(text: string): boolean {
  return columnsNamed(text.trim().split(/\s{2,}/)) >= 4;
}

const overlaps = (a: TextRun, b: TextRun): boolean => a.x < b.x + b.width && b.x < a.x + a.width;
/** An amount, not a year (a year heading, a deadline). */
const isAmountText = (text: string): boolean => AMOUNT.test(text) && !/^(?:19|20)\d\d$/.test(text);
const isAmount = (run: TextRun): boolean => isAmountText(run.text);

/**
 * An amount under a table's header that stands under none of its headings: a column is found by the
 * middle of a run, so an amount printed at the far side of a wide column (its heading at the other
 * side) could be read into the next column, another year, with nothing to tell.
 */
function strayAmount(lines: TextRun[][], table: AlignedTable): TextRun | undefined {
  const inside = lines.filter((line) => {
    const y = line[0]?.y ?? 0;
    return y <= table.top && y >= table.bottom;
  });
  const firstData = inside.findIndex(
    (line) => line.some(isAmount) && !isColumnNumberRow(line.map((run) => run.text)),
  );
  if (firstData < 0) return undefined;
  const band = inside.slice(0, firstData);
  // A heading over several others ("Обсяги фінансування" over the years) places nothing.
  const spans = (run: TextRun): boolean =>
    band.some((other) => other.filter((heading) => overlaps(run, heading)).length >= 2);
  const headings = band.flat().filter((run) => !spans(run));
  return inside
    .slice(firstData)
    .flat()
    .find((run) => isAmount(run) && !headings.some((heading) => overlaps(run, heading)));
}

function checkConfident(pages: PageContent[]): void {
  const widths = new Set<number>();
  pages.forEach((page, index) => {
    const lines = groupLines(page.runs);
    const { tables, rest } = alignedTables(lines, lineText, lineText);
    const merged = tables.map((table) => mergedHeading(table.cells[0] ?? [])).find(Boolean);
    if (merged)
      throw new NotAProgrammeError(`${REFUSAL}: заголовок «${merged}» називає дві колонки. ${ADVICE}`);
    for (const table of tables) if (isTaskHeader(table.cells[0] ?? [])) widths.add(table.columns.length);
    if (widths.size > 1)
      throw new NotAProgrammeError(
        `${REFUSAL}: заголовок на сторінці ${index + 1} має інші колонки, ніж на першій. ${ADVICE}`,
      );
    for (const table of tables) {
      const stray = strayAmount(lines, table);
      if (stray)
        throw new NotAProgrammeError(
          `${REFUSAL}: сума «${stray.text}» стоїть не під заголовком своєї колонки. ${ADVICE}`,
        );
    }
    const top = Math.max(...tables.map((table) => table.top));
    const orphan = rest.find((line) => (line[0]?.y ?? 0) < top && looksLikeRow(line));
    if (orphan)
      throw new NotAProgrammeError(
        `${REFUSAL}: рядок «${lineText(orphan)}» не стає в колонки заголовка. ${ADVICE}`,
      );
  });
}

/**
 * The blocks of text whose task table or indicator annex is aligned with spaces, or null when no line
 * starts a header that names a task table's or an indicator annex's columns.
 */
export function readSpacedBlocks(text: string): Block[] | null {
  const lines = linesOf(text);
  const header = headerLine(lines);
  if (header === null) return null;
  const pageLines = pagesOf(lines, header);
  const pages = pageLines.map(toPage);
  checkConfident(pages);
  const numbers = pageLines.map(lineNumbers);
  return layoutPages(pages, (page, y) => numbers[page]?.get(y), { headerless: false, marksUnruled: false })
    .blocks;
}
