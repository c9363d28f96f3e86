/** src/api translates HTTP only: every query lives in src/store (docs/architecture.md). */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const API = new URL("../../src/api/", import.meta.url).pathname;

/** A query written with Kysely's builder or its sql template. */
const SQL = /sql`|\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function queriesIn(text: string): string[] {
  return text.split("\n").filter((line) => SQL.test(line));
}

describe("no SQL in src/api", () => {
  it("recognises a query however it is written", () => {
    expect(queriesIn('  const row = await db.selectFrom("programmes")')).toHaveLength(1);
    expect(queriesIn("  await sql`select 1`.execute(db);")).toHaveLength(1);
    expect(queriesIn("db\n  .deleteFrom('sessions')\n  .execute()")).toHaveLength(1);
    expect(queriesIn("const selected = listReports(store, id);")).toHaveLength(0);
  });

  it("finds none in any file of src/api", async () => {
    const files = await sourceFiles(API);
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const file of files) {
      for (const line of queriesIn(await readFile(file, "utf8"))) found.push(`${file}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });
});
