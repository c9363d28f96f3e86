import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emptyProgramme, type FundingRow, type Programme } from "../../src/domain/model.js";
import { parseAmountCell } from "../../src/domain/money.js";
import { checkUnitSuspect } from "../../src/domain/rules/unit.js";
import { item, th } from "./builders.js";

const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

/**
 * The project rows of romny's task table (Annex 1), read straight from the text without the importer:
 * the last four cells of a run of amount cells (total, 2026, 2027, 2028) are one row when the total is an
 * amount. "Всього за напрямом" blocks are
 * skipped up to the next direction heading; the table ends at "Всього за програми".
 */
function romnyRows(): FundingRow[] {
  const lines = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8").split("\n");
  const start = lines.findIndex((line) => line.trim() === "Додаток 1");
  const rows: FundingRow[] = [];
  let inDirectionTotal = false;
  let run: { cells: string[]; line: number } = { cells: [], line: 0 };
  const flush = () => {
    const last4 = run.cells.slice(-4);
    if (last4.length === 4 && !inDirectionTotal && /\d,\d/.test(last4[0] ?? ""))
      rows.push(amountRow(last4, run.line));
    run = { cells: [], line: 0 };
  };
  for (let index = start; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (/Всього за програми/.test(text)) break;
    if (/Всього за напрямом/.test(text)) inDirectionTotal = true;
    if (/^\t\d+\.\s+\S/.test(text)) inDirectionTotal = false;
    const kind = parseAmountCell(text, "thousand").kind;
    if (/^\t\S/.test(text) && (kind === "amount" || kind === "dash")) {
      if (run.cells.length === 0) run.line = index + 1;
      run.cells.push(text.trim());
    } else flush();
  }
  return rows;
}

function amountRow(cells: string[], line: number): FundingRow {
  const [total = "", ...years] = cells;
  const byYear: Record<string, number> = {};
  years.forEach((cell, index) => {
    const parsed = parseAmountCell(cell, "thousand");
    if (parsed.kind === "amount") byYear[String(2026 + index)] = parsed.kopecks;
  });
  return { source: "local", label: "місцевий бюджет", byYear, total: th(total), totalPrinted: true, line };
}

function programmeOf(rows: FundingRow[]): Programme {
  const programme = emptyProgramme();
  programme.period = { from: 2026, to: 2028 };
  programme.directions = [
    {
      number: "1",
      title: "усі заходи",
      items: rows.map((each, index) => item({ id: `d1.${index + 1}`, line: each.line, funding: [each] })),
      declaredTotals: [],
      line: 1,
    },
  ];
  return programme;
}

describe("amount.unit-suspect on romny's real amounts", () => {
  const rows = romnyRows();

  it("reads the task table's project rows, including the 1 774,0 and the 28 000,0 ones", () => {
    // Direction 1: 1 774,0; 2 240,0; 990,0, 90,0 and 900,0 (a project's total row and its two source rows);
    // 220,0; 188,5; 1 200,0. Direction 2: 28 000,0; 1 500,0. Directions 3–4 print dashes only.
    expect(rows).toHaveLength(10);
    expect(rows.map((each) => each.total)).toContain(th("1774,0"));
    expect(rows.map((each) => each.total)).toContain(th("28000,0"));
  });

  it("does not fire on the document as published (28 000,0 for the Diia Centre is real)", () => {
    expect(checkUnitSuspect(programmeOf(rows))).toEqual([]);
  });

  it("fires when 1 774,0 is typed in UAH as 1 774 000,0", () => {
    const changed = structuredClone(rows);
    const target = changed.find((each) => each.total === th("1774,0"));
    if (!target) throw new Error("no 1 774,0 row");
    target.total = th("1774000,0");
    const findings = checkUnitSuspect(programmeOf(changed));
    expect(findings.map((each) => each.location.line)).toEqual([target.line]);
  });

  it("fires on a UAH-sized year amount even without a printed total to reconcile with", () => {
    const changed = structuredClone(rows);
    const target = changed.find((each) => each.total === th("1774,0"));
    if (!target) throw new Error("no 1 774,0 row");
    target.byYear["2027"] = th("630000,0");
    target.totalPrinted = false;
    target.total = Object.values(target.byYear).reduce((sum, amount) => sum + amount, 0);
    const findings = checkUnitSuspect(programmeOf(changed));
    expect(findings.map((each) => each.location.line)).toEqual([target.line]);
    expect(findings[0]?.message).toContain("630");
  });
});
