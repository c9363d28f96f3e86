/**
 * How wide each character prints in a PDF, in font sizes, fitted to the widths pdf.js gives its text
 * runs (a run's width is the sum of its glyphs' widths): a capital in Times New Roman is about 1.45
 * times a lowercase letter, in Arial about 1.3: whether one more glyph would have fitted on a line is
 * told by these widths rather than by a guess that suits one font (`layout.ts`, a word broken mid-word). Each character's width is fitted by least squares over
 * the runs, held towards its kind's width (fitted the same way: spaces and stops, capitals, other
 * letters, digits, anything else) so that a character seen in a run or two is not thrown far off.
 */
import { LETTER, UPPER } from "../../domain/letters.js";
import type { TextRun } from "./geometry.js";

/** A text's width in font sizes. */
export type GlyphWidths = (text: string) => number;

const CAPITAL = new RegExp(UPPER, "u");
const NARROW = /[\s.,:;!'’*()/]/u;
const A_LETTER = new RegExp(LETTER, "u");

/** The kind of a character: 0 narrow, 1 capital, 2 other letter, 3 digit, 4 anything else. */
function kindOf(character: string): number {
  if (NARROW.test(character)) return 0;
  if (CAPITAL.test(character)) return 1;
  if (A_LETTER.test(character)) return 2;
  if (/\d/.test(character)) return 3;
  return 4;
}

/** The kinds of the characters of the Basic Multilingual Plane met so far, by code; -1 not yet. */
const BMP_KINDS = new Int8Array(0x10000).fill(-1);

/** `kindOf` by code point (a lone surrogate as itself, as `for...of` over a string gives it). */
function kindOfPoint(point: number): number {
  if (point > 0xffff) return kindOf(String.fromCodePoint(point));
  let kind = BMP_KINDS[point] as number;
  if (kind < 0) {
    kind = kindOf(String.fromCharCode(point));
    BMP_KINDS[point] = kind;
  }
  return kind;
}

/** Visits the code points of `text` in order, as `for...of` reads its characters (numbers, not strings, to count by). */
function eachCodePoint(text: string, visit: (point: number) => void): void {
  for (let at = 0; at < text.length; ) {
    const point = text.codePointAt(at) as number;
    at += point > 0xffff ? 2 : 1;
    visit(point);
  }
}

/** The widths a kind starts from (in font sizes), before any run is read. */
const KIND_PRIOR = [0.25, 0.65, 0.48, 0.5, 0.5];

/** A run's unknowns (each once) and how many times each occurs in it, and the width they add up to. */
interface Row {
  unknowns: number[];
  counts: number[];
  width: number;
}

/** Adds `value` to `a[at]`. */
function add(a: Float64Array, at: number, value: number): void {
  a[at] = (a[at] as number) + value;
}

/** The normal equations of `rows`, held towards `prior`: a `size` × (`size` + 1) matrix, row by row. */
function normalEquations(rows: readonly Row[], prior: readonly number[], hold: number): Float64Array {
  const size = prior.length;
  const stride = size + 1;
  const a = new Float64Array(size * stride);
  prior.forEach((value, i) => {
    a[i * stride + i] = hold;
    a[i * stride + size] = hold * value;
  });
  for (const { unknowns, counts, width } of rows)
    for (let p = 0; p < unknowns.length; p++) {
      const i = unknowns[p] as number;
      const ci = counts[p] as number;
      for (let q = p; q < unknowns.length; q++)
        add(a, i * stride + (unknowns[q] as number), ci * (counts[q] as number));
      add(a, i * stride + size, ci * width);
    }
  // Each product was added to the upper triangle only (a row's unknowns ascend): the lower one is its mirror, summed alike.
  for (let i = 0; i < size; i++) for (let j = 0; j < i; j++) a[i * stride + j] = a[j * stride + i] as number;
  return a;
}

/**
 * Least squares over `rows`, held towards `prior`: the normal equations, solved by Gaussian
 * elimination (symmetric positive definite: no pivoting).
 */
function leastSquares(rows: readonly Row[], prior: readonly number[], hold: number): number[] {
  const size = prior.length;
  const stride = size + 1;
  const a = normalEquations(rows, prior, hold);
  // Only the pivot row's non-zero entries change the rows below (less zero changes nothing).
  const nonZero = new Int32Array(stride);
  for (let k = 0; k < size; k++) {
    const pivot = k * stride;
    const lead = a[pivot + k] as number;
    let count = 0;
    for (let j = k; j <= size; j++) if (a[pivot + j] !== 0) nonZero[count++] = j;
    for (let row = k + 1; row < size; row++) {
      const at = row * stride;
      const factor = (a[at + k] as number) / lead;
      if (factor === 0) continue;
      for (let n = 0; n < count; n++) {
        const j = nonZero[n] as number;
        a[at + j] = (a[at + j] as number) - factor * (a[pivot + j] as number);
      }
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = a[row * stride + size] as number;
    for (let j = row + 1; j < size; j++) sum -= (a[row * stride + j] as number) * (x[j] as number);
    x[row] = sum / (a[row * stride + row] as number);
  }
  return x;
}

/** Counts of unknowns, text by text: each text's row has its unknowns ascending. */
class RowCounter {
  private readonly tally: Float64Array;
  private met: number[] = [];

  constructor(size: number) {
    this.tally = new Float64Array(size);
  }

  count(unknown: number): void {
    if (this.tally[unknown] === 0) this.met.push(unknown);
    this.tally[unknown] = (this.tally[unknown] as number) + 1;
  }

  /** The row counted since the last one, adding up to `width`; the counts start again. */
  row(width: number): Row {
    // Plain arrays: a run's row is small, and two typed arrays per run (thousands per document) cost more to make.
    const unknowns = this.met.sort((a, b) => a - b);
    this.met = [];
    const counts = unknowns.map((unknown) => {
      const count = this.tally[unknown] as number;
      this.tally[unknown] = 0;
      return count;
    });
    return { unknowns, counts, width };
  }
}

/** How many times each code point occurs, in the order first met (as a Map's entries), counted without a Map per character. */
class PointCounts {
  private readonly bmp = new Int32Array(0x10000);
  private readonly other = new Map<number, number>();
  private readonly order: number[] = [];

  count(point: number): void {
    if (point > 0xffff) {
      const times = this.other.get(point) ?? 0;
      if (times === 0) this.order.push(point);
      this.other.set(point, times + 1);
    } else {
      const times = this.bmp[point] as number;
      if (times === 0) this.order.push(point);
      this.bmp[point] = times + 1;
    }
  }

  entries(): [number, number][] {
    return this.order.map((point) => [
      point,
      point > 0xffff ? (this.other.get(point) ?? 0) : (this.bmp[point] as number),
    ]);
  }
}

/** Each of `points` by its place in them, looked up without a Map per character. */
class PointIndex {
  private readonly bmp = new Int32Array(0x10000).fill(-1);
  private readonly other = new Map<number, number>();

  constructor(points: readonly number[]) {
    points.forEach((point, at) => {
      if (point > 0xffff) this.other.set(point, at);
      else this.bmp[point] = at;
    });
  }

  get(point: number): number | undefined {
    if (point > 0xffff) return this.other.get(point);
    const at = this.bmp[point] as number;
    return at < 0 ? undefined : at;
  }
}

/** At most this many runs are read: enough to know a document's fonts. */
const RUNS_READ = 4000;
/** At most this many different characters get a width of their own; the rest, their kind's. */
const OWN_WIDTHS = 160;

/** The glyph widths of the runs' fonts (monospace runs aside: their characters are all one width). */
export function fitGlyphWidths(runs: readonly TextRun[]): GlyphWidths {
  const read = runs
    .filter((run) => !run.monospace && run.size > 0 && run.text.trim() !== "")
    .slice(0, RUNS_READ);
  const byKind = new RowCounter(KIND_PRIOR.length);
  const kinds = leastSquares(
    read.map((run) => {
      eachCodePoint(run.text, (point) => byKind.count(kindOfPoint(point)));
      return byKind.row(run.width / run.size);
    }),
    KIND_PRIOR,
    1,
  ).map((width, kind) => (width > 0.05 && width < 1.5 ? width : (KIND_PRIOR[kind] ?? 0.5)));
  const kindWidth = (point: number) => kinds[kindOfPoint(point)] ?? 0.5;
  const seen = new PointCounts();
  for (const run of read) eachCodePoint(run.text, (point) => seen.count(point));
  const characters = seen
    .entries()
    .sort((a, b) => b[1] - a[1])
    .slice(0, OWN_WIDTHS)
    .map(([point]) => point);
  const index = new PointIndex(characters);
  const byCharacter = new RowCounter(characters.length);
  const own = leastSquares(
    read.map((run) => {
      let rest = run.width / run.size;
      eachCodePoint(run.text, (point) => {
        const at = index.get(point);
        if (at === undefined) rest -= kindWidth(point);
        else byCharacter.count(at);
      });
      return byCharacter.row(rest);
    }),
    characters.map(kindWidth),
    2,
  );
  const widths = new Map(
    characters.map((point, at) => {
      const width = own[at] ?? 0;
      return [point, width > 0.05 && width < 1.5 ? width : kindWidth(point)];
    }),
  );
  return (text) => {
    let sum = 0;
    eachCodePoint(text, (point) => {
      sum += widths.get(point) ?? kindWidth(point);
    });
    return sum;
  };
}
