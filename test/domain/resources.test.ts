import { describe, expect, it } from "vitest";
import type { Finding, Programme } from "../../src/domain/model.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { row, validProgramme } from "./builders.js";

/** The reference programme with a resources table that restates its sums (they all agree). */
function withResources(change: (programme: Programme) => void = () => {}): Programme {
  const programme = validProgramme();
  programme.resources = [
    row("local", ["494,0", "670,0", "700,0"], 40, "1864,0"),
    row("other", ["450,0", "450,0", "800,0"], 41, "1700,0"),
    row("total", ["944,0", "1120,0", "1500,0"], 42, "3564,0"),
  ];
  change(programme);
  return programme;
}

const mismatches = (programme: Programme): Finding[] =>
  validateProgramme(programme).filter((finding) => finding.code === "resources.mismatch");
const plain = (finding: Finding | undefined) => finding?.message.replace(/\s/g, " ");

describe("resources.mismatch (the resources table against the projects' sums and field 10)", () => {
  it("finds nothing when the table restates the same sums", () => {
    expect(mismatches(withResources())).toEqual([]);
  });

  it("names one cell that differs from both, at its row, with what each side states", () => {
    const found = mismatches(
      withResources((p) => {
        const local = p.resources?.[0];
        if (local) local.byYear["2027"] = 60_000_000;
      }),
    );
    expect(found.map((finding) => [finding.location.line, finding.severity])).toEqual([[40, "error"]]);
    expect(plain(found[0])).toContain("2027 рік: зазначено 600,0 тис. грн");
    expect(plain(found[0])).toContain("сума заходів — 670,0 тис. грн, у паспорті (поле 10) — 670,0 тис. грн");
  });

  it("compares with field 10 only the amounts field 10 states (a total without years: the total)", () => {
    const found = mismatches(
      withResources((p) => {
        p.directions = [];
        p.declaredTotals = [];
        p.passport.funding = { total: 356_400_000, byYear: {}, bySource: {}, bySourceByYear: {}, line: 30 };
      }),
    );
    expect(found).toEqual([]);
  });

  it("leaves a source's row alone when some task money names no single source", () => {
    const programme = withResources((p) => {
      p.passport.funding.bySource = {};
      p.passport.funding.bySourceByYear = {};
      for (const direction of p.directions)
        for (const item of direction.items) for (const each of item.funding) each.source = "unspecified";
    });
    expect(mismatches(programme)).toEqual([]);
  });
});
