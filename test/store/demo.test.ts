import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allItems, SECTION_KEYS } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { directionTotals, programmeTotals } from "../../src/domain/totals.js";
import type { Store } from "../../src/store/index.js";
import { seedDemo } from "../../src/store/seed.js";
import { openTestStore } from "../support/db.js";

describe("demo programme", () => {
  it("declares in its passport exactly the sums of its task table", () => {
    const programme = demoProgramme();
    const totals = programmeTotals(programme);
    const declared = programme.passport.funding;
    expect(declared.total).toBe(totals.total);
    expect(declared.byYear).toEqual(totals.byYear);
    expect(declared.bySource).toEqual(totals.bySource);
    expect(declared.bySourceByYear.local).toEqual(totals.bySourceByYear.local);
    expect(declared.bySourceByYear.other).toEqual(totals.bySourceByYear.other);
  });

  it("has the shape the brief promises", () => {
    const programme = demoProgramme();
    expect(programme.community.katottg).toMatch(/^UA\d{17}$/);
    expect(programme.period).toEqual({ from: 2026, to: 2028 });
    expect(programme.directions).toHaveLength(4);
    const items = allItems(programme);
    expect(items.length).toBeGreaterThanOrEqual(14);
    expect(items.some((item) => item.children.length > 0)).toBe(true);
    const sources = new Set(items.flatMap((item) => item.funding.map((row) => row.source)));
    expect([...sources].sort()).toEqual(["local", "none", "other"]);
    expect(programme.passport.fields.map((field) => field.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(programme.indicators.length).toBeGreaterThanOrEqual(2);
    expect(programme.sections.every((section) => SECTION_KEYS.includes(section.key))).toBe(true);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it("prints direction totals that match the direction's items", () => {
    for (const direction of demoProgramme().directions) {
      expect(direction.declaredTotals[0]?.total).toBe(directionTotals(direction).total);
    }
  });
});

describe("seedDemo", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await openTestStore());
  });
  afterEach(() => dispose());

  it("inserts the demo once, only into an empty database", async () => {
    expect(await seedDemo(store)).toBe(true);
    expect(await seedDemo(store)).toBe(false);
    const list = await store.listProgrammes();
    expect(list).toHaveLength(1);
    expect(list[0]?.total).toBe(programmeTotals(demoProgramme()).total);
    expect(list[0]?.status).toBe("published");
  });
});
