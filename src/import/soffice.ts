/**
 * DOC and RTF through LibreOffice: `soffice --headless --convert-to docx`, then the DOCX reader. An
 * optional runtime dependency (Debian's libreoffice-writer-nogui), found through INFOPROG_SOFFICE or
 * on PATH. Each conversion gets a fresh user profile (`-env:UserInstallation`) in its own temporary
 * directory, so conversions never share state or lock each other, and a timeout.
 */
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { config } from "../config.js";
import {
  findProgram,
  inTempDirectory,
  ProgramMissingError,
  ProgramTimeoutError,
  refuse,
  runProgram,
  SHARED_SLOTS,
  Slots,
  TOOL_MESSAGES,
} from "./external.js";
import { IMPORT_LIMITS, outsideDeadline } from "./limits.js";
import { bilingual } from "./sniff.js";

/** What LibreOffice writes, by the extension of the output file. */
export type ConvertTarget = "docx" | "odt" | "doc" | "rtf" | "pdf";

/** LibreOffice's export filter for each target. */
export const CONVERT_FILTERS: Record<ConvertTarget, string> = {
  docx: "docx:MS Word 2007 XML",
  odt: "odt:writer8",
  doc: "doc:MS Word 97",
  rtf: "rtf:Rich Text Format",
  pdf: "pdf:writer_pdf_Export",
};

/**
 * LibreOffice's import filter for an input, named so that a damaged file is refused rather than
 * opened as plain text (which LibreOffice falls back to when its type detection fails).
 */
const INPUT_FILTERS: Record<string, string> = {
  doc: "MS Word 97",
  rtf: "Rich Text Format",
};

const slots = new Slots(IMPORT_LIMITS.maxConcurrentConversions, SHARED_SLOTS.soffice);

export function sofficePath(): string | undefined {
  return findProgram(config().tools.soffice, ["soffice", "libreoffice"]);
}

export const CONVERSION_MESSAGES = {
  timeout: (seconds: number) =>
    bilingual(
      `LibreOffice не перетворив документ за ${seconds} с — імпорт зупинено. Збережіть документ як DOCX.`,
      `LibreOffice did not convert the document within ${seconds} s, so the import stopped. Save the document as DOCX.`,
    ),
  failed: bilingual(
    "LibreOffice не зміг відкрити документ: файл пошкоджений або це не документ Word/RTF. Відкрийте його в текстовому редакторі й збережіть як DOCX.",
    "LibreOffice could not open the document: the file is damaged or not a Word/RTF document. Open it in a word processor and save it as DOCX.",
  ),
} as const;

/** LibreOffice's arguments: headless, no first-start wizard, no recovery, a private profile. */
function sofficeArguments(directory: string, input: string, from: string, target: ConvertTarget): string[] {
  const profile = pathToFileURL(path.join(directory, "profile")).href;
  const filter = INPUT_FILTERS[from];
  return [
    ...(filter ? [`--infilter=${filter}`] : []),
    `-env:UserInstallation=${profile}`,
    "--headless",
    "--invisible",
    "--nologo",
    "--nodefault",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    CONVERT_FILTERS[target],
    "--outdir",
    path.join(directory, "out"),
    input,
  ];
}

async function convertIn(
  directory: string,
  program: string,
  bytes: Uint8Array,
  from: string,
  target: ConvertTarget,
  timeoutMs: number,
): Promise<Uint8Array> {
  const input = path.join(directory, `document.${from}`);
  await writeFile(input, bytes);
  try {
    await runProgram(program, sofficeArguments(directory, input, from, target), {
      cwd: directory,
      timeoutMs,
    });
  } catch (error) {
    if (error instanceof ProgramMissingError) refuse(TOOL_MESSAGES.sofficeMissing);
    if (error instanceof ProgramTimeoutError)
      refuse(CONVERSION_MESSAGES.timeout(Math.round(timeoutMs / 1000)));
    throw error;
  }
  const written = await readdir(path.join(directory, "out")).catch(() => [] as string[]);
  const output = written.find((name) => name.endsWith(`.${target}`));
  if (!output) refuse(CONVERSION_MESSAGES.failed);
  return new Uint8Array(await readFile(path.join(directory, "out", output)));
}

/**
 * Converts a document with LibreOffice (`from`: the input's extension, which picks LibreOffice's
 * import filter). Refuses with a Ukrainian + English message when LibreOffice is missing, fails or
 * runs past `timeoutMs`. The time spent, waiting included, does not count against the import deadline.
 */
export function convertWithLibreOffice(
  bytes: Uint8Array,
  from: string,
  target: ConvertTarget,
  timeoutMs: number = config().tools.sofficeTimeoutMs,
): Promise<Uint8Array> {
  const program = sofficePath();
  if (!program) refuse(TOOL_MESSAGES.sofficeMissing);
  return outsideDeadline(() =>
    slots.run(() =>
      inTempDirectory((directory) => convertIn(directory, program, bytes, from, target, timeoutMs)),
    ),
  );
}
