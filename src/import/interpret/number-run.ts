/**
 * A run of numbers printed with spaces inside one cell ("13232,683 4068,950 4583,733 4580,000"), where
 * a space may also group thousands ("1 685 692,235"). Knowing how many numbers the header promises
 * decides where each number ends.
 */

const DASH = /^(?:[-‐‑–—−]+|[хx])$/i;
/** A number alone: no leading zeros ("000" is only ever the tail of a group). */
const SINGLE = /^[+-]?(?:0|[1-9]\d*)(?:[.,]\d+)?$/;
const ANY_DIGITS = /^[+-]?\d+(?:[.,]\d+)?$/;
const HEAD = /^[1-9]\d{0,2}$/;
const TAIL = /^\d{3}$/;
const LAST_TAIL = /^\d{3}(?:[.,]\d+)?$/;

/** A token of a run: a number's text (spaces kept as printed) or a dash (zero / nothing). */
export type RunNumber = { kind: "number"; text: string } | { kind: "dash"; text: string };

/** True when every token of the text is a digit group, a decimal number or a dash. */
export function isNumberRun(text: string): boolean {
  const tokens = text.trim().split(/\s+/);
  return tokens.length > 0 && tokens.every((token) => DASH.test(token) || ANY_DIGITS.test(token));
}

/** Ways the tokens from `start` can be read as exactly `count` numbers (at most `limit` of them). */
function groupings(tokens: string[], start: number, count: number, limit: number): RunNumber[][] {
  if (start === tokens.length) return count === 0 ? [[]] : [];
  if (count === 0 || tokens.length - start < count) return [];
  const out: RunNumber[][] = [];
  const first = tokens[start] ?? "";
  const push = (head: RunNumber, next: number): void => {
    for (const rest of groupings(tokens, next, count - 1, limit - out.length)) {
      if (out.length >= limit) return;
      out.push([head, ...rest]);
    }
  };
  if (DASH.test(first)) {
    push({ kind: "dash", text: first }, start + 1);
    return out;
  }
  if (SINGLE.test(first)) push({ kind: "number", text: first }, start + 1);
  if (!HEAD.test(first)) return out;
  for (let end = start + 1; end < tokens.length; end++) {
    const token = tokens[end] ?? "";
    if (!LAST_TAIL.test(token)) break;
    push({ kind: "number", text: tokens.slice(start, end + 1).join(" ") }, end + 1);
    if (!TAIL.test(token)) break;
  }
  return out;
}

/**
 * Every reading of a run as `count` numbers (none when it cannot be read so). More than one reading
 * means the spaces are ambiguous ("100 200 300" as three numbers or as 100 200 300); the caller
 * decides, e.g. by the printed total.
 */
export function readNumberRun(text: string, count: number, limit = 16): RunNumber[][] {
  const tokens = text
    .trim()
    .split(/\s+/)
    .filter((token) => token !== "");
  if (tokens.length === 0 || count <= 0) return [];
  return groupings(tokens, 0, count, limit);
}

/** The fewest numbers the run can be read as, and the most (each token alone). */
export function runBounds(text: string): { fewest: number; most: number } {
  const tokens = text
    .trim()
    .split(/\s+/)
    .filter((token) => token !== "");
  for (let count = 1; count <= tokens.length; count++) {
    if (readNumberRun(text, count, 1).length > 0) return { fewest: count, most: tokens.length };
  }
  return { fewest: tokens.length, most: tokens.length };
}
