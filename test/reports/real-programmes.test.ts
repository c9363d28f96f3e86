import { describe, expect, it } from "vitest";
import type { Programme, SourceKind } from "../../src/domain/model.js";
import type { ExecutorReport } from "../../src/domain/monitoring/reports.js";
import { isActiveInYear, plannedForYear, projectItems } from "../../src/domain/monitoring/rollup.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { progressReportDocx, resultsReportDocx } from "../../src/export/reports/docx.js";
import { programmeHead, splitHead } from "../../src/export/reports/input.js";
import { progressReportXlsx, RAW_SHEET } from "../../src/export/reports/xlsx.js";
import {
  docxParagraphs,
  docxTables,
  kopecksOfText,
  loadWorkbook,
  realProgramme,
  sheetRows,
} from "./build.js";

const CASES = [
  { file: "romny-2026-2028.txt", katottg: "UA59060110000049734", head: "Лілія ГОРОДЕЦЬКА", funded: true },
  // Slobozhanska's task table has no amounts: its totals are zero, the title block and head still count.
  { file: "slobozhanska-2025-2027.txt", katottg: "UA63140110000087562", head: "Яна ХАБАРОВА", funded: false },
  {
    file: "starokostiantyniv-2026-2028.txt",
    katottg: "UA68040390010084208",
    head: "Наталія ШАБЕЛЬНИК",
    funded: true,
  },
];

type Amounts = [SourceKind, number][];

function report(
  itemId: string,
  periodKey: string,
  unit: string,
  amounts: Amounts,
  at: string,
): ExecutorReport {
  return {
    id: `${itemId}-${periodKey}`,
    itemId,
    periodKey,
    unit,
    status: "in-progress",
    actual: amounts.map(([source, amount]) => ({ source, label: source, amount })),
    text: "",
    attachments: [],
    indicatorActuals: [],
    submittedAt: at,
    lockedAt: null,
  };
}

/**
 * Two units alternate over the projects. Each reports two fifths of the plan for H1 and the rest
 * less a few kopecks for H2; every third project also files an annual report of exactly the plan,
 * which then replaces its half-years. Returns the reports and what the year's total must be.
 */
function submissions(programme: Programme, year: number): { reports: ExecutorReport[]; expected: number } {
  const reports: ExecutorReport[] = [];
  let expected = 0;
  const leaves = programme.directions
    .flatMap((d) => projectItems(d.items))
    .filter((i) => isActiveInYear(i, year));
  leaves.forEach((item, index) => {
    const unit = index % 2 === 0 ? "Відділ цифрового розвитку" : "Фінансове управління";
    const planned = Object.entries(plannedForYear(item, year)) as Amounts;
    const h1: Amounts = planned.map(([source, amount]) => [source, Math.floor((amount * 2) / 5)]);
    const h2: Amounts = planned.map(([source, amount], at) => [
      source,
      Math.max(0, amount - (h1[at]?.[1] ?? 0) - (index % 7)),
    ]);
    reports.push(report(item.id, `${year}-H1`, unit, h1, `${year}-07-02`));
    reports.push(report(item.id, `${year}-H2`, unit, h2, `${year + 1}-01-05`));
    const sum = (amounts: Amounts) => amounts.reduce((total, [, amount]) => total + amount, 0);
    if (index % 3 === 0) {
      reports.push(report(item.id, `${year}-Y`, unit, planned, `${year + 1}-01-30`));
      expected += sum(planned);
    } else expected += sum(h1) + sum(h2);
  });
  return { reports, expected };
}

describe.each(CASES)("annual reports of an imported programme: $file", ({ file, katottg, head, funded }) => {
  const programme = realProgramme(file);
  const year = programme.period.from;
  const { reports, expected } = submissions(programme, year);
  const input = { programme, reports, year, compiledOn: `${year + 1}-02-25` };

  it("has money to report on when the programme states amounts", () => {
    expect(expected > 0).toBe(funded);
  });

  it("progress DOCX: title block, signature and a programme total equal to the submissions", async () => {
    const bytes = await progressReportDocx(input);
    const paragraphs = await docxParagraphs(bytes);
    expect(paragraphs).toContain(`Код КАТОТТГ: ${katottg}`);
    expect(paragraphs).toContain(`Звітний рік: ${year}`);
    const tables = await docxTables(bytes);
    expect(tables.at(-1)?.rows[0]?.cells[2]).toBe(head);
    const total = tables[0]?.rows.find((row) => row.cells[1] === "Усього за Програмою");
    expect(kopecksOfText(total?.cells[6] ?? "")).toBe(expected);
  });

  it("progress XLSX: raw kopecks of the projects add up to the submissions and to the total row", async () => {
    const workbook = await loadWorkbook(await progressReportXlsx(input));
    const raw = workbook.getWorksheet(RAW_SHEET);
    if (!raw) throw new Error("no raw sheet");
    const [header = [], ...data] = sheetRows(raw);
    const at = (key: string) => header.indexOf(key);
    const sum = (kind: string) =>
      data
        .filter((row) => row[at("row_kind")] === kind)
        .reduce((total, row) => total + (row[at("actual_kopecks")] as number), 0);
    expect(sum("project")).toBe(expected);
    expect(sum("total")).toBe(expected);
    expect(sum("direction")).toBe(expected);
  });

  it("results DOCX: the funding total equals the submissions", async () => {
    const tables = await docxTables(await resultsReportDocx(input));
    const funding = tables.find((table) => table.rows[0]?.cells[0] === "Джерело фінансування");
    const total = funding?.rows.find((row) => row.cells[0] === "Усього");
    expect(kopecksOfText(total?.cells[2] ?? "")).toBe(expected);
  });
});

describe("the programme head from passport field 7", () => {
  it("leaves blanks to fill in by hand when the passport names no head", async () => {
    const programme = demoProgramme();
    programme.passport.fields = programme.passport.fields.filter((field) => !/керівник/i.test(field.label));
    expect(programmeHead(programme)).toEqual({ position: "", name: "" });
    const bytes = await progressReportDocx({ programme, reports: [], year: 2026, compiledOn: "2027-02-01" });
    const signature = (await docxTables(bytes)).at(-1)?.rows[0]?.cells;
    expect(signature).toEqual(["(посада)", "____________________\n(підпис)", "(ім'я та ПРІЗВИЩЕ)"]);
  });

  it.each([
    [
      "заступник міського голови з питань діяльності виконавчих органів ради Лілія ГОРОДЕЦЬКА",
      "Заступник міського голови з питань діяльності виконавчих органів ради",
      "Лілія ГОРОДЕЦЬКА",
    ],
    [
      "Наталія ШАБЕЛЬНИК – керуючий справами виконавчого комітету міської ради",
      "Керуючий справами виконавчого комітету міської ради",
      "Наталія ШАБЕЛЬНИК",
    ],
    ["ПЕТРЕНКО Іван, секретар міської ради", "Секретар міської ради", "ПЕТРЕНКО Іван"],
    ["Міський голова", "Міський голова", ""],
  ])("%s", (value, position, name) => {
    expect(splitHead(value)).toEqual({ position, name });
  });
});
