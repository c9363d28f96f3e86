/**
 * The caps on LibreOffice and OCR processes survive the death of the thread that holds a slot: a
 * worker ended mid-conversion (here by the pool's time limit, over a LibreOffice that never finishes)
 * gives its slot back, its LibreOffice is killed and its temporary directory removed, so later
 * conversions still run.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { IMPORT_LIMITS, WORKER_MESSAGES } from "../../src/import/limits.js";
import { createImportPool } from "../../src/import/pool.js";
import { CONVERSION_MESSAGES } from "../../src/import/soffice.js";
import { alive, failingSoffice, hangingSoffice } from "../formats/fake-soffice.js";

const RTF = Buffer.from("{\\rtf1\\ansi\\deff0 \\pard Programa\\par}");
const scratch = mkdtempSync(path.join(tmpdir(), "infoprog-pool-slots-"));
const temporary = path.join(scratch, "tmp");
mkdirSync(temporary);
const saved = { soffice: process.env.INFOPROG_SOFFICE, tmpdir: process.env.TMPDIR };
afterAll(() => {
  for (const [name, value] of [
    ["INFOPROG_SOFFICE", saved.soffice],
    ["TMPDIR", saved.tmpdir],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(scratch, { recursive: true, force: true });
});

const message = (work: Promise<unknown>) =>
  work.then(
    () => "",
    (error: Error) => error.message,
  );

it("a conversion runs after as many threads as there are slots died converting", async () => {
  // The threads' temporary directories go here (a thread takes the environment it starts with).
  process.env.TMPDIR = temporary;
  const pool = createImportPool(1, { memoryMb: 1024, timeoutMs: 2000 });
  try {
    const pids: number[] = [];
    for (let n = 0; n < IMPORT_LIMITS.maxConcurrentConversions; n++) {
      const directory = path.join(scratch, `hang-${n}`);
      mkdirSync(directory);
      const { program, pidFile } = hangingSoffice(directory);
      process.env.INFOPROG_SOFFICE = program;
      expect(await message(pool.importDocument(RTF, "programa.rtf"))).toBe(WORKER_MESSAGES.time(2));
      pids.push(Number(readFileSync(pidFile, "utf8")));
    }
    for (const pid of pids) await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
    const ours = () => readdirSync(temporary).filter((name) => name.startsWith("infoprog-import-"));
    await expect.poll(ours, { timeout: 5000 }).toEqual([]);

    process.env.INFOPROG_SOFFICE = failingSoffice(scratch);
    expect(await message(pool.importDocument(RTF, "programa.rtf"))).toBe(CONVERSION_MESSAGES.failed);
  } finally {
    await pool.close();
  }
}, 120_000);
