import { MantineProvider } from "@mantine/core";
import type { FastifyInstance } from "fastify";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.js";
import { generateNation } from "../../src/domain/synthetic/index.js";
import { type NationalView, nationalView } from "../../src/export/opendata/aggregates.js";
import type { Store } from "../../src/store/index.js";
import { loadProgrammes } from "../../src/store/loader.js";
import { I18nProvider } from "../../web/src/i18n/index.js";
import { isOpenRoute, parseRoute } from "../../web/src/lib/router.js";
import { NationalReport, type Selection } from "../../web/src/national/NationalPage.js";
import { loadNationalView, yearsWithData } from "../../web/src/national/nationalApi.js";
import {
  type Chosen,
  COMPARE_MAX,
  categoryRanges,
  comparePath,
  defaultYear,
  formatPerResident,
  outlierRows,
  toggleChosen,
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

function render(view: NationalView, chosen: Chosen[] = []): string {
  return plain(
    renderToStaticMarkup(
      createElement(
        MantineProvider,
        null,
        createElement(
          I18nProvider,
          null,
          createElement(NationalReport, { view, selection: selectionOf(chosen) }),
        ),
      ),
    ),
  );
}

/** The text cells of every body row of the first table after `marker` in the markup. */
function rowsAfter(html: string, marker: string): string[][] {
  const start = html.indexOf(marker);
  expect(start).toBeGreaterThanOrEqual(0);
  const body = html.slice(html.indexOf("<tbody", start), html.indexOf("</tbody>", start));
  return body
    .split("</tr>")
    .slice(0, -1)
    .map((row) => [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((match) => match[1] ?? ""));
}

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

  it("finds the years the published programmes cover and loads a year's view from the API", async () => {
    const covered = new Set(
      nation.flatMap(({ programme }) =>
        Array.from(
          { length: programme.period.to - programme.period.from + 1 },
          (_, i) => programme.period.from + i,
        ),
      ),
    );
    const years = await yearsWithData(base, YEAR);
    expect(years).toEqual([...covered].filter((year) => Math.abs(year - YEAR) <= 4).sort((a, b) => a - b));
    expect(years).toContain(YEAR);
    expect(await loadNationalView(base, YEAR)).toEqual(view);
    await expect(loadNationalView(base, 99)).rejects.toThrow("HTTP 400");
  });

  it("has the data the assertions below rely on", () => {
    expect(view.communities).toBe(30);
    expect(view.oblasts.length).toBeGreaterThan(10);
    expect(view.top_communities.length).toBeGreaterThanOrEqual(2);
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
    const byMedian = [...view.oblasts].sort(
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

  it("lists the top communities in the API's order, each per resident in hryvnias", () => {
    const html = render(view);
    expect(rowsAfter(html, 'data-testid="national-top"')).toEqual(
      view.top_communities.map((each, index) => [
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
    const [first, second] = view.top_communities;
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
    const html = render(
      JSON.parse(
        JSON.stringify({
          ...view,
          per_resident: unknown,
          categories: view.categories.map((each) => ({ ...each, per_resident: unknown, outliers: [] })),
          top_communities: [],
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

  it("says so when the year has no programmes", async () => {
    const empty = await nationalView(store.kysely(), 2040);
    expect(render(empty)).toContain("За 2040 рік оприлюднених програм з коштами немає.");
  });
});
