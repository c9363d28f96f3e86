/**
 * A migrated, empty PGlite database for tests to start from: initdb and the migrations cost each new
 * PGlite seconds of CPU, loading a copy a fraction of that. Built once by the first test that needs it
 * and kept in node_modules/.cache under a hash of everything that shapes it (the store's sources, the
 * domain's, the configuration, PGlite's version), so a changed migration builds a new one.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openStore } from "../../src/store/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CACHE = path.join(ROOT, "node_modules/.cache/infoprog-tests");
/** What the template's content depends on: openStore's migrations and fill-ins, and PGlite itself. */
const INPUTS = [
  "src/store",
  "src/domain",
  "src/opendata",
  "src/config.ts",
  "node_modules/@electric-sql/pglite/package.json",
];

function filesUnder(target: string): string[] {
  if (!existsSync(target)) return [];
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function inputsHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of filesUnder(path.join(ROOT, input))) {
      hash.update(path.relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/** Moves a finished build into place; when another process got there first, keeps theirs. */
async function publish(built: string, target: string): Promise<void> {
  try {
    await rename(built, target);
  } catch (error) {
    if (!existsSync(target)) throw error;
    await rm(built, { recursive: true, force: true });
  }
}

/** Builds a process killed midway left behind (an hour is far longer than any build). */
async function removeAbandonedBuilds(): Promise<void> {
  if (!existsSync(CACHE)) return;
  const abandoned = readdirSync(CACHE).filter(
    (name) =>
      name.startsWith("building-") && Date.now() - statSync(path.join(CACHE, name)).mtimeMs > 3_600_000,
  );
  for (const name of abandoned) await rm(path.join(CACHE, name), { recursive: true, force: true });
}

async function build(folder: string, dump: string): Promise<void> {
  await removeAbandonedBuilds();
  const scratch = path.join(CACHE, `building-${randomUUID()}`);
  const dataDir = path.join(scratch, "pglite");
  await mkdir(scratch, { recursive: true });
  try {
    await (await openStore({ dataDir })).close();
    const pglite = await PGlite.create(dataDir);
    const tar = await pglite.dumpDataDir("none");
    await pglite.close();
    await writeFile(path.join(scratch, "dump.tar"), Buffer.from(await tar.arrayBuffer()));
    await publish(path.join(scratch, "dump.tar"), dump);
    await publish(dataDir, folder);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

interface Template {
  /** A closed PGlite data folder: copy it, never open it. */
  folder: string;
  /** The same database as PGlite's dump, for `StoreOptions.pgliteDump`. */
  dump: string;
}

let template: Promise<Template> | undefined;

function pgliteTemplate(): Promise<Template> {
  template ??= (async () => {
    const key = inputsHash();
    const found = { folder: path.join(CACHE, `pglite-${key}`), dump: path.join(CACHE, `pglite-${key}.tar`) };
    if (!existsSync(found.folder) || !existsSync(found.dump)) await build(found.folder, found.dump);
    return found;
  })();
  return template;
}

/** The migrated database as a dump, to load into an in-memory PGlite. */
export async function migratedPgliteDump(): Promise<Blob> {
  return new Blob([await readFile((await pgliteTemplate()).dump)]);
}

/** Fills a new data folder with a copy of the migrated database. */
export async function copyMigratedPglite(dataDir: string): Promise<void> {
  await cp((await pgliteTemplate()).folder, dataDir, { recursive: true });
}
