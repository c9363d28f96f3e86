import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateProgramme } from "../../src/domain/validate.js";
import { importText } from "../../src/import/index.js";

/** The passport and indicator parts of ../shared/fixtures/layouts/*.expected.json (the task table: shared-layouts.test.ts). */
const LAYOUTS = path.resolve(process.cwd(), "../shared/fixtures/layouts");

interface Expected {
  passport?: {
    head: string;
    funding: { total: number; byYear: Record<string, number>; bySource: Record<string, number> };
  };
  indicators?: { name: string; unit: string; baseline: string; targets: Record<string, string> }[];
}

function load(name: string): { expected: Expected; result: ReturnType<typeof importText> } {
  const expected = JSON.parse(readFileSync(path.join(LAYOUTS, `${name}.expected.json`), "utf8")) as Expected;
  const result = importText(readFileSync(path.join(LAYOUTS, `${name}.txt`), "utf8"));
  return { expected, result };
}

describe("paged-model-table: passport field 10 as an inline table, the indicator annex", () => {
  const { expected, result } = load("paged-model-table");
  const { programme, findings } = result;

  it("reads field 10's total, years and sources from space-separated numbers in one cell", () => {
    const funding = programme.passport.funding;
    expect({ total: funding.total, byYear: funding.byYear, bySource: funding.bySource }).toEqual(
      expected.passport?.funding,
    );
    expect(programme.passport.fields.find((field) => field.number === 7)?.value).toBe(
      expected.passport?.head,
    );
  });

  it("reports the head of department in field 7 at its place, as passport.head-rank", () => {
    // importText returns the importer's findings and the validator's.
    const head = findings.filter((finding) => finding.code === "passport.head-rank");
    expect(
      validateProgramme(programme).filter((finding) => finding.code === "passport.head-rank"),
    ).toHaveLength(1);
    expect(head.map((finding) => finding.location.ref)).toEqual(["passport:7"]);
    expect(head[0]?.severity).toBe("error");
  });

  it("reads 6 indicators: the column-number rows are not data, the name after the page break continues", () => {
    const read = programme.indicators.map(({ name, unit, baseline, targets }) => ({
      unit,
      baseline,
      targets,
      name,
    }));
    expect(read).toEqual(expected.indicators);
    expect(programme.indicators.map((indicator) => indicator.direction)).toEqual([
      "Цифрове врядування",
      "Цифрове врядування",
      "Цифрове врядування",
      "Цифрові послуги для мешканців",
      "Цифрові послуги для мешканців",
      "Кібербезпека та інфраструктура",
    ]);
    expect(programme.indicators[0]?.formula).toBe("$(A/B)*100$, де А – показник 1.1, В – показник 1.2");
  });

  it("accounts for every number: seen = placed + flagged, nothing of field 10 or the annex flagged", () => {
    const coverage = result.coverage;
    if (!coverage) throw new Error("no coverage");
    expect(coverage.numbersSeen).toBe(coverage.numbersPlaced + coverage.numbersFlagged);
    const passportLines = new Set([13, 14, 15, 16, 17]);
    const annexFrom = programme.indicators[0]?.line ?? Number.POSITIVE_INFINITY;
    const unread = findings.filter((finding) => finding.code === "import.unread-number");
    for (const finding of unread) {
      expect(passportLines.has(finding.location.line), finding.message).toBe(false);
      expect(finding.location.line < annexFrom, finding.message).toBe(true);
    }
  });
});

describe("one-cell-per-line-uah: a task table only", () => {
  const { result } = load("one-cell-per-line-uah");

  it("has no passport funding and no indicators to invent", () => {
    expect(result.programme.passport.funding.total).toBeNull();
    expect(result.programme.indicators).toEqual([]);
    expect(result.programme.monitoring).toBeUndefined();
    expect(result.findings.filter((finding) => finding.code === "passport.head-rank")).toEqual([]);
  });
});
