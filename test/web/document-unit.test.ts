import { MantineProvider } from "@mantine/core";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import { formatAmount, type MoneyUnit } from "../../src/domain/money.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { axisFormat, byYearOption, largestOption } from "../../web/src/charts/chartOptions.js";
import { I18nProvider, type MessageKey } from "../../web/src/i18n/index.js";
import { amountToInput } from "../../web/src/lib/amountInput.js";
import { fundingByYearByDirection, largestItems } from "../../web/src/lib/chartData.js";
import { FieldErrorStore } from "../../web/src/lib/fieldErrorStore.js";
import { formatAmountIn, formatMoney, unitName } from "../../web/src/lib/format.js";
import { ProgrammeView } from "../../web/src/public/PublicApp.js";
import { moneyIn, ProgrammeUnitProvider, useMoney } from "../../web/src/shared/money.js";
import { TotalsTable } from "../../web/src/shared/TotalsTable.js";
import { ExecutorsView } from "../../web/src/workspace/components/ExecutorsView.js";
import { FundingTable } from "../../web/src/workspace/components/FundingTable.js";
import { ItemFields } from "../../web/src/workspace/components/ItemEditor.js";

const NBSP = /[\u00a0\u202f]/g;
const plain = (text: string) => text.replace(NBSP, " ");

function programmeIn(unit: MoneyUnit): Programme {
  return { ...demoProgramme(), unit };
}

function render(element: ReactElement): string {
  return plain(
    renderToStaticMarkup(createElement(MantineProvider, null, createElement(I18nProvider, null, element))),
  );
}

function inUnit(unit: MoneyUnit, element: ReactElement): string {
  return render(createElement(ProgrammeUnitProvider, { unit }, element));
}

/** The amount as the domain's exact formatter writes it, with the unit's Ukrainian name. */
const shown = (kopecks: number, unit: MoneyUnit, label: string) =>
  plain(`${formatAmount(kopecks, unit)} ${label}`);

/** One kopeck as the programme's money. */
function MoneyProbe() {
  return createElement("span", null, useMoney().money(100));
}

function publicPage(programme: Programme): string {
  const detail = {
    summary: {
      id: "1",
      katottg: programme.community.katottg,
      communityName: programme.community.name,
      title: programme.title,
      periodFrom: programme.period.from,
      periodTo: programme.period.to,
      status: "published" as const,
      totalKopecks: programmeTotals(programme).total,
      versions: 1,
      errors: 0,
      warnings: 0,
      updatedAt: "",
    },
    programme,
    findings: [],
    totals: programmeTotals(programme),
    versions: [],
  };
  const { katottg } = programme.community;
  const { from, to } = programme.period;
  return render(createElement(ProgrammeView, { detail, publicKey: { katottg, from, to } }));
}

describe("amounts in the document's unit", () => {
  it("writes kopecks exactly in each unit and names it, Ukrainian and English", () => {
    // 2^53 − 1 kopecks: a float division by 10^8 or 10^5 would lose the last digits.
    const most = Number.MAX_SAFE_INTEGER;
    expect(plain(formatMoney(most, "million"))).toBe("90 071 992,54740991 млн грн");
    expect(plain(formatMoney(most, "thousand"))).toBe("90 071 992 547,40991 тис. грн");
    expect(plain(formatMoney(most, "uah"))).toBe("90 071 992 547 409,91 грн");
    expect(plain(formatMoney(177_400_000, "uah"))).toBe("1 774 000,00 грн");
    expect(plain(formatMoney(345_000_000, "million"))).toBe("3,45 млн грн");
    expect(formatMoney(345_000_000, "million", "en")).toBe("3.45 UAH million");
    expect(formatMoney(177_400_000, "uah", "en")).toBe("1,774,000.00 UAH");
    expect(formatAmountIn(3_611_250_000, "thousand", "en")).toBe("36,112.5");
    expect([unitName("uah"), unitName("thousand"), unitName("million")]).toEqual([
      "грн",
      "тис. грн",
      "млн грн",
    ]);
    expect([unitName("uah", "en"), unitName("thousand", "en"), unitName("million", "en")]).toEqual([
      "UAH",
      "UAH thousand",
      "UAH million",
    ]);
  });

  it("shows a «грн» programme's public page in hryvnias, its charts' titles and tables too", () => {
    const programme = programmeIn("uah");
    const html = publicPage(programme);
    expect(html).toContain(shown(programmeTotals(programme).total, "uah", "грн"));
    expect(html).toContain("Фінансування за роками та напрямами, грн");
    expect(html).toContain("Найбільші завдання за обсягом, грн");
    expect(html).toContain("Джерело (суми в грн)");
    expect(html).not.toContain("тис. грн");
  });

  it("shows a «млн грн» programme's public page in millions", () => {
    const programme = programmeIn("million");
    const html = publicPage(programme);
    expect(html).toContain(shown(programmeTotals(programme).total, "million", "млн грн"));
    expect(html).toContain("Фінансування за роками та напрямами, млн грн");
    expect(html).not.toContain("тис. грн");
  });

  it("shows the workspace's totals, funding, executors and edit fields in the programme's unit", () => {
    const programme = programmeIn("million");
    const totals = programmeTotals(programme);
    const onOpenItem = () => undefined;
    const html = inUnit(
      "million",
      createElement("div", null, [
        createElement(TotalsTable, { key: "t", totals, period: programme.period, caption: "c" }),
        createElement(FundingTable, { key: "f", programme, onOpenItem }),
        createElement(ExecutorsView, { key: "e", programme, onOpenItem }),
      ]),
    );
    expect(html).toContain(plain(formatAmount(totals.total, "million")));
    expect(html).toContain("Джерело (суми в млн грн)");
    expect(html).toContain("Обсяг, млн грн");
    expect(html).not.toContain(plain(formatAmount(totals.total, "thousand")));
    expect(html).not.toContain("тис. грн");

    // An edited amount is typed in millions: the field starts with the amount in millions, named so.
    const item = allItems(programme).find((each) =>
      each.funding.some((row) => Object.keys(row.byYear).length),
    );
    if (!item) throw new Error("the demo programme has a task with yearly amounts");
    const editor = {
      errors: new FieldErrorStore<MessageKey>(),
      current: () => programme,
      commit: () => undefined,
    };
    const fields = inUnit("million", createElement(ItemFields, { item, editor }));
    const [year, kopecks] =
      Object.entries(item.funding.find((row) => Object.keys(row.byYear).length)?.byYear ?? {})[0] ?? [];
    expect(fields).toContain(`, ${year}, млн грн`);
    expect(fields).toContain(`value="${amountToInput(kopecks ?? 0, "million")}"`);
    expect(fields).not.toContain(`value="${amountToInput(kopecks ?? 0, "thousand")}"`);
  });

  it("fails loudly when a programme view names no unit, rather than showing thousands", () => {
    expect(() => render(createElement(MoneyProbe))).toThrow(/ProgrammeUnitProvider/);
    expect(inUnit("uah", createElement(MoneyProbe))).toContain("1,00 грн");
  });

  it("keeps chart series in kopecks and writes axis labels and tooltips in the unit", () => {
    const programme = programmeIn("million");
    const byYear = fundingByYearByDirection(programme);
    const format = axisFormat(moneyIn("million", "uk").amount);
    const option = byYearOption(byYear, format) as {
      series: { data: number[] }[];
      yAxis: { axisLabel: { formatter: (value: number) => string } };
      tooltip: { valueFormatter: (value: number) => string };
    };
    expect(option.series.map((each) => each.data)).toEqual(byYear.series.map((each) => each.values));
    expect(option.yAxis.axisLabel.formatter(50_000_000)).toBe("0,5");
    expect(option.tooltip.valueFormatter(123_456_789)).toBe("1,23456789");
    const largest = largestItems(programme, 3);
    const bars = largestOption(largest, axisFormat(moneyIn("uah", "en").amount)) as {
      series: { data: number[] }[];
      xAxis: { axisLabel: { formatter: (value: number) => string } };
    };
    expect(bars.series[0]?.data).toEqual(largest.map((item) => item.value));
    expect(bars.xAxis.axisLabel.formatter(50_000_000)).toBe("500,000.00");
  });
});
