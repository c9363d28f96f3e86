import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/domain/model.js";
import { validateProgramme } from "../../src/domain/validate.js";
import { importText } from "../../src/import/index.js";

/** The validator on the real programmes, as the importer reads them. */
const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");

function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.trim() === needle);
  if (index < 0) throw new Error(`no line «${needle}»`);
  return index + 1;
}

function validateFixture(name: string): { text: string; findings: Finding[] } {
  const text = readFileSync(path.join(FIXTURES, name), "utf8");
  return { text, findings: validateProgramme(importText(text).programme) };
}

const SUM_CODES = ["amount.year-sum", "amount.source-sum", "direction.subtotal", "programme.total"];

describe.each(readdirSync(FIXTURES).filter((name) => name.endsWith(".txt")))("%s", (name) => {
  const { findings } = validateFixture(name);

  it("has no amount in UAH under a thousand-UAH header", () => {
    expect(findings.filter((each) => each.code === "amount.unit-suspect")).toEqual([]);
  });

  it("gives every finding a code from the rule list, a message and a location", () => {
    for (const each of findings) {
      expect(each.message.length).toBeGreaterThan(20);
      expect(each.location.ref).toMatch(/^(programme|passport:\d+|item:d[\d.]+|direction:.+|indicator:\d+)$/);
      expect(each.location.line).toBeGreaterThan(0);
    }
  });
});

describe("romny-2026-2028.txt", () => {
  const { text, findings } = validateFixture("romny-2026-2028.txt");
  const codes = (code: string) => findings.filter((each) => each.code === code);

  it("reconciles: task table, direction totals, grand total and passport agree", () => {
    const sums = findings.filter(
      (each) => SUM_CODES.includes(each.code) || each.code.startsWith("passport.funding"),
    );
    expect(sums).toEqual([]);
  });

  it("finds the inverted deadline «2026-2025 роки» on its row", () => {
    const [inverted] = codes("deadline.inverted");
    expect(codes("deadline.inverted")).toHaveLength(1);
    expect(inverted?.message).toContain("2026-2025 роки");
    const printed = lineOf(text, "2026-2025 роки");
    expect(inverted?.location.line).toBeGreaterThan(printed - 6);
    expect(inverted?.location.line).toBeLessThanOrEqual(printed);
  });

  it("finds 126,0 planned in 2026 for a project due in «2027 рік»", () => {
    const outside = codes("deadline.money-outside");
    expect(outside).toHaveLength(1);
    expect(outside[0]?.message).toMatch(/2027 рік.*2026 рік — 126,0 тис\. грн/);
  });

  it("asks for expertise for the 28 000,0 Diia Centre but not for 1 774,0 of computer equipment", () => {
    const messages = codes("expertise.required").map((each) => each.message);
    expect(messages.some((message) => message.includes("28\u00a0000,0"))).toBe(true);
    expect(messages.some((message) => message.includes("1\u00a0774,0"))).toBe(false);
  });

  it("notes that field 4 is empty: not agreed yet", () => {
    expect(codes("passport.not-agreed").map((each) => each.location.ref)).toEqual(["passport:4"]);
  });
});

describe("slobozhanska-2025-2027.txt", () => {
  const { findings } = validateFixture("slobozhanska-2025-2027.txt");

  it("warns that the passport names no sums, and compares nothing", () => {
    const passport = findings.filter((each) => each.code.startsWith("passport.funding"));
    expect(passport.map((each) => [each.code, each.severity])).toEqual([
      ["passport.funding-missing", "warning"],
    ]);
  });
});
