import { describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { normalizeProgramme } from "../../src/store/normalize.js";

describe("funding rows of the query tables (docs/open-data.md, funding)", () => {
  it("keep an amount for several years at once in the whole-period row only, not in any year's row", () => {
    const programme = demoProgramme();
    const [item] = allItems(programme).filter((each) => each.funding.length === 1);
    const [row] = item?.funding ?? [];
    if (!item || !row) throw new Error("demo has an item with one funding row");
    row.byYear = { "2028": 40_000 };
    row.spans = { "2026-2027": 100_000 };
    row.total = 140_000;
    const rows = normalizeProgramme(1, programme).fundingRows.filter((each) => each.item_id === item.id);
    expect(rows.map((each) => [each.year, each.amount_kopecks])).toEqual([
      [null, 140_000],
      [2028, 40_000],
    ]);
  });
});
