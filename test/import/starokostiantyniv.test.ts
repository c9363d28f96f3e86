import { describe, expect, it } from "vitest";
import { countByLevel, importFixture, item } from "./support.js";

/** Expectations read by hand from starokostiantyniv-2026-2028.txt: no total column, one item level. */
const { programme, findings } = importFixture("starokostiantyniv-2026-2028.txt");

describe("starokostiantyniv-2026-2028: passport", () => {
  it("reads the identity, the period and field 10 printed on one line", () => {
    expect(programme.community).toEqual({
      name: "Старокостянтинівська міська територіальна громада",
      katottg: "UA68040390010084208",
    });
    expect(programme.period).toEqual({ from: 2026, to: 2028 });
    expect(programme.passport.funding).toMatchObject({
      total: 2_774_500_000,
      byYear: { "2026": 1_027_500_000, "2027": 824_500_000, "2028": 922_500_000 },
      bySource: {},
      line: 24,
    });
  });
});

describe("starokostiantyniv-2026-2028: task table", () => {
  it("has 5 directions and 52 items on one level", () => {
    expect(programme.directions.map((direction) => direction.items.length)).toEqual([4, 15, 13, 2, 18]);
    expect(countByLevel(programme)).toEqual([52]);
    expect(item(programme, "d3.6").number).toBe("3.6");
    expect(item(programme, "d5.18").number).toBe("5.18.");
  });

  it("sums the years where no total column is printed", () => {
    const training = item(programme, "d1.3").funding;
    expect(training).toEqual([
      {
        source: "local",
        label: "Бюджет Старокостянтинівської міської територіальної громади",
        byYear: { "2026": 1_000_000, "2027": 1_000_000, "2028": 1_000_000 },
        total: 3_000_000,
        totalPrinted: false,
        line: 168,
      },
    ]);
  });

  it("joins cells continued on later lines (lines 165+167, 171+173, 205+207, 218+220)", () => {
    expect(item(programme, "d1.2").executors.at(-1)).toBe(
      "фінансове управління виконавчого комітету міської ради",
    );
    expect(item(programme, "d2.1").executors).toContain(
      "управління соціальної політики, сім'ї, єдності України та ветеранської підтримки",
    );
    expect(item(programme, "d3.4").executors).toEqual([
      "Відділ інформаційного забезпечення",
      "управління житлово-комунального господарства виконавчого комітету міської ради",
      "КП «Тепловик»",
      "КП «Водоканал»",
      "КП Старокостянтинівський ККП",
      "КП «РБШП»",
      "Старокостянтинівська ЖЕК",
    ]);
    const joint = item(programme, "d3.13");
    expect(joint.title).toMatch(
      /^Участь у спільних проектах \(програмах\), спрямованих на розвиток е-урядування/,
    );
    expect(joint.deadlineText).toBe("2026-2028");
    expect(joint.deadline).toEqual({ kind: "years", from: 2026, to: 2028 });
    expect(joint.funding[0]?.byYear).toEqual({ "2026": 2_000_000, "2027": 3_000_000, "2028": 4_000_000 });
    expect(joint.funding[0]?.source).toBe("mixed");
  });

  it("strips <p> markup from wrapped rows (lines 193–198)", () => {
    const systems = item(programme, "d2.14");
    expect(systems.title).toBe(
      "Облаштування та впровадження автоматизованих систем:Е-послуги та «Кабінет мешканця», єдина міська GIS та реєстри, енергоменеджмент і smart-освітлення, витрати на утримання",
    );
    expect(systems.funding[0]?.byYear).toEqual({
      "2026": 80_000_000,
      "2027": 150_000_000,
      "2028": 160_000_000,
    });
    const household = item(programme, "d2.15");
    expect(household.title).toBe(
      "Комплексне запровадження інформаційної системи погосподарського обліку в громаді",
    );
    expect(household.funding[0]?.label).toBe(
      "Бюджет Старокостянтинівської міської територіальної громади; інші джерела, передбачені законодавством",
    );
    expect(household.executors).toContain("старости старостинських округів");
  });

  it("reads quarter deadlines, 'Не потребує' and empty deadlines", () => {
    const first = item(programme, "d1.1");
    expect(first.deadline).toEqual({ kind: "quarter", quarter: 1, year: 2026 });
    expect(first.funding.map((row) => [row.source, row.total])).toEqual([["none", 0]]);
    for (const id of ["d5.14", "d5.15", "d5.16"]) {
      expect(item(programme, id).deadlineText).toBe("");
      expect(item(programme, id).deadline).toBeNull();
    }
  });

  it("warns once per row that names several sources in one amount", () => {
    const mixed = findings.filter((finding) => finding.code === "import.mixed-source");
    expect(mixed).toHaveLength(24);
    expect(mixed[0]?.location).toEqual({ line: 192, ref: "item:d2.13" });
  });

  it("reads the grand total 'Всього:' as total + years", () => {
    expect(programme.declaredTotals).toEqual([
      {
        source: "total",
        label: "Всього:",
        byYear: { "2026": 1_027_500_000, "2027": 824_500_000, "2028": 922_500_000 },
        total: 2_774_500_000,
        totalPrinted: true,
        line: 256,
      },
    ]);
  });
});

describe("starokostiantyniv-2026-2028: indicators", () => {
  it("reads 52 indicators, realigning rows that lost their leading cells", () => {
    expect(programme.indicators).toHaveLength(52);
    const wifi = programme.indicators.find((indicator) => indicator.name.startsWith("2.2."));
    expect(wifi).toMatchObject({
      unit: "Шт.",
      baseline: "0",
      targets: { "2026": "3", "2027": "3", "2028": "3" },
    });
    expect(wifi?.dynamics).toBe("9");
    const ticket = programme.indicators.find((indicator) => indicator.name.startsWith("2.9."));
    expect(ticket).toMatchObject({
      unit: "%",
      baseline: "0",
      targets: { "2026": "0", "2027": "0", "2028": "100" },
      dynamics: "100",
      direction: "Розвиток цифрової інфраструктури громади",
    });
    const permits = programme.indicators.find((indicator) => indicator.name.startsWith("4.2."));
    expect(permits?.direction).toBe("Розвиток надання публічних послуг населенню громади");
    expect(programme.indicators.find((indicator) => indicator.name.startsWith("3.6"))?.name).toBe(
      "3.6 Модернізація та витрати на утримання системи збереження наявних реєстрів даних",
    );
  });
});
