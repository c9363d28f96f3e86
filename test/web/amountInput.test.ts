import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountToInput, parseAmountInput } from "../../web/src/lib/amountInput.js";
import {
  checkRequired,
  checkYearInPeriod,
  checkYearRange,
  splitExecutors,
} from "../../web/src/lib/fieldChecks.js";

describe("amount input", () => {
  it.each([
    ["1 774,5", 177_450_000],
    ["1774.5", 177_450_000],
    ["1\u00a0774,50", 177_450_000],
    ["0", 0],
    ["36 112,5", 3_611_250_000],
    ["0,00001", 1],
  ])("reads %s as %d kopecks", (text, kopecks) => {
    expect(parseAmountInput(text, "thousand")).toEqual({ ok: true, kopecks });
  });

  it.each([
    ["", "amount.empty"],
    ["   ", "amount.empty"],
    ["-5", "amount.negative"],
    ["−1 774,5", "amount.negative"],
    ["abc", "amount.notNumber"],
    ["12,3,4", "amount.notNumber"],
    ["1,000001", "amount.tooPrecise"],
    ["99999999999999", "amount.tooLarge"],
    ["900 719 925 474,1", "amount.tooLarge"],
  ])("rejects %j with %s", (text, error) => {
    expect(parseAmountInput(text, "thousand")).toEqual({ ok: false, error });
  });

  it.each([
    ["1 774 000,55", "uah", 177_400_055],
    ["3,45", "million", 345_000_000],
    ["0,00000001", "million", 1],
    ["3,45", "uah", 345],
  ] as const)("reads %s typed in a %s programme as %d kopecks", (text, unit, kopecks) => {
    expect(parseAmountInput(text, unit)).toEqual({ ok: true, kopecks });
  });

  it("rejects a fraction of a kopeck in any unit", () => {
    expect(parseAmountInput("1,005", "uah")).toEqual({ ok: false, error: "amount.tooPrecise" });
    expect(parseAmountInput("1,000000001", "million")).toEqual({ ok: false, error: "amount.tooPrecise" });
  });

  it("round-trips any amount through the field text, in every unit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.constantFrom("uah", "thousand", "million" as const),
        (kopecks, unit) => {
          expect(parseAmountInput(amountToInput(kopecks, unit), unit)).toEqual({ ok: true, kopecks });
        },
      ),
    );
  });
});

describe("field checks", () => {
  const period = { from: 2026, to: 2028 };
  it("flags years outside the period and bad order", () => {
    expect(checkYearInPeriod("2027", period)).toBeNull();
    expect(checkYearInPeriod("2025", period)).toBe("field.yearOutsidePeriod");
    expect(checkYearInPeriod("27", period)).toBe("field.notYear");
    expect(checkYearRange("2028", "2026", period)).toEqual({ from: null, to: "field.yearOrder" });
    expect(checkYearRange("2026", "2029", period)).toEqual({ from: null, to: "field.yearOutsidePeriod" });
  });
  it("requires text and splits executors", () => {
    expect(checkRequired("  ")).toBe("field.required");
    expect(checkRequired("Назва")).toBeNull();
    expect(splitExecutors("Відділ ІТ; Фінансове управління\n\nЗагальний відділ;")).toEqual([
      "Відділ ІТ",
      "Фінансове управління",
      "Загальний відділ",
    ]);
    expect(splitExecutors("Відділ освіти, відділ культури")).toEqual(["Відділ освіти", "відділ культури"]);
    expect(splitExecutors("Відділ освіти, молоді та спорту")).toEqual(["Відділ освіти, молоді та спорту"]);
  });
});
