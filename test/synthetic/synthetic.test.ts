import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CATEGORY_IDS, classifyProgramme, classifyText } from "../../src/domain/classify/index.js";
import { allItems, type Programme } from "../../src/domain/model.js";
import {
  createRandom,
  DIRECTIONS,
  fillTemplate,
  generateCommunities,
  generateNation,
  INDICATORS_PER_PROGRAMME,
  OBLASTS,
  PROJECTS_PER_PROGRAMME,
  SLOTS,
  splitWhole,
  TASK_TEMPLATES,
  TITLE_TEMPLATES,
} from "../../src/domain/synthetic/index.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { validateProgramme } from "../../src/domain/validate.js";

const COUNT = 50;

function leaves(programme: Programme) {
  return allItems(programme).filter((item) => item.children.length === 0);
}
const nation = [...generateNation({ seed: 20260202, communities: COUNT })];

function digest(items: unknown): string {
  return createHash("sha256").update(JSON.stringify(items)).digest("hex");
}

describe("determinism", () => {
  it("gives identical output for the same seed and different output for another", () => {
    const again = [...generateNation({ seed: 20260202, communities: COUNT })];
    expect(digest(again)).toBe(digest(nation));
    expect(digest([...generateNation({ seed: 7, communities: COUNT })])).not.toBe(digest(nation));
  });

  it("makes community i depend only on the seed and i, so a shorter run is a prefix", () => {
    const first10 = [...generateNation({ seed: 20260202, communities: 10 })];
    expect(digest(first10)).toBe(digest(nation.slice(0, 10)));
  });
});

describe("shape of every generated programme", () => {
  it("stays within the bounds of the real programmes", () => {
    for (const { programme } of nation) {
      const { from, to } = programme.period;
      expect(to - from, programme.title).toBe(2);
      expect([2024, 2025, 2026]).toContain(from);
      expect(programme.directions.length).toBeGreaterThanOrEqual(3);
      expect(programme.directions.length).toBeLessThanOrEqual(5);
      const projects = leaves(programme).length;
      expect(projects).toBeGreaterThanOrEqual(PROJECTS_PER_PROGRAMME.min);
      expect(projects).toBeLessThanOrEqual(PROJECTS_PER_PROGRAMME.max);
      expect(programme.indicators.length).toBeGreaterThanOrEqual(INDICATORS_PER_PROGRAMME.min);
      expect(programme.indicators.length).toBeLessThanOrEqual(INDICATORS_PER_PROGRAMME.max);
      expect(programme.passport.fields.map((field) => field.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(programme.passport.fields.every((field) => field.value.trim() !== "")).toBe(true);
      const directionTitles = new Set(DIRECTIONS.map((direction) => direction.title));
      for (const direction of programme.directions) expect(directionTitles.has(direction.title)).toBe(true);
    }
  });

  it("lists projects flat in some programmes and under tasks (1–3 projects each, funded) in others", () => {
    const nested = nation.filter(({ programme }) =>
      allItems(programme).some((item) => item.children.length > 0),
    );
    expect(nested.length).toBeGreaterThan(0);
    expect(nested.length).toBeLessThan(nation.length);
    for (const { programme } of nested) {
      for (const task of programme.directions.flatMap((direction) => direction.items)) {
        expect(task.children.length).toBeGreaterThanOrEqual(1);
        expect(task.children.length).toBeLessThanOrEqual(3);
        expect(task.funding).toEqual([]);
        for (const project of task.children) expect(project.funding.length).toBeGreaterThan(0);
      }
    }
  });

  it("uses indicator units %, одиниць and Так/Ні with a target for every year", () => {
    const units = new Set(nation.flatMap(({ programme }) => programme.indicators.map((each) => each.unit)));
    expect([...units].sort()).toEqual(["%", "Так/Ні", "одиниць"].sort());
    for (const { programme } of nation) {
      for (const indicator of programme.indicators) {
        expect(Object.keys(indicator.targets)).toEqual(
          ["0", "1", "2"].map((i) => String(programme.period.from + +i)),
        );
        if (indicator.unit === "%")
          expect(Number(indicator.targets[String(programme.period.to)])).toBeLessThanOrEqual(100);
      }
    }
  });

  it("gives communities unique, well-formed KATOTTG codes across all 24 oblasts", () => {
    const big = [...generateCommunities({ seed: 1 })];
    expect(big.length).toBe(1469);
    expect(big.slice(0, COUNT)).toEqual(
      [...generateNation({ seed: 1, communities: COUNT })].map((each) => each.community),
    );
    expect(new Set(big.map((community) => community.katottg)).size).toBe(1469);
    for (const community of big) expect(community.katottg).toMatch(/^UA\d{17}$/);
    expect(new Set(big.map((community) => community.oblast)).size).toBe(OBLASTS.length);
    expect(OBLASTS.length).toBe(24);
    for (const community of big) expect(community.population).toBeGreaterThan(0);
  });
});

describe("money", () => {
  const rows = nation.flatMap(({ programme }) => allItems(programme).flatMap((item) => item.funding));
  const amounts = rows
    .filter((row) => row.source !== "total" && row.total > 0)
    .map((row) => row.total / 100_000)
    .sort((a, b) => a - b);

  it("keeps every amount an exact kopeck integer and every row total the sum of its years", () => {
    for (const row of rows) {
      expect(Number.isSafeInteger(row.total)).toBe(true);
      expect(Object.values(row.byYear).reduce((a, b) => a + b, 0)).toBe(row.total);
    }
  });

  it("draws a log-normal spread: mostly under 500 thousand, some in thousands, rare at 20 000 and over", () => {
    const share = (test: (amount: number) => boolean) => amounts.filter(test).length / amounts.length;
    expect(share((amount) => amount <= 500)).toBeGreaterThan(0.7);
    expect(share((amount) => amount >= 1_000 && amount <= 5_000)).toBeGreaterThan(0.03);
    expect(share((amount) => amount >= 20_000)).toBeLessThan(0.01);
  });

  it("uses local, other, state and 'не потребує' sources", () => {
    const sources = new Set(rows.map((row) => row.source));
    for (const source of ["local", "other", "state", "none", "total"] as const)
      expect(sources.has(source)).toBe(true);
  });

  it("splits a whole exactly", () => {
    const random = createRandom(3);
    for (const whole of [0, 1, 7, 12345]) {
      const parts = splitWhole(random, whole, 3);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(whole);
      expect(parts.every((part) => part >= 0 && Number.isInteger(part))).toBe(true);
    }
  });
});

describe("reconciliation", () => {
  function passportMatchesTable(programme: Programme): boolean {
    const totals = programmeTotals(programme);
    const funding = programme.passport.funding;
    const sources = Object.entries(totals.bySource).filter(([, amount]) => amount !== 0);
    return (
      funding.total === totals.total &&
      JSON.stringify(funding.byYear) === JSON.stringify(totals.byYear) &&
      JSON.stringify(Object.entries(funding.bySource)) === JSON.stringify(sources)
    );
  }

  it("makes passport funding equal to the task-table sums", () => {
    for (const { programme } of nation) expect(passportMatchesTable(programme), programme.title).toBe(true);
  });

  it("passes validateProgramme without error findings", () => {
    for (const { programme } of nation) {
      const errors = validateProgramme(programme).filter((finding) => finding.severity === "error");
      expect(errors, programme.title).toEqual([]);
    }
  });
});

describe("classifier on generated titles", () => {
  it("classifies every title template, with every slot value, into its own category", () => {
    const wrong: string[] = [];
    for (const category of CATEGORY_IDS) {
      for (const template of TITLE_TEMPLATES[category]) {
        for (const title of expansions(template)) {
          const got = classifyText({ title }).category;
          if (got !== category) wrong.push(`${category} → ${got}: ${title}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("classifies every task template into its own category", () => {
    for (const category of CATEGORY_IDS) {
      for (const title of TASK_TEMPLATES[category])
        expect(classifyText({ title }).category, title).toBe(category);
    }
  });

  it("labels generated programmes across all categories, with few 'other'", () => {
    const counts = new Map<string, number>();
    for (const { programme } of nation) {
      for (const result of classifyProgramme(programme).values()) {
        counts.set(result.category, (counts.get(result.category) ?? 0) + 1);
      }
    }
    expect([...counts.keys()].sort()).toEqual([...CATEGORY_IDS].sort());
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect((counts.get("other") ?? 0) / total).toBeLessThan(0.15);
  });

  it("fills every slot of a template", () => {
    expect(fillTemplate(createRandom(1), "Придбання для {org} у {place}")).not.toMatch(/[{}]/);
  });
});

/** Every way a template's slots can be filled (templates have at most one slot). */
function expansions(template: string): string[] {
  const slot = /\{(\w+)\}/.exec(template)?.[1];
  if (!slot) return [template];
  return (SLOTS[slot] ?? []).map((value) => template.replace(`{${slot}}`, value));
}
