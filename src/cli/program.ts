/**
 * The `infoprog` command line: its commands and `main`. Started by src/cli/main.ts (the ES module
 * build and tsx) or src/cli/main-cjs.ts (the CommonJS build that Node 20 runs from its code cache).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Command, Option } from "commander";
import { InvalidKatottgError } from "../domain/katottg.js";
import type { ImportResult } from "../domain/model.js";
import { formatAmount, type MoneyUnit, unitLabel } from "../domain/money.js";
import { programmeTotals } from "../domain/totals.js";
import { NotAProgrammeError } from "../import/blocks.js";
import type { ImportOptions } from "../import/index.js";
import { communityKey } from "../store/community-key.js";
import type { SavedVersion, Store } from "../store/index.js";
import { registerBackup } from "./backup.js";
import { exitQuietlyWhenOutputCloses } from "./epipe.js";
import { registerGenerate } from "./generate.js";
import type { RemoteOptions } from "./remote.js";
import { countBySeverity, describeFindings, describeProgramme, toContractJson } from "./report.js";

// The importer, the database (PGlite, pg, kysely), exceljs and the HTTP client are loaded by the
// commands that use them, not here: `infoprog import --dry-run` starts in about the time of bare node.

const SUPPORTED = new Set([".txt", ".docx", ".odt", ".doc", ".rtf", ".pdf", ".xlsx", ".csv"]);

class CliError extends Error {}

const BUSY_HINT =
  "Зупиніть сервер і повторіть команду або імпортуйте документ через сервер: infoprog import ФАЙЛ " +
  "--server http://127.0.0.1:3000 --login КОРИСТУВАЧ (пароль — у змінній INFOPROG_PASSWORD).";

interface ReadDocument {
  result: ImportResult;
  bytes: Uint8Array;
  /** What the stored version names as its source: the file's name, or the address it came from. */
  source: string;
}

/** `scheme://…`: an address to fetch rather than a file to read. */
const ADDRESS = /^[a-z][a-z0-9+.-]*:\/\//i;

async function readDocument(file: string): Promise<{ bytes: Uint8Array; name: string; source: string }> {
  if (ADDRESS.test(file)) {
    const { fetchDocument } = await import("../import/fetch-url.js");
    const fetched = await fetchDocument(file);
    return { bytes: fetched.bytes, name: fetched.name, source: fetched.url };
  }
  try {
    const bytes = await readFile(file);
    return { bytes, name: path.basename(file), source: path.basename(file) };
  } catch (error) {
    throw new CliError(
      `не вдалося прочитати файл ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
}

/** Reads (or fetches) a document and imports it; a refusal becomes a CliError naming the document. */
async function readProgramme(file: string, options: ImportOptions = {}): Promise<ReadDocument> {
  const label = ADDRESS.test(file) ? file : path.basename(file);
  try {
    const { bytes, name, source } = await readDocument(file);
    const { importDocument } = await import("../import/index.js");
    return { result: await importDocument(bytes, name, options), bytes, source };
  } catch (error) {
    if (error instanceof NotAProgrammeError) throw new CliError(`${label}: ${error.message}`);
    throw error;
  }
}

/** node:crypto is loaded here, by a save, not by every start (a dry run never hashes). */
function sha256(bytes: Uint8Array): string {
  const { createHash } = process.getBuiltinModule("node:crypto");
  return createHash("sha256").update(bytes).digest("hex");
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import("../store/index.js");
  const store = await openStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Stores one read document: in the database, or through a running server. */
type Save = (result: ImportResult, bytes: Uint8Array, name: string) => Promise<SavedVersion>;

interface SaveOptions {
  server?: string;
  login?: string;
  unit?: MoneyUnit;
  /** Store a new version even when the programme read is identical to the latest version. */
  saveIdentical?: boolean;
}

async function withSave<T>(options: SaveOptions, work: (save: Save) => Promise<T>): Promise<T> {
  const saveIdentical = options.saveIdentical === true;
  if (options.server) {
    const { importThroughServer, signIn } = await import("./remote.js");
    const session = await signIn(options as RemoteOptions);
    return work((_result, bytes, name) =>
      importThroughServer(session, bytes, name, { unit: options.unit, saveIdentical }),
    );
  }
  return withStore((store) =>
    work((result, bytes, name) =>
      store.saveImport(result, { name, sha256: sha256(bytes) }, null, undefined, { saveIdentical }),
    ),
  );
}

/** What the import says when the document was not stored because the latest version is the same. */
export function identicalMessage(version: number): string {
  return (
    `Цей документ ідентичний версії ${version} — нову версію не створено. ` +
    `/ This document is identical to version ${version} — no new version was created.`
  );
}

async function importCommand(
  file: string,
  options: SaveOptions & { json?: boolean; dryRun?: boolean; unit?: MoneyUnit },
): Promise<void> {
  const { result, bytes, source } = await readProgramme(file, options.unit ? { unit: options.unit } : {});
  // The community code is checked before the database is opened: a bad one is refused, not stored.
  if (!options.dryRun) communityKey(result.programme.community);
  const stored = options.dryRun ? undefined : await withSave(options, (save) => save(result, bytes, source));
  if (options.json) {
    const output = {
      ...toContractJson(result.programme, result.findings),
      coverage: result.coverage,
      stored,
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${describeProgramme(result.programme)}\n\n${describeFindings(result.findings)}\n`);
  if (stored?.identicalTo !== undefined) {
    process.stdout.write(
      `\n${identicalMessage(stored.identicalTo)}\n` +
        "Щоб зберегти його новою версією все одно, додайте --save-identical. " +
        "/ To save it as a new version anyway, add --save-identical.\n",
    );
  } else if (stored) {
    const what = stored.created ? "нову програму" : `версію ${stored.version}`;
    process.stdout.write(`\nЗбережено ${what} (id ${stored.programmeId}).\n`);
  }
}

async function validateCommand(file: string): Promise<void> {
  const { result, source } = await readProgramme(file);
  process.stdout.write(`${source}\n${describeFindings(result.findings)}\n`);
  if (countBySeverity(result.findings).errors > 0) process.exitCode = 1;
}

/** A bar on a terminal; one line per step where stderr is a pipe or a CI log, so progress still shows. */
async function progressBar() {
  if (process.stderr.isTTY) {
    const { default: cliProgress } = await import("cli-progress");
    return new cliProgress.SingleBar(
      { stream: process.stderr, format: "Імпорт [{bar}] {value}/{total} {file}", hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
  }
  let total = 0;
  let done = 0;
  let file = "";
  return {
    start: (count: number, _start: number, payload: { file: string }) => {
      total = count;
      file = payload.file;
    },
    update: (payload: { file: string }) => {
      file = payload.file;
    },
    increment: () => {
      done += 1;
      process.stderr.write(`Імпорт ${done}/${total} ${file}\n`);
    },
    stop: () => {},
  };
}

interface DirRow {
  file: string;
  community: string;
  items: number;
  total: string;
  errors: number;
  warnings: number;
  failure?: string;
  /** Not stored: identical to this version. */
  identicalTo?: number;
}

async function importDirCommand(dir: string, options: SaveOptions & { dryRun?: boolean }): Promise<void> {
  const names = (await readdir(dir)).filter((name) => SUPPORTED.has(path.extname(name).toLowerCase())).sort();
  if (names.length === 0)
    throw new CliError(`у теці ${dir} немає файлів .txt, .docx, .odt, .doc, .rtf, .pdf, .xlsx або .csv`);
  const bar = await progressBar();
  bar.start(names.length, 0, { file: "" });
  const rows: DirRow[] = [];
  const run = async (save?: Save) => {
    for (const name of names) {
      bar.update({ file: name });
      rows.push(await importOne(path.join(dir, name), save));
      bar.increment();
    }
  };
  try {
    if (options.dryRun) await run();
    else await withSave(options, run);
  } finally {
    bar.stop();
  }
  printSummary(rows);
  if (rows.some((row) => row.failure)) process.exitCode = 1;
}

async function importOne(file: string, save?: Save): Promise<DirRow> {
  const name = path.basename(file);
  try {
    const { result, bytes } = await readProgramme(file);
    const stored = await save?.(result, bytes, name);
    const { programme, findings } = result;
    const total = programmeTotals(programme).total;
    return {
      ...(stored?.identicalTo !== undefined ? { identicalTo: stored.identicalTo } : {}),
      file: name,
      community: programme.community.name,
      items: programme.directions.reduce((sum, direction) => sum + direction.items.length, 0),
      total: `${formatAmount(total, programme.unit)} ${unitLabel(programme.unit)}`,
      ...countBySeverity(findings),
    };
  } catch (error) {
    const failure = error instanceof Error ? error.message : String(error);
    return { file: name, community: "", items: 0, total: "", errors: 0, warnings: 0, failure };
  }
}

function printSummary(rows: DirRow[]): void {
  const read = rows.filter((row) => !row.failure);
  process.stdout.write(`\nПрочитано ${read.length} з ${rows.length} документів.\n`);
  for (const row of rows) {
    const line = row.failure
      ? `✗ ${row.file}: ${row.failure}`
      : `✓ ${row.file}: ${row.community}; завдань ${row.items}; ${row.total}; помилок ${row.errors}, попереджень ${row.warnings}` +
        (row.identicalTo === undefined
          ? ""
          : `; ідентичний версії ${row.identicalTo} — нову версію не створено / identical to version ${row.identicalTo} — no new version`);
    process.stdout.write(`${line}\n`);
  }
}

export function buildCli(): Command {
  const program = new Command("infoprog").description(
    "Програми інформатизації територіальних громад: імпорт, перевірка, збереження",
  );
  program
    .command("import")
    .argument(
      "<file>",
      "документ програми: .txt, .docx, .odt, .doc, .rtf, .pdf, .xlsx або .csv — файл або адреса https://… (лише публічний сайт)",
    )
    .option("--json", "вивести програму одним JSON-об'єктом (гроші — цілі копійки)")
    .option("--dry-run", "не зберігати в базу даних")
    .addOption(
      new Option(
        "--unit <unit>",
        "одиниці сум таблиці завдань, якщо заголовок помиляється (див. amount.unit-suspect): uah — гривні, thousand — тис. грн, million — млн грн",
      ).choices(["uah", "thousand", "million"]),
    )
    .option(
      "--save-identical",
      "зберегти новою версією, навіть якщо програма ідентична останній збереженій версії",
    )
    .option("--server <url>", "зберегти через запущений сервер infoprog (його API), а не напряму в базу")
    .option("--login <login>", "користувач сервера для --server (пароль — у змінній INFOPROG_PASSWORD)")
    .description("прочитати програму, перевірити її та зберегти")
    .action(importCommand);
  program
    .command("validate")
    .argument("<file>", "документ програми: файл або адреса https://…")
    .description("вивести зауваження; код виходу 1, якщо є помилки")
    .action(validateCommand);
  program
    .command("import-dir")
    .argument("<dir>", "тека з документами програм")
    .option("--dry-run", "не зберігати в базу даних")
    .option("--server <url>", "зберегти через запущений сервер infoprog (його API), а не напряму в базу")
    .option("--login <login>", "користувач сервера для --server (пароль — у змінній INFOPROG_PASSWORD)")
    .description("імпортувати всі документи теки з індикатором поступу")
    .action(importDirCommand);
  registerGenerate(program);
  registerBackup(program);
  return program;
}

/** Runs the command line of this process (src/cli/main.ts, or main-cjs.ts in Node 20's build). */
export async function main(): Promise<void> {
  exitQuietlyWhenOutputCloses();
  try {
    await buildCli().parseAsync(process.argv);
  } catch (error) {
    const [{ DataDirLockedError }, { RemoteError }] = await Promise.all([
      import("../store/data-dir-lock.js"),
      import("./remote.js"),
    ]);
    if (error instanceof DataDirLockedError) {
      // Exit code 3: a script can tell "the server holds the database" from a bad document.
      process.stderr.write(`infoprog: ${error.message}\n${BUSY_HINT}\n`);
      process.exitCode = 3;
      return;
    }
    if (!(error instanceof CliError || error instanceof RemoteError || error instanceof InvalidKatottgError))
      throw error;
    process.stderr.write(`infoprog: ${error.message}\n`);
    process.exitCode = 2;
  }
}
