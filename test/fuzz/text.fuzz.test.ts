/** Broken tables and hostile text through importText and importDocument (see support.ts). */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { importDocument, importText, NotAProgrammeError } from "../../src/import/index.js";
import { IMPORT_LIMITS, LIMIT_MESSAGES, withImportLimits } from "../../src/import/limits.js";
import { expectImportsOrRefuses, FIXTURE_NAMES, readFixture, runs, tally } from "./support.js";

const WORDS = [
  "ПАСПОРТ",
  "Паспорт програми інформатизації",
  "Найменування завдання",
  "Джерела фінансування",
  "Всього",
  "Всього за програмою",
  "місцевий бюджет",
  "державний бюджет",
  "інші джерела",
  "Додаток 1",
  "Додаток 2",
  "2026",
  "2025-2027",
  "1.",
  "1)",
  "2.1",
  "1 234,5",
  "0,00001",
  "99999999999999999999",
  "-",
  "—",
  "тис. грн",
  "UA12345678901234567",
  "<p>",
  "**",
];
const NASTY_CHARS = ["\u0000", "\u202e", "\u200f", "\u061c", "\ufeff", "\u0007", "\r", "\u2028", "\ud800"];

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_CHARS) },
);
const row = fc.array(cell, { maxLength: 14 });
const table = fc.array(row, { maxLength: 60 });

function tabLayout(rows: string[][]): string {
  return rows.map((cells) => cells.join("\t")).join("\n");
}

function cellPerLineLayout(rows: string[][]): string {
  return rows.map((cells) => cells.map((text) => `\t${text}`).join("\n")).join("\n\n");
}

type Mutation =
  | { kind: "delete" | "duplicate" | "shift" | "split" | "swap"; at: number }
  | { kind: "insert" | "replace"; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("delete", "duplicate", "shift", "split", "swap" as const),
    at: fc.nat(),
  }),
  fc.record({
    kind: fc.constantFrom("insert", "replace" as const),
    at: fc.nat(),
    text: row.map((cells) => cells.join("\t")),
  }),
) as fc.Arbitrary<Mutation>;

function mutate(lines: string[], change: Mutation): void {
  const at = change.at % Math.max(1, lines.length);
  const line = lines[at] ?? "";
  if (change.kind === "delete") lines.splice(at, 1);
  else if (change.kind === "duplicate") lines.splice(at, 0, line);
  else if (change.kind === "shift") lines[at] = `\t${line}`;
  else if (change.kind === "split") lines.splice(at, 1, ...line.split("\t"));
  else if (change.kind === "swap") lines.splice(at, 2, lines[at + 1] ?? "", line);
  else if (change.kind === "insert") lines.splice(at, 0, change.text);
  else if (change.kind === "replace") lines[at] = change.text;
}

describe("importer fuzz: text", () => {
  afterAll(() => {
    console.log(`fuzz text: ${tally.imported} imported, ${tally.refused} refused`);
  });

  it("random tables in both text layouts import or are refused", async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.boolean(), async (rows, tabs) => {
        const text = tabs ? tabLayout(rows) : cellPerLineLayout(rows);
        await expectImportsOrRefuses(() => importText(text));
      }),
      { numRuns: runs(600) },
    );
  });

  for (const name of FIXTURE_NAMES) {
    it(`${name} with random mutations imports or is refused`, async () => {
      const lines = readFixture(name).split("\n");
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 40 }), async (changes) => {
          const copy = [...lines];
          for (const change of changes) mutate(copy, change);
          await expectImportsOrRefuses(() => importText(copy.join("\n")));
        }),
        { numRuns: runs(100) },
      );
    });
  }

  it("random bytes under any file name import or are refused", async () => {
    const name = fc.constantFrom("a.txt", "a.csv", "a.docx", "a.xlsx", "a.bin", "noext");
    const prefix = fc.constantFrom(
      [],
      [0x50, 0x4b, 0x03, 0x04],
      [0xef, 0xbb, 0xbf],
      [0x25, 0x50, 0x44, 0x46],
    );
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 4000 }), name, async (head, body, fileName) => {
        const bytes = new Uint8Array([...head, ...body]);
        await expectImportsOrRefuses(() => importDocument(bytes, fileName));
      }),
      { numRuns: runs(600) },
    );
  });
});

describe("importer limits: text", () => {
  const passport = readFixture("romny-2026-2028.txt");

  it("a row of thousands of columns", async () => {
    const wide = Array.from({ length: 5000 }, (_, index) => String(index)).join("\t");
    await expectImportsOrRefuses(() => importText(`${passport}\n${wide}\n`));
  });

  it("a 5 MB single cell", async () => {
    const huge = `1.\t${"д".repeat(5 * 1024 * 1024)}\t100`;
    await expectImportsOrRefuses(() => importText(`${passport}\n${huge}\n`));
  });

  it("deeply nested numbering 1.1.1.1…", async () => {
    const rows = Array.from(
      { length: 400 },
      (_, depth) =>
        `${Array(depth + 1)
          .fill("1")
          .join(".")}\tЗавдання\tмісцевий бюджет\t10\t10`,
    );
    await expectImportsOrRefuses(() => importText(`${passport}\n${rows.join("\n")}\n`));
  });

  it("more lines than the limit", async () => {
    const lines = Array(IMPORT_LIMITS.maxTextLines + 1).fill("рядок");
    await expectImportsOrRefuses(() => importText(lines.join("\n")));
  });

  it("RTL overrides, control characters and lone surrogates inside a real programme", async () => {
    const text = passport.replace(/а/g, "а\u202e").replace(/о/g, "\u0007о\ud800");
    await expectImportsOrRefuses(() => importText(text));
  });

  it("a document with a NUL byte", async () => {
    await expectImportsOrRefuses(() => importDocument(Buffer.from(`${passport}\u0000`), "a.txt"));
  });

  it("stops at the processing deadline", async () => {
    const long = Array(50).fill(passport).join("\n");
    expect(() => withImportLimits(() => importText(long), 1)).toThrow(LIMIT_MESSAGES.time);
    await expect(withImportLimits(() => importDocument(Buffer.from(long), "a.txt"), 1)).rejects.toThrow(
      NotAProgrammeError,
    );
  });

  it("an upload over the size limit", async () => {
    const bytes = new Uint8Array(IMPORT_LIMITS.maxUploadBytes + 1).fill(0x41);
    await expectImportsOrRefuses(() => importDocument(bytes, "a.txt"));
  });
});
