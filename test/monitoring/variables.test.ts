import { describe, expect, it } from "vitest";
import type { MonitoringVariable } from "../../src/domain/model.js";
import {
  canonicalName,
  computeIndicator,
  formulaBindings,
  formulaExpression,
  legendDescriptions,
  variableByDescription,
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

describe("a legend that describes its variables instead of numbering them", () => {
  const named = (number: string, name: string, baseline: string): MonitoringVariable => ({
    ...variable(number, baseline, { "2026": baseline }),
    name,
  });
  const variables = [
    named("1.1", "Кількість підключених до мережі осіб", "30"),
    named("1.2", "Загальна кількість осіб, що потребують підключення", "120"),
    named("1.3", "Кількість закладів освіти", "7"),
  ];

  it("reads each name's description up to the next name", () => {
    expect(
      legendDescriptions("$(A/B)*100$, де А – кількість підключених осіб, В – загальна кількість осіб.", [
        "A",
        "B",
      ]),
    ).toEqual({ A: "кількість підключених осіб", B: "загальна кількість осіб" });
  });

  it("binds each description to the variable whose name shares most of its words", () => {
    const computed = computeIndicator(
      {
        formula:
          "$(А/В)*100$, де А – кількість підключених осіб, В – загальна кількість осіб, які потребують підключення",
        targets: { "2026": "" },
      },
      variables,
    );
    expect(computed).toEqual({ baseline: 25, targets: { "2026": 25 } });
  });

  it("binds nothing when no name is clearly the one described", () => {
    expect(variableByDescription("обсяг видатків бюджету", variables)).toBeUndefined();
    expect(
      computeIndicator(
        { formula: "$A/B$, де А – площа покриття, В – площа громади", targets: {} },
        variables,
      ),
    ).toBeNull();
  });
});
