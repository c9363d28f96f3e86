import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding, ImportResult } from "../../src/domain/model.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { importText } from "../../src/import/index.js";
import { FIXTURES, fixtureNames, importFixture } from "./support.js";

/** Every difference between the task-table sums and the passport's field 10, with the numbers. */
function mismatches({ programme }: ImportResult): string[] {
  const computed = programmeTotals(programme);
  const declared = programme.passport.funding;
  const out: string[] = [];
  const compare = (what: string, table: number, passport: number): void => {
    if (table !== passport) out.push(`${what}: таблиця ${table} ≠ паспорт ${passport} (коп.)`);
  };
  if (declared.total !== null) compare("усього", computed.total, declared.total);
  for (const [year, amount] of Object.entries(declared.byYear))
    compare(year, computed.byYear[year] ?? 0, amount);
  for (const [source, amount] of Object.entries(declared.bySource)) {
    compare(source, computed.bySource[source as keyof typeof computed.bySource] ?? 0, amount ?? 0);
  }
  for (const [source, byYear] of Object.entries(declared.bySourceByYear)) {
    const table = computed.bySourceByYear[source as keyof typeof computed.bySourceByYear] ?? {};
    for (const [year, amount] of Object.entries(byYear ?? {}))
      compare(`${source} ${year}`, table[year] ?? 0, amount);
  }
  return out;
}

function pointsAtLine(finding: Finding): boolean {
  return finding.location.line > 0;
}

describe.each(fixtureNames())("fixture %s", (name) => {
  it("imports through importText, the validator's findings after the importer's", () => {
    const result = importText(readFileSync(path.join(FIXTURES, name), "utf8"));
    const own = importFixture(name).findings;
    expect(result.findings.slice(0, own.length)).toEqual(own);
    expect(result.programme.directions.length).toBe(importFixture(name).programme.directions.length);
  });

  it("imports with the community, its KATOTTG code, the period and all 10 passport fields", () => {
    const { programme } = importFixture(name);
    expect(programme.community.name).toMatch(/громада/i);
    expect(programme.community.katottg).toMatch(/^UA\d{17}$/);
    expect(programme.period.from).toBeGreaterThanOrEqual(2020);
    expect(programme.period.to).toBeGreaterThanOrEqual(programme.period.from);
    expect(programme.passport.fields.map((field) => field.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(programme.directions.length).toBeGreaterThan(0);
  });

  it("reconciles the task table with the passport, or says where it does not", () => {
    const result = importFixture(name);
    const { programme, findings } = result;
    if (programme.passport.funding.total === null) {
      const noAmounts = findings.filter((finding) => finding.code === "import.no-amounts");
      expect(noAmounts.map((finding) => finding.location.ref)).toContain("passport:10");
      expect(noAmounts.every(pointsAtLine)).toBe(true);
      return;
    }
    const differences = mismatches(result);
    const reported = findings.filter(
      (finding) => /total|sum|passport|mismatch/i.test(finding.code) && pointsAtLine(finding),
    );
    if (reported.length < differences.length) expect(differences).toEqual([]);
  });

  it("gives every importer finding a code, a Ukrainian message and a location", () => {
    for (const finding of importFixture(name).findings) {
      expect(finding.code).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(finding.message).toMatch(/[а-яіїєґ]/i);
      expect(finding.location.ref).not.toBe("");
    }
  });
});
