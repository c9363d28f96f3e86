import { describe, expect, it } from "vitest";
import { primaryExpertise } from "../../src/domain/agreement/expertise.js";
import { emptyProgramme } from "../../src/domain/model.js";
import { importFixture } from "../import/support.js";

const statuses = (name: string) => {
  const { programme, findings } = importFixture(name);
  const report = primaryExpertise(programme, findings);
  return { report, status: Object.fromEntries(report.checklist.map((entry) => [entry.key, entry.status])) };
};

describe("the automatic primary expertise", () => {
  it("Romny: not agreed yet, a project without a result, indicators contradicted, projects needing expertise", () => {
    const { report, status } = statuses("romny-2026-2028.txt");
    expect(status).toMatchObject({
      passport: "met",
      agreement: "not-met",
      period: "met",
      analysis: "met",
      directions: "met",
      table: "not-met",
      sums: "met",
      indicators: "not-met",
      monitoring: "met",
      expertise: "not-met",
    });
    const head = report.findings.some((each) => each.code === "passport.head-rank");
    expect(status.head).toBe(head ? "not-met" : "met");
    expect(report.checklist.find((entry) => entry.key === "table")?.ref).toBe("item:d4.1.2");
    expect(report.crossChecks).toHaveLength(2);
  });

  it("Slobozhanska: no sums anywhere, so the table, field 10 and the indicators are not met", () => {
    const { status } = statuses("slobozhanska-2025-2027.txt");
    expect(status).toMatchObject({
      table: "not-met",
      sums: "not-met",
      indicators: "not-met",
      expertise: "met",
    });
  });

  it("cannot tell what a document does not contain", () => {
    const programme = emptyProgramme();
    const report = primaryExpertise(programme);
    const status = Object.fromEntries(report.checklist.map((entry) => [entry.key, entry.status]));
    expect(status).toMatchObject({
      analysis: "cannot-tell",
      monitoring: "cannot-tell",
      indicators: "cannot-tell",
    });
    expect(report.summary.met + report.summary.notMet + report.summary.cannotTell).toBe(
      report.checklist.length,
    );
  });

  it("keeps the importer's codes of the stored findings and runs the validator afresh", () => {
    const { programme, findings } = importFixture("romny-2026-2028.txt");
    const report = primaryExpertise(programme, [
      ...findings,
      {
        code: "passport.not-agreed",
        severity: "warning",
        message: "stale",
        location: { line: 1, ref: "passport:4" },
      },
    ]);
    expect(report.findings.filter((each) => each.code === "passport.not-agreed")).toHaveLength(1);
    expect(report.findings.some((each) => each.message === "stale")).toBe(false);
  });
});
