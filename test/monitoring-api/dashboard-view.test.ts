import { describe, expect, it } from "vitest";
import { formatProgress, type MissingEntry, overdueByUnit } from "../../web/src/monitoring/dashboardData.js";

const entry = (itemId: string, units: string[]): MissingEntry => ({
  itemId,
  number: itemId,
  title: `Захід ${itemId}`,
  executors: [],
  periodKey: "2026-H1",
  dueDate: "2026-07-05",
  overdue: true,
  units,
});

describe("dashboard view helpers", () => {
  it("groups overdue reports by unit, a shared project under each unit, the most overdue unit first", () => {
    const groups = overdueByUnit([
      entry("a", ["Відділ Б"]),
      entry("b", ["Відділ А", "Відділ Б"]),
      entry("c", []),
    ]);
    expect(groups.map((group) => [group.unit, group.entries.map((each) => each.itemId)])).toEqual([
      ["Відділ Б", ["a", "b"]],
      ["Відділ А", ["b"]],
      ["—", ["c"]],
    ]);
  });

  it("formats progress with a decimal comma, and no progress as a dash", () => {
    expect(formatProgress(63.44)).toBe("63,4 %");
    expect(formatProgress(null)).toBe("—");
  });

  it("formats progress with a decimal point under English", () => {
    expect(formatProgress(63.44, "en")).toBe("63.4%");
    expect(formatProgress(null, "en")).toBe("—");
  });
});
