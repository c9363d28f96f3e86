import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { NotAProgrammeError } from "../../src/import/blocks.js";
import { readDocxBlocks } from "../../src/import/docx.js";
import { TOOL_MESSAGES } from "../../src/import/external.js";
import { importDocument } from "../../src/import/index.js";
import { CONVERSION_MESSAGES, convertWithLibreOffice, sofficePath } from "../../src/import/soffice.js";
import { alive, hangingSoffice } from "./fake-soffice.js";

const scratch = mkdtempSync(path.join(tmpdir(), "infoprog-soffice-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const original = process.env.INFOPROG_SOFFICE;
afterEach(() => {
  if (original === undefined) delete process.env.INFOPROG_SOFFICE;
  else process.env.INFOPROG_SOFFICE = original;
});

const RTF_TABLE = String.raw`{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0 Times New Roman;}}
\pard Додаток 1\par
\trowd\cellx3000\cellx6000\cellx9000
\pard\intbl 1.1. Проєкт\cell\pard\intbl місцевий бюджет\cell\pard\intbl 120,5\cell\row
\trowd\cellx3000\cellx6000\cellx9000
\pard\intbl 1.2. Ще один\cell\pard\intbl \cell\pard\intbl 7\cell\row
\pard Кінець\par}`;

/** RTF is 7-bit: every other letter is written as \\uN? (N: its UTF-16 code, signed). */
function rtf(text: string): Buffer {
  const escaped = [...text]
    .map((letter) => {
      const code = letter.charCodeAt(0);
      return code < 128 ? letter : `\\u${code > 32767 ? code - 65536 : code}?`;
    })
    .join("");
  return Buffer.from(escaped, "ascii");
}

const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("DOC and RTF through LibreOffice: refusals", () => {
  it("says what to install when LibreOffice is missing, and stores nothing", async () => {
    process.env.INFOPROG_SOFFICE = path.join(scratch, "no-such-soffice");
    const document = rtf(RTF_TABLE);
    await expect(importDocument(document, "programme.rtf")).rejects.toThrow(TOOL_MESSAGES.sofficeMissing);
    expect(TOOL_MESSAGES.sofficeMissing).toMatch(/libreoffice-writer-nogui.*\/ DOC and RTF/s);
  });

  it("kills LibreOffice hanging past its timeout and refuses the document", async () => {
    const { program, pidFile } = hangingSoffice(scratch);
    process.env.INFOPROG_SOFFICE = program;
    await expect(convertWithLibreOffice(rtf(RTF_TABLE), "rtf", "docx", 1500)).rejects.toThrow(
      CONVERSION_MESSAGES.timeout(2),
    );
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(pid).toBeGreaterThan(0);
    await expect.poll(() => alive(pid), { timeout: 5000 }).toBe(false);
  });
});

const soffice = sofficePath();
if (!soffice)
  console.warn("SKIPPED: LibreOffice (soffice) is not installed; DOC/RTF conversion is not tested");

describe.skipIf(!soffice)("DOC and RTF through a real LibreOffice", () => {
  it("reads an RTF table into the same rows a DOCX table gives", async () => {
    const docx = await convertWithLibreOffice(rtf(RTF_TABLE), "rtf", "docx");
    const blocks = await readDocxBlocks(docx);
    expect(blocks.find((block) => block.kind === "table")).toMatchObject({
      rows: [{ cells: ["1.1. Проєкт", "місцевий бюджет", "120,5"] }, { cells: ["1.2. Ще один", "", "7"] }],
    });
  }, 180_000);

  it("refuses a DOC that LibreOffice cannot open, in Ukrainian and English", async () => {
    const broken = new Uint8Array(4096).fill(0x41);
    broken.set(OLE_HEADER, 0);
    broken.set(Buffer.from("WordDocument", "utf16le"), 1024);
    const refusal = importDocument(broken, "broken.doc");
    await expect(refusal).rejects.toThrow(NotAProgrammeError);
    await expect(refusal).rejects.toThrow(/ \/ [A-Z]/);
  }, 180_000);
});
