import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyProgramme } from "../../src/domain/model.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { exportCsv } from "../../src/export/csv.js";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { parseCsv, readCsvProgramme } from "../../src/import/csv.js";
import { programme, text } from "./arbitrary.js";

/** The model as JSON sees it: optional fields left undefined are absent. */
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe("CSV export", () => {
  it("starts with a BOM, separates with ';' and names every record kind the model needs", () => {
    const csv = exportCsv(demoProgramme());
    expect(csv.startsWith("\ufeffrecord;")).toBe(true);
    const kinds = new Set(
      parseCsv(csv)
        .slice(1)
        .map((row) => row[0]),
    );
    for (const kind of ["meta", "passport", "passport-funding", "section", "direction", "item", "funding"]) {
      expect(kinds).toContain(kind);
    }
  });

  it("quotes fields holding the separator, quotes or line breaks (RFC 4180)", () => {
    const demo = demoProgramme();
    demo.title = 'Програма "Цифрова"; громада\r\nдругий рядок';
    const csv = exportCsv(demo);
    expect(csv).toContain('meta;title;"Програма ""Цифрова""; громада\r\nдругий рядок"');
  });
});

describe("CSV parser", () => {
  it("reads quoted separators, doubled quotes, CRLF and LF inside and between rows", () => {
    const rows = parseCsv('\ufeffa;b;c\r\n"x;y";"say ""hi""";"1\r\n2"\n;;\n');
    expect(rows).toEqual([
      ["a", "b", "c"],
      ["x;y", 'say "hi"', "1\r\n2"],
      ["", "", ""],
    ]);
  });

  it("rejects an unterminated quote", () => {
    expect(() => parseCsv('a;"b\nc')).toThrow(NotAProgrammeError);
  });
});

describe("CSV round trip", () => {
  it("gives back an empty programme", () => {
    const empty = emptyProgramme();
    const result = readCsvProgramme(exportCsv(empty));
    expect(result.findings).toEqual([]);
    expect(plain(result.programme)).toEqual(plain(empty));
  });

  it("gives back the demo programme exactly", () => {
    const demo = demoProgramme();
    const result = readCsvProgramme(exportCsv(demo));
    expect(result.findings).toEqual([]);
    expect(plain(result.programme)).toEqual(plain(demo));
  });

  it("is lossless for random programmes (Cyrillic, quotes, ';', line breaks, amounts > 2^31 kopecks)", () => {
    const withCarriageReturns = text(8).map((value) => value.replaceAll("\n", "\r\n"));
    fc.assert(
      fc.property(programme, withCarriageReturns, (original, title) => {
        original.title = title;
        const result = readCsvProgramme(exportCsv(original));
        expect(result.findings).toEqual([]);
        expect(plain(result.programme)).toEqual(plain(original));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps amounts above 2^31 and near 2^53 kopecks exact", () => {
    const demo = demoProgramme();
    const row = demo.directions[0]?.items[0]?.funding[0];
    if (!row) throw new Error("demo has no funding row");
    row.total = Number.MAX_SAFE_INTEGER;
    row.byYear = { "2026": 2 ** 31 + 1, "2027": 9_007_199_254_740_000 };
    const back = readCsvProgramme(exportCsv(demo)).programme.directions[0]?.items[0]?.funding[0];
    expect(back?.total).toBe(Number.MAX_SAFE_INTEGER);
    expect(back?.byYear).toEqual({ "2026": 2 ** 31 + 1, "2027": 9_007_199_254_740_000 });
  });
});

describe("CSV reader findings", () => {
  const lines = () => exportCsv(demoProgramme()).split("\r\n");
  const header = () => parseCsv(exportCsv(demoProgramme()))[0] ?? [];

  it("points at the cell of a non-numeric amount", () => {
    const rows = lines();
    const index = rows.findIndex((row) => row.startsWith("funding;"));
    const cells = parseCsv(rows[index] ?? "")[0] ?? [];
    const totalColumn = header().indexOf("total");
    cells[totalColumn] = "багато";
    rows[index] = cells.join(";");
    const { findings } = readCsvProgramme(rows.join("\r\n"));
    const letter = String.fromCharCode(65 + (totalColumn % 26));
    const prefix = totalColumn >= 26 ? "A" : "";
    expect(findings).toHaveLength(1);
    expect(findings[0]?.code).toBe("import.bad-number");
    expect(findings[0]?.location.line).toBe(index + 1);
    expect(findings[0]?.location.ref).toMatch(/^item:d\d/);
    expect(findings[0]?.message).toContain(`${prefix}${letter}${index + 1}`);
  });

  it("warns about an amount in a year outside the programme period", () => {
    const rows = lines();
    const columns = header();
    const index = rows.findIndex((row) => row.startsWith("funding;"));
    const cells = parseCsv(rows[index] ?? "")[0] ?? [];
    columns.push("y2031");
    cells[columns.length - 1] = "100000";
    rows[0] = columns.join(";");
    rows[index] = cells.join(";");
    const { findings } = readCsvProgramme(rows.join("\r\n"));
    expect(findings.map((finding) => finding.code)).toEqual(["import.year-outside-period"]);
    expect(findings[0]?.location.line).toBe(index + 1);
  });

  it("skips a row of an unknown record kind with a warning", () => {
    const csv = `${exportCsv(demoProgramme())}budget;щось\r\n`;
    const { findings } = readCsvProgramme(csv);
    expect(findings.map((finding) => [finding.code, finding.location.line])).toEqual([
      ["import.unknown-record", csv.split("\r\n").length - 1],
    ]);
  });

  it("refuses a CSV without the record column or without meta records", () => {
    expect(() => readCsvProgramme("a;b\n1;2\n")).toThrow(/record/);
    expect(() => readCsvProgramme("record;title\nitem;x\n")).toThrow(/meta/);
  });
});
