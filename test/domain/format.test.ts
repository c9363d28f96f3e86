import { describe, expect, it } from "vitest";
import { formatPercent, formatShare, ukrainianDate } from "../../src/domain/format.js";

describe("Ukrainian dates and numbers", () => {
  it("prints an ISO date or timestamp as dd.mm.yyyy and leaves anything else alone", () => {
    expect(ukrainianDate("2027-02-15")).toBe("15.02.2027");
    expect(ukrainianDate("2026-07-05T10:00:00Z")).toBe("05.07.2026");
    expect(ukrainianDate("щороку")).toBe("щороку");
  });

  it("prints per cent with one decimal and a decimal comma, and a share of nothing as a dash", () => {
    expect(formatPercent(84)).toBe("84,0");
    expect(formatPercent(7.66)).toBe("7,7");
    expect(formatShare(0.375)).toBe("37,5 %");
    expect(formatShare(null)).toBe("—");
  });
});
