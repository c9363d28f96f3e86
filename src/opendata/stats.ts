/** Order statistics for the national view: linear-interpolation quantiles (PostgreSQL percentile_cont). */

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lowValue = sorted[low] ?? 0;
  return lowValue + ((sorted[high] ?? lowValue) - lowValue) * (at - low);
}

export interface Spread {
  median: number;
  q1: number;
  q3: number;
  /** Outside [q1 − 1.5·IQR, q3 + 1.5·IQR]. */
  low: number;
  high: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  return { median: quantile(sorted, 0.5), q1, q3, low: q1 - 1.5 * iqr, high: q3 + 1.5 * iqr };
}

export function isOutlier(value: number, of: Spread): boolean {
  return value < of.low || value > of.high;
}
