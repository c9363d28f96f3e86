/**
 * Every cap the importer enforces on untrusted documents, in one place (see docs/reliability.md).
 * Readers call the `check*` helpers; `withImportLimits` starts the processing-time deadline for one
 * import. The deadline lives in AsyncLocalStorage, so concurrent imports in one server each keep
 * their own clock without threading a parameter through every reader.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { NotAProgrammeError } from "./blocks.js";

const MB = 1024 * 1024;

export const IMPORT_LIMITS = {
  /** Largest upload, the same as the API's body limit. */
  maxUploadBytes: 20 * 1024 * 1024,
  /** Lines of extracted text (the three real programmes have 1–3 thousand). */
  maxTextLines: 200_000,
  /** Cells in one table row (a task table has about 10). */
  maxCellsPerRow: 1_000,
  /** Cells in all tables of a document together. */
  maxTotalCells: 500_000,
  /** Rows of all sheets of an XLSX together, counted while streaming (a template has hundreds). */
  maxSheetRows: 200_000,
  /** Inflated size of the entries of an office archive (DOCX, XLSX) read together. */
  maxInflatedBytes: 50 * MB,
  /**
   * Inflated ÷ compressed size of one archive entry. Office XML stays well under it; a zip bomb is
   * thousands. An entry may always inflate to `inflateRatioFreeBytes`, whatever its ratio.
   */
  maxInflateRatio: 100,
  inflateRatioFreeBytes: 1 * MB,
  /** Characters in one cell or paragraph. */
  maxCellChars: 200_000,
  /** Nesting depth of a DOCX XML element tree (real documents stay under 30). */
  maxXmlDepth: 256,
  /** Wall-clock time for one import, checked inside the readers' loops. */
  maxProcessingMs: 30_000,
  // One LibreOffice conversion has its own cap, `config().tools.sofficeTimeoutMs`
  // (INFOPROG_SOFFICE_TIMEOUT_SECONDS); its time and the wait for a free converter do not count
  // against `maxProcessingMs`.
  /** LibreOffice processes at once per server (each takes a core and ~200 MB). */
  maxConcurrentConversions: 2,
  /** Pages of a PDF (the real programmes have 10–60). */
  maxPdfPages: 300,
  /** Pages of a scanned PDF that are OCR'd (slow: seconds a page). */
  maxOcrPages: 40,
  /** One page's rendering or OCR. */
  maxOcrPageMs: 90_000,
} as const;

export const LIMIT_MESSAGES = {
  upload: `Файл завеликий: найбільше ${IMPORT_LIMITS.maxUploadBytes / MB} МБ.`,
  lines: `Документ задовгий: понад ${IMPORT_LIMITS.maxTextLines} рядків тексту.`,
  rowCells: `Рядок таблиці має понад ${IMPORT_LIMITS.maxCellsPerRow} клітинок — це не таблиця програми.`,
  totalCells: `Таблиці документа мають понад ${IMPORT_LIMITS.maxTotalCells} клітинок.`,
  sheetRows: `Таблиця XLSX має понад ${IMPORT_LIMITS.maxSheetRows} рядків — це не шаблон програми.`,
  cellChars: `Клітинка чи абзац документа довші за ${IMPORT_LIMITS.maxCellChars} символів.`,
  xmlDepth: "Документ DOCX пошкоджений: XML вкладено надто глибоко.",
  time: `Документ обробляється понад ${IMPORT_LIMITS.maxProcessingMs / 1000} с — імпорт зупинено.`,
  pdfPages: `PDF має понад ${IMPORT_LIMITS.maxPdfPages} сторінок — це не програма інформатизації. / The PDF has more than ${IMPORT_LIMITS.maxPdfPages} pages: it is not an informatization programme.`,
  ocrPages: `Скан має понад ${IMPORT_LIMITS.maxOcrPages} сторінок — розпізнавання тексту зупинено; завантажте документ з текстом (DOCX або PDF з текстовим шаром). / The scan has more than ${IMPORT_LIMITS.maxOcrPages} pages, too many to OCR: upload a document with text (DOCX, or a PDF with a text layer).`,
} as const;

/** The import pool's limits on one worker thread (`config().importWorker`, src/import/pool.ts). */
export const WORKER_MESSAGES = {
  memory: (megabytes: number) =>
    `Документ потребує понад ${megabytes} МБ пам'яті — імпорт зупинено. Перевірте файл або збережіть його в іншому форматі (DOCX, XLSX).`,
  time: (seconds: number) =>
    `Документ обробляється понад ${seconds} с — імпорт зупинено. Перевірте файл або збережіть його в іншому форматі (DOCX, XLSX).`,
} as const;

interface ImportBudget {
  deadline: number;
  cells: number;
}

const budgets = new AsyncLocalStorage<ImportBudget>();

/**
 * Runs one import with its own deadline and cell budget. Inside another `withImportLimits` the outer
 * budget stays in force, so a caller can impose a shorter deadline on `importDocument`.
 */
export function withImportLimits<T>(work: () => T, maxMs: number = IMPORT_LIMITS.maxProcessingMs): T {
  if (budgets.getStore()) return work();
  return budgets.run({ deadline: Date.now() + maxMs, cells: 0 }, work);
}

function refuse(message: string): never {
  throw new NotAProgrammeError(message);
}

/** Throws when the current import has run past its deadline; free outside `withImportLimits`. */
export function checkDeadline(): void {
  const budget = budgets.getStore();
  if (budget && Date.now() > budget.deadline) refuse(LIMIT_MESSAGES.time);
}

/** The current import's deadline has come (a timer set for what was left of it fired): refused. */
export function refuseAtDeadline(): never {
  refuse(LIMIT_MESSAGES.time);
}

/** What is left of the current import's processing time, in ms; Infinity outside `withImportLimits`. */
export function deadlineLeftMs(): number {
  const budget = budgets.getStore();
  return budget ? budget.deadline - Date.now() : Number.POSITIVE_INFINITY;
}

/**
 * Runs work done by another program (LibreOffice, OCR), which has its own timeout, without spending
 * the import's processing-time budget on it.
 */
export async function outsideDeadline<T>(work: () => Promise<T>): Promise<T> {
  const budget = budgets.getStore();
  const started = Date.now();
  try {
    return await work();
  } finally {
    if (budget) budget.deadline += Date.now() - started;
  }
}

export function checkPdfPages(pages: number): void {
  if (pages > IMPORT_LIMITS.maxPdfPages) refuse(LIMIT_MESSAGES.pdfPages);
}

export function checkOcrPages(pages: number): void {
  if (pages > IMPORT_LIMITS.maxOcrPages) refuse(LIMIT_MESSAGES.ocrPages);
}

export function checkUploadSize(bytes: number): void {
  if (bytes > IMPORT_LIMITS.maxUploadBytes) refuse(LIMIT_MESSAGES.upload);
}

export function checkLineCount(lines: number): void {
  if (lines > IMPORT_LIMITS.maxTextLines) refuse(LIMIT_MESSAGES.lines);
}

export function checkText(text: string): void {
  if (text.length > IMPORT_LIMITS.maxCellChars) refuse(LIMIT_MESSAGES.cellChars);
}

/** One table row read: its width, every cell's length, and the document's running cell count. */
export function checkRow(cells: readonly string[]): void {
  if (cells.length > IMPORT_LIMITS.maxCellsPerRow) refuse(LIMIT_MESSAGES.rowCells);
  for (const cell of cells) checkText(cell);
  countCells(cells.length);
}

/** Cells about to be made (a grid's padding, a merged range's covered cells), before they are made. */
export function countCells(count: number): void {
  const budget = budgets.getStore();
  if (!budget) return;
  budget.cells += count;
  if (budget.cells > IMPORT_LIMITS.maxTotalCells) refuse(LIMIT_MESSAGES.totalCells);
  checkDeadline();
}

/** A row's width before it is split further (a line of thousands of tabs). */
export function checkRowWidth(cells: number): void {
  if (cells > IMPORT_LIMITS.maxCellsPerRow) refuse(LIMIT_MESSAGES.rowCells);
}

/** One more XLSX row read (`rows`: the count so far, all sheets together). */
export function checkSheetRows(rows: number): void {
  if (rows > IMPORT_LIMITS.maxSheetRows) refuse(LIMIT_MESSAGES.sheetRows);
}

/**
 * The most one archive entry of `compressedBytes` may inflate to (the archive's total aside): a zip
 * bomb is told by its expansion ratio, not by how many entries it has.
 */
export function inflatedEntryCap(compressedBytes: number): number {
  return Math.max(IMPORT_LIMITS.inflateRatioFreeBytes, compressedBytes * IMPORT_LIMITS.maxInflateRatio);
}

export function checkXmlDepth(depth: number): void {
  if (depth > IMPORT_LIMITS.maxXmlDepth) refuse(LIMIT_MESSAGES.xmlDepth);
}
