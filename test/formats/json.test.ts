import { describe, expect, it } from "vitest";
import type { Finding, ImportResult } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { exportJson } from "../../src/export/json.js";

describe("exportJson", () => {
  it("prints the programme and findings, pretty, with money as integer kopecks", () => {
    const programme = demoProgramme();
    const row = programme.directions[0]?.items[0]?.funding[0];
    if (!row) throw new Error("demo has no funding row");
    row.total = 2 ** 40 + 7;
    const findings: Finding[] = [
      {
        code: "sum.mismatch",
        severity: "error",
        message: "Сума не збігається",
        location: { line: 3, ref: "item:d1.1" },
      },
    ];
    const json = exportJson(programme, findings);
    expect(json).toMatch(/^\{\n {2}"programme": \{/);
    expect(json).toContain(`"total": ${2 ** 40 + 7},`);
    const parsed = JSON.parse(json) as ImportResult;
    expect(parsed).toEqual(JSON.parse(JSON.stringify({ programme, findings })));
    expect(Number.isInteger(parsed.programme.directions[0]?.items[0]?.funding[0]?.total)).toBe(true);
  });
});
