import { describe, expect, it } from "vitest";
import type { MonitoringVariable } from "../../src/domain/model.js";
import {
  canonicalName,
  computeIndicator,
  formulaBindings,
  formulaExpression,
} from "../../src/domain/monitoring/variables.js";

const variable = (number: string, baseline: string, values: Record<string, string>): MonitoringVariable => ({
  number,
  name: `змінна ${number}`,
  unit: "осіб",
  source: "звіт",
  baseline,
  values,
  line: 0,
});

describe("indicator values from the monitoring variables a formula names", () => {
  it("reads the expression and the legend, Cyrillic and Latin letters being one name", () => {
    const formula = "$(A/B)*100$, де А – показник 1.1, В – показник 1.2";
    expect(formulaExpression(formula)).toBe("(A/B)*100");
    expect(formulaBindings(formula)).toEqual({ A: "1.1", B: "1.2" });
    expect(formulaExpression("Кпк / Кзаг × 100, де Кпк — показник 2.1.")).toBe("Кпк / Кзаг × 100");
    const legend = formulaBindings("Кпк / Кзаг × 100, де Кпк — показник 2.1, Кзаг - показник № 2.2.");
    expect(legend).toEqual({ [canonicalName("Кпк")]: "2.1", [canonicalName("Кзаг")]: "2.2" });
    expect(canonicalName("Кзаг")).toBe(canonicalName("Kзaг"));
  });

  it("computes the baseline and each year from the variables, numbers as printed", () => {
    const variables = [
      variable("1.1", "40", { "2026": "1 685", "2027": "35,95" }),
      variable("1.2.", "100", { "2026": "3 370", "2027": "-" }),
    ];
    const computed = computeIndicator(
      { formula: "$(А/В)*100$, де А – показник 1.1, В – показник 1.2", targets: { "2026": "", "2027": "" } },
      variables,
    );
    expect(computed).toEqual({ baseline: 40, targets: { "2026": 50, "2027": null } });
  });

  it("gives nothing for prose, a dash, or a variable the annex does not have", () => {
    expect(computeIndicator({ formula: "-", targets: {} }, [])).toBeNull();
    expect(computeIndicator({ formula: "відношення кількості до загальної", targets: {} }, [])).toBeNull();
    expect(
      computeIndicator({ formula: "$A/B$, де А – показник 9.9, В – показник 1.2", targets: {} }, []),
    ).toBeNull();
  });
});
