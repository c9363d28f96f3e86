import { describe, expect, it } from "vitest";
import { NumberLedger, numbersIn } from "../../src/import/interpret/coverage.js";
import { FindingLog } from "../../src/import/interpret/findings.js";
import { fixtureNames, importFixture } from "./support.js";

describe("numbersIn", () => {
  it("reads a cell of numbers as the numbers a person sees in it", () => {
    expect(numbersIn("1 685 692 235")).toEqual(["1 685 692 235"]);
    expect(numbersIn("13232,683")).toEqual(["13232,683"]);
    expect(numbersIn("50 000,00")).toEqual(["50 000,00"]);
    expect(numbersIn("2045,250 965,850 853,500 225,900")).toEqual([
      "2045,250",
      "965,850",
      "853,500",
      "225,900",
    ]);
    expect(numbersIn("35,95")).toEqual(["35,95"]);
    expect(numbersIn("\u00a0100.000,00 ")).toEqual(["100.000,00"]);
  });

  it("holds no numbers for text, dashes and empty cells", () => {
    for (const cell of [
      "",
      "-",
      "х",
      "Навчено 60 працівників",
      "2026-2028 роки",
      "1.1. Назва",
      "10.12.2025",
    ]) {
      expect(numbersIn(cell), cell).toEqual([]);
    }
  });
});

describe("NumberLedger", () => {
  it("flags what was seen but not placed, one finding per cell with its line and cell", () => {
    const ledger = new NumberLedger();
    ledger.seeRow(7, ["місцевий бюджет", "10,0", "20,0 30,0", "текст"]);
    ledger.place({ line: 7, cell: 1 });
    ledger.place({ line: 7, cell: 2 }, 1);
    const log = new FindingLog();
    expect(ledger.close(log)).toEqual({ numbersSeen: 3, numbersPlaced: 2, numbersFlagged: 1 });
    const findings = log.resolve();
    expect(findings.map((each) => [each.code, each.location.line])).toEqual([["import.unread-number", 7]]);
    expect(findings[0]?.message).toContain("«30,0»");
    expect(findings[0]?.message).toContain("клітинка 3");
  });

  it("counts the numbers a prose reader told apart in a cell of words, placed ones first", () => {
    const ledger = new NumberLedger();
    ledger.see({ line: 4, cell: 2 }, "Загальний обсяг – 80,0 тис. грн (100 %)");
    ledger.seeNumbers({ line: 4, cell: 2 }, ["80,0", "100"]);
    ledger.place({ line: 4, cell: 2 }, 1);
    const log = new FindingLog();
    expect(ledger.close(log)).toEqual({ numbersSeen: 2, numbersPlaced: 1, numbersFlagged: 1 });
    expect(log.resolve().map((each) => each.message)).toEqual([expect.stringContaining("«100»")]);
  });

  it("counts a cell another finding already names as flagged, without a second finding", () => {
    const ledger = new NumberLedger();
    ledger.see({ line: 3, cell: 0 }, "5");
    ledger.flag({ line: 3, cell: 0 });
    const log = new FindingLog();
    expect(ledger.close(log)).toEqual({ numbersSeen: 1, numbersPlaced: 0, numbersFlagged: 1 });
    expect(log.resolve()).toEqual([]);
  });
});

describe("coverage of the real programmes", () => {
  it.each(fixtureNames())("%s: every number seen is placed or flagged", (name) => {
    const { coverage, findings } = importFixture(name);
    if (!coverage) throw new Error("no coverage");
    expect(coverage.numbersSeen).toBe(coverage.numbersPlaced + coverage.numbersFlagged);
    const unread = findings.filter((each) => each.code === "import.unread-number");
    expect(unread.length).toBeLessThanOrEqual(coverage.numbersFlagged);
    expect(coverage.numbersFlagged === 0).toBe(unread.length === 0);
  });
});
