import { Document, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { describe, expect, it } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { importDocument } from "../../src/import/index.js";
import { convertOne } from "../support/office-cache.js";
import { hasSoffice } from "./families/office.js";

/**
 * Passport field 10 as Word writers often make it: a small table nested in the field's value cell,
 * «Джерела фінансування | Всього | 2026 | …» over a row per source. Its total, each year and each
 * source are read, and every number of it is placed (they all live in that one cell).
 */
const soffice = hasSoffice("test/import/passport-nested-table.test.ts");

const text = (value: string) => new Paragraph(value);
const row = (cells: (string | Table)[]) =>
  new TableRow({
    children: cells.map(
      (cell) => new TableCell({ children: typeof cell === "string" ? [text(cell)] : [cell, text("")] }),
    ),
  });

function funding(rows: string[][]): Table {
  return new Table({ rows: rows.map(row) });
}

async function programme(field10: Table): Promise<Uint8Array> {
  const passport = new Table({
    rows: [
      row(["1.", "Найменування територіальної громади", "Тестівська сільська територіальна громада"]),
      row(["9.", "Строк виконання Програми", "2026-2028 роки"]),
      row(["10.", "Обсяги та джерела фінансування Програми", field10]),
    ],
  });
  const tasks = new Table({
    rows: [
      [
        "№",
        "Назва заходу",
        "Виконавці",
        "Строк",
        "Джерела фінансування",
        "Всього",
        "2026",
        "2027",
        "2028",
        "Результат",
      ],
      [
        "1.",
        "Закупівля техніки",
        "Відділ цифрового розвитку",
        "2026-2028",
        "Бюджет громади",
        "1 200,0",
        "400,0",
        "400,0",
        "400,0",
        "Оновлено ПК",
      ],
      ["", "", "", "", "Інші джерела", "300,0", "100,0", "100,0", "100,0", ""],
    ].map(row),
  });
  const document = new Document({
    sections: [
      {
        children: [
          text("ПРОГРАМА цифрового розвитку Тестівської сільської територіальної громади на 2026-2028 роки"),
          text("ПАСПОРТ Програми"),
          passport,
          text("Перелік завдань і заходів Програми, тис. грн"),
          tasks,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const FIELD_10 = funding([
  ["Джерела фінансування", "Всього", "2026", "2027", "2028"],
  ["Загальний обсяг, тис. грн", "1 500,0", "500,0", "500,0", "500,0"],
  ["бюджет громади", "1 200,0", "400,0", "400,0", "400,0"],
  ["інші джерела", "300,0", "100,0", "100,0", "100,0"],
]);

function readsField10(result: ImportResult): void {
  const { total, byYear, bySource } = result.programme.passport.funding;
  expect({ total, byYear, bySource }).toEqual({
    total: 150_000_000,
    byYear: { 2026: 50_000_000, 2027: 50_000_000, 2028: 50_000_000 },
    bySource: { local: 120_000_000, other: 30_000_000 },
  });
  expect(result.coverage).toEqual({ numbersSeen: 20, numbersPlaced: 20, numbersFlagged: 0 });
  const codes = result.findings.map((finding) => finding.code);
  expect(codes.filter((code) => /unread-number|no-amounts|passport\.funding/.test(code))).toEqual([]);
}

describe("passport field 10 as a table nested in its value cell", () => {
  it("DOCX: its total, years and sources, every number placed", async () => {
    readsField10(await importDocument(await programme(FIELD_10), "programme.docx"));
  });

  it.skipIf(!soffice)(
    "the same saved as ODT by LibreOffice",
    async () => {
      const odt = await convertOne(await programme(FIELD_10), "docx", "odt");
      readsField10(await importDocument(odt, "programme.odt"));
    },
    120_000,
  );

  // LibreOffice gives the nested table's narrow columns no room for its words and amounts: it breaks
  // them without a hyphen («Дже» over «рела», «1 500,» over «0»), and the reader joins them back.
  it.skipIf(!soffice)(
    "the same printed to PDF by LibreOffice",
    async () => {
      const pdf = await convertOne(await programme(FIELD_10), "docx", "pdf");
      readsField10(await importDocument(pdf, "programme.pdf"));
    },
    120_000,
  );

  it("a nested row it cannot read is named, not lost", async () => {
    const odd = funding([
      ["Джерела фінансування", "Всього", "2026", "2027", "2028"],
      ["Загальний обсяг, тис. грн", "1 500,0", "500,0", "500,0", "500,0"],
      ["бюджет громади", "1 200,0 400,0", "400,0", "400,0", "400,0"],
    ]);
    const result = await importDocument(await programme(odd), "programme.docx");
    const coverage = result.coverage;
    expect(coverage?.numbersSeen).toBe((coverage?.numbersPlaced ?? 0) + (coverage?.numbersFlagged ?? 0));
  });
});
