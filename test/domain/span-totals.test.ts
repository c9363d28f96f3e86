import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstScreenHtml } from "../../src/api/public-page.js";
import { allItems, isSummedSource } from "../../src/domain/model.js";
import { formatAmount } from "../../src/domain/money.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import {
  amountColumns,
  programmeSpanTotals,
  programmeTotals,
  sumOfYearsAndSpans,
} from "../../src/domain/totals.js";
import { programme as arbitraryProgramme } from "../formats/arbitrary.js";

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe("totals of the amounts printed for several years at once", () => {
  it("together with the year totals hold every summed row's years and spans", () => {
    fc.assert(
      fc.property(arbitraryProgramme, (programme) => {
        const rows = allItems(programme)
          .flatMap((item) => item.funding)
          .filter((row) => isSummedSource(row.source));
        const years = sum(Object.values(programmeTotals(programme).byYear));
        const spans = programmeSpanTotals(programme);
        expect(years + spans.total).toBe(sum(rows.map(sumOfYearsAndSpans)));
        expect(sum(Object.values(spans.byYear))).toBe(spans.total);
        const keys = new Set(rows.flatMap((row) => Object.keys(row.spans ?? {})));
        expect(Object.keys(spans.byYear).sort()).toEqual([...keys].sort());
      }),
    );
  });

  it("add their spans after the years as table columns, by source", () => {
    const programme = demoProgramme();
    const [first, second] = allItems(programme).flatMap((item) => item.funding);
    if (!first || !second) throw new Error("demo has funding");
    first.spans = { "2027-2028": 300_000 };
    second.spans = { "2026-2027": 100_000, "2027-2028": 5_000 };
    const spans = programmeSpanTotals(programme);
    expect(amountColumns(["2026", "2027", "2028"], spans)).toEqual([
      "2026",
      "2027",
      "2028",
      "2026-2027",
      "2027-2028",
    ]);
    expect(spans.byYear).toEqual({ "2026-2027": 100_000, "2027-2028": 305_000 });
    expect(spans.bySourceByYear[first.source]?.["2027-2028"]).toBeGreaterThanOrEqual(300_000);
  });

  it("show on the public page's first screen under their span's heading", () => {
    const programme = demoProgramme();
    const [row] = allItems(programme).flatMap((item) => item.funding);
    if (!row) throw new Error("demo has funding");
    row.spans = { "2026-2027": 123_400_000 };
    const html = firstScreenHtml(programme);
    expect(html).toContain('<th scope="col">2026-2027</th>');
    expect(html.replace(/[\u00a0\u202f]/g, " ")).toContain(
      `<td>${formatAmount(123_400_000, "thousand", "uk-UA").replace(/[\u00a0\u202f]/g, " ")} тис. грн</td>`,
    );
  });
});
