import zlib, { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { allItems, isSummedSource, type Programme } from "../../src/domain/model.js";
import { formatAmount, parseAmountCell } from "../../src/domain/money.js";
import { demoProgramme } from "../../src/domain/synthetic/demo.js";
import { directionTotals, itemOwnTotals, programmeTotals } from "../../src/domain/totals.js";
import { exportDocx } from "../../src/export/docx.js";
import { type Block, NotAProgrammeError, type Table } from "../../src/import/blocks.js";
import { readDocxBlocks, unzipSafely } from "../../src/import/docx.js";
import { inflatedEntryCap } from "../../src/import/limits.js";
import { docxWithBody, makeZip } from "./zip.js";

const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (text: string) => `<w:p>${run(text)}</w:p>`;
const tc = (content: string, properties = "") =>
  `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ""}${content}</w:tc>`;

const MERGED_TABLE = [
  p("Додаток 1"),
  "<w:p/>",
  "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>",
  `<w:tr>${tc(p("Напрям 1"), '<w:gridSpan w:val="2"/>')}${tc(p("A"))}${tc(p("B"))}</w:tr>`,
  `<w:tr>${tc(p("Завдання"), '<w:vMerge w:val="restart"/>')}${tc(`<w:p>${run("Проєкт ")}${run("1")}</w:p>`)}`,
  `${tc(p("10,0"))}${tc(`<w:p>${run("x")}<w:r><w:tab/><w:t>y</w:t><w:br/><w:t>z</w:t></w:r></w:p>`)}</w:tr>`,
  `<w:tr>${tc(p("залишок"), "<w:vMerge/>")}${tc(p("Проєкт 2"))}`,
  `${tc(`<w:tbl><w:tr>${tc(p("a"))}${tc(p("b"))}</w:tr><w:tr>${tc(p("c"))}${tc(p("d"))}</w:tr></w:tbl><w:p/>`)}`,
  `${tc("<w:p><w:del><w:r><w:delText>старе</w:delText></w:r></w:del><w:ins><w:r><w:t>нове</w:t></w:r></w:ins></w:p>")}</w:tr>`,
  `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p("c2"))}${tc(p("c3"))}</w:tr>`,
  `<w:tr>${tc(p("h1"), '<w:hMerge w:val="restart"/>')}${tc(p("зайве"), "<w:hMerge/>")}${tc(p("h3"))}${tc(p("h4"))}</w:tr>`,
  "</w:tbl>",
  `<w:sdt><w:sdtContent>${p("У контролі вмісту &amp; «лапки»")}</w:sdtContent></w:sdt>`,
].join("");

function tables(blocks: Block[]): Table[] {
  return blocks.filter((block): block is Table => block.kind === "table");
}

describe("readDocxBlocks on hand-written WordprocessingML", () => {
  it("keeps columns aligned across gridSpan, vMerge, hMerge, gridBefore and nested tables", async () => {
    const blocks = await readDocxBlocks(docxWithBody(MERGED_TABLE));
    expect(blocks).toEqual([
      { kind: "paragraph", text: "Додаток 1", line: 1 },
      {
        kind: "table",
        line: 3,
        rows: [
          { cells: ["Напрям 1", "", "A", "B"], line: 3 },
          { cells: ["Завдання", "Проєкт 1", "10,0", "x\ty\nz"], line: 4 },
          { cells: ["", "Проєкт 2", "a\tb\nc\td", "нове"], line: 5, mergedFromAbove: { 0: "Завдання" } },
          { cells: ["", "c2", "c3", ""], line: 6 },
          { cells: ["h1", "", "h3", "h4"], line: 7 },
        ],
      },
      { kind: "paragraph", text: "У контролі вмісту & «лапки»", line: 8 },
    ]);
  });
});

describe("readDocxBlocks on hostile input", () => {
  it("rejects random bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        await expect(readDocxBlocks(bytes)).rejects.toThrow(NotAProgrammeError);
      }),
      { numRuns: 200 },
    );
  });

  it("rejects a zip that is not a DOCX and malformed XML", async () => {
    const plainZip = makeZip([{ name: "hello.txt", data: Buffer.from("привіт") }]);
    await expect(readDocxBlocks(plainZip)).rejects.toThrow(NotAProgrammeError);
    await expect(readDocxBlocks(docxWithBody("<w:p><w:r><w:t>не закрито</w:r></w:p>"))).rejects.toThrow(
      /неправильний XML/,
    );
  });

  it("rejects every truncation of a real DOCX", async () => {
    const bytes = await exportDocx(demoProgramme());
    for (const cut of [0.1, 0.3, 0.5, 0.7, 0.9, 0.99].map((share) => Math.floor(bytes.byteLength * share))) {
      await expect(readDocxBlocks(bytes.subarray(0, cut))).rejects.toThrow(NotAProgrammeError);
    }
  });

  it("refuses a zip bomb, declared or lying about its size, inflating no more than its cap", async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const honest = makeZip([{ name: "word/document.xml", data: zeros }]);
    const lying = makeZip([{ name: "word/document.xml", data: zeros, declaredSize: 1000 }]);
    expect(honest.byteLength).toBeLessThan(1024 * 1024);
    const inflate = vi.spyOn(zlib, "inflateRawSync");
    try {
      for (const bomb of [honest, lying]) {
        await expect(readDocxBlocks(bomb)).rejects.toThrow(/zip-бомба/);
        const caps = inflate.mock.calls.map(([, options]) => options?.maxOutputLength ?? Infinity);
        expect(Math.max(0, ...caps)).toBeLessThanOrEqual(inflatedEntryCap(bomb.byteLength));
        inflate.mockClear();
      }
    } finally {
      inflate.mockRestore();
    }
  });

  it("refuses an archive with too many entries", async () => {
    const entries = Array.from({ length: 5001 }, (_, index) => ({
      name: `f${index}`,
      data: new Uint8Array(1),
    }));
    await expect(readDocxBlocks(makeZip(entries))).rejects.toThrow(NotAProgrammeError);
  });

  it("reads a deflated entry exactly (sanity of the test zip writer)", async () => {
    expect(deflateRawSync(Buffer.from("x")).byteLength).toBeGreaterThan(0);
    const blocks = await readDocxBlocks(docxWithBody(p("так")));
    expect(blocks).toEqual([{ kind: "paragraph", text: "так", line: 1 }]);
  });
});

function rowStartingWith(table: Table, first: string): string[] {
  const row = table.rows.find((each) => each.cells[0] === first);
  if (!row) throw new Error(`no row starting with ${first}`);
  return row.cells;
}

function amounts(cells: string[]): (number | null)[] {
  return cells.slice(5, 9).map((cell) => {
    const parsed = parseAmountCell(cell, "thousand");
    return parsed.kind === "amount" ? parsed.kopecks : null;
  });
}

describe("exportDocx", () => {
  const demo = demoProgramme();
  const exported = exportDocx(demo).then(readDocxBlocks);

  it("writes the passport as a numbered table with the funding amounts under the funding field", async () => {
    const [passport] = tables(await exported);
    expect(passport?.rows[0]?.cells).toEqual(["№ з/п", "Найменування", "Зміст", "", "", ""]);
    const [firstField] = demo.passport.fields;
    expect(passport?.rows[1]?.cells).toEqual(["1.", firstField?.label, firstField?.value, "", "", ""]);
    const fundingRow = passport?.rows.findIndex((row) => row.cells[2] === "Всього") ?? -1;
    expect(passport?.rows[fundingRow]?.cells.slice(2)).toEqual(["Всього", "2026", "2027", "2028"]);
    const { funding } = demo.passport;
    expect(passport?.rows[fundingRow + 1]?.cells).toEqual([
      "",
      "Загальний обсяг",
      ...[funding.total ?? 0, ...["2026", "2027", "2028"].map((year) => funding.byYear[year] ?? 0)].map(
        (amount) => formatAmount(amount, "thousand"),
      ),
    ]);
  });

  it("lays Annex 1 out like the official table, amounts in thousand UAH that parse back exactly", async () => {
    const annex = tables(await exported)[1];
    if (!annex) throw new Error("no annex table");
    expect(annex.rows[0]?.cells).toEqual([
      "Назва завдання",
      "Назва проєкту, робіт з інформатизації",
      "Відповідальні за виконання",
      "Строки виконання",
      "Джерела фінансування",
      "Обсяги фінансування, тис. грн",
      "",
      "",
      "",
      "Очікувані результати",
    ]);
    expect(annex.rows[1]?.cells).toEqual(["", "", "", "", "", "Всього", "2026", "2027", "2028", ""]);
    expect(annex.rows[2]?.cells).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
    const direction = demo.directions[0];
    expect(annex.rows[3]?.cells).toEqual([
      `${direction?.number}. ${direction?.title}`,
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
    ]);
    const first = direction?.items[0];
    const firstRow = annex.rows[4]?.cells ?? [];
    expect(firstRow[0]).toBe(`${first?.number} ${first?.title}`);
    expect(firstRow[2]).toBe(first?.executors.join("\n"));
    const own = first ? itemOwnTotals(first) : undefined;
    expect(amounts(firstRow)).toEqual([
      own?.total,
      own?.byYear["2026"],
      own?.byYear["2027"],
      own?.byYear["2028"],
    ]);
    const grand = programmeTotals(demo);
    expect(amounts(rowStartingWith(annex, "Всього за програмою"))).toEqual([
      grand.total,
      grand.byYear["2026"],
      grand.byYear["2027"],
      grand.byYear["2028"],
    ]);
    const directionRows = annex.rows.filter((row) => row.cells[0] === "Всього за напрямом");
    expect(directionRows.map((row) => amounts(row.cells)[0])).toEqual(
      demo.directions.map((each) => directionTotals(each).total),
    );
  });

  it("merges a task's cell down over its further rows, which read back as empty cells", async () => {
    const bytes = await exportDocx(demo);
    const xml =
      unzipSafely(bytes, (name) => name === "word/document.xml")
        .get("word/document.xml")
        ?.toString() ?? "";
    const starts = xml.match(/<w:vMerge w:val="restart"\/>/g) ?? [];
    // Six header cells of Annex 1 and seven of Annex 2 span two rows; the rest are task cells.
    expect(starts.length).toBeGreaterThan(13);
    const annex = tables(await exported)[1];
    const network = annex?.rows.findIndex((row) => row.cells[0]?.includes("Побудова оптичної мережі")) ?? -1;
    expect(annex?.rows[network + 1]?.cells.slice(0, 5)).toEqual(["", "", "", "", "Бюджет громади"]);
  });

  it("numbers rows in document order and writes Annex 2 with the indicators", async () => {
    const blocks = await exported;
    const lines = blocks.flatMap((block) =>
      block.kind === "table" ? block.rows.map((row) => row.line) : [block.line],
    );
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(lines).size).toBe(lines.length);
    const indicators = tables(blocks)[2];
    expect(indicators?.rows).toHaveLength(demo.indicators.length + 2);
    expect(indicators?.rows[1]?.cells).toContain("2026");
    expect(indicators?.rows[2]?.cells).toContain(demo.indicators[0]?.name);
  });
});

/** What a DOCX carries back: numbers, texts and the amounts each item pays for. */
function shape(programme: Programme) {
  return programme.directions.map((direction) => ({
    title: direction.title,
    items: allItems({ ...programme, directions: [direction] }).map((item) => ({
      number: item.number,
      title: item.title,
      executors: item.executors,
      deadlineText: item.deadlineText,
      expectedResult: item.expectedResult,
      total: itemOwnTotals(item).total,
      byYear: itemOwnTotals(item).byYear,
      bySource: itemOwnTotals(item).bySource,
    })),
  }));
}

/** The demo with the passport numbered as Resolution 119 prints it (1 community, 2 KATOTTG, 9 term, 10 funding). */
function demoWith119Passport(): Programme {
  const demo = demoProgramme();
  const line = 0;
  demo.passport.fields = [
    { number: 1, label: "Найменування територіальної громади", value: demo.community.name, line },
    { number: 2, label: "Код згідно з КАТОТТГ", value: demo.community.katottg, line },
    ...demo.passport.fields.slice(2, 8),
    { number: 9, label: "Строк виконання програми", value: "2026–2028 роки", line },
    {
      number: 10,
      label: "Загальний обсяг фінансових ресурсів, тис. грн",
      value: "Всього 2026 2027 2028",
      line,
    },
  ];
  return demo;
}

const withoutLine = <T extends { line: number }>(value: T) => ({ ...value, line: 0 });

describe("DOCX round trip through the interpreter", () => {
  const original = demoWith119Passport();
  const interpreted = exportDocx(original)
    .then(readDocxBlocks)
    .then(async (blocks) => (await import("../../src/import/interpret/index.js")).interpretBlocks(blocks));

  it("gives back the same directions, items and amounts", async () => {
    const result = await interpreted;
    expect(shape(result.programme)).toEqual(shape(original));
    expect(programmeTotals(result.programme)).toEqual(programmeTotals(original));
  });

  it("gives back the community, period, passport funding and indicators without findings", async () => {
    const { programme: read, findings } = await interpreted;
    expect(findings).toEqual([]);
    expect(read.community).toEqual(original.community);
    expect(read.period).toEqual(original.period);
    expect(withoutLine(read.passport.funding)).toEqual(withoutLine(original.passport.funding));
    expect(read.indicators.map(withoutLine)).toEqual(original.indicators.map(withoutLine));
  });

  it("gives back the narrative sections", async () => {
    const { programme: read } = await interpreted;
    expect(read.sections.map(withoutLine)).toEqual(original.sections.map(withoutLine));
  });
});

/** Kopecks that print as whole hundredths of a thousand hryvnias (the annex's unit). */
const printableKopecks = fc.integer({ min: 0, max: 50_000_000 }).map((value) => value * 1000);

/** The demo with some rows' money moved, wholly or in part, into spans of years ("2026-2027"). */
function demoWithSpans(picks: { row: number; span: string; amount: number }[]): Programme {
  const demo = demoProgramme();
  const rows = allItems(demo).flatMap((item) => item.funding.filter((row) => row.source !== "none"));
  for (const { row: index, span, amount } of picks) {
    const row = rows[index % rows.length];
    if (!row) continue;
    row.spans = { ...row.spans, [span]: amount };
    row.total = row.total + amount;
  }
  return demo;
}

const fundingOf = (programme: Programme) =>
  allItems(programme).map((item) =>
    item.funding
      .filter((row) => isSummedSource(row.source))
      .map(({ source, byYear, total, spans }) => ({ source, byYear, total, spans })),
  );

describe("DOCX round trip of amounts printed for several years at once", () => {
  const interpret = async (programme: Programme) =>
    (await import("../../src/import/interpret/index.js")).interpretBlocks(
      await readDocxBlocks(await exportDocx(programme)),
    );

  it("gives back each row's spans and totals, without findings", async () => {
    const pick = fc.record({
      row: fc.nat(),
      span: fc.constantFrom("2026-2027", "2027-2028", "2026-2028"),
      // A span's "0,0" is read as no span (funding.ts), so the model to round-trip holds money there.
      amount: printableKopecks.filter((kopecks) => kopecks > 0),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(pick, { minLength: 1, maxLength: 4 }), async (picks) => {
        const original = demoWithSpans(picks);
        const { programme: read, findings } = await interpret(original);
        expect(findings.filter((finding) => finding.severity === "error")).toEqual([]);
        expect(fundingOf(read)).toEqual(fundingOf(original));
        expect(programmeTotals(read)).toEqual(programmeTotals(original));
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});
