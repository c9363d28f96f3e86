/**
 * The programme's own DOCX and XLSX exports of a programme whose document prints «грн» or «млн грн»:
 * the annex (and the passport) in that unit and named in the headers, and imported back, the same
 * kopecks.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { allItems, type Programme } from "../../src/domain/model.js";
import { type MoneyUnit, parseDecimalToKopecks } from "../../src/domain/money.js";
import { demoProgramme, demoProgrammeIn } from "../../src/domain/synthetic/demo.js";
import { programmeTotals } from "../../src/domain/totals.js";
import { exportDocx } from "../../src/export/docx.js";
import { exportXlsx } from "../../src/export/xlsx.js";
import type { Block, Table } from "../../src/import/blocks.js";
import { readDocxBlocks } from "../../src/import/docx.js";
import { importDocument } from "../../src/import/index.js";
import { readXlsxProgramme } from "../../src/import/xlsx.js";
import { SHEET } from "../../src/template/layout.js";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const tables = (blocks: Block[]) => blocks.filter((block): block is Table => block.kind === "table");
const paragraphs = (blocks: Block[]) =>
  blocks.flatMap((block) => (block.kind === "paragraph" ? [block.text] : []));

interface Case {
  unit: MoneyUnit;
  label: string;
  /** The programme's total (8 436,5 тис. грн) and its 2026 amount (4 228,9 тис. грн) in the unit. */
  total: string;
  total2026: string;
  totalNumber: number;
  numFmt: string;
}

const CASES: Case[] = [
  {
    unit: "uah",
    label: "грн",
    total: "8 436 500,00",
    total2026: "4 228 900,00",
    totalNumber: 8436500,
    numFmt: "#,##0.00",
  },
  {
    unit: "million",
    label: "млн грн",
    total: "8,4365",
    total2026: "4,2289",
    totalNumber: 8.4365,
    numFmt: "#,##0.0#######",
  },
];

/** What an export must carry back: the unit, every item's funding, the totals and the passport's amounts. */
function amounts(programme: Programme) {
  return {
    unit: programme.unit,
    items: allItems(programme).map((item) =>
      item.funding
        .filter((row) => row.source !== "total")
        .map((row) => [row.source, row.total, row.byYear, row.spans ?? {}]),
    ),
    totals: programmeTotals(programme),
    passport: { ...programme.passport.funding, line: 0 },
  };
}

describe.each(CASES.map((c) => [c.label, c] as const))("the DOCX export of a programme in «%s»", (_, c) => {
  const programme = demoProgrammeIn(c.unit);
  const exported = exportDocx(programme);

  it("names the unit over Annex 1 and prints its amounts in it", async () => {
    const blocks = await readDocxBlocks(await exported);
    expect(paragraphs(blocks)).toContain(
      `Перелік завдань, проєктів і робіт з інформатизації програми (${c.label})`,
    );
    const annex = tables(blocks)[1];
    expect(annex?.rows[0]?.cells[5]).toBe(`Обсяги фінансування, ${c.label}`);
    const grand = annex?.rows.find((row) => row.cells[0] === "Всього за програмою")?.cells ?? [];
    expect(grand.slice(5, 7).map(plain)).toEqual([c.total, c.total2026]);
    expect(parseDecimalToKopecks(grand[5] ?? "", c.unit)).toBe(programmeTotals(programme).total);
  });

  it("prints passport field 10's amounts in the unit its sentence names", async () => {
    const [passport] = tables(await readDocxBlocks(await exported));
    const total = passport?.rows.find((row) => row.cells[1] === "Загальний обсяг")?.cells ?? [];
    expect(total.slice(2, 4).map(plain)).toEqual([c.total, c.total2026]);
  });

  it("imported back, gives the same unit and kopecks, with the findings of the «тис. грн» export", async () => {
    const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);
    const back = await importDocument(await exported, "programme.docx");
    const thousands = await importDocument(await exportDocx(demoProgramme()), "programme.docx");
    expect(amounts(back.programme)).toEqual(amounts(programme));
    expect(codes(back.findings)).toEqual(codes(thousands.findings));
  });
});

describe("the DOCX export of a «грн» programme whose passport states its funding in thousands", () => {
  // As some documents print them: the task table in UAH, field 10 «… 8 436,5 тис. грн …».
  const programme: Programme = { ...demoProgramme(), unit: "uah" };

  it("prints the passport's amounts in thousands, beside its words, and the annex in UAH", async () => {
    const [passport, annex] = tables(await readDocxBlocks(await exportDocx(programme)));
    const total = passport?.rows.find((row) => row.cells[1] === "Загальний обсяг")?.cells ?? [];
    expect(plain(total[2] ?? "")).toBe("8 436,5");
    expect(annex?.rows[0]?.cells[5]).toBe("Обсяги фінансування, грн");
  });

  it("imported back, gives the same kopecks in both", async () => {
    const back = await importDocument(await exportDocx(programme), "programme.docx");
    expect(amounts(back.programme)).toEqual(amounts(programme));
  });
});

describe.each(CASES.map((c) => [c.label, c] as const))("the XLSX export of a programme in «%s»", (_, c) => {
  const programme = demoProgrammeIn(c.unit);
  const exported = exportXlsx(programme);

  it("lays Додаток 1 out in the unit, named in its header", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported) as unknown as ArrayBuffer);
    const annex = workbook.getWorksheet(SHEET.annex);
    if (!annex) throw new Error("no annex sheet");
    expect(annex.getRow(1).getCell(6).value).toBe(`Обсяги фінансування, ${c.label}`);
    const grand = annex
      .getRows(1, annex.rowCount)
      ?.find((row) => row.getCell(1).value === "Всього за програмою");
    expect(grand?.getCell(6).value).toBe(c.totalNumber);
    expect(annex.getColumn(6).numFmt).toBe(c.numFmt);
    const passport = workbook.getWorksheet(SHEET.passport);
    if (!passport) throw new Error("no passport sheet");
    const header = passport.getRow(1).values as unknown[];
    expect(header).toContain(`Сума, ${c.label}`);
    expect(header).not.toContain("Сума, тис. грн");
    const at = (name: string) => header.indexOf(name);
    // The programme's total: a funding row with no source and no year.
    const total = passport.getRows(2, passport.rowCount - 1)?.find((row) => {
      const values = row.values as unknown[];
      return values[at("Запис")] === "фінансування" && !values[at("Джерело (код)")] && !values[at("Рік")];
    });
    expect(total?.getCell(at("Сума, коп.")).value).toBe(programme.passport.funding.total);
    expect(total?.getCell(at(`Сума, ${c.label}`)).value).toBe(c.totalNumber);
  });

  it("imported back, gives the same programme", async () => {
    const back = await readXlsxProgramme(await exported);
    expect(back.findings).toEqual([]);
    expect(JSON.parse(JSON.stringify(back.programme))).toEqual(JSON.parse(JSON.stringify(programme)));
  });
});
