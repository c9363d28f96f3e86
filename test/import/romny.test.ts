import { describe, expect, it } from "vitest";
import { countByLevel, importFixture, item } from "./support.js";

/** Expectations read by hand from romny-2026-2028.txt (amounts in тис. грн × 100 000 = kopecks). */
const { programme, findings } = importFixture("romny-2026-2028.txt");

describe("romny-2026-2028: passport and sections", () => {
  it("reads the identity, the period and the unit", () => {
    expect(programme.community).toEqual({
      name: "Роменська міська територіальна громада",
      katottg: "UA59060110000049734",
    });
    expect(programme.period).toEqual({ from: 2026, to: 2028 });
    expect(programme.unit).toBe("thousand");
    expect(programme.title).toMatch(
      /^ПРОГРАМА інформатизації та цифровізації Роменської .* на 2026-2028 роки$/,
    );
  });

  it("reads passport field 10 as printed: 36112,5 / 3310,0 / 2302,5 / 30500,0 and per source", () => {
    const funding = programme.passport.funding;
    expect(funding.total).toBe(3_611_250_000);
    expect(funding.byYear).toEqual({ "2026": 331_000_000, "2027": 230_250_000, "2028": 3_050_000_000 });
    expect(funding.bySource).toEqual({ local: 571_250_000, other: 3_040_000_000 });
    expect(funding.bySourceByYear.local).toEqual({
      "2026": 264_000_000,
      "2027": 150_250_000,
      "2028": 157_000_000,
    });
    expect(funding.bySourceByYear.other).toEqual({
      "2026": 67_000_000,
      "2027": 80_000_000,
      "2028": 2_893_000_000,
    });
    expect(funding.line).toBe(64);
  });

  it("finds the five narrative sections after the council decision", () => {
    expect(programme.sections.map((section) => [section.key, section.line])).toEqual([
      ["general", 103],
      ["analysis", 115],
      ["aims", 242],
      ["results", 294],
      ["monitoring", 313],
    ]);
  });
});

describe("romny-2026-2028: task table", () => {
  it("has 4 directions, 25 tasks and 36 projects", () => {
    expect(programme.directions.map((direction) => direction.title)).toEqual([
      "Цифрова трансформація управління громадою",
      "Цифровізація публічних послуг",
      "Розбудова інфраструктури інформатизації територіальної громади",
      "Стимулювання зростання цифрової економіки та розвиток цифрової грамотності",
    ]);
    expect(programme.directions.map((direction) => direction.items.length)).toEqual([11, 7, 4, 3]);
    expect(countByLevel(programme)).toEqual([25, 36]);
  });

  it("keeps the auto-numbered source rows 4) and 5) as funding of task 3's first project", () => {
    const task = item(programme, "d1.3");
    expect(task.number).toBe("3)");
    expect(task.title).toBe("розвиток системи електронного документообігу");
    expect(task.children.map((child) => child.title)).toEqual([
      "придбання додаткових ліцензій",
      expect.stringMatching(/^закупівля модулів обміну даними, підключення до СЕВ ОВВ/),
    ]);
    const [first, second] = task.children;
    expect(first?.funding.map((row) => [row.source, row.total])).toEqual([
      ["total", 99_000_000],
      ["local", 9_000_000],
      ["other", 90_000_000],
    ]);
    expect(first?.funding[2]?.byYear).toEqual({ "2026": 27_000_000, "2027": 30_000_000, "2028": 33_000_000 });
    expect(second?.funding.map((row) => [row.source, row.total])).toEqual([["local", 22_000_000]]);
  });

  it("attaches unnumbered rows with an empty task cell as further projects (lines 604, 736, 871)", () => {
    expect(item(programme, "d2.1.2").line).toBe(603);
    expect(item(programme, "d2.1.2").title).toMatch(/^розвиток інформаційних, цифрових технологій/);
    expect(item(programme, "d3.1.2").title).toMatch(/^розробка та впровадження плану реагування/);
    expect(item(programme, "d4.2").children.map((child) => child.line)).toEqual([834, 845, 857, 870]);
  });

  it("keeps deadlines as printed, including the inverted 2026-2025 and 2027 with 2026 money", () => {
    expect(item(programme, "d2.1.2").deadline).toEqual({ kind: "years", from: 2026, to: 2025 });
    const archive = item(programme, "d1.4.1");
    expect(archive.deadlineText).toBe("2027 рік");
    expect(archive.deadline).toEqual({ kind: "years", from: 2027, to: 2027 });
    expect(archive.funding[0]?.byYear["2026"]).toBe(12_600_000);
  });

  it("keeps 'в межах фінансування' as a note without amounts", () => {
    const budget = item(programme, "d2.6.1").funding;
    expect(budget).toHaveLength(1);
    expect(budget[0]).toMatchObject({ source: "local", total: 0, note: "в межах фінансування" });
    const solar = item(programme, "d3.4.1").funding;
    expect(solar.map((row) => [row.source, row.note])).toEqual([
      ["local", "в межах фінансування"],
      ["other", "в межах фінансування"],
    ]);
  });

  it("splits executors on line breaks and semicolons and joins words hyphenated at line wraps", () => {
    expect(item(programme, "d2.7.1").executors).toEqual([
      "КНП «Роменська ЦРЛ» РМР",
      "КНП «ЦПМСД міста Ромни» РМР",
    ]);
    expect(item(programme, "d1.5.1").executors).toEqual([
      "відділ з питань внутрішньої політики Виконавчого комітету Роменської міської ради",
      "структурні підрозділи та комунальні підприємства міської ради",
    ]);
    expect(item(programme, "d1.1.1").executors).toEqual([
      "відділ цифрового розвитку та цифровізації Виконавчого комітету Роменської міської ради",
    ]);
    // The document prints no separator between the last two: "… Роменської міської ради відділ …".
    expect(item(programme, "d4.2.3").executors).toEqual([
      "Відділ культури Роменської міської ради",
      "Відділ освіти Роменської міської ради Сумської області",
      "Територіальний центр надання соціальних послуг (соціального обслуговування) Роменської міської ради",
      "відділ з питань внутрішньої політики Виконавчого комітету Роменської міської ради",
    ]);
    expect(item(programme, "d2.2.1").title).toBe("забезпечення можливості онлайн-запису для відвідувачів");
  });

  it("removes bookmark markup", () => {
    expect(item(programme, "d3.2").title).toMatch(/^запровадження функціонування державної системи/);
  });

  it("reads direction totals and the grand total as declared rows", () => {
    expect(programme.directions[0]?.declaredTotals.map((row) => [row.source, row.total])).toEqual([
      ["total", 661_250_000],
      ["local", 571_250_000],
      ["other", 90_000_000],
    ]);
    expect(programme.directions[1]?.declaredTotals.map((row) => [row.source, row.total])).toEqual([
      ["total", 2_950_000_000],
      ["local", 0],
      ["other", 2_950_000_000],
    ]);
    expect(programme.declaredTotals.map((row) => [row.source, row.total, row.line])).toEqual([
      ["total", 3_611_250_000, 916],
      ["local", 571_250_000, 925],
      ["other", 3_040_000_000, 933],
    ]);
  });

  it("reports no importer warnings for this well-formed document", () => {
    expect(findings.filter((finding) => finding.code.startsWith("import."))).toEqual([]);
  });
});

describe("romny-2026-2028: indicators", () => {
  it("reads 32 indicators with directions carried down", () => {
    expect(programme.indicators).toHaveLength(32);
    expect(new Set(programme.indicators.map((indicator) => indicator.direction)).size).toBe(4);
    expect(programme.indicators[0]).toMatchObject({
      number: "1.",
      direction: "цифрова трансформація управління громадою",
      unit: "%",
      baseline: "37,5",
      targets: { "2026": "39,0", "2027": "41,0", "2028": "43,0" },
      dynamics: "+5,5",
      line: 980,
    });
  });

  it("reads the row whose baseline cell lost its tab (line 1234)", () => {
    const museum = programme.indicators.find((indicator) => indicator.number === "24.");
    expect(museum).toMatchObject({
      name: "кількість оцифрованих об’єктів культури і культурної спадщини",
      unit: "одиниць",
      baseline: "22",
      targets: { "2026": "32", "2027": "42", "2028": "52" },
      dynamics: "+30",
      direction: "цифровізація публічних послуг",
    });
  });
});
