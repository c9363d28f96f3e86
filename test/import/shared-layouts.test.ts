import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding, ImportResult } from "../../src/domain/model.js";
import { importText } from "../../src/import/index.js";
import { taskTableView } from "./families/view.js";

/** The synthetic layout files beside the models they must import to (read from ../shared at test time). */
const LAYOUTS = path.resolve(process.cwd(), "../shared/fixtures/layouts");

interface ExpectedDirection {
  number: string;
  title: string;
  projects: unknown[];
}

function layout(name: string): {
  text: string;
  expected: { directions: ExpectedDirection[]; total?: number };
} {
  return {
    text: readFileSync(path.join(LAYOUTS, `${name}.txt`), "utf8"),
    expected: JSON.parse(readFileSync(path.join(LAYOUTS, `${name}.expected.json`), "utf8")),
  };
}

const codes = (findings: Finding[]) => findings.map((finding) => finding.code);

function coverageHolds(result: ImportResult): void {
  const coverage = result.coverage;
  if (!coverage) throw new Error("the import reports no coverage");
  expect(coverage.numbersSeen).toBe(coverage.numbersPlaced + coverage.numbersFlagged);
  expect(coverage.numbersSeen).toBeGreaterThan(0);
}

describe("paged-model-table.txt (the Ministry's model table exported from Word with page breaks)", () => {
  const { text, expected } = layout("paged-model-table");
  const result = importText(text);
  const { findings } = result;

  it("reads every direction and project of the task table, with every amount", () => {
    expect(taskTableView(result.programme)).toEqual(expected.directions);
  });

  it("reports the total row of project 1.3 that disagrees with its only source row in 2027, at its place", () => {
    const at13 = findings.filter((finding) => finding.location.ref === "item:d1.3");
    const sourceSum = at13.find((finding) => finding.code === "amount.source-sum");
    expect(sourceSum?.message).toContain("2027");
    expect(sourceSum?.message).toContain("48,8");
    expect(sourceSum?.location.line).toBe(36);
  });

  it("finds no year-sum or subtotal error anywhere else", () => {
    const sums = findings.filter((finding) =>
      ["amount.year-sum", "amount.source-sum", "direction.subtotal", "programme.total"].includes(
        finding.code,
      ),
    );
    expect(sums.every((finding) => finding.location.ref === "item:d1.3")).toBe(true);
  });

  it("reads no column-number row as data and no page-break continuation as a new project", () => {
    const projects = expected.directions.flatMap((direction) => direction.projects);
    expect(taskTableView(result.programme).flatMap((direction) => direction.projects)).toHaveLength(
      projects.length,
    );
    expect(codes(findings)).not.toContain("import.unknown-source");
    expect(codes(findings)).not.toContain("import.orphan-row");
  });

  it("accounts for every number of the task table", () => {
    coverageHolds(result);
    const unread = findings.filter((finding) => finding.code === "import.unread-number");
    const taskTableLines = unread.filter(
      (finding) => finding.location.line >= 24 && finding.location.line <= 69,
    );
    expect(taskTableLines).toEqual([]);
  });

  // The passport (field 10 as an inline table, field 7's head rank) and indicator parts of this file's
  // expectations are asserted in shared-layouts-annex.test.ts.
});

describe("one-cell-per-line-uah.txt (one cell per line; UAH under a «тис. грн» header)", () => {
  const { text, expected } = layout("one-cell-per-line-uah");

  it("reports one amount.unit-suspect error for the whole programme, naming both readings in UAH", () => {
    const { findings } = importText(text);
    const suspect = findings.filter((finding) => finding.code === "amount.unit-suspect");
    expect(suspect).toHaveLength(1);
    expect(suspect[0]).toMatchObject({ severity: "error", location: { ref: "programme" } });
    const message = suspect[0]?.message.replace(/\s/g, " ");
    expect(message).toContain("386 000 000,00 грн");
    expect(message).toContain("386 000,00 грн");
  });

  it("says once that the passport is absent, not once per field", () => {
    const { findings } = importText(text);
    const passport = findings.filter(
      (finding) => finding.code.startsWith("passport.") || finding.location.ref.startsWith("passport:"),
    );
    expect(codes(passport)).toEqual(["passport.absent"]);
    expect(codes(findings)).not.toContain("katottg.invalid");
    expect(codes(findings)).not.toContain("import.no-period");
  });

  it("read in UAH as the user accepts it, imports to the expected model and total", () => {
    const result = importText(text, { unit: "uah" });
    expect(taskTableView(result.programme)).toEqual(expected.directions);
    const total = result.programme.declaredTotals.find((row) => row.source !== "total")?.total;
    expect(total).toBe(expected.total);
    expect(codes(result.findings)).not.toContain("amount.unit-suspect");
    expect(result.programme.period).toEqual({ from: 2026, to: 2028 });
  });

  it("read as the header says, the structure is the same and the amounts are 1000 times larger", () => {
    const asHeader = taskTableView(importText(text).programme);
    const asUah = taskTableView(importText(text, { unit: "uah" }).programme);
    expect(asHeader.map((direction) => direction.projects.length)).toEqual(
      asUah.map((direction) => direction.projects.length),
    );
    const first = (view: typeof asHeader) => view[0]?.projects[1]?.funding.local?.["2026"] ?? 0;
    expect(first(asHeader)).toBe(first(asUah) * 1000);
  });

  it("accounts for every number", () => {
    coverageHolds(importText(text));
    expect(importText(text).coverage?.numbersFlagged).toBe(0);
  });
});
