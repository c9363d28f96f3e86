import { randomUUID } from "node:crypto";
import { type FileHandle, mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { config } from "../config.js";
import { allRows, type ListedResource, targetedProgrammes } from "../store/opendata.js";
import type { Db } from "../store/schema.js";
import { csvChunks, writeDataPackageZip } from "./datapackage.js";
import type { ResourceDef } from "./fields.js";

/** Where whole-dataset exports are kept: INFOPROG_EXPORTS_DIR, else ./data/exports. */
export function exportsDir(): string {
  return config().exportsDir;
}

/** A file of a family, e.g. `datapackage-<key>.zip`; a family keeps only its latest file. */
export interface ExportName {
  family: string;
  key: string;
  extension: string;
}

/** A temporary file this old belongs to a writer that died: no live writing goes that long unchanged. */
const ABANDONED_MS = 60 * 60 * 1000;

function fileName(name: ExportName): string {
  return `${name.family}-${name.key}${name.extension}`;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/**
 * Files derived from the data, written once per data state and then served from disk. Concurrent
 * requests for one file share one writing; a writing goes to a temporary name and is renamed when
 * complete, so a failure leaves no half file; a new file of a family removes the family's older ones.
 */
export class ExportFiles {
  private readonly writing = new Map<string, Promise<string>>();

  constructor(private readonly dir: string) {}

  /** The file, written by `write(temporaryPath)` unless it is already there. */
  async file(name: ExportName, write: (temporaryPath: string) => Promise<void>): Promise<string> {
    const target = path.join(this.dir, fileName(name));
    const pending = this.writing.get(target);
    if (pending) return pending;
    try {
      await stat(target);
      return target;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    const started = this.writing.get(target) ?? this.writeOnce(name, target, write);
    this.writing.set(target, started);
    return started.finally(() => this.writing.delete(target));
  }

  /**
   * The file opened for reading. Another process sharing the folder may remove it between writing and
   * opening (its data moved on); then it is written once more.
   */
  async open(name: ExportName, write: (temporaryPath: string) => Promise<void>): Promise<FileHandle> {
    try {
      return await open(await this.file(name, write), "r");
    } catch (error) {
      if (!isMissing(error)) throw error;
      return open(await this.file(name, write), "r");
    }
  }

  private async writeOnce(
    name: ExportName,
    target: string,
    write: (temporaryPath: string) => Promise<void>,
  ): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const temporary = `${target}.${process.pid}-${randomUUID()}.tmp`;
    try {
      await write(temporary);
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    await this.removeOthers(name, target);
    return target;
  }

  private async removeOthers(name: ExportName, keep: string): Promise<void> {
    const prefix = `${name.family}-`;
    for (const entry of await readdir(this.dir)) {
      const file = path.join(this.dir, entry);
      if (!entry.startsWith(prefix) || file === keep) continue;
      if (entry.endsWith(name.extension)) await rm(file, { force: true });
      else if (entry.endsWith(".tmp") && (await isAbandoned(file))) await rm(file, { force: true });
    }
  }
}

async function isAbandoned(file: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(file)).mtimeMs > ABANDONED_MS;
  } catch {
    return false;
  }
}

/**
 * datapackage.zip of every published row, read page by page from the database into the zip on disk:
 * memory holds one page and one compressed chunk, not the dataset.
 */
export async function writeDataPackageFile(
  db: Db,
  file: string,
  options: { linkBase: string; modified: string },
): Promise<void> {
  const csvOf = (resource: ResourceDef) =>
    resource.name === "targeted-programmes"
      ? csvChunks(
          resource,
          lazy(() => targetedProgrammes(db, options.linkBase)),
        )
      : csvChunks(resource, allRows(db, resource.name as ListedResource));
  const handle = await open(file, "w");
  try {
    await writeDataPackageZip(csvOf, { modified: options.modified }, async (chunk) => {
      await handle.write(chunk);
    });
  } finally {
    await handle.close();
  }
}

/** The rows of a query made only when the zip reaches its entry. */
async function* lazy<T>(rows: () => Promise<T[]>): AsyncGenerator<T> {
  yield* await rows();
}
