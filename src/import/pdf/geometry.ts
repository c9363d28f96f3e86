/**
 * What a PDF page gives the table rebuilder: text runs with their baseline position, and the straight
 * ruling lines (table borders) drawn on it, both in page space (points, y up).
 */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  /** Font size: the run's height in points. */
  size: number;
  /** Every character as wide as the next: text aligned with spaces, whose x and width count characters. */
  monospace?: boolean;
}

/** An axis-aligned ruling: horizontal when `from`/`to` run along x at `at` = y; vertical otherwise. */
export interface Ruling {
  at: number;
  from: number;
  to: number;
}

export interface PageContent {
  runs: TextRun[];
  horizontal: Ruling[];
  vertical: Ruling[];
  width: number;
  height: number;
  /**
   * Its first line heads a table whatever the headings (a space-aligned text's header band under
   * another table, which the reader told by its own rule): `AlignedContext.headedTop`.
   */
  headedTop?: boolean;
}

/** Values within `tolerance` of each other as one (their mean), in ascending order. */
export function cluster(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const value of sorted) {
    const group = groups.at(-1);
    if (group && value - (group.at(-1) ?? value) <= tolerance) group.push(value);
    else groups.push([value]);
  }
  return groups.map((group) => group.reduce((sum, value) => sum + value, 0) / group.length);
}

/**
 * Collinear rulings that overlap or touch, merged into one. Rulings on one line (their positions
 * within `tolerance`) are merged in order along it, so that two borders on one line with a gap
 * between them (two tables one above the other) stay two.
 */
export function mergeRulings(rulings: Ruling[], tolerance: number): Ruling[] {
  const sorted = [...rulings].sort((a, b) => a.at - b.at);
  const lines: Ruling[][] = [];
  for (const ruling of sorted) {
    const line = lines.at(-1);
    const last = line?.at(-1);
    if (line && last && ruling.at - last.at <= tolerance) line.push(ruling);
    else lines.push([ruling]);
  }
  return lines.flatMap((line) => mergeAlong(line, tolerance));
}

function mergeAlong(line: Ruling[], tolerance: number): Ruling[] {
  const merged: Ruling[] = [];
  for (const ruling of [...line].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last && ruling.from <= last.to + tolerance) last.to = Math.max(last.to, ruling.to);
    else merged.push({ ...ruling });
  }
  return merged;
}

/** True when a ruling covers `position` (along its length) at `at` ± tolerance. */
export function covers(rulings: readonly Ruling[], at: number, position: number, tolerance: number): boolean {
  return rulings.some(
    (ruling) =>
      Math.abs(ruling.at - at) <= tolerance &&
      ruling.from - tolerance <= position &&
      position <= ruling.to + tolerance,
  );
}
