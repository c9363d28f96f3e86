import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  indicatorStatus,
  isYesNoIndicator,
  meanYearlyChange,
  parseIndicatorValue,
} from "../../src/domain/monitoring/indicators.js";
import { indicator } from "./build.js";

const programmes = path.resolve(process.cwd(), "../shared/fixtures/programs");
const read = (file: string): string => readFileSync(path.join(programmes, file), "utf8");

/**
 * Romny's Annex 2 prints one cell per tab-indented line, rows split by blank lines; the row number
 * (and the direction) may sit in a block of their own. Returns [name, unit, baseline, 2026, 2027, 2028, dynamics].
 */
function romnyIndicatorRows(): string[][] {
  const text = read("romny-2026-2028.txt");
  const annex = text.slice(text.indexOf("Динаміка (+/-, %)"));
  return annex
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split("\n")
        .filter((line) => line.startsWith("\t"))
        .map((line) => line.trim()),
    )
    .map((cells) => (cells.length === 9 ? cells.slice(2) : cells))
    .filter((cells) => cells.length === 7 && (cells[0] ?? "").length > 10);
}

/** Starokostiantyniv's Annex 2: tab-separated rows "n.m. name, unit, baseline, 2026, 2027, 2028, dynamics". */
function starokostiantynivIndicatorRows(): string[][] {
  const text = read("starokostiantyniv-2026-2028.txt");
  const annex = text.slice(text.indexOf("Перелік індикаторів виконання Програми інформатизації"));
  return annex
    .split("\n")
    .map((line) => line.split("\t").map((cell) => cell.trim()))
    .map((cells) => cells.slice(cells.findIndex((cell) => /^\d+\.\d+\.?\s/.test(cell))))
    .filter((cells) => cells.length === 7 && /^\d+\.\d+/.test(cells[0] ?? "") && cells[1] !== "");
}

describe("indicator values of real programmes", () => {
  it("reads Romny's numeric rows as numbers with dynamics = 3 × mean yearly change, and its Так/Ні rows", () => {
    const rows = romnyIndicatorRows();
    const yesNo = rows.filter((cells) => cells[1] === "Так/Ні");
    const numeric = rows.filter((cells) => cells[1] !== "Так/Ні");
    expect(numeric.length).toBeGreaterThanOrEqual(5);
    expect(yesNo.length).toBeGreaterThanOrEqual(5);
    for (const [
      name = "",
      unit = "",
      baseline = "",
      t2026 = "",
      t2027 = "",
      t2028 = "",
      dynamics = "",
    ] of numeric) {
      for (const cell of [baseline, t2026, t2027, t2028, dynamics]) {
        expect(parseIndicatorValue(cell).kind, `${name}: «${cell}»`).toBe("number");
      }
      const model = indicator(name, baseline, { "2026": t2026, "2027": t2027, "2028": t2028 }, { unit });
      expect(isYesNoIndicator(model)).toBe(false);
      const printed = parseIndicatorValue(dynamics);
      expect(printed.kind === "number" && printed.value).toBeCloseTo(
        (meanYearlyChange(model) ?? Number.NaN) * 3,
        6,
      );
      expect(indicatorStatus(model, t2026, 2026)).toBe("reached");
    }
    for (const [name = "", unit = "", baseline = "", t2026 = "", t2027 = "", t2028 = ""] of yesNo) {
      const model = indicator(name, baseline, { "2026": t2026, "2027": t2027, "2028": t2028 }, { unit });
      expect(isYesNoIndicator(model)).toBe(true);
      expect(indicatorStatus(model, "Так", 2028)).toBe("reached");
      expect(indicatorStatus(model, "Ні", 2028)).toBe("not-reached");
    }
  });

  it("reads every value of Starokostiantyniv as a number and judges targets against them", () => {
    const rows = starokostiantynivIndicatorRows();
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (const [name = "", , baseline = "", t2026 = "", t2027 = "", t2028 = "", dynamics = ""] of rows) {
      for (const cell of [baseline, t2026, t2027, t2028, dynamics]) {
        expect(parseIndicatorValue(cell).kind, `${name}: «${cell}»`).toBe("number");
      }
      const model = indicator(name, baseline, { "2026": t2026 });
      const target = parseIndicatorValue(t2026);
      const below = target.kind === "number" ? String(target.value - 1) : "";
      expect(indicatorStatus(model, t2026, 2026)).toBe("reached");
      expect(indicatorStatus(model, below, 2026)).toBe("not-reached");
    }
  });

  it("recognises Slobozhanska's «Так/Ні» indicators by their unit", () => {
    const lines = read("slobozhanska-2025-2027.txt").split("\n");
    const units = lines.flatMap((line) => {
      const cells = line.split("\t").map((cell) => cell.trim());
      const unit = cells.find((cell) => cell === "Так/Ні" || cell === "%" || cell === "Одиниць");
      return unit ? [unit] : [];
    });
    expect(units.filter((unit) => unit === "Так/Ні").length).toBeGreaterThanOrEqual(10);
    for (const unit of units) {
      expect(isYesNoIndicator(indicator("", "", {}, { unit }))).toBe(unit === "Так/Ні");
    }
  });
});
