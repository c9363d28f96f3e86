/**
 * The benchmarks' verdict: each figure printed beside its goal (issue 13, listed in the README). With
 * BENCH_QUICK (CI's short run) the process fails only when a figure is worse than its goal by 2× or
 * more, so a loaded machine does not fail CI, but a real regression does.
 */
export interface Goal {
  name: string;
  value: number;
  /** The figure must stay at or under this (`atLeast`: at or over). */
  goal: number;
  atLeast?: boolean;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function meets(goal: Goal, slack: number): boolean {
  return goal.atLeast ? goal.value * slack >= goal.goal : goal.value <= goal.goal * slack;
}

/** Prints every goal; sets a failing exit code in the quick run when one is missed by 2× or more. */
export function checkGoals(goals: Goal[]): void {
  for (const goal of goals) {
    const verdict = meets(goal, 1) ? "ok" : "MISSED";
    const sign = goal.atLeast ? "≥" : "≤";
    console.log(`  ${goal.name}: ${goal.value.toFixed(2)} (goal ${sign} ${goal.goal}) ${verdict}`);
  }
  if (process.env.BENCH_QUICK && goals.some((goal) => !meets(goal, 2))) {
    console.error("a figure is worse than its goal by 2× or more");
    process.exitCode = 1;
  }
}
