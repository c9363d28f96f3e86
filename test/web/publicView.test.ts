import { describe, expect, it } from "vitest";
import { directionStartsOpen } from "../../web/src/lib/publicView.js";

describe("a direction on the public page", () => {
  it("starts unfolded only when it has something to show, not too much, and money in it", () => {
    expect(directionStartsOpen(0, 0)).toBe(false);
    expect(directionStartsOpen(7, 0)).toBe(false);
    expect(directionStartsOpen(1, 100)).toBe(true);
    expect(directionStartsOpen(12, 100)).toBe(true);
    expect(directionStartsOpen(13, 100)).toBe(false);
  });
});
