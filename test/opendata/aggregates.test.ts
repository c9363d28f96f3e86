import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { NationalView } from "../../src/contract/national.js";
import { autoCategories } from "../../src/domain/classify/index.js";
import { allItems, type Direction, type Programme } from "../../src/domain/model.js";
import { generateNation, type SyntheticProgramme } from "../../src/domain/synthetic/index.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { isOutlier, quantile, spread } from "../../src/opendata/stats.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { openTestStore } from "../support/db.js";

const YEAR = 2026;

describe("quantiles and IQR fences", () => {
  it("interpolate linearly between ranks, like percentile_cont", () => {
    expect(quantile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40], 0.25)).toBe(17.5);
    expect(quantile([10, 20, 30, 40], 0.75)).toBe(32.5);
    expect(quantile([7], 0.25)).toBe(7);
    const of = spread([40, 10, 30, 20, 100]);
    expect(of).toMatchObject({ median: 30, q1: 20, q3: 40, low: -10, high: 70 });
    expect(isOutlier(100, of)).toBe(true);
    expect(isOutlier(70, of)).toBe(false);
  });
});

/** A programme of one project with `amount` kopecks in YEAR from the local budget. */
function oneProject(base: SyntheticProgramme, population: number, amount: number): SyntheticProgramme {
  const programme = structuredClone(base.programme);
  const direction = programme.directions[0] as Direction;
  const item = structuredClone(allItems(programme).find((each) => each.children.length === 0));
  if (!item) throw new Error("no project");
  item.id = "d1.1";
  item.title = "Придбання комп'ютерної техніки";
  item.funding = [
    { source: "local", label: "бюджет громади", byYear: { [YEAR]: amount }, total: amount, line: 0 },
  ];
  direction.items = [item];
  programme.directions = [direction];
  programme.period = { from: 2025, to: 2027 };
  return { community: { ...base.community, population }, programme };
}

describe("compare and national view", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: FastifyInstance;
  const nation = [...generateNation({ seed: 3, communities: 30 })];
  // Four hand-made communities in their own oblast: per resident 100, 50, 25 and 2 000 kopecks.
  const hand = [
    [1000, 100_000],
    [2000, 100_000],
    [4000, 100_000],
    [5000, 10_000_000],
  ].map(([population, amount], index) => {
    const made = oneProject(nation[index] as SyntheticProgramme, population ?? 0, amount ?? 0);
    made.community.oblast = "Тестова область";
    made.community.katottg = `UA9900000000000000${index}`;
    made.programme.community.katottg = made.community.katottg;
    return made;
  });

  // A community whose population nobody knows, alone in its oblast: no per-resident figures there.
  const unknown = oneProject(nation[5] as SyntheticProgramme, 0, 50_000);
  unknown.community.oblast = "Область без даних про населення";
  unknown.community.katottg = "UA99000000000000009";
  unknown.programme.community.katottg = unknown.community.katottg;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    await loadProgrammes(store.kysely(), [...nation, ...hand, unknown], { batchSize: 10 });
    app = buildApp({ store, webDist: "/nonexistent" });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("compare gives each programme's money by category and year, and per resident", async () => {
    const chosen = [nation[4], nation[7], nation[9]] as SyntheticProgramme[];
    const response = await app.inject(
      `/api/v1/compare?katottg=${chosen.map((each) => each.community.katottg).join(",")}`,
    );
    expect(response.statusCode).toBe(200);
    const { communities } = response.json();
    expect(communities.map((each: { katottg: string }) => each.katottg)).toEqual(
      chosen.map((each) => each.community.katottg),
    );
    for (const [index, { community, programme }] of chosen.entries()) {
      const [answer] = communities[index].programmes;
      const total = programmeTotals(programme).total;
      expect(answer.total_kopecks).toBe(total);
      expect(answer.per_resident_kopecks).toBe(Math.round(total / community.population));
      const expected = categorySums(programme, null);
      const got = Object.fromEntries(
        answer.by_category
          .filter((cell: { year: number | null }) => cell.year === null)
          .map((cell: { category: string; amount_kopecks: number }) => [cell.category, cell.amount_kopecks]),
      );
      expect(got).toEqual(expected);
    }
    expect((await app.inject(`/api/v1/compare?katottg=${nation[0]?.community.katottg}`)).statusCode).toBe(
      400,
    );
  });

  it("national names each community it lists once, under its own oblast, however many lists have it", async () => {
    const body = (await app.inject(`/api/v1/national?year=${YEAR}`)).body;
    const view = JSON.parse(body) as NationalView;
    const listed = [...view.categories.flatMap((stats) => stats.outliers), ...view.top_communities];
    const codes = new Set(listed.map((each) => each.katottg));
    expect(listed.length).toBeGreaterThan(codes.size);
    for (const each of listed) expect(Object.keys(each).sort()).toEqual(["katottg", "per_resident_kopecks"]);
    const named = view.community_names.flatMap(({ oblast, communities }) =>
      Object.entries(communities).map(([katottg, name]) => ({ katottg, name, oblast })),
    );
    const communities = [...nation, ...hand, unknown].map((each) => each.community);
    expect(new Set(named.map((each) => each.katottg))).toEqual(codes);
    expect(named).toHaveLength(codes.size);
    for (const each of named) {
      const community = communities.find((one) => one.katottg === each.katottg);
      expect(each).toEqual({ katottg: each.katottg, name: community?.name, oblast: community?.oblast });
      const sameName = named.filter((other) => other.name === each.name).length;
      expect(body.split(JSON.stringify(each.name)).length - 1).toBe(sameName);
    }
    const oblasts = view.community_names.map((group) => group.oblast);
    expect(oblasts).toEqual([...oblasts].sort((a, b) => (a ?? "").localeCompare(b ?? "", "uk")));
  });

  it("national names a category by its id only (labels: docs/classification.md, the page's language)", async () => {
    const view = (await app.inject(`/api/v1/national?year=${YEAR}`)).json() as NationalView;
    expect(view.categories.length).toBeGreaterThan(1);
    for (const stats of view.categories) expect(stats).not.toHaveProperty("label");
  });

  it("national medians and quartiles are the plain ones of the per-resident amounts", async () => {
    const view = (await app.inject(`/api/v1/national?year=${YEAR}`)).json() as NationalView;
    const all = [...nation, ...hand].filter(
      ({ programme }) => programme.period.from <= YEAR && programme.period.to >= YEAR,
    );
    expect(view.communities).toBe(all.length + 1);
    const planned = [...nation, ...hand, unknown].flatMap(({ programme }) =>
      allItems(programme).flatMap((item) =>
        item.funding.flatMap((row) => Object.keys(row.byYear).map(Number)),
      ),
    );
    expect(view.years).toEqual([...new Set(planned)].sort((a, b) => a - b));
    const perResident = all.map(({ community, programme }) => {
      const total = Object.values(categorySums(programme, YEAR)).reduce((sum, amount) => sum + amount, 0);
      return total / community.population;
    });
    const sorted = [...perResident].sort((a, b) => a - b);
    const middle = sorted.length / 2;
    const median =
      sorted.length % 2
        ? (sorted[Math.floor(middle)] ?? 0)
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    expect(view.per_resident.median).toBe(Math.round(median));

    const test = view.oblasts.find((oblast) => oblast.oblast === "Тестова область");
    // 25, 50, 100, 2000 kopecks per resident: median 75, q1 43.75, q3 575; fence 575 + 1.5·531.25 = 1371.9.
    expect(test?.communities).toBe(4);
    expect(test?.per_resident).toEqual({ median: 75, q1: 44, q3: 575 });
    const oblast = (
      await app.inject(`/api/v1/national?year=${YEAR}&oblast=${encodeURIComponent("Тестова область")}`)
    ).json() as NationalView;
    expect(oblast).toMatchObject({ oblast: "Тестова область", communities: 4, oblasts: [] });
    expect(oblast.per_resident).toEqual(test?.per_resident);
    const [category] = oblast.categories;
    expect(oblast.categories).toHaveLength(1);
    expect(category?.outlier_count).toBe(1);
    expect(category?.outliers[0]).toMatchObject({
      katottg: "UA99000000000000003",
      per_resident_kopecks: 2000,
    });
    expect(view.oblasts.map((oblast) => oblast.rank)).toEqual(view.oblasts.map((_, index) => index + 1));
    const medians = view.oblasts.map((oblast) => oblast.per_resident.median ?? Number.NEGATIVE_INFINITY);
    expect([...medians].sort((a, b) => b - a)).toEqual(medians);
    expect(view.oblasts.at(-1)).toMatchObject({
      oblast: unknown.community.oblast,
      communities: 1,
      total_kopecks: 50_000,
      per_resident: { median: null, q1: null, q3: null },
    });
  });
});

/** Money of the programme's items by automatic category, for a year (null: the rows' totals). */
function categorySums(programme: Programme, year: number | null): Record<string, number> {
  const categories = autoCategories(programme);
  const out: Record<string, number> = {};
  for (const item of allItems(programme)) {
    const category = categories.get(item.id) ?? "other";
    for (const row of item.funding) {
      if (row.source === "total") continue;
      const amount = year === null ? row.total : row.byYear[String(year)];
      if (amount === undefined) continue;
      out[category] = (out[category] ?? 0) + amount;
    }
  }
  return out;
}
