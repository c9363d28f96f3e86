import { describe, expect, it } from "vitest";
import type { Finding, Programme } from "../../src/domain/model.js";
import { formatAmount } from "../../src/domain/money.js";
import { RULES, validateProgramme } from "../../src/domain/validate.js";
import { th, validProgramme } from "./builders.js";

/** The reference programme's passport (field 10 adds up: 3564,0 = 944 + 1120 + 1500 = 1864 + 1700). */
function passportOnly(change: (programme: Programme) => void = () => {}): Programme {
  const programme = validProgramme();
  programme.directions = [];
  programme.declaredTotals = [];
  change(programme);
  return programme;
}

function fundingFindings(programme: Programme): Finding[] {
  return validateProgramme(programme).filter((each) => each.code.startsWith("passport.funding"));
}

function parts(programme: Programme): Finding[] {
  const found = fundingFindings(programme);
  for (const each of found) {
    expect(each.code).toBe("passport.funding-parts");
    expect(each.location).toEqual({ line: 30, ref: "passport:10" });
    expect(each.severity).toBe(RULES.find((rule) => rule.code === each.code)?.severity);
  }
  return found;
}

const shown = (text: string) => formatAmount(th(text), "thousand");

describe("passport.funding-parts (field 10 against itself, with no task table)", () => {
  it("finds nothing in a field 10 that adds up, and does not compare it with an absent table", () => {
    expect(fundingFindings(passportOnly())).toEqual([]);
  });

  it("names the years when they do not add up to the total, and the year its sources do not fill", () => {
    const [years, year2028, ...rest] = parts(
      passportOnly((p) => {
        p.passport.funding.byYear["2028"] = th("1600,0");
      }),
    );
    expect(rest).toEqual([]);
    for (const text of ["загальний обсяг", "сума за роками", "2028 рік", shown("1600,0"), shown("3664,0")]) {
      expect(years?.message).toContain(text);
    }
    expect(years?.message).toContain(shown("3564,0"));
    expect(year2028?.message).toContain(`2028 рік — ${shown("1600,0")}`);
    expect(year2028?.message).toContain(`сума джерел (місцевий бюджет – ${shown("700,0")}`);
  });

  it("names the sources when they do not add up to the total", () => {
    const found = parts(
      passportOnly((p) => {
        p.passport.funding.bySource = { local: th("1864,0"), oblast: th("1800,0") };
        p.passport.funding.bySourceByYear = {};
      }),
    );
    expect(found).toHaveLength(1);
    for (const text of [
      "сума джерел",
      "місцевий бюджет",
      "обласний бюджет",
      shown("3664,0"),
      shown("3564,0"),
    ]) {
      expect(found[0]?.message).toContain(text);
    }
  });

  it("names the source whose years do not add up to its amount", () => {
    const found = parts(passportOnly((p) => (p.passport.funding.bySource.local = th("1900,0"))));
    // The source's own years, and the sources against the total.
    expect(found.map((each) => each.message)).toEqual([
      expect.stringContaining("сума джерел"),
      expect.stringContaining("джерело «місцевий бюджет» — "),
    ]);
    expect(found[1]?.message).toContain(shown("1864,0"));
  });

  it("names each year whose sources do not add up to it", () => {
    const found = parts(
      passportOnly((p) => {
        p.passport.funding.byYear["2026"] = th("954,0");
        p.passport.funding.byYear["2027"] = th("1110,0");
      }),
    );
    expect(found.map((each) => each.message)).toEqual([
      expect.stringContaining("2026 рік — "),
      expect.stringContaining("2027 рік — "),
    ]);
    expect(found[0]?.message).toContain(shown("944,0"));
    expect(found[1]?.message).toContain(shown("1120,0"));
  });

  it("with no total printed, holds the years against the sources", () => {
    const found = parts(
      passportOnly((p) => {
        p.passport.funding.total = null;
        p.passport.funding.bySource.other = th("1600,0");
        p.passport.funding.bySourceByYear = {};
      }),
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain("сума за роками");
    expect(found[0]?.message).toContain(shown("3464,0"));
  });

  it("does not split years between sources that print no years", () => {
    const programme = passportOnly((p) => {
      p.passport.funding.bySourceByYear = { local: p.passport.funding.bySourceByYear.local ?? {} };
    });
    expect(fundingFindings(programme)).toEqual([]);
  });

  it("stays silent with a task table, where passport.funding-* already compare field 10", () => {
    const programme = validProgramme();
    programme.passport.funding.byYear["2028"] = th("1600,0");
    expect(fundingFindings(programme).map((each) => each.code)).toEqual(["passport.funding-year"]);
  });

  it("stays silent with no passport (passport.absent says it once)", () => {
    const programme = passportOnly((p) => {
      p.passport.fields = [];
      p.passport.funding.total = th("1,0");
    });
    expect(fundingFindings(programme)).toEqual([]);
  });
});
