import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateProgramme } from "../../src/domain/validate.js";
import { importText } from "../../src/import/index.js";
import {
  withIndicatorTarget,
  withIndicatorText,
  withNewIndicator,
  withoutIndicator,
  withPassportField,
  withSectionText,
} from "../../web/src/lib/programmeEdits.js";
import { FIXTURES } from "../import/support.js";

const romny = importText(readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8")).programme;
const codes = (programme: typeof romny) =>
  validateProgramme(programme).map((each) => `${each.code} ${each.location.ref}`);

describe("editing the passport, indicators and texts", () => {
  it("fills the empty passport field 4, and its finding goes", () => {
    expect(codes(romny)).toContain("passport.not-agreed passport:4");
    const edited = withPassportField(romny, 4, "лист Мінцифри від 01.12.2025 № 1/1234");
    expect(edited.passport.fields.find((field) => field.number === 4)?.value).toContain("Мінцифри");
    expect(codes(edited)).not.toContain("passport.not-agreed passport:4");
    expect(romny.passport.fields.find((field) => field.number === 4)?.value).toBe("");
  });

  it("adds a passport field the document lacked, in its place", () => {
    const without = {
      ...romny,
      passport: { ...romny.passport, fields: romny.passport.fields.filter((f) => f.number !== 6) },
    };
    expect(codes(without)).toContain("passport.missing-field passport:6");
    const edited = withPassportField(without, 6, "робоча група");
    expect(edited.passport.fields.map((field) => field.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(codes(edited)).not.toContain("passport.missing-field passport:6");
  });

  it("clears and sets an indicator's target, with the finding following", () => {
    const cleared = withIndicatorTarget(romny, 0, "2027", "");
    expect(cleared.indicators[0]?.targets).toEqual({ 2026: "39,0", 2028: "43,0" });
    expect(codes(cleared)).toContain("indicator.target-missing indicator:0");
    const set = withIndicatorTarget(cleared, 0, "2027", "42,0");
    expect(set.indicators[0]?.targets["2027"]).toBe("42,0");
    expect(codes(set)).not.toContain("indicator.target-missing indicator:0");
  });

  it("changes an indicator's unit, adds and removes indicators", () => {
    expect(withIndicatorText(romny, 1, "unit", "шт.").indicators[1]?.unit).toBe("шт.");
    const added = withNewIndicator(romny);
    expect(added.indicators).toHaveLength(romny.indicators.length + 1);
    expect(withoutIndicator(added, added.indicators.length - 1).indicators).toEqual(romny.indicators);
  });

  it("edits the analysis text and adds a missing monitoring section", () => {
    const edited = withSectionText(romny, "analysis", "ignored", "Новий аналіз <script>alert(1)</script>");
    expect(edited.sections.find((section) => section.key === "analysis")?.text).toBe(
      "Новий аналіз <script>alert(1)</script>",
    );
    const without = { ...romny, sections: romny.sections.filter((section) => section.key !== "monitoring") };
    const added = withSectionText(without, "monitoring", "Моніторинг", "Щороку");
    expect(added.sections.at(-1)).toEqual({
      key: "monitoring",
      title: "Моніторинг",
      text: "Щороку",
      line: 0,
    });
  });
});
