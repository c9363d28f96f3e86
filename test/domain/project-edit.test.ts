import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import {
  applyFindingsDelta,
  changeBetween,
  findingsDelta,
  findProject,
  projectFields,
  totalsAfterProjectEdit,
  withProjectFields,
} from "../../src/domain/project-edit.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals, type Totals } from "../../src/domain/totals.js";
import { validateProgramme } from "../../src/domain/validate.js";

/** Totals without zero entries: an incremental update drops what a full recompute may keep at 0. */
function withoutZeros(totals: Totals): unknown {
  const clean = (record: Record<string, number | undefined>) =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => value !== 0));
  return {
    total: totals.total,
    byYear: clean(totals.byYear),
    bySource: clean(totals.bySource),
    bySourceByYear: Object.fromEntries(
      Object.entries(totals.bySourceByYear)
        .map(([source, byYear]) => [source, clean(byYear ?? {})])
        .filter(([, byYear]) => Object.keys(byYear as object).length > 0),
    ),
  };
}

const programme = demoProgramme();
const funded = allItems(programme).filter((item) =>
  item.funding.some((row) => Object.keys(row.byYear).length),
);

function withAmount(base: Programme, index: number, amount: number): Programme {
  const item = funded[index % funded.length];
  if (!item) throw new Error("no funded item");
  const fields = structuredClone(projectFields(findProject(base, item.id) ?? item));
  const row = fields.funding[0];
  const year = Object.keys(row?.byYear ?? {})[0];
  if (!row || !year) throw new Error("no amount");
  row.byYear[year] = amount;
  row.total = Object.values(row.byYear).reduce((sum, each) => sum + each, 0);
  const next = withProjectFields(base, item.id, fields);
  if (!next) throw new Error("item lost");
  return next;
}

describe("one project's edit", () => {
  it("changes only that item; the rest of the programme is shared", () => {
    const next = withAmount(programme, 0, 123_45);
    const change = changeBetween(programme, next);
    expect(change.kind).toBe("project");
    if (change.kind === "project") expect(change.after.id).toBe(funded[0]?.id);
    expect(next.passport).toBe(programme.passport);
    expect(next.directions.filter((d, i) => d === programme.directions[i]).length).toBe(
      programme.directions.length - 1,
    );
  });

  it("tells no change, one project's change and any other change apart", () => {
    expect(changeBetween(programme, programme).kind).toBe("none");
    expect(changeBetween(programme, { ...programme, title: "інша" }).kind).toBe("other");
    expect(changeBetween(programme, withAmount(withAmount(programme, 0, 1), 1, 2)).kind).toBe("other");
    const removed = { ...programme, directions: programme.directions.slice(1) };
    expect(changeBetween(programme, removed).kind).toBe("other");
  });

  it("updates the totals incrementally to what a full recompute gives", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.integer({ min: 0, max: 10_000_000_00 }), (index, amount) => {
        const next = withAmount(programme, index, amount);
        const change = changeBetween(programme, next);
        if (change.kind !== "project") throw new Error(change.kind);
        const incremental = totalsAfterProjectEdit(
          programmeTotals(programme),
          projectFields(change.before),
          projectFields(change.after),
        );
        expect(withoutZeros(incremental)).toEqual(withoutZeros(programmeTotals(next)));
      }),
      { numRuns: 50 },
    );
  });

  it("carries findings as a delta that rebuilds the new list", () => {
    const before = validateProgramme(programme);
    const after = validateProgramme(withAmount(programme, 0, 999_999_00));
    const delta = findingsDelta(before, after);
    expect(delta.added.length + delta.removed.length).toBeGreaterThan(0);
    const key = (f: { code: string; location: { ref: string }; message: string }) =>
      `${f.code}|${f.location.ref}|${f.message}`;
    expect(applyFindingsDelta(before, delta).map(key).sort()).toEqual(after.map(key).sort());
  });

  it("keeps the findings' list itself when the delta is empty (the page renders none of them again)", () => {
    const before = validateProgramme(programme);
    const delta = findingsDelta(before, validateProgramme(programme));
    expect(delta).toEqual({ added: [], removed: [] });
    expect(applyFindingsDelta(before, delta)).toBe(before);
  });
});
