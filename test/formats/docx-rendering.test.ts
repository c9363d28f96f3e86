/**
 * The programme DOCX as LibreOffice lays it out: converted to PDF and read back with `pdftotext`, the
 * passport's field names keep their words whole (a column too narrow broke them mid-word:
 * «Найменувани-я», «Кодифікаторо-м»). Runs where CI installs LibreOffice and poppler-utils.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exportDocx } from "../../src/export/docx.js";
import { importText } from "../../src/import/index.js";
import { sofficePath } from "../../src/import/soffice.js";
import { convertOne } from "../support/office-cache.js";

const FIXTURE = path.resolve(process.cwd(), "../shared/fixtures/programs/romny-2026-2028.txt");

function hasPdftotext(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function pdfText(pdf: Uint8Array): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "infoprog-render-"));
  try {
    const file = path.join(directory, "programme.pdf");
    await writeFile(file, pdf);
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** The words of the passport's field names long enough to be broken by a narrow column. */
function longWords(labels: string[]): string[] {
  const words = labels.flatMap((label) => label.match(/[\p{L}ʼ'’]{9,}/gu) ?? []);
  return [...new Set(["Найменування", ...words])];
}

describe.skipIf(!sofficePath() || !hasPdftotext())("the programme DOCX rendered by LibreOffice", () => {
  it("keeps every long word of the passport's field names whole", { timeout: 180_000 }, async () => {
    const { programme } = importText(readFileSync(FIXTURE, "utf8"));
    const labels = programme.passport.fields.map((field) => field.label);
    expect(labels.length).toBeGreaterThanOrEqual(10);
    const pdf = await convertOne(await exportDocx(programme), "docx", "pdf");
    const text = (await pdfText(pdf)).replace(/\s+/g, " ");
    const broken = longWords(labels).filter((word) => !text.includes(word));
    expect(broken).toEqual([]);
  });
});
