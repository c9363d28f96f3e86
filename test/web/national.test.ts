import { MantineProvider } from "@mantine/core";
import type { FastifyInstance } from "fastify";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import type { NationalView } from "../../src/contract/national.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { nationalView } from "../../src/opendata/aggregates.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { I18nProvider } from "../../web/src/i18n/index.js";
import { isOpenRoute, parseRoute } from "../../web/src/lib/router.js";
import {
  NationalHeading,
  NationalLoaded,
  NationalReport,
  type Selection,
} from "../../web/src/national/NationalPage.js";
import { loadNationalPlace, loadNationalView } from "../../web/src/national/nationalApi.js";
import {
  type Chosen,
  COMPARE_MAX,
  categoryRanges,
  comparePath,
  defaultYear,
  formatPerResident,
  NO_OBLAST,
  nationalPath,
  oblastRows,
  outlierRows,
  parseNationalSearch,
  toggleChosen,
  topRows,
  yearOptions,
} from "../../web/src/national/nationalData.js";
import { openTestStore } from "../support/db.js";

const YEAR = 2026;
const NBSP = /[\u00a0\u202f]/g;
const plain = (text: string) => text.replace(NBSP, " ");
/** uk-UA hryvnias with kopecks, written out here rather than through the page's own helper. */
const ukHryvnias = (kopecks: number) =>
  plain(
    `${new Intl.NumberFormat("uk-UA", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(kopecks / 100)} грн`,
  );

function selectionOf(chosen: Chosen[]): Selection {
  return { chosen, toggle: () => undefined, clear: () => undefined };
}

function renderElement(element: ReturnType<typeof createElement>): string {
  return plain(
    renderToStaticMarkup(createElement(MantineProvider, null, createElement(I18nProvider, null, element))),
  );
}

function render(view: NationalView, chosen: Chosen[] = []): string {
  return renderElement(createElement(NationalReport, { view, selection: selectionOf(chosen) }));
}

/** The body rows of the first table after `marker`: each cell's text (tags stripped). */
function rowsAfter(html: string, marker: string): string[][] {
  const start = html.indexOf(marker);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = html.slice(html.indexOf("<tbody", start), html.indexOf("</tbody>", start));
  return body
    .split("</tr>")
    .slice(0, -1)
    .map((row) =>
      [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) => (match[1] ?? "").replace(/<[^>]*>/g, "")),
    );
}

/** The markup's text, `&amp;`-style escapes undone (only those React writes). */
const decodeEntities = (html: string) =>
  html
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<");

describe("national view helpers", () => {
  it("formats per-resident kopecks as hryvnias, uk-UA first", () => {
    expect(plain(formatPerResident(123_456_78))).toBe("123 456,78 грн");
    expect(formatPerResident(5, "en")).toBe("0.05 UAH");
    expect(formatPerResident(null)).toBe("—");
    expect(formatPerResident(Number.NaN)).toBe("—");
  });

  it("opens the current year when it has data, else the latest year before it", () => {
    expect(defaultYear([2025, 2026, 2027], 2026)).toBe(2026);
    expect(defaultYear([2023, 2024, 2028], 2026)).toBe(2024);
    expect(defaultYear([2028, 2027], 2026)).toBe(2027);
    expect(defaultYear([], 2026)).toBeNull();
  });

  it("toggles communities for comparison, at most ten", () => {
    const ten = Array.from({ length: COMPARE_MAX }, (_, index) => ({
      katottg: `UA${index}`,
      name: `Г${index}`,
    }));
    const some = toggleChosen(toggleChosen([], ten[0] as Chosen), ten[1] as Chosen);
    expect(some.map((each) => each.katottg)).toEqual(["UA0", "UA1"]);
    expect(toggleChosen(some, ten[0] as Chosen).map((each) => each.katottg)).toEqual(["UA1"]);
    expect(toggleChosen(ten, { katottg: "UA99", name: "зайва" })).toHaveLength(COMPARE_MAX);
    expect(comparePath(["UA1", "UA2"])).toBe("/compare?katottg=UA1,UA2");
  });

  it("keeps the year and the oblast in the address, and reads them back", () => {
    const place = { year: 2026, oblast: "Івано-Франківська область" };
    const path = nationalPath(place);
    expect(path.startsWith("/national?year=2026&oblast=")).toBe(true);
    expect(parseNationalSearch(path.slice("/national".length))).toEqual(place);
    expect(
      parseNationalSearch(
        "?oblast=%D0%92%D1%96%D0%BD%D0%BD%D0%B8%D1%86%D1%8C%D0%BA%D0%B0%20%D0%BE%D0%B1%D0%BB%D0%B0%D1%81%D1%82%D1%8C",
      ),
    ).toEqual({
      year: null,
      oblast: "Вінницька область",
    });
    expect(parseNationalSearch("?year=20x6&oblast=%20")).toEqual({ year: null, oblast: null });
    expect(parseNationalSearch("")).toEqual({ year: null, oblast: null });
    expect(nationalPath({ year: null, oblast: null })).toBe("/national");
    expect(nationalPath({ year: 2025, oblast: null })).toBe("/national?year=2025");
  });

  it("offers the API's years, and the shown year even when it has no data", () => {
    expect(yearOptions({ year: 2026, years: [2024, 2025, 2026] })).toEqual([2024, 2025, 2026]);
    expect(yearOptions({ year: 2030, years: [2025, 2024] })).toEqual([2024, 2025, 2030]);
  });

  it("routes /national as an open page, like /compare", () => {
    expect(parseRoute("/national")).toEqual({ name: "national" });
    expect(isOpenRoute(parseRoute("/national/"))).toBe(true);
    expect(isOpenRoute(parseRoute("/compare"))).toBe(true);
    expect(isOpenRoute(parseRoute("/"))).toBe(false);
  });
});

describe("national page on a real national view", () => {
  let store: Store;
  let dispose: () => Promise<void>;
  let view: NationalView;
  let app: FastifyInstance;
  let base: string;
  const nation = [...generateNation({ seed: 5, communities: 30 })];
  const covered = new Set(
    nation.flatMap(({ programme: { period } }) =>
      Array.from({ length: period.to - period.from + 1 }, (_, i) => period.from + i),
    ),
  );
  /** The oblast with the most communities planning money for YEAR, and their names. */
  const inYear = nation.filter(({ programme: { period } }) => period.from <= YEAR && YEAR <= period.to);
  const counts = new Map<string, number>();
  for (const { community } of inYear) counts.set(community.oblast, (counts.get(community.oblast) ?? 0) + 1);
  const [oblast = ""] = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const oblastNames = new Set(
    inYear.filter(({ community }) => community.oblast === oblast).map(({ community }) => community.name),
  );

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore());
    await loadProgrammes(store.kysely(), nation, { batchSize: 10 });
    view = await nationalView(store.kysely(), YEAR);
    app = buildApp({ store, webDist: "/nonexistent" });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    await dispose();
  });

  it("takes the years from the API and opens the default year by them", async () => {
    const fetched = await loadNationalView(base, YEAR);
    expect(fetched).toEqual(view);
    expect(view.years).toEqual([...covered].sort((a, b) => a - b));
    const last = Math.max(...covered);
    const first = Math.min(...covered);
    const place = { year: null, oblast: null };
    expect((await loadNationalPlace(base, place, YEAR)).year).toBe(YEAR);
    expect((await loadNationalPlace(base, place, last + 5)).year).toBe(last);
    expect((await loadNationalPlace(base, place, first - 5)).year).toBe(first);
    expect((await loadNationalPlace(base, { year: last, oblast: null }, YEAR)).year).toBe(last);
    await expect(loadNationalView(base, 99)).rejects.toThrow("HTTP 400");
  });

  it("offers exactly the API's years in the year selector", () => {
    const html = renderElement(createElement(NationalLoaded, { view, selection: selectionOf([]) }));
    const options = [...html.matchAll(/<option[^>]*value="(\d+)"/g)].map((match) => Number(match[1]));
    expect(options).toEqual(view.years);
    expect(html).toMatch(new RegExp(`<option[^>]*value="${YEAR}"[^>]*selected`));
  });

  it("has the data the assertions below rely on", () => {
    expect(view.communities).toBe(30);
    expect(view.oblast_names.length).toBeGreaterThan(10);
    expect(view.top_communities.community.length).toBeGreaterThanOrEqual(2);
  });

  it("shows the national total and the median per resident in uk-UA format", () => {
    const html = render(view);
    const median = view.per_resident.median as number;
    expect(median).toEqual(expect.any(Number));
    expect(html).toContain(`>${ukHryvnias(median)}<`);
    expect(ukHryvnias(median)).toMatch(/^\d{1,3}( \d{3})*,\d{2} грн$/);
    const thousands = new Intl.NumberFormat("uk-UA", { minimumFractionDigits: 1, maximumFractionDigits: 5 });
    expect(html).toContain(plain(`>${thousands.format(view.total_kopecks / 100_000)} тис. грн<`));
  });

  it("lists the oblasts by median per resident, highest first, with their ranks", () => {
    const byMedian = [...oblastRows(view)].sort(
      (a, b) =>
        Number(b.per_resident.median) - Number(a.per_resident.median) ||
        a.oblast.localeCompare(b.oblast, "uk"),
    );
    const html = render(view);
    const rows = rowsAfter(html, "Рейтинг областей за медіаною");
    expect(rows.map((row) => row[0])).toEqual(byMedian.map((each) => each.oblast));
    expect(rows.map((row) => row[1])).toEqual(byMedian.map((_, index) => String(index + 1)));
    expect(rows.map((row) => row[3])).toEqual(
      byMedian.map((each) => ukHryvnias(Number(each.per_resident.median))),
    );
  });

  it("names the listed communities by their whole official names and oblasts", () => {
    const generated = new Map(nation.map(({ community }) => [community.katottg, community]));
    const named = [...topRows(view), ...outlierRows(view, "uk")];
    expect(named.length).toBeGreaterThan(view.top_communities.community.length);
    for (const row of named) {
      const community = generated.get(row.katottg);
      expect([row.name, row.oblast]).toEqual([community?.name, community?.oblast]);
      expect(row.name).toMatch(/ (міська|селищна|сільська) територіальна громада$/);
    }
  });

  it("lists the top communities in the API's order, each per resident in hryvnias", () => {
    const html = render(view);
    expect(rowsAfter(html, 'data-testid="national-top"').map((row) => row.slice(0, 4))).toEqual(
      topRows(view).map((each, index) => [
        String(index + 1),
        each.name,
        each.oblast ?? "—",
        ukHryvnias(each.per_resident_kopecks),
      ]),
    );
  });

  it("puts categories in order of median and marks each outlier above or below it", () => {
    const ranges = categoryRanges(view.categories, "uk");
    expect(ranges.map((range) => range.median)).toEqual(
      [...ranges.map((r) => r.median)].sort((a, b) => b - a),
    );
    for (const row of outlierRows(view, "uk")) {
      const median = view.categories.find((each) => each.category === row.category)?.per_resident.median ?? 0;
      expect(row.above).toBe(row.per_resident_kopecks > median);
    }
    const html = render(view);
    for (const range of ranges) expect(html).toContain(`>${range.label}<`);
  });

  it("links the chosen communities to the comparison page", () => {
    const [first, second] = topRows(view);
    if (!first || !second) throw new Error("too few communities");
    const one = render(view, [{ katottg: first.katottg, name: first.name }]);
    expect(one).toMatch(/href="\/compare\?katottg=[^"]*"[^>]*aria-disabled="true"/);
    const two = render(
      view,
      [first, second].map(({ katottg, name }) => ({ katottg, name })),
    );
    expect(two).toContain(`href="/compare?katottg=${first.katottg},${second.katottg}"`);
    expect(two).not.toMatch(/href="\/compare[^"]*"[^>]*aria-disabled="true"/);
    expect(two.match(/type="checkbox"[^>]*checked=""/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  });

  it("shows dashes, not zeros, where no community has a known population", () => {
    // What the API sends then: NaN quartiles serialise as null, and nobody is ranked per resident.
    const unknown = { median: Number.NaN, q1: Number.NaN, q3: Number.NaN };
    const none = { community: [], per_resident_kopecks: [] };
    const html = render(
      JSON.parse(
        JSON.stringify({
          ...view,
          per_resident: unknown,
          categories: view.categories.map((each) => ({ ...each, per_resident: unknown, outliers: none })),
          top_communities: none,
        }),
      ) as NationalView,
    );
    expect(html).toContain(">— – —<");
    expect(html).toContain("Кількість населення цих громад невідома");
    expect(html).not.toContain('data-testid="national-top"');
    expect(
      categoryRanges(
        view.categories.map((each) => ({ ...each, per_resident: unknown })),
        "uk",
      ),
    ).toEqual([]);
  });

  it("links every oblast of the ranking to its own view of the year", () => {
    const html = decodeEntities(render(view));
    const links = [
      ...html
        .slice(html.indexOf('data-testid="national-oblasts"'))
        .matchAll(/<a[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g),
    ];
    const openable = view.oblast_names.filter((name) => name !== NO_OBLAST);
    expect(links.map((match) => match[2])).toEqual(openable);
    expect(links.map((match) => match[1])).toEqual(
      openable.map(
        (name) => `/national?year=${YEAR}&oblast=${new URLSearchParams({ o: name }).toString().slice(2)}`,
      ),
    );
    expect(html).toContain("Натисніть на область на графіку або в таблиці");
  });

  it("shows one oblast's communities only, with a heading and the way back to the country", async () => {
    expect(oblastNames.size).toBeGreaterThanOrEqual(2);
    const oblastView = await loadNationalView(base, YEAR, oblast);
    expect(oblastView).toEqual(await nationalView(store.kysely(), YEAR, oblast));
    expect(oblastView.oblast).toBe(oblast);
    expect(oblastView.communities).toBe(oblastNames.size);
    expect(oblastView.years).toEqual(view.years);

    const html = render(oblastView);
    const top = rowsAfter(html, 'data-testid="national-top"');
    expect(top.length).toBe(oblastView.top_communities.community.length);
    expect(top.length).toBeGreaterThan(0);
    for (const row of top) expect(oblastNames.has(row[1] ?? "")).toBe(true);
    for (const row of outlierRows(oblastView, "uk")) expect(oblastNames.has(row.name)).toBe(true);
    expect(html).not.toContain("Рейтинг областей");
    expect(html).not.toContain(">Область<");
    const oblastMedian = oblastView.per_resident.median as number;
    expect(html).toContain(`>${ukHryvnias(oblastMedian)}<`);

    const heading = decodeEntities(
      renderElement(createElement(NationalHeading, { place: { year: YEAR, oblast } })),
    );
    expect(heading).toContain(`>${oblast}: програми інформатизації громад</h2>`);
    expect(heading).toContain(`href="/national?year=${YEAR}"`);
    expect(heading).toContain("Огляд країни");
  });

  it("keeps the year selector and the comparison working in an oblast's view", async () => {
    const oblastView = await loadNationalView(base, YEAR, oblast);
    const [first, second] = topRows(oblastView);
    if (!first || !second) throw new Error("too few communities in the oblast");
    const chosen = [first, second].map(({ katottg, name }) => ({ katottg, name }));
    const html = renderElement(
      createElement(NationalLoaded, { view: oblastView, selection: selectionOf(chosen) }),
    );
    expect(html).toContain(`href="/compare?katottg=${first.katottg},${second.katottg}"`);
    const options = [...html.matchAll(/<option[^>]*value="(\d+)"/g)].map((match) => Number(match[1]));
    expect(options).toEqual(view.years);
    expect(html).toMatch(new RegExp(`<option[^>]*value="${YEAR}"[^>]*selected`));
  });

  it("says so when an oblast has no programmes for the year", async () => {
    const empty = await loadNationalView(base, YEAR, "Неіснуюча область");
    expect(empty.communities).toBe(0);
    expect(render(empty)).toContain("Неіснуюча область: за 2026 рік оприлюднених програм з коштами немає.");
  });

  it("says so when the year has no programmes", async () => {
    const empty = await nationalView(store.kysely(), 2040);
    expect(render(empty)).toContain("За 2040 рік оприлюднених програм з коштами немає.");
  });
});
