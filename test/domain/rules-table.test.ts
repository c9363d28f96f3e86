import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES_DOC_PATH, renderRulesDoc } from "../../scripts/rules-doc.js";
import { RULES, SCOPES } from "../../src/domain/rules/table.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { fixtureNames, importFixture } from "../import/support.js";

describe("the rule table", () => {
  it("has each code once, every text in Ukrainian and in English, and known scopes", () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      for (const text of [rule.message, rule.basis]) {
        expect(text.uk, rule.code).toMatch(/[а-яіїєґ]/i);
        expect(text.en, rule.code).toMatch(/[a-z]/i);
        expect(text.en, rule.code).not.toMatch(/[а-яіїєґ]/i);
      }
      expect(rule.appliesTo.length, rule.code).toBeGreaterThan(0);
      for (const scope of rule.appliesTo) expect(SCOPES[scope], rule.code).toBeDefined();
      expect(rule.code.startsWith("import."), rule.code).toBe(rule.stage === "importer");
    }
  });

  it("is published as docs/rules.md (regenerate with `npx tsx scripts/rules-doc.ts`)", () => {
    expect(readFileSync(RULES_DOC_PATH, "utf8")).toBe(renderRulesDoc());
  });
});

describe("findings on the real programmes", () => {
  it.each(fixtureNames())("%s: every code is in the table, with the table's severity", (name) => {
    const { programme, findings } = importFixture(name);
    const all = [...findings, ...validateProgramme(programme)];
    expect(all.length).toBeGreaterThan(0);
    for (const each of all) {
      expect(RULES.find((rule) => rule.code === each.code)?.severity, each.code).toBe(each.severity);
    }
  });
});
