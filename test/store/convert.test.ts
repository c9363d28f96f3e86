import { describe, expect, it } from "vitest";
import { toKopecks } from "../../src/store/convert.js";

describe("toKopecks", () => {
  it("reads bigint columns in every form a driver returns them, exactly", () => {
    expect(toKopecks("9876543210123")).toBe(9_876_543_210_123);
    expect(toKopecks(-42)).toBe(-42);
    expect(toKopecks(2n ** 40n)).toBe(2 ** 40);
    expect(toKopecks(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses what is not an exact safe integer", () => {
    expect(() => toKopecks("12.5")).toThrow(RangeError);
    expect(() => toKopecks("1e3")).toThrow(RangeError);
    expect(() => toKopecks("9007199254740993")).toThrow(RangeError);
    expect(() => toKopecks(2n ** 60n)).toThrow(RangeError);
    expect(() => toKopecks(0.5)).toThrow(RangeError);
  });
});
