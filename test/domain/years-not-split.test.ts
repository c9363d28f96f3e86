import { describe, expect, it } from "vitest";
import type { FundingRow, Programme } from "../../src/domain/model.js";
import { allItems } from "../../src/domain/model.js";
import { programmeTotals, unsplitOfRows } from "../../src/domain/totals.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { th, validProgramme } from "./builders.js";

function everyRow(programme: Programme): FundingRow[] {
  return [
    ...allItems(programme).flatMap((item) => item.funding),
    ...programme.directions.flatMap((direction) => direction.declaredTotals),
    ...programme.declaredTotals,
  ];
}

/** The reference programme as a table printing amounts by source only: no row keeps its years. */
function withoutYears(): Programme {
  const programme = validProgramme();
  for (const row of everyRow(programme)) row.byYear = {};
  return programme;
}

/** The reference programme as a table printing 2026 and 2027 in one column ("2026-2027"). */
function withSpan(): Programme {
  const programme = validProgramme();
  for (const row of everyRow(programme)) {
    const joined = (row.byYear["2026"] ?? 0) + (row.byYear["2027"] ?? 0);
    delete row.byYear["2026"];
    delete row.byYear["2027"];
    if (joined !== 0) row.spans = { "2026-2027": joined };
  }
  return programme;
}

const codes = (programme: Programme) => validateProgramme(programme).map((finding) => finding.code);

describe("amounts not split by year", () => {
  it("raise no per-year finding against the passport, the subtotals or the item totals", () => {
    expect(codes(withoutYears())).toEqual([]);
    expect(codes(withSpan())).toEqual([]);
  });

  it("still count in every total, so a wrong total is still found", () => {
    for (const programme of [withoutYears(), withSpan()]) {
      programme.passport.funding.total = th("3600,0");
      expect(codes(programme)).toEqual(["passport.funding-total"]);
    }
  });

  it("count a span in the row's year sum", () => {
    const programme = withSpan();
    const row = allItems(programme).flatMap((item) => item.funding)[0] as FundingRow;
    expect(row.spans).toBeDefined();
    row.total += th("1,0");
    expect(codes(programme)).toContain("amount.year-sum");
  });

  it("are what no year holds: spans, or the whole total of a row without years", () => {
    const split = validProgramme();
    const rows = allItems(split).flatMap((item) => item.funding);
    expect(unsplitOfRows(rows).total).toBe(0);
    const spanned = allItems(withSpan()).flatMap((item) => item.funding);
    expect(unsplitOfRows(spanned).total).toBe(th("944,0") + th("1120,0"));
    const bare = allItems(withoutYears()).flatMap((item) => item.funding);
    expect(unsplitOfRows(bare).total).toBe(programmeTotals(withoutYears()).total);
  });
});
