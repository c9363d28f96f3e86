import { describe, expect, it } from "vitest";
import { directionStartsOpen } from "../../web/src/lib/publicView.js";

describe("a direction on the public page", () => {
  it("starts unfolded only when it has something to show and not too much", () => {
    expect(directionStartsOpen(0)).toBe(false);
    expect(directionStartsOpen(1)).toBe(true);
    expect(directionStartsOpen(12)).toBe(true);
    expect(directionStartsOpen(13)).toBe(false);
  });
});
