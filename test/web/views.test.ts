import { describe, expect, it } from "vitest";
import { allItems } from "../../src/domain/model.js";
import { itemOwnTotals, programmeTotals } from "../../src/domain/totals.js";
import { demoProgramme, largeDemoProgramme } from "../../web/src/dev/demoProgramme.js";
import {
  executorLoads,
  fundingByYearByDirection,
  largestItems,
  sourceShares,
} from "../../web/src/lib/chartData.js";
import { diffVersions, isEmptyDiff } from "../../web/src/lib/diff.js";
import { formatDate, formatDateTime, formatDeadline, formatMoney } from "../../web/src/lib/format.js";
import { filterRows, fundingTableRows, sortRows } from "../../web/src/lib/fundingTable.js";
import { withKeys } from "../../web/src/lib/keys.js";
import { domIdOfRef, tabOfRef } from "../../web/src/lib/refs.js";
import {
  isOpenRoute,
  parsePublicPath,
  parseRoute,
  programmePath,
  publicPath,
} from "../../web/src/lib/router.js";
import { setAmount, updateItem } from "../../web/src/lib/treeOps.js";

const NBSP = /[\u00a0\u202f]/g;

describe("Ukrainian formatting", () => {
  it("formats amounts in thousand UAH with grouping and a decimal comma", () => {
    expect(formatMoney(3_611_250_000, "thousand").replace(NBSP, " ")).toBe("36 112,5 тис. грн");
    expect(formatMoney(3_611_250_000, "thousand", "en")).toBe("36,112.5 UAH thousand");
  });
  it("formats dates as dd.mm.yyyy and tolerates missing ones", () => {
    expect(formatDate("2026-11-23T10:00:00Z")).toBe("23.11.2026");
    expect(formatDate("")).toBe("—");
    expect(formatDate("not a date")).toBe("—");
  });
  it("formats a moment as dd.mm.yyyy, hh:mm, and a date alone after it is asked with time", () => {
    expect(formatDateTime("2026-11-23T10:00:00Z")).toMatch(/^\d{2}\.\d{2}\.2026, \d{2}:00$/);
    expect(formatDate("2026-11-23T10:00:00Z")).toBe("23.11.2026");
    expect(formatDateTime(null)).toBe("—");
  });
  it("formats deadlines", () => {
    expect(formatDeadline({ kind: "years", from: 2026, to: 2028 }, "")).toBe("2026–2028");
    expect(formatDeadline({ kind: "quarter", quarter: 2, year: 2027 }, "")).toBe("2 кв. 2027");
    expect(formatDeadline(null, "щороку")).toBe("щороку");
    expect(formatDeadline({ kind: "years", from: 2026, to: 2028, years: [2026, 2028] }, "")).toBe(
      "2026, 2028",
    );
    expect(formatDeadline({ kind: "programme", from: 2027 }, "")).toBe("з 2027 р.");
    expect(formatDeadline({ kind: "programme", to: 2027 }, "", "en")).toBe("until 2027");
  });
});

describe("funding table rows", () => {
  const programme = largeDemoProgramme(300);
  const rows = fundingTableRows(programme);

  it("has one row per funding row of every task, summing to the programme total", () => {
    expect(rows).toHaveLength(allItems(programme).reduce((n, item) => n + item.funding.length, 0));
    expect(rows.reduce((sum, row) => sum + row.total, 0)).toBe(programmeTotals(programme).total);
  });

  it("sorts by a year column numerically, both ways", () => {
    const asc = sortRows(rows, { column: "year:2026", direction: "asc" }).map(
      (row) => row.byYear["2026"] ?? 0,
    );
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = sortRows(rows, { column: "total", direction: "desc" });
    expect(desc[0]?.total).toBe(Math.max(...rows.map((row) => row.total)));
  });

  it("sorts task numbers naturally (1.10 after 1.9)", () => {
    const numbers = sortRows(rows, { column: "number", direction: "asc" }).map((row) => row.number);
    expect(numbers.indexOf("1.9")).toBeLessThan(numbers.indexOf("1.10"));
  });

  it("filters by text, source and direction together", () => {
    const filtered = filterRows(rows, { text: "захід №12", source: "local", direction: "1" });
    expect(filtered.length).toBeGreaterThan(0);
    expect(
      filtered.every((row) => row.title.toLowerCase().includes("захід №12") && row.source === "local"),
    ).toBe(true);
    expect(
      filterRows(rows, { text: "", source: "state", direction: "" }).every((row) => row.source === "state"),
    ).toBe(true);
  });
});

describe("chart data", () => {
  const programme = demoProgramme();
  const totals = programmeTotals(programme);

  it("splits each year by direction and adds up to the yearly totals", () => {
    const data = fundingByYearByDirection(programme);
    expect(data.categories).toEqual(["2026", "2027", "2028"]);
    data.categories.forEach((year, index) => {
      const sum = data.series.reduce((acc, series) => acc + (series.values[index] ?? 0), 0);
      expect(sum).toBe(totals.byYear[year] ?? 0);
    });
  });

  it("gives source shares that sum to the total and percentages near 100", () => {
    const shares = sourceShares(totals);
    expect(shares.reduce((sum, share) => sum + share.value, 0)).toBe(totals.total);
    expect(Math.abs(shares.reduce((sum, share) => sum + share.percent, 0) - 100)).toBeLessThanOrEqual(0.2);
    expect(shares.map((share) => share.value)).toEqual(
      [...shares.map((share) => share.value)].sort((a, b) => b - a),
    );
  });

  it("ranks items by their own funding", () => {
    const top = largestItems(programme, 3);
    const own = allItems(programme).map((item) => itemOwnTotals(item).total);
    expect(top[0]?.value).toBe(Math.max(...own));
    expect(top).toHaveLength(3);
  });
});

describe("version diff", () => {
  it("is empty for the same programme", () => {
    expect(isEmptyDiff(diffVersions(demoProgramme(), demoProgramme()))).toBe(true);
  });

  it("reports an amount change before → after and an executor change", () => {
    const before = demoProgramme();
    let after = setAmount(before, "d1.1", 0, "2027", 177_450_000).programme;
    after = updateItem(after, "d2.1", (item) => {
      item.executors = ["Загальний відділ", "Відділ ІТ"];
    }).programme;
    const diff = diffVersions(before, after);
    const yearly = diff.amountsChanged.filter((change) => change.year === "2027");
    expect(yearly).toHaveLength(1);
    expect(yearly[0]?.after).toBe(177_450_000);
    expect(yearly[0]?.before).toBe(before.directions[0]?.items[0]?.funding[0]?.byYear["2027"]);
    expect(diff.fields.map((change) => change.field)).toEqual([expect.stringMatching(/:executors$/)]);
    expect(diff.total.after - diff.total.before).toBe(
      programmeTotals(after).total - programmeTotals(before).total,
    );
  });
});

describe("routes and refs", () => {
  it("parses workspace and public paths and builds them back", () => {
    expect(parseRoute("/")).toEqual({ name: "list" });
    expect(parseRoute("/import/")).toEqual({ name: "import" });
    expect(parseRoute(programmePath("42"))).toEqual({ name: "programme", id: "42", tab: null });
    expect(parseRoute("/nowhere")).toEqual({ name: "notFound" });
    const token = "Ab-_".repeat(10).concat("xyz");
    expect(parseRoute(`/invite/${token}`)).toEqual({ name: "invite", token });
    expect(isOpenRoute(parseRoute(`/invite/${token}`))).toBe(true);
    expect(parseRoute("/invite/a.b")).toEqual({ name: "notFound" });
    expect(parsePublicPath(publicPath("UA59060110000049734", 2026, 2028))).toEqual({
      katottg: "UA59060110000049734",
      from: 2026,
      to: 2028,
    });
    expect(parsePublicPath("/p/UA1/2026")).toBeNull();
  });

  it("maps finding refs to tabs and safe DOM ids", () => {
    expect(tabOfRef("passport:3")).toBe("passport");
    expect(tabOfRef("item:d1.2")).toBe("tree");
    expect(tabOfRef("direction:1")).toBe("tree");
    expect(tabOfRef("indicator:0")).toBe("indicators");
    expect(tabOfRef("programme")).toBeNull();
    expect(domIdOfRef("item:d1.2")).toBe("ref-item-d1.2");
    expect(domIdOfRef("direction:1 a")).toMatch(/^[A-Za-z0-9_.-]+$/);
  });

  it("makes unique keys from repeated content", () => {
    expect(withKeys(["a", "b", "a"], (x) => x).map((entry) => entry.key)).toEqual(["a", "b", "a#2"]);
  });
});

describe("executor loads", () => {
  it("lists each executor once per task with the tasks' own funding", () => {
    const programme = demoProgramme();
    const loads = executorLoads(programme);
    const it = loads.find((load) => load.executor === "Відділ інформаційних технологій");
    const expectedItems = allItems(programme).filter((item) =>
      item.executors.includes("Відділ інформаційних технологій"),
    );
    expect(it?.items.map((item) => item.id)).toEqual(expectedItems.map((item) => item.id));
    expect(it?.total).toBe(expectedItems.reduce((sum, item) => sum + itemOwnTotals(item).total, 0));
    expect(loads.map((load) => load.items.length)).toEqual(
      [...loads.map((load) => load.items.length)].sort((a, b) => b - a),
    );
  });
});
