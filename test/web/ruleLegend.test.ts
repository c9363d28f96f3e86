import { describe, expect, it } from "vitest";
import { RULES } from "../../src/domain/rules/table.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { legendEntries } from "../../web/src/lib/ruleLegend.js";
import { importFixture } from "../import/support.js";

describe("the legend of findings", () => {
  const { programme, findings } = importFixture("romny-2026-2028.txt");
  const all = [...findings, ...validateProgramme(programme)];

  it("explains every code among a real programme's findings once, from the rule table, in table order", () => {
    const legend = legendEntries(all, "uk");
    expect(legend.map((entry) => entry.code).sort()).toEqual(
      [...new Set(all.map((each) => each.code))].sort(),
    );
    const order = RULES.map((rule) => rule.code as string);
    const positions = legend.map((entry) => order.indexOf(entry.code));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const entry of legend) {
      const rule = RULES.find((each) => each.code === entry.code);
      expect(entry.message).toBe(rule?.message.uk);
      expect(entry.basis).toBe(rule?.basis.uk);
      expect(entry.count).toBe(all.filter((each) => each.code === entry.code).length);
    }
  });

  it("speaks English when asked, and leaves out a code the table does not know", () => {
    const stale = { ...all[0], code: "retired.rule" } as (typeof all)[number];
    const legend = legendEntries([...all, stale], "en");
    expect(legend.some((entry) => entry.code === "retired.rule")).toBe(false);
    for (const entry of legend) expect(entry.message).not.toMatch(/[а-яіїєґ]/i);
  });
});
