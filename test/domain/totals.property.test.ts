import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allItems,
  type ByYear,
  type Direction,
  emptyProgramme,
  type FundingRow,
  type Item,
  type Programme,
  SOURCE_KINDS,
  type SourceKind,
} from "../../src/domain/model.js";
import {
  directionTotals,
  itemTotals,
  programmeTotals,
  type Totals,
  totalsOfRows,
} from "../../src/domain/totals.js";

const YEARS = ["2026", "2027", "2028"];

const fundingRow: fc.Arbitrary<FundingRow> = fc
  .record({
    source: fc.constantFrom(...SOURCE_KINDS),
    amounts: fc.array(fc.option(fc.integer({ min: 0, max: 10_000_000_000 }), { nil: undefined }), {
      minLength: 3,
      maxLength: 3,
    }),
    line: fc.nat({ max: 5000 }),
  })
  .map(({ source, amounts, line }) => {
    const byYear: ByYear = {};
    amounts.forEach((amount, index) => {
      if (amount !== undefined) byYear[YEARS[index] ?? "2026"] = amount;
    });
    const total = Object.values(byYear).reduce((sum, amount) => sum + amount, 0);
    return { source, label: source, byYear, total, totalPrinted: true, line };
  });

const { item: itemTree } = fc.letrec<{ item: Item }>((tie) => ({
  item: fc
    .record({
      funding: fc.array(fundingRow, { maxLength: 4 }),
      children: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant([]),
        fc.array(tie("item"), { maxLength: 3 }),
      ),
    })
    .map(({ funding, children }) => ({
      id: "",
      number: "",
      title: "захід",
      executors: [],
      deadline: null,
      deadlineText: "",
      funding,
      expectedResult: "",
      children: children as Item[],
      line: 0,
    })),
}));

const direction: fc.Arbitrary<Direction> = fc
  .array(itemTree, { maxLength: 4 })
  .map((items) => ({ number: "1", title: "напрям", items, declaredTotals: [], line: 0 }));

const programme: fc.Arbitrary<Programme> = fc.array(direction, { maxLength: 4 }).map((directions) => {
  const result = emptyProgramme();
  result.directions = directions;
  return result;
});

/** A reference implementation written independently: BigInt sums over every non-"total" row. */
function referenceTotals(rows: FundingRow[]) {
  let total = 0n;
  const byYear = new Map<string, bigint>();
  const bySource = new Map<SourceKind, bigint>();
  for (const row of rows) {
    if (row.source === "total") continue;
    total += BigInt(row.total);
    bySource.set(row.source, (bySource.get(row.source) ?? 0n) + BigInt(row.total));
    for (const [year, amount] of Object.entries(row.byYear))
      byYear.set(year, (byYear.get(year) ?? 0n) + BigInt(amount));
  }
  return { total, byYear, bySource };
}

/** Totals without zero entries, so that "never mentioned" and "mentioned with 0" compare equal. */
function normalized(totals: Totals) {
  const dropZeros = (values: Partial<Record<string, number>>) =>
    Object.fromEntries(Object.entries(values).filter(([, amount]) => amount !== 0 && amount !== undefined));
  return {
    total: totals.total,
    byYear: dropZeros(totals.byYear),
    bySource: dropZeros(totals.bySource),
    bySourceByYear: Object.fromEntries(
      Object.entries(totals.bySourceByYear)
        .map(([source, years]) => [source, dropZeros(years ?? {})] as const)
        .filter(([, years]) => Object.keys(years).length > 0),
    ),
  };
}

function sum(values: Iterable<number | undefined>): number {
  let total = 0;
  for (const value of values) total += value ?? 0;
  return total;
}

function rowsOf(p: Programme): FundingRow[] {
  return allItems(p).flatMap((each) => each.funding);
}

describe("totals", () => {
  it("agree with an independent BigInt reference", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const totals = programmeTotals(p);
        const reference = referenceTotals(rowsOf(p));
        expect(BigInt(totals.total)).toBe(reference.total);
        for (const [year, amount] of reference.byYear) expect(BigInt(totals.byYear[year] ?? 0)).toBe(amount);
        for (const [source, amount] of reference.bySource)
          expect(BigInt(totals.bySource[source] ?? 0)).toBe(amount);
      }),
    );
  });

  it("of the programme equal the sum of the directions' totals", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const totals = programmeTotals(p);
        const perDirection = p.directions.map(directionTotals);
        expect(totals.total).toBe(sum(perDirection.map((each) => each.total)));
        for (const year of YEARS)
          expect(totals.byYear[year] ?? 0).toBe(sum(perDirection.map((each) => each.byYear[year])));
        for (const source of SOURCE_KINDS) {
          expect(totals.bySource[source] ?? 0).toBe(sum(perDirection.map((each) => each.bySource[source])));
        }
      }),
    );
  });

  it("have total = sum over years = sum over sources, and each source's years add up", () => {
    fc.assert(
      fc.property(programme, (p) => {
        const totals = programmeTotals(p);
        expect(sum(Object.values(totals.byYear))).toBe(totals.total);
        expect(sum(Object.values(totals.bySource))).toBe(totals.total);
        for (const source of SOURCE_KINDS) {
          expect(sum(Object.values(totals.bySourceByYear[source] ?? {}))).toBe(totals.bySource[source] ?? 0);
        }
        for (const year of YEARS) {
          const perSource = SOURCE_KINDS.map((source) => totals.bySourceByYear[source]?.[year]);
          expect(sum(perSource)).toBe(totals.byYear[year] ?? 0);
        }
      }),
    );
  });

  it("an item's totals include everything below it", () => {
    fc.assert(
      fc.property(itemTree, (tree) => {
        const own = totalsOfRows(tree.funding).total;
        expect(itemTotals(tree).total).toBe(own + sum(tree.children.map((child) => itemTotals(child).total)));
      }),
    );
  });

  it("are restored when a row is added and removed again, and move by exactly that row meanwhile", () => {
    fc.assert(
      fc.property(programme, fundingRow, fc.nat(), (p, extra, pick) => {
        const items = allItems(p);
        fc.pre(items.length > 0);
        const target = items[pick % items.length] as Item;
        const before = programmeTotals(p);
        target.funding.push(extra);
        const during = programmeTotals(p);
        const counted = extra.source === "total" ? 0 : extra.total;
        expect(during.total - before.total).toBe(counted);
        for (const year of YEARS) {
          const added = extra.source === "total" ? 0 : (extra.byYear[year] ?? 0);
          expect((during.byYear[year] ?? 0) - (before.byYear[year] ?? 0)).toBe(added);
        }
        target.funding.pop();
        expect(normalized(programmeTotals(p))).toEqual(normalized(before));
      }),
    );
  });

  it("never sum 'total' rows, whatever they print", () => {
    fc.assert(
      fc.property(programme, fc.array(fundingRow, { minLength: 1, maxLength: 5 }), (p, extras) => {
        const items = allItems(p);
        fc.pre(items.length > 0);
        const before = normalized(programmeTotals(p));
        extras.forEach((extra, index) => {
          (items[index % items.length] as Item).funding.push({
            ...extra,
            source: "total",
            total: extra.total + 1,
          });
        });
        expect(normalized(programmeTotals(p))).toEqual(before);
        expect(programmeTotals(p).bySource.total).toBeUndefined();
      }),
    );
  });
});
