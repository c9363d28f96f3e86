import { describe, expect, it } from "vitest";
import { evaluationCharts } from "../../src/export/reports/charts.js";
import { evaluationSummaryDocx } from "../../src/export/reports/evaluation-docx.js";
import type { Table } from "../../src/import/blocks.js";
import { unzipSafely } from "../../src/import/docx.js";
import {
  demoInput,
  documentXml,
  docxParagraphs,
  docxTables,
  expectedActual,
  kopecksOfText,
  uah,
} from "./build.js";

const { input, yearActual } = demoInput();
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("evaluation summary, DOCX", async () => {
  const bytes = await evaluationSummaryDocx(input);
  const tables = await docxTables(bytes);
  const paragraphs = await docxParagraphs(bytes);
  const byHeader = (first: string) => tables.find((table) => table.rows[0]?.cells[0] === first) as Table;
  const cells = (table: Table, skip = 1) => table.rows.slice(skip).map((row) => row.cells.map(plain));

  it("has a heading for each of the four criteria", () => {
    expect(paragraphs.filter((text) => /^[1-4]\. /.test(text))).toEqual([
      "1. Виконання завдань, проєктів і робіт в установлені строки та в повному обсязі",
      "2. Відповідність фактичних обсягів і джерел фінансування запланованим",
      "3. Ефективність виконання завдань",
      "4. Досягнення цільових значень індикаторів",
    ]);
  });

  it("1: projects done, on time, behind schedule; executor reports filed on time", () => {
    // 13 active projects; done: 1.3, 2.1.1, 2.1.2, 3.3, 4.1; behind: 1.1.1, 3.2.1, 4.2 (deadlines in 2026).
    // Reports due by 20.02.2027: H1, H2 and the annual one for each project = 39; on time: 11
    // (2.2's H2 came on 10 January, after the 5th; the draft of 4.2 is not a submission).
    expect(cells(byHeader("Показник")).map((row) => row[1])).toEqual([
      "13",
      "5 з 13 (38,5 %)",
      "5 з 13 (38,5 %)",
      "3",
      "39",
      "11 з 39 (28,2 %)",
    ]);
  });

  it("2: funding by source with a total equal to the submissions", () => {
    const rows = cells(byHeader("Джерело фінансування"), 2);
    const total = rows.find((row) => row[0] === "Усього") ?? [];
    expect(kopecksOfText(total[2] ?? "")).toBe(expectedActual(yearActual));
    expect(kopecksOfText(total[1] ?? "")).toBe(uah("3378900"));
  });

  it("3: per-direction subtotals and the programme total", () => {
    const rows = cells(byHeader("Пріоритетний напрям"), 2).filter((row) => row.length === 5);
    const planned = ["1981500", "724800", "147600", "525000"].map(uah);
    rows.slice(0, 4).forEach((row, index) => {
      expect(kopecksOfText(row[1] ?? "")).toBe(planned[index]);
      expect(kopecksOfText(row[2] ?? "")).toBe(expectedActual(yearActual, `d${index + 1}.`));
    });
    expect(rows[4]?.[0]).toBe("Усього за Програмою");
    expect(kopecksOfText(rows[4]?.[2] ?? "")).toBe(expectedActual(yearActual));
    const statuses = Object.fromEntries(cells(byHeader("Стан виконання")).map((row) => [row[0], row[1]]));
    expect(statuses).toMatchObject({ виконано: "5", виконується: "2", "звіт не подано": "6", Усього: "13" });
  });

  it("4: indicators reached among those with data", () => {
    expect(paragraphs).toContain("Досягнуто 1 з 2 індикаторів, за якими є дані (50,0 %); без даних: 0.");
    const indicators = cells(byHeader("№ з/п"), 2);
    expect(indicators.map((row) => row[7])).toEqual(["досягнуто", "не досягнуто"]);
  });

  it("embeds each chart as SVG with a PNG fallback", () => {
    const media = unzipSafely(bytes, (name) => name.startsWith("word/media/"));
    const svgs = [...media].filter(([name]) => name.endsWith(".svg"));
    const pngs = [...media].filter(([name]) => name.endsWith(".png"));
    expect(svgs).toHaveLength(5);
    expect(pngs).toHaveLength(5);
    for (const [, data] of svgs) expect(data.toString("utf8")).toMatch(/^<svg /);
    for (const [, data] of pngs) expect([...data.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const xml = documentXml(bytes);
    expect(xml.match(/<asvg:svgBlip /g)).toHaveLength(5);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
  });

  it("signs with the programme head", () => {
    expect(tables.at(-1)?.rows[0]?.cells[2]).toBe("Олена ДЕМЕНКО");
  });
});

describe("evaluation summary with quarterly executor reports", () => {
  it("counts the quarters and the year as due; half-year reports do not stand in for quarters", async () => {
    const bytes = await evaluationSummaryDocx({ ...input, cadence: "quarter" });
    const table = (await docxTables(bytes)).find((t) => t.rows[0]?.cells[0] === "Показник") as Table;
    // Q1–Q4 and the annual report for 13 projects, all due by 20.02.2027; on time: the three annual ones.
    expect(table.rows.slice(-2).map((row) => plain(row.cells[1] ?? ""))).toEqual(["65", "3 з 65 (4,6 %)"]);
  });
});

describe("evaluation charts", () => {
  it("draws one SVG per criterion, with the data's labels", () => {
    const charts = evaluationCharts(input);
    expect(charts.map((chart) => chart.name)).toEqual([
      "implementation",
      "funding-by-source",
      "direction-progress",
      "project-status",
      "indicators",
    ]);
    const funding = charts.find((chart) => chart.name === "funding-by-source")?.svg ?? "";
    expect(funding).toContain("місцевий бюджет");
    expect(funding).toContain("інші джерела");
    const directions = charts.find((chart) => chart.name === "direction-progress")?.svg ?? "";
    expect(directions).toContain("Напрям 4");
  });

  it("leaves out the indicator chart when the programme has no indicators", () => {
    const programme = { ...input.programme, indicators: [] };
    const names = evaluationCharts({ ...input, programme }).map((chart) => chart.name);
    expect(names).not.toContain("indicators");
    expect(names).toContain("funding-by-source");
  });
});
