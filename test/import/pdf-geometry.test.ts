import { describe, expect, it } from "vitest";
import { mergeRulings } from "../../src/import/pdf/geometry.js";

describe("mergeRulings", () => {
  it("merges collinear rulings that overlap or touch into one", () => {
    const merged = mergeRulings(
      [
        { at: 100, from: 50, to: 120 },
        { at: 100.4, from: 120.5, to: 200 },
        { at: 99.8, from: 10, to: 60 },
      ],
      1,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ from: 10, to: 200 });
  });

  it("keeps two borders on one line with a gap between them apart (two tables one above the other)", () => {
    const upper = { at: 822.1, from: 233, to: 426 };
    const lower = { at: 822.3, from: 74, to: 184 };
    const merged = mergeRulings([upper, lower], 1);
    expect(merged.map(({ from, to }) => [from, to]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [74, 184],
      [233, 426],
    ]);
  });
});
