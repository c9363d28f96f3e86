/**
 * A worker thread of the import pool cannot take the server down with one document: it has a heap
 * limit and each import a wall-clock limit. Past either the thread is ended, the import refused with a
 * Ukrainian message (the importer's kind of refusal: 422 through the API), and a new thread takes its
 * place, so the pool keeps its size and the next import is read.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { WORKER_MESSAGES } from "../../src/import/limits.js";
import { createImportPool, type ImportPool } from "../../src/import/pool.js";
import { hangingSoffice } from "../formats/fake-soffice.js";
import { FIXTURES } from "./support.js";

const text = readFileSync(path.join(FIXTURES, "romny-2026-2028.txt"), "utf8");
/** The programme 120 times over (16 MB, under the upload limit): far more heap than 32 MB to read. */
const huge = Buffer.from(Array.from({ length: 120 }, () => text).join("\n"), "utf8");
const RTF = Buffer.from("{\\rtf1\\ansi\\deff0 \\pard Programa\\par}");

const scratch = mkdtempSync(path.join(tmpdir(), "infoprog-pool-limits-"));
const saved = process.env.INFOPROG_SOFFICE;
let pool: ImportPool | undefined;
afterEach(async () => {
  await pool?.close();
  if (saved === undefined) delete process.env.INFOPROG_SOFFICE;
  else process.env.INFOPROG_SOFFICE = saved;
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const refusal = (work: Promise<unknown>) =>
  work.then(
    () => undefined,
    (error: Error) => error,
  );

describe("the import pool's limits on a worker thread", () => {
  it("ends a thread that runs out of heap, refuses the import, and reads the next on a new thread", async () => {
    pool = createImportPool(1, { memoryMb: 32, timeoutMs: 600_000 });
    pool.warm();
    const error = await refusal(pool.importDocument(huge, "huge.txt"));
    expect(error).toBeInstanceOf(NotAProgrammeError);
    expect(error?.message).toBe(WORKER_MESSAGES.memory(32));
    expect(pool.threads()).toBe(1);
    const next = await pool.importDocument(Buffer.from(text, "utf8"), "romny.txt");
    expect(next.programme.title).toMatch(/ПРОГРАМА/);
  }, 120_000);

  it("ends a thread whose import runs past its time, refuses it, and reads the next on a new thread", async () => {
    process.env.INFOPROG_SOFFICE = hangingSoffice(scratch).program;
    pool = createImportPool(2, { memoryMb: 1024, timeoutMs: 2000 });
    pool.warm();
    const error = await refusal(pool.importDocument(RTF, "programa.rtf"));
    expect(error).toBeInstanceOf(NotAProgrammeError);
    expect(error?.message).toBe(WORKER_MESSAGES.time(2));
    expect(pool.threads()).toBe(2);
    const next = await pool.importDocument(Buffer.from(text, "utf8"), "romny.txt");
    expect(next.programme.title).toMatch(/ПРОГРАМА/);
  }, 120_000);
});
