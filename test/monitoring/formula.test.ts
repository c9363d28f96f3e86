import { describe, expect, it } from "vitest";
import { compileFormula, evaluateFormula, FormulaSyntaxError } from "../../src/domain/monitoring/formula.js";

describe("formula evaluator", () => {
  it("respects precedence and parentheses", () => {
    expect(evaluateFormula("2+3*4")).toBe(14);
    expect(evaluateFormula("(2+3)*4")).toBe(20);
    expect(evaluateFormula("10-4-3")).toBe(3);
    expect(evaluateFormula("24/4/2")).toBe(3);
    expect(evaluateFormula("-2*-3")).toBe(6);
    expect(evaluateFormula("-(1+2)*2")).toBe(-6);
  });

  it("evaluates a percentage over named variables, with decimal comma", () => {
    expect(evaluateFormula("(A/B)*100", { A: 39, B: 104 })).toBeCloseTo(37.5, 10);
    expect(evaluateFormula("Кпк / Кзаг × 100", { Кпк: 41, Кзаг: 50 })).toBe(82);
    expect(evaluateFormula("A * 1,5", { A: 4 })).toBe(6);
    expect(compileFormula("(A+B)/C - A").variables).toEqual(["A", "B", "C"]);
  });

  it("gives no value on division by zero or a missing variable", () => {
    expect(evaluateFormula("(A/B)*100", { A: 3, B: 0 })).toBeNull();
    expect(evaluateFormula("(A/B)*100", { A: 3 })).toBeNull();
    expect(evaluateFormula("1/(2-2)")).toBeNull();
  });

  it("rejects anything that is not arithmetic", () => {
    for (const text of [
      "",
      "A +",
      "(A",
      "A)",
      "2 ** 3",
      "alert(1)",
      "A; B",
      "constructor.constructor('x')()",
      "A ^ 2",
      "A % B",
      "'1'",
    ]) {
      expect(() => compileFormula(text), text).toThrow(FormulaSyntaxError);
    }
  });

  it("does not read inherited properties as variables", () => {
    expect(evaluateFormula("toString + 1", {})).toBeNull();
  });
});
