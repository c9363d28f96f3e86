/**
 * A PDF imported on the import pool's thread, whose pages a helper thread of its own reads in part
 * (src/import/pdf/helper.ts: the pool's threads keep one), gives what an import on this thread gives.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { importDocument } from "../../src/import/index.js";
import { createImportPool } from "../../src/import/pool.js";
import { renderAll } from "../formats/render.js";

const pool = createImportPool(1);
afterAll(() => pool.close());

it("imports the largest fixture's PDF on a pool thread with its helper as on this thread alone", async () => {
  const text = readFileSync(
    path.resolve(process.cwd(), "../shared/fixtures/programs/romny-2026-2028.txt"),
    "utf8",
  );
  const [pdf] = await renderAll([text], "pdf");
  if (!pdf) throw new Error("the PDF was not rendered");
  const here = await importDocument(pdf, "romny.pdf");
  expect(here.programme.directions.length).toBeGreaterThan(0);
  // The first import starts the thread's helper; the second, after the helper's start (a second or
  // so under tsx), finds it running.
  expect(await pool.importDocument(pdf, "romny.pdf")).toEqual(here);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(await pool.importDocument(pdf, "romny.pdf")).toEqual(here);
});
