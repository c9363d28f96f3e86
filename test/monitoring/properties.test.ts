import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Item, SourceKind } from "../../src/domain/model.js";
import { progressReport } from "../../src/domain/monitoring/forms.js";
import {
  type ExecutorReport,
  latestEffective,
  REPORT_STATUSES,
} from "../../src/domain/monitoring/reports.js";
import { rollupYear, type SourceAmounts } from "../../src/domain/monitoring/rollup.js";
import { funding, programmeOf, project, report } from "./build.js";

const SOURCES: SourceKind[] = ["local", "state", "oblast", "other"];
const amount = fc.integer({ min: 0, max: 10_000_000_000 });

const projectArb = fc.record({
  planned: fc.dictionary(fc.constantFrom(...SOURCES), amount, { maxKeys: 3 }),
  reports: fc.array(
    fc.record({
      period: fc.constantFrom("2026-H1", "2026-H2", "2026-Y", "2027-H1"),
      status: fc.constantFrom(...REPORT_STATUSES),
      progress: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      actual: fc.dictionary(fc.constantFrom(...SOURCES), amount, { maxKeys: 3 }),
      day: fc.integer({ min: 1, max: 28 }),
    }),
    { maxLength: 4 },
  ),
});

const programmeArb = fc.array(fc.array(projectArb, { minLength: 0, maxLength: 5 }), {
  minLength: 1,
  maxLength: 4,
});

type ProjectSpec = typeof projectArb extends fc.Arbitrary<infer T> ? T : never;

function build(spec: ProjectSpec[][]) {
  const programme = programmeOf(
    spec.map((projects) =>
      projects.map((p, index): Item => {
        const rows = Object.entries(p.planned).map(([source, value]) =>
          funding(source as SourceKind, { "2026": value }),
        );
        return project(`Проєкт ${index + 1}`, rows, { kind: "years", from: 2026, to: 2026 });
      }),
    ),
  );
  const reports: ExecutorReport[] = [];
  programme.directions.forEach((direction, d) => {
    direction.items.forEach((item, i) => {
      for (const r of spec[d]?.[i]?.reports ?? []) {
        const actual = Object.entries(r.actual).map(([source, value]) => ({
          source: source as SourceKind,
          label: source,
          amount: value,
        }));
        const submittedAt = `2026-08-${String(r.day).padStart(2, "0")}T00:00:00Z`;
        reports.push(
          report(item.id, r.period, { status: r.status, progressPercent: r.progress, actual, submittedAt }),
        );
      }
    });
  });
  return { programme, reports };
}

const sum = (amounts: SourceAmounts): number => Object.values(amounts).reduce((a, b) => a + (b ?? 0), 0);

describe("roll-up properties", () => {
  it("programme totals equal the sum of directions and of projects, per source", () => {
    fc.assert(
      fc.property(programmeArb, (spec) => {
        const { programme, reports } = build(spec);
        const rollup = rollupYear(programme, reports, 2026);
        for (const source of SOURCES) {
          const bySource = (
            list: { planned: SourceAmounts; actual: SourceAmounts }[],
            key: "planned" | "actual",
          ) => list.reduce((total, part) => total + (part[key][source] ?? 0), 0);
          expect(rollup.programme.planned[source] ?? 0).toBe(bySource(rollup.directions, "planned"));
          expect(rollup.programme.planned[source] ?? 0).toBe(bySource(rollup.projects, "planned"));
          expect(rollup.programme.actual[source] ?? 0).toBe(bySource(rollup.directions, "actual"));
          expect(rollup.programme.actual[source] ?? 0).toBe(bySource(rollup.projects, "actual"));
        }
        expect(rollup.programme.plannedTotal).toBe(sum(rollup.programme.planned));
        expect(rollup.programme.actualTotal).toBe(sum(rollup.programme.actual));
      }),
    );
  });

  it("programme progress is the weighted mean of the directions and stays within 0–100", () => {
    fc.assert(
      fc.property(programmeArb, (spec) => {
        const { programme, reports } = build(spec);
        const rollup = rollupYear(programme, reports, 2026);
        const weighted = rollup.directions.reduce((total, d) => total + d.weight * (d.progress ?? 0), 0);
        const weight = rollup.directions.reduce((total, d) => total + d.weight, 0);
        if (weight === 0) expect(rollup.programme.progress).toBeNull();
        else expect(rollup.programme.progress).toBeCloseTo(weighted / weight, 6);
        const progress = rollup.programme.progress ?? 0;
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(100 + 1e-9);
      }),
    );
  });

  it("the progress report's total equals the effective submissions of the year", () => {
    fc.assert(
      fc.property(programmeArb, (spec) => {
        const { programme, reports } = build(spec);
        const effective = latestEffective(reports).filter((r) => r.periodKey.startsWith("2026-"));
        const withAnnual = new Set(effective.filter((r) => r.periodKey === "2026-Y").map((r) => r.itemId));
        const expected = effective
          .filter((r) => !withAnnual.has(r.itemId) || r.periodKey === "2026-Y")
          .flatMap((r) => r.actual)
          .reduce((total, row) => total + row.amount, 0);
        const table = progressReport(programme, reports, 2026);
        const total = table.rows.find((row) => row.kind === "total");
        expect(total?.cells.actual).toBe(expected);
        const rows = table.rows.filter((row) => row.kind === "project");
        expect(rows.reduce((t, row) => t + (row.cells.actual as number), 0)).toBe(expected);
      }),
    );
  });
});
