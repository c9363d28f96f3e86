import { describe, expect, it } from "vitest";
import { allItems, type Finding, type Programme } from "../../src/domain/model.js";
import { formatAmount } from "../../src/domain/money.js";
import { RULES, validateProgramme } from "../../src/domain/validate.js";
import { fundingRow, indicator, itemById, row, th, validProgramme, years } from "./builders.js";

/** Validates, and checks every finding against the published rule list on the way. */
function run(programme: Programme): Finding[] {
  const findings = validateProgramme(programme);
  for (const each of findings) {
    expect(RULES.find((rule) => rule.code === each.code)?.severity, each.code).toBe(each.severity);
  }
  return findings;
}

function withCode(programme: Programme, code: string): Finding[] {
  return run(programme).filter((each) => each.code === code);
}

/** "1 774,0" the way messages print it (uk-UA, NBSP groups). */
function shown(text: string): string {
  return formatAmount(th(text), "thousand");
}

interface Expected {
  severity: "error" | "warning";
  ref: string;
  line: number;
  mentions?: string[];
}

function expectOne(programme: Programme, code: string, expected: Expected): Finding {
  const found = withCode(programme, code);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  const [only] = found as [Finding];
  expect(only.severity).toBe(expected.severity);
  expect(only.location).toEqual({ line: expected.line, ref: expected.ref });
  for (const text of expected.mentions ?? []) expect(only.message).toContain(text);
  return only;
}

function edit(change: (programme: Programme) => void): Programme {
  const programme = validProgramme();
  change(programme);
  return programme;
}

describe("the reference programme", () => {
  it("reconciles and is complete, so it has no findings at all", () => {
    expect(run(validProgramme())).toEqual([]);
  });

  it("publishes each code once with a Ukrainian description", () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) expect(rule.message.uk).toMatch(/[а-яіїєґ]/i);
  });
});

describe("amount.year-sum", () => {
  const broken = () =>
    edit((p) => Object.assign(fundingRow(itemById(p, "d1.1.1"), 0), { total: th("1784,0") }));

  it("flags a printed total that is not the sum of the years", () => {
    expectOne(broken(), "amount.year-sum", {
      severity: "error",
      ref: "item:d1.1.1",
      line: 102,
      mentions: [shown("1784,0"), shown("1774,0")],
    });
  });

  it("is satisfied once the years add up to the printed total", () => {
    const fixed = broken();
    const target = fundingRow(itemById(fixed, "d1.1.1"), 0);
    target.byYear["2028"] = th("710,0");
    expect(withCode(fixed, "amount.year-sum")).toEqual([]);
  });

  it("ignores totals the importer computed itself", () => {
    const programme = broken();
    fundingRow(itemById(programme, "d1.1.1"), 0).totalPrinted = false;
    expect(withCode(programme, "amount.year-sum")).toEqual([]);
  });

  it("checks declared total rows too", () => {
    const programme = edit((p) => {
      fundingRow(p, 0).total = th("3000,0");
    });
    expectOne(programme, "amount.year-sum", {
      severity: "error",
      ref: "programme",
      line: 130,
      mentions: [shown("3000,0"), shown("3564,0")],
    });
  });
});

describe("amount.source-sum", () => {
  const broken = () =>
    edit((p) => {
      fundingRow(itemById(p, "d1.1.2"), 2).byYear["2027"] = th("460,0");
      fundingRow(itemById(p, "d1.1.2"), 2).total = th("910,0");
    });

  it("flags a project whose total row disagrees with its source rows, overall and per year", () => {
    expectOne(broken(), "amount.source-sum", {
      severity: "error",
      ref: "item:d1.1.2",
      line: 104,
      mentions: [shown("990,0"), shown("1000,0"), "2027", shown("490,0"), shown("500,0")],
    });
  });

  it("is satisfied when the total row is corrected", () => {
    const fixed = broken();
    Object.assign(fundingRow(itemById(fixed, "d1.1.2"), 0), {
      total: th("1000,0"),
      byYear: { "2026": th("500,0"), "2027": th("500,0") },
    });
    expect(withCode(fixed, "amount.source-sum")).toEqual([]);
  });
});

describe("direction.subtotal", () => {
  it("flags a per-source direction row that disagrees with the items, per year and overall", () => {
    const programme = edit((p) => {
      const local = fundingRow(p.directions[0] ?? {}, 1);
      local.byYear["2028"] = th("710,0");
      local.total = th("1874,0");
    });
    expectOne(programme, "direction.subtotal", {
      severity: "error",
      ref: "direction:1",
      line: 111,
      mentions: [shown("1874,0"), shown("1864,0"), shown("710,0"), shown("700,0"), "місцевий бюджет"],
    });
  });

  it("flags the direction's total row against all its items", () => {
    const programme = edit((p) => {
      Object.assign(fundingRow(p.directions[0] ?? {}, 0), { total: th("2700,0"), totalPrinted: false });
    });
    expectOne(programme, "direction.subtotal", {
      severity: "error",
      ref: "direction:1",
      line: 110,
      mentions: [shown("2700,0"), shown("2764,0")],
    });
  });

  it("is satisfied when an item changes and the subtotal follows it", () => {
    const programme = edit((p) => {
      fundingRow(itemById(p, "d2.1"), 0).byYear["2028"] = th("900,0");
      fundingRow(itemById(p, "d2.1"), 0).total = th("900,0");
    });
    expect(withCode(programme, "direction.subtotal")).toHaveLength(1);
    const direction = programme.directions[1];
    if (!direction) throw new Error("no direction 2");
    Object.assign(fundingRow(direction, 0), { total: th("900,0"), byYear: { "2028": th("900,0") } });
    expect(withCode(programme, "direction.subtotal")).toEqual([]);
  });
});

describe("programme.total", () => {
  it("flags the grand total row when it disagrees with all items", () => {
    const programme = edit((p) => {
      Object.assign(fundingRow(p, 0), { total: th("3544,0"), totalPrinted: false });
      fundingRow(p, 0).byYear["2027"] = th("1100,0");
    });
    expectOne(programme, "programme.total", {
      severity: "error",
      ref: "programme",
      line: 130,
      mentions: [shown("3544,0"), shown("3564,0"), shown("1100,0"), shown("1120,0")],
    });
  });
});

describe("passport.funding-*", () => {
  it("flags the passport total", () => {
    const programme = edit((p) => {
      p.passport.funding.total = th("3600,0");
    });
    expectOne(programme, "passport.funding-total", {
      severity: "error",
      ref: "passport:10",
      line: 30,
      mentions: [shown("3600,0"), shown("3564,0")],
    });
  });

  it("flags a passport year", () => {
    const programme = edit((p) => {
      p.passport.funding.byYear["2027"] = th("1200,0");
    });
    expectOne(programme, "passport.funding-year", {
      severity: "error",
      ref: "passport:10",
      line: 30,
      mentions: ["2027", shown("1200,0"), shown("1120,0")],
    });
  });

  it("flags a passport source, and a source with money that the passport leaves out", () => {
    const wrong = edit((p) => {
      p.passport.funding.bySource.local = th("1800,0");
    });
    expectOne(wrong, "passport.funding-source", {
      severity: "error",
      ref: "passport:10",
      line: 30,
      mentions: [shown("1800,0"), shown("1864,0"), "місцевий бюджет"],
    });
    const omitted = edit((p) => {
      delete p.passport.funding.bySource.other;
      delete p.passport.funding.bySourceByYear.other;
    });
    expectOne(omitted, "passport.funding-source", {
      severity: "error",
      ref: "passport:10",
      line: 30,
      mentions: [shown("1700,0"), "інші джерела"],
    });
  });

  it("flags a passport source's year", () => {
    const programme = edit((p) => {
      const other = p.passport.funding.bySourceByYear.other ?? {};
      other["2028"] = th("28930,0");
    });
    expectOne(programme, "passport.funding-source", {
      severity: "error",
      ref: "passport:10",
      line: 30,
      mentions: ["2028", shown("28930,0"), shown("800,0")],
    });
  });

  /** The table's "other" money printed under a label naming several sources. */
  const otherAsMixed = (p: Programme) => {
    for (const row of allItems(p).flatMap((item) => item.funding)) {
      if (row.source !== "other") continue;
      row.source = "mixed";
      row.label = "Кошти бюджету громади, інші джерела, не заборонені законодавством";
    }
  };

  it("lets rows naming several sources hold a passport source's difference, and never lists them as a source", () => {
    expect(withCode(edit(otherAsMixed), "passport.funding-source")).toEqual([]);
    const beyond = edit((p) => {
      otherAsMixed(p);
      p.passport.funding.bySource.other = th("1800,0");
    });
    expectOne(beyond, "passport.funding-source", {
      severity: "error",
      ref: "passport:10",
      line: 30,
      mentions: [shown("1800,0"), "інші джерела"],
    });
  });

  const noPassportSums = (p: Programme) => {
    p.passport.funding = { total: null, byYear: {}, bySource: {}, bySourceByYear: {}, line: 30 };
  };

  it("does not compare a passport without amounts, but warns that the table's sum is missing there", () => {
    const programme = edit(noPassportSums);
    const findings = run(programme).filter((each) => each.code.startsWith("passport.funding"));
    expect(findings.map((each) => each.code)).toEqual(["passport.funding-missing"]);
    expectOne(programme, "passport.funding-missing", {
      severity: "warning",
      ref: "passport:10",
      line: 30,
      mentions: [shown("3564,0")],
    });
  });

  it("warns when neither the passport nor the table names any sum", () => {
    const programme = edit((p) => {
      noPassportSums(p);
      for (const direction of p.directions) direction.declaredTotals = [];
      p.declaredTotals = [];
      for (const id of ["d1.1.1", "d1.1.2", "d2.1"]) itemById(p, id).funding = [];
    });
    expectOne(programme, "passport.funding-missing", { severity: "warning", ref: "passport:10", line: 30 });
    programme.passport.funding.bySource = { local: 0 };
    expect(withCode(programme, "passport.funding-missing")).toEqual([]);
  });
});

describe("amount.unit-suspect", () => {
  it("flags a printed total that reconciles with the years once divided by 1000", () => {
    const programme = edit((p) => {
      fundingRow(itemById(p, "d1.1.1"), 0).total = th("1774000,0");
    });
    expectOne(programme, "amount.unit-suspect", {
      severity: "error",
      ref: "item:d1.1.1",
      line: 102,
      mentions: [shown("1774000,0"), shown("1774,0")],
    });
  });

  it("flags a year amount that reconciles with the printed total once divided by 1000", () => {
    const programme = edit((p) => {
      fundingRow(itemById(p, "d1.1.1"), 0).byYear["2027"] = th("630000,0");
    });
    expectOne(programme, "amount.unit-suspect", {
      severity: "error",
      ref: "item:d1.1.1",
      line: 102,
      mentions: ["2027", shown("630000,0"), shown("630,0")],
    });
  });

  it("flags an outlier 1000 times the median and over 100 000,0 thousand", () => {
    const programme = edit((p) => {
      itemById(p, "d1.1.1").funding = [row("local", ["444,0", "630,0", "700000,0"], 102)];
    });
    // Other amounts: 444, 630, 50, 40, 450, 450, 800 → median 450,0.
    expectOne(programme, "amount.unit-suspect", {
      severity: "error",
      ref: "item:d1.1.1",
      line: 102,
      mentions: [shown("700000,0"), shown("450,0")],
    });
  });

  it("flags a source row that agrees with its project's total row once divided by 1000", () => {
    const programme = edit((p) => {
      const local = fundingRow(itemById(p, "d1.1.2"), 1);
      local.total = th("90000,0");
      local.totalPrinted = false;
      local.byYear = { "2026": th("50000,0"), "2027": th("40000,0") };
    });
    expectOne(programme, "amount.unit-suspect", {
      severity: "error",
      ref: "item:d1.1.2",
      line: 105,
      mentions: [shown("90000,0"), shown("90,0"), shown("990,0")],
    });
  });

  it("flags a project's total row 1000 times its source rows", () => {
    const programme = edit((p) => {
      fundingRow(itemById(p, "d1.1.2"), 0).total = th("990000,0");
      fundingRow(itemById(p, "d1.1.2"), 0).totalPrinted = false;
    });
    expectOne(programme, "amount.unit-suspect", {
      severity: "error",
      ref: "item:d1.1.2",
      line: 104,
      mentions: [shown("990000,0"), shown("990,0")],
    });
  });

  it("does not flag a big but plausible amount, nor any amount in a table printed in UAH", () => {
    const big = edit((p) => {
      itemById(p, "d2.1").funding = [row("other", ["-", "-", "28000,0"], 121, "28000,0")];
    });
    expect(withCode(big, "amount.unit-suspect")).toEqual([]);
    const inUah = edit((p) => {
      p.unit = "uah";
      itemById(p, "d1.1.1").funding = [row("local", ["444,0", "630,0", "700000,0"], 102)];
    });
    expect(withCode(inUah, "amount.unit-suspect")).toEqual([]);
  });
});

describe("passport fields, KATOTTG and period", () => {
  it("flags a missing passport field at the passport's first line, and an empty one at its own", () => {
    const missing = edit((p) => {
      p.passport.fields = p.passport.fields.filter((field) => field.number !== 5);
    });
    expectOne(missing, "passport.missing-field", {
      severity: "error",
      ref: "passport:5",
      line: 21,
      mentions: ["5"],
    });
    const empty = edit((p) => {
      const field = p.passport.fields.find((each) => each.number === 7);
      if (field) field.value = "  ";
    });
    expectOne(empty, "passport.missing-field", { severity: "error", ref: "passport:7", line: 27 });
  });

  it("accepts field 10 with amounts but no text, and never requires field 4", () => {
    const programme = edit((p) => {
      for (const field of p.passport.fields) if (field.number === 10 || field.number === 4) field.value = "";
    });
    expect(withCode(programme, "passport.missing-field")).toEqual([]);
    expectOne(programme, "passport.not-agreed", { severity: "warning", ref: "passport:4", line: 24 });
  });

  it("flags a KATOTTG code without 17 digits", () => {
    const programme = edit((p) => {
      p.community.katottg = "UA1202001000001234";
    });
    expectOne(programme, "katottg.invalid", {
      severity: "error",
      ref: "passport:2",
      line: 22,
      mentions: ["UA1202001000001234"],
    });
  });

  it("flags an inverted or unknown period, and warns about a long one", () => {
    const inverted = edit((p) => {
      p.period = { from: 2028, to: 2026 };
    });
    expectOne(inverted, "period.invalid", {
      severity: "error",
      ref: "passport:9",
      line: 29,
      mentions: ["2028", "2026"],
    });
    const unknown = edit((p) => {
      p.period = { from: 0, to: 0 };
    });
    expectOne(unknown, "period.invalid", { severity: "error", ref: "passport:9", line: 29 });
    const long = edit((p) => {
      p.period = { from: 2026, to: 2032 };
    });
    expectOne(long, "period.long", {
      severity: "warning",
      ref: "passport:9",
      line: 29,
      mentions: ["2026", "2032"],
    });
    expect(
      withCode(
        edit((p) => Object.assign(p, { period: { from: 2026, to: 2030 } })),
        "period.long",
      ),
    ).toEqual([]);
  });

  it("flags money in a year outside the period", () => {
    const programme = edit((p) => {
      const centre = fundingRow(itemById(p, "d2.1"), 0);
      centre.byYear["2029"] = th("100,0");
    });
    expectOne(programme, "period.year-outside", {
      severity: "error",
      ref: "item:d2.1",
      line: 121,
      mentions: ["2029", shown("100,0"), "2026–2028"],
    });
    const inSpan = edit((p) => {
      fundingRow(itemById(p, "d2.1"), 0).spans = { "2026-2027": th("7,0"), "2028-2029": th("30,0") };
    });
    expectOne(inSpan, "period.year-outside", {
      severity: "error",
      ref: "item:d2.1",
      line: 121,
      mentions: ["2028–2029 роки", shown("30,0"), "2026–2028"],
    });
    expect(withCode(inSpan, "period.year-outside")[0]?.message).not.toContain("2026–2027");
    const inPassport = edit((p) => {
      p.passport.funding.byYear["2025"] = th("5,0");
    });
    expectOne(inPassport, "period.year-outside", {
      severity: "error",
      ref: "passport:10",
      line: 30,
      mentions: ["2025"],
    });
  });
});

describe("deadlines", () => {
  it("flags an inverted deadline", () => {
    const programme = edit((p) => {
      Object.assign(itemById(p, "d2.1"), { deadline: years(2028, 2027), deadlineText: "2028-2027 роки" });
    });
    expectOne(programme, "deadline.inverted", {
      severity: "error",
      ref: "item:d2.1",
      line: 121,
      mentions: ["2028-2027 роки", "2027-2028"],
    });
    expect(withCode(programme, "deadline.money-outside")).toEqual([]);
    const reachingBack = edit((p) => {
      Object.assign(itemById(p, "d2.1"), { deadline: years(2028, 2025), deadlineText: "2028-2025 роки" });
    });
    expect(withCode(reachingBack, "deadline.inverted")).toHaveLength(1);
    expect(withCode(reachingBack, "deadline.outside-period")).toEqual([]);
  });

  it("warns about deadlines beyond the programme period, in years or quarters", () => {
    const programme = edit((p) => {
      Object.assign(itemById(p, "d2.1"), { deadline: years(2028, 2029), deadlineText: "2028-2029 роки" });
      Object.assign(itemById(p, "d2.2"), {
        deadline: { kind: "quarter", quarter: 4, year: 2025 },
        deadlineText: "IV квартал 2025",
      });
    });
    const found = withCode(programme, "deadline.outside-period");
    expect(found.map((each) => [each.location.ref, each.location.line, each.severity])).toEqual([
      ["item:d2.1", 121, "warning"],
      ["item:d2.2", 123, "warning"],
    ]);
    expect(found[0]?.message).toContain("2026–2028");
  });

  it("warns about money planned outside the item's own deadline", () => {
    const programme = edit((p) => {
      Object.assign(itemById(p, "d2.1"), { deadline: years(2027, 2027), deadlineText: "2027 рік" });
    });
    expectOne(programme, "deadline.money-outside", {
      severity: "warning",
      ref: "item:d2.1",
      line: 121,
      mentions: ["2027 рік", "2028", shown("800,0"), "у 2027 році"],
    });
  });

  it("checks money against the years of a listed deadline and of one open to the programme's end", () => {
    const listed = edit((p) => {
      Object.assign(itemById(p, "d2.1"), {
        deadline: { kind: "years", from: 2026, to: 2028, years: [2026, 2028] },
        deadlineText: "2026, 2028",
      });
      fundingRow(itemById(p, "d2.1"), 0).byYear["2027"] = th("5,0");
    });
    expectOne(listed, "deadline.money-outside", {
      severity: "warning",
      ref: "item:d2.1",
      line: 121,
      mentions: ["«2026, 2028»", "2027", shown("5,0"), "у 2026, 2028 роках"],
    });
    const since = edit((p) => {
      Object.assign(itemById(p, "d2.1"), {
        deadline: { kind: "programme", from: 2028 },
        deadlineText: "з 2028 року",
      });
      fundingRow(itemById(p, "d2.1"), 0).byYear["2027"] = th("5,0");
    });
    expectOne(since, "deadline.money-outside", {
      severity: "warning",
      ref: "item:d2.1",
      line: 121,
      mentions: ["«з 2028 року»", shown("5,0"), "у 2028 році"],
    });
    const until = edit((p) => {
      Object.assign(itemById(p, "d2.1"), {
        deadline: { kind: "programme", to: 2029 },
        deadlineText: "до 2029 року",
      });
    });
    expect(withCode(until, "deadline.money-outside")).toEqual([]);
    expect(withCode(until, "deadline.outside-period").map((each) => each.location.ref)).toEqual([
      "item:d2.1",
    ]);
  });

  it("warns about money printed for a span of years reaching beyond the item's deadline", () => {
    const withSpan = (span: string) =>
      edit((p) => {
        const item = itemById(p, "d2.1");
        Object.assign(item, { deadline: years(2026, 2027), deadlineText: "2026-2027 роки" });
        const row = fundingRow(item, 0);
        row.byYear = {};
        row.spans = { [span]: th("12,5") };
      });
    expectOne(withSpan("2027-2028"), "deadline.money-outside", {
      severity: "warning",
      ref: "item:d2.1",
      line: 121,
      mentions: ["2027–2028 роки", shown("12,5"), "у 2026–2027 роках"],
    });
    expect(withCode(withSpan("2026-2027"), "deadline.money-outside")).toEqual([]);
  });
});

describe("item completeness", () => {
  it("flags a leaf without executors, and not the task above it", () => {
    const programme = edit((p) => {
      itemById(p, "d1.1.1").executors = [" "];
    });
    expectOne(programme, "item.no-executor", { severity: "warning", ref: "item:d1.1.1", line: 102 });
  });

  it("lets a task's own executors cover its projects", () => {
    const programme = edit((p) => {
      itemById(p, "d1.1.1").executors = [];
      itemById(p, "d1.1").executors = ["управління освіти"];
    });
    expect(withCode(programme, "item.no-executor")).toEqual([]);
  });

  it("flags a missing deadline and a missing expected result", () => {
    const programme = edit((p) => {
      Object.assign(itemById(p, "d2.2"), { deadline: null, deadlineText: "" });
      itemById(p, "d2.1").expectedResult = "";
    });
    expectOne(programme, "item.no-deadline", { severity: "warning", ref: "item:d2.2", line: 123 });
    expectOne(programme, "item.no-result", { severity: "warning", ref: "item:d2.1", line: 121 });
  });

  it("treats a task without children as a leaf", () => {
    const programme = edit((p) => {
      const task = itemById(p, "d1.1");
      task.children = [];
      task.funding = [row("local", ["1,0", "-", "-"], 101)];
    });
    const codes = run(programme).filter((each) => each.location.ref === "item:d1.1");
    expect(codes.map((each) => each.code).sort()).toEqual([
      "item.no-deadline",
      "item.no-executor",
      "item.no-result",
    ]);
  });
});

describe("funding.none-with-amounts", () => {
  it("flags money in a row that needs no funding", () => {
    const programme = edit((p) => {
      itemById(p, "d2.2").funding = [{ ...row("none", ["50,0", "-", "-"], 123), label: " " }];
    });
    expectOne(programme, "funding.none-with-amounts", {
      severity: "error",
      ref: "item:d2.2",
      line: 123,
      mentions: [shown("50,0"), "«не потребує фінансування»"],
    });
  });
});

describe("indicators", () => {
  it("warns about a percentage stated as fractions", () => {
    const programme = edit((p) => {
      p.indicators = [
        indicator({ baseline: "0,37", targets: { "2026": "0,39", "2027": "0,41", "2028": "0,43" } }),
      ];
    });
    expectOne(programme, "indicator.formula-scale", {
      severity: "warning",
      ref: "indicator:0",
      line: 200,
      mentions: ["0,37", "0,43"],
    });
  });

  it("warns about a share above 100 %", () => {
    const programme = edit((p) => {
      p.indicators = [indicator({ targets: { "2026": "39,0", "2027": "120", "2028": "43,0" } })];
    });
    expectOne(programme, "indicator.formula-scale", {
      severity: "warning",
      ref: "indicator:0",
      line: 200,
      mentions: ["120"],
    });
  });

  it("leaves fractions alone when the indicator is not a percentage", () => {
    const programme = edit((p) => {
      p.indicators = [
        indicator({
          name: "Кількість серверів",
          unit: "од.",
          baseline: "0",
          targets: { "2026": "1", "2027": "1", "2028": "1" },
        }),
      ];
    });
    expect(withCode(programme, "indicator.formula-scale")).toEqual([]);
  });

  it("warns about missing targets and names the years", () => {
    const programme = edit((p) => {
      p.indicators = [
        indicator(),
        indicator({ number: "2", line: 210, targets: { "2026": "40", "2027": "" } }),
      ];
    });
    expectOne(programme, "indicator.target-missing", {
      severity: "warning",
      ref: "indicator:1",
      line: 210,
      mentions: ["2027", "2028"],
    });
    const unnumbered = edit((p) => {
      p.indicators = [indicator({ number: " ", targets: {} })];
    });
    expect(withCode(unnumbered, "indicator.target-missing")[0]?.message).toMatch(/^Індикатор «% комп’ютерів/);
  });
});

describe("expertise.required", () => {
  it("flags a project of 1 000 000 UAH and names the general threshold", () => {
    const programme = edit((p) => {
      itemById(p, "d2.1").funding = [row("other", ["-", "-", "1000,0"], 121)];
    });
    expectOne(programme, "expertise.required", {
      severity: "warning",
      ref: "item:d2.1",
      line: 121,
      mentions: [shown("1000,0"), formatAmount(100_000_000, "uah"), "загальний поріг"],
    });
    itemById(programme, "d2.1").funding = [row("other", ["-", "-", "999,9"], 121)];
    expect(withCode(programme, "expertise.required")).toEqual([]);
  });

  it("uses the 5 000 000 UAH threshold for computer equipment", () => {
    const below = validProgramme();
    expect(withCode(below, "expertise.required")).toEqual([]);
    const programme = edit((p) => {
      itemById(p, "d1.1.1").funding = [row("local", ["2000,0", "2000,0", "1000,0"], 102)];
    });
    expectOne(programme, "expertise.required", {
      severity: "warning",
      ref: "item:d1.1.1",
      line: 102,
      mentions: [shown("5000,0"), formatAmount(500_000_000, "uah"), "обладнання"],
    });
    const notEquipment = edit((p) => {
      itemById(p, "d1.1.1").title = "розроблення вебпорталу";
    });
    expectOne(notEquipment, "expertise.required", { severity: "warning", ref: "item:d1.1.1", line: 102 });
  });
});

describe("ordering", () => {
  it("orders findings by line, then by code", () => {
    const programme = edit((p) => {
      p.community.katottg = "";
      Object.assign(itemById(p, "d2.1"), {
        deadline: years(2027, 2027),
        deadlineText: "2027 рік",
        expectedResult: "",
      });
      fundingRow(itemById(p, "d1.1.1"), 0).total = th("1784,0");
    });
    const findings = run(programme);
    const keys = findings.map((each) => [each.location.line, each.code] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
    expect(keys).toEqual(sorted);
    expect(keys).toContainEqual([121, "deadline.money-outside"]);
    expect(keys).toContainEqual([121, "item.no-result"]);
    expect(keys[0]).toEqual([22, "katottg.invalid"]);
  });
});

describe("indicator numbers", () => {
  it("reads a plain number as the cell's normalised reading does, and other cells by that reading", async () => {
    const { indicatorNumber } = await import("../../src/domain/rules/indicators.js");
    const { normalizeNumberText } = await import("../../src/domain/money.js");
    const normalised = (text: string) => {
      const bare = normalizeNumberText(text.replace(/%/g, ""));
      return /^[+-]?\d+(?:[.,]\d+)?$/.test(bare) ? Number(bare.replace(",", ".")) : null;
    };
    const cells = [
      "100",
      "0",
      "37,5",
      "0.37",
      "-3",
      "+2",
      "007",
      " 43 %",
      "1 000,5",
      "1.000,5",
      "на 2025 рік 37",
      "",
    ];
    for (const cell of cells) expect(indicatorNumber(cell)).toBe(normalised(cell));
    expect(indicatorNumber("37,5")).toBe(37.5);
  });
});
