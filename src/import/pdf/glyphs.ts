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

/** The widths a kind starts from (in font sizes), before any run is read. */
const KIND_PRIOR = [0.25, 0.65, 0.48, 0.5, 0.5];

/**
 * Least squares over `rows` (each a map of unknown → count, and the width it adds up to), held towards
 * `prior`: the normal equations, solved by Gaussian elimination (symmetric positive definite: no pivoting).
 */
function fit(
  rows: { counts: Map<number, number>; width: number }[],
  prior: number[],
  hold: number,
): number[] {
  const size = prior.length;
  const stride = size + 1;
  const a = new Float64Array(size * stride);
  prior.forEach((value, i) => {
    a[i * stride + i] = hold;
    a[i * stride + size] = hold * value;
  });
  for (const { counts, width } of rows)
    for (const [i, ci] of counts) {
      for (const [j, cj] of counts) a[i * stride + j] = (a[i * stride + j] ?? 0) + ci * cj;
      a[i * stride + size] = (a[i * stride + size] ?? 0) + ci * width;
    }
  for (let k = 0; k < size; k++) {
    const lead = a[k * stride + k] ?? 1;
    for (let row = k + 1; row < size; row++) {
      const factor = (a[row * stride + k] ?? 0) / lead;
      if (factor === 0) continue;
      for (let j = k; j <= size; j++)
        a[row * stride + j] = (a[row * stride + j] ?? 0) - factor * (a[k * stride + j] ?? 0);
    }
  }
  const x = new Array<number>(size).fill(0);
  for (let row = size - 1; row >= 0; row--) {
    let sum = a[row * stride + size] ?? 0;
    for (let j = row + 1; j < size; j++) sum -= (a[row * stride + j] ?? 0) * (x[j] ?? 0);
    x[row] = sum / (a[row * stride + row] ?? 1);
  }
  return x;
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
  const kinds = fit(
    read.map((run) => {
      const counts = new Map<number, number>();
      for (const character of run.text) {
        const kind = kindOf(character);
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
      return { counts, width: run.width / run.size };
    }),
    KIND_PRIOR,
    1,
  ).map((width, kind) => (width > 0.05 && width < 1.5 ? width : (KIND_PRIOR[kind] ?? 0.5)));
  const kindWidth = (character: string) => kinds[kindOf(character)] ?? 0.5;
  const seen = new Map<string, number>();
  for (const run of read)
    for (const character of run.text) seen.set(character, (seen.get(character) ?? 0) + 1);
  const characters = [...seen]
    .sort((a, b) => b[1] - a[1])
    .slice(0, OWN_WIDTHS)
    .map(([character]) => character);
  const index = new Map(characters.map((character, at) => [character, at]));
  const own = fit(
    read.map((run) => {
      const counts = new Map<number, number>();
      let rest = run.width / run.size;
      for (const character of run.text) {
        const at = index.get(character);
        if (at === undefined) rest -= kindWidth(character);
        else counts.set(at, (counts.get(at) ?? 0) + 1);
      }
      return { counts, width: rest };
    }),
    characters.map(kindWidth),
    2,
  );
  const widths = new Map(
    characters.map((character, at) => {
      const width = own[at] ?? 0;
      return [character, width > 0.05 && width < 1.5 ? width : kindWidth(character)];
    }),
  );
  return (text) =>
    [...text].reduce((sum, character) => sum + (widths.get(character) ?? kindWidth(character)), 0);
}
