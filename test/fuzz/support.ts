/**
 * The fuzz property shared by every generator: an input either imports into a programme that
 * passes `programmeSchema`, or is refused with `NotAProgrammeError` and a one-line message — never
 * another exception, never by the import's deadline (a hang that the deadline does not stop is the
 * test's timeout). Every case checked is counted for docs/reliability.md.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { ImportResult } from "../../src/domain/model.js";
import { programmeSchema } from "../../src/domain/schema.js";
import { NotAProgrammeError } from "../../src/import/index.js";
import { LIMIT_MESSAGES } from "../../src/import/limits.js";

export const FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/programs");
export const FIXTURE_NAMES = [
  "romny-2026-2028.txt",
  "slobozhanska-2025-2027.txt",
  "starokostiantyniv-2026-2028.txt",
];

/** Default cases per property; FUZZ_RUNS=… for a longer run. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
export function runs(defaultRuns: number): number {
  return RUNS ?? defaultRuns;
}

export const tally = { imported: 0, refused: 0 };

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

export async function expectImportsOrRefuses(run: () => ImportResult | Promise<ImportResult>): Promise<void> {
  let result: ImportResult;
  try {
    result = await run();
  } catch (error) {
    if (!(error instanceof NotAProgrammeError)) throw error;
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message.length).toBeGreaterThan(0);
    // The schema gate in importDocument must never be what catches a case: that would be a reader bug.
    expect(error.message).not.toMatch(/неправильною структурою/);
    // Nor the import's deadline: a case that runs into it is one a reader loops on, whatever it held.
    expect(error.message).not.toBe(LIMIT_MESSAGES.time);
    tally.refused++;
    return;
  }
  const parsed = programmeSchema.safeParse(result.programme);
  if (!parsed.success) throw new Error(`programme fails the schema: ${parsed.error.message.slice(0, 500)}`);
  expect(Array.isArray(result.findings)).toBe(true);
  tally.imported++;
}
