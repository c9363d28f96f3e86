/**
 * Test-side LibreOffice conversions (the ODT, DOC, RTF and PDF fixtures tests make from a DOCX), run
 * in one soffice process per batch and kept in a content-addressed cache, node_modules/.cache/
 * infoprog-office: the file `<key>.<target>`, where key = sha256 of the `soffice --version` line (kept
 * there too, per installed soffice), the input's extension, the target filter and the input's content.
 * A DOCX's content is its zip entries with the creation dates blanked (the `docx` library stamps the
 * time), so the same document built twice hits the same entry. Delete the folder to clear it. Never
 * used by the importer: src/import/soffice.ts runs LibreOffice itself wherever a test imports a DOC or RTF.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inTempDirectory, runProgram } from "../../src/import/external.js";
import { CONVERT_FILTERS, type ConvertTarget, sofficePath } from "../../src/import/soffice.js";
import { unzipSafely } from "../../src/import/zip.js";

export const OFFICE_CACHE = fileURLToPath(
  new URL("../../node_modules/.cache/infoprog-office", import.meta.url),
);

function soffice(): string {
  const program = sofficePath();
  if (!program) throw new Error("soffice is not installed");
  return program;
}

let version: string | undefined;

/** `soffice --version`, asked once per installed soffice (its path, size and time) and kept in the cache. */
function sofficeVersion(): string {
  if (version) return version;
  const program = realpathSync(soffice());
  const { size, mtimeMs } = statSync(program);
  const id = createHash("sha256").update(`${program}\0${size}\0${mtimeMs}`).digest("hex");
  const remembered = path.join(OFFICE_CACHE, `version-${id}.txt`);
  if (existsSync(remembered)) version = readFileSync(remembered, "utf8");
  else {
    version = execFileSync(program, ["--version"], { encoding: "utf8", timeout: 120_000 }).trim();
    mkdirSync(OFFICE_CACHE, { recursive: true });
    writeAtomically(remembered, version);
  }
  return version;
}

/** Another test file reading the same entry never sees half a file. */
function writeAtomically(file: string, data: string | Uint8Array): void {
  const partial = path.join(OFFICE_CACHE, `.${randomUUID()}.partial`);
  writeFileSync(partial, data);
  renameSync(partial, file);
}

const CREATED = /<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g;

/** What a document says, without the time the `docx` library stamps into a DOCX. */
function content(bytes: Uint8Array, from: string): Uint8Array[] {
  if (from !== "docx") return [bytes];
  const entries = [...unzipSafely(bytes, () => true)].sort(([a], [b]) => a.localeCompare(b));
  return entries.flatMap(([name, data]) => [
    Buffer.from(`\0${name}\0`),
    name === "docProps/core.xml" ? Buffer.from(data.toString("utf8").replace(CREATED, "")) : data,
  ]);
}

function keyOf(bytes: Uint8Array, from: string, target: ConvertTarget): string {
  const hash = createHash("sha256").update(`${sofficeVersion()}\0${from}\0${CONVERT_FILTERS[target]}\0`);
  for (const part of content(bytes, from)) hash.update(part);
  return hash.digest("hex");
}

const cached = (key: string, target: ConvertTarget) => path.join(OFFICE_CACHE, `${key}.${target}`);

/** `documents` (all of type `from`) as LibreOffice saves them as `target`, converting the uncached ones in one run. */
export async function convertAll(
  documents: Uint8Array[],
  from: string,
  target: ConvertTarget,
): Promise<Uint8Array[]> {
  const keys = documents.map((bytes) => keyOf(bytes, from, target));
  const missing = new Map<string, Uint8Array>();
  keys.forEach((key, index) => {
    const bytes = documents[index];
    if (bytes && !existsSync(cached(key, target))) missing.set(key, bytes);
  });
  if (missing.size > 0) await convertInOneRun(missing, from, target);
  return keys.map((key) => new Uint8Array(readFileSync(cached(key, target))));
}

export async function convertOne(
  bytes: Uint8Array,
  from: string,
  target: ConvertTarget,
): Promise<Uint8Array> {
  const [converted] = await convertAll([bytes], from, target);
  if (!converted) throw new Error(`LibreOffice did not convert the ${from} to ${target}`);
  return converted;
}

async function convertInOneRun(inputs: Map<string, Uint8Array>, from: string, target: ConvertTarget) {
  mkdirSync(OFFICE_CACHE, { recursive: true });
  await inTempDirectory(async (directory) => {
    const names = [...inputs].map(([key, bytes]) => {
      const name = path.join(directory, `${key}.${from}`);
      writeFileSync(name, bytes);
      return name;
    });
    const out = path.join(directory, "out");
    const profile = pathToFileURL(path.join(directory, "profile")).href;
    const args = [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--nolockcheck"];
    await runProgram(
      soffice(),
      [...args, "--convert-to", CONVERT_FILTERS[target], "--outdir", out, ...names],
      {
        cwd: directory,
        timeoutMs: 600_000,
      },
    );
    const written = new Set(existsSync(out) ? readdirSync(out) : []);
    for (const key of inputs.keys()) {
      if (!written.has(`${key}.${target}`))
        throw new Error(`LibreOffice wrote no ${target} for ${key}.${from}`);
      writeAtomically(cached(key, target), readFileSync(path.join(out, `${key}.${target}`)));
    }
  });
}
