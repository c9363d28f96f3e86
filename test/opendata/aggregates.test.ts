import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { NationalView } from "../../src/contract/national.js";
import { autoCategories } from "../../src/domain/classify/index.js";
import { joinCommunityName } from "../../src/domain/geo/full-name.js";
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
    const lists = [...view.categories.map((stats) => stats.outliers), view.top_communities];
    for (const list of lists) expect(list.community).toHaveLength(list.per_resident_kopecks.length);
    const { katottg, kind, oblast, name } = view.community_names;
    const positions = lists.flatMap((list) => list.community);
    for (const at of positions) expect(at >= 0 && at < katottg.length).toBe(true);
    const codes = new Set(positions.map((at) => katottg[at]));
    expect(positions.length).toBeGreaterThan(codes.size);
    for (const column of [kind, oblast, name]) expect(column).toHaveLength(katottg.length);
    const named = katottg.map((code, index) => ({
      katottg: code,
      name: name[index] ?? "",
      kind: kind[index] ?? null,
      oblast: view.oblast_names[oblast[index] ?? -1],
    }));
    const communities = [...nation, ...hand, unknown].map((each) => each.community);
    expect(katottg).toEqual([...codes]);
    for (const each of named) {
      const community = communities.find((one) => one.katottg === each.katottg);
      expect({ katottg: each.katottg, name: joinCommunityName(each), oblast: each.oblast }).toEqual({
        katottg: each.katottg,
        name: community?.name,
        oblast: community?.oblast,
      });
      const sameName = named.filter((other) => other.name === each.name).length;
      expect(body.split(JSON.stringify(each.name)).length - 1).toBe(sameName);
    }
    expect(named.some((each) => each.kind !== null)).toBe(true);
    for (const oblastName of view.oblast_names)
      expect(body.split(JSON.stringify(oblastName))).toHaveLength(2);
  });

  it("national sends its lists column by column, and its only non-ASCII text, the names, last", async () => {
    const body = (await app.inject(`/api/v1/national?year=${YEAR}`)).body;
    const view = JSON.parse(body) as NationalView;
    expect(Object.keys(view).slice(-4)).toEqual(["oblasts", "community_names", "oblast", "oblast_names"]);
    expect(Object.keys(view.community_names).at(-1)).toBe("name");
    expect(body.search(/[^\x20-\x7e]/)).toBeGreaterThan(body.lastIndexOf('"name":['));
    const oblastBody = (
      await app.inject(`/api/v1/national?year=${YEAR}&oblast=${encodeURIComponent("Тестова область")}`)
    ).body;
    expect(oblastBody.search(/[^\x20-\x7e]/)).toBeGreaterThan(oblastBody.lastIndexOf('"name":['));
    expect(view.oblasts.communities).toHaveLength(view.oblast_names.length);
    expect(body).not.toContain("територіальна громада");
    expect(body).not.toContain('"rank"');
    expect(body.match(/"katottg":/g)?.length).toBe(1);
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

    const ranking = view.oblasts;
    const at = view.oblast_names.indexOf("Тестова область");
    // 25, 50, 100, 2000 kopecks per resident: median 75, q1 43.75, q3 575; fence 575 + 1.5·531.25 = 1371.9.
    expect(ranking.communities[at]).toBe(4);
    const testSpread = { median: ranking.median[at], q1: ranking.q1[at], q3: ranking.q3[at] };
    expect(testSpread).toEqual({ median: 75, q1: 44, q3: 575 });
    const oblast = (
      await app.inject(`/api/v1/national?year=${YEAR}&oblast=${encodeURIComponent("Тестова область")}`)
    ).json() as NationalView;
    expect(oblast).toMatchObject({ oblast: "Тестова область", communities: 4 });
    expect(oblast.oblasts).toEqual({
      communities: [],
      total_kopecks: [],
      median: [],
      q1: [],
      q3: [],
    });
    expect(oblast.oblast_names).toEqual(["Тестова область"]);
    expect(new Set(oblast.community_names.oblast)).toEqual(new Set([0]));
    expect(oblast.per_resident).toEqual(testSpread);
    const [category] = oblast.categories;
    expect(oblast.categories).toHaveLength(1);
    expect(category?.outlier_count).toBe(1);
    expect(category?.outliers.per_resident_kopecks).toEqual([2000]);
    const [outlierAt = -1] = category?.outliers.community ?? [];
    expect(oblast.community_names.katottg[outlierAt]).toBe("UA99000000000000003");
    const columns = Object.values(ranking).map((column) => column.length);
    expect(new Set(columns)).toEqual(new Set([view.oblast_names.length]));
    const medians = ranking.median.map((median) => median ?? Number.NEGATIVE_INFINITY);
    expect([...medians].sort((a, b) => b - a)).toEqual(medians);
    const last = view.oblast_names.length - 1;
    expect(view.oblast_names[last]).toBe(unknown.community.oblast);
    expect([ranking.communities[last], ranking.total_kopecks[last]]).toEqual([1, 50_000]);
    expect([ranking.median[last], ranking.q1[last], ranking.q3[last]]).toEqual([null, null, null]);
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
