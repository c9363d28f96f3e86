import { describe, expect, it } from "vitest";
import { countByLevel, importFixture, item } from "./support.js";

/** Expectations read by hand from slobozhanska-2025-2027.txt: no amounts anywhere, five sources per project. */
const { programme, findings } = importFixture("slobozhanska-2025-2027.txt");
const SOURCES = ["total", "state", "oblast", "district", "local", "other"];

describe("slobozhanska-2025-2027: passport", () => {
  it("reads the identity and period from tab-separated passport rows", () => {
    expect(programme.community).toEqual({
      name: "Слобожанська селищна територіальна громада",
      katottg: "UA63140110000087562",
    });
    expect(programme.period).toEqual({ from: 2025, to: 2027 });
    expect(programme.passport.fields[9]?.value).toMatch(/^Кошти бюджету Слобожанської селищної/);
  });

  it("warns that neither the passport nor the task table prints any amount", () => {
    expect(programme.passport.funding.total).toBeNull();
    const noAmounts = findings.filter((finding) => finding.code === "import.no-amounts");
    expect(noAmounts.map((finding) => [finding.location.ref, finding.location.line])).toEqual([
      ["programme", 226],
      ["passport:10", 29],
    ]);
  });

  it("finds the sections under Roman and Arabic numbered headings", () => {
    expect(programme.sections.map((section) => section.key)).toEqual([
      "general",
      "analysis",
      "aims",
      "results",
      "monitoring",
    ]);
  });
});

describe("slobozhanska-2025-2027: task table", () => {
  it("has 4 directions, 16 unnumbered tasks with generated numbers and 18 projects", () => {
    expect(programme.directions.map((direction) => direction.number)).toEqual(["1", "2", "3", "4"]);
    expect(programme.directions.map((direction) => direction.items.length)).toEqual([5, 1, 4, 6]);
    expect(countByLevel(programme)).toEqual([16, 18]);
    expect(item(programme, "d1.2").number).toBe("1.2");
    expect(item(programme, "d1.2.1").number).toBe("1.2.1");
  });

  it("reads the five source rows of a project, including the one shifted by a column (line 234)", () => {
    const computers = item(programme, "d1.1.1");
    expect(computers.title).toMatch(/^Придбання сучасної комп'ютерної техніки/);
    expect(computers.funding.map((row) => row.source)).toEqual(SOURCES);
    expect(computers.funding.every((row) => row.total === 0 && Object.keys(row.byYear).length === 0)).toBe(
      true,
    );
    expect(computers.funding[5]?.line).toBe(234);
  });

  it("treats a row whose task cell was lost as a further project of the task above (line 235)", () => {
    const network = item(programme, "d1.1.2");
    expect(network.title).toMatch(/^Побудова сучасної захищеної локальної мережі/);
    expect(network.executors).toEqual(["Відділ організаційно-інформаційної роботи"]);
    expect(network.funding.map((row) => row.source)).toEqual(SOURCES);
    const missing = findings.filter((finding) => finding.code === "import.task-cell-missing");
    expect(missing.map((finding) => finding.location)).toEqual([{ line: 235, ref: "item:d1.1.2" }]);
  });

  it("continues the shifted project's title, not its executors, after the page break (line 240)", () => {
    expect(item(programme, "d1.1.2").title).toBe(
      "Побудова сучасної захищеної локальної мережі з можливістю керування мережевими потоками в будівлях Слобожанської селищної ради, структурних підрозділів, старостинських округів, закладах освіти, закладах культури, закладах",
    );
  });

  it("treats a row with an empty first cell and a project name as another project (line 279)", () => {
    expect(item(programme, "d2.1").children.map((child) => child.line)).toEqual([273, 279]);
    expect(item(programme, "d2.1.2").executors).toEqual(["Відділ культури та туризму"]);
  });

  it("joins rows split by a page break (lines 254–256 and 338–340)", () => {
    const site = item(programme, "d1.4");
    expect(site.title).toBe(
      "Забезпечення розвитку офіційного сайту органу місцевого самоврядування, в тому числі у відповідності до дизайн-коду Дія",
    );
    const project = item(programme, "d1.4.1");
    expect(project.title).toBe(
      "Модифікація офіційного сайту Слобожанської селищної ради у відповідність дизайн-коду Дія",
    );
    expect(project.executors).toEqual(["Відділ організаційно-інформаційної роботи"]);
    expect(project.expectedResult).toBe("Функціонування офіційного сайту, який відповідає дизайн-коду Дія");
    expect(project.funding.map((row) => [row.source, row.line])).toEqual([
      ["total", 254],
      ["state", 256],
      ["oblast", 257],
      ["district", 258],
    ]);
    expect(item(programme, "d4.3").title).toBe(
      "Популяризація використання онлайн платформи «Дія. Цифрова освіта»",
    );
    expect(item(programme, "d4.3.1").funding.map((row) => row.source)).toEqual(SOURCES);
  });

  it("splits a comma-separated list of units", () => {
    expect(item(programme, "d4.4.1").executors).toEqual([
      "Відділ організаційно-інформаційної роботи",
      "відділ культури",
    ]);
  });
});

describe("slobozhanska-2025-2027: indicators", () => {
  it("reads 40 indicators with empty baselines and targets", () => {
    expect(programme.indicators).toHaveLength(40);
    const byDirection = new Map<string, number>();
    for (const indicator of programme.indicators) {
      byDirection.set(indicator.direction, (byDirection.get(indicator.direction) ?? 0) + 1);
    }
    expect([...byDirection.values()]).toEqual([13, 17, 6, 4]);
    expect(programme.indicators[3]).toMatchObject({
      name: "Інтеграція СЕД ОМС із СЕВ ОБВ",
      unit: "Так/Ні",
      baseline: "",
      targets: { "2025": "", "2026": "", "2027": "" },
    });
  });

  it("joins indicator rows split by a page break (lines 397–399 and 416–418)", () => {
    const datasets = programme.indicators.find((indicator) => indicator.line === 397);
    expect(datasets?.name).toMatch(/згідно до абзацу 6 Порядку наборів даних.*Постанови КМУ №835$/);
    const monitoring = programme.indicators.find((indicator) => indicator.line === 416);
    expect(monitoring).toMatchObject({
      name: "% підрозділів та віддалених робочих місць ЦНАП підключених до системи онлайн моніторингу та оцінки якості послуг Порталу Дія",
      unit: "%",
      direction: "Цифровізація публічних послуг",
    });
  });
});
