import { type ImportCoverage, ref } from "../../domain/model.js";
import { withoutFootnoteMark } from "../../domain/money.js";
import type { FindingLog } from "./findings.js";

/**
 * Every number in a table the importer reads (task table, passport field 10, indicator annexes) either
 * lands in the model or is named in an `import.unread-number` finding. Readers tell the ledger which
 * cells they saw and which numbers they placed; whatever is left is flagged with its line and cell.
 * `numbersSeen === numbersPlaced + numbersFlagged` holds for every import.
 */
export type Coverage = ImportCoverage;

/** A cell of a table row: the row's line in the source document and the cell's index in the row. */
export interface CellAddress {
  line: number;
  cell: number;
}

interface Entry extends CellAddress {
  text: string;
  numbers: string[];
  placed: number;
  flagged: boolean;
}

const NUMBERISH = /^[+\-−]?\d[\d\s.,%]*$/;
/** Cheap first look: most cells are words, and fail here before any copy of their text is made. */
const NUMBERISH_START = /^[+\-−]?\d/;
/** "35,95", "1685", "12%", or thousands grouped by dots before a decimal comma: "100.000,00". */
const TOKEN = /^[+\-−]?(?:\d{1,3}(?:\.\d{3})+,\d+|\d+(?:[.,]\d+)?)%?$/;
const GROUP_HEAD = /^[+\-−]?\d{1,3}$/;
const GROUP_TAIL = /^\d{3}(?:[.,]\d+)?%?$/;
/** The unit an amount's cell may name after it: «грн», «тис. грн», «млн грн», «тис.». */
const MONEY_UNIT = /\s*(?:(?:тис|млн|млрд)\.?\s*(?:грн\.?)?|грн\.?)$/i;

/**
 * The numbers a cell holds when the cell is nothing but numbers: "1 685 692 235" (one number in
 * thousands groups), "13232,683", "2045,250 965,850 853,500" (three, space-separated in one cell).
 * A cell with words ("Навчено 60 працівників", "2026-2028 роки") holds text, not numbers: it lands in
 * the model as text, but an amount followed by its unit ("350,0 тис. грн") is a number. "-" and "х"
 * mean zero or nothing and are not numbers.
 */
export function numbersIn(text: string): string[] {
  const trimmed = text.trim();
  if (!NUMBERISH_START.test(trimmed)) return [];
  const spaced = withoutFootnoteMark(trimmed.replace(/\u00a0/g, " "));
  const clean = spaced.replace(MONEY_UNIT, "");
  if (!NUMBERISH.test(clean)) return [];
  const numbers = numbersOf(clean);
  // "350,0 тис. грн": an amount with its unit is one number; "10 20 грн" is text.
  return clean === spaced || numbers.length === 1 ? numbers : [];
}

function numbersOf(clean: string): string[] {
  const tokens = clean.split(/\s+/);
  if (!tokens.every((token) => TOKEN.test(token))) return [];
  const numbers: string[] = [];
  let grouping = false;
  for (const token of tokens) {
    const last = numbers.length - 1;
    const previous = numbers[last];
    if (previous !== undefined && GROUP_TAIL.test(token) && (grouping || GROUP_HEAD.test(previous))) {
      numbers[last] = `${previous} ${token}`;
      grouping = /^\d{3}$/.test(token);
    } else {
      numbers.push(token);
      grouping = GROUP_HEAD.test(token);
    }
  }
  return numbers;
}

/**
 * One number per cell (rows hold at most `maxCellsPerRow`, 1 000, cells): a string key would be built
 * and hashed on every lookup.
 */
function key({ line, cell }: CellAddress): number {
  return line * 65_536 + cell;
}

/** Counts the numbers of one import as they are seen, placed in the model, or flagged. */
export class NumberLedger {
  private readonly entries = new Map<number, Entry>();

  /** Registers the numbers of every cell of a data row (header and column-number rows are not data). */
  seeRow(line: number, cells: readonly string[]): void {
    cells.forEach((text, cell) => {
      this.see({ line, cell }, text);
    });
  }

  /** Registers the numbers of one cell; seeing a cell twice counts it once. */
  see(at: CellAddress, text: string): void {
    const address = key(at);
    if (this.entries.has(address)) return;
    const numbers = numbersIn(text);
    if (numbers.length === 0) return;
    this.entries.set(address, { line: at.line, cell: at.cell, text, numbers, placed: 0, flagged: false });
  }

  /**
   * Registers the numbers a reader of prose told apart in one cell (words around them, so `numbersIn`
   * would see none); seeing a cell twice counts it once.
   */
  seeNumbers(at: CellAddress, numbers: string[]): void {
    const address = key(at);
    if (this.entries.has(address) || numbers.length === 0) return;
    this.entries.set(address, {
      line: at.line,
      cell: at.cell,
      text: numbers.join(" "),
      numbers,
      placed: 0,
      flagged: false,
    });
  }

  /** The numbers of a cell that landed in the model: all of them, or the first `count`. */
  place(at: CellAddress, count?: number): void {
    const entry = this.entries.get(key(at));
    if (!entry) return;
    const placed = count === undefined ? entry.numbers.length : entry.placed + count;
    entry.placed = Math.min(entry.numbers.length, placed);
  }

  /** A cell whose numbers a finding already names (its own finding, not `import.unread-number`). */
  flag(at: CellAddress): void {
    const entry = this.entries.get(key(at));
    if (entry) entry.flagged = true;
  }

  /** Cells with numbers that neither landed in the model nor were named in a finding yet. */
  unread(): (CellAddress & { text: string; numbers: string[] })[] {
    return [...this.entries.values()]
      .filter((entry) => !entry.flagged && entry.placed < entry.numbers.length)
      .map(({ line, cell, text, numbers, placed }) => ({ line, cell, text, numbers: numbers.slice(placed) }));
  }

  /**
   * Names every number left unread in an `import.unread-number` finding (one per cell, with its line
   * and cell) and returns the import's coverage. Call once, after every reader has run.
   */
  close(log: FindingLog): Coverage {
    for (const entry of this.unread()) {
      const message =
        `Число ${entry.numbers.map((number) => `«${number}»`).join(", ")} у рядку ${entry.line}, ` +
        `клітинка ${entry.cell + 1}, не потрапило до програми: перевірте, до чого воно належить`;
      log.warn("unread-number", message, entry.line, ref.programme());
      const stored = this.entries.get(key(entry));
      if (stored) stored.flagged = true;
    }
    return this.coverage();
  }

  coverage(): Coverage {
    let numbersSeen = 0;
    let numbersPlaced = 0;
    let numbersFlagged = 0;
    for (const entry of this.entries.values()) {
      numbersSeen += entry.numbers.length;
      numbersPlaced += entry.placed;
      numbersFlagged += entry.flagged ? entry.numbers.length - entry.placed : 0;
    }
    return { numbersSeen, numbersPlaced, numbersFlagged };
  }
}
